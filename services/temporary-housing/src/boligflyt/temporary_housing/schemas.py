"""Request and response bodies of NAV's API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from boligflyt.contracts.base import PersonRef
from boligflyt.contracts.codes import (
    GuaranteeDecision,
    ProviderKind,
    SettlementCategory,
    SettlementOrigin,
    StayCause,
    StayEndReason,
)
from boligflyt.contracts.fields import Id
from boligflyt.platform.personref import validate_national_id
from boligflyt.platform.plausible import BirthDate, BusinessDate

# Far above any real household, and far below what the database's integer columns hold (an unbounded count
# overflowed them: a 500 instead of a 422).
MAX_HOUSEHOLD = 99
# NOK per night: a hotel suite costs a few thousand; the ceiling keeps a stay's cost (nights x price, over the
# longest stay the plausible dates allow) inside the 32-bit column it is kept in.
MAX_PRICE_PER_NIGHT = 100_000
# Places at one provider, persons in a year's quota: far above Larvik's hundreds, far below a column's limit.
MAX_PERSONS = 10_000
# Bedrooms a household needs: Boligkontoret and the ordering function take at most this many.
MAX_BEDROOMS = 10

NationalId = Annotated[str, AfterValidator(validate_national_id)]
Text = Annotated[str, Field(min_length=1, max_length=300)]


class In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProviderIn(In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Larvik pensjonat",
                    "kind": "pension",
                    "address": "Storgata 1, 3256 Larvik",
                    "owner_operator": "Pensjonat AS",
                    "capacity": 12,
                }
            ]
        },
    )

    name: Text
    kind: ProviderKind
    address: Text
    owner_operator: Text = Field(description="Who owns or runs the place.")
    capacity: int | None = Field(default=None, ge=0, le=MAX_PERSONS, description="Places; null when not limited.")
    seasonal_closure: SeasonalClosureIn | None = Field(
        default=None, description="Closed every year for a season (the campsite: 05-01 to 07-31)."
    )


MonthDay = Annotated[str, Field(pattern=r"^\d{2}-\d{2}$", examples=["05-01"])]


class SeasonalClosureIn(In):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"closed_from": "05-01", "closed_to": "07-31"}]}
    )

    closed_from: MonthDay = Field(description="The first closed day of each year, MM-DD.")
    closed_to: MonthDay = Field(description="The last closed day of each year, MM-DD (may run over the new year).")


class SeasonalClosureOut(BaseModel):
    closed_from: str
    closed_to: str
    next_closed_from: date = Field(description="The first closed day from today on (today while closed).")


class ClosureWarningOut(BaseModel):
    """An open stay that would still be at the provider when it closes for the season: move the person first."""

    stay_id: str
    provider_id: str
    closes_on: date
    reopens_on: date
    expected_leaving_day: date = Field(description="The stay's planned end, else its limit date.")


class ProviderOut(BaseModel):
    provider_id: str
    name: str
    kind: ProviderKind
    address: str
    owner_operator: str
    capacity: int | None
    active: bool
    occupied: int = 0
    agreement_in_force: AgreementOut | None = None
    needs_quality_agreement: bool = Field(
        default=True, description="False for a municipal emergency unit, which is used without a quality agreement."
    )
    seasonal_closure: SeasonalClosureOut | None = None
    closure_warnings: list[ClosureWarningOut] = Field(
        default=[], description="Open stays that would still be here when the provider next closes."
    )


class AgreementIn(In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"valid_from": "2015-01-01", "valid_to": "2016-12-31", "price_per_night": 600}]
        },
    )

    valid_from: BusinessDate
    valid_to: BusinessDate = Field(description="The last day the agreement applies (at most 2 years after valid_from).")
    price_per_night: int = Field(ge=0, le=MAX_PRICE_PER_NIGHT, description="NOK per night actually used.")
    address: Text | None = Field(default=None, description="The one address it covers; the provider's by default.")
    excludes_families_with_children: bool = Field(
        default=True, description="Always true: law and policy; false is refused (agreement_exclusions_fixed)."
    )
    excludes_under_18: bool = Field(
        default=True, description="Always true: law and policy; false is refused (agreement_exclusions_fixed)."
    )


class AgreementOut(BaseModel):
    agreement_id: str
    provider_id: str
    address: str
    valid_from: date
    valid_to: date
    renegotiation_deadline: date
    price_per_night: int
    excludes_families_with_children: bool
    excludes_under_18: bool
    terminated_on: date | None
    termination_reason: str | None


class TerminationIn(In):
    terminated_on: BusinessDate = Field(description="The first day the agreement no longer applies.")
    reason: Text


class PersonIn(In):
    national_id: NationalId
    name: Text
    birth_date: BirthDate


class StayIn(In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "person": {"national_id": "01018012371", "name": "Kari Nordmann", "birth_date": "1980-01-01"},
                    "adults": 1,
                    "children": 0,
                    "cause": "eviction",
                    "decision_date": "2015-01-08",
                    "provider_id": "prov-pension-1",
                    "start_date": "2015-01-08",
                }
            ]
        },
    )

    person: PersonIn
    adults: int = Field(default=1, ge=1, le=MAX_HOUSEHOLD)
    children: int = Field(default=0, ge=0, le=MAX_HOUSEHOLD)
    cause: StayCause
    decision_date: BusinessDate = Field(description="The date of the decision (vedtak) under sosialtjenesteloven § 27.")
    provider_id: Id
    start_date: BusinessDate = Field(description="The first night.")
    planned_end_date: BusinessDate | None = Field(
        default=None,
        description="The day the person is planned to leave; without it the stay is planned up to its limit date "
        "(3 months). A provider's seasonal closure within the planned stay refuses the placement.",
    )
    override_justification: str | None = Field(
        default=None,
        max_length=2000,
        description="Why the person is placed although the checks refuse it (not for a fixed refusal: a private "
        "provider and a family with children or someone under 18, or a seasonal closure).",
    )
    price_per_night: int | None = Field(
        default=None,
        ge=0,
        le=MAX_PRICE_PER_NIGHT,
        description="Only when there is no valid agreement (an override): the price agreed, NOK.",
    )
    known_earlier_stay: bool = Field(default=False, description="The person had a stay before NAV's records here.")
    adviser: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="The NAV adviser who follows the person (their tasks); the one placing them by default.",
    )

    @model_validator(mode="after")
    def check_decision(self) -> Self:
        if self.decision_date > self.start_date:
            raise ValueError("the decision (vedtak) comes on or before the first night")
        if self.planned_end_date is not None and self.planned_end_date <= self.start_date:
            raise ValueError("the planned end comes after the first night")
        return self


class AbsenceIn(In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"first_night": "2015-01-20", "returned_on": "2015-01-23", "belongings_left": True}]
        },
    )

    first_night: BusinessDate
    returned_on: BusinessDate
    belongings_left: bool = False


class AbsenceOut(BaseModel):
    first_night: date
    returned_on: date
    nights: int
    belongings_left: bool


class MoveIn(In):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"provider_id": "prov-barracks-2", "changed_on": "2015-02-01"}]}
    )

    provider_id: Id
    changed_on: BusinessDate = Field(description="The first night at the new provider.")
    override_justification: str | None = Field(default=None, max_length=2000)
    price_per_night: int | None = Field(
        default=None, ge=0, le=MAX_PRICE_PER_NIGHT, description="Only without a valid agreement, NOK."
    )


class MoveOut(BaseModel):
    changed_on: date
    provider_id: str
    agreement_id: str | None
    price_per_night: int
    override_reasons: list[str] | None


class EndIn(In):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"end_date": "2015-03-16", "reason": "private_rental"}]}
    )

    end_date: BusinessDate = Field(
        description="The day the person left (the last night is the night before); at most 7 days after today."
    )
    reason: StayEndReason
    tenancy_id: Id | None = None
    belongings_left: bool = Field(default=False, description="The person left belongings behind at the provider.")


class ApplicationLinkIn(In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"application_id": "app-2015-0042", "submitted_on": "2015-01-12"}]},
    )

    application_id: Id | None = Field(
        default=None, description="An application the person made; leave out to have NAV submit one now."
    )
    submitted_on: BusinessDate | None = Field(default=None, description="When the linked application was submitted.")
    bedrooms_needed: int | None = Field(
        default=None,
        ge=0,
        le=MAX_BEDROOMS,
        description="When NAV submits: bedrooms beyond the allocation rules' norm, for a documented need; left out, "
        "Boligkontoret applies the norm (a single person fits a studio).",
    )
    accessible_needed: bool = False
    consent_signed_on: BusinessDate | None = Field(
        default=None, description="When NAV submits: the day the person signed consent (today by default, not later)."
    )


class PersonOut(BaseModel):
    name: str
    national_id: str
    birth_date: date


class StayOut(BaseModel):
    stay_id: str
    person_ref: str
    person: PersonOut | None = Field(default=None, description="Only for NAV.")
    cause: StayCause | None = Field(default=None, description="Only for NAV.")
    state: str
    adults: int
    children: int
    under_30: bool
    single: bool
    new_enquiry: bool
    decision_date: date
    provider_id: str = Field(description="Where the person stays now.")
    agreement_id: str | None
    price_per_night: int = Field(description="The price per night where the person stays now.")
    override_justification: str | None = None
    override_reasons: list[str] | None = None
    start_date: date
    planned_end_date: date | None = None
    end_date: date | None
    end_reason: str | None
    belongings_left: bool
    closure_warning: ClosureWarningOut | None = Field(
        default=None, description="The provider closes for the season while the person is expected to be there."
    )
    nights: int
    cost: int
    days_in_stay: int
    limit_date: date
    blocking_reason: str | None
    application_id: str | None
    application_submitted_on: date | None
    application_decision: str | None
    allocated_on: date | None
    dwelling_id: str | None
    planned_move_in_on: date | None = Field(
        default=None, description="The planned move-in to the allocated dwelling; it follows the dwelling's ready date."
    )
    tenancy_id: str | None
    adviser: str | None = None
    moves: list[MoveOut] = []
    absences: list[AbsenceOut] = []
    case: CaseOut | None = Field(
        default=None, description="NAV's view of the housing application linked to the stay, from Boligkontoret."
    )


class CaseEntryOut(BaseModel):
    occurred_on: date
    fact: str = Field(description="What happened: the Boligkontoret event NAV learnt it from.")
    state: str = Field(description="The case's state after it.")
    detail: dict[str, Any] | None


class DwellingOut(BaseModel):
    """The allocated or offered dwelling as NAV sees it: where and how big, never the address."""

    dwelling_id: str
    area_code: str | None
    bedrooms: int | None


class CaseOut(BaseModel):
    """NAV's view of a referred housing application, kept from Boligkontoret's events."""

    application_id: str
    stay_id: str | None
    person_ref: str
    state: str
    submitted_on: date | None
    missing_documents: list[str]
    documents_checked_on: date | None
    documents_requested_on: date | None = Field(description="When Boligkontoret asked for the documents missing.")
    meeting_id: str | None
    meeting_on: date | None = Field(description="The committee meeting that decides (or decided) the application.")
    outcome: str | None
    decided_on: date | None
    reject_reasons: list[str]
    appeal_deadline: date | None
    appealed_on: date | None
    offer_id: str | None
    offered_on: date | None
    answer_deadline: date | None
    offer_answer: str | None
    answered_on: date | None
    dwelling: DwellingOut | None
    expected_ready_on: date | None = Field(description="When LKE expects the dwelling ready; null when ready.")
    allocated_on: date | None
    first_planned_move_in_on: date | None
    planned_move_in_on: date | None
    moved_in_on: date | None
    left_list_on: date | None
    left_list_reason: str | None
    history: list[CaseEntryOut] = []


class CaseListItem(BaseModel):
    """A referred case in the adviser's list, with the stay's days and the 3-month limit beside it."""

    case: CaseOut
    adviser: str | None
    stay_state: str | None
    days_in_stay: int | None
    limit_date: date | None
    over_limit: bool | None
    open_tasks: int


class TaskDismissIn(In):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"reason": "The person appeals with a lawyer's help."}]}
    )

    reason: str = Field(min_length=1, max_length=2000, description="Why the task needs nothing done.")


class StayByDays(BaseModel):
    stay_id: str
    person_ref: str
    provider_id: str
    state: str
    start_date: date
    days_in_stay: int
    limit_date: date
    over_limit: bool
    blocking_reason: str | None
    application_id: str | None


class TaskOut(BaseModel):
    task_id: str
    kind: str
    subject_type: str
    subject_id: str
    due_on: date | None
    description: str
    created_at: datetime
    done_at: datetime | None = Field(description="When the task was closed: done, dismissed or cleared.")
    detail: dict[str, Any] | None
    adviser: str | None = None
    status: str = Field(
        default="open", description="open, done, dismissed (with a reason) or cleared (its fact went away)."
    )
    resolution_reason: str | None = None


class QuotaIn(In):
    year: int = Field(ge=2000, le=2100)
    requested_persons: int | None = Field(default=None, ge=0, le=MAX_PERSONS)
    requested_on: BusinessDate | None = None


class QuotaAdoptIn(In):
    adopted_persons: int = Field(ge=0, le=MAX_PERSONS)
    unaccompanied_minors: int = Field(default=0, ge=0, le=MAX_PERSONS)
    adopted_on: BusinessDate

    @model_validator(mode="after")
    def check_minors(self) -> Self:
        if self.unaccompanied_minors > self.adopted_persons:
            raise ValueError("unaccompanied_minors cannot exceed adopted_persons")
        return self


class QuotaOut(BaseModel):
    quota_id: str
    year: int
    state: str
    requested_persons: int | None
    requested_on: date | None
    adopted_persons: int | None
    unaccompanied_minors: int
    adopted_on: date | None


class SettlementIn(In):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "quota_id": "quota-2015",
                    "adults": 2,
                    "children": 3,
                    "category": "family",
                    "origin": "reception_centre",
                    "announced_on": "2015-01-22",
                    "planned_settlement_date": "2015-04-15",
                }
            ]
        },
    )

    quota_id: Id | None = None
    adults: int = Field(ge=0, le=MAX_HOUSEHOLD)
    children: int = Field(ge=0, le=MAX_HOUSEHOLD)
    category: SettlementCategory
    origin: SettlementOrigin
    announced_on: BusinessDate
    residence_permit_on: BusinessDate | None = Field(
        default=None,
        description="The day the residence permit was granted: the national settlement deadline runs from it (3 "
        "months, 6 for an unaccompanied minor).",
    )
    planned_settlement_date: BusinessDate | None = None
    bedrooms_needed: int | None = Field(default=None, ge=0, le=MAX_BEDROOMS)
    accessible_needed: bool = False

    @model_validator(mode="after")
    def check_household(self) -> Self:
        if self.adults + self.children == 0:
            raise ValueError("a household has at least one person")
        return self


class HousingOrderIn(In):
    needed_by: BusinessDate | None = Field(default=None, description="Defaults to the planned settlement date.")
    bedrooms_needed: int | None = Field(default=None, ge=0, le=MAX_BEDROOMS)


class SettlementApplicationIn(In):
    application_id: Id


class ChecklistIn(In):
    item: str
    done_on: BusinessDate


class SettlementOut(BaseModel):
    settlement_id: str
    quota_id: str | None
    state: str
    adults: int
    children: int
    category: str
    origin: str
    announced_on: date
    residence_permit_on: date | None = None
    settlement_deadline: date | None = Field(
        default=None, description="3 months after the residence permit, 6 for an unaccompanied minor."
    )
    days_left: int | None = Field(
        default=None, description="Until the settlement deadline, while the household waits (negative: past it)."
    )
    deadline_met: bool | None = Field(default=None, description="Once settled: on or before the deadline.")
    planned_settlement_date: date | None
    bedrooms_needed: int | None
    accessible_needed: bool
    ordered_on: date | None
    need_id: str | None
    application_id: str | None
    dwelling_id: str | None
    tenancy_id: str | None
    settled_on: date | None
    area_code: str | None = Field(default=None, description="The area of the dwelling the household settled in.")
    establishment_ends_on: date | None
    checklist_done: dict[str, date] = {}
    checklist_missing: list[str] = []


class QuotaMonthOut(BaseModel):
    month: str
    settled_persons: int
    settled_cumulative: int
    expected_cumulative: int
    behind_by: int


class QuotaProgressOut(BaseModel):
    year: int
    adopted_persons: int
    settled_persons: int
    months: list[QuotaMonthOut]


class SettledAreaOut(BaseModel):
    year: int
    area_code: str = Field(description="The dwelling's area; `unknown` when NAV does not know it.")
    households: int
    persons: int


class SettlementByAreaOut(BaseModel):
    year: int | None
    areas: list[SettledAreaOut]


class MonthRowOut(BaseModel):
    month: str
    persons: int
    under_30: int
    singles: int
    children_with_singles: int
    new_enquiries: int
    nights: int
    cost: int


class MonthlyReportOut(BaseModel):
    as_of: date
    definitions: list[str] = Field(description="What each figure counts, as the report states it.")
    months: list[MonthRowOut]


ProviderOut.model_rebuild()
ProviderIn.model_rebuild()


# --- deposit guarantees ------------------------------------------------------------------------------------


class GuaranteeIn(In):
    application_id: Id = Field(description="Boligkontoret's application the household is about to sign a contract on.")
    person_ref: PersonRef = Field(description="The household's person_ref (as on Boligkontoret's events).")
    decision: GuaranteeDecision
    amount: int = Field(ge=0, le=4_000_000, description="NOK guaranteed: the deposit (4 months' rent); 0 if refused.")
    decided_on: BusinessDate | None = Field(default=None, description="Today if left out.")
    reason: str | None = Field(default=None, max_length=2000, description="Why; stays with NAV.")

    @model_validator(mode="after")
    def check_amount(self) -> Self:
        if self.decision is GuaranteeDecision.GRANTED and self.amount == 0:
            raise ValueError("a granted guarantee guarantees an amount")
        return self


class GuaranteeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    application_id: str
    person_ref: str
    decision: GuaranteeDecision
    amount: int
    decided_on: date
    reason: str | None


StayOut.model_rebuild()  # its case block is defined after it
