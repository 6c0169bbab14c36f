"""The Dashboard service's tables: the read model (generated from domain.TABLES), the event log, settings.

The read model is disposable: `rebuild` wipes it and replays every topic. Only `stuck_thresholds` (what the
coordinators chose) survives a rebuild.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, Date, DateTime, Index, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeEngine

from boligflyt.dashboard.domain import TABLES
from boligflyt.platform.tables import NAMING_CONVENTION, Id


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


metadata = Base.metadata

_SQL_TYPES: dict[type, TypeEngine[Any]] = {
    str: String(200),
    date: Date(),
    datetime: DateTime(timezone=True),
    bool: Boolean(),
    int: BigInteger(),
}


def _read_model_table(name: str, columns: dict[str, type]) -> Table:
    key, *rest = columns
    return Table(
        f"rm_{name}",
        metadata,
        Column(key, String(200), primary_key=True),
        *(Column(column, _SQL_TYPES[kind]) for column, kind in columns.items() if column in rest),
    )


read_model_tables: dict[str, Table] = {name: _read_model_table(name, columns) for name, columns in TABLES.items()}

# Every event the dashboard has seen, in the order it handled them: the live stream, timelines and as-of replays.
event_log = Table(
    "event_log",
    metadata,
    Column("seq", Id, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("type", String(200), nullable=False),
    Column("name", String(100), nullable=False),
    Column("time", DateTime(timezone=True), nullable=False),
    Column("on_date", Date()),
    Column("key", String(200), nullable=False),
    Column("person_ref", String(64)),
    Column("dwelling_id", String(200)),
    Column("agency", String(40), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("payload", JSON, nullable=False),
)
Index("ix_event_log_time", event_log.c.time)
Index("ix_event_log_person_ref", event_log.c.person_ref)
Index("ix_event_log_dwelling_id", event_log.c.dwelling_id)
Index("ix_event_log_key", event_log.c.key)

stuck_thresholds = Table(
    "stuck_thresholds",
    metadata,
    Column("rule", String(100), primary_key=True),
    Column("days", Integer, nullable=False),
)

# The rebuild's own progress: which consumer group reads the topics now (a new one per rebuild).
rebuild_state = Table(
    "rebuild_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("group_id", String(200), nullable=False),
    Column("rebuilt_at", DateTime(timezone=True), nullable=False),
    Column("events", BigInteger, nullable=False),
)
