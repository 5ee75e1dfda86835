"""What every command shares: settings, the store, error handling and the consoles."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from eventline.errors import EventlineError
from eventline.settings import Settings
from eventline.store import Store

# Piped output is not cut to 80 columns: tables stay one line per row for grep and less.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class State:
    settings: Settings

    def open_store(self) -> Store:
        return Store(self.settings.db_url)


def fail(message: str, *, code: int = 2) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn library errors into one clear line and exit code 2, never a traceback."""
    try:
        yield
    except EventlineError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted", code=130)
