"""The allocation committee (TBO): its case list, which freezes before the meeting, its decisions, and its
allocation of a dwelling to a household on Boligkontoret's recommendation."""

from __future__ import annotations

from datetime import date

from boligflyt.platform.errors import Conflict, RuleViolation

from .applications import ApplicationState, S
from .deadlines import CASE_LIST_WORKING_DAYS, appeal_deadline
from .suitability import Needs, mismatches
from .waiting_list import Ranked, Recommendation

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


def check_meeting_held(meeting_date: date, today: date) -> None:
    if today < meeting_date:
        raise Conflict(f"the meeting on {meeting_date.isoformat()} has not been held yet", current_state="scheduled")


def check_on_waiting_list(application_id: str, state: ApplicationState) -> None:
    """The committee allocates to an approved household waiting for a dwelling (not one holding an offer)."""
    if state is not S.APPROVED:
        raise Conflict(
            f"application {application_id} is {state.value}, not waiting for a dwelling", current_state=state.value
        )


def check_committee_choice(
    advice: Recommendation, application_id: str, needs: Needs, deviation_reason: str | None
) -> Ranked:
    """The household the committee chose must suit the dwelling; choosing another than the one proposed is a
    deviation from the recommendation, and needs its reason on record."""
    chosen = next((r for r in advice.ranked if r.candidate.application_id == application_id), None)
    if chosen is None:
        reasons = mismatches(needs, advice.dwelling.fit) or ["the household is not among those the dwelling suits"]
        raise RuleViolation(
            f"dwelling {advice.dwelling.fit.dwelling_id} does not suit the household: " + "; ".join(reasons),
            code="unsuitable_dwelling",
            extra={"reasons": reasons},
        )
    proposed = advice.proposed
    if (
        proposed is not None
        and proposed.candidate.application_id != application_id
        and not (deviation_reason or "").strip()
    ):
        raise RuleViolation(
            f"the recommendation proposed application {proposed.candidate.application_id}; allocating to another "
            "household needs the committee's reason (deviation_reason)",
            code="deviation_reason_required",
            extra={"proposed_application_id": proposed.candidate.application_id},
        )
    return chosen
