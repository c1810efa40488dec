"""Robustness analyses (Monte Carlo), kept per portfolio so the COMEX sees them after a restart.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cxprior.store.models import UtcDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "robustness_analyses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("portfolio_key", sa.String(64), nullable=False),
        sa.Column("draws", sa.Integer(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("computed_at", UtcDateTime(), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_robustness_analyses"),
        sa.UniqueConstraint("portfolio_key", "draws", "seed", name="uq_robustness_analyses_portfolio_key"),
    )
    op.create_index("ix_robustness_analyses_portfolio_key", "robustness_analyses", ["portfolio_key"])


def downgrade() -> None:
    op.drop_index("ix_robustness_analyses_portfolio_key", table_name="robustness_analyses")
    op.drop_table("robustness_analyses")
