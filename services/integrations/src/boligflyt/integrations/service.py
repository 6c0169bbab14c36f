"""Use cases of webhook subscriptions: register, read, pause, resume, rotate the secret, delete, redrive, and
reseal the stored secrets after a key rotation.

Each opens one unit of work and writes an audit row beside its change. Deliveries are scheduled by the wall
clock (`utcnow`), not the domain clock: receivers check the signature's timestamp against their own clock.
Signing secrets are stored sealed (`secret_cipher.py`); the plain secret is only ever in the answer that
creates it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy import delete as sa_delete

from boligflyt.contracts.registry import specs
from boligflyt.integrations import addresses, domain
from boligflyt.integrations.domain import DeliveryStatus, PausedBy, SubscriptionStatus
from boligflyt.integrations.models import WebhookDelivery, WebhookSubscription
from boligflyt.integrations.schemas import Delivery, Subscription, SubscriptionIn, SubscriptionPatch
from boligflyt.integrations.secret_cipher import SecretCipher
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, UnitOfWork, utcnow
from boligflyt.platform.errors import NotFound
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page


def catalogue_types() -> list[str]:
    return [spec.type for spec in specs()]


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; every time here is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def subscription_view(row: WebhookSubscription) -> Subscription:
    return Subscription(
        id=row.id,
        url=row.url,
        event_types=list(row.patterns),
        matched_event_types=[t for t in catalogue_types() if domain.subscribed(t, row.patterns, row.granted)],
        description=row.description,
        status=SubscriptionStatus(row.status),
        paused_by=PausedBy(row.paused_by) if row.paused_by else None,
        paused_reason=row.paused_reason,
        paused_at=aware(row.paused_at),
        previous_secret_expires_at=aware(row.previous_secret_expires_at),
        created_at=aware(row.created_at) or row.created_at,
        updated_at=aware(row.updated_at) or row.updated_at,
    )


def delivery_view(row: WebhookDelivery) -> Delivery:
    return Delivery(
        id=row.id,
        seq=row.seq,
        event_id=row.event_id,
        event_type=row.event_type,
        key=row.key,
        status=DeliveryStatus(row.status),
        attempts=row.attempts,
        next_attempt_at=aware(row.next_attempt_at) if row.status == DeliveryStatus.PENDING else None,
        first_attempt_at=aware(row.first_attempt_at),
        last_attempt_at=aware(row.last_attempt_at),
        last_status_code=row.last_status_code,
        last_error=row.last_error,
        latency_ms=row.latency_ms,
        succeeded_at=aware(row.succeeded_at),
        created_at=aware(row.created_at) or row.created_at,
    )


def _theirs(row: WebhookSubscription | None, principal: Principal, subscription_id: str) -> WebhookSubscription:
    # Another integrator's subscription is as unknown as one that does not exist.
    if row is None or row.owner != principal.subject:
        raise NotFound(f"no webhook subscription {subscription_id}")
    return row


async def _owned(uow: UnitOfWork, principal: Principal, subscription_id: str) -> WebhookSubscription:
    return _theirs(await uow.session.get(WebhookSubscription, subscription_id), principal, subscription_id)


async def register(
    database: Database, principal: Principal, body: SubscriptionIn, *, production: bool, cipher: SecretCipher
) -> tuple[Subscription, str]:
    domain.check_subscription_patterns(body.event_types, principal.scopes, catalogue_types())
    url = await addresses.check_receiver_url(body.url, production=production)
    patterns = list(dict.fromkeys(domain.normalise_pattern(p) for p in body.event_types))
    now = utcnow()
    secret = domain.new_secret()
    row = WebhookSubscription(
        id=new_id("wh"),
        owner=principal.subject,
        url=url,
        patterns=patterns,
        granted=domain.granted_patterns(principal.scopes),
        description=body.description,
        status=SubscriptionStatus.ACTIVE.value,
        secret=cipher.seal(secret),
        created_at=now,
        updated_at=now,
    )
    async with database.unit_of_work(principal.actor) as uow:
        uow.session.add(row)
        uow.audit("webhook.registered", "webhook_subscription", row.id, detail={"url": url, "patterns": patterns})
        await uow.commit()
    return subscription_view(row), secret


async def change(
    database: Database, principal: Principal, subscription_id: str, body: SubscriptionPatch, *, production: bool
) -> Subscription:
    """A new URL, patterns or description; deliveries already queued keep their order and go to the new URL."""
    if body.event_types is not None:
        domain.check_subscription_patterns(body.event_types, principal.scopes, catalogue_types())
    url = await addresses.check_receiver_url(body.url, production=production) if body.url is not None else None
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        changed: dict[str, Any] = {}
        if url is not None:
            row.url = changed["url"] = url
        if body.event_types is not None:
            row.patterns = changed["patterns"] = list(
                dict.fromkeys(domain.normalise_pattern(p) for p in body.event_types)
            )
            row.granted = domain.granted_patterns(principal.scopes)
        if "description" in body.model_fields_set:
            row.description = changed["description"] = body.description
        row.updated_at = utcnow()
        uow.audit("webhook.changed", "webhook_subscription", row.id, detail=changed)
        await uow.commit()
        return subscription_view(row)


async def owned_subscription(database: Database, principal: Principal, subscription_id: str) -> WebhookSubscription:
    """The row itself, for the worker-side code that sends to it (ping)."""
    async with database.sessions() as session:
        return _theirs(await session.get(WebhookSubscription, subscription_id), principal, subscription_id)


async def get(database: Database, principal: Principal, subscription_id: str) -> Subscription:
    async with database.unit_of_work(principal.actor) as uow:
        return subscription_view(await _owned(uow, principal, subscription_id))


async def list_owned(
    database: Database, principal: Principal, page: PageRequest, status: SubscriptionStatus | None
) -> tuple[list[Subscription], int]:
    query: Select[Any] = select(WebhookSubscription).where(WebhookSubscription.owner == principal.subject)
    if status is not None:
        query = query.where(WebhookSubscription.status == status.value)
    async with database.sessions() as session:
        rows, total = await fetch_page(session, query.order_by(WebhookSubscription.created_at), page)
    return [subscription_view(r) for r in rows], total


async def pause(database: Database, principal: Principal, subscription_id: str, reason: str | None) -> Subscription:
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        domain.check_can_pause(SubscriptionStatus(row.status))
        now = utcnow()
        row.status = SubscriptionStatus.PAUSED.value
        row.paused_by = PausedBy.OWNER.value
        row.paused_reason = reason or "paused by its owner"
        row.paused_at = now
        row.updated_at = now
        uow.audit("webhook.paused", "webhook_subscription", row.id, reason=row.paused_reason)
        await uow.commit()
        return subscription_view(row)


async def resume(database: Database, principal: Principal, subscription_id: str) -> Subscription:
    """Active again; deliveries that had failed for good go back to pending, first in their key's order."""
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        domain.check_can_resume(SubscriptionStatus(row.status))
        now = utcnow()
        row.status = SubscriptionStatus.ACTIVE.value
        row.paused_by = row.paused_reason = row.paused_at = None
        row.updated_at = now
        redriven = await _redrive_failed(uow, row.id, now)
        uow.audit("webhook.resumed", "webhook_subscription", row.id, detail={"redriven": redriven})
        await uow.commit()
        return subscription_view(row)


