"""A version per resource a client updates (ETag/If-Match)

Revision ID: a1d2e3f4a526
Revises: 307c18d86eef
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a1d2e3f4a526"
down_revision: str | None = "307c18d86eef"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every row starts at version 1; SQLAlchemy counts it up with each change (concurrency.Versioned).
TABLES = (
    "applicants",
    "applications",
    "meetings",
    "offers",
    "tenancies",
)


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
