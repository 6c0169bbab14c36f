"""The LKE API's request and response models."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

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
from boligflyt.contracts.fields import OrderId
from boligflyt.platform.plausible import BusinessDate
from boligflyt.platform.spreadsheet import starts_like_a_formula

ExternalRef = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$", strip_whitespace=True),
]
Zone = Annotated[str, StringConstraints(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_-]+$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]


# Ceilings far above any real case and inside the 32-bit columns the amounts are kept in (an unbounded amount was
# a 500 from the database instead of a 422).
MAX_RENOVATION_NOK = 100_000_000  # one dwelling's renovation
MAX_DELIVERY_NOK = 10_000_000_000  # the dwellings of one acquisition (kept only in events, 64-bit downstream)
MAX_METER_READING_KWH = 100_000_000  # an eight-digit register
MAX_DWELLINGS_PLANNED = 1_000  # an order is for at most 500 dwellings


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AcquiredVia(StrEnum):
    """How LKE came to have the dwelling: an acquisition method, or stock it always had or took over."""

    EXISTING_STOCK = "existing_stock"
    BUILD = "build"
    BUY_EXISTING = "buy_existing"
    BUY_NEW_PROJECT = "buy_new_project"
    BUY_IN_COOP = "buy_in_coop"
    CONVERT = "convert"
    LEASE_IN = "lease_in"


class InitialStatus(StrEnum):
    """The status a dwelling enters the register with (existing stock is mostly let)."""

    LET = "let"
    VACANT = "vacant"
    READY = "ready"


class DwellingFields(Strict):
    """A dwelling's register attributes, as LKE and the property system (Facilit) know them."""

    address: Text = Field(description="Street address of the dwelling (never sent in events).", examples=["Storgata 1"])
    zone: Zone | None = Field(default=None, description="Neighbourhood/area code for spread.", examples=["sentrum"])
    category: DwellingCategory = Field(description="Target group or kind.", examples=["ordinary"])
    owner: DwellingOwner = Field(description="Who owns it.", examples=["lke"])
    coop_board_approval: bool = Field(
        default=False, description="In a housing co-op: the board must approve the tenant (required for co-ops)."
    )
    rooms: int = Field(ge=1, le=30, description="Number of rooms.", examples=[3])
    bedrooms: int = Field(ge=0, le=20, description="Number of bedrooms.", examples=[2])
    floor_area_m2: int | None = Field(default=None, ge=1, le=2000, description="Usable floor area.", examples=[62])
    monthly_rent: int = Field(ge=0, le=1_000_000, description="Rent per month in NOK.", examples=[7800])
    accessible: bool = Field(default=False, description="Universally designed.")
    staffed: bool = Field(default=False, description="Has staff or a staff base.")
    near_services: bool = Field(default=False, description="Close to shops, transport and services.")
    acquired_via: AcquiredVia = Field(default=AcquiredVia.EXISTING_STOCK, description="How LKE came to have it.")
    order_ref: str | None = Field(default=None, max_length=64, description="The order it was delivered against.")
    head_lease_end: BusinessDate | None = Field(default=None, description="When a private head lease ends.")


class DwellingCreate(DwellingFields):
    external_ref: ExternalRef = Field(description="The property system's id of the dwelling.", examples=["F-10023"])
    status: InitialStatus = Field(default=InitialStatus.LET, description="Its status on entering the register.")


class DwellingSyncRow(DwellingCreate):
    """A row of a bulk upsert from the property system, which may not know LKE's categories."""

    category: DwellingCategory = Field(
        default=DwellingCategory.ORDINARY,
        description="Target group or kind. Left out: a new dwelling is ordinary, a known one keeps its category.",
        examples=["ordinary"],
    )

    @field_validator("address", "order_ref")
    @classmethod
    def _not_a_formula(cls, value: str | None) -> str | None:
        # Exports pass through spreadsheets: `=HYPERLINK(...)` there is no address anyone means to store, and
        # would run on the machine of whoever opens the register's next export.
        if value is not None and starts_like_a_formula(value):
            raise ValueError("must not start like a spreadsheet formula (=, +, @, or - before a non-digit)")
        return value


