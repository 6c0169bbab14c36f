"""The application's state machine, its documents, NAV's referrals and appeals."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from boligflyt.contracts.codes import ApplicationKind, LeftListReason, Referrer
from boligflyt.platform.errors import Conflict, RuleViolation


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    INCOMPLETE = "incomplete"
    COMPLETE = "complete"
    APPROVED = "approved"  # on the waiting list
    REJECTED = "rejected"
    APPEALED = "appealed"
    OFFERED = "offered"
    ALLOCATED = "allocated"
    CONTRACTED = "contracted"
    MOVED_IN = "moved_in"
    WITHDRAWN = "withdrawn"
    DECLINED_OFFER = "declined_offer"
    LAPSED = "lapsed"
    HOUSED_ELSEWHERE = "housed_elsewhere"


class ApplicationCommand(StrEnum):
    CHECK_COMPLETENESS = "check_completeness"
    APPROVE = "approve"
    REJECT = "reject"
    APPEAL = "appeal"
    OFFER = "offer"
    OFFER_EXPIRED = "offer_expired"
    OFFER_CANCELLED = "offer_cancelled"  # the dwelling was withdrawn while the offer stood
    DECLINE_OFFER = "decline_offer"
    ACCEPT_OFFER = "accept_offer"
    SIGN_CONTRACT = "sign_contract"
    MOVE_IN = "move_in"
    WITHDRAW = "withdraw"
    LAPSE = "lapse"
    HOUSED_ELSEWHERE = "housed_elsewhere"


S = ApplicationState
C = ApplicationCommand

_BEFORE_DECISION = frozenset({S.SUBMITTED, S.INCOMPLETE, S.COMPLETE})

# Each command, the states it may start from. The target is fixed except for the completeness check
# (incomplete or complete, by the documents) and is given by `_TARGET`.
_ALLOWED_FROM: dict[ApplicationCommand, frozenset[ApplicationState]] = {
    C.CHECK_COMPLETENESS: _BEFORE_DECISION,
    C.APPROVE: frozenset({S.COMPLETE, S.APPEALED}),
    # A refusal for missing documentation may come while the application is still incomplete.
    C.REJECT: frozenset({S.INCOMPLETE, S.COMPLETE, S.APPEALED}),
    C.APPEAL: frozenset({S.REJECTED}),
    C.OFFER: frozenset({S.APPROVED}),
    C.OFFER_EXPIRED: frozenset({S.OFFERED}),
    C.OFFER_CANCELLED: frozenset({S.OFFERED}),
    C.DECLINE_OFFER: frozenset({S.OFFERED}),
    C.ACCEPT_OFFER: frozenset({S.OFFERED}),
    C.SIGN_CONTRACT: frozenset({S.ALLOCATED}),
    C.MOVE_IN: frozenset({S.CONTRACTED}),
    C.WITHDRAW: _BEFORE_DECISION | {S.APPROVED, S.REJECTED},
    C.LAPSE: frozenset({S.APPROVED}),
    C.HOUSED_ELSEWHERE: frozenset({S.APPROVED}),
}

_TARGET: dict[ApplicationCommand, ApplicationState] = {
    C.APPROVE: S.APPROVED,
    C.REJECT: S.REJECTED,
    C.APPEAL: S.APPEALED,
    C.OFFER: S.OFFERED,
    C.OFFER_EXPIRED: S.APPROVED,  # silence keeps the household on the list; the dwelling moves on
    C.OFFER_CANCELLED: S.APPROVED,
    C.DECLINE_OFFER: S.DECLINED_OFFER,  # one-offer rule (§ 16): declining ends the need
    C.ACCEPT_OFFER: S.ALLOCATED,
    C.SIGN_CONTRACT: S.CONTRACTED,
    C.MOVE_IN: S.MOVED_IN,
    C.WITHDRAW: S.WITHDRAWN,
    C.LAPSE: S.LAPSED,
    C.HOUSED_ELSEWHERE: S.HOUSED_ELSEWHERE,
}

FINAL_STATES = frozenset({S.MOVED_IN, S.WITHDRAWN, S.DECLINED_OFFER, S.LAPSED, S.HOUSED_ELSEWHERE})
ON_WAITING_LIST = frozenset({S.APPROVED, S.OFFERED})

LEFT_LIST_REASON: dict[ApplicationState, LeftListReason] = {
    S.WITHDRAWN: LeftListReason.WITHDRAWN,
    S.DECLINED_OFFER: LeftListReason.DECLINED_OFFER,
    S.LAPSED: LeftListReason.LAPSED,
    S.HOUSED_ELSEWHERE: LeftListReason.HOUSED_ELSEWHERE,
}

# How a caseworker takes an application off the list, by the reason; declining goes only through an offer.
LEAVE_LIST_COMMAND: dict[LeftListReason, ApplicationCommand] = {
    LeftListReason.WITHDRAWN: C.WITHDRAW,
    LeftListReason.LAPSED: C.LAPSE,
    LeftListReason.HOUSED_ELSEWHERE: C.HOUSED_ELSEWHERE,
}


def allowed_commands(state: ApplicationState) -> list[ApplicationCommand]:
    return [command for command, sources in _ALLOWED_FROM.items() if state in sources]


def application_transition(
    state: ApplicationState, command: ApplicationCommand, *, complete: bool = False
) -> ApplicationState:
    """The state after `command`, or Conflict (409) naming the current state."""
    if state not in _ALLOWED_FROM[command]:
        raise Conflict(
            f"cannot {command.value.replace('_', ' ')} an application that is {state.value}",
            current_state=state.value,
        )
    if command is C.CHECK_COMPLETENESS:
        return S.COMPLETE if complete else S.INCOMPLETE
    return _TARGET[command]


# Documents every application needs, and those each kind adds (the caseworker's checklist).
REQUIRED_DOCUMENTS: dict[ApplicationKind, tuple[str, ...]] = {
    ApplicationKind.RENTAL: ("income_documentation", "tax_assessment", "housing_situation"),
    ApplicationKind.CARE: ("income_documentation", "tax_assessment", "housing_situation", "care_needs_assessment"),
    ApplicationKind.STAFFED: ("income_documentation", "tax_assessment", "housing_situation", "service_decision"),
}
KNOWN_DOCUMENTS = frozenset(doc for docs in REQUIRED_DOCUMENTS.values() for doc in docs) | {"rent_arrears_statement"}


def missing_documents(kind: ApplicationKind, received: Iterable[str]) -> list[str]:
    have = set(received)
    return [doc for doc in REQUIRED_DOCUMENTS[kind] if doc not in have]


NAV_REFERRERS = frozenset({Referrer.NAV, Referrer.NAV_INTRO})


def check_referral(referrer: Referrer, referrer_case_ref: str | None, *, by_nav: bool) -> None:
    """NAV submits as the referrer it is (NAV or NAV Intro), naming its own case: the stay."""
    if not by_nav:
        return
    if referrer not in NAV_REFERRERS:
        raise RuleViolation("NAV submits applications as referrer nav or nav_intro", code="referrer_mismatch")
    if referrer_case_ref is None:
        raise RuleViolation("NAV's referral needs its case reference (the stay id)", code="case_ref_missing")


def reply_to(referrer: Referrer) -> str:
    """Who the letters go to: for NAV Intro the programme adviser, not the applicant (the NAV-Boligkontoret
    routine for settling refugees)."""
    return "referrer" if referrer is Referrer.NAV_INTRO else "applicant"


def appeal_within_deadline(decided_on: date | None, appeal_deadline: date | None, appealed_on: date) -> bool:
    """Whether the appeal came in time; it cannot come before the decision it appeals."""
    if decided_on is not None and appealed_on < decided_on:
        raise RuleViolation("an appeal cannot arrive before the decision", code="appeal_before_decision")
    return appeal_deadline is not None and appealed_on <= appeal_deadline
