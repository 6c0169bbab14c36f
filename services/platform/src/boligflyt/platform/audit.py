"""Reading the audit log: who changed what, when and why (every step of a case verifiable afterwards).

Rows are written by `UnitOfWork.audit` in the same transaction as the change; each service exposes this
reading behind its own authorization.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field, field_validator
from sqlalchemy import Select, select

from boligflyt.platform.db import Database
from boligflyt.platform.pagination import Page, PageRequest, fetch_rows
from boligflyt.platform.tables import audit_log


class AuditEntry(BaseModel):
    at: datetime = Field(description="When the change was committed.")
    actor: str = Field(description="Who: the token's agency and subject, or event:<consumer> for reactions.")
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
    database: Database, page: PageRequest, *, entity_type: str | None = None, entity_id: str | None = None
) -> Page[AuditEntry]:
    """One page of the audit log, oldest first, optionally for one entity type and id."""
    query: Select[Any] = select(audit_log).order_by(audit_log.c.id)
    if entity_type is not None:
        query = query.where(audit_log.c.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(audit_log.c.entity_id == entity_id)
    async with database.sessions() as session:
        rows, total = await fetch_rows(session, query, page)
    items = [AuditEntry.model_validate(dict(row)) for row in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)
