"""sealed webhook secrets: signing secrets stored as Fernet tokens under BOLIGFLYT_INTEGRATIONS_SECRET_KEYS

Revision ID: a2b55ccc0e91
Revises: 2b4dfb32124e
Create Date: 2026-12-07 20:30:00.000000
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from boligflyt.integrations.settings import IntegrationsSettings

revision: str = "a2b55ccc0e91"
down_revision: str | None = "2b4dfb32124e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What a plain secret starts with; a sealed one is a Fernet token (`gAAAAA...`).
PLAIN_PREFIX = "whsec_"

subscriptions = sa.table(
    "webhook_subscription",
    sa.column("id", sa.String),
    sa.column("secret", sa.String),
    sa.column("previous_secret", sa.String),
)


def _resize(length: int, existing: int) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        # SQLite changes a column's type by rebuilding the table, and dropping the old one deletes its rows first:
        # with foreign keys on (the platform turns them on, and no transaction can turn them off) that cascades
        # to every delivery. So the deliveries are kept aside meanwhile and put back as they were.
        op.execute("CREATE TEMPORARY TABLE webhook_delivery_kept AS SELECT * FROM webhook_delivery")
    with op.batch_alter_table("webhook_subscription", schema=None) as batch_op:
        for column, nullable in (("secret", False), ("previous_secret", True)):
            batch_op.alter_column(
                column,
                existing_type=sa.String(length=existing),
                type_=sa.String(length=length),
                existing_nullable=nullable,
            )
    if sqlite:
        op.execute("INSERT INTO webhook_delivery SELECT * FROM webhook_delivery_kept")
        op.execute("DROP TABLE webhook_delivery_kept")


def _convert(change: Callable[[str], str], wanted: Callable[[str], bool]) -> None:
    connection = op.get_bind()
    for row in connection.execute(sa.select(subscriptions)).all():
        values = {
            column: change(value)
            for column, value in (("secret", row.secret), ("previous_secret", row.previous_secret))
            if value is not None and wanted(value)
        }
        if values:
            connection.execute(subscriptions.update().where(subscriptions.c.id == row.id).values(**values))


def upgrade() -> None:
    # A Fernet token of a secret is about 170 characters.
    _resize(400, existing=100)
    cipher = IntegrationsSettings().secret_cipher
    _convert(cipher.seal, lambda value: value.startswith(PLAIN_PREFIX))


def downgrade() -> None:
    cipher = IntegrationsSettings().secret_cipher
    _convert(cipher.open, lambda value: not value.startswith(PLAIN_PREFIX))
    _resize(100, existing=400)
