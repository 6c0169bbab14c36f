"""Contains endpoint functions for accessing the API"""

from . import create_programme, get_programme, set_frame

__all__ = [
    "create_programme",
    "get_programme",
    "set_frame",
]
