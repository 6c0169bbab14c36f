"""A client library for accessing Boligflyt: NAV temporary housing"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
