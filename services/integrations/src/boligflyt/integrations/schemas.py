"""Request and response models of the integrations API."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from boligflyt.integrations.domain import DeliveryStatus, PausedBy, SubscriptionStatus


class SubscriptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        max_length=2000,
        description="Where to POST each event (https in production).",
        examples=["https://facilit.example.no/hooks/boligflyt"],
    )
    event_types: list[str] = Field(
        min_length=1,
        max_length=50,
        description=(
            "Event type patterns; `*` matches any characters. Short forms drop the `no.larvik.boligflyt.` prefix. "
            "Every type they match must be granted by the token's `events:read:<pattern>` scopes."
        ),
        examples=[["tenancy.*", "dwelling.changed.v1"]],
    )
    description: str | None = Field(default=None, max_length=500, examples=["Facilit: tenancies and rent"])
    retry_schedule_seconds: list[float] | None = Field(
        default=None,
        max_length=50,
        description="Seconds to wait after each failed attempt (growing; within the operator's bounds). "
        "None: the operator's default schedule.",
        examples=[[5, 60, 600, 3600]],
    )
    timeout_seconds: float | None = Field(
        default=None, description="How long one POST may take, within the operator's bounds (by default 15-30 s)."
    )


class SubscriptionPatch(BaseModel):
    """Change what is given; event types are checked against the caller's grant as on registering."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(default=None, max_length=2000, examples=["https://facilit.example.no/hooks/v2"])
    event_types: list[str] | None = Field(default=None, min_length=1, max_length=50, examples=[["tenancy.*"]])
    description: str | None = Field(default=None, max_length=500)
    retry_schedule_seconds: list[float] | None = Field(default=None, max_length=50, description="null: the default.")
    timeout_seconds: float | None = Field(default=None, description="null: the default.")


class PauseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=500, examples=["receiver maintenance window"])


class Subscription(BaseModel):
    id: str = Field(examples=["wh-3f2a9c0d5e6b4a71"])
    url: str
    event_types: list[str] = Field(description="The patterns as registered, in their full form.")
    matched_event_types: list[str] = Field(description="The catalogue's event types the patterns match now.")
    description: str | None
    status: SubscriptionStatus
    paused_by: PausedBy | None = Field(description="Who paused it: its owner, or the delivery worker.")
    paused_reason: str | None = Field(description="Why it was paused, e.g. the last delivery error.")
    paused_at: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then deliveries are also signed with the secret before the last rotation."
    )
    previous_secrets_expire_at: list[datetime] = Field(
        description="Each secret rotated out and still signing, by its own expiry (newest first)."
    )
    retry_schedule_seconds: list[float] | None = Field(description="Its own retry schedule; null: the default.")
    timeout_seconds: float | None = Field(description="Its own timeout; null: the default.")
    created_at: datetime
    updated_at: datetime


class SubscriptionWithSecret(Subscription):
    secret: str = Field(
        description="The signing secret (`whsec_` + base64). Shown only when created or rotated.",
        examples=["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    )


class RotatedSecret(BaseModel):
    secret: str = Field(description="The new signing secret (`whsec_` + base64).")
    previous_secret_expires_at: datetime = Field(description="Until then deliveries carry both signatures.")


class Ping(BaseModel):
    """Whether the receiver took the test event; nothing more (no status, error or latency: ping is no probe)."""

    delivered: bool = Field(description="True when the receiver answered 2xx to the signed test event.")


class Delivery(BaseModel):
    id: str = Field(description="The webhook-id header: the same on every retry of this delivery.")
    seq: int = Field(description="The subscription's order of deliveries.")
    event_id: str
    event_type: str
    key: str = Field(description="The event's key; deliveries of one key go out in order.")
    status: DeliveryStatus
    attempts: int = Field(description="Attempts since the delivery was created or last redriven.")
    next_attempt_at: datetime | None = Field(description="When it is tried next (pending only).")
    first_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    latency_ms: int | None = Field(description="How long the last attempt took.")
    succeeded_at: datetime | None
    created_at: datetime = Field(description="When the event was recorded for this subscription.")
    replay_id: str | None = Field(description="The replay that sent this event again; null for its own delivery.")


class Attempt(BaseModel):
    number: int
    started_at: datetime
    status_code: int | None = Field(description="The receiver's answer; null when none came.")
    error: str | None
    latency_ms: int
    retry_after_seconds: float | None = Field(description="What the receiver's Retry-After asked for, if anything.")


class DeliveryDetail(Delivery):
    body: str = Field(description="The request body exactly as sent (and signed): the CloudEvent in JSON.")
    attempt_log: list[Attempt] = Field(description="Every attempt, first to last.")


class ReplayIn(BaseModel):
    """Events of the subscription to deliver again: those recorded for it in `since` .. `until`, or every one
    from the event `from_event_id` on. Within the delivery log's retention; bounded."""

    model_config = ConfigDict(extra="forbid")

    since: AwareDatetime | None = Field(default=None, description="From this moment (inclusive), with its offset.")
    until: AwareDatetime | None = Field(
        default=None, description="Up to this moment (exclusive), with its offset; default now."
    )
    from_event_id: str | None = Field(default=None, max_length=64, description="From this event on (inclusive).")


class Replay(BaseModel):
    id: str = Field(description="Sent as the `boligflyt-replay` header of every delivery of the replay.")
    subscription_id: str
    requested_by: str
    requested_at: datetime
    since: datetime | None
    until: datetime
    from_event_id: str | None
    events: int = Field(description="How many events are delivered again.")


class Redrive(BaseModel):
    redriven: int = Field(description="How many failed deliveries were put back to pending.")


class EventType(BaseModel):
    type: str = Field(examples=["no.larvik.boligflyt.tenancy.signed.v1"])
    producer: str
    key_field: str
    summary: str
    description: str
    schema_url: str


class ImportRejection(BaseModel):
    row: int = Field(description="1-based row of the export (CSV: the header is row 0).")
    object_id: str | None
    reasons: list[str]


class ImportReport(BaseModel):
    id: str
    source_format: str
    started_by: str
    started_at: datetime
    finished_at: datetime
    rows: int
    created: int
    updated: int
    unchanged: int
    rejected: int
    created_objects: list[str]
    updated_objects: list[str]
    rejections: list[ImportRejection]
    ignored_columns: list[str] = Field(description="Columns of the export the mapping does not use (never sent).")
    dry_run: bool = Field(
        default=False, description="What an import would do, with nothing sent, remembered or stored."
    )

    @classmethod
    def from_report(cls, report: dict[str, Any]) -> ImportReport:
        return cls.model_validate(report)
