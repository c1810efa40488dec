"""Follow-ups of approved scenarios: every version of the progress and measurements, with who
saved it, when and from which file (JSON payload of kind "followup").

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cxprior.store.models import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", UtcDateTime(), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["scenario_id"], ["scenarios.id"], name="fk_followups_scenario_id_scenarios"),
        sa.PrimaryKeyConstraint("id", name="pk_followups"),
        sa.UniqueConstraint("scenario_id", "version", name="uq_followups_scenario_version"),
    )


def downgrade() -> None:
    op.drop_table("followups")
