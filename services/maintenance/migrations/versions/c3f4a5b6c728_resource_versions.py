"""A version per resource a client updates (ETag/If-Match); the platform keeps idempotency keys

Revision ID: c3f4a5b6c728
Revises: bff9142c93ab
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3f4a5b6c728"
down_revision: str | None = "bff9142c93ab"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every row starts at version 1; SQLAlchemy counts it up with each change (concurrency.Versioned).
TABLES = (
    "dwelling",
    "inspection",
    "renovation_job",
    "acquisition_project",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            # A literal default: SQLite then adds the column in place. A rebuilt table would delete the rows
            # beneath it on the way (foreign keys are on, ON DELETE CASCADE).
            batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    # Its one-off idempotency record gave way to the platform's idempotency_key (every POST takes a key).
    op.drop_table("idempotency_record")


def downgrade() -> None:
    op.create_table(
        "idempotency_record",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_idempotency_record")),
    )
    for table in TABLES:
        # In place on both (SQLite 3.35 and later): no rebuild, as above.
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
