"""able to buy: the day an application was refused because the household can buy (start-up loan, rent-to-own),
for Husbanken's figures

Revision ID: d2a9c4e1f7b3
Revises: b7e41f0c2d95
Create Date: 2026-12-08 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d2a9c4e1f7b3"
down_revision: str | None = "b7e41f0c2d95"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("able_to_buy_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.drop_column("able_to_buy_on")
