"""Wires the Integrations service to the platform.

It consumes every topic (each event may be some subscription's delivery) and publishes nothing of its own.
`build_definition` takes the delivery settings and the dwelling register, so tests can make retries fast and
put a fake register in place of the maintenance service.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import structlog

from boligflyt.contracts.registry import specs
from boligflyt.integrations.api import RegisterFactory, build_router, in_production, maintenance_register
from boligflyt.integrations.delivery import DeliveryWorker, prune_delivery_log, record_deliveries
from boligflyt.integrations.models import WebhookSubscription
from boligflyt.integrations.property_import import import_file
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.platform.auth import Agency
from boligflyt.platform.db import utcnow
from boligflyt.platform.inbox import EventHandlers
from boligflyt.platform.runtime import PeriodicJob, ServiceDefinition, ServiceRuntime, create_service_app

log = structlog.get_logger(__name__)

SCHEDULE_ACTOR = "system:property-import-schedule"


def delivery_worker(runtime: ServiceRuntime, settings: IntegrationsSettings) -> DeliveryWorker:
    """The runtime's one worker, made on first use."""
    worker = getattr(runtime.app.state, "delivery_worker", None)
    if not isinstance(worker, DeliveryWorker):
        worker = DeliveryWorker(runtime.database, settings, production=in_production(runtime))
        runtime.app.state.delivery_worker = worker
    return worker


def delivery_job(settings: IntegrationsSettings) -> Callable[[ServiceRuntime], Awaitable[None]]:
    async def deliver_webhooks(runtime: ServiceRuntime) -> None:
        """Start work for subscriptions with due deliveries and stay while any of it runs.

        Per-subscription tasks outlive one tick (a hanging receiver must not hold up the others' next work),
        so the job returns only when none is in flight: a stop that cancels the job while they run lands
        here and takes them down too. With nothing due it returns at once (cheap for `run_jobs`).
        """
        worker = delivery_worker(runtime, settings)
        try:
            while True:
                try:
                    await worker.tick()
                except Exception as exc:  # the database away: try again next time, not in a tight loop
                    log.warning("webhooks.tick_failed", error=repr(exc))
                if not worker.in_flight:
                    return
                await worker.wait(settings.poll_seconds)
        except asyncio.CancelledError:
            await worker.close()
            runtime.app.state.delivery_worker = None
            raise

    return deliver_webhooks


def property_import_job(
    settings: IntegrationsSettings, register_factory: RegisterFactory
) -> Callable[[ServiceRuntime], Awaitable[None]]:
    async def import_property_export(runtime: ServiceRuntime) -> None:
        """Import the configured export file; unchanged objects cost nothing, so running often is cheap."""
        path = settings.property_export_path
        if path is None or not path.is_file():
            return
        report = await import_file(runtime.database, register_factory(runtime), path, actor=SCHEDULE_ACTOR)
        log.info(
            "property_import.scheduled",
            created=report.created,
            updated=report.updated,
            rejected=report.rejected,
            report=report.id,
        )

    return import_property_export


async def prune_delivery_log_job(runtime: ServiceRuntime, settings: IntegrationsSettings) -> None:
    await prune_delivery_log(runtime.database, utcnow() - timedelta(days=settings.delivery_log_retention_days))


def build_definition(
    settings: IntegrationsSettings | None = None, register_factory: RegisterFactory = maintenance_register
) -> ServiceDefinition:
    settings = settings or IntegrationsSettings.load()
    jobs = [
        PeriodicJob(run=delivery_job(settings), every_seconds=settings.poll_seconds),
        PeriodicJob(run=functools.partial(prune_delivery_log_job, settings=settings), every_seconds=3600.0),
    ]
    if settings.property_export_path is not None:
        jobs.append(
            PeriodicJob(
                run=property_import_job(settings, register_factory),
                every_seconds=settings.property_import_every_seconds,
            )
        )
    handlers = EventHandlers()
    handlers.on(*(spec.model for spec in specs()))(record_deliveries)
    return ServiceDefinition(
        name="integrations",
        title="Boligflyt: Integrations",
        description="Integrations: signed webhooks, Facilit-like property-system connector, published contracts.",
        routers=[build_router(settings, register_factory)],
        handlers=handlers,
        migrations=Path(__file__).resolve().parents[3] / "migrations",
        jobs=jobs,
        publishes=False,
        agency=Agency.integrator,
        scopes=("dwelling-register:write",),  # maintenance's POST /v1/dwelling-batches asks for it
        audit_readers=[Agency.coordinator],
        import_routes=[("POST", "/v1/property-imports")],  # a whole export: a larger body limit
        versioned={"subscription_id": WebhookSubscription},
    )


definition = build_definition()


def create_app() -> object:
    """Distributed mode: `uvicorn --factory boligflyt.integrations.main:create_app`."""
    return create_service_app(definition)
