"""Boligkontoret's rules: the application, offer and tenancy state machines, ranking, matching, deadlines.

Pure: no I/O, no framework. Dates come in as arguments so that every rule can be tested by itself.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.contracts.codes import (
    ApplicationKind,
    ContractType,
    DepositKind,
    DwellingCategory,
    DwellingStatus,
    LeftListReason,
    PriorityFactor,
    Referrer,
)
from boligflyt.platform.errors import Conflict, RuleViolation

# --- Consent ------------------------------------------------------------------------------------------

CONSENT_TO_COLLECT = "collect_information"


def check_consent_to_collect(consents: Iterable[tuple[Collection[str], date | None]]) -> None:
    """An application needs the applicant's written consent to collect information (scope, revoked on), in force."""
    if not any(revoked_on is None and CONSENT_TO_COLLECT in scope for scope, revoked_on in consents):
        raise RuleViolation(
            "the applicant has not signed consent to collect information; record the consent first",
            code="consent_missing",
        )


def revoke_consent(signed_on: date, revoked_on: date | None, on: date) -> date:
    """The day the consent is revoked: once, and not before it was signed."""
    if revoked_on is not None:
        raise Conflict("the consent is already revoked", current_state="revoked")
    if on < signed_on:
        raise RuleViolation("consent cannot be revoked before it was signed", code="revoked_before_signed")
    return on


# --- Applications --------------------------------------------------------------------------------------


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    INCOMPLETE = "incomplete"
    COMPLETE = "complete"
    APPROVED = "approved"  # on the waiting list
    REJECTED = "rejected"
    APPEALED = "appealed"
    OFFERED = "offered"
    ALLOCATED = "allocated"
    CONTRACTED = "contracted"
    MOVED_IN = "moved_in"
    WITHDRAWN = "withdrawn"
    DECLINED_OFFER = "declined_offer"
    LAPSED = "lapsed"
    HOUSED_ELSEWHERE = "housed_elsewhere"


class ApplicationCommand(StrEnum):
    CHECK_COMPLETENESS = "check_completeness"
    APPROVE = "approve"
    REJECT = "reject"
    APPEAL = "appeal"
    OFFER = "offer"
    OFFER_EXPIRED = "offer_expired"
    OFFER_CANCELLED = "offer_cancelled"  # the dwelling was withdrawn while the offer stood
    DECLINE_OFFER = "decline_offer"
    ACCEPT_OFFER = "accept_offer"
    SIGN_CONTRACT = "sign_contract"
    MOVE_IN = "move_in"
    WITHDRAW = "withdraw"
    LAPSE = "lapse"
    HOUSED_ELSEWHERE = "housed_elsewhere"


S = ApplicationState
C = ApplicationCommand

_BEFORE_DECISION = frozenset({S.SUBMITTED, S.INCOMPLETE, S.COMPLETE})

# Each command, the states it may start from. The target is fixed except for the completeness check
# (incomplete or complete, by the documents) and is given by `_TARGET`.
_ALLOWED_FROM: dict[ApplicationCommand, frozenset[ApplicationState]] = {
    C.CHECK_COMPLETENESS: _BEFORE_DECISION,
    C.APPROVE: frozenset({S.COMPLETE, S.APPEALED}),
    # A refusal for missing documentation may come while the application is still incomplete.
    C.REJECT: frozenset({S.INCOMPLETE, S.COMPLETE, S.APPEALED}),
    C.APPEAL: frozenset({S.REJECTED}),
    C.OFFER: frozenset({S.APPROVED}),
    C.OFFER_EXPIRED: frozenset({S.OFFERED}),
    C.OFFER_CANCELLED: frozenset({S.OFFERED}),
    C.DECLINE_OFFER: frozenset({S.OFFERED}),
    C.ACCEPT_OFFER: frozenset({S.OFFERED}),
    C.SIGN_CONTRACT: frozenset({S.ALLOCATED}),
    C.MOVE_IN: frozenset({S.CONTRACTED}),
    C.WITHDRAW: _BEFORE_DECISION | {S.APPROVED, S.REJECTED},
    C.LAPSE: frozenset({S.APPROVED}),
    C.HOUSED_ELSEWHERE: frozenset({S.APPROVED}),
}

