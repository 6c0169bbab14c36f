"""The NAV temporary housing service's tables.

Personal data (national identity number, name, birth date) and cause codes live here and nowhere else:
events carry only `person_ref` and counts (docs/domain.md, "Persons in events").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.platform.concurrency import Versioned
from boligflyt.platform.tables import NAMING_CONVENTION, Id


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


class Provider(Versioned, Base):
    __tablename__ = "providers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(300))
    owner_operator: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Closed every year from one day to another, both included, written MM-DD (the campsite: 05-01 to 07-31).
    closed_from: Mapped[str | None] = mapped_column(String(5))
    closed_to: Mapped[str | None] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Agreement(Versioned, Base):
    """A quality agreement (kvalitetsavtale) with a provider, for one address, at most 2 years."""

    __tablename__ = "agreements"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    provider_id: Mapped[str] = mapped_column(ForeignKey("providers.id"), index=True)
    address: Mapped[str] = mapped_column(String(300))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    renegotiation_deadline: Mapped[date] = mapped_column(Date)
    price_per_night: Mapped[int] = mapped_column(Integer)
    excludes_families_with_children: Mapped[bool] = mapped_column(Boolean, default=True)
    excludes_under_18: Mapped[bool] = mapped_column(Boolean, default=True)
    terminated_on: Mapped[date | None] = mapped_column(Date)
    termination_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Person(Base):
    """A person NAV houses: the only place their identity is kept."""

    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_ref: Mapped[str] = mapped_column(String(64), unique=True)
    national_id: Mapped[str] = mapped_column(String(11))
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date] = mapped_column(Date)
    known_earlier_stay: Mapped[bool] = mapped_column(Boolean, default=False)


class Stay(Versioned, Base):
    """A temporary stay (midlertidig botilbud)."""

    __tablename__ = "stays"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    person_ref: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    adults: Mapped[int] = mapped_column(Integer)
    children: Mapped[int] = mapped_column(Integer)
    under_30: Mapped[bool] = mapped_column(Boolean)
    single: Mapped[bool] = mapped_column(Boolean)
    new_enquiry: Mapped[bool] = mapped_column(Boolean)
    cause: Mapped[str] = mapped_column(String(40))  # health data for some codes: never leaves NAV
    decision_date: Mapped[date] = mapped_column(Date)
    # The provider and price of the first placement; later ones are in stay_moves.
    provider_id: Mapped[str] = mapped_column(ForeignKey("providers.id"), index=True)
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id"))
    price_per_night: Mapped[int] = mapped_column(Integer)
    current_provider_id: Mapped[str] = mapped_column(ForeignKey("providers.id"), index=True)
    override_justification: Mapped[str | None] = mapped_column(Text)
    override_reasons: Mapped[list[str] | None] = mapped_column(JSON)
    start_date: Mapped[date] = mapped_column(Date)
    # The day the person is planned to leave, if NAV set one (else the stay is planned to its limit date).
    planned_end_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(40))
    belongings_left: Mapped[bool] = mapped_column(Boolean, default=False)
    nights: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[int | None] = mapped_column(Integer)
    application_id: Mapped[str | None] = mapped_column(String(64), index=True)
    application_submitted_on: Mapped[date | None] = mapped_column(Date)
    application_decision: Mapped[str | None] = mapped_column(String(20))
    allocated_on: Mapped[date | None] = mapped_column(Date)
    dwelling_id: Mapped[str | None] = mapped_column(String(64))
    # The move-in Boligkontoret plans for the allocated dwelling; it moves when the renovation slips.
    planned_move_in_on: Mapped[date | None] = mapped_column(Date)
    tenancy_id: Mapped[str | None] = mapped_column(String(64))
    # The NAV adviser who follows the person (their tasks); the one who placed them unless named.
    adviser: Mapped[str | None] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReferredCase(Base):
    """NAV's view of a housing application it referred (or linked to a stay), kept from Boligkontoret's events.
    No personal data: Boligkontoret's events carry none."""

    __tablename__ = "referred_cases"

    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    stay_id: Mapped[str | None] = mapped_column(String(64), index=True)
    person_ref: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    missing_documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    documents_checked_on: Mapped[date | None] = mapped_column(Date)
    documents_requested_on: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[str | None] = mapped_column(String(64))
    meeting_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    decided_on: Mapped[date | None] = mapped_column(Date)
    reject_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    appeal_deadline: Mapped[date | None] = mapped_column(Date)
    appealed_on: Mapped[date | None] = mapped_column(Date)
    offer_id: Mapped[str | None] = mapped_column(String(64))
    offered_on: Mapped[date | None] = mapped_column(Date)
    answer_deadline: Mapped[date | None] = mapped_column(Date)
    offer_answer: Mapped[str | None] = mapped_column(String(20))
    answered_on: Mapped[date | None] = mapped_column(Date)
    dwelling_id: Mapped[str | None] = mapped_column(String(64))
    dwelling_area_code: Mapped[str | None] = mapped_column(String(16))
    dwelling_bedrooms: Mapped[int | None] = mapped_column(Integer)
    expected_ready_on: Mapped[date | None] = mapped_column(Date)
    allocated_on: Mapped[date | None] = mapped_column(Date)
    # The move-in first planned, and now: the renovation slipping moves the second.
    first_planned_move_in_on: Mapped[date | None] = mapped_column(Date)
    planned_move_in_on: Mapped[date | None] = mapped_column(Date)
    moved_in_on: Mapped[date | None] = mapped_column(Date)
    tenancy_id: Mapped[str | None] = mapped_column(String(64))
    left_list_on: Mapped[date | None] = mapped_column(Date)
    left_list_reason: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CaseEntry(Base):
    """One fact in a referred case's history, in the order NAV learnt it."""

    __tablename__ = "referred_case_history"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("referred_cases.application_id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    fact: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(20))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Absence(Base):
    """Nights away over one day, not paid; belongings left behind are noted."""

    __tablename__ = "stay_absences"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    stay_id: Mapped[str] = mapped_column(ForeignKey("stays.id"), index=True)
    first_night: Mapped[date] = mapped_column(Date)
    returned_on: Mapped[date] = mapped_column(Date)
    belongings_left: Mapped[bool] = mapped_column(Boolean, default=False)


class Move(Base):
    """The person moved to another provider during the stay (the campsite closes May-July)."""

    __tablename__ = "stay_moves"

    id: Mapped[int] = mapped_column(Id, primary_key=True, autoincrement=True)
    stay_id: Mapped[str] = mapped_column(ForeignKey("stays.id"), index=True)
    changed_on: Mapped[date] = mapped_column(Date)
    provider_id: Mapped[str] = mapped_column(ForeignKey("providers.id"))
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id"))
    price_per_night: Mapped[int] = mapped_column(Integer)
    override_justification: Mapped[str | None] = mapped_column(Text)
    override_reasons: Mapped[list[str] | None] = mapped_column(JSON)


class LimitNotice(Base):
    """A threshold of the 3-month rule a stay has passed: the job raises each one once."""

    __tablename__ = "stay_limit_notices"

    stay_id: Mapped[str] = mapped_column(ForeignKey("stays.id"), primary_key=True)
    threshold: Mapped[int] = mapped_column(Integer, primary_key=True)
    raised_on: Mapped[date] = mapped_column(Date)
    days_in_stay: Mapped[int] = mapped_column(Integer)


class Task(Versioned, Base):
    """Work for a NAV adviser (domain/tasks.py, `TaskKind`): `dedupe_key` names the fact, so each is opened once."""

    __tablename__ = "tasks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[str] = mapped_column(String(64), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    adviser: Mapped[str | None] = mapped_column(String(200), index=True)
    # How a closed task closed (done_at set): done, dismissed or cleared (its fact went away), and why.
    resolution: Mapped[str | None] = mapped_column(String(20))
    resolution_reason: Mapped[str | None] = mapped_column(Text)


class Quota(Versioned, Base):
    __tablename__ = "settlement_quotas"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    state: Mapped[str] = mapped_column(String(20))  # requested | adopted
    requested_persons: Mapped[int | None] = mapped_column(Integer)
    requested_on: Mapped[date | None] = mapped_column(Date)
    adopted_persons: Mapped[int | None] = mapped_column(Integer)
    unaccompanied_minors: Mapped[int] = mapped_column(Integer, default=0)
    adopted_on: Mapped[date | None] = mapped_column(Date)


class Settlement(Versioned, Base):
    """One refugee household to settle."""

    __tablename__ = "settlements"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quota_id: Mapped[str | None] = mapped_column(ForeignKey("settlement_quotas.id"), index=True)
    state: Mapped[str] = mapped_column(String(30))
    adults: Mapped[int] = mapped_column(Integer)
    children: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40))
    origin: Mapped[str] = mapped_column(String(40))
    announced_on: Mapped[date] = mapped_column(Date)
    # The residence permit starts the national settlement deadline (3 months, 6 for an unaccompanied minor).
    residence_permit_on: Mapped[date | None] = mapped_column(Date)
    settlement_deadline: Mapped[date | None] = mapped_column(Date)
    planned_settlement_date: Mapped[date | None] = mapped_column(Date)
    bedrooms_needed: Mapped[int | None] = mapped_column(Integer)
    accessible_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    ordered_on: Mapped[date | None] = mapped_column(Date)
    need_id: Mapped[str | None] = mapped_column(String(64))
    application_id: Mapped[str | None] = mapped_column(String(64), index=True)
    dwelling_id: Mapped[str | None] = mapped_column(String(64))
    tenancy_id: Mapped[str | None] = mapped_column(String(64))
    settled_on: Mapped[date | None] = mapped_column(Date)
    area_code: Mapped[str | None] = mapped_column(String(16))  # the settled dwelling's area, for the spread
    establishment_ends_on: Mapped[date | None] = mapped_column(Date)


