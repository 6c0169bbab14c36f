"""Events that exist only on webhooks, never on the bus: published beside the catalogue (a JSON Schema at the
same URL scheme, listed among an integrator's event types) so a receiver can validate every body it gets."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from boligflyt.contracts.base import EVENT_TYPE_PREFIX

PING_TYPE = f"{EVENT_TYPE_PREFIX}webhook.ping.v1"


class WebhookPing(BaseModel):
    """A test event sent on request (`POST /v1/webhooks/{id}/ping`), to check a receiver verifies signatures.

    Sent to every subscription whatever its event types; never on the bus, never in the delivery log."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subscription_id: str = Field(
        description="The subscription the ping was sent for.", examples=["wh-3f2a9c0d5e6b4a71"]
    )
    message: str = Field(description="Always `ping`.", examples=["ping"])


WEBHOOK_ONLY: dict[str, type[BaseModel]] = {PING_TYPE: WebhookPing}
EXAMPLES: dict[str, dict[str, str]] = {PING_TYPE: {"subscription_id": "wh-3f2a9c0d5e6b4a71", "message": "ping"}}
