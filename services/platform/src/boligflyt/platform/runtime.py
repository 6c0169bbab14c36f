"""How a service runs: its database, outbox relay, inbox consumer, background jobs and FastAPI app.

The same service code runs two ways (docs/architecture.md): alone in its own process with its own bus client
(`create_service_app`, distributed mode), or beside every other service in one process sharing the embedded
log (`create_embedded_app`). Services never know which.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import httpx
import structlog
from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.routing import APIRoute
from sqlalchemy.orm import DeclarativeBase
from starlette.types import ASGIApp

from boligflyt.contracts.topics import dead_letter_topic, topic_for
from boligflyt.platform import idempotency
from boligflyt.platform.audit import audit_router
from boligflyt.platform.auth import Agency, TokenVerifier, mint_token
from boligflyt.platform.bus import EventBus, create_bus
from boligflyt.platform.client_api import install_client_api
from boligflyt.platform.clock import Clock, SystemClock
from boligflyt.platform.concurrency import resource_precondition
from boligflyt.platform.db import Database, utcnow
from boligflyt.platform.edge import install_request_edge
from boligflyt.platform.health import health_router
from boligflyt.platform.inbox import EventHandlers, InboxConsumer, RetryPolicy
from boligflyt.platform.jobs import every
from boligflyt.platform.migrate import migrate
from boligflyt.platform.observability import (
    RequestContextMiddleware,
    configure_logging,
    continue_trace,
    current_traceparent,
)
from boligflyt.platform.oidc import ClientCredentials
from boligflyt.platform.outbox import OutboxRelay
from boligflyt.platform.problems import PROBLEM_RESPONSES, install_problem_handlers
from boligflyt.platform.settings import Settings

log = structlog.get_logger(__name__)

# How often the expired Idempotency-Keys are deleted (an expired one counts as absent meanwhile).
IDEMPOTENCY_SWEEP_SECONDS = 3600.0


@dataclass(frozen=True)
class PeriodicJob:
    """Work a service does by the clock (offer deadlines, the 90-day rule). Must be idempotent: see jobs.py."""

    run: Callable[[ServiceRuntime], Awaitable[object]]
    every_seconds: float = 60.0


@dataclass(frozen=True)
class ServiceDefinition:
    """What a service's main.py declares about itself."""

    name: str  # also its URL prefix in embedded mode, its topic suffix and its consumer group
    title: str
    description: str
    routers: Sequence[APIRouter] = ()
    handlers: EventHandlers = field(default_factory=EventHandlers)
    migrations: Path | None = None
    jobs: Sequence[PeriodicJob] = ()
    version: str = "0.1.0"
    # Topics this service publishes to; the dashboard and integrations publish nothing of their own.
    publishes: bool = True
    # The agency the service acts for when it calls another service's API.
    agency: Agency | None = None
    # Scopes its own token carries on those calls (with an identity provider: what BOLIGFLYT_SERVICE_TOKEN must grant).
    scopes: Sequence[str] = ()
    # Who may read its audit log at GET /v1/audit; nobody (no route) when empty.
    audit_readers: Sequence[Agency] = ()
    # Routes that take a bulk import, as (method, path): their bodies may be up to settings.max_import_body_bytes
    # instead of settings.max_body_bytes (edge.py).
    import_routes: Sequence[tuple[str, str]] = ()
    # The resources a client updates, by the path parameter that names one: {"application_id": Application}.
    # Each model is `concurrency.Versioned`; a route's resource gets an ETag and honours If-Match.
    versioned: Mapping[str, type[DeclarativeBase]] = field(default_factory=dict)
    # Anything else the service's app needs once built (the dashboard: its session middleware).
    configure: Callable[[FastAPI, Settings], None] | None = None

    @property
    def topic(self) -> str:
        return topic_for(self.name)


def operation_id(route: APIRoute) -> str:
    """An endpoint's OpenAPI operationId: its function's name (`submit_application`), which the generated client
    (clients/python) takes for its function; FastAPI's default would append the path and method."""
    return route.name


