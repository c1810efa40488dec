"""COMEX members' own goal weights entered in the app, with who and when (the latest row per
member and workspace is their current weighting).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cxprior.store.models import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_weights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entered_at", UtcDateTime(), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("workspace_name", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_member_weights"),
    )
    op.create_index("ix_member_weights_workspace_name", "member_weights", ["workspace_name"])


def downgrade() -> None:
    op.drop_index("ix_member_weights_workspace_name", table_name="member_weights")
    op.drop_table("member_weights")
