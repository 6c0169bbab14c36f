"""Offers of a dwelling: the answer, the planned move-in, the deadline, the next in line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum

from boligflyt.platform.errors import Conflict, RuleViolation


class OfferState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"  # the dwelling was withdrawn while the offer stood


def answer_offer(state: OfferState, answer: OfferState) -> OfferState:
    if state is not OfferState.PENDING:
        raise Conflict(f"the offer is already {state.value}", current_state=state.value)
    if answer is OfferState.PENDING:
        raise RuleViolation("an answer must accept, decline or expire the offer", code="invalid_answer")
    return answer


def check_planned_move_in(planned_move_in_on: date | None, today: date) -> None:
    if planned_move_in_on is not None and planned_move_in_on < today:
        raise RuleViolation("the planned move-in cannot be in the past", code="move_in_in_past")


def is_overdue(state: OfferState, answer_deadline: date, today: date) -> bool:
    return state is OfferState.PENDING and today > answer_deadline


def next_in_recommendation(
    recommendation: Sequence[str], already_offered: Iterable[str], still_waiting: Iterable[str]
) -> tuple[str, int] | None:
    """The next ranked applicant (id, 1-based rank) not yet offered this dwelling and still on the list."""
    offered = set(already_offered)
    waiting = set(still_waiting)
    for position, application_id in enumerate(recommendation, start=1):
        if application_id not in offered and application_id in waiting:
            return application_id, position
    return None
