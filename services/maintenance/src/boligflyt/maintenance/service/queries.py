"""The lists' common shape: equality filters on a query's entity, one page of it and the count of all."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select

from boligflyt.platform.db import Database
from boligflyt.platform.pagination import PageRequest, fetch_page


async def page_of(
    database: Database, query: Select[Any], page: PageRequest, **filters: object
) -> tuple[list[Any], int]:
    """One page of `query` (with its ORDER BY) kept to rows whose column equals each filter that is not None."""
    entity = query.column_descriptions[0]["entity"]
    for name, value in filters.items():
        if value is not None:
            query = query.where(getattr(entity, name) == value)
    async with database.sessions() as session:
        return await fetch_page(session, query, page)