_TARGET: dict[ApplicationCommand, ApplicationState] = {
    C.APPROVE: S.APPROVED,
    C.REJECT: S.REJECTED,
    C.APPEAL: S.APPEALED,
    C.OFFER: S.OFFERED,
    C.OFFER_EXPIRED: S.APPROVED,  # silence keeps the household on the list; the dwelling moves on
    C.OFFER_CANCELLED: S.APPROVED,
    C.DECLINE_OFFER: S.DECLINED_OFFER,  # one-offer rule (§ 16): declining ends the need
    C.ACCEPT_OFFER: S.ALLOCATED,
    C.SIGN_CONTRACT: S.CONTRACTED,
    C.MOVE_IN: S.MOVED_IN,
    C.WITHDRAW: S.WITHDRAWN,
    C.LAPSE: S.LAPSED,
    C.HOUSED_ELSEWHERE: S.HOUSED_ELSEWHERE,
}

FINAL_STATES = frozenset({S.MOVED_IN, S.WITHDRAWN, S.DECLINED_OFFER, S.LAPSED, S.HOUSED_ELSEWHERE})
ON_WAITING_LIST = frozenset({S.APPROVED, S.OFFERED})

LEFT_LIST_REASON: dict[ApplicationState, LeftListReason] = {
    S.WITHDRAWN: LeftListReason.WITHDRAWN,
    S.DECLINED_OFFER: LeftListReason.DECLINED_OFFER,
    S.LAPSED: LeftListReason.LAPSED,
    S.HOUSED_ELSEWHERE: LeftListReason.HOUSED_ELSEWHERE,
}

# How a caseworker takes an application off the list, by the reason; declining goes only through an offer.
LEAVE_LIST_COMMAND: dict[LeftListReason, ApplicationCommand] = {
    LeftListReason.WITHDRAWN: C.WITHDRAW,
    LeftListReason.LAPSED: C.LAPSE,
    LeftListReason.HOUSED_ELSEWHERE: C.HOUSED_ELSEWHERE,
}


def allowed_commands(state: ApplicationState) -> list[ApplicationCommand]:
    return [command for command, sources in _ALLOWED_FROM.items() if state in sources]


def application_transition(
    state: ApplicationState, command: ApplicationCommand, *, complete: bool = False
) -> ApplicationState:
    """The state after `command`, or Conflict (409) naming the current state."""
    if state not in _ALLOWED_FROM[command]:
        raise Conflict(
            f"cannot {command.value.replace('_', ' ')} an application that is {state.value}",
            current_state=state.value,
        )
    if command is C.CHECK_COMPLETENESS:
        return S.COMPLETE if complete else S.INCOMPLETE
    return _TARGET[command]


# Documents every application needs, and those each kind adds (the caseworker's checklist).
REQUIRED_DOCUMENTS: dict[ApplicationKind, tuple[str, ...]] = {
    ApplicationKind.RENTAL: ("income_documentation", "tax_assessment", "housing_situation"),
    ApplicationKind.CARE: ("income_documentation", "tax_assessment", "housing_situation", "care_needs_assessment"),
    ApplicationKind.STAFFED: ("income_documentation", "tax_assessment", "housing_situation", "service_decision"),
}
KNOWN_DOCUMENTS = frozenset(doc for docs in REQUIRED_DOCUMENTS.values() for doc in docs) | {"rent_arrears_statement"}


def missing_documents(kind: ApplicationKind, received: Iterable[str]) -> list[str]:
    have = set(received)
    return [doc for doc in REQUIRED_DOCUMENTS[kind] if doc not in have]


