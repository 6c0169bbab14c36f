"""The ordering function's pure rules: budget arithmetic, state machines, delivery plans, the unmet-need signal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boligflyt.contracts.codes import ApplicationKind, BudgetLine, DwellingCategory, ReportingService, TargetGroup
from boligflyt.ordering import domain
from boligflyt.ordering.domain import (
    Frame,
    NeedState,
    OrderState,
    OverCommitment,
    PrioritisedNeed,
    SignalSettings,
)
from boligflyt.platform.errors import Conflict, RuleViolation

# --- Budget arithmetic ---------------------------------------------------------------------------------------


def test_commit_adds_to_committed_and_takes_from_available() -> None:
    frame = Frame(amount=30_000_000).commit(9_000_000)
    assert (frame.committed, frame.spent, frame.available) == (9_000_000, 0, 21_000_000)


def test_commit_exactly_to_the_frame_is_allowed_one_krone_more_is_refused_with_the_numbers() -> None:
    frame = Frame(amount=10_000_000, committed=4_000_000, spent=1_000_000)
    assert frame.commit(5_000_000).available == 0
    with pytest.raises(OverCommitment) as refused:
        frame.commit(5_000_001)
    assert refused.value.status == 422
    assert refused.value.extra == {
        "code": "frame_exceeded",
        "frame_amount": 10_000_000,
        "committed": 4_000_000,
        "spent": 1_000_000,
        "available": 5_000_000,
        "requested": 5_000_001,
        "shortfall": 1,
    }


def test_an_approved_over_commitment_goes_past_the_frame() -> None:
    frame = Frame(amount=1_000).commit(1_500, approved=True)
    assert (frame.committed, frame.available) == (1_500, -500)


def test_release_on_cancel_gives_back_what_was_committed() -> None:
    frame = Frame(amount=30_000_000).commit(7_000_000).commit(3_000_000)
    assert frame.release(7_000_000) == Frame(amount=30_000_000, committed=3_000_000)
    with pytest.raises(ValueError, match="cannot release"):
        frame.release(10_000_001)


def test_spend_on_delivery_moves_the_share_from_committed_to_spent_at_the_real_cost() -> None:
    frame = Frame(amount=30_000_000).commit(9_000_000)
    delivered = frame.spend(released=3_000_000, cost=3_200_000)
    assert (delivered.committed, delivered.spent, delivered.available) == (6_000_000, 3_200_000, 20_800_000)


def test_a_frame_revised_below_what_is_used_shows_a_negative_available() -> None:
    frame = domain.revise_frame(Frame(amount=10, committed=8), 5)
    assert frame.available == -3
    with pytest.raises(RuleViolation):
        domain.revise_frame(frame, -1)


def test_over_commit_justification_must_say_something() -> None:
    with pytest.raises(RuleViolation, match="justification"):
        domain.check_over_commit_justification("  ok  ")
    assert domain.check_over_commit_justification("  council decision 2015/17  ") == "council decision 2015/17"


amounts = st.integers(min_value=0, max_value=50_000_000)


@st.composite
def budget_stories(draw: st.DrawFn) -> list[tuple[str, int, int]]:
    """Random sequences of place (estimate), cancel (order index), deliver (order index, dwellings, cost)."""
    steps = draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("place"), amounts, st.integers(1, 6)),
                st.tuples(st.just("cancel"), st.integers(0, 20), st.just(0)),
                st.tuples(st.just("deliver"), st.integers(0, 20), st.integers(1, 3)),
            ),
            max_size=40,
        )
    )
    return steps


@settings(max_examples=300, deadline=None)
@given(frame_amount=amounts, story=budget_stories())
def test_without_approval_committed_plus_spent_never_exceed_the_frame(
    frame_amount: int, story: list[tuple[str, int, int]]
) -> None:
    """Deliveries cost at most their share of the estimate here; refusals leave the frame untouched."""
    frame = Frame(amount=frame_amount)
    orders: list[dict[str, int]] = []  # estimate, commitment_remaining, ordered, delivered, open
    for action, a, b in story:
        if action == "place":
            before = frame
            try:
                frame = frame.commit(a)
                orders.append({"commit": a, "left": a, "ordered": b, "delivered": 0, "open": 1})
            except OverCommitment:
                assert frame == before
                assert before.used + a > before.amount
        elif orders:
            order = orders[a % len(orders)]
            if not order["open"]:
                continue
            if action == "cancel":
                frame = frame.release(order["left"])
                order["left"], order["open"] = 0, 0
            else:
                ids = [f"d{order['delivered'] + i}" for i in range(b)]
                plan = domain.plan_delivery(
                    order_id="o",
                    state=OrderState.PLACED,
                    dwellings_ordered=order["ordered"],
                    delivered_dwelling_ids=[f"d{i}" for i in range(order["delivered"])],
                    commitment_remaining=order["left"],
                    dwelling_ids=ids,
                    cost=0,
                )
                assert plan is not None
                frame = frame.spend(plan.released, plan.released)  # delivered at the estimate
                order["left"] -= plan.released
                order["delivered"] = plan.delivered_total
                if plan.closes:
                    order["open"] = 0
                    assert order["left"] == 0
        assert frame.used <= frame.amount
        assert frame.committed == sum(o["left"] for o in orders)


@settings(max_examples=300, deadline=None)
@given(
    estimates=st.lists(amounts, min_size=1, max_size=8),
    cancel=st.integers(0, 7),
    delivered_before=st.integers(0, 5),
    ordered=st.integers(1, 6),
)
def test_cancelling_releases_exactly_what_the_order_still_has_committed(
    estimates: list[int], cancel: int, delivered_before: int, ordered: int
) -> None:
    frame = Frame(amount=sum(estimates))
    for estimate in estimates:
        frame = frame.commit(estimate)
    index = cancel % len(estimates)
    left = estimates[index]
    delivered_before = min(delivered_before, ordered - 1)
    if delivered_before:
        plan = domain.plan_delivery(
            order_id="o",
            state=OrderState.IN_PROGRESS,
            dwellings_ordered=ordered,
            delivered_dwelling_ids=[],
            commitment_remaining=left,
            dwelling_ids=[f"d{i}" for i in range(delivered_before)],
            cost=0,
        )
        assert plan is not None and not plan.closes
        frame = frame.spend(plan.released, 0)
        left -= plan.released
    cancelled = frame.release(left)
    assert cancelled.committed == sum(estimates) - estimates[index]
    assert cancelled.committed + left == frame.committed


@settings(max_examples=300, deadline=None)
@given(
    commitment=amounts,
    ordered=st.integers(1, 12),
    batches=st.lists(st.integers(1, 4), min_size=1, max_size=12),
)
def test_the_releases_of_an_order_add_up_to_its_commitment_exactly(
    commitment: int, ordered: int, batches: list[int]
) -> None:
    delivered: list[str] = []
    left = commitment
    released_total = 0
    for size in batches:
        if len(delivered) >= ordered:
            break
        ids = [f"d{len(delivered) + i}" for i in range(size)]
        plan = domain.plan_delivery(
            order_id="o",
            state=OrderState.PARTLY_DELIVERED if delivered else OrderState.PLACED,
            dwellings_ordered=ordered,
            delivered_dwelling_ids=delivered,
            commitment_remaining=left,
            dwelling_ids=ids,
            cost=1,
        )
        assert plan is not None
        assert 0 <= plan.released <= left
        left -= plan.released
        released_total += plan.released
        delivered += list(plan.new_dwelling_ids)
        if plan.closes:
            assert left == 0 and released_total == commitment
    if len(delivered) < ordered:
        assert released_total <= commitment


def test_a_repeated_delivery_counts_only_new_dwellings_and_their_share_of_the_cost() -> None:
    first = domain.plan_delivery(
        order_id="o",
        state=OrderState.ACCEPTED,
        dwellings_ordered=3,
        delivered_dwelling_ids=[],
        commitment_remaining=9_000,
        dwelling_ids=["a", "b"],
        cost=6_000,
    )
    assert first is not None
    assert (first.released, first.cost, first.delivered_total, first.closes) == (6_000, 6_000, 2, False)
    again = domain.plan_delivery(
        order_id="o",
        state=OrderState.PARTLY_DELIVERED,
        dwellings_ordered=3,
        delivered_dwelling_ids=["a", "b"],
        commitment_remaining=3_000,
        dwelling_ids=["a", "b"],
        cost=6_000,
    )
    assert again is None
    overlapping = domain.plan_delivery(
        order_id="o",
        state=OrderState.PARTLY_DELIVERED,
        dwellings_ordered=3,
        delivered_dwelling_ids=["a", "b"],
        commitment_remaining=3_000,
        dwelling_ids=["b", "c"],
        cost=6_000,
    )
    assert overlapping is not None
    assert (overlapping.new_dwelling_ids, overlapping.cost, overlapping.released, overlapping.closes) == (
        ("c",),
        3_000,
        3_000,
        True,
    )


def test_a_closed_or_cancelled_order_takes_no_delivery() -> None:
    for state in (OrderState.CLOSED, OrderState.CANCELLED):
        with pytest.raises(Conflict):
            domain.plan_delivery(
                order_id="o",
                state=state,
                dwellings_ordered=1,
                delivered_dwelling_ids=[],
                commitment_remaining=0,
                dwelling_ids=["a"],
                cost=1,
            )


# --- State machines ------------------------------------------------------------------------------------------


@given(st.lists(st.sampled_from(list(NeedState)), max_size=20))
def test_random_need_commands_only_ever_follow_the_transitions(targets: list[NeedState]) -> None:
    state = NeedState.REPORTED
    for target in targets:
        try:
            new = domain.need_transition(state, target, need_id="n")
        except Conflict as refused:
            assert target not in domain.NEED_TRANSITIONS[state]
            assert refused.extra["current_state"] == state
            continue
        assert target in domain.NEED_TRANSITIONS[state]
        state = new
    assert state in NeedState


def test_delivered_rejected_and_dismissed_needs_are_final() -> None:
    for final in (NeedState.DELIVERED, NeedState.REJECTED, NeedState.DISMISSED):
        for target in NeedState:
            with pytest.raises(Conflict):
                domain.need_transition(final, target, need_id="n")


@given(st.lists(st.sampled_from(list(OrderState)), max_size=20))
def test_random_order_commands_never_leave_a_closed_or_cancelled_order(targets: list[OrderState]) -> None:
    state = OrderState.PLACED
    finished = False
    for target in targets:
        try:
            state = domain.order_transition(state, target, order_id="o")
        except Conflict:
            continue
        assert not finished
        finished = state in (OrderState.CLOSED, OrderState.CANCELLED)


def test_overdue_only_when_open_and_past_the_due_date() -> None:
    due = date(2015, 6, 1)
    assert not domain.is_overdue(OrderState.PLACED, due, due)
    assert domain.is_overdue(OrderState.IN_PROGRESS, due, due + timedelta(days=1))
    assert not domain.is_overdue(OrderState.CLOSED, due, due + timedelta(days=100))
    assert not domain.is_overdue(OrderState.CANCELLED, due, due + timedelta(days=100))


# --- Needs and orders ----------------------------------------------------------------------------------------


def test_who_may_report_for_whom() -> None:
    assert domain.reporting_service("nav", None) is ReportingService.NAV_INTRO
    assert domain.reporting_service("nav", ReportingService.NAV) is ReportingService.NAV
    assert domain.reporting_service("bestiller", ReportingService.CHILD_WELFARE) is ReportingService.CHILD_WELFARE
    with pytest.raises(RuleViolation, match="may not report"):
        domain.reporting_service("nav", ReportingService.BOLIGKONTORET)
    with pytest.raises(RuleViolation, match="must say"):
        domain.reporting_service("bestiller", None)


def test_refugee_lines_are_for_refugees_and_refugees_are_not_on_the_disadvantaged_line() -> None:
    domain.check_line_fits(TargetGroup.REFUGEES, BudgetLine.LKE_REFUGEE_LOAN_FRAME)
    domain.check_line_fits(TargetGroup.HOMELESS, BudgetLine.SERVICE_NEEDS)
    with pytest.raises(RuleViolation):
        domain.check_line_fits(TargetGroup.HOMELESS, BudgetLine.REFUGEE_DWELLINGS)
    with pytest.raises(RuleViolation):
        domain.check_line_fits(TargetGroup.REFUGEES, BudgetLine.DISADVANTAGED_DWELLINGS)


def _prioritised(need_id: str, **changes: object) -> PrioritisedNeed:
    values: dict[str, object] = {
        "need_id": need_id,
        "state": NeedState.PRIORITISED,
        "target_group": TargetGroup.REFUGEES,
        "programme_year": 2015,
        "budget_line": BudgetLine.REFUGEE_DWELLINGS,
        "dwellings_prioritised": 2,
    }
    values.update(changes)
    return PrioritisedNeed(**values)  # type: ignore[arg-type]


def test_an_order_covers_prioritised_needs_of_one_year_line_and_group() -> None:
    basis = domain.order_basis([_prioritised("a"), _prioritised("b", dwellings_prioritised=3)])
    assert (basis.programme_year, basis.budget_line, basis.dwellings_prioritised) == (
        2015,
        BudgetLine.REFUGEE_DWELLINGS,
        5,
    )
    domain.check_order_dwellings(5, basis)
    with pytest.raises(RuleViolation):
        domain.check_order_dwellings(6, basis)
    with pytest.raises(Conflict):
        domain.order_basis([_prioritised("a", state=NeedState.REPORTED)])
    with pytest.raises(RuleViolation, match="same programme year"):
        domain.order_basis([_prioritised("a"), _prioritised("b", programme_year=2016)])
    with pytest.raises(RuleViolation, match="same target group"):
        domain.order_basis([_prioritised("a"), _prioritised("b", target_group=TargetGroup.YOUTH)])


# --- The unmet-need signal ------------------------------------------------------------------------------------


def test_a_need_is_suggested_only_after_the_gap_lasted_the_period_and_only_once() -> None:
    rules = SignalSettings(period_days=30, window_days=90, min_gap=2)
    day0 = date(2015, 3, 1)
    step = domain.evaluate_signal(
        today=day0, waiting=5, ready_in_window=2, gap_since=None, open_suggestion=False, settings=rules
    )
    assert (step.gap, step.gap_since, step.suggest) == (3, day0, False)
    step = domain.evaluate_signal(
        today=day0 + timedelta(days=29),
        waiting=5,
        ready_in_window=2,
        gap_since=day0,
        open_suggestion=False,
        settings=rules,
    )
    assert not step.suggest
    step = domain.evaluate_signal(
        today=day0 + timedelta(days=30),
        waiting=5,
        ready_in_window=2,
        gap_since=day0,
        open_suggestion=False,
        settings=rules,
    )
    assert step.suggest
    step = domain.evaluate_signal(
        today=day0 + timedelta(days=31),
        waiting=5,
        ready_in_window=2,
        gap_since=day0,
        open_suggestion=True,
        settings=rules,
    )
    assert not step.suggest
    closed = domain.evaluate_signal(
        today=day0 + timedelta(days=32),
        waiting=3,
        ready_in_window=2,
        gap_since=day0,
        open_suggestion=False,
        settings=rules,
    )
    assert (closed.gap, closed.gap_since, closed.suggest) == (1, None, False)


def test_ready_dwellings_meet_the_kind_of_application_they_fit() -> None:
    assert domain.supply_kind(DwellingCategory.CARE, False) is ApplicationKind.CARE
    assert domain.supply_kind(DwellingCategory.CO_LOCATED, True) is ApplicationKind.STAFFED
    assert domain.supply_kind(DwellingCategory.ORDINARY, False) is ApplicationKind.RENTAL
    assert domain.supply_kind(None, False) is ApplicationKind.RENTAL
    assert domain.supply_kind(DwellingCategory.TEMPORARY_ACCOMMODATION, False) is None


@settings(max_examples=300, deadline=None)
@given(
    frame_amount=amounts,
    story=st.lists(
        st.tuples(st.sampled_from(["place", "approve", "deliver", "cancel"]), amounts, st.integers(0, 20)),
        max_size=40,
    ),
)
def test_what_a_frame_uses_beyond_its_amount_is_always_an_approval_or_a_dearer_delivery(
    frame_amount: int, story: list[tuple[str, int, int]]
) -> None:
    """used <= amount + approved shortfalls + what deliveries cost beyond the commitment they released."""
    frame = Frame(amount=frame_amount)
    open_orders: list[int] = []  # commitment left per order, each for one dwelling
    approved_excess = 0
    dearer_deliveries = 0
    for action, value, pick in story:
        if action in ("place", "approve"):
            approve = action == "approve"
            shortfall = max(0, frame.used + value - frame.amount)
            try:
                frame = frame.commit(value, approved=approve)
            except OverCommitment:
                assert not approve and shortfall > 0
                continue
            approved_excess += shortfall
            open_orders.append(value)
        elif open_orders:
            left = open_orders.pop(pick % len(open_orders))
            if action == "cancel":
                frame = frame.release(left)
            else:
                frame = frame.spend(left, value)
                dearer_deliveries += max(0, value - left)
        assert frame.committed == sum(open_orders)
        assert frame.used <= frame.amount + approved_excess + dearer_deliveries
