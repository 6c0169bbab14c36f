"""NAV's rules, pure: quality agreements, placement checks, the stay's state machine, nights and cost,
the 3-month rule, the monthly situation report and refugee settlement progress (DOMAIN.md §4.3, §4.4, §6).

No I/O and no framework imports: service.py loads rows, calls these functions and stores what they decide.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from boligflyt.platform.errors import Conflict, RuleViolation

# --- calendar helpers -----------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """'2012-02' -> Month(2012, 2); ValueError otherwise."""
        try:
            year_text, month_text = text.split("-")
            month = cls(int(year_text), int(month_text))
        except ValueError as exc:
            raise ValueError(f"a month is written YYYY-MM, not {text!r}") from exc
        if not 1 <= month.month <= 12 or not 1900 <= month.year <= 2200:
            raise ValueError(f"{text!r} is not a month")
        return month

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        """The first day of the next month (exclusive end)."""
        return add_months(self.first_day, 1)

    def next(self) -> Month:
        return Month.of(self.end)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months_between(first: Month, last: Month) -> list[Month]:
    months: list[Month] = []
    month = first
    while month <= last:
        months.append(month)
        month = month.next()
    return months


# --- providers and quality agreements (L7004-7087) ----------------------------------------------------

MAX_AGREEMENT_YEARS = 2
RENEGOTIATION_MONTHS_BEFORE_EXPIRY = 3


def latest_agreement_end(valid_from: date) -> date:
    """The last day an agreement starting on `valid_from` may run: two years, the start day counted."""
    return add_months(valid_from, 12 * MAX_AGREEMENT_YEARS) - timedelta(days=1)


def renegotiation_deadline(valid_to: date) -> date:
    """Renegotiate at the latest 3 months before the agreement expires."""
    return add_months(valid_to, -RENEGOTIATION_MONTHS_BEFORE_EXPIRY)


def check_agreement_period(valid_from: date, valid_to: date) -> None:
    """An agreement runs from `valid_from` to `valid_to` (both included), at most 2 years."""
    if valid_to < valid_from:
        raise RuleViolation(
            f"the agreement cannot end ({valid_to}) before it starts ({valid_from})", code="agreement_ends_before_start"
        )
    latest = latest_agreement_end(valid_from)
    if valid_to > latest:
        raise RuleViolation(
            f"a quality agreement is valid for at most {MAX_AGREEMENT_YEARS} years: starting {valid_from} it must "
            f"end by {latest}, not {valid_to}",
            code="agreement_too_long",
            extra={"latest_valid_to": latest.isoformat()},
        )


@dataclass(frozen=True)
class AgreementTerms:
    """What placement checks need to know of one quality agreement."""

    agreement_id: str
    valid_from: date
    valid_to: date
    price_per_night: int
    excludes_families_with_children: bool = True
    excludes_under_18: bool = True
    terminated_on: date | None = None  # the first day it no longer applies

    def valid_on(self, day: date) -> bool:
        if self.terminated_on is not None and day >= self.terminated_on:
            return False
        return self.valid_from <= day <= self.valid_to

    @property
    def renegotiation_deadline(self) -> date:
        return renegotiation_deadline(self.valid_to)


def agreement_in_force(agreements: Iterable[AgreementTerms], day: date) -> AgreementTerms | None:
    """The provider's agreement valid on `day` (the latest starting one if several)."""
    valid = [agreement for agreement in agreements if agreement.valid_on(day)]
    return max(valid, key=lambda a: a.valid_from) if valid else None


def check_no_overlap(new_from: date, new_to: date, existing: Iterable[AgreementTerms]) -> None:
    for agreement in existing:
        end = agreement.valid_to
        if agreement.terminated_on is not None:
            end = min(end, agreement.terminated_on - timedelta(days=1))
        if new_from <= end and agreement.valid_from <= new_to:
            raise Conflict(
                f"the provider already has agreement {agreement.agreement_id} from {agreement.valid_from} to {end}",
                current_state="agreement_in_force",
            )


class PlacementRefusal(StrEnum):
    """Why placing someone with a provider is refused (unless overridden with a recorded justification)."""

    NO_VALID_AGREEMENT = "no_valid_agreement"
    EXCLUDES_FAMILIES_WITH_CHILDREN = "excludes_families_with_children"
    EXCLUDES_UNDER_18 = "excludes_under_18"
    PROVIDER_FULL = "provider_full"
    PROVIDER_INACTIVE = "provider_inactive"


