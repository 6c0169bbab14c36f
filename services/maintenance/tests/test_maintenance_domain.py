"""Unit and property tests of LKE's pure rules (domain.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boligflyt.contracts.codes import AcquisitionMethod, AcquisitionStage, DwellingOwner, DwellingStatus
from boligflyt.maintenance import domain
from boligflyt.maintenance.domain import Command, StatusChange
from boligflyt.platform.errors import Conflict, RuleViolation

S = DwellingStatus


def test_the_turnover_cycle() -> None:
    status = S.LET
    for command in (
        Command.GIVE_NOTICE,
        Command.END_TENANCY,
        Command.FAIL_INSPECTION,
        Command.START_RENOVATION,
        Command.COMPLETE_RENOVATION,
        Command.RESERVE,
        Command.LET,
    ):
        status = domain.transition(status, command)
    assert status is S.LET


def test_a_refused_transition_names_the_current_state() -> None:
    with pytest.raises(Conflict) as refused:
        domain.transition(S.READY, Command.GIVE_NOTICE, dwelling_id="dwelling dw-1")
    assert refused.value.current_state == "ready"
    assert "dw-1 is ready" in refused.value.detail and "let" in refused.value.detail


@given(st.lists(st.sampled_from(list(Command)), max_size=40))
def test_random_commands_only_ever_take_allowed_steps(commands: list[Command]) -> None:
    status = S.LET
    for command in commands:
        sources, target = domain.TRANSITIONS[command]
        try:
            after = domain.transition(status, command)
        except Conflict as exc:
            assert status not in sources and exc.current_state == status.value
            continue
        assert status in sources and after is target
        # Nothing reaches `let` without having been ready (or reserved), or after a notice was withdrawn.
        if after is S.LET:
            assert status in (S.READY, S.RESERVED, S.NOTICE_GIVEN)
        status = after


def days(start: date, *offsets_and_statuses: tuple[int, DwellingStatus]) -> list[StatusChange]:
    return [StatusChange(status, start + timedelta(days=offset)) for offset, status in offsets_and_statuses]


def test_void_split_follows_the_housemark_definition() -> None:
    end = date(2015, 3, 1)  # a Sunday
    history = [
        StatusChange(S.LET, date(2012, 1, 1)),
        StatusChange(S.NOTICE_GIVEN, date(2015, 2, 1)),
        *days(end, (0, S.VACANT), (3, S.INSPECTED), (5, S.RENOVATING), (20, S.READY), (22, S.RESERVED), (30, S.LET)),
    ]
    [period] = domain.void_periods(history, as_of=date(2016, 1, 1))
    assert (period.waiting_for_renovation, period.renovating, period.ready_not_let) == (4, 15, 10)
    assert period.total == 29 == (period.let_on - end).days - 1  # type: ignore[operator]


def test_let_the_next_day_is_no_void_and_withdrawal_ends_a_void_uncounted() -> None:
    end = date(2015, 3, 1)
    assert domain.void_periods(days(end, (0, S.VACANT), (0, S.READY), (1, S.LET)), as_of=end)[0].total == 0
    assert domain.void_periods(days(end, (0, S.VACANT), (4, S.WITHDRAWN)), as_of=end + timedelta(days=10)) == []


def test_an_open_void_counts_up_to_the_as_of_date_and_two_voids_are_two() -> None:
    end = date(2015, 1, 1)
    history = days(end, (0, S.VACANT), (2, S.READY), (5, S.LET), (40, S.VACANT), (41, S.RENOVATING))
    first, second = domain.void_periods(history, as_of=end + timedelta(days=45))
    assert (first.waiting_for_renovation, first.ready_not_let, first.total) == (1, 3, 4)
    assert second.let_on is None and (second.waiting_for_renovation, second.renovating) == (0, 5)


@given(st.integers(0, 20), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 20))
def test_the_split_always_adds_up_to_the_re_let_time(
    wait: int, renovate: int, ready: int, extra_wait: int, gap: int
) -> None:
    end = date(2015, 6, 30)
    history = days(
        end,
        (0, S.VACANT),
        (wait, S.INSPECTED),
        (wait + extra_wait, S.RENOVATING),
        (wait + extra_wait + renovate, S.READY),
        (wait + extra_wait + renovate + ready + gap, S.LET),
    )
    [period] = domain.void_periods(history, as_of=end + timedelta(days=1000))
    assert period.total == max(0, (period.let_on - end).days - 1)  # type: ignore[operator]
    assert min(period.waiting_for_renovation, period.renovating, period.ready_not_let) >= 0


@pytest.mark.parametrize(
    ("ordered", "due"),
    [
        (date(2015, 1, 5), date(2015, 2, 5)),
        (date(2015, 1, 31), date(2015, 2, 28)),
        (date(2016, 1, 30), date(2016, 2, 29)),
        (date(2015, 12, 15), date(2016, 1, 15)),
    ],
)
def test_default_due_date_is_one_month(ordered: date, due: date) -> None:
    assert domain.default_due_date(ordered) == due


def test_lost_rent_is_daily_rent_times_days_late() -> None:
    assert domain.daily_rent(7300) == 240
    assert domain.days_late(date(2015, 3, 2), date(2015, 3, 1)) == 0
    assert domain.lost_rent(240, domain.days_late(date(2015, 3, 2), date(2015, 3, 5))) == 720


def test_checklist_assessment() -> None:
    items = ["fire_safety", "keys"]
    ok = [domain.ChecklistResult("fire_safety", True), domain.ChecklistResult("keys", True)]
    assert domain.assess(items, ok) is True
    failed = [domain.ChecklistResult("fire_safety", False, "no smoke detector"), domain.ChecklistResult("keys", True)]
    assert domain.assess(items, failed) is False
    with pytest.raises(RuleViolation, match="not answered: keys"):
        domain.assess(items, ok[:1])
    with pytest.raises(RuleViolation, match="answered twice"):
        domain.assess(items, [*ok, ok[0]])
    with pytest.raises(RuleViolation, match="needs a note"):
        domain.assess(items, [domain.ChecklistResult("fire_safety", False, " "), ok[1]])


def test_inspection_on_notice_is_within_a_week_and_before_move_out() -> None:
    given_on = date(2015, 1, 5)
    assert domain.planned_inspection(given_on, date(2015, 2, 1)) == date(2015, 1, 12)
    assert domain.planned_inspection(given_on, date(2015, 1, 8)) == date(2015, 1, 8)


def test_dwelling_facts() -> None:
    facts = domain.DwellingFacts(
        owner=DwellingOwner.HOUSING_COOP,
        rooms=2,
        bedrooms=3,
        floor_area_m2=0,
        monthly_rent=-1,
        head_lease_end=date(2016, 1, 1),
        coop_board_approval=False,
    )
    problems = " | ".join(facts.problems())
    for expected in ("negative", "exceed rooms", "floor_area", "only for privately leased", "board"):
        assert expected in problems


def test_stage_pipeline() -> None:
    domain.check_stage_move(AcquisitionMethod.BUILD, AcquisitionStage.IDENTIFIED, AcquisitionStage.ZONED)
    with pytest.raises(Conflict):
        domain.check_stage_move(AcquisitionMethod.BUILD, AcquisitionStage.IDENTIFIED, AcquisitionStage.TAKEN_OVER)
    with pytest.raises(Conflict):
        domain.check_stage_move(AcquisitionMethod.BUILD, AcquisitionStage.ZONED, AcquisitionStage.IDENTIFIED)
    domain.check_stage_move(AcquisitionMethod.BUY_EXISTING, AcquisitionStage.IDENTIFIED, AcquisitionStage.TAKEN_OVER)
    assert domain.can_deliver(AcquisitionMethod.LEASE_IN, AcquisitionStage.IDENTIFIED)
    assert not domain.can_deliver(AcquisitionMethod.BUILD, AcquisitionStage.UNDER_CONSTRUCTION)


def test_as_of_a_past_day_a_later_let_is_not_yet_seen() -> None:
    end = date(2015, 1, 1)
    history = days(end, (0, S.VACANT), (3, S.READY), (10, S.LET))
    [period] = domain.void_periods(history, as_of=end + timedelta(days=5))
    assert period.let_on is None and (period.waiting_for_renovation, period.ready_not_let) == (2, 3)
    assert domain.void_periods(history, as_of=end - timedelta(days=1)) == []