class ServiceRuntime:
    """One running service. Start it before serving requests; stop it to end its tasks cleanly."""

    def __init__(
        self, definition: ServiceDefinition, settings: Settings, bus: EventBus, clock: Clock | None = None
    ) -> None:
        self.definition = definition
        self.settings = settings
        self.bus = bus
        self.database = Database(settings.database_url(definition.name), service=definition.name)
        self.database.contracts_base_url = settings.contracts_url
        self.database.idempotency_ttl_seconds = settings.idempotency_ttl_seconds
        self.clock = clock or SystemClock()
        self._machine_token: ClientCredentials | None = None
        self.relay = OutboxRelay(
            self.database,
            bus,
            batch_size=settings.outbox_batch_size,
            poll_seconds=settings.outbox_poll_seconds,
        )
        self.consumer = (
            InboxConsumer(
                name=definition.name,
                database=self.database,
                bus=bus,
                handlers=definition.handlers,
                retry=RetryPolicy(
                    max_attempts=settings.consumer_max_attempts,
                    backoff_seconds=settings.consumer_backoff_seconds,
                    backoff_max_seconds=settings.consumer_backoff_max_seconds,
                ),
            )
            if definition.handlers.handled_types
            else None
        )
        self._tasks: list[asyncio.Task[None]] = []
        # Other services reachable in this process (embedded host, tests): called without the network.
        self.local_services: dict[str, ASGIApp] = {}
        self.app = self._build_app()

    @property
    def clock(self) -> Clock:
        return self.database.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        """One clock for the service's requests, jobs and reactions (a test or the demo sets its own)."""
        self.database.clock = clock

    def _build_app(self, lifespan: Any = None) -> FastAPI:
        definition = self.definition
        app = FastAPI(
            title=definition.title,
            description=definition.description,
            version=definition.version,
            lifespan=lifespan,
            responses=PROBLEM_RESPONSES,
            generate_unique_id_function=operation_id,
            # Finds the route's versioned resource: its ETag, and If-Match checked (concurrency.py).
            dependencies=[Depends(resource_precondition)],
        )
        app.state.runtime = self
        app.state.settings = self.settings
        app.state.token_verifier = TokenVerifier(self.settings)
        install_problem_handlers(app)
        # Inside the edge: a body is limited before an Idempotency-Key's request is read to fingerprint it.
        install_client_api(app, self)
        # Added before the request context middleware, so inside it: a refused request is still traced and counted.
        install_request_edge(app, self.settings, definition.import_routes)
        app.add_middleware(RequestContextMiddleware, service=definition.name)
        app.include_router(health_router({"database": self.database.ping, "bus": self.bus.ping}))
        for router in definition.routers:
            app.include_router(router)
        if definition.audit_readers:
            app.include_router(audit_router(self.database, definition.audit_readers))
        if definition.configure is not None:
            definition.configure(app, self.settings)
        return app

    async def start(self, *, run_tasks: bool = True) -> None:
        """Migrate, make sure the topics exist, and (unless a test drives them by hand) start the tasks."""
        await migrate(self.database, self.definition.migrations)
        topics = [self.definition.topic] if self.definition.publishes else []
        topics += self.definition.handlers.topics  # a consumer may start before the producer has ever run
        if topics:
            with contextlib.suppress(Exception):  # a broker that is down now gets the topics auto-created later
                await self.bus.ensure_topics(sorted({*topics, *map(dead_letter_topic, topics)}))
        if not run_tasks:
            return
        self._spawn(self.relay.run(), "outbox-relay")
        self._spawn(every(IDEMPOTENCY_SWEEP_SECONDS, sweep_idempotency_keys)(self), "idempotency-sweep")
        if self.consumer is not None:
            self._spawn(self.consumer.run(), "inbox-consumer")
        for job in self.definition.jobs:
            self._spawn(every(job.every_seconds, job.run)(self), getattr(job.run, "__name__", "job"))
        log.info("service.started", service=self.definition.name, database=self.database.dialect)

    def _spawn(self, coroutine: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(coroutine, name=f"{self.definition.name}:{name}")
        task.add_done_callback(self._report_crash)
        self._tasks.append(task)

    def _report_crash(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error(
                "service.task_crashed", service=self.definition.name, task=task.get_name(), error=repr(task.exception())
            )

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if self.consumer is not None:
            await self.consumer.close()
        await self.database.dispose()
        log.info("service.stopped", service=self.definition.name)

    def service_client(self, service: str) -> httpx.AsyncClient:
        """An HTTP client for another service's API, carrying this service's own token.

        In one process the call goes straight to the other app; otherwise to settings.service_url(service).
        """
        if self.definition.agency is None:
            raise RuntimeError(f"{self.definition.name} declares no agency to call other services as")
        auth: httpx.Auth | None = None
        token: str | None = None
        if self.settings.uses_identity_provider:
            auth = self._client_credentials()
            token = self.settings.service_token
            if auth is None and not token:
                raise RuntimeError(
                    "BOLIGFLYT_OIDC_CLIENT_ID and _SECRET (or BOLIGFLYT_SERVICE_TOKEN) are needed to call others"
                )
        else:
            token = mint_token(
                self.settings,
                subject=f"service:{self.definition.name}",
                agency=self.definition.agency,
                scopes=self.definition.scopes,
                ttl_seconds=300,
            )
        headers = {"traceparent": continue_trace(current_traceparent())}
        if auth is None:
            headers["Authorization"] = f"Bearer {token}"
        local = self.local_services.get(service)
        if local is not None:
            return httpx.AsyncClient(
                transport=httpx.ASGITransport(app=local),
                base_url=f"http://{service}",
                headers=headers,
                auth=auth,
                timeout=30,
            )
        return httpx.AsyncClient(base_url=self.settings.service_url(service), headers=headers, auth=auth, timeout=30)

    def _client_credentials(self) -> httpx.Auth | None:
        """This service's own client at the identity provider, when it has one: one token source per process."""
        settings = self.settings
        if not (settings.jwt_discovery_url and settings.oidc_client_id and settings.oidc_client_secret):
            return None
        if self._machine_token is None:
            self._machine_token = ClientCredentials(
                settings.jwt_discovery_url, settings.oidc_client_id, settings.oidc_client_secret
            )
        return BearerFrom(self._machine_token)


async def sweep_idempotency_keys(runtime: ServiceRuntime) -> int:
    """Delete the expired Idempotency-Keys of the service's database; returns how many."""
    database = runtime.database
    async with database.write_turn(), database.sessions() as session:
        swept = await idempotency.sweep(session, utcnow())
        await session.commit()
    return swept


class BearerFrom(httpx.Auth):
    """Puts a machine token from the identity provider on each request, renewed as it nears its expiry."""

    def __init__(self, source: ClientCredentials) -> None:
        self._source = source

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        request.headers["Authorization"] = f"Bearer {await self._source.token()}"
        yield request


# The dependencies are coroutines although they never wait: FastAPI runs a plain function dependency in its thread
# pool, and two or three hops to a thread and back were a noticeable part of a request's CPU (and of its latency
# once the threads contend for the GIL under load).
async def get_runtime(request: Request) -> ServiceRuntime:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime


async def get_database(request: Request) -> Database:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime.database


async def get_clock(request: Request) -> Clock:
    runtime: ServiceRuntime = request.app.state.runtime
    return runtime.clock


RuntimeDep = Annotated[ServiceRuntime, Depends(get_runtime)]
DatabaseDep = Annotated[Database, Depends(get_database)]
ClockDep = Annotated[Clock, Depends(get_clock)]


def create_service_app(definition: ServiceDefinition, settings: Settings | None = None) -> FastAPI:
    """Distributed mode: this service alone in its process, with a bus client of its own."""
    settings = settings or Settings()
    configure_logging(settings)
    bus = create_bus(settings)
    runtime = ServiceRuntime(definition, settings, bus)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await bus.start()
        await runtime.start()
        try:
            yield
        finally:
            await runtime.stop()
            await bus.stop()

    runtime.app.router.lifespan_context = lifespan
    return runtime.app


def create_embedded_app(
    definitions: Sequence[ServiceDefinition],
    settings: Settings | None = None,
    *,
    root_service: str | None = None,
) -> FastAPI:
    """Embedded mode: every service in one process, each at /<name>, sharing the embedded log."""
    settings = settings or Settings()
    configure_logging(settings)
    bus = create_bus(settings)
    runtimes = [ServiceRuntime(definition, settings, bus) for definition in definitions]

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await bus.start()
        started: list[ServiceRuntime] = []
        try:
            for runtime in runtimes:
                await runtime.start()
                started.append(runtime)
            yield
        finally:
            for runtime in reversed(started):
                await runtime.stop()
            await bus.stop()

    for runtime in runtimes:
        runtime.local_services = {other.definition.name: other.app for other in runtimes}
    host = FastAPI(title="Boligflyt", lifespan=lifespan)
    host.state.runtimes = {runtime.definition.name: runtime for runtime in runtimes}
    host.state.bus = bus
    host.state.settings = settings
    # Mounted in order, the root last: Starlette matches mounts in the order they were added.
    for runtime in sorted(runtimes, key=lambda r: r.definition.name == root_service):
        prefix = "" if runtime.definition.name == root_service else f"/{runtime.definition.name}"
        host.mount(prefix or "/", runtime.app)
    return host
