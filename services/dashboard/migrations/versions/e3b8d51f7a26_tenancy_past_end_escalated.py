"""tenancy past end escalated: the § 9-2 risks (a contract past its end with neither a renewal nor a notice)

Revision ID: e3b8d51f7a26
Revises: d2a9c4e1f7b3
Create Date: 2026-12-08 01:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e3b8d51f7a26"
down_revision: str | None = "d2a9c4e1f7b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rm_tenancies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("escalated_end_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("escalated_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rm_tenancies", schema=None) as batch_op:
        batch_op.drop_column("escalated_on")
        batch_op.drop_column("escalated_end_date")
