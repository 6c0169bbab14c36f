"""The coordinators' pages: server-rendered HTML (Jinja2), inline SVG charts, a live stream over SSE.

Every page and the stream need a coordinator's token: as `Authorization: Bearer`, or from the login form,
which keeps it in an HttpOnly cookie. Links are relative to where the app is mounted (`/` in embedded mode,
the root of its own process otherwise). No personal data is shown: only person_ref and dwelling ids.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sse_starlette.sse import EventSourceResponse

from boligflyt.contracts.registry import specs, topics
from boligflyt.dashboard import charts, domain, i18n, reports, service
from boligflyt.platform.auth import Agency, InvalidToken, Principal, TokenVerifier
from boligflyt.platform.runtime import ServiceRuntime, get_runtime

TOKEN_COOKIE = "boligflyt_dashboard_token"
LANG_COOKIE = "boligflyt_lang"
STREAM_POLL_SECONDS = 0.25
LANES = ("nav", "boligkontoret", "lke")

templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

router = APIRouter(include_in_schema=False)


# --- Who may look, and in which language ------------------------------------------------------------------


def base_path(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.cookies.get(TOKEN_COOKIE)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


async def coordinator(request: Request) -> Principal:
    """The coordinator looking: a browser without a valid token is sent to the login page."""
    token = _token(request)
    verifier: TokenVerifier = request.app.state.token_verifier
    detail = "a coordinator's token is needed (Authorization: Bearer, or log in)"
    if token:
        try:
            principal = await verifier.verify(token)
        except InvalidToken as exc:
            principal, detail = None, str(exc)
        if principal is not None:
            if principal.agency is not Agency.coordinator:
                raise HTTPException(403, f"agency {principal.agency} may not use the coordinators' dashboard")
            return principal
    if _wants_html(request) and request.method == "GET":
        target = f"{base_path(request)}/login?" + urlencode({"next": str(request.url.path)})
        raise HTTPException(303, detail, headers={"Location": target})
    raise HTTPException(401, detail, headers={"WWW-Authenticate": 'Bearer realm="boligflyt"'})


Coordinator = Annotated[Principal, Depends(coordinator)]
Runtime = Annotated[ServiceRuntime, Depends(get_runtime)]


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or i18n.DEFAULT
    return asked if asked in i18n.LANGUAGES else i18n.DEFAULT


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    lang = language(request)
    query = {k: v for k, v in request.query_params.items() if k != "lang"}
    response = HTMLResponse(
        templates.get_template(template).render(
            base=base_path(request),
            lang=lang,
            t=i18n.labels(lang),
            other_lang=i18n.other_language(lang),
            query=urlencode(query),
            path=request.url.path,
            **context,
        )
    )
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, path=base_path(request) or "/", samesite="lax", max_age=31_536_000)
    return response


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"as_of must be a date (YYYY-MM-DD), not {value!r}") from None


AsOf = Annotated[str | None, Query(description="The day to show the figures as of (YYYY-MM-DD); today if absent.")]


# --- Login ------------------------------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/", error: str | None = None) -> HTMLResponse:
    return render(request, "login.html", next=next, error=error)


@router.post("/login")
async def login(request: Request, token: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    verifier: TokenVerifier = request.app.state.token_verifier
    base = base_path(request)
    try:
        principal = await verifier.verify(token.strip())
    except InvalidToken as exc:
        return render(request, "login.html", next=next, error=str(exc))
    if principal.agency is not Agency.coordinator:
        return render(request, "login.html", next=next, error=f"agency {principal.agency} is not a coordinator")
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    if base and not target.startswith(base):
        target = base + target
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        TOKEN_COOKIE,
        token.strip(),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path=base or "/",
    )
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    response = RedirectResponse(f"{base_path(request)}/login", status_code=303)
    response.delete_cookie(TOKEN_COOKIE, path=base_path(request) or "/")
    return response


# --- Overview ---------------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request, runtime: Runtime, _: Coordinator, as_of: AsOf = None) -> HTMLResponse:
    today = runtime.clock.today()
    day = parse_day(as_of)
    figures = await service.kpis(runtime.database, day, today)
    limits = await service.thresholds(runtime.database)
    trend = await service.monthly_trend(runtime.database, figures.as_of, 12, limits)
    labels = i18n.labels(language(request))

    def line(values: list[float | None], key: str) -> Any:
        return charts.sparkline(values, labels[key])

    void_months = domain.void_summary(figures.voids, domain.months_back(figures.as_of, 12))
    year = next((s for s in figures.settlement if s.year == figures.as_of.year), None)
    trends = {
        "stays_active": line([k.temporary_housing.active for k in trend], "stays_active"),
        "stays_over_90": line([k.temporary_housing.over_90_days for k in trend], "stays_over_90"),
        "waiting_list": line([k.waiting_list for k in trend], "waiting_list"),
        "void_median": line([v.median_days for v in void_months], "void_median"),
        "renovation_open": line([k.renovation.open_jobs for k in trend], "renovation_open"),
        "stuck_count": line([len(k.stuck) for k in trend], "stuck_count"),
    }
    recent_voids = [v for v in figures.voids if (figures.as_of - v.let_date).days < 365]
    return render(
        request,
        "overview.html",
        k=figures,
        as_of=figures.as_of,
        today=today,
        trends=trends,
        months=[m.strftime("%Y-%m") for m in domain.months_back(figures.as_of, 12)],
        void_median=domain.median([v.days for v in recent_voids]),
        settlement_year=year,
        histogram=charts.histogram(figures.temporary_housing.days, labels["histogram_stays"]),
    )


# --- Flow -------------------------------------------------------------------------------------------------


@router.get("/flow", response_class=HTMLResponse)
async def flow(request: Request, runtime: Runtime, _: Coordinator, as_of: AsOf = None) -> HTMLResponse:
    model, day = await service.read_model(runtime.database, parse_day(as_of), runtime.clock.today())
    labels = i18n.labels(language(request))
    counts = domain.stage_counts(model, day)
    steps = domain.step_times(model, day)
    return render(
        request,
        "flow.html",
        as_of=day,
        counts=counts,
        steps=steps,
        buckets=domain.BUCKETS,
        stage_chart=charts.bars([(labels[name], value) for name, value in counts.items()], labels["stages"]),
        step_chart=charts.stacked(
            [(labels[name], list(times.buckets.values())) for name, times in steps.items()],
            [labels[b] for b in domain.BUCKETS],
            labels["step_times"],
        ),
    )


@router.get("/flow/cases", response_class=HTMLResponse)
async def flow_cases(
    request: Request, runtime: Runtime, _: Coordinator, step: str, bucket: str | None = None, as_of: AsOf = None
) -> HTMLResponse:
    if step not in domain.STEPS or (bucket is not None and bucket not in domain.BUCKETS):
        raise HTTPException(404, f"no step {step!r} with bucket {bucket!r}")
    model, day = await service.read_model(runtime.database, parse_day(as_of), runtime.clock.today())
    times = domain.step_times(model, day)[step]
    cases = times.in_bucket(bucket) if bucket else times.cases
    return render(request, "cases.html", as_of=day, step=step, bucket=bucket, cases=cases)


@router.get("/flow/stages/{stage}", response_class=HTMLResponse)
async def flow_stage(
    request: Request, stage: str, runtime: Runtime, _: Coordinator, as_of: AsOf = None
) -> HTMLResponse:
    if stage not in domain.STAGES:
        raise HTTPException(404, f"no stage {stage!r}; there are {', '.join(domain.STAGES)}")
    model, day = await service.read_model(runtime.database, parse_day(as_of), runtime.clock.today())
    return render(request, "stage.html", as_of=day, stage=stage, cases=domain.stage_cases(model, day)[stage])


# --- Live event stream ------------------------------------------------------------------------------------


def _filters(request: Request) -> dict[str, str | None]:
    params = request.query_params
    return {
        "agency": params.get("agency") or None,
        "type_name": params.get("type") or None,
        "person_ref": params.get("person_ref") or None,
        "dwelling_id": params.get("dwelling_id") or None,
        "search": (params.get("q") or "").strip() or None,
    }


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": row["seq"],
        "id": row["id"],
        "name": row["name"],
        "type": row["type"],
        "time": row["time"].isoformat(timespec="seconds"),
        "on_date": row["on_date"].isoformat() if row.get("on_date") else None,
        "key": row["key"],
        "agency": row["agency"],
        "person_ref": row.get("person_ref"),
        "dwelling_id": row.get("dwelling_id"),
    }


@router.get("/stream", response_class=HTMLResponse)
async def stream_page(request: Request, runtime: Runtime, _: Coordinator) -> HTMLResponse:
    filters = _filters(request)
    rows = await service.events(runtime.database, limit=100, **filters)  # type: ignore[arg-type]
    return render(
        request,
        "stream.html",
        rows=rows,
        after=await service.last_seq(runtime.database),
        filters=filters,
        agencies=sorted(set(domain.AGENCY_OF_PRODUCER.values()) - {"integrations"}),
        types=[spec.name for spec in specs()],
        stream_query=urlencode(
            {k: v for k, v in request.query_params.items() if k in ("agency", "type", "person_ref", "dwelling_id", "q")}
        ),
    )


@router.get("/stream/events")
async def stream_events(
    request: Request, runtime: Runtime, _: Coordinator, after: int | None = None
) -> EventSourceResponse:
    """Server-sent events: each new event of the log that passes the filters, as JSON, within a poll."""
    filters = _filters(request)
    last_id = request.headers.get("last-event-id")
    start = int(last_id) if last_id and last_id.isdigit() else after
    if start is None:
        start = await service.last_seq(runtime.database)

    async def generate() -> Any:
        position = start
        while not await request.is_disconnected():
            rows = await service.events(
                runtime.database,
                after_seq=position,
                limit=200,
                newest_first=False,
                **filters,  # type: ignore[arg-type]
            )
            for row in rows:
                position = max(position, row["seq"])
                yield {"event": "dashboard-event", "id": str(row["seq"]), "data": json.dumps(event_json(row))}
            # Woken at once by this process's projection; the poll covers a read model written by another process.
            await service.new_events.wait(STREAM_POLL_SECONDS)

    return EventSourceResponse(generate(), ping=15)


# --- Timelines --------------------------------------------------------------------------------------------


def _waits(rows: list[dict[str, Any]]) -> list[int | None]:
    waits: list[int | None] = []
    previous: date | None = None
    for row in rows:
        day = row.get("on_date")
        waits.append((day - previous).days if day and previous else None)
        previous = day or previous
    return waits


@router.get("/persons/{person_ref}", response_class=HTMLResponse)
async def person_timeline(request: Request, person_ref: str, runtime: Runtime, _: Coordinator) -> HTMLResponse:
    rows = await service.person_events(runtime.database, person_ref)
    labels = i18n.labels(language(request))
    chart = charts.swimlanes(
        [(r["agency"], r["on_date"], r["name"]) for r in rows if r.get("on_date")],
        [(lane, labels[lane]) for lane in LANES],
        labels["timeline_person"],
    )
    return render(
        request,
        "person.html",
        person_ref=person_ref,
        rows=list(zip(rows, _waits(rows), strict=True)),
        lanes=LANES,
        chart=chart,
    )


@router.get("/dwellings/{dwelling_id}", response_class=HTMLResponse)
async def dwelling_timeline(
    request: Request, dwelling_id: str, runtime: Runtime, _: Coordinator, as_of: AsOf = None
) -> HTMLResponse:
    rows = await service.dwelling_events(runtime.database, dwelling_id)
    model, day = await service.read_model(runtime.database, parse_day(as_of), runtime.clock.today())
    labels = i18n.labels(language(request))
    found = [v for v in domain.voids(model, day) if v.dwelling_id == dwelling_id]
    chart = charts.stacked(
        [(f"{v.end_date} -> {v.let_date}", [v.waiting, v.renovating, v.ready]) for v in found],
        [labels["waiting"], labels["renovating"], labels["ready"]],
        labels["voids"],
    )
    return render(
        request,
        "dwelling.html",
        dwelling_id=dwelling_id,
        dwelling=model.tables["dwellings"].get(dwelling_id),
        rows=list(zip(rows, _waits(rows), strict=True)),
        voids=found,
        chart=chart,
    )


# --- Stuck cases ------------------------------------------------------------------------------------------


@router.get("/stuck", response_class=HTMLResponse)
async def stuck(request: Request, runtime: Runtime, _: Coordinator, as_of: AsOf = None) -> HTMLResponse:
    figures = await service.kpis(runtime.database, parse_day(as_of), runtime.clock.today())
    return render(
        request,
        "stuck.html",
        as_of=figures.as_of,
        cases=figures.stuck,
        thresholds=await service.thresholds(runtime.database),
        rules=list(domain.STUCK_RULES),
    )


@router.post("/stuck")
async def save_thresholds(request: Request, runtime: Runtime, principal: Coordinator) -> Response:
    form = await request.form()
    values: dict[str, int] = {}
    for rule in domain.STUCK_RULES:
        raw = form.get(rule)
        if raw is None or raw == "":
            continue
        try:
            days = int(str(raw))
        except ValueError:
            raise HTTPException(422, f"the threshold of {rule} must be a whole number of days") from None
        if not 0 <= days <= 3650:
            raise HTTPException(422, f"the threshold of {rule} must be between 0 and 3650 days")
        values[rule] = days
    await service.set_thresholds(runtime.database, values, principal.actor)
    return RedirectResponse(f"{base_path(request)}/stuck", status_code=303)


# --- Reports ----------------------------------------------------------------------------------------------


@router.get("/reports", response_class=HTMLResponse)
async def reports_index(request: Request, _: Coordinator) -> HTMLResponse:
    return render(request, "reports.html", names=list(reports.REPORTS))


@router.get("/reports/{name}", response_class=HTMLResponse)
async def report(request: Request, name: str, runtime: Runtime, _: Coordinator, as_of: AsOf = None) -> Response:
    csv_wanted = name.endswith(".csv") or request.query_params.get("format") == "csv"
    name = name.removesuffix(".csv")
    if name not in reports.REPORTS:
        raise HTTPException(404, f"no report named {name!r}; there are {', '.join(reports.REPORTS)}")
    model, day = await service.read_model(runtime.database, parse_day(as_of), runtime.clock.today())
    table = reports.REPORTS[name](model, day)
    if csv_wanted:
        return Response(
            table.csv(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}-{day.isoformat()}.csv"'},
        )
    labels = i18n.labels(language(request))
    chart = None
    if name == "nav-monthly":
        chart = charts.histogram(domain.temporary_housing(model, day).days, labels["histogram_stays"])
    elif name == "relet-times":
        summary = domain.void_summary(domain.voids(model, day), domain.months_back(day, 12))
        chart = charts.stacked(
            [(s.period.strftime("%Y-%m"), [s.waiting, s.renovating, s.ready]) for s in summary],
            [labels["waiting"], labels["renovating"], labels["ready"]],
            labels["relet-times"],
        )
    return render(request, "report.html", name=name, report=table, as_of=day, chart=chart)


# --- System health ----------------------------------------------------------------------------------------


async def _bounded(coroutine: Any, seconds: float = 3.0) -> Any:
    try:
        async with asyncio.timeout(seconds):
            return await coroutine
    except Exception:
        return None


@router.get("/system", response_class=HTMLResponse)
async def system(request: Request, runtime: Runtime, _: Coordinator, redriven: str | None = None) -> HTMLResponse:
    """Consumer lag and outbox backlog of every service this process can see (all of them in embedded mode;
    the dashboard alone in distributed mode, where Prometheus has the rest), dead letters per topic."""
    runtimes: dict[str, ServiceRuntime] = {runtime.definition.name: runtime}
    for name, app in runtime.local_services.items():
        other = getattr(getattr(app, "state", None), "runtime", None)
        if isinstance(other, ServiceRuntime):
            runtimes[name] = other
    services = []
    for name, other in sorted(runtimes.items()):
        lag = None
        subscription = other.consumer.subscription if other.consumer else None
        if subscription is not None:
            lag = await _bounded(subscription.lag())
        backlog = await _bounded(service.outbox_backlog(other.database)) if other.definition.publishes else None
        services.append({"name": name, "lag": lag, "backlog": backlog, "consumes": other.consumer is not None})
    dead = []
    for topic in topics():
        dead.append({"topic": topic, "count": await _bounded(_dead_letters(runtime, topic))})
    return render(request, "system.html", services=services, dead=dead, redriven=redriven)


async def _dead_letters(runtime: ServiceRuntime, topic: str) -> int | None:
    """Dead letters of a topic not yet redriven: the redrive group's lag on `<topic>.dlq`.

    Only on the embedded log: on Kafka, reading another group's lag means joining that group (a rebalance
    per page view), so there the count comes from Prometheus (boligflyt_dead_letters_total) instead."""
    if runtime.settings.bus != "embedded":
        return None
    return await service.dead_letters(runtime.bus, topic)


@router.post("/system/redrive")
async def redrive_topic(request: Request, runtime: Runtime, principal: Coordinator) -> Response:
    form = await request.form()
    topic = str(form.get("topic") or "")
    if topic not in topics():
        raise HTTPException(422, f"no topic {topic!r}")
    count = await service.redrive_dead_letters(runtime.database, runtime.bus, topic, principal.actor)
    return RedirectResponse(
        f"{base_path(request)}/system?" + urlencode({"redriven": f"{topic}: {count}"}), status_code=303
    )


def iso(value: date | datetime | None) -> str:
    return "" if value is None else value.isoformat()


templates.filters["iso"] = iso
templates.globals["urlencode"] = urlencode
