"""An adviser's tasks: which facts of a case, a stay or a settlement call for one, and when the fact is gone.

Each rule answers the tasks that should be open now (`TaskDue`), each with a key naming its fact: the service
opens a task per key once and clears the open tasks of those kinds whose fact is no longer there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from boligflyt.platform.errors import Conflict, RuleViolation

from .months import add_months


class TaskKind(StrEnum):
    OFFER_DECLINED = "offer_declined"
    AGREEMENT_RENEGOTIATION = "agreement_renegotiation"
    ESTABLISHMENT_INCOMPLETE = "establishment_incomplete"
    DOCUMENTS_MISSING = "documents_missing"
    APPEAL_DEADLINE = "appeal_deadline"
    STAY_DAYS = "stay_days"
    MOVE_IN_SLIPPED = "move_in_slipped"
    SETTLEMENT_DEADLINE = "settlement_deadline"
    BELONGINGS_NOTICE = "belongings_notice"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"  # the adviser did it
    DISMISSED = "dismissed"  # the adviser says it needs nothing, with a reason
    CLEARED = "cleared"  # the fact went away (the document arrived, the person moved in)


# The kinds a case's, a stay's and a settlement's rules decide; the service clears open tasks of these kinds only.
CASE_TASK_KINDS = frozenset({TaskKind.DOCUMENTS_MISSING, TaskKind.APPEAL_DEADLINE, TaskKind.MOVE_IN_SLIPPED})
STAY_TASK_KINDS = frozenset({TaskKind.STAY_DAYS})
SETTLEMENT_TASK_KINDS = frozenset({TaskKind.SETTLEMENT_DEADLINE})

# A notice to collect belongings left behind gives the owner a month (NAV's routine after a stay ends).
BELONGINGS_NOTICE_MONTHS = 1


@dataclass(frozen=True)
class TaskRules:
    """The adviser's settings: how long documents may be missing, how early deadlines and stay days warn."""

    documents_missing_days: int = 14
    appeal_warning_days: int = 5
    stay_thresholds: tuple[int, ...] = (60, 75, 90)
    stay_warning_days: int = 7
    settlement_warning_days: int = 14

    def __post_init__(self) -> None:
        if min(self.documents_missing_days, self.appeal_warning_days, self.stay_warning_days) < 0:
            raise ValueError("task days cannot be negative")
        if self.settlement_warning_days < 0 or any(t <= 0 for t in self.stay_thresholds):
            raise ValueError("task days cannot be negative, thresholds must be positive")


@dataclass(frozen=True)
class TaskDue:
    """A task the facts call for: `key` names the fact, so the same fact never opens a second task."""

    kind: TaskKind
    key: str
    due_on: date | None
    description: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseFacts:
    """What the task rules read of NAV's view of a referred case."""

    application_id: str
    state: str
    missing_documents: tuple[str, ...] = ()
    documents_requested_on: date | None = None
    outcome: str | None = None
    appeal_deadline: date | None = None
    appealed_on: date | None = None
    planned_move_in_on: date | None = None
    first_planned_move_in_on: date | None = None
    moved_in_on: date | None = None


def case_tasks(facts: CaseFacts, today: date, rules: TaskRules) -> list[TaskDue]:
    """The tasks a referred case calls for today."""
    due: list[TaskDue] = []
    app = facts.application_id
    if facts.missing_documents and facts.documents_requested_on is not None and facts.state == "incomplete":
        overdue_from = facts.documents_requested_on + timedelta(days=rules.documents_missing_days)
        if today >= overdue_from:
            due.append(
                TaskDue(
                    TaskKind.DOCUMENTS_MISSING,
                    f"documents_missing:{app}:{facts.documents_requested_on.isoformat()}",
                    today,
                    f"Boligkontoret asked on {facts.documents_requested_on} for documents still missing "
                    f"({', '.join(facts.missing_documents)}): help the person send them.",
                    {"application_id": app, "missing_documents": list(facts.missing_documents)},
                )
            )
    deadline = facts.appeal_deadline
    if (
        facts.state == "rejected"
        and facts.appealed_on is None
        and deadline is not None
        and deadline - timedelta(days=rules.appeal_warning_days) <= today <= deadline
    ):
        due.append(
            TaskDue(
                TaskKind.APPEAL_DEADLINE,
                f"appeal_deadline:{app}:{deadline.isoformat()}",
                deadline,
                f"The application was refused; the appeal deadline is {deadline}: help the person appeal, "
                "or record why not.",
                {"application_id": app, "appeal_deadline": deadline.isoformat()},
            )
        )
    planned, first = facts.planned_move_in_on, facts.first_planned_move_in_on
    if planned is not None and first is not None and planned > first and facts.moved_in_on is None:
        due.append(
            TaskDue(
                TaskKind.MOVE_IN_SLIPPED,
                f"move_in_slipped:{app}:{planned.isoformat()}",
                first,
                f"The dwelling's renovation slipped: the move-in planned for {first} is now {planned}. "
                "The stay lasts until then: check the place and the 3-month limit.",
                {"application_id": app, "planned_move_in_on": first.isoformat(), "now": planned.isoformat()},
            )
        )
    return due


