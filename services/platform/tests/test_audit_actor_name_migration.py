"""The audit log's actor_name column (platform_0002) is added to every service's database, on SQLite and on
PostgreSQL: rows written before it keep their actor and get no name, rows after it carry one, and it goes away
again on downgrade."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, text

from boligflyt.platform.db import Database
from boligflyt.platform.migrate import PLATFORM_MIGRATIONS, PLATFORM_VERSION_TABLE, alembic_config

BEFORE_ACTOR_NAME = "platform_0001"


@pytest.fixture
async def database(either_database_url: str) -> AsyncIterator[Database]:
    database = Database(either_database_url, service="platform-migration-test")
    try:
        yield database
    finally:
        await database.dispose()


async def migrate(database: Database, to: str, *, down: bool = False) -> None:
    def run(connection: Connection) -> None:
        config = alembic_config(PLATFORM_MIGRATIONS, connection, PLATFORM_VERSION_TABLE)
        (command.downgrade if down else command.upgrade)(config, to)

    async with database.engine.begin() as connection:
        await connection.run_sync(run)


async def audit_columns(database: Database) -> set[str]:
    async with database.engine.connect() as connection:
        return await connection.run_sync(lambda sync: {c["name"] for c in inspect(sync).get_columns("audit_log")})


async def test_the_audit_log_gains_the_actor_name_and_keeps_its_rows(database: Database) -> None:
    await migrate(database, BEFORE_ACTOR_NAME)
    assert "actor_name" not in await audit_columns(database)
    async with database.engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, entity_type, entity_id) "
                "VALUES (CURRENT_TIMESTAMP, 'nav:dev-nav', 'stay.started', 'stay', 'stay-1')"
            )
        )

    await migrate(database, "head")
    async with database.engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO audit_log (at, actor, actor_name, action, entity_type, entity_id) "
                "VALUES (CURRENT_TIMESTAMP, 'nav:nils', 'Nils Hansen', 'stay.ended', 'stay', 'stay-1')"
            )
        )
        rows = (await connection.execute(text("SELECT actor, actor_name FROM audit_log ORDER BY id"))).all()
    assert [tuple(row) for row in rows] == [("nav:dev-nav", None), ("nav:nils", "Nils Hansen")]

    await migrate(database, BEFORE_ACTOR_NAME, down=True)
    assert "actor_name" not in await audit_columns(database)
    async with database.engine.connect() as connection:
        assert (await connection.execute(text("SELECT count(*) FROM audit_log"))).scalar_one() == 2
