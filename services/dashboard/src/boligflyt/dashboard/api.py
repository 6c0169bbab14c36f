"""The coordinators' pages: server-rendered HTML (Jinja2), inline SVG charts, a live stream over SSE.

Every page and the stream need a coordinator: a token as `Authorization: Bearer` (scripts), or a signed-in
session (signin.py: the identity provider's sign-in, or in development a pasted development token). A form that
changes something (thresholds, redrive, sign-out) carries the session's CSRF token. Links are relative to where
the app is mounted (`/` in embedded mode, the root of its own process otherwise). No personal data is shown: only
person_ref and dwelling ids.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jwt
import structlog
from authlib.integrations.base_client.errors import OAuthError
from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sse_starlette.sse import EventSourceResponse, SendTimeoutError
from starlette.types import Receive, Scope, Send

from boligflyt.contracts.registry import specs, topics
from boligflyt.dashboard import charts, domain, i18n, printable, reports, service, signin
from boligflyt.dashboard import figures as figures_
from boligflyt.dashboard.settings import dashboard_settings
from boligflyt.dashboard.stream import StreamFilters, StreamsExhausted, feed_of, messages
from boligflyt.platform.auth import (
    Agency,
    InvalidToken,
    Principal,
    SigningKeysUnavailable,
    TokenVerifier,
    current_principal,
    from_this_machine,
)
from boligflyt.platform.errors import RuleViolation
from boligflyt.platform.problems import PROBLEM_RESPONSES, problem_response, problem_type
from boligflyt.platform.runtime import ServiceRuntime, get_runtime
from boligflyt.platform.settings import Settings

log = structlog.get_logger(__name__)

LANG_COOKIE = "boligflyt_lang"
LANES = ("nav", "boligkontoret", "lke")
# The largest position in the event log (its sequence is a 64-bit integer).
MAX_SEQ = 2**63 - 1
# How long a live stream's client may take to accept a message before the stream is closed.
STREAM_SEND_TIMEOUT_SECONDS = 30

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


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return None


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


async def _verified(request: Request, token: str) -> Principal:
    """The principal of a token, or InvalidToken (a development token only from this machine)."""
    verifier: TokenVerifier = request.app.state.token_verifier
    if verifier.development_secret and not from_this_machine(request):
        raise InvalidToken("development tokens are accepted from this machine only")
    return await verifier.verify(token)


class NotACoordinator(Exception):
    """Signed in, but not as a coordinator: a clear page for a browser, 403 problem+json for a script."""

    def __init__(self, principal: Principal) -> None:
        super().__init__(f"agency {principal.agency} may not use the coordinators' dashboard")
        self.principal = principal


async def coordinator(request: Request) -> Principal:
    """The coordinator looking: a browser without a valid session is sent to the login page."""
    token = _bearer(request)
    detail = "a coordinator's token is needed (Authorization: Bearer, or sign in)"
    principal: Principal | None = None
    if token:
        try:
            principal = await _verified(request, token)
        except InvalidToken as exc:
            detail = str(exc)
    else:
        principal = signin.session_principal(request)
    if principal is not None:
        if principal.agency is not Agency.coordinator:
            raise NotACoordinator(principal)
        current_principal.set(principal)
        return principal
    if _wants_html(request) and request.method == "GET":
        target = f"{base_path(request)}/login?" + urlencode({"next": str(request.url.path)})
        raise HTTPException(303, detail, headers={"Location": target})
    raise HTTPException(401, detail, headers={"WWW-Authenticate": 'Bearer realm="boligflyt"'})


async def csrf_checked(request: Request, _: Annotated[Principal, Depends(coordinator)]) -> None:
    """A form from a signed-in session must carry its CSRF token; a script's bearer token needs none (a browser
    never sends one by itself). Who is asking is checked first: no session at all is a 401, not a 403."""
    if _bearer(request):
        return
    form = await request.form()
    if not signin.csrf_valid(request, form.get("csrf_token")):
        raise HTTPException(403, "the form did not come from this dashboard, or its session has ended; reload it")


Coordinator = Annotated[Principal, Depends(coordinator)]
CsrfChecked = Depends(csrf_checked)
Runtime = Annotated[ServiceRuntime, Depends(get_runtime)]


def language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or i18n.DEFAULT
    return asked if asked in i18n.LANGUAGES else i18n.DEFAULT


def render(request: Request, template: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
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
            csrf=signin.csrf_token(request),
            **context,
        ),
        status_code=status_code,
    )
    # Never kept by the browser: after sign-out, Back must ask again (and be sent to the login page).
    response.headers["Cache-Control"] = "no-store"
    if request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, path=base_path(request) or "/", samesite="lax", max_age=31_536_000)
    return response


async def view_asked(
    runtime: Runtime,
    as_of: Annotated[
        str | None, Query(description="The day to show the figures as of (YYYY-MM-DD); today if absent.")
    ] = None,
    clock: Annotated[
        service.Clock,
        Query(
            description="`business`: as of the business date (stays, lets, notices and decisions counted on their "
            "own dates, however late registered); `recorded`: as recorded on that day (what the system knew then)."
        ),
    ] = service.Clock.business,
) -> service.View:
    """`?as_of=` of every page, report and figure: a day from `plausible_years_back` years ago up to today, or
    none (today); `?clock=` which of the two days it is."""
    if not as_of:
        return service.view_of(None, runtime.clock.today(), clock)
    try:
        day = date.fromisoformat(as_of)
    except ValueError:
        raise RuleViolation(f"as_of must be a date (YYYY-MM-DD), not {as_of[:40]!r}", code="as_of_not_a_date") from None
    domain.check_as_of(day, runtime.clock.today(), runtime.settings.plausible_years_back)
    return service.view_of(day, runtime.clock.today(), clock)


AsOf = Annotated[service.View, Depends(view_asked)]
Offset = Annotated[int, Query(ge=0, description="The first case of the page (0: the first).")]
Limit = Annotated[int, Query(ge=1, le=figures_.MAX_CASES_PER_PAGE, description="Cases per page.")]


# --- Login ------------------------------------------------------------------------------------------------


def _after_login(request: Request, next: str) -> str:
    base = base_path(request)
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    if base and not target.startswith(base):
        target = base + target
    return target


def refused(request: Request, principal: Principal) -> HTMLResponse:
    return render(request, "refused.html", status_code=403, principal=principal, hide_logout=True)


async def not_a_coordinator(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotACoordinator)
    if _wants_html(request):
        return refused(request, exc.principal)
    return problem_response(403, "Forbidden", str(exc), instance=request.url.path)


def configure(app: FastAPI, settings: Settings) -> None:
    """The session, the OpenID client, and the page a signed-in non-coordinator gets."""
    signin.configure(app, settings)
    app.add_exception_handler(NotACoordinator, not_a_coordinator)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/", error: str | None = None) -> HTMLResponse:
    return render(request, "login.html", next=next, error=error, provider=signin.provider(request) is not None)


@router.get("/login/start")
async def login_start(request: Request, next: str = "/") -> Response:
    """To the identity provider's sign-in page (authorization code with PKCE); it sends the browser back to
    /login/callback."""
    client = signin.provider(request)
    if client is None:
        return RedirectResponse(f"{base_path(request)}/login", status_code=303)
    request.session["next"] = _after_login(request, next)
    callback = f"{str(request.base_url).rstrip('/')}{base_path(request)}/login/callback"
    try:
        response: Response = await client.authorize_redirect(request, callback)
    except Exception as exc:  # the provider's discovery document could not be read
        log.warning("signin.provider_unavailable", error=str(exc))
        return render(request, "login.html", status_code=503, next=next, error=str(exc), provider=True)
    return response


@router.get("/login/callback", response_model=None)
async def login_callback(request: Request) -> Response:
    """Back from the provider: the code for tokens (Authlib checks state, PKCE and the ID token), the access
    token verified as every service verifies it, and a session for a coordinator only."""
    client = signin.provider(request)
    next = str(request.session.get("next") or "/")
    if client is None:
        return RedirectResponse(f"{base_path(request)}/login", status_code=303)
    try:
        tokens = await client.authorize_access_token(request)
        principal = await _verified(request, str(tokens["access_token"]))
    except (OAuthError, InvalidToken, KeyError) as exc:
        return render(request, "login.html", status_code=401, next=next, error=str(exc), provider=True)
    except SigningKeysUnavailable as exc:
        return render(request, "login.html", status_code=503, next=next, error=str(exc), provider=True)
    if principal.agency is not Agency.coordinator:
        request.session.clear()
        return refused(request, principal)
    expires_at = float(tokens.get("expires_at") or 0) or float(tokens.get("userinfo", {}).get("exp", 0))
    signin.start_session(request, principal, expires_at, tokens.get("id_token"))
    log.info("signin.signed_in", subject=principal.subject, agency=principal.agency)
    return RedirectResponse(next, status_code=303)


@router.post("/login")
async def login(request: Request, token: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    """Development only (no identity provider): a pasted development token starts the session."""
    if signin.provider(request) is not None:
        raise HTTPException(404, "sign in at the identity provider (GET /login/start)")
    try:
        principal = await _verified(request, token.strip())
        expires_at = float(jwt.decode(token.strip(), options={"verify_signature": False})["exp"])
    except InvalidToken as exc:
        return render(request, "login.html", next=next, error=str(exc), provider=False)
    if principal.agency is not Agency.coordinator:
        return refused(request, principal)
    signin.start_session(request, principal, expires_at)
    return RedirectResponse(_after_login(request, next), status_code=303)


@router.post("/logout")
async def logout(request: Request) -> Response:
    """Ends the session here and, with an identity provider, there too (its end_session_endpoint)."""
    form = await request.form()
    if signin.session_principal(request) is not None and not signin.csrf_valid(request, form.get("csrf_token")):
        raise HTTPException(403, "the sign-out form did not come from this dashboard; reload it")
    id_token = request.session.get("id_token")
    request.session.clear()
    login_url = f"{str(request.base_url).rstrip('/')}{base_path(request)}/login"
    client = signin.provider(request)
    if client is not None:
        try:
            metadata = await client.load_server_metadata()
        except Exception as exc:  # the provider is away: our session is over all the same
            log.warning("signin.provider_unavailable", error=str(exc))
            metadata = {}
        end_session = metadata.get("end_session_endpoint")
        if end_session:
            query = {"post_logout_redirect_uri": login_url, "client_id": client.client_id}
            if isinstance(id_token, str):
                query["id_token_hint"] = id_token
            return RedirectResponse(f"{end_session}?{urlencode(query)}", status_code=303)
    return RedirectResponse(login_url, status_code=303)


# --- Overview ---------------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
async def overview(request: Request, runtime: Runtime, _: Coordinator, view: AsOf) -> HTMLResponse:
    today = runtime.clock.today()
    shown = await figures_.overview(runtime.database, view)
    figures = shown.kpis
    labels = i18n.labels(language(request))
    year = next((s for s in figures.settlement if s.year == figures.as_of.year), None)
    lines = ("stays_active", "stays_over_90", "waiting_list", "void_median", "renovation_open", "stuck_count")
    trends = {key: charts.sparkline([getattr(p, key) for p in shown.trend], labels[key]) for key in lines}
    return render(
        request,
        "overview.html",
        k=figures,
        as_of=figures.as_of,
        view=view,
        today=today,
        trends=trends,
        months=[p.month for p in shown.trend],
        void_median=shown.void_median,
        settlement_year=year,
        histogram=charts.histogram(figures.temporary_housing.days, labels["histogram_stays"]),
    )


# --- Flow -------------------------------------------------------------------------------------------------


@router.get("/flow", response_class=HTMLResponse)
async def flow(request: Request, runtime: Runtime, _: Coordinator, view: AsOf) -> HTMLResponse:
    shown = await figures_.flow(runtime.database, view)
    labels = i18n.labels(language(request))
    counts, steps = shown.stages, shown.steps
    return render(
        request,
        "flow.html",
        as_of=view.day,
        view=view,
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


async def step_cases_asked(
    runtime: Runtime,
    _: Coordinator,
    view: AsOf,
    step: str,
    bucket: str | None = None,
    offset: Offset = 0,
    limit: Limit = figures_.CASES_PER_PAGE,
) -> figures_.CasePage[domain.StepCase]:
    """The cases of one step (and bucket), a page at a time: the page's and the JSON API's."""
    if step not in domain.STEPS or (bucket is not None and bucket not in domain.BUCKETS):
        raise HTTPException(404, f"no step {step!r} with bucket {bucket!r}")
    return await figures_.step_cases(runtime.database, view, step, bucket, offset, limit)


async def stage_cases_asked(
    stage: str,
    runtime: Runtime,
    _: Coordinator,
    view: AsOf,
    offset: Offset = 0,
    limit: Limit = figures_.CASES_PER_PAGE,
) -> figures_.CasePage[domain.StageCase]:
    """The cases standing in one stage, a page at a time: the page's and the JSON API's."""
    if stage not in domain.STAGES:
        raise HTTPException(404, f"no stage {stage!r}; there are {', '.join(domain.STAGES)}")
    return await figures_.stage_cases(runtime.database, view, stage, offset, limit)


StepCases = Annotated[figures_.CasePage[domain.StepCase], Depends(step_cases_asked)]
StageCases = Annotated[figures_.CasePage[domain.StageCase], Depends(stage_cases_asked)]


@router.get("/flow/cases", response_class=HTMLResponse)
async def flow_cases(
    request: Request, _: Coordinator, view: AsOf, shown: StepCases, step: str, bucket: str | None = None
) -> HTMLResponse:
    return render(
        request, "cases.html", as_of=view.day, view=view, step=step, bucket=bucket, cases=shown.cases, page=shown
    )


@router.get("/flow/stages/{stage}", response_class=HTMLResponse)
async def flow_stage(request: Request, stage: str, _: Coordinator, view: AsOf, shown: StageCases) -> HTMLResponse:
    return render(request, "stage.html", as_of=view.day, view=view, stage=stage, cases=shown.cases, page=shown)


# --- Live event stream ------------------------------------------------------------------------------------


def _filters(request: Request) -> StreamFilters:
    params = request.query_params
    return StreamFilters(
        agency=params.get("agency") or None,
        type_name=params.get("type") or None,
        person_ref=params.get("person_ref") or None,
        dwelling_id=params.get("dwelling_id") or None,
        search=(params.get("q") or "").strip() or None,
    )


PAGE_EVENTS = 100


def position(description: str) -> Any:
    """A query parameter naming a position in the event log (an event's `seq`)."""
    return Query(ge=0, le=MAX_SEQ, description=description)


@router.get("/stream", response_class=HTMLResponse)
async def stream_page(
    request: Request,
    runtime: Runtime,
    _: Coordinator,
    before: Annotated[int | None, position("History: the events before this position, newest first, a page")] = None,
) -> HTMLResponse:
    """The newest events and the live stream after them; with `before`, a page of older history instead."""
    filters = _filters(request)
    rows = await service.events(runtime.database, before_seq=before, limit=PAGE_EVENTS, **dataclasses.asdict(filters))
    filter_query = {
        k: v for k, v in request.query_params.items() if k in ("agency", "type", "person_ref", "dwelling_id", "q")
    }
    older = urlencode({**filter_query, "before": rows[-1]["seq"]}) if len(rows) == PAGE_EVENTS else None
    return render(
        request,
        "stream.html",
        rows=rows,
        live=before is None,
        older=older,
        after=await service.last_seq(runtime.database),
        filters=filters,
        agencies=sorted(set(domain.AGENCY_OF_PRODUCER.values()) - {"integrations"}),
        types=[spec.name for spec in specs()],
        stream_query=urlencode(filter_query),
    )


class LiveStreamResponse(EventSourceResponse):
    """A live stream that gives its place back (`closed`) however it ends: the client leaves, the server stops,
    or the response fails before its first event."""

    def __init__(self, content: Any, *, closed: Callable[[], None], **options: Any) -> None:
        super().__init__(content, **options)
        self._closed = closed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except SendTimeoutError:
            # A client that stopped reading is dropped: nothing went wrong on this side.
            log.info("stream.client_too_slow", path=scope.get("path"))
        finally:
            self._closed()


def _last_event_id(request: Request) -> int | None:
    """The browser's `Last-Event-ID` on reconnecting: the position of the last event it received."""
    value = request.headers.get("last-event-id")
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,19}", value) or int(value) > MAX_SEQ:
        raise RuleViolation("Last-Event-ID must be a position in the event log", code="stream_position_invalid")
    return int(value)


