"""Bring a database's tables to the code's schema, with Alembic, from Python.

`upgrade_to_head(engine)` runs on every `Store.open`: it is idempotent and safe when two
processes open the store at once (PostgreSQL: an advisory lock; SQLite: the write lock
taken by BEGIN IMMEDIATE), and the whole upgrade is one transaction on both back ends.

Developers create a new migration after changing `models.py` with
`python -m cxprior.store.migrate revision "what changed" [DATABASE_URL]`, which compares
the models with a database at head and writes the script into `migrations/versions/`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

from cxprior.store.config import WRITE_OPTION, describe, make_engine, resolve_url
from cxprior.store.errors import StoreUnavailable

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "cxprior_schema_version"
# any fixed 64-bit number; every cxprior process agrees on it ("cxprior" in ASCII)
PG_MIGRATION_LOCK = 0x63787072696F72


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the store has no migrations"
    return head


def current_revision(connection: Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Create or upgrade the tables; nothing happens when they are already at head."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MIGRATION_LOCK})")
            current = current_revision(connection)
            if current == script.get_current_head():
                return
            if current is not None:
                try:
                    script.get_revision(current)
                except CommandError:
                    raise StoreUnavailable(
                        "store.db_newer", where=describe(engine.url), revision=current
                    ) from None
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2 or args[0] != "revision":
        print(__doc__)
        return 1
    engine = make_engine(resolve_url(args[2] if len(args) > 2 else None))
    upgrade_to_head(engine)
    with engine.begin() as connection:
        command.revision(alembic_config(connection), message=args[1], autogenerate=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