def bedrooms_needed(adults: int, children: int, children_needing_own_bedroom: int) -> int:
    """One bedroom for the adults, one for each child needing its own, one per two other children."""
    shared = children - children_needing_own_bedroom
    return 1 + children_needing_own_bedroom + (shared + 1) // 2 + max(0, adults - 2)


NAV_REFERRERS = frozenset({Referrer.NAV, Referrer.NAV_INTRO})


def check_referral(referrer: Referrer, referrer_case_ref: str | None, *, by_nav: bool) -> None:
    """NAV submits as the referrer it is (NAV or NAV Intro), naming its own case: the stay."""
    if not by_nav:
        return
    if referrer not in NAV_REFERRERS:
        raise RuleViolation("NAV submits applications as referrer nav or nav_intro", code="referrer_mismatch")
    if referrer_case_ref is None:
        raise RuleViolation("NAV's referral needs its case reference (the stay id)", code="case_ref_missing")


def reply_to(referrer: Referrer) -> str:
    """Who the letters go to: for NAV Intro the programme adviser, not the applicant (the NAV-Boligkontoret
    routine for settling refugees)."""
    return "referrer" if referrer is Referrer.NAV_INTRO else "applicant"


def appeal_within_deadline(decided_on: date | None, appeal_deadline: date | None, appealed_on: date) -> bool:
    """Whether the appeal came in time; it cannot come before the decision it appeals."""
    if decided_on is not None and appealed_on < decided_on:
        raise RuleViolation("an appeal cannot arrive before the decision", code="appeal_before_decision")
    return appeal_deadline is not None and appealed_on <= appeal_deadline


# --- Deadlines ----------------------------------------------------------------------------------------

APPEAL_WEEKS = 3  # forvaltningsloven § 29
CASE_LIST_WORKING_DAYS = 5  # the case list goes out 5 working days before (Boligkontoret's routine for TBO meetings)
DEFAULT_TENANCY_YEARS = 3  # § 14
DEPOSIT_MONTHS = 4  # § 9
EXPIRY_NOTICE_MONTHS = 3  # husleieloven § 9-2


def appeal_deadline(notified_on: date) -> date:
    return notified_on + timedelta(weeks=APPEAL_WEEKS)


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int) -> frozenset[date]:
    """Norway's public holidays (helligdager and 1 and 17 May)."""
    easter = easter_sunday(year)
    moving = (-3, -2, 0, 1, 39, 49, 50)  # Maundy Thursday .. Whit Monday
    fixed = (date(year, 1, 1), date(year, 5, 1), date(year, 5, 17), date(year, 12, 25), date(year, 12, 26))
    return frozenset({*fixed, *(easter + timedelta(days=offset) for offset in moving)})


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def working_days_before(day: date, count: int) -> date:
    """`count` working days (Monday-Friday, not public holidays) before `day`."""
    current = day
    while count > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def case_list_freezes_on(meeting_date: date) -> date:
    return working_days_before(meeting_date, CASE_LIST_WORKING_DAYS)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- The allocation committee (TBO) ---------------------------------------------------------------------

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


# --- Waiting list: ranking and matching (criteria §10) -------------------------------------------------

# Ordered by weight: a head lease ending puts the household first in the queue (Boligkontoret's routine for
# leased-in dwellings); not being able to find an alternative is the decisive factor (allocation rules § 10).
FACTOR_WEIGHT: dict[PriorityFactor, int] = {
    PriorityFactor.HEAD_LEASE_ENDING: 1000,
    PriorityFactor.CANNOT_FIND_ALTERNATIVE: 100,
    PriorityFactor.NO_FIXED_ADDRESS: 10,
    PriorityFactor.NOTICE_TO_QUIT: 5,
    PriorityFactor.RISK_OF_LOSING_HOME: 3,
    PriorityFactor.UNSUITABLE_DWELLING: 1,
}