@router.get("/stream/events", response_model=None)
async def stream_events(
    request: Request,
    runtime: Runtime,
    principal: Coordinator,
    after: Annotated[int | None, position("Start after this position (the last `seq` seen), a recent one")] = None,
) -> Response:
    """Server-sent events: each new event of the log that passes the filters, as JSON, as it is projected.

    Fed by the process's one reader of the log. A user may hold a few streams and a process serves a bounded
    number: past either, 429 with Retry-After. A start older than the window is a 422 (history is on
    /stream?before=)."""
    settings = dashboard_settings(runtime)
    feed = feed_of(request.app.state, runtime.database, settings)
    resumed = _last_event_id(request)
    subject = principal.subject
    try:
        feed.admit(subject)
    except StreamsExhausted as exc:
        return problem_response(
            429,
            "Too many live streams",
            exc.detail,
            type=problem_type("too-many-streams"),
            instance=request.url.path,
            headers={"Retry-After": str(settings.stream_retry_after_seconds)},
            code=exc.code,
        )
    try:
        start = await feed.start_position(after if resumed is None else resumed)
    except BaseException:
        feed.release(subject)
        raise
    return LiveStreamResponse(
        messages(feed, start, _filters(request)),
        closed=lambda: feed.release(subject),
        ping=15,
        send_timeout=STREAM_SEND_TIMEOUT_SECONDS,
    )


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
    request: Request, dwelling_id: str, runtime: Runtime, _: Coordinator, view: AsOf
) -> HTMLResponse:
    rows = await service.dwelling_events(runtime.database, dwelling_id)
    shown = await figures_.dwelling(runtime.database, view, dwelling_id)
    labels = i18n.labels(language(request))
    found = shown.voids
    chart = charts.stacked(
        [(f"{v.end_date} -> {v.let_date}", [v.waiting, v.renovating, v.ready]) for v in found],
        [labels["waiting"], labels["renovating"], labels["ready"]],
        labels["voids"],
    )
    return render(
        request,
        "dwelling.html",
        dwelling_id=dwelling_id,
        dwelling=shown.dwelling,
        rows=list(zip(rows, _waits(rows), strict=True)),
        voids=found,
        chart=chart,
    )


