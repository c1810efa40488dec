"""Workspaces and their versions, scenarios, decisions.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from cxprior.store.models import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATUSES = ("draft", "submitted", "approved", "sent_back", "deleted")


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by_name", sa.String(200), nullable=False),
        sa.Column("updated_by_id", sa.String(320), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_workspaces"),
        sa.UniqueConstraint("name", name="uq_workspaces_name"),
    )
    op.create_table(
        "workspace_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", UtcDateTime(), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.Column("goals", sa.Integer(), nullable=False),
        sa.Column("kpis", sa.Integer(), nullable=False),
        sa.Column("initiatives", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name="fk_workspace_versions_workspace_id_workspaces"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_workspace_versions"),
        sa.UniqueConstraint("workspace_id", "version", name="uq_workspace_versions_version"),
    )
    op.create_table(
        "scenarios",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("workspace_version_id", sa.Integer(), nullable=False),
        sa.Column("parameters", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("result_status", sa.String(20), nullable=True),
        sa.Column("objective", sa.Double(), nullable=True),
        sa.Column("total_cost", sa.Double(), nullable=True),
        sa.Column("selected_count", sa.Integer(), nullable=True),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by_name", sa.String(200), nullable=False),
        sa.Column("created_by_id", sa.String(320), nullable=True),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by_name", sa.String(200), nullable=False),
        sa.Column("updated_by_id", sa.String(320), nullable=True),
        sa.CheckConstraint(f"status IN {STATUSES!r}", name="ck_scenarios_status"),
        sa.ForeignKeyConstraint(
            ["workspace_version_id"],
            ["workspace_versions.id"],
            name="fk_scenarios_workspace_version_id_workspace_versions",
        ),
        sa.ForeignKeyConstraint(
            ["copied_from_id"], ["scenarios.id"], name="fk_scenarios_copied_from_id_scenarios"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_scenarios"),
    )
    op.create_index("ix_scenarios_status", "scenarios", ["status"])
    op.create_index("ix_scenarios_workspace_version_id", "scenarios", ["workspace_version_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("scenario_version", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(320), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["scenario_id"], ["scenarios.id"], name="fk_decisions_scenario_id_scenarios"),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
    )
    op.create_index("ix_decisions_scenario_id", "decisions", ["scenario_id"])


def downgrade() -> None:
    op.drop_table("decisions")
    op.drop_table("scenarios")
    op.drop_table("workspace_versions")
    op.drop_table("workspaces")
