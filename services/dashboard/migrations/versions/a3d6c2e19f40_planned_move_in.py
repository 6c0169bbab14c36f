"""planned move-in: the day an allocated (or offered) household is to move in, which follows the dwelling

Revision ID: a3d6c2e19f40
Revises: fb14a836b32c
Create Date: 2026-12-07 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a3d6c2e19f40"
down_revision: str | None = "fb14a836b32c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("planned_move_in_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rm_applications", schema=None) as batch_op:
        batch_op.drop_column("planned_move_in_on")
