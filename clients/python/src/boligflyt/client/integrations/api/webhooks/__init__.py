"""Contains endpoint functions for accessing the API"""

from . import (
    change_webhook,
    delete_webhook,
    get_delivery,
    get_webhook,
    list_deliveries,
    list_webhooks,
    pause_webhook,
    ping_webhook,
    redrive_deliveries,
    register_webhook,
    replay_events,
    resume_webhook,
    rotate_webhook_secret,
)

__all__ = [
    "change_webhook",
    "delete_webhook",
    "get_delivery",
    "get_webhook",
    "list_deliveries",
    "list_webhooks",
    "pause_webhook",
    "ping_webhook",
    "redrive_deliveries",
    "register_webhook",
    "replay_events",
    "resume_webhook",
    "rotate_webhook_secret",
]
