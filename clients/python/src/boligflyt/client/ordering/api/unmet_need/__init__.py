"""Contains endpoint functions for accessing the API"""

from . import confirm_suggestion, dismiss_suggestion, set_signal_settings, unmet_need

__all__ = [
    "confirm_suggestion",
    "dismiss_suggestion",
    "set_signal_settings",
    "unmet_need",
]
