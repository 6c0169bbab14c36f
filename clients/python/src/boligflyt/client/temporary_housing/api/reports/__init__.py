"""Contains endpoint functions for accessing the API"""

from . import monthly_report

__all__ = [
    "monthly_report",
]
