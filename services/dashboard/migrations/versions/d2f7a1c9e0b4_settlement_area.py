"""settlement area: the area of the dwelling a refugee household settled in (settlement per area and year)

Revision ID: d2f7a1c9e0b4
Revises: e3b8d51f7a26
Create Date: 2026-12-08 01:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d2f7a1c9e0b4"
down_revision: str | None = "e3b8d51f7a26"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rm_settlements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("area_code", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rm_settlements", schema=None) as batch_op:
        batch_op.drop_column("area_code")
