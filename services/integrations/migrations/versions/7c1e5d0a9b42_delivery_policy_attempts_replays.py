"""delivery policy per subscription, each retired secret with its own expiry, the attempts of each delivery,
replays

Revision ID: 7c1e5d0a9b42
Revises: a2b55ccc0e91
Create Date: 2026-12-08 10:00:00.000000
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "7c1e5d0a9b42"
down_revision: str | None = "a2b55ccc0e91"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Seq = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _aware(moment: datetime | str) -> str:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def upgrade() -> None:
    # Columns are added and dropped in place (PostgreSQL, and SQLite since 3.35), never by rebuilding the
    # subscription table: on SQLite a rebuild deletes its rows first, and that cascades to every delivery.
    op.add_column("webhook_subscription", sa.Column("previous_secrets", sa.JSON(), nullable=True))
    op.add_column("webhook_subscription", sa.Column("retry_schedule", sa.JSON(), nullable=True))
    op.add_column("webhook_subscription", sa.Column("timeout_seconds", sa.Float(), nullable=True))
    subscriptions = sa.table(
        "webhook_subscription",
        sa.column("id", sa.String),
        sa.column("previous_secret", sa.String),
        sa.column("previous_secret_expires_at", sa.DateTime(timezone=True)),
        sa.column("previous_secrets", sa.JSON),
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(subscriptions)).all():
        retired = []
        if row.previous_secret:
            # Without an expiry it no longer signs; kept (as expired) so a downgrade gives it back.
            expires = row.previous_secret_expires_at or datetime.now(UTC)
            retired.append({"sealed": row.previous_secret, "expires_at": _aware(expires)})
        connection.execute(
            subscriptions.update().where(subscriptions.c.id == row.id).values(previous_secrets=retired)
        )
    op.execute("ALTER TABLE webhook_subscription DROP COLUMN previous_secret")
    op.execute("ALTER TABLE webhook_subscription DROP COLUMN previous_secret_expires_at")

    op.add_column("webhook_delivery", sa.Column("replay_id", sa.String(length=40), nullable=True))
    # An event is still one delivery per subscription, but a replay adds copies: the uniqueness holds for the
    # event's own delivery only. On SQLite this rebuilds the delivery table, which nothing references yet.
    with op.batch_alter_table("webhook_delivery", schema=None) as batch_op:
        batch_op.drop_constraint("uq_webhook_delivery_subscription_event", type_="unique")
    op.create_index(
        "uq_webhook_delivery_subscription_event",
        "webhook_delivery",
        ["subscription_id", "event_id"],
        unique=True,
        sqlite_where=sa.text("replay_id IS NULL"),
        postgresql_where=sa.text("replay_id IS NULL"),
    )
    op.create_index(op.f("ix_webhook_delivery_replay_id"), "webhook_delivery", ["replay_id"], unique=False)
    op.create_index(op.f("ix_webhook_delivery_created_at"), "webhook_delivery", ["created_at"], unique=False)

    op.create_table(
        "webhook_attempt",
        sa.Column("id", Seq, autoincrement=True, nullable=False),
        sa.Column("delivery_seq", Seq, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("retry_after_seconds", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["delivery_seq"],
            ["webhook_delivery.seq"],
            name=op.f("fk_webhook_attempt_delivery_seq_webhook_delivery"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_attempt")),
    )
    op.create_index(op.f("ix_webhook_attempt_delivery_seq"), "webhook_attempt", ["delivery_seq"], unique=False)
    op.create_table(
        "webhook_replay",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("subscription_id", sa.String(length=40), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("from_event_id", sa.String(length=64), nullable=True),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["webhook_subscription.id"],
            name=op.f("fk_webhook_replay_subscription_id_webhook_subscription"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_replay")),
    )
    op.create_index(op.f("ix_webhook_replay_subscription_id"), "webhook_replay", ["subscription_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_webhook_replay_subscription_id"), table_name="webhook_replay")
    op.drop_table("webhook_replay")
    op.drop_index(op.f("ix_webhook_attempt_delivery_seq"), table_name="webhook_attempt")
    op.drop_table("webhook_attempt")
    op.drop_index(op.f("ix_webhook_delivery_created_at"), table_name="webhook_delivery")
    op.drop_index(op.f("ix_webhook_delivery_replay_id"), table_name="webhook_delivery")
    op.execute("DELETE FROM webhook_delivery WHERE replay_id IS NOT NULL")
    op.drop_index("uq_webhook_delivery_subscription_event", table_name="webhook_delivery")
    with op.batch_alter_table("webhook_delivery", schema=None) as batch_op:
        batch_op.drop_column("replay_id")
        batch_op.create_unique_constraint("uq_webhook_delivery_subscription_event", ["subscription_id", "event_id"])
    op.add_column("webhook_subscription", sa.Column("previous_secret", sa.String(length=400), nullable=True))
    op.add_column(
        "webhook_subscription", sa.Column("previous_secret_expires_at", sa.DateTime(timezone=True), nullable=True)
    )
    subscriptions = sa.table(
        "webhook_subscription",
        sa.column("id", sa.String),
        sa.column("previous_secret", sa.String),
        sa.column("previous_secret_expires_at", sa.DateTime(timezone=True)),
        sa.column("previous_secrets", sa.JSON),
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(subscriptions)).all():
        retired = row.previous_secrets if not isinstance(row.previous_secrets, str) else json.loads(row.previous_secrets)
        if retired:
            last = retired[-1]
            connection.execute(
                subscriptions.update()
                .where(subscriptions.c.id == row.id)
                .values(previous_secret=last["sealed"], previous_secret_expires_at=datetime.fromisoformat(last["expires_at"]))
            )
    for column in ("previous_secrets", "retry_schedule", "timeout_seconds"):
        op.execute(f"ALTER TABLE webhook_subscription DROP COLUMN {column}")