class DwellingUpdate(Strict):
    """Attributes to change; those left out stay as they are. Status changes go through their own commands."""

    address: Text | None = None
    zone: Zone | None = None
    category: DwellingCategory | None = None
    owner: DwellingOwner | None = None
    coop_board_approval: bool | None = None
    rooms: int | None = Field(default=None, ge=1, le=30)
    bedrooms: int | None = Field(default=None, ge=0, le=20)
    floor_area_m2: int | None = Field(default=None, ge=1, le=2000)
    monthly_rent: int | None = Field(default=None, ge=0, le=1_000_000)
    accessible: bool | None = None
    staffed: bool | None = None
    near_services: bool | None = None
    head_lease_end: BusinessDate | None = None


class DwellingOut(BaseModel):
    id: str = Field(description="LKE's dwelling id, used in every event.")
    external_ref: str
    address: str
    zone: str | None
    category: DwellingCategory
    owner: DwellingOwner
    coop_board_approval: bool
    rooms: int
    bedrooms: int
    floor_area_m2: int | None
    monthly_rent: int
    accessible: bool
    staffed: bool
    near_services: bool
    acquired_via: str | None
    order_ref: str | None
    project_id: str | None
    head_lease_end: date | None
    status: DwellingStatus
    status_since: date
    new_dwelling: bool
    allocated_application_id: str | None
    photographs: list[str] | None
    meter_number: str | None
    meter_reading_kwh: int | None
    registered_on: date


class Withdrawal(Strict):
    reason: WithdrawalReason = Field(description="Why it is taken out of letting.", examples=["below_standard"])
    permanent: bool = Field(description="It leaves the stock for good.")


class StatusChangeOut(BaseModel):
    status: DwellingStatus
    entered_on: date
    cause: str


class VoidPeriodOut(BaseModel):
    tenancy_ended_on: date
    let_on: date | None = Field(description="Null while the dwelling is still not let (counted to as_of).")
    waiting_for_renovation: int
    renovating: int
    ready_not_let: int
    total: int


class VoidDaysOut(BaseModel):
    dwelling_id: str
    as_of: date
    periods: list[VoidPeriodOut]


# --- Checklist and inspections --------------------------------------------------------------------------


