"""NAV's view of a case it referred to Boligkontoret, kept from Boligkontoret's events: where the housing
application stands. Boligkontoret decides; NAV only follows, so these rules say how a fact moves NAV's copy."""

from __future__ import annotations

from enum import StrEnum


class CaseState(StrEnum):
    """Where the referred application stands, as far as NAV knows."""

    SUBMITTED = "submitted"
    INCOMPLETE = "incomplete"  # Boligkontoret asked for documents
    COMPLETE = "complete"
    ON_CASE_LIST = "on_case_list"  # a committee meeting will decide it
    APPROVED = "approved"  # on the waiting list
    REJECTED = "rejected"
    APPEALED = "appealed"
    OFFERED = "offered"
    ALLOCATED = "allocated"
    DECLINED_OFFER = "declined_offer"
    LEFT_LIST = "left_list"
    MOVED_IN = "moved_in"


# How far along the way to a home each state is. Offers are keyed by offer, the application's own steps by
# application, so on Kafka an offer's events may arrive after the allocation that followed them: such a late
# fact never moves the case back.
_PROGRESS: dict[CaseState, int] = {
    CaseState.SUBMITTED: 0,
    CaseState.INCOMPLETE: 1,
    CaseState.COMPLETE: 2,
    CaseState.ON_CASE_LIST: 3,
    CaseState.REJECTED: 4,
    CaseState.APPEALED: 5,
    CaseState.APPROVED: 6,
    CaseState.OFFERED: 7,
    CaseState.DECLINED_OFFER: 8,
    CaseState.LEFT_LIST: 8,
    CaseState.ALLOCATED: 9,
    CaseState.MOVED_IN: 10,
}

# States the case never leaves: a later application is a new case.
FINAL_STATES = frozenset({CaseState.MOVED_IN, CaseState.LEFT_LIST, CaseState.DECLINED_OFFER})


def next_case_state(current: CaseState, fact: CaseState, *, may_go_back: bool) -> CaseState:
    """The state after a fact. `may_go_back` is for the application's own steps, which arrive in order (a decision
    after an appeal, documents asked for again, an offer expired back to the waiting list); a final state stays."""
    if current in FINAL_STATES and fact is not CaseState.MOVED_IN:
        return current
    if may_go_back or _PROGRESS[fact] >= _PROGRESS[current]:
        return fact
    return current
