"""Survey analyses (key drivers per journey phase): the summary and figures, with who and when;
raw answers only inside the payload, and only when the user asked.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cxprior.store.models import UtcDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_analyses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("analysed_at", UtcDateTime(), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("workspace_name", sa.String(200), nullable=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("most_significant", sa.String(200), nullable=False),
        sa.Column("with_answers", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_survey_analyses"),
    )
    op.create_index("ix_survey_analyses_workspace_name", "survey_analyses", ["workspace_name"])


def downgrade() -> None:
    op.drop_index("ix_survey_analyses_workspace_name", table_name="survey_analyses")
    op.drop_table("survey_analyses")
