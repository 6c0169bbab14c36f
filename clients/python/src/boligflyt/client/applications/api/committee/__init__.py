"""Contains endpoint functions for accessing the API"""

from . import add_case, allocate, create_meeting, decide, get_meeting, list_allocations, list_meetings, recommendation

__all__ = [
    "add_case",
    "allocate",
    "create_meeting",
    "decide",
    "get_meeting",
    "list_allocations",
    "list_meetings",
    "recommendation",
]
