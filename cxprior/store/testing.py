"""Throwaway databases for tests and measurements (never used by the app).

`throwaway_database(base_url, directory)` yields the URL of an empty database: a new
SQLite file in `directory` when `base_url` is None, else a new schema in the PostgreSQL
database `base_url` (selected through the connection's search_path), dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from cxprior.store.config import resolve_url

TEST_DATABASE_ENV = "CXPRIOR_TEST_DATABASE_URL"


@contextmanager
def throwaway_database(base_url: str | None, directory: Path) -> Iterator[str]:
    if base_url is None:
        path = Path(directory) / f"cxprior-{uuid.uuid4().hex[:8]}.db"
        yield str(path)
        return
    url = resolve_url(base_url)
    schema = f"cxprior_test_{uuid.uuid4().hex[:12]}"
    # no pool: no connection left open for a forked test process to inherit
    admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
