"""NAV's rules on their own: agreements, placement, the stay's states, nights and cost, the 3-month rule,
the monthly situation report and quota progress."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boligflyt.platform.errors import Conflict, RuleViolation
from boligflyt.temporary_housing import domain
from boligflyt.temporary_housing.domain import (
    Absence,
    AgreementTerms,
    Household,
    LimitRule,
    Month,
    PlacementRefusal,
    StayFacts,
    StayState,
)

# --- agreements ---------------------------------------------------------------------------------------------


def test_an_agreement_runs_at_most_two_years_to_the_day() -> None:
    domain.check_agreement_period(date(2015, 1, 1), date(2016, 12, 31))
    with pytest.raises(RuleViolation) as too_long:
        domain.check_agreement_period(date(2015, 1, 1), date(2017, 1, 1))
    assert too_long.value.code == "agreement_too_long"
    assert too_long.value.extra["latest_valid_to"] == "2016-12-31"
    # Leap day: two years from 29 Feb 2016 end on 27 Feb 2018 at the latest.
    domain.check_agreement_period(date(2016, 2, 29), date(2018, 2, 27))
    with pytest.raises(RuleViolation):
        domain.check_agreement_period(date(2016, 2, 29), date(2018, 2, 28))
    with pytest.raises(RuleViolation) as reversed_period:
        domain.check_agreement_period(date(2015, 5, 1), date(2015, 4, 30))
    assert reversed_period.value.code == "agreement_ends_before_start"


def test_renegotiation_is_due_three_months_before_expiry() -> None:
    assert domain.renegotiation_deadline(date(2016, 12, 31)) == date(2016, 9, 30)
    assert domain.renegotiation_deadline(date(2016, 5, 31)) == date(2016, 2, 29)
    assert domain.renegotiation_deadline(date(2016, 3, 15)) == date(2015, 12, 15)


AGREEMENT = AgreementTerms("agr-1", date(2015, 1, 1), date(2016, 12, 31), 600)


def test_an_agreement_is_valid_from_its_first_to_its_last_day_unless_terminated() -> None:
    assert not AGREEMENT.valid_on(date(2014, 12, 31))
    assert AGREEMENT.valid_on(date(2015, 1, 1))
    assert AGREEMENT.valid_on(date(2016, 12, 31))
    assert not AGREEMENT.valid_on(date(2017, 1, 1))
    terminated = AgreementTerms("agr-1", date(2015, 1, 1), date(2016, 12, 31), 600, terminated_on=date(2015, 6, 1))
    assert terminated.valid_on(date(2015, 5, 31))
    assert not terminated.valid_on(date(2015, 6, 1))
    assert domain.agreement_in_force([terminated], date(2015, 6, 1)) is None


def test_overlapping_agreements_for_one_provider_are_refused() -> None:
    with pytest.raises(Conflict):
        domain.check_no_overlap(date(2016, 12, 1), date(2017, 6, 1), [AGREEMENT])
    domain.check_no_overlap(date(2017, 1, 1), date(2018, 12, 31), [AGREEMENT])


ADULT = Household(adults=1, children=0, person_age=40)


def test_placement_checks_agreement_and_exclusions() -> None:
    assert domain.placement_refusals(AGREEMENT, ADULT) == []
    assert domain.placement_refusals(None, ADULT) == [PlacementRefusal.NO_VALID_AGREEMENT]
    family = Household(adults=2, children=1, person_age=35)
    assert domain.placement_refusals(AGREEMENT, family) == [PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN]
    minor = Household(adults=1, children=0, person_age=17)
    assert domain.placement_refusals(AGREEMENT, minor) == [PlacementRefusal.EXCLUDES_UNDER_18]
    assert domain.placement_refusals(AGREEMENT, Household(1, 0, 18)) == []
    assert domain.placement_refusals(AGREEMENT, ADULT, occupied=10, capacity=10) == [PlacementRefusal.PROVIDER_FULL]


def test_a_refused_placement_needs_a_justification_to_go_ahead() -> None:
    refusals = [PlacementRefusal.NO_VALID_AGREEMENT, PlacementRefusal.PROVIDER_FULL]
    with pytest.raises(RuleViolation) as refused:
        domain.check_placement(refusals, None)
    assert refused.value.code == "placement_refused"
    assert refused.value.extra["reasons"] == ["no_valid_agreement", "provider_full"]
    assert refused.value.extra["overridable"] is True
    assert "no quality agreement" in refused.value.detail
    with pytest.raises(RuleViolation):
        domain.check_placement(refusals, "   ")
    domain.check_placement(refusals, "nowhere else tonight; sosialtjenesteloven § 27")
    domain.check_placement([], None)


def test_age_is_counted_on_the_day() -> None:
    assert domain.age_on(date(1997, 1, 6), date(2015, 1, 5)) == 17
    assert domain.age_on(date(1997, 1, 5), date(2015, 1, 5)) == 18


# --- the stay --------------------------------------------------------------------------------------------


def test_the_stay_state_machine() -> None:
    assert domain.transition(StayState.STARTED, StayState.ALLOCATED) is StayState.ALLOCATED
    assert domain.transition(StayState.STARTED, StayState.ENDED) is StayState.ENDED
    assert domain.transition(StayState.ALLOCATED, StayState.ENDED) is StayState.ENDED
    for current, target in [
        (StayState.ENDED, StayState.ENDED),
        (StayState.ENDED, StayState.STARTED),
        (StayState.ALLOCATED, StayState.STARTED),
        (StayState.ENDED, StayState.ALLOCATED),
    ]:
        with pytest.raises(Conflict) as illegal:
            domain.transition(current, target)
        assert illegal.value.extra["current_state"] == current.value


@given(st.lists(st.sampled_from(list(StayState)), max_size=8))
def test_a_stay_only_moves_forward_and_never_leaves_ended(path: list[StayState]) -> None:
    order = [StayState.STARTED, StayState.ALLOCATED, StayState.ENDED]
    state = StayState.STARTED
    for target in path:
        before = state
        try:
            state = domain.transition(state, target)
        except Conflict:
            assert before is StayState.ENDED or order.index(target) <= order.index(before)
            continue
        assert order.index(state) > order.index(before)


def test_nights_and_cost_leave_out_absences_over_a_day() -> None:
    start, end = date(2015, 1, 20), date(2015, 3, 2)  # 41 nights
    away = Absence(date(2015, 2, 10), date(2015, 2, 14))  # 4 nights
    assert domain.nights_used(start, end, []) == 41
    assert domain.nights_used(start, end, [away]) == 37
    assert domain.stay_cost(37, 600) == 22_200
    # Split over partial months, midnight of the first belongs to the new month.
    assert domain.nights_in(start, end, [away], date(2015, 1, 1), date(2015, 2, 1)) == 12
    assert domain.nights_in(start, end, [away], date(2015, 2, 1), date(2015, 3, 1)) == 24
    assert domain.nights_in(start, end, [away], date(2015, 3, 1), date(2015, 4, 1)) == 1


def test_a_move_changes_the_price_from_its_first_night() -> None:
    # The catalogue's example: 24 nights at the pension (600), then 43 in the barracks (450).
    start, moved, end = date(2015, 1, 8), date(2015, 2, 1), date(2015, 3, 16)
    prices = [domain.PricePeriod(start, 600), domain.PricePeriod(moved, 450)]
    assert domain.cost_in(start, end, [], prices, start, end) == 24 * 600 + 43 * 450 == 33_750
    # February alone, with two nights away: 26 nights at 450.
    away = [Absence(date(2015, 2, 10), date(2015, 2, 12))]
    assert domain.cost_in(start, end, away, prices, date(2015, 2, 1), date(2015, 3, 1)) == 26 * 450
    with pytest.raises(RuleViolation):
        domain.check_move(start, None, start, prices[:1])
    with pytest.raises(RuleViolation):
        domain.check_move(start, None, moved, prices)
    with pytest.raises(Conflict):
        domain.check_move(start, end, date(2015, 3, 1), prices)
    domain.check_move(start, None, date(2015, 2, 2), prices)


def test_absences_are_checked() -> None:
    start = date(2015, 1, 5)
    with pytest.raises(RuleViolation) as short:
        domain.check_absence(Absence(date(2015, 1, 10), date(2015, 1, 11)), start, None, [])
    assert short.value.code == "absence_too_short"
    with pytest.raises(RuleViolation):
        domain.check_absence(Absence(date(2015, 1, 3), date(2015, 1, 8)), start, None, [])
    with pytest.raises(RuleViolation):
        domain.check_absence(
            Absence(date(2015, 1, 10), date(2015, 1, 13)), start, None, [Absence(date(2015, 1, 12), date(2015, 1, 15))]
        )
    domain.check_absence(Absence(date(2015, 1, 10), date(2015, 1, 12)), start, None, [])


def test_a_stay_cannot_end_before_it_starts() -> None:
    domain.check_end(date(2015, 1, 5), date(2015, 1, 5), today=date(2015, 1, 5))
    with pytest.raises(RuleViolation) as refused:
        domain.check_end(date(2015, 1, 5), date(2015, 1, 4), today=date(2015, 1, 5))
    assert refused.value.code == "stay_ends_before_start"


def test_a_stay_ends_at_most_a_few_days_after_today() -> None:
    today = date(2015, 1, 5)
    domain.check_end(today, today + timedelta(days=domain.STAY_END_DAYS_AHEAD), today)
    for end in (today + timedelta(days=domain.STAY_END_DAYS_AHEAD + 1), date(9999, 12, 31)):
        with pytest.raises(RuleViolation) as refused:
            domain.check_end(today, end, today)
        assert refused.value.code == "stay_ends_too_far_ahead"


def test_consent_is_not_signed_in_the_future() -> None:
    today = date(2015, 1, 5)
    domain.check_consent_signed(None, today)
    domain.check_consent_signed(today, today)
    with pytest.raises(RuleViolation) as refused:
        domain.check_consent_signed(today + timedelta(days=1), today)
    assert refused.value.code == "consent_signed_in_future"


# --- the 3-month rule ---------------------------------------------------------------------------------------


def test_limit_thresholds_fall_on_exact_days() -> None:
    rule = LimitRule()
    start = date(2015, 1, 1)
    assert rule.limit_date(start) == date(2015, 4, 1)
    done: set[int] = set()

    def run(day: date) -> domain.LimitNotice | None:
        notice = domain.limit_notice(rule, start, day, done)
        if notice:
            done.update(notice.passed)
        return notice

    assert run(start + timedelta(days=59)) is None
    sixty = run(start + timedelta(days=60))
    assert sixty is not None and sixty.passed == (60,) and sixty.raise_approaching and sixty.days == 60
    assert run(start + timedelta(days=60)) is None  # idempotent
    assert run(start + timedelta(days=74)) is None
    seventy_five = run(start + timedelta(days=75))
    assert seventy_five is not None and seventy_five.passed == (75,) and seventy_five.raise_approaching
    assert run(start + timedelta(days=89)) is None
    ninety = run(date(2015, 4, 1))
    assert ninety is not None and ninety.passed == (90,) and ninety.raise_exceeded and not ninety.raise_approaching
    assert run(date(2015, 6, 1)) is None


def test_a_stay_first_seen_late_raises_only_the_highest_threshold() -> None:
    notice = domain.limit_notice(LimitRule(), date(2015, 1, 1), date(2015, 4, 5), set())
    assert notice is not None and notice.passed == (60, 75, 90) and notice.raise_exceeded and notice.days == 94
    approaching = domain.limit_notice(LimitRule(), date(2015, 1, 1), date(2015, 3, 20), set())
    assert approaching is not None and approaching.passed == (60, 75) and approaching.raise_approaching


@given(st.lists(st.integers(min_value=0, max_value=200), max_size=12))
def test_each_threshold_is_raised_at_most_once_whatever_days_the_job_runs(run_days: list[int]) -> None:
    rule, start = LimitRule(), date(2015, 1, 1)
    done: set[int] = set()
    raised: list[tuple[str, int]] = []
    for day in sorted(run_days):
        notice = domain.limit_notice(rule, start, start + timedelta(days=day), done)
        if notice is None:
            continue
        assert not done & set(notice.passed)
        assert all(t <= day for t in notice.passed)
        done.update(notice.passed)
        raised.append(("exceeded" if notice.raise_exceeded else "approaching", day))
    assert done == {t for t in rule.thresholds if run_days and t <= max(run_days)}
    assert [kind for kind, _ in raised].count("exceeded") == (1 if run_days and max(run_days) >= 90 else 0)
    assert all(day >= 90 for kind, day in raised if kind == "exceeded")


def test_the_warning_days_are_configurable() -> None:
    rule = LimitRule(approaching_days=(30,), limit_days=45)
    assert domain.limit_notice(rule, date(2015, 1, 1), date(2015, 1, 30), set()) is None
    notice = domain.limit_notice(rule, date(2015, 1, 1), date(2015, 1, 31), set())
    assert notice is not None and notice.passed == (30,)
    with pytest.raises(ValueError):
        LimitRule(approaching_days=(95,))


def test_blocking_reasons() -> None:
    assert domain.blocking_reason(StayState.STARTED, None, None) is domain.BlockingReason.NO_APPLICATION
    assert domain.blocking_reason(StayState.STARTED, "app-1", None) is domain.BlockingReason.WAITING_FOR_DECISION
    assert domain.blocking_reason(StayState.STARTED, "app-1", "approved") is domain.BlockingReason.WAITING_FOR_OFFER
    assert domain.blocking_reason(StayState.STARTED, "app-1", "rejected") is domain.BlockingReason.APPLICATION_REJECTED
    assert (
        domain.blocking_reason(StayState.ALLOCATED, "app-1", "approved")
        is domain.BlockingReason.ALLOCATED_WAITING_FOR_MOVE_IN
    )
    assert (
        domain.blocking_reason(StayState.STARTED, "app-1", "left_list") is domain.BlockingReason.APPLICATION_LEFT_LIST
    )
    assert domain.blocking_reason(StayState.ENDED, "app-1", "approved") is None


# --- the monthly situation report -------------------------------------------------------------------------

# Six stays of five people crossing month boundaries; the table below was worked out by hand.
REPORT_STAYS = [
    # P3: 20 Dec - 5 Jan: 12 nights in December, 4 in January.
    StayFacts("D", "P3", date(2014, 12, 20), date(2015, 1, 5), under_30=False, price_per_night=500),
    # P1: 20 Jan - 10 Feb: 12 nights in January, 9 in February.
    StayFacts("A", "P1", date(2015, 1, 20), date(2015, 2, 10), under_30=True, price_per_night=500),
    # P2, a family of two adults: 31 Jan - 2 Mar, away 10-14 Feb: 1 night in January, 28 - 4 = 24 in February, 1 in
    # March.
    StayFacts(
        "B",
        "P2",
        date(2015, 1, 31),
        date(2015, 3, 2),
        under_30=False,
        adults=2,
        children=2,
        price_per_night=500,
        absences=(Absence(date(2015, 2, 10), date(2015, 2, 14)),),
    ),
    # P4: placed and gone the same day (28 Feb): no night, so counted in no month (but a new enquiry).
    StayFacts("E", "P4", date(2015, 2, 28), date(2015, 2, 28), under_30=True, price_per_night=500),
    # P1 again from 1 Mar, still there on 15 Apr: not a new enquiry; 31 nights in March at 450, and from 1 Apr
    # at another provider for 300: 14 nights in April.
    StayFacts(
        "C",
        "P1",
        date(2015, 3, 1),
        None,
        under_30=True,
        price_per_night=450,
        moves=(domain.PricePeriod(date(2015, 4, 1), 300),),
    ),
    # P5 stayed before NAV's records began: 15 Mar - 1 Apr, 17 nights, all in March; not in April (it ends on the 1st).
    StayFacts("F", "P5", date(2015, 3, 15), date(2015, 4, 1), False, price_per_night=500, known_earlier_stay=True),
]

HAND_COMPUTED = [
    # month, persons, under 30, singles, children with singles, new enquiries, nights, cost
    ("2014-12", 1, 0, 1, 0, 1, 12, 6_000),
    ("2015-01", 3, 1, 2, 0, 2, 17, 8_500),
    ("2015-02", 2, 1, 1, 0, 1, 33, 16_500),
    ("2015-03", 3, 1, 2, 0, 0, 49, 500 + 31 * 450 + 17 * 500),
    ("2015-04", 1, 1, 1, 0, 0, 14, 14 * 300),
]


def test_the_monthly_report_reproduces_the_table_computed_by_hand() -> None:
    months = domain.months_between(Month(2014, 12), Month(2015, 4))
    rows = domain.monthly_report(REPORT_STAYS, months, as_of=date(2015, 4, 15))
    assert [
        (r.month, r.persons, r.under_30, r.singles, r.children_with_singles, r.new_enquiries, r.nights, r.cost)
        for r in rows
    ] == HAND_COMPUTED
    lines = domain.report_csv(rows).splitlines()
    comments = [line for line in lines if line.startswith("# ")]
    assert any("a stay ending on the 1st counts no night that month" in line for line in comments)
    assert any("latest of those stays" in line for line in comments)
    table = lines[len(comments) :]
    assert table[0] == "month,persons,under_30,singles,children_with_singles,new_enquiries,nights,cost"
    assert table[4] == "2015-03,3,1,2,0,0,49,22950"


@given(
    st.dates(min_value=date(2014, 1, 1), max_value=date(2015, 12, 31)),
    st.integers(min_value=0, max_value=200),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=2, max_value=10),
)
def test_the_months_of_a_stay_add_up_to_the_whole(start: date, length: int, away_from: int, away: int) -> None:
    end = start + timedelta(days=length)
    absences = (
        (Absence(start + timedelta(days=away_from), start + timedelta(days=away_from + away)),)
        if away_from + away <= length
        else ()
    )
    stay = StayFacts("S", "P", start, end, under_30=False, price_per_night=500, absences=absences)
    months = domain.months_between(Month.of(start), Month.of(end))
    rows = domain.monthly_report([stay], months, as_of=date(2030, 1, 1))
    assert sum(r.nights for r in rows) == domain.nights_used(start, end, absences)
    assert sum(r.cost for r in rows) == domain.nights_used(start, end, absences) * 500
    assert sum(r.new_enquiries for r in rows) == 1
    assert all(r.persons == 1 for r in rows if r.nights > 0)


def test_months_parse_and_step() -> None:
    assert Month.parse("2012-02") == Month(2012, 2)
    assert str(Month(2012, 12).next()) == "2013-01"
    for bad in ("2012-13", "2012", "x-y"):
        with pytest.raises(ValueError):
            Month.parse(bad)


# --- settlement ------------------------------------------------------------------------------------------


def test_settlement_states_and_establishment_phase() -> None:
    state = domain.SettlementState.ANNOUNCED
    for target in ("housing_ordered", "dwelling_allocated", "establishment", "done"):
        state = domain.settlement_transition(state, domain.SettlementState(target))
    with pytest.raises(Conflict):
        domain.settlement_transition(domain.SettlementState.DONE, domain.SettlementState.ESTABLISHMENT)
    assert domain.establishment_ends_on(date(2015, 4, 15)) == date(2015, 7, 15)
    assert domain.establishment_ends_on(date(2015, 11, 30)) == date(2016, 2, 29)


@given(st.lists(st.sampled_from(list(domain.SettlementState)), max_size=10))
def test_a_settlement_moves_forward_and_is_done_only_after_establishment(path: list[domain.SettlementState]) -> None:
    order = list(domain.SettlementState)
    state = domain.SettlementState.ANNOUNCED
    for target in path:
        before = state
        allowed = order.index(target) > order.index(before) and (
            target is not domain.SettlementState.DONE or before is domain.SettlementState.ESTABLISHMENT
        )
        try:
            state = domain.settlement_transition(state, target)
        except Conflict as refused:
            assert not allowed and refused.extra["current_state"] == before.value
            continue
        assert allowed and state is target


def test_quota_progress_against_an_even_spread() -> None:
    settled = [
        domain.SettledHousehold(date(2015, 1, 20), 5),
        domain.SettledHousehold(date(2015, 3, 2), 1),
        domain.SettledHousehold(date(2015, 3, 28), 4),
        domain.SettledHousehold(date(2014, 12, 30), 3),  # last year's: not counted
    ]
    rows = domain.quota_progress(2015, 90, settled)
    assert [
        (r.month, r.settled_persons, r.settled_cumulative, r.expected_cumulative, r.behind_by) for r in rows[:4]
    ] == [
        ("2015-01", 5, 5, 8, 3),  # 90 / 12 = 7.5, rounded half up
        ("2015-02", 0, 5, 15, 10),
        ("2015-03", 5, 10, 23, 13),  # 22.5 -> 23
        ("2015-04", 0, 10, 30, 20),
    ]
    assert rows[-1].expected_cumulative == 90