# --- Stuck cases ------------------------------------------------------------------------------------------


@router.get("/stuck", response_class=HTMLResponse)
async def stuck(request: Request, runtime: Runtime, _: Coordinator, view: AsOf) -> HTMLResponse:
    figures = await service.kpis_in(runtime.database, view)
    return render(
        request,
        "stuck.html",
        as_of=figures.as_of,
        view=view,
        cases=figures.stuck,
        thresholds=await service.thresholds(runtime.database),
        rules=list(domain.STUCK_RULES),
        risks=await service.figure(runtime.database, view, "tenancy_risks", domain.tenancy_risks),
    )


@router.post("/stuck", dependencies=[CsrfChecked])
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
async def report(
    request: Request,
    name: str,
    runtime: Runtime,
    _: Coordinator,
    view: AsOf,
    offset: Offset = 0,
    limit: Limit = figures_.CASES_PER_PAGE,
) -> Response:
    wanted = "csv" if name.endswith(".csv") else "pdf" if name.endswith(".pdf") else request.query_params.get("format")
    name = name.removesuffix(".csv").removesuffix(".pdf")
    if name not in reports.REPORTS:
        raise HTTPException(404, f"no report named {name!r}; there are {', '.join(reports.REPORTS)}")
    shown = await figures_.report(runtime.database, view, name)
    table, day = shown.report, view.day
    suffix = "-as-recorded" if view.clock is service.Clock.recorded else ""
    if wanted == "csv":
        return Response(
            table.csv(),
            media_type="text/csv; charset=utf-8",
            # The file says which clock it holds, as the page does.
            headers={"Content-Disposition": f'attachment; filename="{name}-{day.isoformat()}{suffix}.csv"'},
        )
    labels = i18n.labels(language(request))
    summary = printable.report_charts(table)
    if wanted == "pdf":
        clock = labels[f"shown_{view.clock}"]
        document = printable.report_pdf(labels[name], f"{clock} {day.isoformat()}", table, summary)
        return Response(
            document,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{name}-{day.isoformat()}{suffix}.pdf"'},
        )
    chart = None
    if shown.stay_days is not None:
        chart = charts.histogram(shown.stay_days, labels["histogram_stays"])
    elif shown.void_months is not None:
        chart = charts.stacked(
            [(s.period.strftime("%Y-%m"), [s.waiting, s.renovating, s.ready]) for s in shown.void_months],
            [labels["waiting"], labels["renovating"], labels["ready"]],
            labels["relet-times"],
        )
    # The page shows its rows a page at a time (the CSV has them all): its cost does not grow with the rows.
    rows = table.rows[offset : offset + limit]
    page = figures_.CasePage(len(table.rows), offset, limit, rows)
    shown_table = reports.Report(table.name, table.columns, rows)
    return render(
        request,
        "report.html",
        name=name,
        report=shown_table,
        as_of=day,
        view=view,
        chart=chart,
        summary=summary,
        page=page,
    )


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


