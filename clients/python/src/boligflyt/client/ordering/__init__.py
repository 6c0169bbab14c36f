"""A client library for accessing Boligflyt: Ordering"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
