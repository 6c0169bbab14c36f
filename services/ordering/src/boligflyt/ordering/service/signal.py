"""The unmet-need signal: approved households waiting (from Boligkontoret's decisions) against dwellings that
became ready (from LKE's events), per kind of dwelling; a gap that lasts suggests a need."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.contracts.codes import ApplicationKind, DecisionOutcome, DwellingCategory, ReportingService
from boligflyt.ordering import domain
from boligflyt.ordering.domain import NeedState
from boligflyt.ordering.models import (
    DemandSignal,
    DwellingReady,
    KnownDwelling,
    Need,
    RenewalApplication,
    SignalSettingsRow,
    WaitingApplication,
)
from boligflyt.ordering.schemas import DemandOut, SignalSettingsIn, UnmetNeedOut
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, UnitOfWork
from boligflyt.platform.ids import new_id

SIGNAL_ACTOR = "system:unmet-need-signal"


# --- The waiting list and the supply (reactions) -------------------------------------------------------------


async def record_decision(
    uow: UnitOfWork, *, application_id: str, outcome: DecisionOutcome, kind: ApplicationKind, bedrooms: int, on: date
) -> None:
    if await uow.session.get(RenewalApplication, application_id) is not None:
        return
    waiting = await uow.session.get(WaitingApplication, application_id)
    if outcome is DecisionOutcome.APPROVED:
        if waiting is None:
            uow.session.add(
                WaitingApplication(application_id=application_id, kind=kind, bedrooms_needed=bedrooms, decided_on=on)
            )
        else:
            waiting.kind, waiting.bedrooms_needed = kind, bedrooms
    elif waiting is not None:  # refused after an appeal re-decided it
        await uow.session.delete(waiting)


async def record_renewal_application(uow: UnitOfWork, application_id: str) -> None:
    if await uow.session.get(RenewalApplication, application_id) is None:
        uow.session.add(RenewalApplication(application_id=application_id))


async def leave_waiting_list(uow: UnitOfWork, application_id: str) -> None:
    waiting = await uow.session.get(WaitingApplication, application_id)
    if waiting is not None:
        await uow.session.delete(waiting)


async def record_dwelling(uow: UnitOfWork, *, dwelling_id: str, category: DwellingCategory, staffed: bool) -> None:
    known = await uow.session.get(KnownDwelling, dwelling_id)
    if known is None:
        uow.session.add(KnownDwelling(dwelling_id=dwelling_id, category=category, staffed=staffed))
    else:
        known.category, known.staffed = category, staffed


async def record_ready(uow: UnitOfWork, *, dwelling_id: str, ready_on: date) -> None:
    uow.session.add(DwellingReady(dwelling_id=dwelling_id, ready_on=ready_on))


async def _supply_by_kind(session: AsyncSession, since: date) -> dict[ApplicationKind, int]:
    rows = (
        await session.execute(
            select(DwellingReady.dwelling_id, KnownDwelling.category, KnownDwelling.staffed)
            .outerjoin(KnownDwelling, KnownDwelling.dwelling_id == DwellingReady.dwelling_id)
            .where(DwellingReady.ready_on > since)
        )
    ).all()
    supply: dict[ApplicationKind, int] = dict.fromkeys(ApplicationKind, 0)
    for _dwelling_id, category, staffed in rows:
        kind = domain.supply_kind(DwellingCategory(category) if category else None, bool(staffed))
        if kind is not None:
            supply[kind] += 1
    return supply


# --- Settings ------------------------------------------------------------------------------------------------


async def _signal_settings(session: AsyncSession) -> domain.SignalSettings:
    row = await session.get(SignalSettingsRow, 1)
    if row is None:
        return domain.SignalSettings()
    return domain.SignalSettings(period_days=row.period_days, window_days=row.window_days, min_gap=row.min_gap)


async def set_signal_settings(database: Database, principal: Principal, body: SignalSettingsIn) -> SignalSettingsIn:
    async with database.unit_of_work(principal.actor) as uow:
        row = await uow.session.get(SignalSettingsRow, 1)
        if row is None:
            uow.session.add(SignalSettingsRow(id=1, **body.model_dump()))
        else:
            row.period_days, row.window_days, row.min_gap = body.period_days, body.window_days, body.min_gap
        uow.audit("unmet_need.settings_changed", "signal_settings", "1", detail=body.model_dump())
        await uow.commit()
    return body


# --- Evaluation ----------------------------------------------------------------------------------------------


async def evaluate_unmet_need(database: Database, today: date) -> list[str]:
    """The periodic check: per kind of dwelling, waiting demand against recent supply; suggests needs."""
    suggested: list[str] = []
    async with database.unit_of_work(SIGNAL_ACTOR) as uow:
        settings = await _signal_settings(uow.session)
        rows = await uow.session.execute(
            select(WaitingApplication.kind, func.count()).group_by(WaitingApplication.kind)
        )
        waiting: dict[str, int] = {str(kind): int(count) for kind, count in rows.all()}
        supply = await _supply_by_kind(uow.session, today - timedelta(days=settings.window_days))
        for kind in ApplicationKind:
            signal = await uow.session.get(DemandSignal, str(kind), with_for_update=True)
            open_suggestion = await uow.session.scalar(
                select(Need.need_id).where(Need.state == NeedState.SUGGESTED, Need.signal_kind == kind)
            )
            step = domain.evaluate_signal(
                today=today,
                waiting=int(waiting.get(str(kind), 0)),
                ready_in_window=supply[kind],
                gap_since=signal.gap_since if signal else None,
                open_suggestion=open_suggestion is not None,
                settings=settings,
            )
            if signal is None:
                signal = DemandSignal(kind=kind, gap=0, waiting=0, ready_in_window=0, evaluated_on=today)
                uow.session.add(signal)
            signal.gap, signal.gap_since, signal.evaluated_on = step.gap, step.gap_since, today
            signal.waiting, signal.ready_in_window = int(waiting.get(str(kind), 0)), supply[kind]
            if step.suggest:
                dwelling_type, target_group, service_needs = domain.SUGGESTION_FOR_KIND[kind]
                need = Need(
                    need_id=new_id("need"),
                    state=NeedState.SUGGESTED,
                    origin="unmet_need_signal",
                    reported_by=ReportingService.BOLIGKONTORET,
                    reported_agency="boligkontoret",
                    target_group=target_group,
                    dwelling_type=dwelling_type,
                    dwellings=step.gap,
                    bedrooms=None,
                    accessible=False,
                    service_needs=service_needs,
                    needed_by=None,
                    justification=(
                        f"{signal.waiting} approved households wait for a {kind} dwelling while {supply[kind]} became "
                        f"ready in the last {settings.window_days} days; the gap has lasted since {step.gap_since}."
                    ),
                    reported_on=today,
                    signal_kind=kind,
                    created_at=uow.clock.now(),
                )
                uow.session.add(need)
                uow.audit("need.suggested", "need", need.need_id, detail={"kind": kind, "gap": step.gap})
                suggested.append(need.need_id)
        await uow.commit()
    return suggested


async def unmet_need(database: Database) -> UnmetNeedOut:
    async with database.sessions() as session:
        settings = await _signal_settings(session)
        signals = {s.kind: s for s in (await session.scalars(select(DemandSignal))).all()}
    demand = []
    for kind in ApplicationKind:
        signal = signals.get(str(kind))
        demand.append(
            DemandOut(
                kind=kind,
                waiting=signal.waiting if signal else 0,
                ready_in_window=signal.ready_in_window if signal else 0,
                gap=signal.gap if signal else 0,
                gap_since=signal.gap_since if signal else None,
                evaluated_on=signal.evaluated_on if signal else None,
            )
        )
    return UnmetNeedOut(
        settings=SignalSettingsIn(
            period_days=settings.period_days, window_days=settings.window_days, min_gap=settings.min_gap
        ),
        demand=demand,
    )