REFUSAL_TEXT = {
    PlacementRefusal.NO_VALID_AGREEMENT: "the provider has no quality agreement valid on that day",
    PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN: "the provider's agreement excludes families with children",
    PlacementRefusal.EXCLUDES_UNDER_18: "the provider's agreement excludes people under 18",
    PlacementRefusal.PROVIDER_FULL: "the provider has no free place (capacity reached)",
    PlacementRefusal.PROVIDER_INACTIVE: "the provider is no longer used",
}


@dataclass(frozen=True)
class Household:
    adults: int
    children: int
    person_age: int

    @property
    def single(self) -> bool:
        return self.adults == 1 and self.children == 0


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def placement_refusals(
    agreement: AgreementTerms | None,
    household: Household,
    *,
    occupied: int = 0,
    capacity: int | None = None,
    provider_active: bool = True,
) -> list[PlacementRefusal]:
    """Everything that stands against placing `household` with the provider under `agreement`."""
    refusals: list[PlacementRefusal] = []
    if not provider_active:
        refusals.append(PlacementRefusal.PROVIDER_INACTIVE)
    if agreement is None:
        refusals.append(PlacementRefusal.NO_VALID_AGREEMENT)
    else:
        if agreement.excludes_families_with_children and household.children > 0:
            refusals.append(PlacementRefusal.EXCLUDES_FAMILIES_WITH_CHILDREN)
        if agreement.excludes_under_18 and household.person_age < 18:
            refusals.append(PlacementRefusal.EXCLUDES_UNDER_18)
    if capacity is not None and occupied >= capacity:
        refusals.append(PlacementRefusal.PROVIDER_FULL)
    return refusals


def check_placement(refusals: Sequence[PlacementRefusal], override_justification: str | None) -> None:
    """Refuse the placement with its reasons, unless someone justified overriding them (the legal duty to
    house someone tonight comes first)."""
    if refusals and not (override_justification and override_justification.strip()):
        raise RuleViolation(
            "the placement is refused: "
            + "; ".join(REFUSAL_TEXT[r] for r in refusals)
            + ". Give override_justification to place the person all the same.",
            code="placement_refused",
            extra={"reasons": [str(r) for r in refusals]},
        )


# --- temporary stays (DOMAIN.md §4.3) -------------------------------------------------------------------


class StayState(StrEnum):
    STARTED = "started"
    ALLOCATED = "allocated"  # a dwelling is allocated, the person awaits move-in
    ENDED = "ended"


ACTIVE_STATES = (StayState.STARTED.value, StayState.ALLOCATED.value)

TRANSITIONS: dict[StayState, frozenset[StayState]] = {
    StayState.STARTED: frozenset({StayState.ALLOCATED, StayState.ENDED}),
    StayState.ALLOCATED: frozenset({StayState.ENDED}),
    StayState.ENDED: frozenset(),
}


def transition(current: StayState, target: StayState) -> StayState:
    if target not in TRANSITIONS[current]:
        raise Conflict(f"a stay that is {current} cannot become {target}", current_state=str(current))
    return target


@dataclass(frozen=True)
class Absence:
    """Nights away from `first_night` up to (not including) `returned_on`; only absences over one day are
    reported, and those nights are not paid (L7004-7087)."""

    first_night: date
    returned_on: date

    @property
    def nights(self) -> int:
        return (self.returned_on - self.first_night).days


def check_absence(absence: Absence, start: date, end: date | None, others: Iterable[Absence]) -> None:
    if absence.returned_on <= absence.first_night:
        raise RuleViolation("an absence ends after it starts", code="absence_ends_before_start")
    if absence.nights <= 1:
        raise RuleViolation(
            "only absences over one day are reported; a single night away is paid as used", code="absence_too_short"
        )
    if absence.first_night < start or (end is not None and absence.returned_on > end):
        raise RuleViolation("an absence must lie within the stay", code="absence_outside_stay")
    for other in others:
        if absence.first_night < other.returned_on and other.first_night < absence.returned_on:
            raise RuleViolation("the absence overlaps one already reported", code="absence_overlaps")


def nights_in(start: date, end: date, absences: Iterable[Absence], window_start: date, window_end: date) -> int:
    """Nights used of the stay [start, end) that fall in [window_start, window_end), absences left out."""
    lo, hi = max(start, window_start), min(end, window_end)
    total = max(0, (hi - lo).days)
    for absence in absences:
        a_lo, a_hi = max(absence.first_night, lo), min(absence.returned_on, hi)
        total -= max(0, (a_hi - a_lo).days)
    return total


