"""Idempotency-Key (the IETF HTTP API draft's header): a retried POST gets the first answer and changes nothing.

How it holds together (services/platform/README.md, "Safe retries"):

1. The middleware (client_api.py) reads the key and the client (the token's agency:subject), and fingerprints
   the request (method, path, query, body). A stored answer for (client, key) is replayed; the same key with
   another fingerprint is a 422; a key whose change is committed but whose answer is not stored yet is a 409.
2. Otherwise the request runs with the key in `current_api_request`. The first unit of work of the service
   claims it (`claim`): its first statement inserts the key's row, in the same transaction as the change. A
   twin running at the same time waits on that row (PostgreSQL: the unique key; SQLite: the write lock) and,
   once the first has committed, finds it taken: 409 (or 422 for another body). A unit of work that rolls back
   takes its claim with it, so a refused request leaves nothing and its retry is judged afresh.
3. After the handler, the answer (status, the headers that matter, body) is stored on the row (`store_answer`)
   before it is sent. A crash between the commit and that leaves the row without an answer: a retry is then
   told (409, `code` `idempotency_answer_lost`) that the change was made once, and is never applied again.

Rows expire after `settings.idempotency_ttl_seconds`: an expired row counts as absent, is replaced by a new
claim, and `sweep` deletes them (a platform job every service runs).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from boligflyt.platform.apirequest import ApiRequest
from boligflyt.platform.errors import Conflict, RuleViolation
from boligflyt.platform.tables import idempotency_key

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
# A key whose change committed this long ago without an answer stored was cut off (a crash), not still running.
ANSWER_GRACE_SECONDS = 60
# Headers of an answer kept for its replay; the rest (date, rate limits, trace) belong to each response.
STORED_HEADERS = frozenset(
    {"content-type", "location", "etag", "content-location", "link", "deprecation", "sunset", "idempotent-replayed"}
)


def valid_key(key: str) -> bool:
    """1-255 visible ASCII characters (the draft's key is a string; a UUID is typical)."""
    return 0 < len(key) <= MAX_KEY_LENGTH and all(0x21 <= ord(c) <= 0x7E for c in key)


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredKey:
    fingerprint: str
    created_at: datetime
    status_code: int | None
    headers: dict[str, str] | None
    body: bytes | None


def key_reused(key: str) -> RuleViolation:
    return RuleViolation(
        "this Idempotency-Key was used with a different request (method, path or body)",
        code="idempotency_key_reused",
        extra={"idempotency_key": key},
    )


def key_in_use(key: str) -> Conflict:
    return Conflict(
        "the request with this Idempotency-Key is still being handled; retry in a moment for its answer",
        current_state="in_progress",
        extra={"code": "idempotency_key_in_use", "idempotency_key": key},
    )


def answer_lost(key: str) -> Conflict:
    return Conflict(
        "the request with this Idempotency-Key was carried out once, but its answer was lost (the server stopped "
        "before storing it); it is not carried out again: read the resource to see its result",
        current_state="done",
        extra={"code": "idempotency_answer_lost", "idempotency_key": key},
    )


async def find(session: AsyncSession, client: str, key: str, now: datetime) -> StoredKey | None:
    """The stored key of this client, unless expired."""
    row = (
        await session.execute(
            select(idempotency_key).where(
                idempotency_key.c.client == client,
                idempotency_key.c.key == key,
                idempotency_key.c.expires_at > now,
            )
        )
    ).one_or_none()
    if row is None:
        return None
    return StoredKey(row.fingerprint, row.created_at, row.status_code, row.headers, row.body)


async def claim(session: AsyncSession, request: ApiRequest, now: datetime, ttl_seconds: int) -> None:
    """Insert the key's row as the transaction's first write; raises 409/422 when it is taken."""
    assert request.client is not None and request.idempotency_key is not None
    key, client = request.idempotency_key, request.client
    await session.execute(
        delete(idempotency_key).where(
            idempotency_key.c.client == client, idempotency_key.c.key == key, idempotency_key.c.expires_at <= now
        )
    )
    dialect_insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    inserted = await session.execute(
        dialect_insert(idempotency_key)
        .values(
            client=client,
            key=key,
            fingerprint=request.fingerprint,
            method=request.method,
            path=request.path[:500],
            created_at=now,
            expires_at=now + timedelta(seconds=ttl_seconds),
        )
        .on_conflict_do_nothing()
    )
    if getattr(inserted, "rowcount", 0):
        return
    stored = await find(session, client, key, now)
    if stored is not None and stored.fingerprint != request.fingerprint:
        raise key_reused(key)
    raise key_in_use(key)


def answer_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name.lower() in STORED_HEADERS}


async def store_answer(
    session: AsyncSession, request: ApiRequest, status: int, headers: Mapping[str, str], body: bytes, now: datetime
) -> None:
    assert request.client is not None and request.idempotency_key is not None
    await session.execute(
        update(idempotency_key)
        .where(idempotency_key.c.client == request.client, idempotency_key.c.key == request.idempotency_key)
        .values(status_code=status, headers=answer_headers(headers), body=body, answered_at=now)
    )


async def sweep(session: AsyncSession, now: datetime) -> int:
    """Delete the expired keys; returns how many."""
    result = await session.execute(delete(idempotency_key).where(idempotency_key.c.expires_at <= now))
    return int(getattr(result, "rowcount", 0) or 0)


def replay_headers(stored: StoredKey) -> dict[str, Any]:
    return {**(stored.headers or {}), "Idempotent-Replayed": "true"}