class ChecklistItemIn(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")] = Field(examples=["fire_safety"])
    title: Text = Field(examples=["Fire safety and smoke detectors"])


class ChecklistIn(Strict):
    items: list[ChecklistItemIn] = Field(min_length=1, description="The adopted minimum standard, in order.")


class ChecklistOut(BaseModel):
    items: list[ChecklistItemIn]


class InspectionBook(Strict):
    planned_on: BusinessDate = Field(description="The day it is to take place.")
    trigger: InspectionTrigger = Field(default=InspectionTrigger.MOVE_IN)


class ChecklistAnswer(Strict):
    item: str = Field(description="A checklist item code.", examples=["fire_safety"])
    passed: bool
    note: str | None = Field(default=None, max_length=2000, description="Required when the item failed.")


Photograph = Annotated[str, StringConstraints(min_length=1, max_length=500)]


class Readiness(Strict):
    """What is recorded when a dwelling is made ready for move-in: photographs and the meter reading."""

    photographs: list[Photograph] = Field(min_length=1, description="References to the photographs taken.")
    meter_number: str | None = Field(default=None, max_length=64)
    meter_reading_kwh: int = Field(ge=0, le=MAX_METER_READING_KWH, description="The electricity meter reading.")


class InspectionResult(Strict):
    inspected_on: BusinessDate | None = Field(default=None, description="Defaults to today.")
    inspector: str | None = Field(default=None, max_length=200)
    results: list[ChecklistAnswer] = Field(description="One answer per checklist item.")
    readiness: Readiness | None = Field(
        default=None, description="Required when the dwelling passes and is empty: it then becomes ready."
    )
    renovation_scope: Text | None = Field(default=None, description="What the renovation job is to do, if it fails.")
    renovation_due_date: BusinessDate | None = Field(default=None, description="An agreed due date (default: 1 month).")
    estimated_cost: int | None = Field(default=None, ge=0, le=MAX_RENOVATION_NOK, description="NOK.")


class InspectionOut(BaseModel):
    id: str
    dwelling_id: str
    trigger: InspectionTrigger
    tenancy_id: str | None
    booked_on: date
    planned_on: date
    status: str
    inspected_on: date | None
    meets_minimum_standard: bool | None
    results: list[ChecklistAnswer] | None
    inspector: str | None
    renovation_job_id: str | None


# --- Renovation jobs ------------------------------------------------------------------------------------


class Payer(StrEnum):
    BOLIGKONTORET = "boligkontoret"
    TENANT = "tenant"
    LKE = "lke"


class RenovationOrder(Strict):
    kind: RenovationKind = Field(default=RenovationKind.BETWEEN_TENANCIES)
    scope: Text = Field(examples=["Paint walls, replace kitchen worktop"])
    due_date: BusinessDate | None = Field(
        default=None, description="An agreed due date; default 1 month after ordering."
    )
    estimated_cost: int | None = Field(default=None, ge=0, le=MAX_RENOVATION_NOK, description="NOK.")


class RenovationChange(Strict):
    due_date: BusinessDate | None = Field(default=None, description="A new due date agreed for extraordinary work.")
    scope: Text | None = None
    estimated_cost: int | None = Field(default=None, ge=0, le=MAX_RENOVATION_NOK, description="NOK.")
    reason: Text = Field(description="Why (kept in the audit log).", examples=["Rot found under the bathroom floor"])


class RenovationStart(Strict):
    started_on: BusinessDate | None = Field(default=None, description="Defaults to today.")


class RenovationCompletion(Strict):
    completed_on: BusinessDate | None = Field(default=None, description="Defaults to today.")
    cost_hard_use: int = Field(ge=0, le=MAX_RENOVATION_NOK, description="Renovation after hard use (oppussing), NOK.")
    cost_age_wear: int = Field(
        ge=0, le=MAX_RENOVATION_NOK, description="Wear from age (slitasje grunnet elde), NOK: LKE pays."
    )
    hard_use_paid_by: Payer = Field(default=Payer.BOLIGKONTORET)
    joint_inspection_passed: bool = Field(description="The joint inspection found the minimum standard met.")
    joint_inspection_note: str | None = Field(default=None, max_length=2000)
    readiness: Readiness


class RenovationJobOut(BaseModel):
    id: str
    dwelling_id: str
    inspection_id: str | None
    kind: RenovationKind
    status: str
    scope: str
    ordered_on: date
    due_date: date
    due_date_agreed: bool
    urgent: bool
    estimated_cost: int | None
    started_on: date | None
    completed_on: date | None
    actual_cost: int | None
    cost_hard_use: int | None
    cost_age_wear: int | None
    hard_use_paid_by: str | None
    joint_inspection_on: date | None
    daily_rent: int
    days_late: int = Field(description="So far, for an open job.")
    lost_rent_owed: int = Field(description="daily_rent x days_late, owed by LKE.")


# --- Bulk sync ------------------------------------------------------------------------------------------


class DwellingBatch(Strict):
    dwellings: list[dict[str, object]] = Field(
        min_length=1,
        max_length=5000,
        description="Dwellings keyed by external_ref (fields as in POST /v1/dwellings); bad rows are rejected "
        "one by one, the good ones written in one transaction.",
    )


class RejectedRow(BaseModel):
    row: int = Field(description="1-based position in the batch (or line in the file).")
    external_ref: str | None
    reason: str


class SyncReport(BaseModel):
    created: list[str] = Field(description="external_refs of dwellings created.")
    changed: list[str]
    unchanged: list[str]
    rejected: list[RejectedRow]


# --- Acquisitions ---------------------------------------------------------------------------------------


class AcquisitionOpen(Strict):
    method: AcquisitionMethod
    dwellings_planned: int = Field(ge=1, le=MAX_DWELLINGS_PLANNED)
    # The event's contract (AcquisitionStageChanged) refuses any other shape of id: refused here, as a 422.
    order_id: OrderId | None = None
    expected_delivery_on: BusinessDate | None = None


class StageMove(Strict):
    stage: AcquisitionStage
    expected_delivery_on: BusinessDate | None = None


class DeliveredDwelling(DwellingFields):
    external_ref: ExternalRef


class Delivery(Strict):
    delivered_on: BusinessDate | None = Field(default=None, description="Defaults to today.")
    cost: int = Field(ge=0, le=MAX_DELIVERY_NOK, description="What the delivered dwellings cost, NOK.")
    dwellings: list[DeliveredDwelling] = Field(min_length=1, max_length=MAX_DWELLINGS_PLANNED)


class AcquisitionOut(BaseModel):
    id: str
    order_id: str | None
    method: AcquisitionMethod
    stage: AcquisitionStage
    stage_since: date
    dwellings_planned: int
    dwellings_delivered: int
    budget_amount: int | None
    target_group: str | None = Field(description="Who the ordered dwellings are for.")
    dwelling_category: str | None = Field(description="The kind of dwelling ordered, if specified.")
    bedrooms: int | None
    accessible: bool
    staffed: bool
    expected_delivery_on: date | None
    opened_on: date
    stages: list[dict[str, str]]
