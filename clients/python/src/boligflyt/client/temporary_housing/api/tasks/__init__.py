"""Contains endpoint functions for accessing the API"""

from . import complete_task, dismiss_task, list_tasks

__all__ = [
    "complete_task",
    "dismiss_task",
    "list_tasks",
]
