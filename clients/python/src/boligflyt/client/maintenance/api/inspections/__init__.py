"""Contains endpoint functions for accessing the API"""

from . import book_inspection, complete_inspection, get_checklist, get_inspection, list_inspections, set_checklist

__all__ = [
    "book_inspection",
    "complete_inspection",
    "get_checklist",
    "get_inspection",
    "list_inspections",
    "set_checklist",
]
