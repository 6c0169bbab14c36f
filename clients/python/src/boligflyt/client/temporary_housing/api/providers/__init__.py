"""Contains endpoint functions for accessing the API"""

from . import (
    add_agreement,
    get_provider,
    list_agreements,
    list_providers,
    register_provider,
    set_seasonal_closure,
    terminate_agreement,
)

__all__ = [
    "add_agreement",
    "get_provider",
    "list_agreements",
    "list_providers",
    "register_provider",
    "set_seasonal_closure",
    "terminate_agreement",
]
