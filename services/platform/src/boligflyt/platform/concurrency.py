"""Optimistic concurrency: each resource a client updates has a version, shown as its ETag; If-Match is honoured.

A service's versioned models take the `Versioned` mixin (a `version` column SQLAlchemy counts on every UPDATE
of the row, and checks: an UPDATE of a row changed meanwhile is a StaleDataError, answered 412) and name, in
`ServiceDefinition.versioned`, the path parameter that identifies each (`{"application_id": Application}`).
A route's resource is the last such parameter of its path: `POST /v1/applications/{application_id}/appeal`
changes the application.

- GET of the resource (its path ends with the parameter): `ETag: "<version>"`, read before the answer is made
  (never newer than what it shows).
- A change (POST, PUT, PATCH, DELETE) with `If-Match`: checked at once (an early 412), and again, locked, as the
  first statement of the request's first unit of work, so nothing of a stale change lands. The 412 carries
  `current_version` and the current ETag. Without If-Match the change is made as before, unless
  `settings.require_if_match`, which makes it a 428.
- Every unit of work of such a request that writes anything counts the resource's version up once, even when it
  changed only rows beneath it (an absence of a stay): the answer's ETag is the version after the change.
Weak ETags (`W/"3"`) are accepted in If-Match as well as strong ones: clients and proxies send either.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy import Integer, Table, case, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from boligflyt.platform.apirequest import ApiRequest, current_api_request
from boligflyt.platform.errors import PreconditionFailed, PreconditionRequired

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class Versioned:
    """Mixin for a model a client updates: its version, counted up by SQLAlchemy on every change of the row."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    @classmethod
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(value: str) -> frozenset[str]:
    """The entity tags of an If-Match header, their W/ dropped: {"3", "4"}, or {"*"}."""
    tags = set()
    for part in value.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if len(tag) >= 2 and tag[0] == tag[-1] == '"':
            tag = tag[1:-1]
        if tag:
            tags.add(tag)
    return frozenset(tags)


def matches(if_match: frozenset[str], version: int) -> bool:
    return "*" in if_match or str(version) in if_match


def _table_and_key(model: Any) -> tuple[Table, Any]:
    mapper = sa_inspect(model)
    table = mapper.local_table
    assert isinstance(table, Table)
    return table, mapper.primary_key[0]


async def read_version(session: AsyncSession, model: Any, key: Any, *, lock: bool = False) -> int | None:
    table, primary_key = _table_and_key(model)
    query = select(table.c.version).where(primary_key == key)
    if lock:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


def stale(request: ApiRequest, current: int) -> PreconditionFailed:
    request.version = current
    return PreconditionFailed(
        f"the resource is at version {current}, not the one If-Match names: read it again and reapply the change",
        extra={"current_version": current, "current_etag": etag(current)},
    )


async def resource_precondition(request: Request) -> None:
    """App-wide dependency: finds the route's versioned resource, reads its version for the ETag, and checks
    If-Match early (the unit of work checks it again, locked)."""
    api = current_api_request.get()
    runtime = getattr(request.app.state, "runtime", None)
    if api is None or runtime is None or api.service != runtime.definition.name:
        return
    versioned = runtime.definition.versioned
    found = [(name, value) for name, value in request.path_params.items() if name in versioned]
    if not found:
        return
    name, key = found[-1]
    unsafe = request.method not in SAFE_METHODS
    route_path = str(getattr(request.scope.get("route"), "path", ""))
    if not unsafe and not route_path.endswith("{" + name + "}"):
        return  # a read of something beneath the resource (its letters): not the resource's representation
    model = versioned[name]
    api.resource = (model, key)
    header = request.headers.get("if-match")
    if unsafe and header is not None:
        api.if_match = parse_if_match(header)
    if unsafe and header is None and runtime.settings.require_if_match:
        raise PreconditionRequired(
            "this change needs If-Match with the resource's ETag (read it first), so that it cannot overwrite "
            "a change made meanwhile",
            extra={"code": "if_match_required"},
        )
    async with runtime.database.autocommit_sessions() as session:
        version = await read_version(session, model, key)
    if version is None:
        return  # the route answers its own 404
    api.version = version
    if api.if_match is not None and not matches(api.if_match, version):
        raise stale(api, version)


async def start_of_unit_of_work(session: AsyncSession, service: str) -> int | None:
    """In a unit of work of a request on a versioned resource: check If-Match against the row, locked, the
    first time; returns the version the unit of work starts from (None: nothing to count)."""
    api = current_api_request.get()
    if api is None or api.resource is None or api.service != service:
        return None
    model, key = api.resource
    check = api.if_match is not None and not api.precondition_checked
    version = await read_version(session, model, key, lock=check)
    if version is not None and check:
        assert api.if_match is not None
        if not matches(api.if_match, version):
            raise stale(api, version)
        api.precondition_checked = True
    return version


async def count_the_change(session: AsyncSession, start_version: int) -> None:
    """After the unit of work's flush: count the resource's version up, unless its own UPDATE already did."""
    api = current_api_request.get()
    assert api is not None and api.resource is not None
    model, key = api.resource
    table, primary_key = _table_and_key(model)
    # One statement: count up from the starting version, or keep the count the ORM's own UPDATE made; either way
    # it returns the version the answer's ETag names.
    counted = await session.execute(
        update(table)
        .where(primary_key == key)
        .values(version=case((table.c.version == start_version, start_version + 1), else_=table.c.version))
        .returning(table.c.version)
    )
    api.version = counted.scalar_one_or_none()
