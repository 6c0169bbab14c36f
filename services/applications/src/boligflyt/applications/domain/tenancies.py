"""Tenancy contracts: signing, moving in, notice, renewal, the end and the reminders before it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import ContractType, DepositKind, DwellingStatus
from boligflyt.platform.errors import Conflict, RuleViolation

from .applications import ApplicationState, S
from .deadlines import DEFAULT_TENANCY_YEARS, DEPOSIT_MONTHS, EXPIRY_NOTICE_MONTHS, add_months


class TenancyState(StrEnum):
    SIGNED = "signed"
    ACTIVE = "active"  # moved in
    NOTICE_GIVEN = "notice_given"
    ENDED = "ended"


class TenancyCommand(StrEnum):
    MOVE_IN = "move_in"
    GIVE_NOTICE = "give_notice"
    WITHDRAW_NOTICE = "withdraw_notice"
    RENEW = "renew"
    END = "end"


_TENANCY: dict[TenancyCommand, tuple[frozenset[TenancyState], TenancyState | None]] = {
    TenancyCommand.MOVE_IN: (frozenset({TenancyState.SIGNED}), TenancyState.ACTIVE),
    TenancyCommand.GIVE_NOTICE: (frozenset({TenancyState.ACTIVE}), TenancyState.NOTICE_GIVEN),
    TenancyCommand.WITHDRAW_NOTICE: (frozenset({TenancyState.NOTICE_GIVEN}), TenancyState.ACTIVE),
    TenancyCommand.RENEW: (frozenset({TenancyState.ACTIVE}), None),  # stays active, with a new end
    TenancyCommand.END: (frozenset({TenancyState.ACTIVE, TenancyState.NOTICE_GIVEN}), TenancyState.ENDED),
}


def tenancy_transition(state: TenancyState, command: TenancyCommand) -> TenancyState:
    sources, target = _TENANCY[command]
    if state not in sources:
        raise Conflict(
            f"cannot {command.value.replace('_', ' ')} a tenancy that is {state.value}", current_state=state.value
        )
    return target or state


# Term of each contract type in months; None = no fixed end (indefinite, or falls away with the need).
CONTRACT_TERM_MONTHS: dict[ContractType, int | None] = {
    ContractType.ORDINARY_RENTAL: 12 * DEFAULT_TENANCY_YEARS,
    ContractType.MUNICIPAL_CARE: None,
    ContractType.DEMENTIA_GROUP_HOME: None,
    ContractType.STAFFED_MENTAL_HEALTH: None,
    ContractType.CO_LOCATED_WITH_STAFF_BASE: None,
    ContractType.CO_LOCATED_SUBSTANCE_USE: 12 * DEFAULT_TENANCY_YEARS,
    ContractType.SHORT_TERM_STAFFED: 3,
    ContractType.ADAPTED_PHYSICAL_DISABILITY: None,
    ContractType.FARET_ONE_YEAR: 12,
}


def default_end_date(contract_type: ContractType, start: date) -> date | None:
    months = CONTRACT_TERM_MONTHS[contract_type]
    return None if months is None else add_months(start, months) - timedelta(days=1)


# A contract may be recorded after the tenancy began, but not a month and more after.
SIGNED_AFTER_START_DAYS = 31


def check_can_sign(state: ApplicationState) -> None:
    if state is not S.ALLOCATED:
        raise Conflict(
            f"a contract needs an allocated application; this one is {state.value}", current_state=state.value
        )


def contract_end_date(
    contract_type: ContractType, start_date: date, end_date: date | None, signed_on: date
) -> date | None:
    """The contract's end (the type's term unless given), after its start, which is not long before signing."""
    end = end_date or default_end_date(contract_type, start_date)
    if end is not None and end <= start_date:
        raise RuleViolation("the end date must be after the start date", code="end_before_start")
    if start_date < signed_on - timedelta(days=SIGNED_AFTER_START_DAYS):
        raise RuleViolation("the tenancy cannot start long before it is signed", code="start_before_signing")
    return end


# A move-in is recorded when the keys are handed over, or a few days before (over a weekend); a later date is a
# plan, not a move-in, and NAV ends its stay on the move-in.
MOVE_IN_DAYS_AHEAD = 7


def check_move_in(move_in_date: date, start_date: date, today: date) -> None:
    """The move-in lies between the contract's start and a few days after today."""
    if move_in_date < start_date:
        raise RuleViolation(
            f"the move-in ({move_in_date}) cannot come before the contract starts ({start_date})",
            code="move_in_before_start",
        )
    latest = today + timedelta(days=MOVE_IN_DAYS_AHEAD)
    if move_in_date > latest:
        raise RuleViolation(
            f"a move-in is recorded when it happens, at most {MOVE_IN_DAYS_AHEAD} days ahead (until {latest}), "
            f"not on {move_in_date}",
            code="move_in_too_far_ahead",
        )


