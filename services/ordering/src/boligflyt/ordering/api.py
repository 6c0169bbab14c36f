"""The Ordering REST API under /v1: units report needs, the ordering function prioritises and orders, LKE reads
orders, coordinators read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import JSONResponse

from boligflyt.contracts.codes import BudgetLine, ReportingService
from boligflyt.ordering import service
from boligflyt.ordering.domain import NeedState, OrderState
from boligflyt.ordering.schemas import (
    CancelOrderIn,
    ConfirmSuggestionIn,
    DismissSuggestionIn,
    FrameIn,
    FrameOut,
    NeedIn,
    NeedOut,
    OrderIn,
    OrderOut,
    PrioritiseIn,
    ProgrammeIn,
    ProgrammeOut,
    ProgrammeReport,
    RejectIn,
    SignalSettingsIn,
    UnmetNeedOut,
)
from boligflyt.platform.auth import Agency, Principal, require
from boligflyt.platform.pagination import Page, PageRequestDep
from boligflyt.platform.runtime import ClockDep, DatabaseDep

router = APIRouter(prefix="/v1")

Reporter = Annotated[Principal, Depends(require(Agency.nav, Agency.boligkontoret, Agency.bestiller))]
NeedReader = Annotated[
    Principal, Depends(require(Agency.nav, Agency.boligkontoret, Agency.bestiller, Agency.coordinator))
]
Bestiller = Annotated[Principal, Depends(require(Agency.bestiller))]
Confirmer = Annotated[Principal, Depends(require(Agency.bestiller, Agency.coordinator))]
ProgrammeReader = Annotated[Principal, Depends(require(Agency.bestiller, Agency.coordinator))]
OrderReader = Annotated[Principal, Depends(require(Agency.bestiller, Agency.coordinator, Agency.lke))]
Lke = Annotated[Principal, Depends(require(Agency.lke))]
Year = Annotated[int, Path(ge=2000, le=2100, description="The programme year.")]


# --- Needs ---------------------------------------------------------------------------------------------------


@router.post(
    "/needs",
    status_code=201,
    response_model=NeedOut,
    tags=["needs"],
    summary="Report a housing need (NAV's refugee housing orders, Boligkontoret, any unit via the ordering function)",
    responses={200: {"model": NeedOut, "description": "Already reported with this source_ref: the existing need."}},
)
async def report_need(
    body: NeedIn, principal: Reporter, database: DatabaseDep, clock: ClockDep, response: Response
) -> NeedOut:
    reported = await service.report_need(database, principal, body, clock.today())
    response.headers["Location"] = f"/v1/needs/{reported.need.need_id}"
    if not reported.created:
        response.status_code = 200
    return reported.need


@router.get("/needs", response_model=Page[NeedOut], tags=["needs"], summary="Needs (a unit sees its own)")
async def list_needs(
    principal: NeedReader,
    database: DatabaseDep,
    page: PageRequestDep,
    state: NeedState | None = None,
    programme_year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    budget_line: BudgetLine | None = None,
    reported_by: ReportingService | None = None,
) -> Page[NeedOut]:
    items, total = await service.list_needs(
        database,
        principal,
        page,
        state=state,
        programme_year=programme_year,
        budget_line=budget_line,
        reported_by=reported_by,
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/needs/{need_id}", response_model=NeedOut, tags=["needs"])
async def get_need(need_id: str, principal: NeedReader, database: DatabaseDep) -> NeedOut:
    return await service.get_need(database, principal, need_id)


@router.post(
    "/needs/{need_id}/prioritise",
    response_model=NeedOut,
    tags=["needs"],
    summary="The needs committee takes a reported need into a programme year on a budget line",
)
async def prioritise_need(
    need_id: str, body: PrioritiseIn, principal: Bestiller, database: DatabaseDep, clock: ClockDep
) -> NeedOut:
    return await service.prioritise_need(
        database,
        principal,
        need_id,
        programme_year=body.programme_year,
        budget_line=body.budget_line,
        dwellings=body.dwellings,
        note=body.note,
        today=clock.today(),
    )


@router.post("/needs/{need_id}/reject", response_model=NeedOut, tags=["needs"])
async def reject_need(
    need_id: str, body: RejectIn, principal: Bestiller, database: DatabaseDep, clock: ClockDep
) -> NeedOut:
    return await service.reject_need(
        database, principal, need_id, reason=body.reason, note=body.note, today=clock.today()
    )


@router.post(
    "/needs/{need_id}/confirm",
    response_model=NeedOut,
    tags=["unmet need"],
    summary="Confirm a need suggested by the unmet-need signal: it becomes a reported need",
)
async def confirm_suggestion(
    need_id: str, body: ConfirmSuggestionIn, principal: Confirmer, database: DatabaseDep, clock: ClockDep
) -> NeedOut:
    return await service.confirm_suggestion(database, principal, need_id, body, clock.today())


@router.post("/needs/{need_id}/dismiss", response_model=NeedOut, tags=["unmet need"])
async def dismiss_suggestion(
    need_id: str, body: DismissSuggestionIn, principal: Confirmer, database: DatabaseDep
) -> NeedOut:
    return await service.dismiss_suggestion(database, principal, need_id, body.note)


# --- Programme, frames, reports ----------------------------------------------------------------------------


@router.post("/programmes", status_code=201, response_model=ProgrammeOut, tags=["programme"])
async def create_programme(
    body: ProgrammeIn, principal: Bestiller, database: DatabaseDep, clock: ClockDep, response: Response
) -> ProgrammeOut:
    programme = await service.create_programme(database, principal, body.year, body.frames, clock.today())
    response.headers["Location"] = f"/v1/programmes/{body.year}"
    return programme


@router.get("/programmes/{year}", response_model=ProgrammeOut, tags=["programme"])
async def get_programme(year: Year, principal: ProgrammeReader, database: DatabaseDep) -> ProgrammeOut:
    return await service.get_programme(database, year)


@router.put(
    "/programmes/{year}/frames/{budget_line}",
    response_model=FrameOut,
    tags=["programme"],
    summary="Set or revise one budget frame (budget.frame_set)",
)
async def set_frame(
    year: Year,
    budget_line: BudgetLine,
    body: FrameIn,
    principal: Bestiller,
    database: DatabaseDep,
    clock: ClockDep,
) -> FrameOut:
    return await service.set_frame(database, principal, year, budget_line, body.amount, body.set_on or clock.today())


@router.get(
    "/programmes/{year}/report",
    response_model=ProgrammeReport,
    tags=["reports"],
    summary="The housing programme of a year per budget line: frames, needs, orders, deliveries",
    responses={200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with ?format=csv"}},
)
async def programme_report(
    year: Year,
    principal: ProgrammeReader,
    database: DatabaseDep,
    clock: ClockDep,
    format: Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv")] = "json",
) -> Response:
    report = await service.programme_report(database, year, clock.today())
    if format == "csv":
        return Response(
            service.report_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="housing-programme-{year}.csv"'},
        )
    return JSONResponse(report.model_dump(mode="json"))


# --- Orders --------------------------------------------------------------------------------------------------


@router.post(
    "/orders",
    status_code=201,
    response_model=OrderOut,
    tags=["orders"],
    summary="Order dwellings from LKE for prioritised needs; commits the estimated cost to the budget frame",
)
async def place_order(
    body: OrderIn, principal: Bestiller, database: DatabaseDep, clock: ClockDep, response: Response
) -> OrderOut:
    order = await service.place_order(database, principal, body, clock.today())
    response.headers["Location"] = f"/v1/orders/{order.order_id}"
    return order


@router.get("/orders", response_model=Page[OrderOut], tags=["orders"])
async def list_orders(
    principal: OrderReader,
    database: DatabaseDep,
    clock: ClockDep,
    page: PageRequestDep,
    state: OrderState | None = None,
    programme_year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    budget_line: BudgetLine | None = None,
    overdue: bool | None = Query(default=None, description="Only open orders past (or not past) their due date."),
) -> Page[OrderOut]:
    items, total = await service.list_orders(
        database,
        page,
        clock.today(),
        state=state,
        programme_year=programme_year,
        budget_line=budget_line,
        overdue=overdue,
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/orders/{order_id}", response_model=OrderOut, tags=["orders"])
async def get_order(order_id: str, principal: OrderReader, database: DatabaseDep, clock: ClockDep) -> OrderOut:
    return await service.get_order(database, order_id, clock.today())


@router.post("/orders/{order_id}/cancel", response_model=OrderOut, tags=["orders"])
async def cancel_order(
    order_id: str, body: CancelOrderIn, principal: Bestiller, database: DatabaseDep, clock: ClockDep
) -> OrderOut:
    return await service.cancel_order(
        database, principal, order_id, reason=body.reason, note=body.note, today=clock.today()
    )


@router.post(
    "/orders/{order_id}/accept",
    response_model=OrderOut,
    tags=["orders"],
    summary="LKE accepts an order (also done by itself when LKE opens an acquisition project for it)",
)
async def accept_order(order_id: str, principal: Lke, database: DatabaseDep, clock: ClockDep) -> OrderOut:
    return await service.accept_order(database, principal, order_id, clock.today())


# --- Unmet need ----------------------------------------------------------------------------------------------


@router.get("/unmet-need", response_model=UnmetNeedOut, tags=["unmet need"])
async def unmet_need(principal: ProgrammeReader, database: DatabaseDep) -> UnmetNeedOut:
    return await service.unmet_need(database)


@router.put("/unmet-need/settings", response_model=SignalSettingsIn, tags=["unmet need"])
async def set_signal_settings(body: SignalSettingsIn, principal: Bestiller, database: DatabaseDep) -> SignalSettingsIn:
    return await service.set_signal_settings(database, principal, body)
