"""Alembic environment, run programmatically by `cxprior.store.migrate` (no alembic.ini).

The caller hands over an open connection, already inside a transaction that holds the
migration lock, so the whole upgrade commits or rolls back as one.
"""

from __future__ import annotations

from alembic import context

from cxprior.store.migrate import VERSION_TABLE
from cxprior.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("run the store's migrations through cxprior.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    # SQLite alters tables by copying them; batch mode lets the same scripts run there
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
