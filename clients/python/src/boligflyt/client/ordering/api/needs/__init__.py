"""Contains endpoint functions for accessing the API"""

from . import get_need, list_needs, prioritise_need, reject_need, report_need

__all__ = [
    "get_need",
    "list_needs",
    "prioritise_need",
    "reject_need",
    "report_need",
]
