"""Contains endpoint functions for accessing the API"""

from . import (
    get_dwelling,
    list_dwellings,
    register_dwelling,
    release_reservation,
    status_history,
    sync_dwellings,
    update_dwelling,
    void_days,
    withdraw_dwelling,
)

__all__ = [
    "get_dwelling",
    "list_dwellings",
    "register_dwelling",
    "release_reservation",
    "status_history",
    "sync_dwellings",
    "update_dwelling",
    "void_days",
    "withdraw_dwelling",
]
