"""What the platform knows of the API request being served, shared by its middleware, its dependencies and the
unit of work: the client, the Idempotency-Key, the resource the route changes and its version.

Pure Python and free of the platform's other modules, so that db.py and the middleware can both import it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ApiRequest:
    service: str
    # The principal's actor (agency:subject): idempotency keys and rate limits are per client.
    client: str | None = None
    # Idempotency-Key, and the fingerprint of the request it names (idempotency.py).
    idempotency_key: str | None = None
    fingerprint: str = ""
    method: str = ""
    path: str = ""
    # Set once a unit of work that claimed the key has committed: the answer is then stored for retries.
    key_claimed: bool = False
    # The versioned resource the route reads or changes (model, primary key), from its path (concurrency.py).
    resource: tuple[Any, Any] | None = None
    # If-Match: the versions the client accepts ("*": any); None when not sent.
    if_match: frozenset[str] | None = None
    # Checked against the row in the first unit of work (the early check only answers sooner).
    precondition_checked: bool = False
    # The resource's version for the answer's ETag.
    version: int | None = None
    headers: dict[str, str] = field(default_factory=dict)


current_api_request: ContextVar[ApiRequest | None] = ContextVar("current_api_request", default=None)
