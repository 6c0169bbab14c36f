"""Paginated lists, the same in every service: `?limit=&offset=` in, `{items, total, limit, offset}` out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel
from sqlalchemy import RowMapping, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from boligflyt.platform.db import Database

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000


@dataclass(frozen=True)
class PageRequest:
    limit: int
    offset: int


# A coroutine, not a function: FastAPI would run a function dependency in its thread pool (see runtime.get_runtime).
async def page_request(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items at most.")] = DEFAULT_LIMIT,
    # Bounded so an absurd offset is a 422, not an overflow of the database's integer.
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="How many items to skip.")] = 0,
) -> PageRequest:
    return PageRequest(limit=limit, offset=offset)


PageRequestDep = Annotated[PageRequest, Depends(page_request)]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list and how many there are in all."""

    items: list[T]
    total: int
    limit: int
    offset: int


async def fetch_page(session: AsyncSession, query: Select[Any], page: PageRequest) -> tuple[list[Any], int]:
    """Run an ORM `query` for one page (it must have its ORDER BY) and count all its rows."""
    total = await _count(session, query)
    rows = (await session.execute(query.limit(page.limit).offset(page.offset))).scalars().all()
    return list(rows), total


async def read_page(database: Database, query: Select[Any], page: PageRequest) -> tuple[list[Any], int]:
    """`fetch_page` in a session of its own: a list's read, outside any unit of work."""
    async with database.sessions() as session:
        return await fetch_page(session, query, page)


def where_given(query: Select[Any], *filters: tuple[InstrumentedAttribute[Any], object]) -> Select[Any]:
    """The query narrowed to rows whose column equals each value given: a list's optional filters (None: any).
    An enum is compared by its value, as the tables store it."""
    for column, value in filters:
        if value is not None:
            query = query.where(column == (value.value if isinstance(value, Enum) else value))
    return query


async def fetch_rows(session: AsyncSession, query: Select[Any], page: PageRequest) -> tuple[list[RowMapping], int]:
    """The same for a Core query of columns: one page of rows as mappings, and the count of all."""
    total = await _count(session, query)
    rows = (await session.execute(query.limit(page.limit).offset(page.offset))).mappings().all()
    return list(rows), total


async def _count(session: AsyncSession, query: Select[Any]) -> int:
    return int(await session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0)
