"""Contains endpoint functions for accessing the API"""

from . import answer_offer, get_offer, list_offers, make_offer

__all__ = [
    "answer_offer",
    "get_offer",
    "list_offers",
    "make_offer",
]
