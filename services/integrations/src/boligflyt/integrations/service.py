"""Use cases of webhook subscriptions: register, read, pause, resume, rotate the secret, delete, redrive, and
reseal the stored secrets after a key rotation.

Each opens one unit of work and writes an audit row beside its change. Deliveries are scheduled by the wall
clock (`utcnow`), not the domain clock: receivers check the signature's timestamp against their own clock.
Signing secrets are stored sealed (`secret_cipher.py`); the plain secret is only ever in the answer that
creates it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy import delete as sa_delete

from boligflyt.contracts.registry import specs
from boligflyt.integrations import addresses, domain
from boligflyt.integrations.domain import DeliveryStatus, PausedBy, PolicyBounds, RetiredSecret, SubscriptionStatus
from boligflyt.integrations.models import WebhookAttempt, WebhookDelivery, WebhookReplay, WebhookSubscription
from boligflyt.integrations.schemas import (
    Attempt,
    Delivery,
    DeliveryDetail,
    Replay,
    ReplayIn,
    Subscription,
    SubscriptionIn,
    SubscriptionPatch,
)
from boligflyt.integrations.secret_cipher import SecretCipher
from boligflyt.platform.auth import Principal
from boligflyt.platform.db import Database, UnitOfWork, utcnow
from boligflyt.platform.errors import NotFound, RuleViolation
from boligflyt.platform.ids import new_id
from boligflyt.platform.pagination import PageRequest, fetch_page


@dataclass(frozen=True)
class DeliveryFilters:
    """What the delivery log may be narrowed to; `since`/`until` bound when the event was recorded."""

    status: DeliveryStatus | None = None
    event_type: str | None = None
    event_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    replay_id: str | None = None


def catalogue_types() -> list[str]:
    return [spec.type for spec in specs()]


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; every time here is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def retired_secrets(row: WebhookSubscription) -> list[RetiredSecret]:
    return [
        RetiredSecret(sealed=item["sealed"], expires_at=aware(datetime.fromisoformat(item["expires_at"])) or utcnow())
        for item in row.previous_secrets or []
    ]


def _store_retired(row: WebhookSubscription, retired: list[RetiredSecret]) -> None:
    row.previous_secrets = [{"sealed": r.sealed, "expires_at": r.expires_at.isoformat()} for r in retired]


def subscription_view(row: WebhookSubscription) -> Subscription:
    in_force = domain.secrets_in_force(retired_secrets(row), utcnow())
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
        previous_secret_expires_at=max((r.expires_at for r in in_force), default=None),
        previous_secrets_expire_at=[r.expires_at for r in in_force],
        retry_schedule_seconds=list(row.retry_schedule) if row.retry_schedule is not None else None,
        timeout_seconds=row.timeout_seconds,
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
        replay_id=row.replay_id,
    )


def _theirs(row: WebhookSubscription | None, principal: Principal, subscription_id: str) -> WebhookSubscription:
    # Another integrator's subscription is as unknown as one that does not exist.
    if row is None or row.owner != principal.subject:
        raise NotFound(f"no webhook subscription {subscription_id}")
    return row


async def _owned(uow: UnitOfWork, principal: Principal, subscription_id: str) -> WebhookSubscription:
    return _theirs(await uow.session.get(WebhookSubscription, subscription_id), principal, subscription_id)


async def register(
    database: Database,
    principal: Principal,
    body: SubscriptionIn,
    *,
    production: bool,
    cipher: SecretCipher,
    bounds: PolicyBounds,
) -> tuple[Subscription, str]:
    domain.check_subscription_patterns(body.event_types, principal.scopes, catalogue_types())
    domain.check_delivery_policy(body.retry_schedule_seconds, body.timeout_seconds, bounds)
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
        previous_secrets=[],
        retry_schedule=body.retry_schedule_seconds,
        timeout_seconds=body.timeout_seconds,
        created_at=now,
        updated_at=now,
    )
    async with database.unit_of_work(principal.actor) as uow:
        uow.session.add(row)
        uow.audit("webhook.registered", "webhook_subscription", row.id, detail={"url": url, "patterns": patterns})
        await uow.commit()
    return subscription_view(row), secret


async def change(
    database: Database,
    principal: Principal,
    subscription_id: str,
    body: SubscriptionPatch,
    *,
    production: bool,
    bounds: PolicyBounds,
) -> Subscription:
    """A new URL, patterns, description or delivery policy; deliveries already queued keep their order and go
    to the new URL."""
    domain.check_delivery_policy(body.retry_schedule_seconds, body.timeout_seconds, bounds)
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
        if "retry_schedule_seconds" in body.model_fields_set:
            row.retry_schedule = changed["retry_schedule_seconds"] = body.retry_schedule_seconds
        if "timeout_seconds" in body.model_fields_set:
            row.timeout_seconds = changed["timeout_seconds"] = body.timeout_seconds
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
        # The old secret (still sealed) signs beside the new one for its own grace period; any rotated out
        # before keeps the rest of its own.
        _store_retired(row, domain.secrets_after_rotation(retired_secrets(row), row.secret, now, grace))
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
            retired = retired_secrets(row)
            if retired:
                _store_retired(row, [RetiredSecret(cipher.reseal(r.sealed), r.expires_at) for r in retired])
            uow.audit("webhook.secret_resealed", "webhook_subscription", row.id)
        await uow.commit()
    return len(rows)


async def delete(database: Database, principal: Principal, subscription_id: str) -> None:
    async with database.unit_of_work(principal.actor) as uow:
        row = await _owned(uow, principal, subscription_id)
        # Explicitly, not by cascade: SQLite enforces foreign keys only where the pragma is on.
        delivered = select(WebhookDelivery.seq).where(WebhookDelivery.subscription_id == row.id)
        await uow.session.execute(sa_delete(WebhookAttempt).where(WebhookAttempt.delivery_seq.in_(delivered)))
        await uow.session.execute(sa_delete(WebhookDelivery).where(WebhookDelivery.subscription_id == row.id))
        await uow.session.execute(sa_delete(WebhookReplay).where(WebhookReplay.subscription_id == row.id))
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
    filters: DeliveryFilters,
) -> tuple[list[Delivery], int]:
    async with database.unit_of_work(principal.actor) as uow:
        await _owned(uow, principal, subscription_id)
        query: Select[Any] = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
        if filters.status is not None:
            query = query.where(WebhookDelivery.status == filters.status.value)
        if filters.event_type is not None:
            query = query.where(WebhookDelivery.event_type == domain.normalise_pattern(filters.event_type))
        if filters.event_id is not None:
            query = query.where(WebhookDelivery.event_id == filters.event_id)
        if filters.since is not None:
            query = query.where(WebhookDelivery.created_at >= filters.since)
        if filters.until is not None:
            query = query.where(WebhookDelivery.created_at < filters.until)
        if filters.replay_id is not None:
            query = query.where(WebhookDelivery.replay_id == filters.replay_id)
        rows, total = await fetch_page(uow.session, query.order_by(WebhookDelivery.seq.desc()), page)
        return [delivery_view(r) for r in rows], total


async def get_delivery(
    database: Database, principal: Principal, subscription_id: str, delivery_id: str
) -> DeliveryDetail:
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
        attempts = (
            (
                await uow.session.execute(
                    select(WebhookAttempt).where(WebhookAttempt.delivery_seq == row.seq).order_by(WebhookAttempt.id)
                )
            )
            .scalars()
            .all()
        )
        return DeliveryDetail(
            **delivery_view(row).model_dump(),
            body=row.body,
            attempt_log=[
                Attempt(
                    number=a.number,
                    started_at=aware(a.started_at) or a.started_at,
                    status_code=a.status_code,
                    error=a.error,
                    latency_ms=a.latency_ms,
                    retry_after_seconds=a.retry_after_seconds,
                )
                for a in attempts
            ],
        )


async def replay(
    database: Database,
    principal: Principal,
    subscription_id: str,
    body: ReplayIn,
    *,
    max_events: int,
    max_range: timedelta,
) -> Replay:
    """Deliver the subscription's events of a range again: each event once (its own delivery, not earlier
    replays), in the order they were first recorded, so each key's events go out in order behind anything
    of the key still pending. Each copy has a webhook-id of its own (a receiver that deduplicates on it must
    take the copy), the event's CloudEvents id unchanged (its inbox can tell what it already has)."""
    now = utcnow()
    since, until = domain.check_replay_range(body.since, body.until, body.from_event_id, now, max_range)
    async with database.unit_of_work(principal.actor) as uow:
        await _owned(uow, principal, subscription_id)
        own = select(WebhookDelivery).where(
            WebhookDelivery.subscription_id == subscription_id, WebhookDelivery.replay_id.is_(None)
        )
        if body.from_event_id is not None:
            first = (
                await uow.session.execute(own.where(WebhookDelivery.event_id == body.from_event_id))
            ).scalar_one_or_none()
            if first is None:
                raise NotFound(f"no event {body.from_event_id} in the delivery log of {subscription_id}")
            query = own.where(WebhookDelivery.seq >= first.seq, WebhookDelivery.created_at < until)
        else:
            query = own.where(WebhookDelivery.created_at >= since, WebhookDelivery.created_at < until)
        rows = (await uow.session.execute(query.order_by(WebhookDelivery.seq).limit(max_events + 1))).scalars().all()
        if len(rows) > max_events:
            raise RuleViolation(
                f"the range holds more than {max_events} events; ask for a shorter one", code="replay-too-large"
            )
        replay_id = new_id("rpl")
        for row in rows:
            uow.session.add(
                WebhookDelivery(
                    id=new_message_id(),
                    subscription_id=subscription_id,
                    event_id=row.event_id,
                    event_type=row.event_type,
                    key=row.key,
                    body=row.body,
                    status=DeliveryStatus.PENDING.value,
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                    replay_id=replay_id,
                )
            )
        record = WebhookReplay(
            id=replay_id,
            subscription_id=subscription_id,
            requested_by=principal.subject,
            requested_at=now,
            since=since,
            until=until,
            from_event_id=body.from_event_id,
            events=len(rows),
        )
        uow.session.add(record)
        uow.audit(
            "webhook.replayed",
            "webhook_subscription",
            subscription_id,
            detail={
                "replay_id": replay_id,
                "since": since.isoformat() if since else None,
                "until": until.isoformat(),
                "from_event_id": body.from_event_id,
                "events": len(rows),
            },
        )
        await uow.commit()
    return Replay(
        id=replay_id,
        subscription_id=subscription_id,
        requested_by=principal.subject,
        requested_at=now,
        since=since,
        until=until,
        from_event_id=body.from_event_id,
        events=len(rows),
    )


def new_message_id() -> str:
    # Standard Webhooks' convention for a message id (`msg_…`), which integrators' libraries log and dedupe on.
    return f"msg_{uuid.uuid4().hex}"
