"""NAV's API under /v1: NAV writes, coordinators read (without personal data or cause codes)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi import Response as ResponseParam
from fastapi.responses import Response

from boligflyt.platform.auth import Agency, Principal, require
from boligflyt.platform.errors import DomainError
from boligflyt.platform.pagination import Page, PageRequestDep
from boligflyt.platform.personref import PersonRefQuery
from boligflyt.platform.plausible import BusinessDate
from boligflyt.platform.problems import PROBLEM_RESPONSES
from boligflyt.platform.runtime import ClockDep, DatabaseDep, RuntimeDep
from boligflyt.temporary_housing import domain, schemas, service
from boligflyt.temporary_housing.ports import housing_applications, housing_orders
from boligflyt.temporary_housing.settings import limit_rule

router = APIRouter(prefix="/v1", responses=PROBLEM_RESPONSES)

Writer = Annotated[Principal, Depends(require(Agency.nav))]
Reader = Annotated[Principal, Depends(require(Agency.nav, Agency.coordinator))]


class BadMonth(DomainError):
    status = 422
    slug = "validation-error"
    default_title = "Invalid request"


def _month(text: str | None) -> domain.Month | None:
    if text is None:
        return None
    try:
        return domain.Month.parse(text)
    except ValueError as exc:
        raise BadMonth(str(exc)) from exc


# --- providers and agreements -------------------------------------------------------------------------


@router.post("/providers", status_code=201, tags=["providers"])
async def register_provider(
    body: schemas.ProviderIn, runtime: RuntimeDep, principal: Writer, response: ResponseParam
) -> schemas.ProviderOut:
    """Register a provider. A private one is used under a quality agreement; a municipal emergency unit
    (`municipal_emergency_flat`) without one. `seasonal_closure`: closed every year for a season."""
    provider = await service.register_provider(runtime.database, principal.actor, body)
    response.headers["Location"] = f"/v1/providers/{provider.id}"
    return await service.read_provider(runtime.database, provider.id, runtime.clock.today(), limit_rule(runtime))


@router.get("/providers", tags=["providers"])
async def list_providers(runtime: RuntimeDep, page: PageRequestDep, _: Reader) -> Page[schemas.ProviderOut]:
    items, total = await service.list_providers(runtime.database, page, runtime.clock.today(), limit_rule(runtime))
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/providers/{provider_id}", tags=["providers"])
async def get_provider(provider_id: str, runtime: RuntimeDep, _: Reader) -> schemas.ProviderOut:
    return await service.read_provider(runtime.database, provider_id, runtime.clock.today(), limit_rule(runtime))


@router.put("/providers/{provider_id}/seasonal-closure", tags=["providers"])
async def set_seasonal_closure(
    provider_id: str, runtime: RuntimeDep, principal: Writer, body: schemas.SeasonalClosureIn | None = None
) -> schemas.ProviderOut:
    """Set the provider's yearly closure (`null` lifts it). Placements whose planned stay runs into it are refused
    from now on; the answer's `closure_warnings` lists the open stays that would still be there when it closes
    (each stay shows its own `closure_warning`)."""
    await service.set_seasonal_closure(runtime.database, principal.actor, provider_id, body)
    return await service.read_provider(runtime.database, provider_id, runtime.clock.today(), limit_rule(runtime))


@router.post("/providers/{provider_id}/agreements", status_code=201, tags=["providers"])
async def add_agreement(
    provider_id: str, body: schemas.AgreementIn, database: DatabaseDep, principal: Writer, response: ResponseParam
) -> schemas.AgreementOut:
    agreement = await service.add_agreement(database, principal.actor, provider_id, body)
    response.headers["Location"] = f"/v1/providers/{provider_id}/agreements"
    return service.agreement_out(agreement)


@router.get("/providers/{provider_id}/agreements", tags=["providers"])
async def list_agreements(provider_id: str, database: DatabaseDep, _: Reader) -> list[schemas.AgreementOut]:
    return await service.list_agreements(database, provider_id)


@router.post("/agreements/{agreement_id}/terminate", tags=["providers"])
async def terminate_agreement(
    agreement_id: str, body: schemas.TerminationIn, database: DatabaseDep, principal: Writer
) -> schemas.AgreementOut:
    return service.agreement_out(await service.terminate_agreement(database, principal.actor, agreement_id, body))


# --- deposit guarantees -------------------------------------------------------------------------------------


@router.post("/deposit-guarantees", status_code=201, tags=["deposit guarantees"])
async def decide_guarantee(
    body: schemas.GuaranteeIn, database: DatabaseDep, clock: ClockDep, principal: Writer, response: ResponseParam
) -> schemas.GuaranteeOut:
    """NAV's decision on a guarantee for the deposit; Boligkontoret signs with a NAV guarantee once it is granted."""
    guarantee = await service.decide_guarantee(database, principal.actor, clock, body)
    response.headers["Location"] = f"/v1/deposit-guarantees?application_id={guarantee.application_id}"
    return schemas.GuaranteeOut.model_validate(guarantee)


