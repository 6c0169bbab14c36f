"""Signing a webhook per the Standard Webhooks specification, with the `standardwebhooks` package."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from standardwebhooks import Webhook


def signature_headers(secrets: Sequence[str], message_id: str, sent_at: datetime, body: str) -> dict[str, str]:
    """`webhook-id`, `webhook-timestamp` and `webhook-signature` for one attempt.

    One `v1,<base64 HMAC-SHA256>` signature per secret in force, space-separated: while a rotated secret's
    grace period runs the receiver may still verify with the old one.
    """
    sent_at = sent_at.astimezone(UTC)
    signatures = [Webhook(secret).sign(msg_id=message_id, timestamp=sent_at, data=body) for secret in secrets]
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(sent_at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
