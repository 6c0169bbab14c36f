"""Contains endpoint functions for accessing the API"""

from . import end_stay, get_stay, link_application, list_stays, move_stay, report_absence, start_stay, stays_by_days

__all__ = [
    "end_stay",
    "get_stay",
    "link_application",
    "list_stays",
    "move_stay",
    "report_absence",
    "start_stay",
    "stays_by_days",
]