def nights_used(start: date, end: date, absences: Iterable[Absence]) -> int:
    return nights_in(start, end, absences, start, end)


def stay_cost(nights: int, price_per_night: int) -> int:
    """NAV pays per night actually used."""
    return nights * price_per_night


@dataclass(frozen=True)
class PricePeriod:
    """From `first_night` on, the person sleeps at a provider at this price (a move changes it)."""

    first_night: date
    price_per_night: int


def cost_in(
    start: date,
    end: date,
    absences: Iterable[Absence],
    prices: Sequence[PricePeriod],
    window_start: date,
    window_end: date,
) -> int:
    """What the nights used in [window_start, window_end) cost, each at the price of the place slept in."""
    absences = tuple(absences)
    ordered = sorted(prices, key=lambda p: p.first_night)
    total = 0
    for index, period in enumerate(ordered):
        period_end = ordered[index + 1].first_night if index + 1 < len(ordered) else end
        lo, hi = max(window_start, period.first_night), min(window_end, period_end)
        if hi > lo:
            total += stay_cost(nights_in(start, end, absences, lo, hi), period.price_per_night)
    return total


def check_move(start: date, end: date | None, changed_on: date, prices: Sequence[PricePeriod]) -> None:
    latest = max(p.first_night for p in prices) if prices else start
    if changed_on <= latest:
        raise RuleViolation(
            f"a move to another provider must come after the stay started or last moved ({latest})",
            code="move_before_latest_placement",
        )
    if end is not None:
        raise Conflict("the stay has ended", current_state="ended")


def check_end(start: date, end: date) -> None:
    if end < start:
        raise RuleViolation(f"a stay cannot end ({end}) before it starts ({start})", code="stay_ends_before_start")


# --- the 3-month rule --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LimitRule:
    """Warn at the approaching days (default day 60 and 75), breach at day 90; day N is start_date + N days."""

    approaching_days: tuple[int, ...] = (60, 75)
    limit_days: int = 90

    def __post_init__(self) -> None:
        if any(d <= 0 or d >= self.limit_days for d in self.approaching_days):
            raise ValueError("warning days must lie between 0 and the limit")

    def limit_date(self, start: date) -> date:
        return start + timedelta(days=self.limit_days)

    @property
    def thresholds(self) -> tuple[int, ...]:
        return (*sorted(set(self.approaching_days)), self.limit_days)


def days_in_stay(start: date, today: date) -> int:
    return (today - start).days


@dataclass(frozen=True)
class LimitNotice:
    """What the 3-month job must do for one stay: thresholds to mark as passed and the event to raise."""

    passed: tuple[int, ...]
    raise_exceeded: bool
    raise_approaching: bool
    days: int


def limit_notice(rule: LimitRule, start: date, today: date, already: Iterable[int]) -> LimitNotice | None:
    """None when nothing new is due. Thresholds passed since the last run are marked all at once, but only
    the highest raises an event: a stay first seen at day 95 is exceeded, not also approaching."""
    days = days_in_stay(start, today)
    done = set(already)
    passed = tuple(t for t in rule.thresholds if t <= days and t not in done)
    if not passed:
        return None
    exceeded = rule.limit_days in passed
    return LimitNotice(passed=passed, raise_exceeded=exceeded, raise_approaching=not exceeded, days=days)


class BlockingReason(StrEnum):
    """What the person in a stay waits for (the list of stays by days)."""

    NO_APPLICATION = "no_application"
    WAITING_FOR_DECISION = "waiting_for_decision"
    WAITING_FOR_OFFER = "waiting_for_offer"
    APPLICATION_REJECTED = "application_rejected"
    APPLICATION_LEFT_LIST = "application_left_list"  # withdrawn, declined the offer, lapsed: a new one is needed
    ALLOCATED_WAITING_FOR_MOVE_IN = "allocated_waiting_for_move_in"  # often: waiting for renovation


def blocking_reason(state: StayState, application_id: str | None, decision: str | None) -> BlockingReason | None:
    if state is StayState.ENDED:
        return None
    if state is StayState.ALLOCATED:
        return BlockingReason.ALLOCATED_WAITING_FOR_MOVE_IN
    if application_id is None:
        return BlockingReason.NO_APPLICATION
    if decision is None:
        return BlockingReason.WAITING_FOR_DECISION
    if decision == "rejected":
        return BlockingReason.APPLICATION_REJECTED
    if decision == "left_list":
        return BlockingReason.APPLICATION_LEFT_LIST
    return BlockingReason.WAITING_FOR_OFFER


