"""A client library for accessing Boligflyt: LKE maintenance"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