async def rotate_secret(
    database: Database, principal: Principal, subscription_id: str, *, grace: timedelta, cipher: SecretCipher
) -> tuple[str, datetime]:
    secret = domain.new_secret()
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        now = utcnow()
        row.previous_secret = row.secret  # still sealed
        row.previous_secret_expires_at = now + grace
        row.secret = cipher.seal(secret)
        row.updated_at = now
        uow.audit("webhook.secret_rotated", "webhook_subscription", row.id)
        await uow.commit()
        return secret, now + grace


async def reseal_secrets(database: Database, cipher: SecretCipher, actor: str) -> int:
    """Seal every stored secret with the cipher's first key, after a new key was put first; returns how many
    subscriptions were resealed. Once it has run, the old key can be dropped."""
    async with database.unit_of_work(actor) as uow:
        rows = (await uow.session.execute(select(WebhookSubscription).with_for_update())).scalars().all()
        for row in rows:
            row.secret = cipher.reseal(row.secret)
            if row.previous_secret is not None:
                row.previous_secret = cipher.reseal(row.previous_secret)
            uow.audit("webhook.secret_resealed", "webhook_subscription", row.id)
        await uow.commit()
    return len(rows)


async def delete(database: Database, principal: Principal, subscription_id: str) -> None:
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        # Explicitly, not by cascade: SQLite enforces foreign keys only where the pragma is on.
        await uow.session.execute(sa_delete(WebhookDelivery).where(WebhookDelivery.subscription_id == row.id))
        await uow.session.delete(row)
        uow.audit("webhook.deleted", "webhook_subscription", subscription_id, detail={"url": row.url})
        await uow.commit()


async def _redrive_failed(uow: UnitOfWork, subscription_id: str, now: datetime) -> int:
    result = await uow.session.execute(
        update(WebhookDelivery)
        .where(
            WebhookDelivery.subscription_id == subscription_id,
            WebhookDelivery.status == DeliveryStatus.FAILED.value,
        )
        .values(status=DeliveryStatus.PENDING.value, attempts=0, next_attempt_at=now, first_attempt_at=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def redrive(database: Database, principal: Principal, subscription_id: str) -> int:
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        redriven = await _redrive_failed(uow, row.id, utcnow())
        uow.audit("webhook.redriven", "webhook_subscription", row.id, detail={"redriven": redriven})
        await uow.commit()
        return redriven


async def list_deliveries(
    database: Database,
    principal: Principal,
    subscription_id: str,
    page: PageRequest,
    status: DeliveryStatus | None,
) -> tuple[list[Delivery], int]:
    async with database.unit_of_work(principal.actor) as uow:
        await _owned(uow, principal, subscription_id)
        query: Select[Any] = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
        if status is not None:
            query = query.where(WebhookDelivery.status == status.value)
        rows, total = await fetch_page(uow.session, query.order_by(WebhookDelivery.seq.desc()), page)
        return [delivery_view(r) for r in rows], total


async def get_delivery(database: Database, principal: Principal, subscription_id: str, delivery_id: str) -> Delivery:
    async with database.unit_of_work(principal.actor) as uow:
        await _owned(uow, principal, subscription_id)
        row = (
            await uow.session.execute(
                select(WebhookDelivery).where(
                    WebhookDelivery.subscription_id == subscription_id, WebhookDelivery.id == delivery_id
                )
            )
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(f"no delivery {delivery_id} of webhook subscription {subscription_id}")
        return delivery_view(row)
