"""The register: loading a dwelling, moving it through its turnover, registering, changing and withdrawing it,
making it ready for letting and releasing a reservation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import DwellingCategory, DwellingOwner, DwellingStatus
from boligflyt.contracts.events.maintenance import (
    DwellingChanged,
    DwellingReadyForLetting,
    DwellingRegistered,
    DwellingReserved,
    DwellingWithdrawn,
)
from boligflyt.maintenance import domain
from boligflyt.maintenance.domain import Command
from boligflyt.maintenance.models import Dwelling, StatusChange
from boligflyt.maintenance.schemas import DwellingCreate, DwellingFields, DwellingUpdate, Readiness, Withdrawal
from boligflyt.platform.db import Database, UnitOfWork, get_or_404
from boligflyt.platform.errors import Conflict
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, read_page, where_given

S = DwellingStatus
REGISTER_FIELDS = tuple(DwellingFields.model_fields)


# --- Loading --------------------------------------------------------------------------------------------


async def get_dwelling(session: AsyncSession, dwelling_id: str, *, lock: bool = False) -> Dwelling:
    """The dwelling, or a 404 in the register's words that carries the id asked for."""
    return await get_or_404(
        session,
        Dwelling,
        dwelling_id,
        what="dwelling",
        lock=lock,
        detail=f"no dwelling {dwelling_id} in LKE's register",
        extra={"dwelling_id": dwelling_id},
    )


async def read_dwelling(database: Database, dwelling_id: str) -> Dwelling:
    async with database.sessions() as session:
        return await get_dwelling(session, dwelling_id)


async def list_dwellings(
    database: Database,
    page: PageRequest,
    *,
    status: DwellingStatus | None = None,
    category: DwellingCategory | None = None,
    owner: DwellingOwner | None = None,
    zone: str | None = None,
    external_ref: str | None = None,
    head_lease_ends_before: date | None = None,
) -> tuple[list[Dwelling], int]:
    query = select(Dwelling).order_by(Dwelling.registered_on, Dwelling.id)
    if head_lease_ends_before is not None:
        query = query.where(Dwelling.head_lease_end < head_lease_ends_before)
    query = where_given(
        query,
        (Dwelling.status, status),
        (Dwelling.category, category),
        (Dwelling.owner, owner),
        (Dwelling.zone, zone),
        (Dwelling.external_ref, external_ref),
    )
    return await read_page(database, query, page)


async def check_ref_free(session: AsyncSession, external_ref: str) -> None:
    """The property system's reference names one dwelling: a second one with it is refused."""
    found = await session.execute(select(Dwelling.id).where(Dwelling.external_ref == external_ref))
    if found.first() is not None:
        raise Conflict(
            f"a dwelling with external_ref {external_ref} is registered already", extra={"external_ref": external_ref}
        )


# --- Dwelling state -------------------------------------------------------------------------------------


def status_of(dwelling: Dwelling) -> DwellingStatus:
    return DwellingStatus(dwelling.status)


def _enter(uow: UnitOfWork, dwelling: Dwelling, status: DwellingStatus, on: date, now: datetime, cause: str) -> None:
    previous = dwelling.status
    dwelling.status = status.value
    dwelling.status_since = on
    dwelling.updated_at = now
    uow.session.add(StatusChange(dwelling_id=dwelling.id, status=status.value, entered_on=on, at=now, cause=cause))
    uow.audit(
        f"dwelling.{cause}",
        "dwelling",
        dwelling.id,
        detail={"from": previous, "to": status.value, "on": on.isoformat()},
    )


def move(uow: UnitOfWork, dwelling: Dwelling, command: Command, on: date, now: datetime, cause: str) -> None:
    """Move the dwelling on by `command` (or a Conflict from the turnover's rules), recording the change."""
    target = domain.transition(status_of(dwelling), command, dwelling_id=f"dwelling {dwelling.id}")
    _enter(uow, dwelling, target, on, now, cause)


def _facts(dwelling: Dwelling) -> dict[str, Any]:
    return {
        "dwelling_id": dwelling.id,
        "owner": DwellingOwner(dwelling.owner),
        "category": DwellingCategory(dwelling.category),
        "bedrooms": dwelling.bedrooms,
        "floor_area_m2": dwelling.floor_area_m2,
        "accessible": dwelling.accessible,
        "staffed": dwelling.staffed,
        "monthly_rent": dwelling.monthly_rent,
        "area_code": dwelling.zone,
        "coop_board_approval": dwelling.coop_board_approval,
    }


def _check_facts(values: Mapping[str, Any]) -> None:
    domain.DwellingFacts(
        owner=DwellingOwner(values["owner"]),
        rooms=values["rooms"],
        bedrooms=values["bedrooms"],
        floor_area_m2=values["floor_area_m2"],
        monthly_rent=values["monthly_rent"],
        head_lease_end=values["head_lease_end"],
        coop_board_approval=values["coop_board_approval"],
    ).check()


def jsonable(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in values.items()}


# --- Register, change, withdraw -------------------------------------------------------------------------


def register_values(fields: DwellingFields) -> dict[str, Any]:
    values: dict[str, Any] = fields.model_dump(include=set(REGISTER_FIELDS))
    for name in ("category", "owner", "acquired_via"):
        values[name] = str(values[name])
    return values


