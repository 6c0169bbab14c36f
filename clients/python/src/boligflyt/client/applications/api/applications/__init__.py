"""Contains endpoint functions for accessing the API"""

from . import (
    appeal,
    completeness_check,
    get_application,
    leave_list,
    list_applications,
    receive_documents,
    submit_application,
)

__all__ = [
    "appeal",
    "completeness_check",
    "get_application",
    "leave_list",
    "list_applications",
    "receive_documents",
    "submit_application",
]
