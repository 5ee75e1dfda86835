"""Schema migrations, recorded by Alembic in the store's own alembic_version table."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine


def _config() -> Config:
    config = Config()
    location = resources.files("eventline.store") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_known(revision: str) -> bool:
    """Is `revision` one of this eventline's migrations (else a newer eventline wrote it)?"""
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the store to the newest schema; a no-op when it is already there."""
    if current_revision(engine) == head_revision():
        return
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