def check_dwelling_ready_for_move_in(dwelling_id: str, status: DwellingStatus, expected_ready_on: date | None) -> None:
    """Nobody moves into a dwelling LKE has not made ready: the move-in waits for the ready date."""
    if status in (DwellingStatus.READY, DwellingStatus.RESERVED):
        return
    expected = f", expected ready on {expected_ready_on.isoformat()}" if expected_ready_on else ""
    raise Conflict(
        f"dwelling {dwelling_id} is not ready for moving in (it is {status.value}{expected})",
        current_state=status.value,
    )


def check_dwelling_not_withdrawn(dwelling_id: str, status: DwellingStatus) -> None:
    """LKE took the dwelling out of letting (sold, say): nobody signs a contract for it any more."""
    if status is DwellingStatus.WITHDRAWN:
        raise Conflict(
            f"dwelling {dwelling_id} was withdrawn from letting by LKE: no contract can be signed for it",
            current_state=status.value,
            extra={"blocking": "dwelling_withdrawn", "dwelling_id": dwelling_id},
        )


def check_notice(given_on: date, move_out_date: date, start_date: date) -> None:
    """Notice is given during the tenancy (not before it started), and the move-out comes after it."""
    if given_on < start_date:
        raise RuleViolation(
            f"notice ({given_on}) cannot be given before the tenancy starts ({start_date})", code="notice_before_start"
        )
    if move_out_date < given_on:
        raise RuleViolation("the move-out date cannot be before the notice", code="move_out_before_notice")


def renewable_end(end_date: date | None) -> date:
    """The end a renewal moves: only a time-limited contract has one."""
    if end_date is None:
        raise RuleViolation("an indefinite contract has nothing to renew", code="indefinite_contract")
    return end_date


def check_renewal_application(tenancy_id: str, renewal_of_tenancy_id: str | None, state: ApplicationState) -> None:
    """A renewal needs a written renewal application for this tenancy, approved (its ownership check done)."""
    if renewal_of_tenancy_id != tenancy_id:
        raise RuleViolation("that application is not a renewal of this tenancy", code="not_a_renewal")
    if state is not S.APPROVED:
        raise Conflict(f"the renewal application is {state.value}, not approved", current_state=state.value)


def renewed_end_date(contract_type: ContractType, previous_end: date, new_end_date: date | None) -> date | None:
    """The renewed contract's end (a new term of its type unless given), later than the one it replaces."""
    new_end = new_end_date or default_end_date(contract_type, previous_end + timedelta(days=1))
    if new_end is not None and new_end <= previous_end:
        raise RuleViolation("the new end date must be after the current one", code="end_not_later")
    return new_end


def check_tenancy_end(start_date: date, end_date: date) -> None:
    if end_date < start_date:
        raise RuleViolation("a tenancy cannot end before it starts", code="end_before_start")


def deposit_amount(kind: DepositKind, monthly_rent: int) -> int:
    return 0 if kind is DepositKind.NONE else DEPOSIT_MONTHS * monthly_rent


def expiry_notice_deadline(end_date: date) -> date:
    return add_months(end_date, EXPIRY_NOTICE_MONTHS)


class Reminder(StrEnum):
    BEFORE_END = "before_end"
    AT_END = "at_end"


def due_reminders(end_date: date | None, today: date, months_before: int, sent: Iterable[Reminder]) -> list[Reminder]:
    """The reminders about a contract's end that are due today and not sent yet."""
    if end_date is None:
        return []
    done = set(sent)
    due: list[Reminder] = []
    if Reminder.BEFORE_END not in done and add_months(end_date, -months_before) <= today < end_date:
        due.append(Reminder.BEFORE_END)
    if Reminder.AT_END not in done and today >= end_date:
        due.append(Reminder.AT_END)
    return due


def past_end_unresolved(end_date: date | None, state: TenancyState, today: date) -> int:
    """Days a time-limited contract has run past its end with neither a renewal nor a notice (0: not at risk).

    Husleieloven § 9-2: a fixed-term contract the landlord lets run out without notice continues as indefinite, so
    every such day is a risk to escalate. A renewal moves the end; a notice moves the tenancy out of `active`.
    """
    if end_date is None or state not in (TenancyState.ACTIVE, TenancyState.SIGNED) or today <= end_date:
        return 0
    return (today - end_date).days


def escalation_due(end_date: date | None, state: TenancyState, today: date, escalated_end: date | None) -> bool:
    """A contract past its end, neither renewed nor given notice, is escalated once for that end (§ 9-2).

    `escalated_end` is the end an escalation was sent for: a renewal moves the end, so a renewed contract that runs
    out again is escalated again, but the same end never twice."""
    return past_end_unresolved(end_date, state, today) > 0 and escalated_end != end_date
