"""The Boligkontoret service's tables. Personal data (names, national ids, contact) lives only here."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.platform.concurrency import Versioned
from boligflyt.platform.tables import NAMING_CONVENTION


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


class Applicant(Versioned, Base):
    __tablename__ = "applicants"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    national_id: Mapped[str] = mapped_column(String(11), unique=True)
    person_ref: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    postal_address: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(10), default="nb")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    household_members: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    created_by_agency: Mapped[str] = mapped_column(String(20))
    # NAV registered the person as its client too (they were registered here before): NAV may act for them.
    nav_client: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Consent(Base):
    """Signed, written consent to collect and share information, which every application needs."""

    __tablename__ = "consents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicants.id"), index=True)
    signed_on: Mapped[date] = mapped_column(Date)
    scope: Mapped[list[str]] = mapped_column(JSON)
    revoked_on: Mapped[date | None] = mapped_column(Date)


class Application(Versioned, Base):
    __tablename__ = "applications"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    applicant_id: Mapped[str] = mapped_column(ForeignKey("applicants.id"), index=True)
    person_ref: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    submitted_on: Mapped[date] = mapped_column(Date)
    adults: Mapped[int] = mapped_column(Integer)
    children: Mapped[int] = mapped_column(Integer)
    children_needing_own_bedroom: Mapped[int] = mapped_column(Integer)
    bedrooms_needed: Mapped[int] = mapped_column(Integer)
    accessible_needed: Mapped[bool] = mapped_column(Boolean)
    staffed_needed: Mapped[bool] = mapped_column(Boolean)
    area_wishes: Mapped[list[str]] = mapped_column(JSON)
    priority_factors: Mapped[list[str]] = mapped_column(JSON)
    referrer: Mapped[str] = mapped_column(String(20))
    referrer_case_ref: Mapped[str | None] = mapped_column(String(64))
    referrer_agency: Mapped[str] = mapped_column(String(20), index=True)  # the agency that submitted it
    reply_to: Mapped[str] = mapped_column(String(20))  # applicant, or referrer (NAV Intro's adviser)
    referrer_contact: Mapped[str | None] = mapped_column(String(300))
    documents_received: Mapped[list[str]] = mapped_column(JSON)
    missing_documents: Mapped[list[str]] = mapped_column(JSON)
    able_to_buy: Mapped[bool] = mapped_column(Boolean)  # the rent-to-own / startlån check (§ 8)
    ownership_note: Mapped[str | None] = mapped_column(Text)
    ownership_checked_on: Mapped[date] = mapped_column(Date)
    renewal_of_tenancy_id: Mapped[str | None] = mapped_column(String(64))
    decided_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    reject_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    appeal_deadline: Mapped[date | None] = mapped_column(Date)
    appealed_on: Mapped[date | None] = mapped_column(Date)
    left_list_on: Mapped[date | None] = mapped_column(Date)
    # The household's stay in NAV's temporary housing, from NAV's events: its time there weighs in priority.
    stay_id: Mapped[str | None] = mapped_column(String(64), index=True)
    stay_started_on: Mapped[date | None] = mapped_column(Date)
    stay_limit_warned_on: Mapped[date | None] = mapped_column(Date)
    stay_ended_on: Mapped[date | None] = mapped_column(Date)
    # The gates before the contract (domain/gates.py): the co-op board's answer for the allocated dwelling, the
    # deposit paid, NAV's guarantee decision.
    coop_board_dwelling_id: Mapped[str | None] = mapped_column(String(64))
    coop_board_requested_on: Mapped[date | None] = mapped_column(Date, index=True)
    coop_board_answer: Mapped[str | None] = mapped_column(String(30))
    coop_board_answered_on: Mapped[date | None] = mapped_column(Date)
    deposit_paid_on: Mapped[date | None] = mapped_column(Date)
    guarantee_id: Mapped[str | None] = mapped_column(String(64))
    guarantee_decision: Mapped[str | None] = mapped_column(String(20))
    guarantee_decided_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Meeting(Versioned, Base):
    """A meeting of the allocation committee (tildelingsutvalget, TBO)."""

    __tablename__ = "meetings"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    meeting_date: Mapped[date] = mapped_column(Date, unique=True)
    case_list_freezes_on: Mapped[date] = mapped_column(Date)


class MeetingCase(Base):
    __tablename__ = "meeting_cases"
    __table_args__ = (UniqueConstraint("meeting_id", "application_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    added_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(String(20))
    reject_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    reasoning: Mapped[str | None] = mapped_column(Text)
    after_appeal: Mapped[bool] = mapped_column(Boolean, default=False)


class Dwelling(Base):
    """The local copy of LKE's dwelling facts that matching and offers need (from maintenance events)."""

    __tablename__ = "dwellings"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(30))
    bedrooms: Mapped[int] = mapped_column(Integer)
    accessible: Mapped[bool] = mapped_column(Boolean)
    staffed: Mapped[bool] = mapped_column(Boolean)
    monthly_rent: Mapped[int] = mapped_column(Integer)
    area_code: Mapped[str | None] = mapped_column(String(16))
    coop_board_approval: Mapped[bool] = mapped_column(Boolean, default=False)  # the co-op board approves tenants
    status: Mapped[str] = mapped_column(String(20))
    first_let: Mapped[bool] = mapped_column(Boolean, default=False)
    ready_on: Mapped[date | None] = mapped_column(Date)
    # The committee's ranked recommendation (innstilling) for the current letting round.
    recommendation: Mapped[list[str]] = mapped_column(JSON, default=list)
    allocated_to: Mapped[str | None] = mapped_column(String(64))
    letting_round: Mapped[int] = mapped_column(Integer, default=0)
    updated_on: Mapped[date] = mapped_column(Date)
    # Coming vacant: the tenant's notice, and when LKE expects the dwelling ready (move-out, inspection, renovation).
    notice_given_on: Mapped[date | None] = mapped_column(Date)
    expected_ready_on: Mapped[date | None] = mapped_column(Date)
    # The allocated household's move-in, which follows the dwelling's ready date.
    planned_move_in_on: Mapped[date | None] = mapped_column(Date)
    # What a letter names the dwelling by: its address and rooms from LKE's register (never on the bus), the floor
    # area from LKE's events.
    address: Mapped[str | None] = mapped_column(String(200))
    rooms: Mapped[int | None] = mapped_column(Integer)
    floor_area_m2: Mapped[int | None] = mapped_column(Integer)


