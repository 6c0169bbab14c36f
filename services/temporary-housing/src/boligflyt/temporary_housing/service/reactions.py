"""Reactions to Boligkontoret's events; handlers.py calls these inside the inbox's unit of work, so each
happens once."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from boligflyt.contracts.codes import StayEndReason
from boligflyt.platform.db import UnitOfWork
from boligflyt.temporary_housing import domain, models
from boligflyt.temporary_housing.domain import ACTIVE_STATES
from boligflyt.temporary_housing.service.settlement import settle, settlement_by_application
from boligflyt.temporary_housing.service.stays import active_stay_of, close_stay, record_link
from boligflyt.temporary_housing.service.tasks import add_task


async def on_application_submitted(
    uow: UnitOfWork, application_id: str, ref: str, submitted_on: date, case_ref: str | None
) -> None:
    if await uow.session.get(models.KnownApplication, application_id) is None:
        uow.session.add(
            models.KnownApplication(application_id=application_id, person_ref=ref, submitted_on=submitted_on)
        )
    # Locked: NAV's own request may be linking the same stay at this moment (service/stays.py, get_stay).
    stay = await uow.session.get(models.Stay, case_ref, with_for_update=True) if case_ref else None
    if stay is None or stay.state not in ACTIVE_STATES or stay.person_ref != ref:
        stay = await active_stay_of(uow.session, ref, lock=True)
    if stay is not None and stay.application_id is None:
        record_link(uow, stay, application_id, submitted_on, submitted_on)
    settlement = await uow.session.get(models.Settlement, case_ref, with_for_update=True) if case_ref else None
    if settlement is not None and settlement.application_id is None:
        settlement.application_id = application_id
        uow.audit(
            "settlement.application_linked", "settlement", settlement.id, detail={"application_id": application_id}
        )


async def on_application_decided(uow: UnitOfWork, application_id: str, outcome: str) -> None:
    """`outcome` is the committee's (approved, rejected) or `left_list` when it left the waiting list."""
    rows = await uow.session.scalars(
        select(models.Stay)
        .where(models.Stay.application_id == application_id, models.Stay.state.in_(ACTIVE_STATES))
        .with_for_update()
    )
    for stay in rows:
        stay.application_decision = outcome
        uow.audit("stay.application_decided", "stay", stay.id, detail={"outcome": outcome})


async def on_allocation(
    uow: UnitOfWork,
    application_id: str,
    ref: str,
    dwelling_id: str,
    decided_on: date,
    planned_move_in_on: date | None = None,
) -> None:
    stay = await active_stay_of(uow.session, ref, lock=True)
    if stay is not None and stay.state == domain.StayState.STARTED.value:
        stay.state = domain.transition(domain.StayState(stay.state), domain.StayState.ALLOCATED).value
        stay.allocated_on = decided_on
        stay.dwelling_id = dwelling_id
        stay.planned_move_in_on = planned_move_in_on
        if stay.application_id is None:
            stay.application_id = application_id
        uow.audit("stay.allocated", "stay", stay.id, detail={"dwelling_id": dwelling_id})
    settlement = await settlement_by_application(uow.session, application_id, lock=True)
    if settlement is not None and settlement.state in (
        domain.SettlementState.ANNOUNCED.value,
        domain.SettlementState.HOUSING_ORDERED.value,
    ):
        settlement.state = domain.settlement_transition(
            domain.SettlementState(settlement.state), domain.SettlementState.DWELLING_ALLOCATED
        ).value
        settlement.dwelling_id = dwelling_id
        uow.audit("settlement.dwelling_allocated", "settlement", settlement.id, detail={"dwelling_id": dwelling_id})


async def on_move_in_rescheduled(uow: UnitOfWork, ref: str, dwelling_id: str, planned_move_in_on: date) -> None:
    """The allocated dwelling's renovation slipped: the stay lasts until the new move-in."""
    stay = await active_stay_of(uow.session, ref, lock=True)
    if stay is None:
        return
    previous = stay.planned_move_in_on
    stay.planned_move_in_on = planned_move_in_on
    uow.audit(
        "stay.move_in_rescheduled",
        "stay",
        stay.id,
        detail={
            "dwelling_id": dwelling_id,
            "from": previous.isoformat() if previous else None,
            "to": planned_move_in_on.isoformat(),
        },
    )


async def on_moved_in(
    uow: UnitOfWork, tenancy_id: str, application_id: str, ref: str, dwelling_id: str, move_in_date: date
) -> None:
    stay = await active_stay_of(uow.session, ref, lock=True)
    if stay is not None:
        if stay.application_id is None:
            stay.application_id = application_id
        await close_stay(
            uow,
            stay,
            max(move_in_date, stay.start_date),
            StayEndReason.PERMANENT_HOUSING,
            tenancy_id=tenancy_id,
            from_event=True,
        )
    settlement = await settlement_by_application(uow.session, application_id, lock=True)
    if settlement is not None and settlement.state not in (
        domain.SettlementState.ESTABLISHMENT.value,
        domain.SettlementState.DONE.value,
    ):
        await settle(uow, settlement, tenancy_id, dwelling_id, move_in_date, application_id)


async def on_offer_declined(uow: UnitOfWork, offer_id: str, application_id: str, answered_on: date) -> None:
    stay = await uow.session.scalar(select(models.Stay).where(models.Stay.application_id == application_id))
    settlement = await settlement_by_application(uow.session, application_id, lock=True)
    for subject_type, subject in (("stay", stay), ("settlement", settlement)):
        if subject is None:
            continue
        key = f"offer_declined:{offer_id}:{subject.id}"
        # The inbox skips a redelivered event; this skips the same answer published again under a new id.
        if await uow.session.scalar(select(models.Task.id).where(models.Task.dedupe_key == key)) is not None:
            continue
        add_task(
            uow,
            "offer_declined",
            subject_type,
            subject.id,
            dedupe_key=key,
            due_on=answered_on + timedelta(days=7),
            description=f"The offer {offer_id} on application {application_id} was declined: follow up with "
            "the person (normally one offer only, the application may leave the waiting list).",
            detail={"offer_id": offer_id, "application_id": application_id},
            audited={"offer_id": offer_id},
            adviser=stay.adviser if stay is not None else None,
        )


async def on_dwelling_area(uow: UnitOfWork, dwelling_id: str, area_code: str | None) -> None:
    """LKE registered or changed a dwelling: its area, for where households settle."""
    row = await uow.session.get(models.DwellingArea, dwelling_id)
    if row is None:
        uow.session.add(models.DwellingArea(dwelling_id=dwelling_id, area_code=area_code))
    else:
        row.area_code = area_code
