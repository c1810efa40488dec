"""Where the store lives and how to connect to it.

Embedded default: a SQLite file (`CXPRIOR_DB_PATH`, else `.cxprior/cxprior.db` under the
working directory) in WAL mode, created on first start. Teams: `DATABASE_URL` pointing to
PostgreSQL (`postgres://…` and `postgresql://…` are driven by psycopg 3).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

DEFAULT_SQLITE_PATH = Path(".cxprior") / "cxprior.db"
# how long a writer waits for another writer before giving up, in milliseconds
SQLITE_BUSY_TIMEOUT_MS = 30_000
# execution option marking a connection that will write: SQLite then takes the write
# lock at BEGIN, so two writers queue instead of failing on a lock upgrade
WRITE_OPTION = "cxprior_write"


def resolve_url(url: str | None = None, env: Mapping[str, str] | None = None) -> URL:
    """The database URL: `url`, else `DATABASE_URL`, else the SQLite file.

    A value without `://` is a SQLite file path. Pure: reads `env` (default: the process
    environment) and touches no file.
    """
    env = os.environ if env is None else env
    raw = url or env.get("DATABASE_URL") or ""
    if not raw:
        raw = env.get("CXPRIOR_DB_PATH") or str(DEFAULT_SQLITE_PATH)
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().absolute()))
    parsed = make_url(raw)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def describe(url: URL) -> str:
    """The URL as shown to users: password hidden."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise ValueError("the store needs a SQLite file, not an in-memory database")
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        _configure_sqlite(engine)
        return engine
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True, connect_args={"application_name": "cxprior"})
    raise ValueError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # the driver's own BEGIN handling is off; the "begin" listener below emits ours
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        _switch_to_wal(cursor)
        cursor.execute("PRAGMA foreign_keys = ON")
        # FULL: a committed save survives a power cut too, not only a killed process
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Put the file in WAL mode, waiting for a process doing the same on a new file.

    SQLite answers "database is locked" at once, without its busy handler, when two
    connections switch a new file to WAL together; so we wait and retry ourselves, as
    long as the busy timeout. Once the file is in WAL mode the pragma is a no-op.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)