# --- the monthly situation report (DOMAIN.md §6 item 2, L12676-12703) ------------------------------------


@dataclass(frozen=True)
class StayFacts:
    stay_id: str
    person_key: str
    start: date
    end: date | None
    under_30: bool
    single: bool
    price_per_night: int = 0
    absences: tuple[Absence, ...] = ()
    known_earlier_stay: bool = False  # a stay before NAV's records began
    moves: tuple[PricePeriod, ...] = ()  # later placements at other providers

    @property
    def prices(self) -> tuple[PricePeriod, ...]:
        return (PricePeriod(self.start, self.price_per_night), *self.moves)


@dataclass(frozen=True)
class MonthRow:
    month: str
    persons: int
    under_30: int
    singles: int
    new_enquiries: int
    nights: int
    cost: int


def _present(stay: StayFacts, month: Month, as_of: date) -> bool:
    """The stay had a night in the month (a stay ended the day it started counts on that day)."""
    if stay.start >= month.end or stay.start > as_of:
        return False
    if stay.end is None:
        return True
    if stay.end == stay.start:
        return month.first_day <= stay.start < month.end
    return stay.end > month.first_day


def new_enquiry_stays(stays: Iterable[StayFacts]) -> set[str]:
    """Stays started by people with no earlier stay (NAV's 'new enquiries')."""
    first: dict[str, StayFacts] = {}
    for stay in sorted(stays, key=lambda s: (s.start, s.stay_id)):
        first.setdefault(stay.person_key, stay)
    return {s.stay_id for s in first.values() if not s.known_earlier_stay}


def monthly_report(stays: Sequence[StayFacts], months: Sequence[Month], as_of: date) -> list[MonthRow]:
    """Per month: persons with a stay in it, of them under 30, of them single, new enquiries (stays started in
    the month by people with no earlier stay), and the nights used and their cost in that month (a stay
    crossing months is split at midnight of the first). Open stays count up to `as_of` (exclusive)."""
    new = new_enquiry_stays(stays)
    rows: list[MonthRow] = []
    for month in months:
        present = [s for s in stays if _present(s, month, as_of)]
        persons: dict[str, StayFacts] = {}
        for stay in sorted(present, key=lambda s: s.start):
            persons[stay.person_key] = stay  # the latest stay in the month describes the person
        nights = 0
        cost = 0
        for stay in present:
            end = stay.end if stay.end is not None else max(as_of, stay.start)
            nights += nights_in(stay.start, end, stay.absences, month.first_day, month.end)
            cost += cost_in(stay.start, end, stay.absences, stay.prices, month.first_day, month.end)
        rows.append(
            MonthRow(
                month=str(month),
                persons=len(persons),
                under_30=sum(1 for s in persons.values() if s.under_30),
                singles=sum(1 for s in persons.values() if s.single),
                new_enquiries=sum(
                    1 for s in stays if s.stay_id in new and month.first_day <= s.start < month.end and s.start <= as_of
                ),
                nights=nights,
                cost=cost,
            )
        )
    return rows


REPORT_COLUMNS = ("month", "persons", "under_30", "singles", "new_enquiries", "nights", "cost")


def report_csv(rows: Sequence[MonthRow]) -> str:
    lines = [",".join(REPORT_COLUMNS)]
    lines += [f"{r.month},{r.persons},{r.under_30},{r.singles},{r.new_enquiries},{r.nights},{r.cost}" for r in rows]
    return "\r\n".join(lines) + "\r\n"


# --- refugee settlement (DOMAIN.md §4.4) -------------------------------------------------------------------

ESTABLISHMENT_MONTHS = 3


class SettlementState(StrEnum):
    ANNOUNCED = "announced"
    HOUSING_ORDERED = "housing_ordered"
    DWELLING_ALLOCATED = "dwelling_allocated"
    ESTABLISHMENT = "establishment"  # settled: the 3-month establishment phase runs
    DONE = "done"


