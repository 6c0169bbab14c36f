"""The gates before a contract, the § 9-2 risk and the renewal's application, as pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from boligflyt.applications import domain
from boligflyt.applications.domain import ApplicationState, BoardAnswer, Gate, GateFacts, TenancyState
from boligflyt.contracts.codes import DepositKind, GuaranteeDecision
from boligflyt.platform.errors import Conflict, RuleViolation

TODAY = date(2015, 3, 1)


def facts(**changes: object) -> GateFacts:
    values: dict[str, object] = {
        "coop_board_required": False,
        "coop_board_requested_on": None,
        "coop_board_answer": None,
        "deposit_kind": DepositKind.NONE,
        "deposit_paid_on": None,
        "guarantee": None,
    }
    values.update(changes)
    return GateFacts(**values)  # type: ignore[arg-type]


def test_board_silence_approves_after_20_calendar_days_from_the_request() -> None:
    requested = date(2015, 2, 1)
    assert domain.silence_approves_on(requested) == date(2015, 2, 21)  # calendar days, weekends included
    assert domain.board_answer(requested, None, date(2015, 2, 20)) is None
    assert domain.board_answer(requested, None, date(2015, 2, 21)) is BoardAnswer.APPROVED_BY_SILENCE
    board = facts(coop_board_required=True, coop_board_requested_on=requested)
    assert domain.open_gates(board, date(2015, 2, 20)) == {Gate.COOP_BOARD: "pending"}
    assert domain.open_gates(board, date(2015, 2, 21)) == {}


def test_board_approval_and_refusal() -> None:
    asked = {"coop_board_required": True, "coop_board_requested_on": date(2015, 2, 25)}
    assert domain.open_gates(facts(**asked, coop_board_answer=BoardAnswer.APPROVED), TODAY) == {}
    refused = facts(**asked, coop_board_answer=BoardAnswer.REFUSED)
    assert domain.open_gates(refused, date(2015, 6, 1)) == {Gate.COOP_BOARD: "refused"}  # silence never overrides
    assert domain.open_gates(facts(coop_board_required=True), TODAY) == {Gate.COOP_BOARD: "not_requested"}
    with pytest.raises(Conflict):
        domain.check_board_answer(None, TODAY, None)
    with pytest.raises(Conflict):
        domain.check_board_answer(date(2015, 2, 1), TODAY, BoardAnswer.APPROVED)
    with pytest.raises(RuleViolation):
        domain.check_board_answer(TODAY, date(2015, 2, 28), None)


def test_deposit_paid_or_guarantee_granted_refused_pending() -> None:
    assert domain.open_gates(facts(deposit_kind=DepositKind.CASH), TODAY) == {Gate.DEPOSIT: "not_paid"}
    assert domain.open_gates(facts(deposit_kind=DepositKind.CASH, deposit_paid_on=TODAY), TODAY) == {}
    nav = DepositKind.NAV_GUARANTEE
    assert domain.open_gates(facts(deposit_kind=nav), TODAY) == {Gate.GUARANTEE: "pending"}
    assert domain.open_gates(facts(deposit_kind=nav, guarantee=GuaranteeDecision.GRANTED), TODAY) == {}
    refused = facts(deposit_kind=nav, guarantee=GuaranteeDecision.REFUSED)
    assert domain.open_gates(refused, TODAY) == {Gate.GUARANTEE: "refused"}
    assert domain.open_gates(facts(), TODAY) == {}  # no deposit, no board


def test_the_refusal_names_every_open_gate() -> None:
    both = facts(coop_board_required=True, coop_board_requested_on=TODAY, deposit_kind=DepositKind.CASH)
    with pytest.raises(Conflict) as refused:
        domain.check_gates_closed(both, TODAY)
    assert refused.value.extra["open_gates"] == {"coop_board_approval": "pending", "deposit_paid": "not_paid"}
    assert "coop_board_approval" in str(refused.value) and "deposit_paid" in str(refused.value)


def test_a_contract_one_day_past_its_end_without_renewal_or_notice_is_a_9_2_risk() -> None:
    end = date(2015, 2, 28)
    assert domain.past_end_unresolved(end, TenancyState.ACTIVE, end) == 0
    assert domain.past_end_unresolved(end, TenancyState.ACTIVE, TODAY) == 1
    assert domain.past_end_unresolved(end, TenancyState.NOTICE_GIVEN, TODAY) == 0
    assert domain.past_end_unresolved(None, TenancyState.ACTIVE, TODAY) == 0


def test_a_renewal_needs_its_approved_renewal_application() -> None:
    domain.check_renewal_application("ten-1", "ten-1", ApplicationState.APPROVED)
    with pytest.raises(RuleViolation):
        domain.check_renewal_application("ten-1", None, ApplicationState.APPROVED)
    with pytest.raises(Conflict):
        domain.check_renewal_application("ten-1", "ten-1", ApplicationState.SUBMITTED)