_PENDING = text("state = 'pending'")


class Offer(Versioned, Base):
    __tablename__ = "offers"
    # One open offer per dwelling and per household, even when two caseworkers (or a caseworker and the
    # deadline job) act at the same moment: the database refuses the second.
    __table_args__ = (
        Index(
            "uq_offers_pending_dwelling", "dwelling_id", unique=True, sqlite_where=_PENDING, postgresql_where=_PENDING
        ),
        Index(
            "uq_offers_pending_application",
            "application_id",
            unique=True,
            sqlite_where=_PENDING,
            postgresql_where=_PENDING,
        ),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dwelling_id: Mapped[str] = mapped_column(ForeignKey("dwellings.id"), index=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(20), index=True)
    offered_on: Mapped[date] = mapped_column(Date)
    answer_deadline: Mapped[date] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date)
    letting_round: Mapped[int] = mapped_column(Integer)  # which time the dwelling came up for letting
    meeting_id: Mapped[str | None] = mapped_column(String(64))  # the committee meeting that allocated it, if one did
    expected_move_in_on: Mapped[date | None] = mapped_column(Date)


class CommitteeAllocation(Base):
    """The committee's decision to allocate a dwelling to a household, on Boligkontoret's recommendation."""

    __tablename__ = "committee_allocations"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), index=True)
    dwelling_id: Mapped[str] = mapped_column(ForeignKey("dwellings.id"), index=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    proposed_application_id: Mapped[str | None] = mapped_column(String(64))
    deviation_reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date] = mapped_column(Date)
    offer_id: Mapped[str] = mapped_column(String(64))
    expected_move_in_on: Mapped[date | None] = mapped_column(Date)


class Tenancy(Versioned, Base):
    __tablename__ = "tenancies"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # None for a contract of the existing stock, imported (service/stock.py): it was signed before Boligflyt.
    application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"), index=True)
    dwelling_id: Mapped[str] = mapped_column(ForeignKey("dwellings.id"), index=True)
    person_ref: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), index=True)
    contract_type: Mapped[str] = mapped_column(String(40))
    signed_on: Mapped[date] = mapped_column(Date)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, index=True)
    monthly_rent: Mapped[int] = mapped_column(Integer)
    deposit_kind: Mapped[str] = mapped_column(String(20))
    deposit_amount: Mapped[int] = mapped_column(Integer)
    interpreter_at_signing: Mapped[bool] = mapped_column(Boolean, default=False)
    move_in_date: Mapped[date | None] = mapped_column(Date)
    notice_given_on: Mapped[date | None] = mapped_column(Date)
    notice_given_by: Mapped[str | None] = mapped_column(String(20))
    move_out_date: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(30))
    reminders_sent: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The end a § 9-2 escalation was published for (job `tenancy_escalations`): once per end.
    escalated_end_date: Mapped[date | None] = mapped_column(Date)
    # The existing stock: the tenant (an applicant row holds the national id), the contract's natural key (dwelling,
    # tenant, start) that makes a second import of the same file change nothing, the reference in the old system.
    applicant_id: Mapped[str | None] = mapped_column(ForeignKey("applicants.id"), index=True)
    import_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    contract_ref: Mapped[str | None] = mapped_column(String(64))
    imported_on: Mapped[date | None] = mapped_column(Date)


class Renewal(Base):
    __tablename__ = "renewals"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tenancy_id: Mapped[str] = mapped_column(ForeignKey("tenancies.id"), index=True)
    renewed_on: Mapped[date] = mapped_column(Date)
    contract_type: Mapped[str] = mapped_column(String(40))
    previous_end_date: Mapped[date] = mapped_column(Date)
    new_end_date: Mapped[date | None] = mapped_column(Date)
    able_to_buy: Mapped[bool] = mapped_column(Boolean)
    ownership_note: Mapped[str | None] = mapped_column(Text)


class Letter(Base):
    """A letter sent in a case, kept with it (forvaltningsloven: every step verifiable afterwards)."""

    __tablename__ = "letters"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    application_id: Mapped[str] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    written_on: Mapped[date] = mapped_column(Date)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # orders a case's letters
    addressee: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
