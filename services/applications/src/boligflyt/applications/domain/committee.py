"""The allocation committee (TBO): its case list, which freezes before the meeting, and its decisions."""

from __future__ import annotations

from datetime import date

from boligflyt.platform.errors import Conflict, RuleViolation

from .applications import ApplicationState, S
from .deadlines import CASE_LIST_WORKING_DAYS, appeal_deadline

# The states in which an application goes to the committee: to be decided, or decided again on appeal.
CASE_STATES = frozenset({S.INCOMPLETE, S.COMPLETE, S.APPEALED})


def case_list_frozen(freezes_on: date, today: date) -> bool:
    return today >= freezes_on


def check_case_list_open(meeting_date: date, freezes_on: date, today: date) -> None:
    if case_list_frozen(freezes_on, today):
        raise Conflict(
            f"the case list of the meeting on {meeting_date.isoformat()} was frozen on "
            f"{freezes_on.isoformat()} ({CASE_LIST_WORKING_DAYS} working days before)",
            current_state="case_list_frozen",
        )


def check_committee_case(state: ApplicationState) -> None:
    if state not in CASE_STATES:
        raise Conflict(f"an application that is {state.value} cannot go to the committee", current_state=state.value)


def check_decision(meeting_date: date, today: date, *, on_case_list: bool, decided_as: str | None) -> None:
    """The committee decides a case on its meeting's list, once, when the meeting has been held."""
    if today < meeting_date:
        raise Conflict(f"the meeting on {meeting_date.isoformat()} has not been held yet", current_state="scheduled")
    if not on_case_list:
        raise RuleViolation("the application is not on this meeting's case list", code="not_on_case_list")
    if decided_as is not None:
        raise Conflict("the committee has already decided this case", current_state=decided_as)


def decision_appeal_deadline(approved: bool, meeting_date: date, notified_on: date) -> date | None:
    """A refusal can be appealed until three weeks after the applicant was told, which is never before the meeting."""
    return None if approved else appeal_deadline(max(notified_on, meeting_date))
