"""Contains endpoint functions for accessing the API"""

from . import waiting_list

__all__ = [
    "waiting_list",
]