@router.post("/system/redrive", dependencies=[CsrfChecked])
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


# --- Favicon ----------------------------------------------------------------------------------------------

# The Boligflyt house on the header's blue; served at both names so no browser asks for a page that is not there.
FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b3d63"/>'
    '<path d="M6 16 16 7l10 9h-3v9h-5v-6h-4v6H9v-9z" fill="#fff"/></svg>'
)


@router.get("/favicon.ico")
@router.get("/favicon.svg")
async def favicon() -> Response:
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


# --- The JSON API: the pages' figures -------------------------------------------------------------------------

# The same objects the pages render (`figures`), as JSON: one computation, two renderings. Same authorization.
v1 = APIRouter(prefix="/v1", tags=["figures"], responses=PROBLEM_RESPONSES)


@v1.get("/overview", summary="Every KPI, the 12-month trends and the re-let months of the overview page")
async def overview_json(runtime: Runtime, _: Coordinator, view: AsOf) -> figures_.Overview:
    return await figures_.overview(runtime.database, view)


@v1.get("/kpis", summary="Every KPI as of a day (KPI 1-9)")
async def kpis_json(runtime: Runtime, _: Coordinator, view: AsOf) -> domain.Kpis:
    return await service.kpis_in(runtime.database, view)


@v1.get("/trends", summary="The overview's trend lines at the end of each of the last 12 months")
async def trends_json(runtime: Runtime, _: Coordinator, view: AsOf) -> list[figures_.TrendPoint]:
    return (await figures_.overview(runtime.database, view)).trend


