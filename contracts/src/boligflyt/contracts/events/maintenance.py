"""Events of LKE (producer `maintenance`): the dwelling register, inspections, renovations, acquisitions.

Keys: everything that happens to one dwelling (register, inspections, renovation jobs, readiness,
reservation, letting) is keyed by `dwelling_id`, so a dwelling's turnover stays in order on one partition;
an acquisition project's events by `project_id`.

Beyond the minimum set the catalogue started with (docs/domain.md, "Events"):
- `inspection.booked`: the stuck-case rule "notice given with no inspection booked within 7 days" needs
  the booking itself, not only the finished inspection.
- `dwelling.reserved` and `dwelling.let`: LKE owns the dwelling's state (`ready -> reserved -> let`);
  applications keeps its list of offerable dwellings from LKE's events and must see a dwelling
  leave that list. A reservation that falls through is undone by a new `dwelling.ready_for_letting`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from boligflyt.contracts.base import Event, event
from boligflyt.contracts.codes import (
    AcquisitionMethod,
    AcquisitionStage,
    DwellingCategory,
    DwellingOwner,
    DwellingStatus,
    InspectionTrigger,
    RenovationKind,
    WithdrawalReason,
)
from boligflyt.contracts.fields import (
    ApplicationId,
    Count,
    DwellingId,
    InspectionId,
    JobId,
    Nok,
    OrderId,
    ProjectId,
    TenancyId,
    UniqueTuple,
)

PRODUCER = "maintenance"

AreaCode = Annotated[str, StringConstraints(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]


class _DwellingFacts(Event):
    """What applications needs to match a dwelling to a household; not an event of its own."""

    dwelling_id: DwellingId
    owner: DwellingOwner = Field(description="Who owns the dwelling.")
    category: DwellingCategory = Field(description="The target group or kind the dwelling is earmarked for.")
    bedrooms: Count = Field(description="Number of bedrooms.")
    floor_area_m2: int | None = Field(default=None, ge=1, description="Usable floor area in square metres.")
    accessible: bool = Field(description="Accessible (universally designed).")
    staffed: bool = Field(description="Has staff (bemannet) or a staff base.")
    monthly_rent: Nok = Field(description="Current rent per month in NOK.")
    area_code: AreaCode | None = Field(
        default=None,
        description="The municipality's neighbourhood code (for spread settlement); never an address.",
    )
    coop_board_approval: bool = Field(
        default=False,
        description="A co-op dwelling (borettslag) whose board must approve each new tenant before the contract.",
    )


@event("dwelling.registered", producer=PRODUCER, key="dwelling_id")
class DwellingRegistered(_DwellingFacts):
    """A dwelling entered LKE's register: delivered by an acquisition, leased in, or taken over.

    Consumers: applications (its list of dwellings); ordering (order delivery); the dashboard (stock).
    """

    registered_on: date = Field(description="The day the dwelling entered the register.")
    status: DwellingStatus = Field(description="Its status when registered (e.g. let for existing stock).")
    new_dwelling: bool = Field(description="Never let before: its first let is excluded from re-let time.")
    project_id: ProjectId | None = Field(default=None, description="The acquisition project that delivered it.")
    order_id: OrderId | None = Field(default=None, description="The order it was delivered against.")


@event("dwelling.changed", producer=PRODUCER, key="dwelling_id")
class DwellingChanged(_DwellingFacts):
    """A dwelling's letting attributes changed (rent, category, adaptation...); carries all of them again.

    Consumers: applications (matching), the dashboard.
    """

    changed_on: date = Field(description="The day the change took effect.")


@event("dwelling.withdrawn", producer=PRODUCER, key="dwelling_id")
class DwellingWithdrawn(Event):
    """A dwelling was taken out of letting: sold, lease ended, below standard, fire.

    Consumers: applications removes it from the offerable list; the dashboard (stock, KPI 5 excludes it).
    """

    dwelling_id: DwellingId
    withdrawn_on: date = Field(description="The day it was taken out of letting.")
    reason: WithdrawalReason = Field(description="Why.")
    permanent: bool = Field(
        description="It leaves the stock for good; otherwise it returns with dwelling.ready_for_letting."
    )


@event("inspection.booked", producer=PRODUCER, key="dwelling_id")
class InspectionBooked(Event):
    """An inspection (befaring) of a dwelling was booked, e.g. on a notice to quit.

    Consumers: the dashboard (stuck rule "notice given with no inspection booked within 7 days").
    """

    dwelling_id: DwellingId
    inspection_id: InspectionId
    booked_on: date = Field(description="The day it was booked.")
    planned_on: date = Field(description="The day it is to take place.")
    trigger: InspectionTrigger = Field(description="What the inspection is for.")
    tenancy_id: TenancyId | None = Field(default=None, description="The tenancy that triggered it, if any.")

    @model_validator(mode="after")
    def check_dates(self) -> Self:
        if self.planned_on < self.booked_on:
            raise ValueError("planned_on cannot be before booked_on")
        return self


@event("inspection.completed", producer=PRODUCER, key="dwelling_id")
class InspectionCompleted(Event):
    """A dwelling was inspected and a condition report made against the adopted minimum standard.

    Consumers: the dashboard (KPI 5 void split, KPI 9). A dwelling below standard is not offered because LKE
    does not mark it ready for letting.
    """

    dwelling_id: DwellingId
    inspection_id: InspectionId
    inspected_on: date = Field(description="The day of the inspection.")
    trigger: InspectionTrigger = Field(description="What the inspection was for.")
    meets_minimum_standard: bool = Field(description="The dwelling meets the adopted minimum standard.")
    renovation_needed: bool = Field(description="A renovation job is needed before the next move-in.")
    renovation_due_date: date | None = Field(
        default=None,
        description="When renovation is needed: the job's agreed completion date (expected ready).",
    )

    @model_validator(mode="after")
    def check_standard(self) -> Self:
        if not self.meets_minimum_standard and not self.renovation_needed:
            raise ValueError("a dwelling below the minimum standard needs renovation")
        return self


@event("renovation.started", producer=PRODUCER, key="dwelling_id")
class RenovationStarted(Event):
    """A renovation job was ordered and started; due within 1 month of ordering unless agreed otherwise.

    Consumers: the dashboard (KPI 5 waiting vs renovating, KPI 6 open and overdue jobs, KPI 9).
    """

    dwelling_id: DwellingId
    job_id: JobId
    kind: RenovationKind = Field(description="Why the job was opened.")
    ordered_on: date = Field(description="The day the job was ordered.")
    started_on: date = Field(description="The day work started.")
    due_date: date = Field(description="The agreed completion date (default: 1 month after ordering).")
    daily_rent: Nok = Field(description="The dwelling's rent per day in NOK: what LKE owes per day late.")

    @model_validator(mode="after")
    def check_dates(self) -> Self:
        if self.started_on < self.ordered_on or self.due_date < self.ordered_on:
            raise ValueError("started_on and due_date cannot be before ordered_on")
        return self


@event("renovation.rescheduled", producer=PRODUCER, key="dwelling_id")
class RenovationRescheduled(Event):
    """A renovation job's completion date moved: extraordinary work agreed, or the key came back later than the
    job was ordered. The dwelling will be ready later (or sooner) than said.

    Consumers: applications moves the allocated household's move-in and tells it; the dashboard.
    """

    dwelling_id: DwellingId
    job_id: JobId
    rescheduled_on: date = Field(description="The day the new date was agreed.")
    previous_due_date: date = Field(description="The completion date before.")
    due_date: date = Field(description="The new agreed completion date.")


@event("renovation.completed", producer=PRODUCER, key="dwelling_id")
class RenovationCompleted(Event):
    """A renovation job was finished; if late, LKE owes the lost rent (its renovation agreement with Boligkontoret).

    Cost is split between renovation after hard use (Boligkontoret pays) and age wear (LKE pays),
    the old dispute the split settles. Consumers: the dashboard (KPI 6).
    """

    dwelling_id: DwellingId
    job_id: JobId
    started_on: date = Field(description="The day work started.")
    completed_on: date = Field(description="The day the job was finished and approved.")
    due_date: date = Field(description="The agreed completion date.")
    days_late: Count = Field(description="Days completed_on is past due_date (0 if on time).")
    daily_rent: Nok = Field(description="The dwelling's rent per day in NOK.")
    lost_rent_owed: Nok = Field(description="daily_rent x days_late, in NOK: owed by LKE.")
    cost_hard_use: Nok = Field(description="Cost of renovation after hard use (oppussing) in NOK.")
    cost_age_wear: Nok = Field(description="Cost of wear from age (slitasje grunnet elde) in NOK.")
    meets_minimum_standard: bool = Field(description="The dwelling now meets the adopted minimum standard.")

    @model_validator(mode="after")
    def check_dates_and_lost_rent(self) -> Self:
        if self.completed_on < self.started_on:
            raise ValueError("completed_on cannot be before started_on")
        if self.days_late != max(0, (self.completed_on - self.due_date).days):
            raise ValueError("days_late must be the days from due_date to completed_on (0 if on time)")
        if self.lost_rent_owed != self.daily_rent * self.days_late:
            raise ValueError("lost_rent_owed must be daily_rent x days_late")
        return self


@event("dwelling.ready_for_letting", producer=PRODUCER, key="dwelling_id")
class DwellingReadyForLetting(Event):
    """A dwelling meets the minimum standard and can be offered (again).

    Consumers: applications adds it to the offerable list; the dashboard (notice->ready, KPI 5 "ready but
    not let", stuck rule "ready over 14 days not let").
    """

    dwelling_id: DwellingId
    ready_on: date = Field(description="The day it became ready.")
    first_let: bool = Field(description="The next let will be the dwelling's first (new or newly acquired).")


@event("dwelling.reserved", producer=PRODUCER, key="dwelling_id")
class DwellingReserved(Event):
    """A ready dwelling was reserved for an allocated applicant (on `allocation.decided`).

    Consumers: applications takes it off the offerable list; the dashboard.
    """

    dwelling_id: DwellingId
    reserved_on: date = Field(description="The day it was reserved.")
    application_id: ApplicationId


@event("dwelling.let", producer=PRODUCER, key="dwelling_id")
class DwellingLet(Event):
    """A dwelling was let: the tenant moved in (on `tenancy.moved_in`).

    Consumers: applications; the dashboard (stock by status).
    """

    dwelling_id: DwellingId
    let_on: date = Field(description="The move-in date.")
    tenancy_id: TenancyId


@event("acquisition.stage_changed", producer=PRODUCER, key="project_id")
class AcquisitionStageChanged(Event):
    """An acquisition project (build, buy, lease in) moved to another stage; opened on an order.

    Consumers: ordering (order progress); the dashboard (projects by stage).
    """

    project_id: ProjectId
    order_id: OrderId | None = Field(default=None, description="The order the project delivers against.")
    method: AcquisitionMethod = Field(description="How the dwellings are provided.")
    stage: AcquisitionStage = Field(description="The stage reached.")
    previous_stage: AcquisitionStage | None = Field(description="The stage before; null when opened.")
    changed_on: date = Field(description="The day the stage was reached.")
    dwellings_planned: int = Field(ge=1, description="Dwellings the project is to deliver.")
    expected_delivery_on: date | None = Field(default=None, description="Expected take-over, if known.")

    @model_validator(mode="after")
    def check_stage_moves(self) -> Self:
        if self.stage == self.previous_stage:
            raise ValueError("stage must differ from previous_stage")
        return self


@event("acquisition.delivered", producer=PRODUCER, key="project_id")
class AcquisitionDelivered(Event):
    """An acquisition project delivered dwellings, taken over and entered in the register.

    Consumers: ordering marks the order (partly) fulfilled; the dashboard (KPI 7).
    """

    project_id: ProjectId
    order_id: OrderId | None = Field(default=None, description="The order the dwellings were delivered against.")
    method: AcquisitionMethod = Field(description="How the dwellings were provided.")
    delivered_on: date = Field(description="The day of the take-over.")
    dwelling_ids: UniqueTuple[DwellingId] = Field(min_length=1, description="The dwellings delivered.")
    cost: Nok = Field(description="What the delivered dwellings cost, in NOK.")
