"""Schema migrations, recorded by Alembic in the store's own alembic_version table.

Opening a store whose schema is current is the common case (every CLI command, every
`analyse` with nothing new), so it does not import Alembic (about 0.15 s CPU, and loading its
script directory parses every migration): the revisions are read from the migration files'
`revision = "…"` / `down_revision = "…"` lines and the store's version from its
`alembic_version` table with one query. Alembic runs only when there is something to upgrade;
a test checks that this reading agrees with Alembic's own (tests/store/test_migrate_fast.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

_LINE = re.compile(r"""^(down_revision|revision)\s*=\s*(?:["']([^"']+)["']|None)\s*$""", re.M)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    location = resources.files("eventline.store") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


@lru_cache(maxsize=1)
def revisions() -> dict[str, str | None]:
    """This eventline's migrations: revision -> the revision it follows (None: the first)."""
    folder = resources.files("eventline.store") / "migrations" / "versions"
    found: dict[str, str | None] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        fields = {m[1]: m[2] or None for m in _LINE.finditer(entry.read_text(encoding="utf-8"))}
        if fields.get("revision"):
            found[str(fields["revision"])] = fields.get("down_revision")
    return found


def head_revision() -> str | None:
    """The newest migration: the one no other revision follows."""
    known = revisions()
    follows = set(known.values())
    heads = sorted(r for r in known if r not in follows)
    return heads[0] if len(heads) == 1 else _alembic_head()


def _alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def is_known(revision: str) -> bool:
    """Is `revision` one of this eventline's migrations (else a newer eventline wrote it)?"""
    return revision in revisions()


def current_revision(engine: Engine) -> str | None:
    """The store's schema version (None: an empty store), in one query."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def upgrade(engine: Engine) -> None:
    """Bring the store to the newest schema; a no-op when it is already there."""
    if current_revision(engine) == head_revision():
        return
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
