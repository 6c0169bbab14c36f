"""A read model projected before NAV's events stated each stay's limit keeps counting its stays by the limit NAV
applied then, on both databases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
from alembic import command
from sqlalchemy import Connection, text

from boligflyt.dashboard.main import definition
from boligflyt.platform.db import Database
from boligflyt.platform.migrate import (
    PLATFORM_MIGRATIONS,
    PLATFORM_VERSION_TABLE,
    SERVICE_VERSION_TABLE,
    alembic_config,
)

BEFORE_LIMIT_DATES = "9677b4e55258"


@pytest.fixture
async def database(either_database_url: str) -> AsyncIterator[Database]:
    database = Database(either_database_url, service="dashboard")
    try:
        yield database
    finally:
        await database.dispose()


async def upgrade(database: Database, revision: str) -> None:
    assert definition.migrations is not None

    def run(connection: Connection) -> None:
        command.upgrade(alembic_config(PLATFORM_MIGRATIONS, connection, PLATFORM_VERSION_TABLE), "head")
        command.upgrade(alembic_config(definition.migrations, connection, SERVICE_VERSION_TABLE), revision)

    async with database.engine.begin() as connection:
        await connection.run_sync(run)


async def test_stays_projected_before_the_limit_date_get_the_limit_in_force_then(database: Database) -> None:
    await upgrade(database, BEFORE_LIMIT_DATES)
    async with database.engine.begin() as connection:
        await connection.execute(
            text("INSERT INTO rm_stays (stay_id, person_ref, start_date) VALUES ('stay-1', 'ref', :start)"),
            {"start": date(2015, 1, 8)},
        )
    await upgrade(database, "head")
    async with database.engine.connect() as connection:
        limit = (await connection.execute(text("SELECT limit_date FROM rm_stays"))).scalar_one()
    assert str(limit) == "2015-04-08"
