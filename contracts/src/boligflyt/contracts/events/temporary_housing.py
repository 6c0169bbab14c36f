"""Events of NAV (producer `temporary-housing`): temporary stays and refugee settlement.

Keys: a stay's events by `stay_id`, a settlement household's by `settlement_id`, a quota by `quota_id`.

Beyond the minimum set the catalogue started with (docs/domain.md, "Events"):
- `stay.provider_changed`: the price per night is on the stay, and people do move between providers (the
  campsite is closed May-July); without it "sum of nights x price" (KPI 1) goes wrong.
- `settlement.housing_ordered`: NAV's housing order for a household to settle (4-5 times a year); the need
  itself reaches ordering through its API (`POST /v1/needs`).
- `deposit_guarantee.decided`: NAV decides a guarantee for a household's deposit in its own service, and
  Boligkontoret may sign a contract with a NAV guarantee only once it was granted (a gate before the contract).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import Field, model_validator

from boligflyt.contracts.base import Event, PersonRef, event
from boligflyt.contracts.codes import (
    GuaranteeDecision,
    ProviderKind,
    SettlementCategory,
    SettlementOrigin,
    StayEndReason,
)
from boligflyt.contracts.events.maintenance import AreaCode
from boligflyt.contracts.fields import (
    AgreementId,
    ApplicationId,
    Count,
    DwellingId,
    Id,
    Nok,
    ProviderId,
    QuotaId,
    SettlementId,
    StayId,
    TenancyId,
    Year,
)

PRODUCER = "temporary-housing"


@event("stay.started", producer=PRODUCER, key="stay_id")
class StayStarted(Event):
    """A homeless person got a decision (vedtak) and a temporary place (sosialtjenesteloven § 27).

    Consumers: the dashboard (KPI 1 stays now, KPI 2 NAV's monthly situation report, stay->moved_in).
    The cause code stays with NAV: some causes (substance use, psychiatry) are health information, which
    never leaves the owning service attached to a person.
    """

    stay_id: StayId
    person_ref: PersonRef = Field(description="The person staying, pseudonymised.")
    start_date: date = Field(description="The first night of the stay.")
    under_30: bool = Field(description="The person was under 30 when the stay started.")
    single: bool = Field(description="The person is single (a household of one adult, no children).")
    adults: int = Field(ge=1, description="Adults in the household staying.")
    children: Count = Field(description="Children in the household staying.")
    new_enquiry: bool = Field(
        description="The person has had no earlier temporary stay (NAV's 'new enquiry'), as far as NAV knows."
    )
    provider_id: ProviderId
    provider_kind: ProviderKind = Field(description="The kind of place.")
    price_per_night: Nok = Field(description="What NAV pays the provider per night, in NOK.")
    limit_date: date | None = Field(
        default=None,
        description="The day the stay breaches NAV's limit for temporary housing (the national goal: at most 3 "
        "months), by NAV's rule in force when the stay started. Absent in events from before NAV stated it.",
    )

    @model_validator(mode="after")
    def check_single_is_one_adult(self) -> Self:
        if self.single and (self.adults != 1 or self.children != 0):
            raise ValueError("a single person's household is one adult and no children")
        if self.limit_date is not None and self.limit_date <= self.start_date:
            raise ValueError("limit_date must be after start_date")
        return self


@event("stay.provider_changed", producer=PRODUCER, key="stay_id")
class StayProviderChanged(Event):
    """The person moved to another provider during the stay; the price per night changes from that night.

    Consumers: the dashboard (KPI 1 cost of active stays).
    """

    stay_id: StayId
    changed_on: date = Field(description="The first night at the new provider.")
    provider_id: ProviderId
    provider_kind: ProviderKind = Field(description="The kind of place.")
    price_per_night: Nok = Field(description="What NAV pays the new provider per night, in NOK.")


@event("agreement.renegotiation_due", producer=PRODUCER, key="agreement_id")
class AgreementRenegotiationDue(Event):
    """A provider's quality agreement must be renegotiated, at the latest 3 months before it expires
    (the municipality's template quality agreement); NAV's reminder says so once per agreement, 30 days before
    that deadline.

    Consumers: the dashboard (what needs attention), integrators keeping a provider register.
    """

    agreement_id: AgreementId
    provider_id: ProviderId
    valid_to: date = Field(description="The last day the agreement is valid (at most 2 years after it starts).")
    renegotiate_by: date = Field(description="The renegotiation deadline: 3 months before valid_to.")
    reminded_on: date = Field(description="The day NAV's reminder fired.")

    @model_validator(mode="after")
    def check_deadline_before_expiry(self) -> Self:
        if self.renegotiate_by > self.valid_to:
            raise ValueError("the renegotiation deadline comes before the agreement expires")
        return self


@event("stay.application_linked", producer=PRODUCER, key="stay_id")
class StayApplicationLinked(Event):
    """NAV recorded the person's application to Boligkontoret on the stay (in 2012: 1 day to 2 months).

    Consumers: the dashboard (stay started -> application submitted); applications (the time already spent in
    temporary housing weighs in the household's priority).
    """

    stay_id: StayId
    application_id: ApplicationId
    linked_on: date = Field(description="The day NAV linked the application to the stay.")
    application_submitted_on: date = Field(description="The day the application was submitted.")
    stay_start_date: date | None = Field(default=None, description="The first night of the stay.")


class _StayLimit(Event):
    """The 3-month goal of a stay (nobody more than 3 months in temporary housing); not an event of its own."""

    stay_id: StayId
    start_date: date = Field(description="The first night of the stay.")
    days_in_stay: Count = Field(description="Days since start_date when this was raised.")
    limit_date: date = Field(description="Day 90 of the stay: the breach date.")
    dwelling_allocated: bool = Field(
        description="A dwelling is allocated and the person is waiting to move in (often: renovation)."
    )

    @model_validator(mode="after")
    def check_limit_after_start(self) -> Self:
        if self.limit_date <= self.start_date:
            raise ValueError("limit_date must be after start_date")
        return self


@event("stay.limit_approaching", producer=PRODUCER, key="stay_id")
class StayLimitApproaching(_StayLimit):
    """A stay is nearing the 3-month limit (default: day 75) and the person has not moved in.

    Consumers: the dashboard (stuck cases); integrations (alerts to NAV and Boligkontoret); applications (the
    household rises on the waiting list).
    """


@event("stay.limit_exceeded", producer=PRODUCER, key="stay_id")
class StayLimitExceeded(_StayLimit):
    """A stay passed day 90: the national goal of no more than 3 months in temporary housing is breached.

    Consumers: the dashboard (KPI 1 stays over 90 days); integrations (alerts).
    """


@event("stay.ended", producer=PRODUCER, key="stay_id")
class StayEnded(Event):
    """A temporary stay ended; on a move-in it ends automatically with reason permanent_housing.

    Consumers: the dashboard (KPI 1, KPI 2, stay->moved_in, cost).
    """

    stay_id: StayId
    person_ref: PersonRef = Field(description="The person who stayed, pseudonymised.")
    start_date: date = Field(description="The first night of the stay.")
    end_date: date = Field(description="The day the person left (the last night is the night before).")
    reason: StayEndReason = Field(description="Where the person went.")
    nights: Count = Field(description="Nights actually used and paid for.")
    cost: Nok = Field(description="What NAV paid for the stay, in NOK.")
    application_id: ApplicationId | None = Field(default=None, description="The person's application, if any.")
    tenancy_id: TenancyId | None = Field(
        default=None, description="The tenancy moved into, when the reason is permanent_housing."
    )

    @model_validator(mode="after")
    def check_dates_and_nights(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError("end_date cannot be before start_date")
        if self.nights > (self.end_date - self.start_date).days:
            raise ValueError("nights cannot exceed the days between start_date and end_date")
        if self.reason is StayEndReason.PERMANENT_HOUSING and self.tenancy_id is None:
            raise ValueError("a stay ended by permanent housing names the tenancy")
        return self


@event("settlement.quota_adopted", producer=PRODUCER, key="quota_id")
class SettlementQuotaAdopted(Event):
    """The council adopted how many refugees Larvik settles in a year, after IMDi's request.

    A year can have more than one quota (e.g. up to 40 Syrians on top of 90). Consumers: the dashboard (KPI 8
    settled vs adopted quota).
    """

    quota_id: QuotaId
    year: Year = Field(description="The year the quota is for.")
    adopted_on: date = Field(description="The day the council adopted the quota.")
    requested_persons: Count | None = Field(default=None, description="The number IMDi asked for, if known.")
    adopted_persons: Count = Field(description="Persons to settle under this quota.")
    unaccompanied_minors: Count = Field(default=0, description="Of these, unaccompanied minors.")

    @model_validator(mode="after")
    def check_minors_within_quota(self) -> Self:
        if self.unaccompanied_minors > self.adopted_persons:
            raise ValueError("unaccompanied_minors cannot exceed adopted_persons")
        return self


class _SettlementHousehold(Event):
    """The household a settlement is about; not an event of its own."""

    settlement_id: SettlementId
    quota_id: QuotaId | None = Field(
        default=None, description="The quota the household counts against; null outside any quota."
    )
    adults: Count = Field(description="Adults in the household (0 for unaccompanied minors).")
    children: Count = Field(description="Children (under 18) in the household.")

    @model_validator(mode="after")
    def check_someone_to_settle(self) -> Self:
        if self.adults + self.children == 0:
            raise ValueError("a household has at least one person")
        return self


@event("settlement.announced", producer=PRODUCER, key="settlement_id")
class SettlementAnnounced(_SettlementHousehold):
    """IMDi's settlement decision for a household arrived; NAV Intro told Boligkontoret its composition.

    Consumers: the dashboard (KPI 8, settlements in progress).
    """

    announced_on: date = Field(description="The day NAV Intro received the settlement decision.")
    planned_settlement_date: date | None = Field(default=None, description="The planned arrival, if known.")
    category: SettlementCategory = Field(description="The household's composition.")
    origin: SettlementOrigin = Field(description="Where the household comes from.")


@event("settlement.housing_ordered", producer=PRODUCER, key="settlement_id")
class SettlementHousingOrdered(_SettlementHousehold):
    """NAV ordered a dwelling for a household to settle; a dwelling must exist before the go-ahead.

    Consumers: the dashboard. The need itself reaches ordering through its API (`POST /v1/needs`, reported by
    nav_intro), not through this event.
    """

    ordered_on: date = Field(description="The day the housing order was sent.")
    needed_by: date = Field(description="The day the dwelling is needed (the planned settlement).")
    category: SettlementCategory = Field(description="The household's composition.")
    bedrooms_needed: Count = Field(description="Bedrooms the household needs.")
    accessible_needed: bool = Field(description="Someone in the household needs an accessible dwelling.")

    @model_validator(mode="after")
    def check_needed_after_order(self) -> Self:
        if self.needed_by < self.ordered_on:
            raise ValueError("needed_by cannot be before ordered_on")
        return self


@event("settlement.completed", producer=PRODUCER, key="settlement_id")
class SettlementCompleted(_SettlementHousehold):
    """The household moved into its dwelling: settled. The establishment phase (3 months) starts.

    Consumers: the dashboard (KPI 8 settled per year and per month against an even spread, and per area).
    """

    settled_on: date = Field(description="The settlement date (bosettingsdato): the move-in.")
    application_id: ApplicationId
    tenancy_id: TenancyId
    dwelling_id: DwellingId
    establishment_ends_on: date = Field(description="The end of the 3-month establishment phase.")
    area_code: AreaCode | None = Field(
        default=None,
        description="The municipality's neighbourhood code of the dwelling (settlement is spread across the areas); "
        "never an address. Absent when NAV does not know the dwelling's area.",
    )

    @model_validator(mode="after")
    def check_establishment_after_settlement(self) -> Self:
        if self.establishment_ends_on <= self.settled_on:
            raise ValueError("establishment_ends_on must be after settled_on")
        return self


@event("deposit_guarantee.decided", producer=PRODUCER, key="application_id")
class DepositGuaranteeDecided(Event):
    """NAV decided on a municipal guarantee for the deposit (garanti for depositum) of a household about to sign a
    tenancy contract; granted, it stands in for the 4 months' deposit (allocation criteria § 9).

    Consumers: applications (a contract with a NAV guarantee is signed only once the guarantee is granted); the
    dashboard. The reasons of a refusal stay with NAV.
    """

    guarantee_id: Annotated[Id, Field(description="NAV's id of the guarantee decision.")]
    application_id: ApplicationId
    person_ref: PersonRef = Field(description="The household's applicant, pseudonymised.")
    decision: GuaranteeDecision = Field(description="Granted or refused.")
    amount: Nok = Field(description="The amount guaranteed in NOK (the deposit); 0 when refused.")
    decided_on: date = Field(description="The day NAV decided.")
