"""Contains endpoint functions for accessing the API"""

from . import get_case, list_cases

__all__ = [
    "get_case",
    "list_cases",
]
