"""Contains endpoint functions for accessing the API"""

from . import dwelling_matches, get_dwelling, list_dwellings

__all__ = [
    "dwelling_matches",
    "get_dwelling",
    "list_dwellings",
]
