"""Refugee settlement: the household's states, the housing order, the establishment phase and its checklist,
and the year's quota against the settled persons."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from boligflyt.contracts.codes import SettlementCategory
from boligflyt.platform.errors import Conflict, RuleViolation

from .months import Month, add_months

ESTABLISHMENT_MONTHS = 3
# The national goal: a refugee is settled within 3 months of the residence permit, an unaccompanied minor within 6.
SETTLEMENT_DEADLINE_MONTHS = 3
SETTLEMENT_DEADLINE_MONTHS_UNACCOMPANIED_MINOR = 6


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


def check_quota_requested(state: str) -> None:
    """A quota is requested, then adopted once by the municipal council."""
    if state != "requested":
        raise Conflict("the quota is already adopted", current_state=state)


def default_bedrooms(adults: int, children: int) -> int:
    """One bedroom for the adults and one for every two children: the ordering function adjusts."""
    return max(1, (1 if adults else 0) + (children + 1) // 2)


def housing_needed_by(asked: date | None, planned_settlement_date: date | None, ordered_on: date) -> date:
    """When the household's dwelling is needed: as asked, else by the planned settlement date."""
    needed_by = asked or planned_settlement_date
    if needed_by is None:
        raise RuleViolation("say when the dwelling is needed (needed_by)", code="needed_by_missing")
    if needed_by < ordered_on:
        raise RuleViolation("the dwelling cannot be needed before the order is sent", code="needed_by_in_past")
    return needed_by


def check_settlement_application(linked: str | None, application_id: str) -> None:
    if linked not in (None, application_id):
        raise Conflict(f"already linked to application {linked}", current_state="application_linked")


def settlement_deadline(residence_permit_on: date, category: SettlementCategory) -> date:
    """The national settlement deadline: 3 months after the residence permit, 6 for an unaccompanied minor."""
    months = (
        SETTLEMENT_DEADLINE_MONTHS_UNACCOMPANIED_MINOR
        if category is SettlementCategory.UNACCOMPANIED_MINOR
        else SETTLEMENT_DEADLINE_MONTHS
    )
    return add_months(residence_permit_on, months)


@dataclass(frozen=True)
class DeadlineStatus:
    deadline: date
    days_left: int | None  # while the household waits: days to the deadline (negative: past it)
    met: bool | None  # once settled: settled on or before the deadline


def deadline_status(deadline: date, today: date, settled_on: date | None) -> DeadlineStatus:
    if settled_on is not None:
        return DeadlineStatus(deadline, None, settled_on <= deadline)
    return DeadlineStatus(deadline, (deadline - today).days, None)


def check_residence_permit(residence_permit_on: date | None, announced_on: date) -> None:
    """IMDi announces a household for settlement once it has its residence permit."""
    if residence_permit_on is not None and residence_permit_on > announced_on:
        raise RuleViolation(
            f"the residence permit ({residence_permit_on}) comes before IMDi announces the household ({announced_on})",
            code="residence_permit_after_announcement",
        )


@dataclass(frozen=True)
class AreaYear:
    year: int
    area_code: str  # "unknown" when the dwelling's area is not known
    households: int
    persons: int


UNKNOWN_AREA = "unknown"


def settled_by_area(settled: Iterable[tuple[date, str | None, int]]) -> list[AreaYear]:
    """Settled households and persons per year and area (`settled`: settlement date, area, persons), to see the
    spread across the municipality's areas."""
    totals: dict[tuple[int, str], tuple[int, int]] = {}
    for settled_on, area, persons in settled:
        key = (settled_on.year, area or UNKNOWN_AREA)
        households, people = totals.get(key, (0, 0))
        totals[key] = (households + 1, people + persons)
    return [AreaYear(year, area, *totals[(year, area)]) for year, area in sorted(totals)]


def establishment_ends_on(settled_on: date) -> date:
    return add_months(settled_on, ESTABLISHMENT_MONTHS)


# NAV Intro's "Sjekkliste etablering" (establishment checklist): item code -> (owner, what).
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


def check_checklist_item(item: str) -> None:
    if item not in ESTABLISHMENT_CHECKLIST:
        raise RuleViolation(
            f"{item!r} is not an item of the establishment checklist",
            code="unknown_checklist_item",
            extra={"items": list(ESTABLISHMENT_CHECKLIST)},
        )


def check_checklist_open(state: SettlementState) -> None:
    """The checklist is kept while the establishment phase runs."""
    if state is not SettlementState.ESTABLISHMENT:
        raise Conflict("the checklist is kept in the establishment phase", current_state=str(state))


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
