"""The integrations API under /v1: webhook subscriptions and their deliveries, the event types an integrator
is granted, the published contracts and guide, and the property-system import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import AwareDatetime

from boligflyt.contracts.envelope import schema_url
from boligflyt.contracts.registry import specs
from boligflyt.contracts.webhooks import WEBHOOK_ONLY
from boligflyt.integrations import delivery, domain, published, service
from boligflyt.integrations.domain import DeliveryStatus, SubscriptionStatus
from boligflyt.integrations.property_import import (
    DwellingRegister,
    MaintenanceDwellingRegister,
    get_report,
    run_import,
)
from boligflyt.integrations.schemas import (
    Delivery,
    DeliveryDetail,
    EventType,
    ImportReport,
    PauseIn,
    Ping,
    Redrive,
    Replay,
    ReplayIn,
    RotatedSecret,
    Subscription,
    SubscriptionIn,
    SubscriptionPatch,
    SubscriptionWithSecret,
)
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.platform.auth import Agency, Principal, authenticated, require
from boligflyt.platform.errors import Forbidden, NotFound, RuleViolation
from boligflyt.platform.pagination import Page, PageRequestDep
from boligflyt.platform.runtime import DatabaseDep, RuntimeDep, ServiceRuntime

Integrator = Annotated[Principal, Depends(require(Agency.integrator))]
Anyone = Annotated[Principal, Depends(require())]


async def property_importer(principal: Annotated[Principal, Depends(authenticated)], request: Request) -> Principal:
    """LKE runs the import, or the property system itself with an integrator token and the import scope."""
    if principal.agency is Agency.lke:
        return principal
    if principal.agency is Agency.integrator and domain.PROPERTY_IMPORT_SCOPE in principal.scopes:
        return principal
    raise Forbidden(
        f"{request.method} {request.url.path} needs agency lke, "
        f"or agency integrator with scope {domain.PROPERTY_IMPORT_SCOPE}",
        extra={"required_scope": domain.PROPERTY_IMPORT_SCOPE},
    )


Importer = Annotated[Principal, Depends(property_importer)]


RegisterFactory = Callable[[ServiceRuntime], DwellingRegister]


def maintenance_register(runtime: ServiceRuntime) -> DwellingRegister:
    return MaintenanceDwellingRegister(lambda: runtime.service_client("maintenance"))


def in_production(runtime: ServiceRuntime) -> bool:
    """In production receivers must be globally routable; development and tests deliver to this machine."""
    return runtime.settings.environment == "production"


def build_router(settings: IntegrationsSettings, register_factory: RegisterFactory = maintenance_register) -> APIRouter:
    router = APIRouter(prefix="/v1")
    cipher = settings.secret_cipher

    # --- webhook subscriptions -------------------------------------------------------------------------

    @router.post("/webhooks", status_code=201, response_model=SubscriptionWithSecret, tags=["webhooks"])
    async def register_webhook(
        body: SubscriptionIn, runtime: RuntimeDep, principal: Integrator, response: Response
    ) -> SubscriptionWithSecret:
        """Register a receiver for the event types the patterns match; the answer holds its signing secret."""
        view, secret = await service.register(
            runtime.database,
            principal,
            body,
            production=in_production(runtime),
            cipher=cipher,
            bounds=settings.policy_bounds,
        )
        response.headers["Location"] = f"/v1/webhooks/{view.id}"
        return SubscriptionWithSecret(**view.model_dump(), secret=secret)

    @router.get("/webhooks", response_model=Page[Subscription], tags=["webhooks"])
    async def list_webhooks(
        database: DatabaseDep,
        principal: Integrator,
        page: PageRequestDep,
        status: Annotated[SubscriptionStatus | None, Query(description="Only these.")] = None,
    ) -> Page[Subscription]:
        """The caller's own subscriptions."""
        items, total = await service.list_owned(database, principal, page, status)
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    @router.get("/webhooks/{subscription_id}", response_model=Subscription, tags=["webhooks"])
    async def get_webhook(subscription_id: str, database: DatabaseDep, principal: Integrator) -> Subscription:
        return await service.get(database, principal, subscription_id)

    @router.patch("/webhooks/{subscription_id}", response_model=Subscription, tags=["webhooks"])
    async def change_webhook(
        subscription_id: str, body: SubscriptionPatch, runtime: RuntimeDep, principal: Integrator
    ) -> Subscription:
        """Change the URL, the event types (within the caller's grant) or the description."""
        return await service.change(
            runtime.database,
            principal,
            subscription_id,
            body,
            production=in_production(runtime),
            bounds=settings.policy_bounds,
        )

    @router.post("/webhooks/{subscription_id}/pause", response_model=Subscription, tags=["webhooks"])
    async def pause_webhook(
        subscription_id: str, database: DatabaseDep, principal: Integrator, body: PauseIn | None = None
    ) -> Subscription:
        """Stop sending; events still queue and go out in order once resumed."""
        return await service.pause(database, principal, subscription_id, body.reason if body else None)

    @router.post("/webhooks/{subscription_id}/resume", response_model=Subscription, tags=["webhooks"])
    async def resume_webhook(subscription_id: str, database: DatabaseDep, principal: Integrator) -> Subscription:
        """Send again; deliveries that had failed for good are queued again first."""
        return await service.resume(database, principal, subscription_id)

    @router.post("/webhooks/{subscription_id}/rotate-secret", response_model=RotatedSecret, tags=["webhooks"])
    async def rotate_webhook_secret(
        subscription_id: str, database: DatabaseDep, principal: Integrator
    ) -> RotatedSecret:
        """A new signing secret; the old one keeps signing beside it for the grace period."""
        secret, expires = await service.rotate_secret(
            database,
            principal,
            subscription_id,
            grace=timedelta(seconds=settings.secret_grace_seconds),
            cipher=cipher,
        )
        return RotatedSecret(secret=secret, previous_secret_expires_at=expires)

    @router.delete("/webhooks/{subscription_id}", status_code=204, tags=["webhooks"])
    async def delete_webhook(subscription_id: str, database: DatabaseDep, principal: Integrator) -> Response:
        """The subscription and its delivery log; nothing more is sent."""
        await service.delete(database, principal, subscription_id)
        return Response(status_code=204)

    @router.post("/webhooks/{subscription_id}/ping", response_model=Ping, tags=["webhooks"])
    async def ping_webhook(subscription_id: str, runtime: RuntimeDep, principal: Integrator) -> Ping:
        """Send a signed test event (`no.larvik.boligflyt.webhook.ping`) now and say whether the receiver took it."""
        row = await service.owned_subscription(runtime.database, principal, subscription_id)
        delivered = await delivery.ping(
            row, settings, runtime.settings.contracts_url, production=in_production(runtime)
        )
        return Ping(delivered=delivered)

    @router.get("/webhooks/{subscription_id}/deliveries", response_model=Page[Delivery], tags=["webhooks"])
    async def list_deliveries(
        subscription_id: str,
        database: DatabaseDep,
        principal: Integrator,
        page: PageRequestDep,
        status: Annotated[DeliveryStatus | None, Query(description="Only these.")] = None,
        event_type: Annotated[
            str | None, Query(max_length=200, description="Only this event type (short form allowed).")
        ] = None,
        event_id: Annotated[str | None, Query(max_length=64, description="Only this event's deliveries.")] = None,
        since: Annotated[AwareDatetime | None, Query(description="Recorded at or after this moment.")] = None,
        until: Annotated[AwareDatetime | None, Query(description="Recorded before this moment.")] = None,
        replay_id: Annotated[str | None, Query(max_length=40, description="Only this replay's deliveries.")] = None,
    ) -> Page[Delivery]:
        """The delivery log, newest first; each delivery's body and attempts are in its own entry."""
        filters = service.DeliveryFilters(
            status=status, event_type=event_type, event_id=event_id, since=since, until=until, replay_id=replay_id
        )
        items, total = await service.list_deliveries(database, principal, subscription_id, page, filters)
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    @router.get(
        "/webhooks/{subscription_id}/deliveries/{delivery_id}", response_model=DeliveryDetail, tags=["webhooks"]
    )
    async def get_delivery(
        subscription_id: str, delivery_id: str, database: DatabaseDep, principal: Integrator
    ) -> DeliveryDetail:
        """One delivery: the body as sent and signed, and the status and timing of every attempt."""
        return await service.get_delivery(database, principal, subscription_id, delivery_id)

    @router.post("/webhooks/{subscription_id}/replays", status_code=201, response_model=Replay, tags=["webhooks"])
    async def replay_events(
        subscription_id: str, body: ReplayIn, database: DatabaseDep, principal: Integrator
    ) -> Replay:
        """Deliver the subscription's events of a time range (or from one event on) again: signed, in order per
        key, each with the `boligflyt-replay` header; bounded by the operator, audited."""
        return await service.replay(
            database,
            principal,
            subscription_id,
            body,
            max_events=settings.replay_max_events,
            max_range=timedelta(days=settings.replay_max_range_days),
        )

    @router.post("/webhooks/{subscription_id}/deliveries/redrive", response_model=Redrive, tags=["webhooks"])
    async def redrive_deliveries(subscription_id: str, database: DatabaseDep, principal: Integrator) -> Redrive:
        """Put every failed delivery back to pending (each first in its key's order)."""
        return Redrive(redriven=await service.redrive(database, principal, subscription_id))

    @router.get("/event-types", response_model=list[EventType], tags=["contracts"])
    async def granted_event_types(principal: Integrator, runtime: RuntimeDep) -> list[EventType]:
        """The catalogue's event types the caller's scopes grant."""
        granted = domain.granted_types(principal.scopes, service.catalogue_types())
        base = runtime.settings.contracts_url
        types = [
            EventType(
                type=spec.type,
                producer=spec.producer,
                key_field=spec.key_field,
                summary=spec.summary,
                description=spec.description,
                schema_url=schema_url(spec.type, base),
            )
            for spec in specs()
            if spec.type in granted
        ]
        # The ping goes to every subscription whatever it is granted, so every integrator sees it listed.
        for event_type, model in sorted(WEBHOOK_ONLY.items()):
            doc = (model.__doc__ or "").strip()
            types.append(
                EventType(
                    type=event_type,
                    producer="integrations",
                    key_field="subscription_id",
                    summary=doc.split("\n", 1)[0],
                    description=doc,
                    schema_url=schema_url(event_type, base),
                )
            )
        return types

    # --- published contracts ---------------------------------------------------------------------------

    # The published contracts need no token: they hold no data, and a schema tool following an event's
    # `dataschema` (or a schema's `$id`) must be able to fetch them.

    @router.get(
        "/contracts/asyncapi.yaml",
        response_class=PlainTextResponse,
        tags=["contracts"],
        responses={200: {"content": {"application/yaml": {}}}},
    )
    async def asyncapi(runtime: RuntimeDep) -> PlainTextResponse:
        """The AsyncAPI 3.0 document of every topic and event."""
        document = published.asyncapi_document(runtime.settings.contracts_url)
        return PlainTextResponse(document, media_type="application/yaml")

    @router.get("/contracts", response_class=HTMLResponse, tags=["contracts"])
    async def asyncapi_page(runtime: RuntimeDep) -> HTMLResponse:
        """The AsyncAPI document as a readable page: topics, event types, keys, links to each schema."""
        return HTMLResponse(published.asyncapi_page(runtime.settings.contracts_url))

    @router.get(
        "/contracts/schemas/{event_type}.json",
        tags=["contracts"],
        responses={200: {"content": {"application/schema+json": {}}}},
    )
    async def event_schema(event_type: str, runtime: RuntimeDep) -> Response:
        """The JSON Schema of one event type's data; its `$id` is this URL."""
        document = published.schema_document(event_type, runtime.settings.contracts_url)
        if document is None:
            raise NotFound(f"no event type {event_type} in the catalogue")
        return Response(document, media_type="application/schema+json")

    @router.get(
        "/guide",
        response_class=PlainTextResponse,
        tags=["contracts"],
        responses={200: {"content": {"text/markdown": {}}}},
    )
    async def integrator_guide(_principal: Anyone) -> PlainTextResponse:
        """How to subscribe, verify a signature, consume Kafka directly, and what each event means."""
        return PlainTextResponse(published.guide(), media_type="text/markdown; charset=utf-8")

    # --- property-system import ------------------------------------------------------------------------

    @router.post("/property-imports", status_code=201, response_model=ImportReport, tags=["property system"])
    async def import_property_export(
        request: Request,
        runtime: RuntimeDep,
        principal: Importer,
        response: Response,
        format: Annotated[
            str | None, Query(pattern="^(csv|json)$", description="Overrides the Content-Type: csv or json.")
        ] = None,
        dry_run: Annotated[
            bool, Query(description="Report what the import would change, and change nothing (200, not stored).")
        ] = False,
    ) -> ImportReport:
        """Import the property system's export (`text/csv` or `application/json`) into the dwelling register."""
        source_format = format or _format_of(request.headers.get("content-type", ""))
        raw = await request.body()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RuleViolation("the export must be UTF-8", code="unreadable-export") from exc
        report = await run_import(
            runtime.database, register_factory(runtime), text, source_format, actor=principal.actor, dry_run=dry_run
        )
        if dry_run:
            response.status_code = 200  # nothing was created
        else:
            response.headers["Location"] = f"/v1/property-imports/{report.id}"
        return report

    @router.get("/property-imports/{import_id}", response_model=ImportReport, tags=["property system"])
    async def get_property_import(import_id: str, database: DatabaseDep, _principal: Importer) -> ImportReport:
        report = await get_report(database, import_id)
        if report is None:
            raise NotFound(f"no property import {import_id}")
        return report

    return router


def _format_of(content_type: str) -> str:
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type in {"text/csv", "application/csv"}:
        return "csv"
    if media_type == "application/json" or media_type.endswith("+json"):
        return "json"
    raise RuleViolation(
        f"send the export as text/csv or application/json (or say ?format=), not {media_type or 'no type'}",
        code="unknown-export-format",
    )
