"""the existing stock (imported contracts), the § 9-2 escalation, and what letters name a dwelling by

Revision ID: 5d2a9c41e7b3
Revises: c07938b9ba46
Create Date: 2026-12-08 01:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d2a9c41e7b3"
down_revision: str | None = "c07938b9ba46"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tenancies", schema=None) as batch_op:
        batch_op.alter_column("application_id", existing_type=sa.String(length=64), nullable=True)
        batch_op.add_column(sa.Column("escalated_end_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("applicant_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("import_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("contract_ref", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("imported_on", sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f("ix_tenancies_applicant_id"), ["applicant_id"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_tenancies_import_key"), ["import_key"])
        batch_op.create_foreign_key(
            batch_op.f("fk_tenancies_applicant_id_applicants"), "applicants", ["applicant_id"], ["id"]
        )

    with op.batch_alter_table("dwellings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("rooms", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("floor_area_m2", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dwellings", schema=None) as batch_op:
        batch_op.drop_column("floor_area_m2")
        batch_op.drop_column("rooms")
        batch_op.drop_column("address")

    with op.batch_alter_table("tenancies", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_tenancies_applicant_id_applicants"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_tenancies_import_key"), type_="unique")
        batch_op.drop_index(batch_op.f("ix_tenancies_applicant_id"))
        batch_op.drop_column("imported_on")
        batch_op.drop_column("contract_ref")
        batch_op.drop_column("import_key")
        batch_op.drop_column("applicant_id")
        batch_op.drop_column("escalated_end_date")
        batch_op.alter_column("application_id", existing_type=sa.String(length=64), nullable=False)
