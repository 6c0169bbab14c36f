"""Contains endpoint functions for accessing the API"""

from . import programme_report

__all__ = [
    "programme_report",
]