@router.get("/deposit-guarantees", tags=["deposit guarantees"])
async def list_guarantees(application_id: str, database: DatabaseDep, _: Reader) -> list[schemas.GuaranteeOut]:
    return [schemas.GuaranteeOut.model_validate(g) for g in await service.guarantees_of(database, application_id)]


# --- stays ---------------------------------------------------------------------------------------------------


@router.post("/stays", status_code=201, tags=["stays"])
async def start_stay(
    body: schemas.StayIn,
    runtime: RuntimeDep,
    database: DatabaseDep,
    clock: ClockDep,
    principal: Writer,
    response: ResponseParam,
) -> schemas.StayOut:
    """Place a person with a provider tonight (decision under sosialtjenesteloven § 27). Refused with reasons when
    the provider has no valid quality agreement or the agreement excludes the household, unless
    `override_justification` says why it must happen all the same."""
    stay = await service.start_stay(
        database,
        principal.actor,
        body,
        person_ref_key=runtime.settings.person_ref_key,
        rule=limit_rule(runtime),
        adviser=principal.subject,
    )
    response.headers["Location"] = f"/v1/stays/{stay.id}"
    return await service.read_stay(database, stay.id, clock.today(), limit_rule(runtime), personal=True)


@router.get("/stays", tags=["stays"])
async def list_stays(
    runtime: RuntimeDep,
    database: DatabaseDep,
    clock: ClockDep,
    page: PageRequestDep,
    principal: Reader,
    state: Annotated[domain.StayState | None, Query()] = None,
    person_ref: PersonRefQuery = None,
) -> Page[schemas.StayOut]:
    items, total = await service.list_stays(
        database,
        page,
        clock.today(),
        limit_rule(runtime),
        state=state,
        person_ref=person_ref,
        personal=principal.agency is Agency.nav,
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/stays/by-days", tags=["stays"])
async def stays_by_days(
    runtime: RuntimeDep,
    database: DatabaseDep,
    clock: ClockDep,
    _: Reader,
    as_of: Annotated[BusinessDate | None, Query(description="Count days to this date; today by default.")] = None,
) -> list[schemas.StayByDays]:
    """Active stays, longest first, with days in the stay and what the person is waiting for."""
    return await service.stays_by_days(database, limit_rule(runtime), as_of or clock.today())


@router.get("/stays/{stay_id}", tags=["stays"])
async def get_stay(
    stay_id: str, runtime: RuntimeDep, database: DatabaseDep, clock: ClockDep, principal: Reader
) -> schemas.StayOut:
    return await service.read_stay(
        database, stay_id, clock.today(), limit_rule(runtime), personal=principal.agency is Agency.nav
    )


async def _stay_answer(runtime: RuntimeDep, stay_id: str) -> schemas.StayOut:
    """The stay as NAV sees it after changing it."""
    return await service.read_stay(runtime.database, stay_id, runtime.clock.today(), limit_rule(runtime), personal=True)


@router.post("/stays/{stay_id}/absences", status_code=201, tags=["stays"])
async def report_absence(
    stay_id: str, body: schemas.AbsenceIn, runtime: RuntimeDep, principal: Writer
) -> schemas.StayOut:
    await service.add_absence(runtime.database, principal.actor, stay_id, body)
    return await _stay_answer(runtime, stay_id)


@router.post("/stays/{stay_id}/move", tags=["stays"])
async def move_stay(stay_id: str, body: schemas.MoveIn, runtime: RuntimeDep, principal: Writer) -> schemas.StayOut:
    """The person moves to another provider (e.g. the campsite closes May-July); the price changes from then."""
    await service.move_stay(runtime.database, principal.actor, stay_id, body, limit_rule(runtime))
    return await _stay_answer(runtime, stay_id)


@router.post("/stays/{stay_id}/end", tags=["stays"])
async def end_stay(stay_id: str, body: schemas.EndIn, runtime: RuntimeDep, principal: Writer) -> schemas.StayOut:
    await service.end_stay(runtime.database, principal.actor, stay_id, body)
    return await _stay_answer(runtime, stay_id)


@router.post("/stays/{stay_id}/application", tags=["stays"])
async def link_application(
    stay_id: str, body: schemas.ApplicationLinkIn, runtime: RuntimeDep, principal: Writer
) -> schemas.StayOut:
    """Link the person's own application, or (without application_id) submit one to Boligkontoret now."""
    await service.link_application(
        runtime.database,
        principal.actor,
        stay_id,
        body,
        today=runtime.clock.today(),
        applications=housing_applications(runtime),
    )
    return await _stay_answer(runtime, stay_id)


# --- NAV's view of referred cases ------------------------------------------------------------------------


@router.get("/cases", tags=["cases"])
async def list_cases(
    runtime: RuntimeDep,
    database: DatabaseDep,
    clock: ClockDep,
    page: PageRequestDep,
    _: Reader,
    adviser: Annotated[str | None, Query(max_length=200, description="The adviser following the stay.")] = None,
    state: Annotated[domain.CaseState | None, Query()] = None,
) -> Page[schemas.CaseListItem]:
    """The housing applications NAV referred, where each stands at Boligkontoret, with the stay's days and the
    3-month limit beside it; the latest news first."""
    items, total = await service.list_cases(
        database, page, clock.today(), limit_rule(runtime), adviser=adviser, state=state
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/cases/{application_id}", tags=["cases"])
async def get_case(application_id: str, database: DatabaseDep, _: Reader) -> schemas.CaseOut:
    return await service.read_case(database, application_id)


# --- tasks ---------------------------------------------------------------------------------------------------


@router.get("/tasks", tags=["tasks"])
async def list_tasks(
    database: DatabaseDep,
    page: PageRequestDep,
    _: Writer,
    open_only: Annotated[bool, Query(alias="open", description="Only open tasks (unless `status` says).")] = True,
    adviser: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[domain.TaskStatus | None, Query()] = None,
    subject_id: Annotated[str | None, Query(max_length=64, description="A stay, case or settlement.")] = None,
) -> Page[schemas.TaskOut]:
    items, total = await service.list_tasks(
        database, page, open_only=open_only, adviser=adviser, status=status, subject_id=subject_id
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/tasks/{task_id}/done", tags=["tasks"])
async def complete_task(task_id: str, database: DatabaseDep, principal: Writer) -> schemas.TaskOut:
    return service.task_out(await service.complete_task(database, principal.actor, task_id))


@router.post("/tasks/{task_id}/dismiss", tags=["tasks"])
async def dismiss_task(
    task_id: str, body: schemas.TaskDismissIn, database: DatabaseDep, principal: Writer
) -> schemas.TaskOut:
    """Nothing to do for this task, and why."""
    return service.task_out(await service.dismiss_task(database, principal.actor, task_id, body.reason))


# --- the monthly situation report -------------------------------------------------------------------------


_REPORT_DESCRIPTION = (
    "NAV's monthly situation report (KPI 2): per month persons, under 30, singles and the children with them, new "
    "enquiries, nights used and their cost. Definitions (also in the answer's `definitions` and the CSV's header "
    "comment):\n\n" + "\n".join(f"- {line}" for line in domain.report_definitions())
)


@router.get(
    "/reports/monthly",
    tags=["reports"],
    response_model=schemas.MonthlyReportOut,
    description=_REPORT_DESCRIPTION,
    responses={200: {"content": {"text/csv": {"example": "# persons: ...\r\n" + ",".join(domain.REPORT_COLUMNS)}}}},
)
async def monthly_report(
    database: DatabaseDep,
    clock: ClockDep,
    _: Reader,
    first: Annotated[str | None, Query(alias="from", description="First month, YYYY-MM.")] = None,
    last: Annotated[str | None, Query(alias="to", description="Last month, YYYY-MM; this month by default.")] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
    as_of: Annotated[
        BusinessDate | None, Query(description="Count open stays up to this day; today by default.")
    ] = None,
) -> Response | schemas.MonthlyReportOut:
    today = as_of or clock.today()
    rows = await service.monthly_report(database, _month(first), _month(last), today)
    if format == "csv":
        return Response(
            domain.report_csv(rows),
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="situation-report.csv"'},
        )
    return schemas.MonthlyReportOut(
        as_of=today,
        definitions=list(domain.report_definitions()),
        months=[schemas.MonthRowOut(**vars(r)) for r in rows],
    )


# --- refugee settlement ------------------------------------------------------------------------------------


@router.post("/quotas", status_code=201, tags=["settlement"])
async def request_quota(
    body: schemas.QuotaIn, database: DatabaseDep, principal: Writer, response: ResponseParam
) -> schemas.QuotaOut:
    quota = await service.request_quota(database, principal.actor, body)
    response.headers["Location"] = f"/v1/quotas/{quota.id}"
    return service.quota_out(quota)


@router.post("/quotas/{quota_id}/adopt", tags=["settlement"])
async def adopt_quota(
    quota_id: str, body: schemas.QuotaAdoptIn, database: DatabaseDep, principal: Writer
) -> schemas.QuotaOut:
    return service.quota_out(await service.adopt_quota(database, principal.actor, quota_id, body))


@router.get("/quotas", tags=["settlement"])
async def list_quotas(
    database: DatabaseDep, _: Reader, year: Annotated[int | None, Query(ge=2000, le=2100)] = None
) -> list[schemas.QuotaOut]:
    return await service.list_quotas(database, year)


@router.get("/quotas/{quota_id}", tags=["settlement"])
async def get_quota(quota_id: str, database: DatabaseDep, _: Reader) -> schemas.QuotaOut:
    return await service.read_quota(database, quota_id)


@router.get("/quotas/progress/{year}", tags=["settlement"])
async def quota_progress(year: int, database: DatabaseDep, _: Reader) -> schemas.QuotaProgressOut:
    if not 2000 <= year <= 2100:
        raise BadMonth("the year must lie between 2000 and 2100")
    return await service.quota_progress(database, year)


@router.post("/settlements", status_code=201, tags=["settlement"])
async def announce_settlement(
    body: schemas.SettlementIn, database: DatabaseDep, clock: ClockDep, principal: Writer, response: ResponseParam
) -> schemas.SettlementOut:
    """Register a household IMDi announced; with its residence permit date, the national settlement deadline
    (3 months, 6 for an unaccompanied minor) and the days left are shown on it."""
    row = await service.announce_settlement(database, principal.actor, body)
    response.headers["Location"] = f"/v1/settlements/{row.id}"
    return await service.read_settlement(database, row.id, clock.today())


@router.get("/settlements", tags=["settlement"])
async def list_settlements(
    database: DatabaseDep,
    clock: ClockDep,
    page: PageRequestDep,
    _: Reader,
    state: Annotated[domain.SettlementState | None, Query()] = None,
    quota_id: Annotated[str | None, Query()] = None,
) -> Page[schemas.SettlementOut]:
    items, total = await service.list_settlements(database, page, clock.today(), state=state, quota_id=quota_id)
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/settlements/by-area", tags=["settlement"])
async def settlement_by_area(
    database: DatabaseDep,
    _: Reader,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="One year; every year by default.")] = None,
) -> schemas.SettlementByAreaOut:
    """Settled households and persons per year and area of the dwelling (the spread across the municipality)."""
    return await service.settlement_by_area(database, year)


@router.get("/settlements/{settlement_id}", tags=["settlement"])
async def get_settlement(
    settlement_id: str, database: DatabaseDep, clock: ClockDep, _: Reader
) -> schemas.SettlementOut:
    return await service.read_settlement(database, settlement_id, clock.today())


@router.post("/settlements/{settlement_id}/housing-order", tags=["settlement"])
async def order_housing(
    settlement_id: str, body: schemas.HousingOrderIn, runtime: RuntimeDep, principal: Writer
) -> schemas.SettlementOut:
    """Send the housing order for the household to the ordering function."""
    row = await service.order_housing(
        runtime.database,
        principal.actor,
        settlement_id,
        body,
        today=runtime.clock.today(),
        orders=housing_orders(runtime),
    )
    return await service.read_settlement(runtime.database, row.id, runtime.clock.today())


@router.post("/settlements/{settlement_id}/application", tags=["settlement"])
async def link_settlement_application(
    settlement_id: str, body: schemas.SettlementApplicationIn, database: DatabaseDep, clock: ClockDep, principal: Writer
) -> schemas.SettlementOut:
    row = await service.link_settlement_application(database, principal.actor, settlement_id, body.application_id)
    return await service.read_settlement(database, row.id, clock.today())


@router.post("/settlements/{settlement_id}/checklist", tags=["settlement"])
async def tick_checklist(
    settlement_id: str, body: schemas.ChecklistIn, database: DatabaseDep, clock: ClockDep, principal: Writer
) -> schemas.SettlementOut:
    await service.tick_checklist(database, principal.actor, settlement_id, body)
    return await service.read_settlement(database, settlement_id, clock.today())


@router.post("/settlements/{settlement_id}/establishment-done", tags=["settlement"])
async def finish_establishment(settlement_id: str, runtime: RuntimeDep, principal: Writer) -> schemas.SettlementOut:
    row = await service.finish_establishment(runtime.database, principal.actor, settlement_id, runtime.clock.today())
    return await service.read_settlement(runtime.database, row.id, runtime.clock.today())
