"""Maturity self-assessments, kept as a history per workspace.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cxprior.store.models import UtcDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "maturity_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessed_at", UtcDateTime(), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("workspace_name", sa.String(200), nullable=True),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("overall_score", sa.Double(), nullable=False),
        sa.Column("overall_step", sa.Integer(), nullable=False),
        sa.Column("weakest", sa.String(40), nullable=False),
        sa.CheckConstraint("overall_step BETWEEN 1 AND 6", name="ck_maturity_assessments_overall_step"),
        sa.PrimaryKeyConstraint("id", name="pk_maturity_assessments"),
    )
    op.create_index("ix_maturity_assessments_workspace_name", "maturity_assessments", ["workspace_name"])


def downgrade() -> None:
    op.drop_index("ix_maturity_assessments_workspace_name", table_name="maturity_assessments")
    op.drop_table("maturity_assessments")
