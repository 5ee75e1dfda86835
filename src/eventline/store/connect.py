"""Opening a store: URL normalisation, engine set-up per backend, migration, and turning
driver errors into one line a user can act on."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from eventline.errors import StoreError
from eventline.store import migrate


def normalise_url(url: str) -> str:
    """`postgresql://` and `postgres://` mean psycopg 3 (SQLAlchemy would pick psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def public_url(url: URL | str) -> str:
    """The URL as it may be printed: never with its password."""
    try:
        parsed = make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<unreadable store URL>"
    return parsed.render_as_string(hide_password=True)


def describe_error(exc: BaseException) -> str:
    """One line for a driver error: the cause in words, not the SQL that failed."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    lowered = text.lower()
    if "database is locked" in lowered or "database table is locked" in lowered:
        return "the store is locked by another process (SQLite: database is locked)"
    if "disk is full" in lowered or "no space left" in lowered:
        return "the disk is full; nothing was written"
    if "readonly" in lowered or "read-only" in lowered:
        return "the store is read-only"
    if "file is not a database" in lowered:
        return "not an eventline store (file is not a database)"
    return f"{exc.__class__.__name__}: {text}"


BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another process's lock on SQLite
#: SQLite's page cache per connection, KiB (its default is 2 MiB). A link writes rows keyed
#: by content hashes, each into its own leaf page of every index: with 2 MiB a transaction
#: spills dirty pages to the log, dirties and writes them again, and reads again pages it
#: evicted (adding 100 articles to 6,000: 102,620 page writes and 55,630 reads; with 64 MiB
#: 55,475 and 32,546). Memory is taken only as pages are read.
CACHE_KIB = 64 * 1024
CONNECT_TIMEOUT_S = 10  # how long to wait for a PostgreSQL server that does not answer


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: safe from corruption, fsync per checkpoint
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()


def _sqlite_ro_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_path(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _writable(path: Path) -> bool:
    """May this process write the store file (or create it in its folder)?"""
    return os.access(path if path.exists() else path.parent, os.W_OK)


def _sqlite_engine(url: URL, public: str, *, read_only: bool) -> tuple[Engine, bool]:
    """A writable engine, or a read-only one (`mode=ro`) for a file we may not write."""
    path = _sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise StoreError(public, f"cannot open: folder {path.parent} does not exist")
    if read_only and (path is None or not path.exists()):
        raise StoreError(public, "cannot open read-only: there is no store here yet")
    writable = not read_only and (path is None or _writable(path))
    if path is not None and not writable and not path.exists():
        raise StoreError(public, f"cannot open: folder {path.parent} is not writable")
    if writable:
        # a file's pool hands back the connection returned last: each connection has its own
        # page cache, and taking turns between two made a link read its pages twice (adding
        # 100 to 20,000: 239 -> 219 MB read, peak RSS 262 -> 222 MB)
        lifo = {"pool_use_lifo": True} if path is not None else {}
        engine = create_engine(url, **lifo)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine, False
    assert path is not None
    ro = f"sqlite:///file:{path.resolve()}?mode=ro&uri=true"
    engine = create_engine(ro)
    event.listen(engine, "connect", _sqlite_ro_pragmas)
    return engine, True


def open_engine(url: str, *, read_only: bool = False) -> tuple[Engine, bool]:
    """An engine on an up-to-date store, and whether it is read-only (asked for, or a
    SQLite file this process may not write)."""
    public = public_url(url)
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError as exc:
        raise StoreError(public, "cannot open: not a file path or database URL") from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            engine, read_only = _sqlite_engine(parsed, public, read_only=read_only)
        else:
            connect_args = (
                {} if "connect_timeout" in parsed.query else {"connect_timeout": CONNECT_TIMEOUT_S}
            )
            engine = create_engine(parsed, connect_args=connect_args)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(public, f"cannot open: {describe_error(exc)}") from exc
    try:
        _check_version(engine, public, read_only=read_only)
        if not read_only:
            migrate.upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        if parsed.get_backend_name() == "postgresql":
            raise StoreError(public, "cannot connect to the database server") from exc
        raise StoreError(public, f"cannot open or migrate: {describe_error(exc)}") from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(public, f"cannot open or migrate: {describe_error(exc)}") from exc
    except StoreError:
        engine.dispose()
        raise
    return engine, read_only


def _check_version(engine: Engine, public: str, *, read_only: bool) -> None:
    """Refuse a store written by a newer eventline, and a read-only store that needs a
    migration, naming both schema versions."""
    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current is not None and not migrate.is_known(current):
        raise StoreError(
            public,
            f"store schema version {current} is newer than this eventline's {head}; "
            "upgrade eventline to open it",
        )
    if read_only and current != head:
        raise StoreError(
            public,
            f"read-only store at schema version {current or 'none'} needs migrating to {head}",
        )
