"""Contains endpoint functions for accessing the API"""

from . import deliver, get_acquisition, list_acquisitions, move_stage, open_acquisition

__all__ = [
    "deliver",
    "get_acquisition",
    "list_acquisitions",
    "move_stage",
    "open_acquisition",
]
