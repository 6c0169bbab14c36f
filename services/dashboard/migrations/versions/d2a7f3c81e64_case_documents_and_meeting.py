"""case documents and meeting: documents missing at the last completeness check, and the committee meeting date

Revision ID: d2a7f3c81e64
Revises: d2f7a1c9e0b4
Create Date: 2026-12-08 01:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d2a7f3c81e64"
down_revision: str | None = "d2f7a1c9e0b4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("documents_missing", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("meeting_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.drop_column("meeting_on")
        batch_op.drop_column("documents_missing")
