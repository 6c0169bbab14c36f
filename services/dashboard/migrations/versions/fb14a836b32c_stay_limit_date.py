"""stay limit date: each stay's day of NAV's limit, as NAV's own events state it

Revision ID: fb14a836b32c
Revises: 9677b4e55258
Create Date: 2026-12-02 09:12:41.305118
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "fb14a836b32c"
down_revision: str | None = "9677b4e55258"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The limit NAV applied before its events stated it: stays projected before this revision keep being counted
# by it (a rebuild replaces it with what NAV's events say).
LIMIT_DAYS_BEFORE = 90


def upgrade() -> None:
    with op.batch_alter_table("rm_stays", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limit_date", sa.Date(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"UPDATE rm_stays SET limit_date = date(start_date, '+{LIMIT_DAYS_BEFORE} days')")
    else:
        op.execute(f"UPDATE rm_stays SET limit_date = start_date + {LIMIT_DAYS_BEFORE}")


def downgrade() -> None:
    with op.batch_alter_table("rm_stays", schema=None) as batch_op:
        batch_op.drop_column("limit_date")
