"""Contains endpoint functions for accessing the API"""

from . import (
    adopt_quota,
    announce_settlement,
    finish_establishment,
    get_quota,
    get_settlement,
    link_settlement_application,
    list_quotas,
    list_settlements,
    order_housing,
    quota_progress,
    request_quota,
    settlement_by_area,
    tick_checklist,
)

__all__ = [
    "adopt_quota",
    "announce_settlement",
    "finish_establishment",
    "get_quota",
    "get_settlement",
    "link_settlement_application",
    "list_quotas",
    "list_settlements",
    "order_housing",
    "quota_progress",
    "request_quota",
    "settlement_by_area",
    "tick_checklist",
]