@dataclass(frozen=True)
class Candidate:
    """An approved application as the waiting list sees it."""

    application_id: str
    kind: ApplicationKind
    approved_on: date
    priority_factors: tuple[PriorityFactor, ...]
    bedrooms: int
    accessible: bool
    staffed: bool
    areas: tuple[str, ...]


@dataclass(frozen=True)
class DwellingFit:
    """What a dwelling offers, as matching needs it."""

    dwelling_id: str
    category: DwellingCategory
    bedrooms: int
    accessible: bool
    staffed: bool
    area_code: str | None


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    rank: int
    score: int
    explanation: tuple[str, ...]


def priority_score(factors: Iterable[PriorityFactor]) -> int:
    return sum(FACTOR_WEIGHT[factor] for factor in set(factors))


def rank_waiting_list(candidates: Sequence[Candidate]) -> list[Ranked]:
    """Priority factors first (weighted), then the earliest approval, then the id (a stable tie-break)."""
    return waiting_list_page(candidates, offset=0, limit=len(candidates))


def rank_key(score: int, approved_on: date, application_id: str) -> tuple[int, date, str]:
    """Where a candidate stands on the waiting list, lowest first: the priority factors' score, highest first, then
    the earliest approval, then the id (a stable tie-break)."""
    return -score, approved_on, application_id


def waiting_list_page(candidates: Sequence[Candidate], *, offset: int, limit: int) -> list[Ranked]:
    """`rank_waiting_list(candidates)[offset : offset + limit]`, explaining only the page's candidates: a page of
    the list is read far more often than the whole, and explaining every candidate cost more than ordering them."""
    ordered = sorted(
        candidates, key=lambda c: rank_key(priority_score(c.priority_factors), c.approved_on, c.application_id)
    )
    return ranked_from(ordered[offset : offset + limit], offset + 1)


def ranked_from(ordered: Iterable[Candidate], first_rank: int) -> list[Ranked]:
    """Candidates already in their waiting-list order (`rank_key`), ranked from `first_rank` and explained."""
    return [_ranked(candidate, position) for position, candidate in enumerate(ordered, start=first_rank)]


def _ranked(candidate: Candidate, position: int) -> Ranked:
    factors = sorted(set(candidate.priority_factors), key=lambda f: -FACTOR_WEIGHT[f])
    explanation = [f"{factor.value} (+{FACTOR_WEIGHT[factor]})" for factor in factors]
    explanation.append(f"approved {candidate.approved_on.isoformat()}")
    return Ranked(candidate, position, priority_score(factors), tuple(explanation))


_CATEGORIES_FOR_KIND: dict[ApplicationKind, frozenset[DwellingCategory]] = {
    ApplicationKind.RENTAL: frozenset(
        {
            DwellingCategory.ORDINARY,
            DwellingCategory.BENEFIT_RECIPIENT,
            DwellingCategory.TRANSITIONAL,
            DwellingCategory.STARTER,
            DwellingCategory.CO_LOCATED,
            DwellingCategory.EMERGENCY,
        }
    ),
    ApplicationKind.CARE: frozenset(
        {DwellingCategory.CARE, DwellingCategory.DEMENTIA_GROUP_HOME, DwellingCategory.BENEFIT_RECIPIENT}
    ),
    ApplicationKind.STAFFED: frozenset({DwellingCategory.STAFFED, DwellingCategory.CO_LOCATED}),
}


