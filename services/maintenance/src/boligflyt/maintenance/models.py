"""The LKE maintenance service's tables."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.platform.concurrency import Versioned
from boligflyt.platform.tables import NAMING_CONVENTION

# SQLite only autoincrements an INTEGER PRIMARY KEY.
SeqId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


class Dwelling(Versioned, Base):
    """A dwelling object (boligobjekt) in LKE's register, and where it is in its turnover."""

    __tablename__ = "dwelling"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    external_ref: Mapped[str] = mapped_column(String(64), unique=True)
    address: Mapped[str] = mapped_column(String(200))
    zone: Mapped[str | None] = mapped_column(String(16), index=True)
    category: Mapped[str] = mapped_column(String(40), index=True)
    owner: Mapped[str] = mapped_column(String(40), index=True)
    coop_board_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    rooms: Mapped[int] = mapped_column(Integer)
    bedrooms: Mapped[int] = mapped_column(Integer)
    floor_area_m2: Mapped[int | None] = mapped_column(Integer)
    monthly_rent: Mapped[int] = mapped_column(Integer)
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    staffed: Mapped[bool] = mapped_column(Boolean, default=False)
    near_services: Mapped[bool] = mapped_column(Boolean, default=False)
    acquired_via: Mapped[str | None] = mapped_column(String(40))
    order_ref: Mapped[str | None] = mapped_column(String(64))
    project_id: Mapped[str | None] = mapped_column(String(64))
    head_lease_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)
    status_since: Mapped[date] = mapped_column(Date)
    new_dwelling: Mapped[bool] = mapped_column(Boolean, default=False)
    ever_let: Mapped[bool] = mapped_column(Boolean, default=False)
    current_tenancy_id: Mapped[str | None] = mapped_column(String(64))
    # An allocation that came before the dwelling was ready: it is reserved the moment it becomes ready.
    allocated_application_id: Mapped[str | None] = mapped_column(String(64))
    allocated_no_fixed_address: Mapped[bool] = mapped_column(Boolean, default=False)
    # What Boligkontoret's events say it has promised on the dwelling: it is not sold or withdrawn under them.
    open_offer_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    signed_tenancy_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    withdrawal_reason: Mapped[str | None] = mapped_column(String(40))
    withdrawn_permanently: Mapped[bool] = mapped_column(Boolean, default=False)
    photographs: Mapped[list[str] | None] = mapped_column(JSON)
    meter_number: Mapped[str | None] = mapped_column(String(64))
    meter_reading_kwh: Mapped[int | None] = mapped_column(Integer)
    registered_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StatusChange(Base):
    """Every status a dwelling entered and on which day: the void-day split is computed from these."""

    __tablename__ = "dwelling_status_change"

    id: Mapped[int] = mapped_column(SeqId, primary_key=True, autoincrement=True)
    dwelling_id: Mapped[str] = mapped_column(ForeignKey("dwelling.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    entered_on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    cause: Mapped[str] = mapped_column(String(60))


class ChecklistItem(Base):
    """One item of the adopted minimum standard an inspection checks (configurable by LKE)."""

    __tablename__ = "checklist_item"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Inspection(Versioned, Base):
    """An inspection (befaring) and, once held, its condition report against the minimum standard."""

    __tablename__ = "inspection"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dwelling_id: Mapped[str] = mapped_column(ForeignKey("dwelling.id"), index=True)
    trigger: Mapped[str] = mapped_column(String(40))
    tenancy_id: Mapped[str | None] = mapped_column(String(64))
    booked_on: Mapped[date] = mapped_column(Date)
    planned_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), index=True)  # booked, completed, cancelled
    inspected_on: Mapped[date | None] = mapped_column(Date)
    meets_minimum_standard: Mapped[bool | None] = mapped_column(Boolean)
    results: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    inspector: Mapped[str | None] = mapped_column(String(200))
    renovation_job_id: Mapped[str | None] = mapped_column(String(64))


class RenovationJob(Versioned, Base):
    """A renovation job between tenancies: due within a month of ordering unless agreed otherwise."""

    __tablename__ = "renovation_job"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dwelling_id: Mapped[str] = mapped_column(ForeignKey("dwelling.id"), index=True)
    inspection_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), index=True)  # ordered, started, completed
    scope: Mapped[str] = mapped_column(Text)
    ordered_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    due_date_agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    estimated_cost: Mapped[int | None] = mapped_column(Integer)
    started_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    cost_hard_use: Mapped[int | None] = mapped_column(Integer)
    cost_age_wear: Mapped[int | None] = mapped_column(Integer)
    hard_use_paid_by: Mapped[str | None] = mapped_column(String(40))
    joint_inspection_on: Mapped[date | None] = mapped_column(Date)
    joint_inspection_note: Mapped[str | None] = mapped_column(Text)
    daily_rent: Mapped[int] = mapped_column(Integer)
    days_late: Mapped[int | None] = mapped_column(Integer)
    lost_rent_owed: Mapped[int | None] = mapped_column(Integer)


class AcquisitionProject(Versioned, Base):
    """An acquisition project (build, buy, lease in), usually opened on an order from the ordering function."""

    __tablename__ = "acquisition_project"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    method: Mapped[str] = mapped_column(String(40))
    stage: Mapped[str] = mapped_column(String(40), index=True)
    stage_since: Mapped[date] = mapped_column(Date)
    dwellings_planned: Mapped[int] = mapped_column(Integer)
    dwellings_delivered: Mapped[int] = mapped_column(Integer, default=0)
    budget_amount: Mapped[int | None] = mapped_column(Integer)
    # What the order asks for, so the project provides the right dwellings.
    target_group: Mapped[str | None] = mapped_column(String(40))
    dwelling_category: Mapped[str | None] = mapped_column(String(40))
    bedrooms: Mapped[int | None] = mapped_column(Integer)
    accessible: Mapped[bool] = mapped_column(Boolean, default=False)
    staffed: Mapped[bool] = mapped_column(Boolean, default=False)
    expected_delivery_on: Mapped[date | None] = mapped_column(Date)
    opened_on: Mapped[date] = mapped_column(Date)
    stages: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # [{stage, on}], the project's history
