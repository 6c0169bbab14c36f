"""Contains endpoint functions for accessing the API"""

from . import audit_trail

__all__ = [
    "audit_trail",
]