SETTLEMENT_TRANSITIONS: dict[SettlementState, frozenset[SettlementState]] = {
    SettlementState.ANNOUNCED: frozenset(
        {SettlementState.HOUSING_ORDERED, SettlementState.DWELLING_ALLOCATED, SettlementState.ESTABLISHMENT}
    ),
    SettlementState.HOUSING_ORDERED: frozenset({SettlementState.DWELLING_ALLOCATED, SettlementState.ESTABLISHMENT}),
    SettlementState.DWELLING_ALLOCATED: frozenset({SettlementState.ESTABLISHMENT}),
    SettlementState.ESTABLISHMENT: frozenset({SettlementState.DONE}),
    SettlementState.DONE: frozenset(),
}


def settlement_transition(current: SettlementState, target: SettlementState) -> SettlementState:
    if target not in SETTLEMENT_TRANSITIONS[current]:
        raise Conflict(f"a settlement that is {current} cannot become {target}", current_state=str(current))
    return target


def establishment_ends_on(settled_on: date) -> date:
    return add_months(settled_on, ESTABLISHMENT_MONTHS)


# "Sjekkliste etablering" (seed notes part6 §3.7, L14538-14592): item code -> (owner, what).
ESTABLISHMENT_CHECKLIST: dict[str, tuple[str, str]] = {
    "residence_permit_copy": ("MA/PV", "copy of the residence or work permit to the personal file"),
    "settlement_decision_copy": ("PV", "copy of the decision on municipality of settlement to the personal file"),
    "service_description_reviewed": ("PV", "reviewed the service description"),
    "establishment_decision_reviewed": ("PV", "reviewed the establishment decision with an interpreter"),
    "social_assistance_application": ("PV", "social-assistance application"),
    "deposit_guarantee_application": ("PV", "deposit-guarantee application"),
    "introduction_scheme_information": ("PV", "information on the introduction scheme"),
    "social_services_act_information": ("PV", "information on the Social Services Act, understanding confirmed"),
    "consent_signed": ("PV", "consent form (samtykkeerklæring)"),
    "tenancy_contract": ("PV/MA", "tenancy contract with Boligkontoret"),
    "population_register_notice": ("MA", "change-of-address notice to the population register"),
    "tax_card": ("MA", "tax card"),
    "moving_notice": ("MA", "change-of-address notice (flyttemelding)"),
    "personal_id_number": ("MA", "apply for a personal ID number"),
    "gp_applied": ("MA", "apply for a GP"),
    "health_station_notice": ("MA", "notice to the health station"),
    "dental_check": ("PV", "dental check"),
    "infection_control_form": ("PV/MA", "self-reported health form to the infection-control doctor"),
    "national_insurance_rights": ("PV/MA", "national-insurance rights"),
    "kindergarten_application": ("PV", "apply for kindergarten"),
    "dictionary": ("PV", "dictionary"),
    "settlement_binder_noted": ("PV", "settlement date noted in the settlement binder"),
    "arrival_notice_udi": ("PV", "arrival notice to UDI with copy to IMDi (transfer refugees)"),
    "housing_allowance": ("PV", "housing allowance (bostøtte)"),
    "contents_insurance": ("PV/MA", "contents insurance"),
}


@dataclass(frozen=True)
class QuotaMonth:
    month: str
    settled_persons: int
    settled_cumulative: int
    expected_cumulative: int  # an even spread of the quota over the year
    behind_by: int


@dataclass(frozen=True)
class SettledHousehold:
    settled_on: date
    persons: int


def quota_progress(year: int, adopted_persons: int, settled: Iterable[SettledHousehold]) -> list[QuotaMonth]:
    """Settled persons per month of `year` against an even spread (KPI 8): by the end of month m,
    adopted x m / 12 (rounded half up) should be settled."""
    by_month: dict[int, int] = {}
    for household in settled:
        if household.settled_on.year == year:
            by_month[household.settled_on.month] = by_month.get(household.settled_on.month, 0) + household.persons
    rows: list[QuotaMonth] = []
    cumulative = 0
    for month in range(1, 13):
        cumulative += by_month.get(month, 0)
        expected = (adopted_persons * month * 2 + 12) // 24
        rows.append(
            QuotaMonth(
                month=str(Month(year, month)),
                settled_persons=by_month.get(month, 0),
                settled_cumulative=cumulative,
                expected_cumulative=expected,
                behind_by=max(0, expected - cumulative),
            )
        )
    return rows


@dataclass(frozen=True)
class Checklist:
    done: dict[str, date] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        return [item for item in ESTABLISHMENT_CHECKLIST if item not in self.done]
