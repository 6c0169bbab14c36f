"""A client library for accessing Boligflyt: Boligkontoret"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
