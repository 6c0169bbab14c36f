"""Reading the audit log: who changed what, when and why (every step of a case verifiable afterwards).

Rows are written by `UnitOfWork.audit` in the same transaction as the change. Every service serves the same
`GET /v1/audit` (`audit_router`), readable by the agencies its definition names in `audit_readers`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field, field_validator
from sqlalchemy import Select, select

from boligflyt.platform.auth import Agency, require
from boligflyt.platform.db import Database
from boligflyt.platform.pagination import Page, PageRequest, PageRequestDep, fetch_rows
from boligflyt.platform.tables import audit_log


class AuditEntry(BaseModel):
    at: datetime = Field(description="When the change was committed.")
    actor: str = Field(description="Who: the token's agency and subject, or event:<consumer> for reactions.")
    actor_name: str | None = Field(
        default=None, description="The signed-in person's name from the token; none for machine clients and reactions."
    )
    action: str = Field(description="What was done, e.g. application.submitted.", examples=["stay.ended"])
    entity_type: str = Field(examples=["stay"])
    entity_id: str
    reason: str | None = Field(default=None, description="Why, where the user or rule gave a reason.")
    detail: dict[str, Any] | None = None
    trace_id: str | None = Field(default=None, description="The request's trace, to find it in the logs.")

    @field_validator("at")
    @classmethod
    def _in_utc(cls, at: datetime) -> datetime:
        # Written in UTC; SQLite hands the timestamp back without its zone.
        return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


async def audit_page(
    database: Database,
    page: PageRequest,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    actor: str | None = None,
    trace_id: str | None = None,
) -> Page[AuditEntry]:
    """One page of the audit log, oldest first, narrowed by whichever filters are given."""
    query: Select[Any] = select(audit_log).order_by(audit_log.c.id)
    for column, value in (
        (audit_log.c.entity_type, entity_type),
        (audit_log.c.entity_id, entity_id),
        (audit_log.c.actor, actor),
        (audit_log.c.trace_id, trace_id),
    ):
        if value is not None:
            query = query.where(column == value)
    async with database.sessions() as session:
        rows, total = await fetch_rows(session, query, page)
    items = [AuditEntry.model_validate(dict(row)) for row in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


def audit_router(database: Database, readers: Sequence[Agency]) -> APIRouter:
    """`GET /v1/audit` over `database`'s audit log, for the agencies in `readers` only."""
    # A dependency of the route rather than a parameter: with postponed annotations FastAPI resolves parameter
    # types in this module's globals, where a reader type made here could not be found.
    router = APIRouter(prefix="/v1", tags=["audit"], dependencies=[Depends(require(*readers))])

    @router.get("/audit", response_model=Page[AuditEntry], summary="Who changed what, when and why")
    async def audit_trail(
        page: PageRequestDep,
        entity_type: Annotated[str | None, Query(max_length=100, description="e.g. stay, application")] = None,
        entity_id: Annotated[str | None, Query(max_length=100)] = None,
        actor: Annotated[
            str | None, Query(max_length=200, description="agency:subject, or event:<consumer> for reactions")
        ] = None,
        trace_id: Annotated[
            str | None, Query(max_length=32, description="The trace of one request, as in its traceparent")
        ] = None,
    ) -> Page[AuditEntry]:
        """Every step of a case, verifiable afterwards: oldest first, narrowed by the filters given."""
        return await audit_page(
            database, page, entity_type=entity_type, entity_id=entity_id, actor=actor, trace_id=trace_id
        )

    return router
