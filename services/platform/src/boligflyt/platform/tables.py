"""The platform's own tables, present in every service database: outbox, inbox, audit log and idempotency keys."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL wants a bigint identity.
Id = BigInteger().with_variant(Integer(), "sqlite")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

platform_metadata = MetaData(naming_convention=NAMING_CONVENTION)

outbox = Table(
    "outbox",
    platform_metadata,
    # The id orders the relay: events leave in the order their transactions wrote them.
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("event_type", String(200), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("key", String(200), nullable=False),
    Column("value", LargeBinary, nullable=False),
    Column("headers", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("published_at", DateTime(timezone=True)),
)
Index(
    "ix_outbox_unpublished",
    outbox.c.id,
    postgresql_where=text("published_at IS NULL"),
    sqlite_where=text("published_at IS NULL"),
)

inbox = Table(
    "inbox",
    platform_metadata,
    Column("consumer", String(100), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("event_type", String(200), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("partition", Integer, nullable=False),
    Column("offset", BigInteger, nullable=False),
    Column("handled_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    platform_metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(200), nullable=False),
    # The person's display name from the token (subject stays in actor); none for machines and reactions.
    Column("actor_name", String(200)),
    Column("action", String(100), nullable=False),
    Column("entity_type", String(100), nullable=False),
    Column("entity_id", String(100), nullable=False),
    Column("reason", Text),
    Column("detail", JSON),
    Column("trace_id", String(64)),
)
Index("ix_audit_log_entity", audit_log.c.entity_type, audit_log.c.entity_id)

# The answer to a request sent with an Idempotency-Key, per client (idempotency.py). The row is written by the
# unit of work that makes the change, so it exists exactly when the change does; the answer follows it.
idempotency_key = Table(
    "idempotency_key",
    platform_metadata,
    Column("client", String(200), primary_key=True),  # the principal's actor: agency:subject
    Column("key", String(255), primary_key=True),
    Column("fingerprint", String(64), nullable=False),  # SHA-256 of method, path, query and body
    Column("method", String(10), nullable=False),
    Column("path", String(500), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("status_code", Integer),  # none until the answer is stored
    Column("headers", JSON),
    Column("body", LargeBinary),
    Column("answered_at", DateTime(timezone=True)),
)
Index("ix_idempotency_key_expires_at", idempotency_key.c.expires_at)
