"""The version columns of issue 26 are added to each service's tables in place on SQLite, never by rebuilding a
table: a rebuilt table is dropped on the way, and with foreign keys on that deletes the rows beneath it (a stay's
absences, a subscription's deliveries)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

from boligflyt.platform.db import Database
from boligflyt.platform.host import service_definitions
from boligflyt.platform.migrate import (
    PLATFORM_MIGRATIONS,
    PLATFORM_VERSION_TABLE,
    SERVICE_VERSION_TABLE,
    alembic_config,
    migrate,
)

VERSIONED = {name: d for name, d in service_definitions().items() if d.versioned}


@pytest.mark.parametrize("name", sorted(VERSIONED))
async def test_the_version_columns_are_added_and_removed_in_place(name: str, tmp_path: Path) -> None:
    definition = VERSIONED[name]
    assert definition.migrations is not None
    migrations = definition.migrations
    tables = sorted({model.__tablename__ for model in definition.versioned.values()})
    config = alembic_config(migrations, None, SERVICE_VERSION_TABLE)
    revision = next(
        r for r in ScriptDirectory.from_config(config).walk_revisions() if "resource_versions" in (r.path or "")
    )
    before = revision.down_revision
    assert isinstance(before, str)

    def run(connection: Connection, target: str, down: bool = False) -> None:
        command.upgrade(alembic_config(PLATFORM_MIGRATIONS, connection, PLATFORM_VERSION_TABLE), "head")
        service = alembic_config(migrations, connection, SERVICE_VERSION_TABLE)
        (command.downgrade if down else command.upgrade)(service, target)

    def pages(connection: Connection) -> dict[str, int]:
        rows = connection.execute(text("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'")).all()
        return {row.name: row.rootpage for row in rows if row.name in tables}

    def columns(connection: Connection, table: str) -> set[str]:
        return {row.name for row in connection.execute(text(f"PRAGMA table_info({table})")).all()}

    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'service.sqlite'}", service=name)
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(run, before)
            first = await connection.run_sync(pages)
        async with database.engine.begin() as connection:
            await connection.run_sync(run, revision.revision)
            assert await connection.run_sync(pages) == first, "a table was rebuilt"
            for table in tables:
                assert "version" in await connection.run_sync(columns, table)
        async with database.engine.begin() as connection:
            await connection.run_sync(run, before, True)
            assert await connection.run_sync(pages) == first, "a table was rebuilt"
            for table in tables:
                assert "version" not in await connection.run_sync(columns, table)
    finally:
        await database.dispose()


def _insert(connection: Connection, table: str, values: dict[str, object]) -> None:
    """A row with the given values and a plain value in every other required column."""
    row = dict(values)
    for column in connection.execute(text(f"PRAGMA table_info({table})")).all():
        if column.name not in row and column.notnull and column.dflt_value is None:
            kind = (column.type or "").upper()
            number = any(word in kind for word in ("INT", "BOOL", "NUM"))
            row[column.name] = 1 if number else "2026-01-01" if "DATE" in kind else "{}" if "JSON" in kind else "x"
    names = ", ".join(row)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row)


async def test_a_table_rebuilt_by_a_migration_keeps_the_rows_that_refer_to_it(tmp_path: Path) -> None:
    """Making tenancies.application_id nullable rebuilds the table on SQLite; a renewal refers to a tenancy. With
    foreign keys on during the migration, dropping the old table refused (or, with ON DELETE CASCADE, deleted)
    the rows beneath it: an embedded installation with a renewal could not start after the upgrade."""
    definition = service_definitions()["applications"]
    assert definition.migrations is not None
    migrations = definition.migrations
    rows = [
        ("applicants", {"id": "a-1"}),
        ("dwellings", {"id": "d-1"}),
        ("applications", {"id": "app-1", "applicant_id": "a-1"}),
        ("tenancies", {"id": "t-1", "application_id": "app-1", "dwelling_id": "d-1"}),
        ("renewals", {"id": "r-1", "tenancy_id": "t-1"}),
    ]

    def before(connection: Connection) -> None:
        command.upgrade(alembic_config(PLATFORM_MIGRATIONS, connection, PLATFORM_VERSION_TABLE), "head")
        command.upgrade(alembic_config(migrations, connection, SERVICE_VERSION_TABLE), "c07938b9ba46")
        for table, values in rows:
            _insert(connection, table, values)

    def counts(connection: Connection) -> dict[str, int]:
        return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table, _ in rows}

    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'applications.sqlite'}", service="applications")
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(before)
        await migrate(database, migrations)
        async with database.engine.begin() as connection:
            assert await connection.run_sync(counts) == dict.fromkeys([table for table, _ in rows], 1)
            assert (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar_one() == 1  # on again
    finally:
        await database.dispose()
