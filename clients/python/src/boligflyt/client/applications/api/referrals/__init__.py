"""Contains endpoint functions for accessing the API"""

from . import get_referral, list_referrals

__all__ = [
    "get_referral",
    "list_referrals",
]
