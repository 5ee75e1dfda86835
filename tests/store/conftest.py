"""Store tests run on both backends: SQLite in a temporary folder, and PostgreSQL in a
throwaway database created for the test session on 127.0.0.1:5432 (one schema per test).

With no PostgreSQL reachable the PostgreSQL cases are skipped with the reason (`pytest -ra`
prints it); with CI=true their absence is a failure."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventline.store import Store

PG_SERVER = os.environ.get("EVENTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _admin_connect() -> object:
    import psycopg

    dsn = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    return psycopg.connect(dsn, autocommit=True, connect_timeout=3)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of its own for this test session, dropped at the end."""
    try:
        admin = _admin_connect()
    except Exception as exc:  # any failure to reach the server means: no PostgreSQL here
        reason = f"PostgreSQL not reachable at {PG_SERVER}: {exc.__class__.__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the PostgreSQL store tests must run)")
        pytest.skip(reason)
    name = f"eventline_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
        admin.close()  # type: ignore[attr-defined]


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    """A fresh schema in the session's database, as a store URL."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:10]}"
    plain = pg_database.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{pg_database}?options=-csearch_path%3D{schema}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/test.db"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened
