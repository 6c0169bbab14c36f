"""Webhook delivery: the outbox pattern for HTTP.

The inbox handler writes one delivery row per matching subscription in the same transaction that marks the
event handled, so each event becomes each subscription's delivery exactly once. The delivery worker then
POSTs the rows as structured-mode CloudEvents (`application/cloudevents+json`), signed per Standard
Webhooks. One task per subscription, each with its own timeouts, so a slow or dead receiver holds up only
itself. Within a subscription, a key's next delivery waits until the one before it succeeded; failed attempts
are retried on the retry schedule, and when that is spent the delivery fails and the subscription is paused.
Every attempt resolves the receiver's host, checks the addresses and sends to the checked one (`addresses.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import structlog
from prometheus_client import Counter, Histogram
from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy import delete as sa_delete
from sqlalchemy.orm import aliased

from boligflyt.contracts.base import Event
from boligflyt.contracts.envelope import Envelope, schema_url
from boligflyt.contracts.webhooks import PING_TYPE
from boligflyt.integrations import addresses, domain
from boligflyt.integrations.domain import (
    AttemptOutcome,
    DeliveryStatus,
    PausedBy,
    RetrySchedule,
    SubscriptionStatus,
)
from boligflyt.integrations.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from boligflyt.integrations.secret_cipher import SecretCipher
from boligflyt.integrations.service import aware, new_message_id, retired_secrets
from boligflyt.integrations.settings import IntegrationsSettings
from boligflyt.integrations.signing import signature_headers
from boligflyt.platform.db import Database, UnitOfWork, utcnow
from boligflyt.platform.errors import RuleViolation

log = structlog.get_logger(__name__)

CONTENT_TYPE = "application/cloudevents+json"
USER_AGENT = "Boligflyt-Webhooks/1"
# Set on every delivery of a replay (its id): the receiver asked for these events again.
REPLAY_HEADER = "boligflyt-replay"

DELIVERY_ATTEMPTS = Counter("boligflyt_webhook_attempts_total", "Webhook delivery attempts by outcome.", ["outcome"])
DELIVERY_LATENCY = Histogram("boligflyt_webhook_attempt_seconds", "How long receivers took to answer.")
SYSTEM_ACTOR = "system:webhook-delivery"


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def cloudevent_body(envelope: Envelope, contracts_base_url: str) -> str:
    """The event in CloudEvents 1.0 structured mode (JSON). Only the contract's fields travel: the payload
    is the validated model, so nothing is added to what the catalogue publishes."""
    document: dict[str, Any] = {
        "specversion": "1.0",
        "id": envelope.id,
        "source": envelope.source,
        "type": envelope.type,
        "time": _timestamp(envelope.time),
        "datacontenttype": "application/json",
        "dataschema": schema_url(envelope.type, contracts_base_url),
        "partitionkey": envelope.key,
    }
    if envelope.subject:
        document["subject"] = envelope.subject
    document["data"] = envelope.data.model_dump(mode="json")
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)


def ping_body(subscription_id: str, now: datetime, contracts_base_url: str) -> str:
    document = {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "/boligflyt/integrations",
        "type": PING_TYPE,
        "time": _timestamp(now),
        "datacontenttype": "application/json",
        "dataschema": schema_url(PING_TYPE, contracts_base_url),
        "data": {"subscription_id": subscription_id, "message": "ping"},
    }
    return json.dumps(document, separators=(",", ":"))


async def record_deliveries(_event: Event, uow: UnitOfWork) -> None:
    """Reaction to every event type: one delivery row per subscription whose patterns match.

    Paused subscriptions get their rows too: they go out, in order, once it is resumed.
    """
    envelope = uow.cause  # a delivery forwards the whole CloudEvent, not only its data
    assert envelope is not None
    subscriptions = (await uow.session.execute(select(WebhookSubscription))).scalars().all()
    matching = [s for s in subscriptions if domain.subscribed(envelope.type, s.patterns, s.granted)]
    if not matching:
        return
    body = cloudevent_body(envelope, uow.database.contracts_base_url)
    now = utcnow()
    for subscription in matching:
        uow.session.add(
            WebhookDelivery(
                id=new_message_id(),
                subscription_id=subscription.id,
                event_id=envelope.id,
                event_type=envelope.type,
                key=envelope.key,
                body=body,
                status=DeliveryStatus.PENDING.value,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )


@dataclass(frozen=True)
class Target:
    """What the worker needs of a subscription to send to it: where, with which secrets, under which policy."""

    id: str
    url: str
    secrets: tuple[str, ...]
    timeout: float
    schedule: RetrySchedule


def _target(row: WebhookSubscription, now: datetime, cipher: SecretCipher, settings: IntegrationsSettings) -> Target:
    # The current secret, and each one rotated out whose own grace period still runs.
    secrets = [cipher.open(row.secret)]
    secrets += [cipher.open(retired.sealed) for retired in domain.secrets_in_force(retired_secrets(row), now)]
    default = settings.retry_schedule
    schedule = RetrySchedule(tuple(row.retry_schedule), default.jitter) if row.retry_schedule else default
    timeout = row.timeout_seconds or settings.timeout_seconds
    return Target(id=row.id, url=row.url, secrets=tuple(secrets), timeout=timeout, schedule=schedule)


def webhook_client(settings: IntegrationsSettings) -> httpx.AsyncClient:
    """The client every attempt goes through. No redirects (a receiver cannot send us elsewhere) and no proxy
    from the environment: the connection goes to the address that was checked, and nowhere else."""
    return httpx.AsyncClient(follow_redirects=False, trust_env=False, timeout=settings.timeout_seconds)


async def post(
    client: httpx.AsyncClient,
    target: Target,
    message_id: str,
    body: str,
    *,
    production: bool,
    replay_id: str | None = None,
) -> AttemptOutcome:
    """One signed POST to the address the receiver's host resolves to now, once that address was checked;
    never raises for what the receiver, its DNS or the network does."""
    timeout = target.timeout
    headers = {
        **signature_headers(target.secrets, message_id, utcnow(), body),
        "content-type": CONTENT_TYPE,
        "user-agent": USER_AGENT,
    }
    if replay_id is not None:
        headers[REPLAY_HEADER] = replay_id
    started = time.monotonic()
    status_code: int | None = None
    retry_after: float | None = None
    error: str | None = None
    try:
        # A hard bound on the whole exchange, the lookup included (httpx's timeouts are per read), and the
        # answer's body is never read: only its status counts, and a receiver cannot make us hold a large one.
        async with asyncio.timeout(timeout):
            pinned = await addresses.pin(target.url, production=production)
            async with client.stream(
                "POST",
                pinned.url,
                content=body.encode(),
                headers={**headers, **pinned.headers},
                extensions=pinned.extensions,
                timeout=timeout,
            ) as response:
                status_code = response.status_code
                if status_code in domain.RETRY_AFTER_STATUSES:
                    retry_after = domain.retry_after_seconds(response.headers.get("retry-after"), utcnow())
    except RuleViolation as exc:
        error = f"nothing sent: {exc.detail}"
        log.warning("webhooks.receiver_refused", subscription=target.id, code=exc.code)
    except (httpx.TimeoutException, TimeoutError):
        error = f"no answer within {timeout:g} s"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:500]
    latency_ms = int((time.monotonic() - started) * 1000)
    return AttemptOutcome(status_code=status_code, error=error, latency_ms=latency_ms, retry_after=retry_after)


class DeliveryWorker:
    """Sends due deliveries, one task per subscription. `tick()` starts tasks for subscriptions with due work
    that have none running; `wait()` lets them run. The job in main.py calls both, over and over."""

    def __init__(self, database: Database, settings: IntegrationsSettings, *, production: bool) -> None:
        self.database = database
        self.settings = settings
        self.production = production  # only globally routable receivers
        self.cipher = settings.secret_cipher
        self.random = random.Random()  # the jitter of retry delays
        self.holder = f"worker-{uuid.uuid4().hex[:12]}"
        self.in_flight: dict[str, asyncio.Task[None]] = {}

    async def tick(self) -> int:
        """Start a task for each subscription with due deliveries and no task yet; returns how many started."""
        now = utcnow()
        async with self.database.sessions() as session:
            due = (
                (
                    await session.execute(
                        select(WebhookDelivery.subscription_id)
                        .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
                        .where(
                            WebhookDelivery.status == DeliveryStatus.PENDING.value,
                            WebhookDelivery.next_attempt_at <= now,
                            WebhookSubscription.status == SubscriptionStatus.ACTIVE.value,
                        )
                        .distinct()
                    )
                )
                .scalars()
                .all()
            )
        started = 0
        for subscription_id in due:
            if subscription_id in self.in_flight:
                continue
            task = asyncio.create_task(self._serve(subscription_id), name=f"webhooks:{subscription_id}")
            self.in_flight[subscription_id] = task
            task.add_done_callback(self._forget(subscription_id))
            started += 1
        return started

    def _forget(self, subscription_id: str) -> Callable[[asyncio.Task[None]], None]:
        def forget(_task: asyncio.Task[None]) -> None:
            self.in_flight.pop(subscription_id, None)

        return forget

    async def wait(self, timeout: float) -> None:
        """Until one subscription's task ends (so its next work can start) or `timeout` passes."""
        if self.in_flight:
            await asyncio.wait(list(self.in_flight.values()), timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        else:
            await asyncio.sleep(timeout)

    async def close(self) -> None:
        tasks = list(self.in_flight.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        # A task cancelled while it released its lease left it held until it expires: hand every lease back,
        # so another worker (or replica) takes the subscription at once rather than after `lease_seconds`.
        with contextlib.suppress(Exception):
            await self._release_lease(None)

    async def _serve(self, subscription_id: str) -> None:
        attempted = 0
        try:
            if await self._take_lease(subscription_id):
                try:
                    # A client of its own: connections are pooled by address, and one whose TLS was verified
                    # for one receiver's name must not carry another receiver's deliveries.
                    async with webhook_client(self.settings) as client:
                        attempted = await self._deliver_all(subscription_id, client)
                finally:
                    await self._release_lease(subscription_id)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("webhooks.worker_failed", subscription=subscription_id)
        if not attempted:
            # Nothing could go (another replica holds the lease, or every due delivery waits behind an earlier
            # one of its key): stay in flight for a poll, so the next tick does not start this again at once.
            await asyncio.sleep(self.settings.poll_seconds)

    async def _deliver_all(self, subscription_id: str, client: httpx.AsyncClient) -> int:
        """Send until nothing deliverable is left; returns how many attempts were made."""
        attempted = 0
        while True:
            now = utcnow()
            async with self.database.sessions() as session:
                subscription = await session.get(WebhookSubscription, subscription_id)
                if subscription is None or subscription.status != SubscriptionStatus.ACTIVE.value:
                    return attempted
                target = _target(subscription, now, self.cipher, self.settings)
                batch = (await session.execute(self._deliverable(subscription_id, now))).scalars().all()
            if not batch:
                return attempted
            for delivery in batch:
                await self._renew_lease(subscription_id)
                started_at = utcnow()
                outcome = await post(
                    client,
                    target,
                    delivery.id,
                    delivery.body,
                    production=self.production,
                    replay_id=delivery.replay_id,
                )
                attempted += 1
                if await self._record(target, delivery.seq, started_at, outcome):
                    return attempted

    def _deliverable(self, subscription_id: str, now: datetime) -> Any:
        """Due pending deliveries that are first in their key's line: no earlier one of the key unfinished."""
        earlier = aliased(WebhookDelivery)
        blocked = exists().where(
            earlier.subscription_id == WebhookDelivery.subscription_id,
            earlier.key == WebhookDelivery.key,
            earlier.seq < WebhookDelivery.seq,
            earlier.status != DeliveryStatus.SUCCEEDED.value,
        )
        return (
            select(WebhookDelivery)
            .where(
                WebhookDelivery.subscription_id == subscription_id,
                WebhookDelivery.status == DeliveryStatus.PENDING.value,
                WebhookDelivery.next_attempt_at <= now,
                ~blocked,
            )
            .order_by(WebhookDelivery.seq)
            .limit(self.settings.batch_size)
        )

    async def _record(self, target: Target, seq: int, started_at: datetime, outcome: AttemptOutcome) -> bool:
        """Write one attempt's outcome; True when this subscription's work should stop: it was paused (by
        its owner meanwhile, or now for spending the schedule or a 410) or deleted."""
        subscription_id = target.id
        now = utcnow()
        DELIVERY_ATTEMPTS.labels(outcome="succeeded" if outcome.succeeded else "failed").inc()
        DELIVERY_LATENCY.observe(outcome.latency_ms / 1000)
        async with self.database.unit_of_work(SYSTEM_ACTOR) as uow:
            delivery = await uow.session.get(WebhookDelivery, seq)
            if delivery is None:
                return True  # the subscription was deleted meanwhile
            if delivery.status != DeliveryStatus.PENDING.value:
                return False  # redriven meanwhile
            delivery.attempts += 1
            uow.session.add(
                WebhookAttempt(
                    delivery_seq=seq,
                    number=delivery.attempts,
                    started_at=started_at,
                    status_code=outcome.status_code,
                    error=outcome.error,
                    latency_ms=outcome.latency_ms,
                    retry_after_seconds=outcome.retry_after,
                )
            )
            delivery.first_attempt_at = delivery.first_attempt_at or now
            delivery.last_attempt_at = now
            delivery.last_status_code = outcome.status_code
            delivery.latency_ms = outcome.latency_ms
            paused = False
            if outcome.succeeded:
                delivery.status = DeliveryStatus.SUCCEEDED.value
                delivery.succeeded_at = now
                delivery.last_error = None
            elif outcome.gone:
                delivery.last_error = domain.failure_reason(outcome)
                delivery.status = DeliveryStatus.FAILED.value
                reason = f"the receiver answered 410 Gone to delivery {delivery.id}: the endpoint is disabled"
                paused = await self._pause(uow, subscription_id, PausedBy.RECEIVER_GONE, reason, now)
            else:
                delivery.last_error = domain.failure_reason(outcome)
                next_attempt = target.schedule.next_attempt(delivery.attempts, now, self.random.uniform)
                if next_attempt is not None and outcome.retry_after is not None:
                    # The receiver said when to come back (429/503): then, up to the operator's longest delay.
                    wait = min(outcome.retry_after, self.settings.max_retry_delay_seconds)
                    next_attempt = now + timedelta(seconds=wait)
                if next_attempt is not None:
                    delivery.next_attempt_at = next_attempt
                else:
                    delivery.status = DeliveryStatus.FAILED.value
                    since = aware(delivery.first_attempt_at) or now
                    reason = (
                        f"delivery {delivery.id} ({delivery.event_type}) failed {delivery.attempts} times since "
                        f"{_timestamp(since)}, beyond the retry window of {target.schedule.window}; last error: "
                        f"{delivery.last_error}"
                    )
                    paused = await self._pause(uow, subscription_id, PausedBy.DELIVERY_FAILURES, reason, now)
            if not paused:
                subscription = await uow.session.get(WebhookSubscription, subscription_id)
                paused = subscription is None or subscription.status != SubscriptionStatus.ACTIVE.value
            await uow.commit()
        if not outcome.succeeded:
            log.warning(
                "webhooks.attempt_failed",
                subscription=subscription_id,
                delivery=delivery.id,
                attempts=delivery.attempts,
                error=delivery.last_error,
            )
        return paused

    async def _pause(self, uow: UnitOfWork, subscription_id: str, by: PausedBy, reason: str, now: datetime) -> bool:
        subscription = await uow.session.get(WebhookSubscription, subscription_id)
        if subscription is None or subscription.status != SubscriptionStatus.ACTIVE.value:
            return False
        subscription.status = SubscriptionStatus.PAUSED.value
        subscription.paused_by = by.value
        subscription.paused_reason = reason
        subscription.paused_at = now
        subscription.updated_at = now
        uow.audit("webhook.paused", "webhook_subscription", subscription_id, reason=reason)
        log.error("webhooks.subscription_paused", subscription=subscription_id, reason=reason)
        return True

    async def _take_lease(self, subscription_id: str) -> bool:
        now = utcnow()
        async with self.database.sessions() as session:
            result = await session.execute(
                update(WebhookSubscription)
                .where(
                    WebhookSubscription.id == subscription_id,
                    or_(
                        WebhookSubscription.lease_holder.is_(None),
                        WebhookSubscription.lease_holder == self.holder,
                        and_(WebhookSubscription.lease_until.is_not(None), WebhookSubscription.lease_until < now),
                    ),
                )
                .values(lease_holder=self.holder, lease_until=now + timedelta(seconds=self.settings.lease_seconds))
            )
            await session.commit()
        return bool(getattr(result, "rowcount", 0))

    async def _renew_lease(self, subscription_id: str) -> None:
        # A lease outlives one attempt by far; renewing before each keeps a long batch to this replica.
        longest = max(self.settings.timeout_seconds, self.settings.max_timeout_seconds)
        until = utcnow() + timedelta(seconds=self.settings.lease_seconds + longest)
        async with self.database.sessions() as session:
            await session.execute(
                update(WebhookSubscription)
                .where(WebhookSubscription.id == subscription_id, WebhookSubscription.lease_holder == self.holder)
                .values(lease_until=until)
            )
            await session.commit()

    async def _release_lease(self, subscription_id: str | None) -> None:
        """Give back this worker's lease of one subscription, or (None) of every subscription."""
        held = WebhookSubscription.lease_holder == self.holder
        if subscription_id is not None:
            held = and_(held, WebhookSubscription.id == subscription_id)
        async with self.database.sessions() as session:
            await session.execute(update(WebhookSubscription).where(held).values(lease_holder=None, lease_until=None))
            await session.commit()


async def prune_delivery_log(database: Database, older_than: datetime) -> int:
    """Forget succeeded deliveries older than the retention period, with their attempts (failed and pending
    ones stay)."""
    expired = and_(
        WebhookDelivery.status == DeliveryStatus.SUCCEEDED.value,
        WebhookDelivery.succeeded_at < older_than,
    )
    async with database.sessions() as session:
        # Explicitly, not by cascade: SQLite enforces foreign keys only where the pragma is on.
        await session.execute(
            sa_delete(WebhookAttempt).where(WebhookAttempt.delivery_seq.in_(select(WebhookDelivery.seq).where(expired)))
        )
        result = await session.execute(sa_delete(WebhookDelivery).where(expired))
        await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


async def ping(
    subscription: WebhookSubscription, settings: IntegrationsSettings, contracts_base_url: str, *, production: bool
) -> bool:
    """Send a signed test event now, outside the delivery log and the order of keys; True when the receiver
    took it. Only that: a status code or a latency would make ping a probe of what answers where."""
    now = utcnow()
    target = _target(subscription, now, settings.secret_cipher, settings)
    async with webhook_client(settings) as client:
        outcome = await post(
            client,
            target,
            new_message_id(),
            ping_body(subscription.id, now, contracts_base_url),
            production=production,
        )
    return outcome.succeeded
