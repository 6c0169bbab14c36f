"""Contains endpoint functions for accessing the API"""

from . import change_job, complete_job, get_job, list_jobs, order_renovation, start_job

__all__ = [
    "change_job",
    "complete_job",
    "get_job",
    "list_jobs",
    "order_renovation",
    "start_job",
]
