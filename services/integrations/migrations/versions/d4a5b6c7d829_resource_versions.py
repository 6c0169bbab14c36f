"""A version per resource a client updates (ETag/If-Match)

Revision ID: d4a5b6c7d829
Revises: 7c1e5d0a9b42
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d4a5b6c7d829"
down_revision: str | None = "7c1e5d0a9b42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every row starts at version 1; SQLAlchemy counts it up with each change (concurrency.Versioned).
TABLES = ("webhook_subscription",)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            # A literal default: SQLite then adds the column in place. A rebuilt table would delete the rows
            # beneath it on the way (foreign keys are on, ON DELETE CASCADE).
            batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    for table in TABLES:
        # In place on both (SQLite 3.35 and later): no rebuild, as above.
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
