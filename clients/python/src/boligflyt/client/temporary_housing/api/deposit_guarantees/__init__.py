"""Contains endpoint functions for accessing the API"""

from . import decide_guarantee, list_guarantees

__all__ = [
    "decide_guarantee",
    "list_guarantees",
]
