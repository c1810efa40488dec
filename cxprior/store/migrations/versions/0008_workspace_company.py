"""The company a workspace belongs to: the COMEX pack's subtitle (empty until someone sets it).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: SQLite adds a column with a constant default in place, whereas a
    # batch operation would copy the table that every version and scenario refers to
    op.add_column("workspaces", sa.Column("company", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35 and later, PostgreSQL): a batch copy of
    # the table would break the foreign keys of its versions and scenarios
    op.drop_column("workspaces", "company")