def mismatches(candidate: Candidate, dwelling: DwellingFit) -> list[str]:
    """Why the dwelling does not suit the household; empty if it does."""
    reasons: list[str] = []
    if dwelling.category not in _CATEGORIES_FOR_KIND[candidate.kind]:
        reasons.append(f"a {dwelling.category.value} dwelling is not for a {candidate.kind.value} application")
    if dwelling.bedrooms < candidate.bedrooms:
        reasons.append(f"{dwelling.bedrooms} bedrooms, the household needs {candidate.bedrooms}")
    elif dwelling.bedrooms > candidate.bedrooms + 1:
        reasons.append(f"{dwelling.bedrooms} bedrooms is too large for a need of {candidate.bedrooms}")
    if candidate.accessible and not dwelling.accessible:
        reasons.append("the household needs an accessible dwelling")
    if candidate.staffed and not dwelling.staffed:
        reasons.append("the household needs a staffed dwelling")
    if candidate.areas and dwelling.area_code not in candidate.areas:
        reasons.append(f"area {dwelling.area_code or 'unknown'} is not among the household's areas")
    return reasons


def match(dwelling: DwellingFit, candidates: Sequence[Candidate]) -> list[Ranked]:
    """The households the dwelling suits, ranked as on the waiting list, with why they fit."""
    fitting = [c for c in candidates if not mismatches(c, dwelling)]
    ranked = rank_waiting_list(fitting)
    fit = f"fits: {dwelling.bedrooms} bedrooms, category {dwelling.category.value}"
    return [Ranked(r.candidate, r.rank, r.score, (*r.explanation, fit)) for r in ranked]


def is_offerable(status: DwellingStatus | None, *, has_open_offer: bool, allocated: bool) -> bool:
    return status is DwellingStatus.READY and not has_open_offer and not allocated


def check_offerable(dwelling_id: str, status: DwellingStatus, *, has_open_offer: bool, allocated: bool) -> None:
    """A dwelling is offered when it is ready, nobody holds an offer of it and it is not allocated."""
    if is_offerable(status, has_open_offer=has_open_offer, allocated=allocated):
        return
    state = "allocated" if allocated else "offered" if has_open_offer else status.value
    raise Conflict(f"dwelling {dwelling_id} cannot be offered now", current_state=state)


# --- Offers ---------------------------------------------------------------------------------------------


class OfferState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    CANCELLED = "cancelled"  # the dwelling was withdrawn while the offer stood


def answer_offer(state: OfferState, answer: OfferState) -> OfferState:
    if state is not OfferState.PENDING:
        raise Conflict(f"the offer is already {state.value}", current_state=state.value)
    if answer is OfferState.PENDING:
        raise RuleViolation("an answer must accept, decline or expire the offer", code="invalid_answer")
    return answer


def check_planned_move_in(planned_move_in_on: date | None, today: date) -> None:
    if planned_move_in_on is not None and planned_move_in_on < today:
        raise RuleViolation("the planned move-in cannot be in the past", code="move_in_in_past")


def is_overdue(state: OfferState, answer_deadline: date, today: date) -> bool:
    return state is OfferState.PENDING and today > answer_deadline


def next_in_recommendation(
    recommendation: Sequence[str], already_offered: Iterable[str], still_waiting: Iterable[str]
) -> tuple[str, int] | None:
    """The next ranked applicant (id, 1-based rank) not yet offered this dwelling and still on the list."""
    offered = set(already_offered)
    waiting = set(still_waiting)
    for position, application_id in enumerate(recommendation, start=1):
        if application_id not in offered and application_id in waiting:
            return application_id, position
    return None


# --- Tenancy contracts: signing, and the tenancy's life --------------------------------------------------


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


def check_notice(given_on: date, move_out_date: date) -> None:
    if move_out_date < given_on:
        raise RuleViolation("the move-out date cannot be before the notice", code="move_out_before_notice")


def renewable_end(end_date: date | None) -> date:
    """The end a renewal moves: only a time-limited contract has one."""
    if end_date is None:
        raise RuleViolation("an indefinite contract has nothing to renew", code="indefinite_contract")
    return end_date


def check_renewal_application(tenancy_id: str, renewal_of_tenancy_id: str | None, state: ApplicationState) -> None:
    """A renewal on a written application needs that application, for this tenancy, approved."""
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