@v1.get("/flow", summary="Cases per stage and the time between steps")
async def flow_json(runtime: Runtime, _: Coordinator, view: AsOf) -> figures_.Flow:
    return await figures_.flow(runtime.database, view)


@v1.get("/flow/cases", summary="The cases of one step (and bucket), a page at a time")
async def flow_cases_json(_: Coordinator, shown: StepCases) -> figures_.CasePage[domain.StepCase]:
    return shown


@v1.get("/flow/stages/{stage}", summary="The cases standing in one stage")
async def flow_stage_json(_: Coordinator, shown: StageCases) -> figures_.CasePage[domain.StageCase]:
    return shown


@v1.get("/stuck", summary="Stuck cases (KPI 9) under the coordinators' thresholds")
async def stuck_json(runtime: Runtime, _: Coordinator, view: AsOf) -> list[domain.StuckCase]:
    return (await service.kpis_in(runtime.database, view)).stuck


@v1.get("/dwellings/{dwelling_id}/voids", summary="One dwelling's voids (KPI 5)")
async def dwelling_voids_json(
    dwelling_id: str, runtime: Runtime, _: Coordinator, view: AsOf
) -> figures_.DwellingFigures:
    return await figures_.dwelling(runtime.database, view, dwelling_id)


@v1.get("/reports", summary="The reports' names")
async def reports_json(_: Coordinator) -> list[str]:
    return list(reports.REPORTS)


@v1.get("/reports/{name}", summary="One report as a table (the page's and the CSV's rows)")
async def report_json(name: str, runtime: Runtime, _: Coordinator, view: AsOf) -> reports.Report:
    if name not in reports.REPORTS:
        raise HTTPException(404, f"no report named {name!r}; there are {', '.join(reports.REPORTS)}")
    return (await figures_.report(runtime.database, view, name)).report
