"""Boligkontoret's pure rules: the state machines (property-tested), ranking, matching and deadlines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boligflyt.applications import domain
from boligflyt.applications.domain import (
    ApplicationCommand,
    ApplicationState,
    OfferState,
    Reminder,
    TenancyCommand,
    TenancyState,
)
from boligflyt.contracts.codes import ApplicationKind, ContractType, DepositKind
from boligflyt.platform.errors import Conflict, RuleViolation

S = ApplicationState

# The application's life written out edge by edge, independently of the table in domain.py:
# submitted -> incomplete <-> complete -> decided(approved | rejected) -> [appealed] -> decided again;
# approved -> offered -> allocated -> contracted -> moved_in; leaving the list; an expired or cancelled
# offer puts the household back on the list; withdrawal before a decision or after a refusal.
LEGAL_EDGES = {
    (S.SUBMITTED, S.INCOMPLETE),
    (S.SUBMITTED, S.COMPLETE),
    (S.INCOMPLETE, S.INCOMPLETE),
    (S.INCOMPLETE, S.COMPLETE),
    (S.COMPLETE, S.INCOMPLETE),
    (S.COMPLETE, S.COMPLETE),
    (S.COMPLETE, S.APPROVED),
    (S.COMPLETE, S.REJECTED),
    (S.INCOMPLETE, S.REJECTED),
    (S.REJECTED, S.APPEALED),
    (S.APPEALED, S.APPROVED),
    (S.APPEALED, S.REJECTED),
    (S.APPROVED, S.OFFERED),
    (S.OFFERED, S.APPROVED),
    (S.OFFERED, S.ALLOCATED),
    (S.OFFERED, S.DECLINED_OFFER),
    (S.ALLOCATED, S.CONTRACTED),
    (S.CONTRACTED, S.MOVED_IN),
    (S.APPROVED, S.WITHDRAWN),
    (S.APPROVED, S.LAPSED),
    (S.APPROVED, S.HOUSED_ELSEWHERE),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.INCOMPLETE, S.WITHDRAWN),
    (S.COMPLETE, S.WITHDRAWN),
    (S.REJECTED, S.WITHDRAWN),
}

commands = st.lists(st.tuples(st.sampled_from(list(ApplicationCommand)), st.booleans()), max_size=40)


@settings(max_examples=400)
@given(commands)
def test_no_sequence_of_commands_reaches_an_illegal_state(sequence: list[tuple[ApplicationCommand, bool]]) -> None:
    state = S.SUBMITTED
    history = [state]
    for command, complete in sequence:
        try:
            after = domain.application_transition(state, command, complete=complete)
        except Conflict as exc:
            assert exc.status == 409
            assert exc.current_state == state.value  # the 409 names the current state
            continue
        assert (state, after) in LEGAL_EDGES, f"{state} --{command}--> {after}"
        state = after
        history.append(state)
    if S.MOVED_IN in history:  # a move-in went through every step of the chain, in order
        chain = [S.APPROVED, S.OFFERED, S.ALLOCATED, S.CONTRACTED, S.MOVED_IN]
        positions = [len(history) - 1 - history[::-1].index(s) for s in chain]
        assert positions == sorted(positions)


@given(st.sampled_from(sorted(domain.FINAL_STATES)), st.sampled_from(list(ApplicationCommand)))
def test_final_states_accept_no_command(state: ApplicationState, command: ApplicationCommand) -> None:
    with pytest.raises(Conflict):
        domain.application_transition(state, command, complete=True)


def test_completeness_check_follows_the_documents() -> None:
    assert domain.missing_documents(ApplicationKind.CARE, ["tax_assessment"]) == [
        "income_documentation",
        "housing_situation",
        "care_needs_assessment",
    ]
    assert domain.missing_documents(ApplicationKind.RENTAL, domain.REQUIRED_DOCUMENTS[ApplicationKind.RENTAL]) == []
    assert domain.application_transition(S.SUBMITTED, ApplicationCommand.CHECK_COMPLETENESS, complete=False) is (
        S.INCOMPLETE
    )


# --- The offer chain: decline or expiry always hands the dwelling to the next rank or back to the list -------


@settings(max_examples=300)
@given(
    st.integers(min_value=0, max_value=8),
    st.lists(st.sampled_from([OfferState.DECLINED, OfferState.EXPIRED, OfferState.ACCEPTED]), max_size=12),
    st.sets(st.integers(min_value=0, max_value=7)),
)
def test_decline_or_expiry_passes_the_offer_on(size: int, answers: list[OfferState], gone: set[int]) -> None:
    recommendation = [f"app-{i}" for i in range(size)]
    waiting = {a for i, a in enumerate(recommendation) if i not in gone}  # some left the list meanwhile
    offered: list[str] = []
    current = domain.next_in_recommendation(recommendation, offered, waiting)
    for answer in answers:
        if current is None:
            break  # back on the list: nobody fits who has not had it
        application_id, rank = current
        assert application_id in waiting and application_id not in offered
        assert recommendation[rank - 1] == application_id
        offered.append(application_id)
        state = domain.answer_offer(OfferState.PENDING, answer)
        with pytest.raises(Conflict):  # an answered offer cannot be answered again
            domain.answer_offer(state, answer)
        if state is OfferState.ACCEPTED:
            return
        if state is OfferState.DECLINED:
            waiting.discard(application_id)  # one-offer rule
        nxt = domain.next_in_recommendation(recommendation, offered, waiting)
        if nxt is not None:
            assert nxt[1] > rank  # always the next one down, never back up
        else:
            assert not (waiting - set(offered))  # nobody left who could have it: back to the list
        current = nxt


def test_overdue_only_after_the_deadline() -> None:
    deadline = date(2015, 1, 12)
    assert not domain.is_overdue(OfferState.PENDING, deadline, deadline)
    assert domain.is_overdue(OfferState.PENDING, deadline, deadline + timedelta(days=1))
    assert not domain.is_overdue(OfferState.ACCEPTED, deadline, deadline + timedelta(days=9))


# --- Tenancies -----------------------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.lists(st.sampled_from(list(TenancyCommand)), max_size=30))
def test_tenancy_commands_never_leave_the_lifecycle(sequence: list[TenancyCommand]) -> None:
    legal = {
        (TenancyState.SIGNED, TenancyState.ACTIVE),
        (TenancyState.ACTIVE, TenancyState.NOTICE_GIVEN),
        (TenancyState.NOTICE_GIVEN, TenancyState.ACTIVE),
        (TenancyState.ACTIVE, TenancyState.ACTIVE),  # renewal
        (TenancyState.ACTIVE, TenancyState.ENDED),
        (TenancyState.NOTICE_GIVEN, TenancyState.ENDED),
    }
    state = TenancyState.SIGNED
    for command in sequence:
        try:
            after = domain.tenancy_transition(state, command)
        except Conflict as exc:
            assert exc.current_state == state.value
            continue
        assert (state, after) in legal
        state = after


def test_contract_terms_and_deposit() -> None:
    start = date(2015, 3, 1)
    assert domain.default_end_date(ContractType.ORDINARY_RENTAL, start) == date(2018, 2, 28)
    assert domain.default_end_date(ContractType.SHORT_TERM_STAFFED, start) == date(2015, 5, 31)
    assert domain.default_end_date(ContractType.FARET_ONE_YEAR, start) == date(2016, 2, 29)
    assert domain.default_end_date(ContractType.DEMENTIA_GROUP_HOME, start) is None
    assert len(domain.CONTRACT_TERM_MONTHS) == 9
    assert domain.deposit_amount(DepositKind.CASH, 7500) == 30000
    assert domain.deposit_amount(DepositKind.NAV_GUARANTEE, 7500) == 30000
    assert domain.deposit_amount(DepositKind.NONE, 7500) == 0
    assert domain.expiry_notice_deadline(date(2018, 2, 28)) == date(2018, 5, 28)


def code_of(check: Callable[..., None], *args: date) -> str | None:
    """The code of the rule `check` refuses `args` with; None when it lets them pass."""
    try:
        check(*args)
    except RuleViolation as refused:
        return refused.code
    return None


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    st.integers(min_value=-60, max_value=60),
    st.integers(min_value=-60, max_value=60),
)
def test_a_move_in_lies_between_the_contract_start_and_a_few_days_after_today(
    today: date, start_offset: int, move_in_offset: int
) -> None:
    start, move_in = today + timedelta(days=start_offset), today + timedelta(days=move_in_offset)
    code = code_of(domain.check_move_in, move_in, start, today)
    if move_in < start:
        assert code == "move_in_before_start"
    elif move_in_offset > domain.MOVE_IN_DAYS_AHEAD:
        assert code == "move_in_too_far_ahead"
    else:
        assert code is None


def test_notice_and_consent_keep_to_their_dates() -> None:
    start = date(2015, 3, 1)
    assert code_of(domain.check_notice, start, start + timedelta(days=90), start) is None
    assert code_of(domain.check_notice, start - timedelta(days=1), start, start) == "notice_before_start"
    assert code_of(domain.check_notice, start, start - timedelta(days=1), start) == "move_out_before_notice"
    assert code_of(domain.check_consent_signed, start, start) is None
    assert code_of(domain.check_consent_signed, start + timedelta(days=1), start) == "consent_signed_in_future"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(min_value=-200, max_value=200))
def test_reminders_come_once_each(end: date, offset: int) -> None:
    today = end + timedelta(days=offset)
    due = domain.due_reminders(end, today, 3, [])
    if today >= end:
        assert due == [Reminder.AT_END]
    elif today >= domain.add_months(end, -3):
        assert due == [Reminder.BEFORE_END]
    else:
        assert due == []
    assert domain.due_reminders(end, today, 3, due) == []  # sent once, never again


# --- Deadlines -----------------------------------------------------------------------------------------


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_case_list_freezes_five_working_days_before(meeting: date) -> None:
    freezes = domain.case_list_freezes_on(meeting)
    assert freezes.weekday() < 5 and freezes not in domain.public_holidays(freezes.year)
    between = [freezes + timedelta(days=i) for i in range((meeting - freezes).days)]
    assert sum(1 for d in between if domain.is_working_day(d)) == 5


def test_easter_and_holidays_are_not_working_days() -> None:
    assert [domain.easter_sunday(y) for y in (2015, 2016, 2024, 2025)] == [
        date(2015, 4, 5),
        date(2016, 3, 27),
        date(2024, 3, 31),
        date(2025, 4, 20),
    ]
    assert date(2015, 5, 14) in domain.public_holidays(2015)  # Ascension Day
    assert date(2015, 5, 25) in domain.public_holidays(2015)  # Whit Monday
    # Easter week 2015: Maundy Thursday, Good Friday and Easter Monday are skipped.
    assert domain.case_list_freezes_on(date(2015, 4, 9)) == date(2015, 3, 30)
    assert domain.case_list_freezes_on(date(2015, 4, 14)) == date(2015, 4, 7)
    assert domain.case_list_freezes_on(date(2015, 1, 15)) == date(2015, 1, 8)


def test_appeal_deadline_is_three_weeks_after_notification() -> None:
    assert domain.appeal_deadline(date(2015, 2, 12)) == date(2015, 3, 5)
