"""Contains endpoint functions for accessing the API"""

from . import accept_order, cancel_order, get_order, list_orders, place_order

__all__ = [
    "accept_order",
    "cancel_order",
    "get_order",
    "list_orders",
    "place_order",
]
