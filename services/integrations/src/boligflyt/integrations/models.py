"""The Integrations service's tables: webhook subscriptions, their deliveries (the outbox of HTTP), and the
property-system import's snapshot and reports."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from boligflyt.platform.concurrency import Versioned
from boligflyt.platform.tables import NAMING_CONVENTION

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL wants a bigint identity.
Seq = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata


class WebhookSubscription(Versioned, Base):
    """An integrator's receiver: where to POST, which event types, and the secret to sign with (sealed)."""

    __tablename__ = "webhook_subscription"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200), index=True)  # the integrator's token subject
    url: Mapped[str] = mapped_column(String(2000))
    patterns: Mapped[list[str]] = mapped_column(JSON)
    # The token's grant when registered: a type added to the catalogue later reaches the subscription only if
    # the grant covered it too, so a wide pattern never widens what was granted.
    granted: Mapped[list[str]] = mapped_column(JSON)
    description: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20))
    paused_by: Mapped[str | None] = mapped_column(String(40))
    paused_reason: Mapped[str | None] = mapped_column(Text)
    paused_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Sealed (secret_cipher.py): a Fernet token of the `whsec_...` secret, never the secret itself.
    secret: Mapped[str] = mapped_column(String(400))
    # Secrets rotated out and still signing, each until its own expiry: [{"sealed": ..., "expires_at": ISO}].
    previous_secrets: Mapped[list[dict[str, str]] | None] = mapped_column(JSON, default=list)
    # The subscription's own delivery policy, within the operator's bounds; None: the operator's default.
    retry_schedule: Mapped[list[float] | None] = mapped_column(JSON)
    timeout_seconds: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # One delivery worker at a time per subscription (several replicas): who holds it, until when.
    lease_holder: Mapped[str | None] = mapped_column(String(100))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class WebhookDelivery(Base):
    """One event for one subscription: written in the inbox transaction, sent by the delivery worker.

    `seq` orders a subscription's deliveries; a key's next delivery waits until the one before succeeded.
    The body is fixed when the row is written, so every retry sends (and signs) the same bytes.
    """

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        # One delivery per event and subscription; a replay's copies (replay_id set) come beside it.
        Index(
            "uq_webhook_delivery_subscription_event",
            "subscription_id",
            "event_id",
            unique=True,
            sqlite_where=text("replay_id IS NULL"),
            postgresql_where=text("replay_id IS NULL"),
        ),
        Index("ix_webhook_delivery_key_order", "subscription_id", "key", "seq"),
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
    )

    seq: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)  # the webhook-id: the same on every retry
    subscription_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("webhook_subscription.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[str] = mapped_column(String(64))
    event_type: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    first_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    latency_ms: Mapped[int | None] = mapped_column(Integer)
    succeeded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    # A replay's copy of an earlier delivery: the replay that asked for it (None: the event's own delivery).
    replay_id: Mapped[str | None] = mapped_column(String(40), index=True)


class WebhookAttempt(Base):
    """One HTTP attempt of a delivery: when, how it ended, how long it took (the delivery log's detail)."""

    __tablename__ = "webhook_attempt"

    id: Mapped[int] = mapped_column(Seq, primary_key=True, autoincrement=True)
    delivery_seq: Mapped[int] = mapped_column(Seq, ForeignKey("webhook_delivery.seq", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status_code: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    latency_ms: Mapped[int] = mapped_column(Integer)
    retry_after_seconds: Mapped[float | None] = mapped_column(Float)


class WebhookReplay(Base):
    """An integrator's request to have a range of its subscription's events delivered again (audited too)."""

    __tablename__ = "webhook_replay"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    subscription_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("webhook_subscription.id", ondelete="CASCADE"), index=True
    )
    requested_by: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    from_event_id: Mapped[str | None] = mapped_column(String(64))
    events: Mapped[int] = mapped_column(Integer)


class PropertyObject(Base):
    """What the last import sent to maintenance for one object of the property system: its fingerprint
    tells an unchanged row (skipped) from a changed one (sent again)."""

    __tablename__ = "property_object"

    object_id: Mapped[str] = mapped_column(String(64), primary_key=True)  # maintenance's external_ref
    fingerprint: Mapped[str] = mapped_column(String(64))
    last_import_id: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PropertyImport(Base):
    """One run of the property-system import and its report."""

    __tablename__ = "property_import"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    source_format: Mapped[str] = mapped_column(String(10))
    started_by: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    rows: Mapped[int] = mapped_column(Integer)
    created: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