def add_dwelling(
    uow: UnitOfWork,
    external_ref: str,
    values: Mapping[str, Any],
    status: DwellingStatus,
    today: date,
    now: datetime,
    *,
    new_dwelling: bool = False,
    project_id: str | None = None,
) -> Dwelling:
    _check_facts(values)
    dwelling = Dwelling(
        id=new_id("dw"),
        external_ref=external_ref,
        status=status.value,
        status_since=today,
        new_dwelling=new_dwelling,
        ever_let=status is S.LET,
        project_id=project_id,
        registered_on=today,
        created_at=now,
        updated_at=now,
        allocated_no_fixed_address=False,
        withdrawn_permanently=False,
        **values,
    )
    uow.session.add(dwelling)
    uow.session.add(
        StatusChange(dwelling_id=dwelling.id, status=status.value, entered_on=today, at=now, cause="registered")
    )
    uow.record(
        DwellingRegistered(
            **_facts(dwelling),
            registered_on=today,
            status=status,
            new_dwelling=new_dwelling,
            project_id=project_id,
            order_id=dwelling.order_ref if project_id else None,
        )
    )
    uow.audit("dwelling.registered", "dwelling", dwelling.id, detail={"external_ref": external_ref, **jsonable(values)})
    return dwelling


async def register_dwelling(
    database: Database, actor: str, body: DwellingCreate, today: date, now: datetime
) -> Dwelling:
    async with database.unit_of_work(actor) as uow:
        await check_ref_free(uow.session, body.external_ref)
        dwelling = add_dwelling(uow, body.external_ref, register_values(body), S(body.status.value), today, now)
        await uow.commit()
    return dwelling


def apply_changes(uow: UnitOfWork, dwelling: Dwelling, changes: Mapping[str, Any], today: date, now: datetime) -> bool:
    """Apply attribute changes (already validated field by field); True if anything changed."""
    merged = {name: getattr(dwelling, name) for name in REGISTER_FIELDS}
    merged.update(changes)
    _check_facts(merged)
    changed = {name: value for name, value in merged.items() if getattr(dwelling, name) != value}
    if not changed:
        return False
    facts_before = _facts(dwelling)
    for name, value in changed.items():
        setattr(dwelling, name, value)
    dwelling.updated_at = now
    uow.audit("dwelling.changed", "dwelling", dwelling.id, detail=jsonable(changed))
    if _facts(dwelling) != facts_before:
        uow.record(DwellingChanged(**_facts(dwelling), changed_on=today))
    return True


async def update_dwelling(
    database: Database, actor: str, dwelling_id: str, body: DwellingUpdate, today: date, now: datetime
) -> Dwelling:
    changes = body.model_dump(exclude_unset=True)
    for name in ("category", "owner"):
        if changes.get(name) is not None:
            changes[name] = str(changes[name])
    domain.check_clearing(changes)
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        apply_changes(uow, dwelling, changes, today, now)
        await uow.commit()
    return dwelling


async def withdraw_dwelling(
    database: Database, actor: str, dwelling_id: str, body: Withdrawal, today: date, now: datetime
) -> Dwelling:
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        # Locked: Boligkontoret's allocation, offer and contract arrive as events on this same row, so a sale and
        # a signing at once are decided one after the other.
        domain.check_can_withdraw(
            dwelling.id,
            domain.withdrawal_blockers(
                status_of(dwelling),
                current_tenancy_id=dwelling.current_tenancy_id,
                signed_tenancy_ids=dwelling.signed_tenancy_ids or [],
                open_offer_ids=dwelling.open_offer_ids or [],
                allocated_application_id=dwelling.allocated_application_id,
            ),
        )
        move(uow, dwelling, Command.WITHDRAW, today, now, "withdrawn")
        dwelling.withdrawal_reason = body.reason.value
        dwelling.withdrawn_permanently = body.permanent
        uow.record(
            DwellingWithdrawn(dwelling_id=dwelling.id, withdrawn_on=today, reason=body.reason, permanent=body.permanent)
        )
        await uow.commit()
    return dwelling


# --- Ready for letting, reserved, released --------------------------------------------------------------


def _ready_for_letting(dwelling: Dwelling, on: date) -> DwellingReadyForLetting:
    return DwellingReadyForLetting(
        dwelling_id=dwelling.id, ready_on=on, first_let=dwelling.new_dwelling and not dwelling.ever_let
    )


def reserve(uow: UnitOfWork, dwelling: Dwelling, application_id: str, on: date, now: datetime) -> None:
    move(uow, dwelling, Command.RESERVE, on, now, "reserved")
    uow.record(DwellingReserved(dwelling_id=dwelling.id, reserved_on=on, application_id=application_id))


def make_ready(uow: UnitOfWork, dwelling: Dwelling, readiness: Readiness, on: date) -> None:
    """Record the move-in readiness and tell everyone; reserve at once for an allocation that came early."""
    dwelling.photographs = list(readiness.photographs)
    dwelling.meter_number = readiness.meter_number
    dwelling.meter_reading_kwh = readiness.meter_reading_kwh
    uow.record(_ready_for_letting(dwelling, on))
    if dwelling.allocated_application_id is not None:
        reserve(uow, dwelling, dwelling.allocated_application_id, on, dwelling.updated_at)


async def release_reservation(database: Database, actor: str, dwelling_id: str, today: date, now: datetime) -> Dwelling:
    """The allocation fell through: the dwelling is ready for letting again and announced so."""
    async with database.unit_of_work(actor) as uow:
        dwelling = await get_dwelling(uow.session, dwelling_id, lock=True)
        move(uow, dwelling, Command.RELEASE, today, now, "released")
        dwelling.allocated_application_id = None
        dwelling.allocated_no_fixed_address = False
        uow.record(_ready_for_letting(dwelling, today))
        await uow.commit()
    return dwelling
