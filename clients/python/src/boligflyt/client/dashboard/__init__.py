"""A client library for accessing Boligflyt: Dashboard"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
