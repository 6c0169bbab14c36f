"""The gates a tenancy contract passes before it is signed: the co-op board's approval of the tenant (borettslag;
its silence for 20 days counts as approval) and the deposit of 4 months' rent paid, or NAV's guarantee for it
granted (allocation criteria § 9). A contract is signed only with every gate closed; the refusal names the open
ones. Pure: dates come in as arguments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import DepositKind, GuaranteeDecision
from boligflyt.platform.errors import Conflict, RuleViolation

# Burettslagslova § 4-18: a board that has not answered within 20 days of receiving the request has approved.
COOP_BOARD_SILENCE_DAYS = 20


class Gate(StrEnum):
    COOP_BOARD = "coop_board_approval"
    DEPOSIT = "deposit_paid"
    GUARANTEE = "nav_guarantee_granted"


class BoardAnswer(StrEnum):
    APPROVED = "approved"
    REFUSED = "refused"
    APPROVED_BY_SILENCE = "approved_by_silence"


def silence_approves_on(requested_on: date) -> date:
    """The day the board's silence becomes approval: 20 calendar days after it got the request."""
    return requested_on + timedelta(days=COOP_BOARD_SILENCE_DAYS)


def board_answer(requested_on: date | None, answer: BoardAnswer | None, today: date) -> BoardAnswer | None:
    """The board's answer as it stands today: its own answer, or approval once 20 days have passed in silence."""
    if answer is not None:
        return answer
    if requested_on is not None and today >= silence_approves_on(requested_on):
        return BoardAnswer.APPROVED_BY_SILENCE
    return None


def check_board_answer(requested_on: date | None, answered_on: date, current: BoardAnswer | None) -> None:
    """The board answers a request it got, once, and not before it got it."""
    if requested_on is None:
        raise Conflict("the co-op board has not been asked to approve this tenant", current_state="not_requested")
    if current is not None:
        raise Conflict(f"the co-op board's answer is already recorded: {current.value}", current_state=current.value)
    if answered_on < requested_on:
        raise RuleViolation("the board cannot answer before it got the request", code="answer_before_request")


@dataclass(frozen=True)
class GateFacts:
    """What Boligkontoret knows about one allocated application's gates."""

    coop_board_required: bool
    coop_board_requested_on: date | None
    coop_board_answer: BoardAnswer | None
    deposit_kind: DepositKind
    deposit_paid_on: date | None
    guarantee: GuaranteeDecision | None


def gate_state(facts: GateFacts, today: date) -> dict[Gate, str]:
    """Each gate that applies and where it stands: `closed`, or why it is open."""
    gates: dict[Gate, str] = {}
    if facts.coop_board_required:
        answer = board_answer(facts.coop_board_requested_on, facts.coop_board_answer, today)
        if answer is None:
            gates[Gate.COOP_BOARD] = "not_requested" if facts.coop_board_requested_on is None else "pending"
        else:
            gates[Gate.COOP_BOARD] = "refused" if answer is BoardAnswer.REFUSED else "closed"
    if facts.deposit_kind is DepositKind.CASH:
        gates[Gate.DEPOSIT] = "closed" if facts.deposit_paid_on is not None else "not_paid"
    elif facts.deposit_kind is DepositKind.NAV_GUARANTEE:
        gates[Gate.GUARANTEE] = {
            None: "pending",
            GuaranteeDecision.GRANTED: "closed",
            GuaranteeDecision.REFUSED: "refused",
        }[facts.guarantee]
    return gates


def open_gates(facts: GateFacts, today: date) -> dict[Gate, str]:
    return {gate: state for gate, state in gate_state(facts, today).items() if state != "closed"}


def check_gates_closed(facts: GateFacts, today: date) -> None:
    """A contract is signed only with every gate closed; the refusal names each open gate and why."""
    still_open = open_gates(facts, today)
    if still_open:
        named = ", ".join(f"{gate.value} ({state.replace('_', ' ')})" for gate, state in still_open.items())
        raise Conflict(
            f"the contract cannot be signed while a gate is open: {named}",
            current_state="gate_open",
            extra={"open_gates": {gate.value: state for gate, state in still_open.items()}},
        )
