"""Alembic, run from code: the platform's tables, then the service's own history, in the service's database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection

from boligflyt.platform.db import Database
from boligflyt.platform.tables import platform_metadata

PLATFORM_MIGRATIONS = Path(__file__).parent / "migrations"
PLATFORM_VERSION_TABLE = "platform_alembic_version"
SERVICE_VERSION_TABLE = "alembic_version"


def alembic_config(script_location: Path, connection: Connection | None, version_table: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    config.attributes["version_table"] = version_table
    return config


def run_env(context: Any, target_metadata: MetaData) -> None:
    """The body of every migrations/env.py: use the connection handed over by `migrate`.

    `context` is alembic's `alembic.context` module proxy, an EnvironmentContext at run time.
    """
    connection = context.config.attributes["connection"]
    version_table = context.config.attributes.get("version_table", SERVICE_VERSION_TABLE)
    # Each history autogenerates only its own tables; the other's are not dropped by accident.
    own_tables = set(target_metadata.tables)

    def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table":
            return name in own_tables
        return True

    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        version_table=version_table,
        include_object=include_object,
        render_as_batch=True,  # SQLite can only ALTER a table by copying it
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def platform_env(context: Any) -> None:
    run_env(context, platform_metadata)


async def migrate(database: Database, service_migrations: Path | None) -> None:
    """Bring the database to the newest schema: the platform's tables first, then the service's."""

    def upgrade(connection: Connection) -> None:
        command.upgrade(alembic_config(PLATFORM_MIGRATIONS, connection, PLATFORM_VERSION_TABLE), "head")
        if service_migrations is not None:
            command.upgrade(alembic_config(service_migrations, connection, SERVICE_VERSION_TABLE), "head")

    async with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite changes a column by rebuilding its table (Alembic's batch mode): with foreign keys on, dropping
            # the old table deletes or refuses the rows that reference it. Off for the migration (set before any
            # BEGIN: inside a transaction SQLite ignores it), and every reference checked before the commit.
            await connection.run_sync(_foreign_keys, False)
        try:
            await connection.run_sync(upgrade)
            if sqlite:
                broken = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                if broken:
                    raise RuntimeError(f"the migration left rows referring to rows that are not there: {broken[:5]}")
            await connection.commit()
        finally:
            if sqlite:
                await connection.rollback()  # nothing left to undo after a commit; the pragma needs no transaction
                await connection.run_sync(_foreign_keys, True)


def _foreign_keys(connection: Connection, on: bool) -> None:
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    cursor.close()


async def make_revision(database: Database, service_migrations: Path, message: str) -> None:
    """Autogenerate a new revision of the service's history from the difference to its models."""

    def revision(connection: Connection) -> None:
        command.revision(
            alembic_config(service_migrations, connection, SERVICE_VERSION_TABLE),
            message=message,
            autogenerate=True,
        )

    await migrate(database, service_migrations)
    async with database.engine.begin() as connection:
        await connection.run_sync(revision)
