"""The integrations API under /v1: webhook subscriptions and their deliveries, the event types an integrator
is granted, the published contracts and guide, and the property-system import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import PlainTextResponse

from boligflyt.contracts.envelope import schema_url
from boligflyt.contracts.registry import specs
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
    EventType,
    ImportReport,
    PauseIn,
    Ping,
    Redrive,
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
            runtime.database, principal, body, production=in_production(runtime), cipher=cipher
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
        return Ping(delivered=await delivery.ping(row, settings, production=in_production(runtime)))

    @router.get("/webhooks/{subscription_id}/deliveries", response_model=Page[Delivery], tags=["webhooks"])
    async def list_deliveries(
        subscription_id: str,
        database: DatabaseDep,
        principal: Integrator,
        page: PageRequestDep,
        status: Annotated[DeliveryStatus | None, Query(description="Only these.")] = None,
    ) -> Page[Delivery]:
        """The delivery log, newest first."""
        items, total = await service.list_deliveries(database, principal, subscription_id, page, status)
        return Page(items=items, total=total, limit=page.limit, offset=page.offset)

    @router.get("/webhooks/{subscription_id}/deliveries/{delivery_id}", response_model=Delivery, tags=["webhooks"])
    async def get_delivery(
        subscription_id: str, delivery_id: str, database: DatabaseDep, principal: Integrator
    ) -> Delivery:
        return await service.get_delivery(database, principal, subscription_id, delivery_id)

    @router.post("/webhooks/{subscription_id}/deliveries/redrive", response_model=Redrive, tags=["webhooks"])
    async def redrive_deliveries(subscription_id: str, database: DatabaseDep, principal: Integrator) -> Redrive:
        """Put every failed delivery back to pending (each first in its key's order)."""
        return Redrive(redriven=await service.redrive(database, principal, subscription_id))

    @router.get("/event-types", response_model=list[EventType], tags=["contracts"])
    async def granted_event_types(principal: Integrator) -> list[EventType]:
        """The catalogue's event types the caller's scopes grant."""
        granted = domain.granted_types(principal.scopes, service.catalogue_types())
        return [
            EventType(
                type=spec.type,
                producer=spec.producer,
                key_field=spec.key_field,
                summary=spec.summary,
                description=spec.description,
                schema_url=schema_url(spec.type),
            )
            for spec in specs()
            if spec.type in granted
        ]

    # --- published contracts ---------------------------------------------------------------------------

    @router.get(
        "/contracts/asyncapi.yaml",
        response_class=PlainTextResponse,
        tags=["contracts"],
        responses={200: {"content": {"application/yaml": {}}}},
    )
    async def asyncapi(_principal: Anyone) -> PlainTextResponse:
        """The AsyncAPI 3.0 document of every topic and event."""
        return PlainTextResponse(published.asyncapi_document(), media_type="application/yaml")

    @router.get(
        "/contracts/schemas/{event_type}.json",
        tags=["contracts"],
        responses={200: {"content": {"application/schema+json": {}}}},
    )
    async def event_schema(event_type: str, _principal: Anyone) -> Response:
        """The JSON Schema of one event type's data."""
        document = published.schema_document(event_type)
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
    ) -> ImportReport:
        """Import the property system's export (`text/csv` or `application/json`) into the dwelling register."""
        source_format = format or _format_of(request.headers.get("content-type", ""))
        raw = await request.body()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RuleViolation("the export must be UTF-8", code="unreadable-export") from exc
        report = await run_import(
            runtime.database, register_factory(runtime), text, source_format, actor=principal.actor
        )
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