class ChecklistItem(Base):
    __tablename__ = "settlement_checklist"

    settlement_id: Mapped[str] = mapped_column(ForeignKey("settlements.id"), primary_key=True)
    item: Mapped[str] = mapped_column(String(60), primary_key=True)
    done_on: Mapped[date] = mapped_column(Date)
    done_by: Mapped[str] = mapped_column(String(200))


class DepositGuarantee(Base):
    """NAV's decision on a guarantee for a household's deposit (garanti for depositum); the reason stays here."""

    __tablename__ = "deposit_guarantees"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    application_id: Mapped[str] = mapped_column(String(64), index=True)
    person_ref: Mapped[str] = mapped_column(String(64), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)
    decided_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class KnownApplication(Base):
    """An application Boligkontoret registered (from `application.submitted`): what NAV checks a link against, so a
    stay is linked only to an application that exists and is its person's."""

    __tablename__ = "known_applications"

    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_ref: Mapped[str] = mapped_column(String(64), index=True)
    submitted_on: Mapped[date] = mapped_column(Date)


class DwellingArea(Base):
    """The area of each of LKE's dwellings (from its dwelling events; never an address): where households settle."""

    __tablename__ = "dwelling_areas"

    dwelling_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    area_code: Mapped[str | None] = mapped_column(String(16))
