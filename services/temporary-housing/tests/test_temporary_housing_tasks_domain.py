"""The adviser's task rules and NAV's case states, pure: one test per rule, on the edges of its days."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from boligflyt.platform.errors import Conflict, RuleViolation
from boligflyt.temporary_housing import domain
from boligflyt.temporary_housing.domain import CaseFacts, CaseState, TaskKind, TaskRules

RULES = TaskRules(documents_missing_days=14, appeal_warning_days=5, stay_thresholds=(60, 75, 90), stay_warning_days=7)


def kinds(due: list[domain.TaskDue]) -> list[str]:
    return [d.key for d in due]


def test_documents_missing_for_n_days_calls_for_a_task_until_they_arrive() -> None:
    asked = date(2015, 1, 12)
    facts = CaseFacts("app-1", "incomplete", ("tax_assessment",), asked)
    assert domain.case_tasks(facts, date(2015, 1, 25), RULES) == []  # 13 days
    [task] = domain.case_tasks(facts, date(2015, 1, 26), RULES)  # 14 days
    assert (task.kind, task.key) == (TaskKind.DOCUMENTS_MISSING, "documents_missing:app-1:2015-01-12")
    assert task.detail["missing_documents"] == ["tax_assessment"]
    arrived = CaseFacts("app-1", "complete", (), None)
    assert domain.case_tasks(arrived, date(2015, 2, 26), RULES) == []
    # Asked again later (other documents): a new fact, a new task.
    again = CaseFacts("app-1", "incomplete", ("housing_situation",), date(2015, 3, 1))
    assert kinds(domain.case_tasks(again, date(2015, 3, 15), RULES)) == ["documents_missing:app-1:2015-03-01"]


def test_the_appeal_deadline_warns_five_days_before_until_appealed_or_passed() -> None:
    deadline = date(2015, 2, 18)
    refused = CaseFacts("app-1", "rejected", outcome="rejected", appeal_deadline=deadline)
    assert domain.case_tasks(refused, date(2015, 2, 12), RULES) == []  # 6 days before
    [task] = domain.case_tasks(refused, date(2015, 2, 13), RULES)  # 5 days before
    assert (task.kind, task.due_on) == (TaskKind.APPEAL_DEADLINE, deadline)
    assert len(domain.case_tasks(refused, deadline, RULES)) == 1
    assert domain.case_tasks(refused, date(2015, 2, 19), RULES) == []  # passed
    appealed = CaseFacts(
        "app-1", "appealed", outcome="rejected", appeal_deadline=deadline, appealed_on=date(2015, 2, 14)
    )
    assert domain.case_tasks(appealed, date(2015, 2, 15), RULES) == []
    approved = CaseFacts("app-1", "approved", outcome="approved")
    assert domain.case_tasks(approved, date(2015, 2, 15), RULES) == []


def test_a_renovation_slipping_past_the_planned_move_in_calls_for_a_task_per_new_date() -> None:
    first = date(2015, 3, 1)
    on_time = CaseFacts("app-1", "allocated", planned_move_in_on=first, first_planned_move_in_on=first)
    assert domain.case_tasks(on_time, date(2015, 2, 20), RULES) == []
    slipped = CaseFacts("app-1", "allocated", planned_move_in_on=date(2015, 3, 8), first_planned_move_in_on=first)
    [task] = domain.case_tasks(slipped, date(2015, 2, 20), RULES)
    assert (task.kind, task.key) == (TaskKind.MOVE_IN_SLIPPED, "move_in_slipped:app-1:2015-03-08")
    again = CaseFacts("app-1", "allocated", planned_move_in_on=date(2015, 3, 15), first_planned_move_in_on=first)
    assert kinds(domain.case_tasks(again, date(2015, 2, 21), RULES)) == ["move_in_slipped:app-1:2015-03-15"]
    moved = CaseFacts(
        "app-1", "moved_in", planned_move_in_on=date(2015, 3, 15), first_planned_move_in_on=first, moved_in_on=first
    )
    assert domain.case_tasks(moved, date(2015, 3, 15), RULES) == []


def test_a_stay_approaching_day_60_75_and_90_has_one_task_for_the_latest_threshold() -> None:
    start = date(2015, 1, 1)
    assert domain.stay_tasks("stay-1", start, None, date(2015, 2, 22), RULES) == []  # day 52
    [sixty] = domain.stay_tasks("stay-1", start, None, date(2015, 2, 23), RULES)  # day 53: 7 days before day 60
    assert (sixty.key, sixty.due_on) == ("stay_days:stay-1:60", date(2015, 3, 2))
    assert kinds(domain.stay_tasks("stay-1", start, None, date(2015, 3, 10), RULES)) == ["stay_days:stay-1:75"]
    assert kinds(domain.stay_tasks("stay-1", start, None, date(2015, 3, 25), RULES)) == ["stay_days:stay-1:90"]
    assert domain.stay_tasks("stay-1", start, date(2015, 3, 25), date(2015, 3, 25), RULES) == []  # ended


def test_a_settlement_date_near_without_a_dwelling_calls_for_a_task() -> None:
    planned = date(2015, 4, 15)
    assert domain.settlement_tasks("set-1", planned, False, date(2015, 3, 31), RULES) == []  # 15 days before
    [task] = domain.settlement_tasks("set-1", planned, False, date(2015, 4, 1), RULES)
    assert (task.kind, task.due_on) == (TaskKind.SETTLEMENT_DEADLINE, planned)
    assert domain.settlement_tasks("set-1", planned, True, date(2015, 4, 1), RULES) == []
    assert domain.settlement_tasks("set-1", None, False, date(2015, 4, 1), RULES) == []


def test_belongings_left_behind_give_a_month_from_the_end_of_the_stay() -> None:
    task = domain.belongings_task("stay-1", date(2015, 1, 31))
    assert (task.kind, task.key, task.due_on) == (
        TaskKind.BELONGINGS_NOTICE,
        "belongings_notice:stay-1",
        date(2015, 2, 28),
    )


def test_open_tasks_whose_fact_is_gone_are_stale_only_within_the_rules_kinds() -> None:
    due = [domain.belongings_task("stay-1", date(2015, 1, 31))]
    open_keys = {
        "stay_days:stay-1:60": "stay_days",
        "belongings_notice:stay-1": "belongings_notice",
        "offer_declined:off-1:stay-1": "offer_declined",
    }
    assert domain.stale_tasks(open_keys, due, domain.STAY_TASK_KINDS) == ["stay_days:stay-1:60"]


def test_a_task_closes_once_and_a_dismissal_needs_a_reason() -> None:
    closed = datetime(2015, 1, 1, tzinfo=UTC)
    assert domain.task_status(None, None) is domain.TaskStatus.OPEN
    assert domain.task_status(closed, None) is domain.TaskStatus.DONE
    assert domain.task_status(closed, "cleared") is domain.TaskStatus.CLEARED
    domain.check_task_open(None)
    with pytest.raises(Conflict, match="already dismissed"):
        domain.check_task_open(closed, "dismissed")
    with pytest.raises(RuleViolation):
        domain.check_dismissal_reason("   ")
    assert domain.check_dismissal_reason(" appeals on their own ") == "appeals on their own"


def test_late_offer_facts_never_move_a_case_back_but_the_applications_own_steps_may() -> None:
    assert domain.next_case_state(CaseState.ALLOCATED, CaseState.OFFERED, may_go_back=False) is CaseState.ALLOCATED
    assert domain.next_case_state(CaseState.APPROVED, CaseState.OFFERED, may_go_back=False) is CaseState.OFFERED
    assert domain.next_case_state(CaseState.APPEALED, CaseState.REJECTED, may_go_back=True) is CaseState.REJECTED
    assert domain.next_case_state(CaseState.COMPLETE, CaseState.INCOMPLETE, may_go_back=True) is CaseState.INCOMPLETE
    assert domain.next_case_state(CaseState.MOVED_IN, CaseState.APPROVED, may_go_back=True) is CaseState.MOVED_IN
    assert domain.next_case_state(CaseState.ALLOCATED, CaseState.MOVED_IN, may_go_back=False) is CaseState.MOVED_IN


def test_task_rules_refuse_negative_days() -> None:
    with pytest.raises(ValueError):
        TaskRules(documents_missing_days=-1)
