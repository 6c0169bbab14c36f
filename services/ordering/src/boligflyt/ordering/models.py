"""The Ordering service's tables."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.platform.concurrency import Versioned
from boligflyt.platform.tables import NAMING_CONVENTION


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


class Need(Versioned, Base):
    """A housing need reported by a service unit (or suggested by the unmet-need signal)."""

    __tablename__ = "needs"

    need_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(32), index=True)
    origin: Mapped[str] = mapped_column(String(32))  # api | unmet_need_signal
    reported_by: Mapped[str] = mapped_column(String(64))
    reported_agency: Mapped[str] = mapped_column(String(32), index=True)
    target_group: Mapped[str] = mapped_column(String(64))
    dwelling_type: Mapped[str] = mapped_column(String(64))
    dwellings: Mapped[int] = mapped_column(Integer)
    bedrooms: Mapped[int | None] = mapped_column(Integer)
    accessible: Mapped[bool] = mapped_column(Boolean)
    service_needs: Mapped[str] = mapped_column(String(32))
    needed_by: Mapped[date | None] = mapped_column(Date)
    justification: Mapped[str] = mapped_column(Text)
    source_ref: Mapped[str | None] = mapped_column(String(64))
    # reporter family + source_ref: a unit re-sending the same order gets the need it already has.
    source_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    reported_on: Mapped[date] = mapped_column(Date)
    programme_year: Mapped[int | None] = mapped_column(Integer, index=True)
    budget_line: Mapped[str | None] = mapped_column(String(64))
    dwellings_prioritised: Mapped[int | None] = mapped_column(Integer)
    prioritised_on: Mapped[date | None] = mapped_column(Date)
    rejected_on: Mapped[date | None] = mapped_column(Date)
    reject_reason: Mapped[str | None] = mapped_column(String(64))
    decision_note: Mapped[str | None] = mapped_column(Text)
    order_id: Mapped[str | None] = mapped_column(String(64), index=True)
    signal_kind: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class BudgetFrame(Base):
    """One budget line in one programme year, with what orders committed and deliveries spent."""

    __tablename__ = "budget_frames"
    __table_args__ = (UniqueConstraint("year", "budget_line", name="uq_budget_frames_year_line"),)

    frame_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    budget_line: Mapped[str] = mapped_column(String(64))
    amount: Mapped[int] = mapped_column(BigInteger)
    committed: Mapped[int] = mapped_column(BigInteger)
    spent: Mapped[int] = mapped_column(BigInteger)
    set_on: Mapped[date] = mapped_column(Date)


class Order(Versioned, Base):
    """An order for dwellings placed with LKE (or LKBS after competition)."""

    __tablename__ = "orders"

    order_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(32), index=True)
    supplier: Mapped[str] = mapped_column(String(16))
    programme_year: Mapped[int] = mapped_column(Integer, index=True)
    budget_line: Mapped[str] = mapped_column(String(64))
    target_group: Mapped[str] = mapped_column(String(64))
    dwelling_type: Mapped[str] = mapped_column(String(64))
    dwellings: Mapped[int] = mapped_column(Integer)
    bedrooms: Mapped[int | None] = mapped_column(Integer)
    accessible: Mapped[bool] = mapped_column(Boolean)
    staffed: Mapped[bool] = mapped_column(Boolean)
    preferred_method: Mapped[str | None] = mapped_column(String(32))
    estimated_cost: Mapped[int] = mapped_column(BigInteger)
    commitment_remaining: Mapped[int] = mapped_column(BigInteger)
    spent: Mapped[int] = mapped_column(BigInteger)
    dwellings_delivered: Mapped[int] = mapped_column(Integer)
    placed_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str | None] = mapped_column(String(32))
    project_id: Mapped[str | None] = mapped_column(String(64))
    acquisition_stage: Mapped[str | None] = mapped_column(String(32))
    over_commit_approved_by: Mapped[str | None] = mapped_column(String(200))
    over_commit_justification: Mapped[str | None] = mapped_column(Text)
    over_commit_shortfall: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OrderNeed(Base):
    __tablename__ = "order_needs"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.order_id"), primary_key=True)
    need_id: Mapped[str] = mapped_column(ForeignKey("needs.need_id"), primary_key=True)


class Delivery(Base):
    """One dwelling delivered against an order: the primary key makes each dwelling count once."""

    __tablename__ = "deliveries"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.order_id"), primary_key=True)
    dwelling_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    project_id: Mapped[str | None] = mapped_column(String(64))
    delivered_on: Mapped[date] = mapped_column(Date)
    event_id: Mapped[str] = mapped_column(String(64))


class WaitingApplication(Base):
    """An approved application on Boligkontoret's waiting list (ids and codes only, from its events)."""

    __tablename__ = "waiting_applications"

    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    bedrooms_needed: Mapped[int] = mapped_column(Integer)
    decided_on: Mapped[date] = mapped_column(Date)


class RenewalApplication(Base):
    """An application to renew a tenancy (§15): decided like a new one, but the household is not waiting."""

    __tablename__ = "renewal_applications"

    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class KnownDwelling(Base):
    """What LKE's events say about a dwelling's kind, to count ready dwellings by kind."""

    __tablename__ = "known_dwellings"

    dwelling_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    category: Mapped[str] = mapped_column(String(64))
    staffed: Mapped[bool] = mapped_column(Boolean)


class DwellingReady(Base):
    """A dwelling became ready for letting: supply for the unmet-need signal."""

    __tablename__ = "dwellings_ready"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dwelling_id: Mapped[str] = mapped_column(String(64), index=True)
    ready_on: Mapped[date] = mapped_column(Date, index=True)


class DemandSignal(Base):
    """Per kind of dwelling: since when demand has outgrown supply, and the last gap seen."""

    __tablename__ = "demand_signals"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    gap: Mapped[int] = mapped_column(Integer)
    waiting: Mapped[int] = mapped_column(Integer)
    ready_in_window: Mapped[int] = mapped_column(Integer)
    gap_since: Mapped[date | None] = mapped_column(Date)
    evaluated_on: Mapped[date] = mapped_column(Date)


class SignalSettingsRow(Base):
    """The unmet-need signal's settings (one row), changed through the API."""

    __tablename__ = "signal_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_days: Mapped[int] = mapped_column(Integer)
    window_days: Mapped[int] = mapped_column(Integer)
    min_gap: Mapped[int] = mapped_column(Integer)
