"""deposit guarantee: NAV's decision on a household's deposit guarantee, one of the gates before the contract

Revision ID: b7e41f0c2d95
Revises: a3d6c2e19f40
Create Date: 2026-12-07 23:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7e41f0c2d95"
down_revision: str | None = "a3d6c2e19f40"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deposit_guarantee", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("deposit_guarantee_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.drop_column("deposit_guarantee_on")
        batch_op.drop_column("deposit_guarantee")