def stay_tasks(stay_id: str, start: date, end: date | None, today: date, rules: TaskRules) -> list[TaskDue]:
    """The stay approaches day 60, 75 or 90: one task for the latest threshold within the warning days (an
    earlier one is superseded), none once the stay has ended."""
    if end is not None:
        return []
    reached = [t for t in sorted(rules.stay_thresholds) if today >= start + timedelta(days=t - rules.stay_warning_days)]
    if not reached:
        return []
    threshold = reached[-1]
    day = start + timedelta(days=threshold)
    return [
        TaskDue(
            TaskKind.STAY_DAYS,
            f"stay_days:{stay_id}:{threshold}",
            day,
            f"The stay reaches day {threshold} on {day}: follow up the way to a home.",
            {"stay_id": stay_id, "threshold": threshold},
        )
    ]


def settlement_tasks(
    settlement_id: str, deadline: date | None, settled: bool, today: date, rules: TaskRules
) -> list[TaskDue]:
    """The household's settlement deadline is near and it has no home yet. The deadline is the national one (from
    the residence permit) where NAV knows the permit, else the date NAV planned."""
    if settled or deadline is None:
        return []
    if today < deadline - timedelta(days=rules.settlement_warning_days):
        return []
    return [
        TaskDue(
            TaskKind.SETTLEMENT_DEADLINE,
            f"settlement_deadline:{settlement_id}:{deadline.isoformat()}",
            deadline,
            f"The household is to be settled by {deadline} and has no dwelling yet.",
            {"settlement_id": settlement_id, "settlement_deadline": deadline.isoformat()},
        )
    ]


def belongings_task(stay_id: str, end_date: date) -> TaskDue:
    """The person left belongings behind: a letter gives a month to collect them; after it they may be disposed of."""
    deadline = add_months(end_date, BELONGINGS_NOTICE_MONTHS)
    return TaskDue(
        TaskKind.BELONGINGS_NOTICE,
        f"belongings_notice:{stay_id}",
        deadline,
        f"Belongings were left behind when the stay ended on {end_date}: send the notice letter; the owner may "
        f"collect them until {deadline}.",
        {"stay_id": stay_id, "ended_on": end_date.isoformat(), "collect_by": deadline.isoformat()},
    )


def stale_tasks(open_keys: dict[str, str], due: list[TaskDue], kinds: frozenset[TaskKind]) -> list[str]:
    """Of the open tasks (key -> kind), those of `kinds` whose fact is gone: to clear."""
    still = {d.key for d in due}
    return [key for key, kind in open_keys.items() if kind in kinds and key not in still]


def task_status(done_at: datetime | None, resolution: str | None) -> TaskStatus:
    if done_at is None:
        return TaskStatus.OPEN
    return TaskStatus(resolution) if resolution else TaskStatus.DONE


def check_task_open(done_at: datetime | None, resolution: str | None = None) -> None:
    if done_at is not None:
        state = task_status(done_at, resolution).value
        raise Conflict(f"the task is already {state}", current_state=state)


def check_dismissal_reason(reason: str) -> str:
    """A task is dismissed only with a reason the next adviser can read."""
    text = reason.strip()
    if not text:
        raise RuleViolation("a dismissed task needs a reason", code="reason_required")
    return text
