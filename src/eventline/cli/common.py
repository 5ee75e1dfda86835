"""What every command shares: settings, the store, error handling and the consoles."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from eventline.errors import EventlineError, StoreError

if TYPE_CHECKING:
    from eventline.settings import Settings
    from eventline.store import Store

# C0 and C1 control characters other than newline and tab: an escape sequence in an article
# ("\x1b]0;title\x07", "\x1b[2J") would drive the reader's terminal. Shown, never obeyed.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters shown as `\\xNN` instead of sent to the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class SafeConsole(Console):
    """A console whose strings (table cells, messages) never carry control characters from
    the data; rich's own styling sequences are added after this, so colours still work."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(printable(text), **kwargs)


# Piped output is not cut to 80 columns: tables stay one line per row for grep and less.
out = SafeConsole(highlight=False, width=None if sys.stdout.isatty() else 160)
err = SafeConsole(stderr=True, highlight=False, soft_wrap=True)


@dataclass
class State:
    settings: Settings

    def open_store(self) -> Store:
        from eventline.store import Store

        _opened.append(self.settings.db_url)
        return Store(self.settings.db_url)


_opened: list[str] = []  # stores this process opened, so a late database error can name one


# Bidirectional controls reorder what a terminal shows ("evil\u202etxt.exe" reads as
# "evilexe.txt"): in a message they are shown as escapes, never obeyed.
_BIDI = {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}


def one_line(text: str) -> str:
    """Text safe to print on one terminal line: line breaks become spaces, bidi controls
    become escapes, and characters a terminal cannot encode (lone surrogates from a file
    name that is not UTF-8) become backslash escapes instead of a UnicodeEncodeError."""
    flat = " ".join(text.splitlines()).translate(_BIDI)
    return flat.encode("utf-8", "backslashreplace").decode("utf-8")


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, marked with '…', so
    evidence never ends mid-word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """'1 claim', '2 claims', '0 rows'."""
    return f"{count:,} {noun if count == 1 else plural_form or noun + 's'}"


def fail(message: str, *, code: int = 2) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(one_line(message))}")
    raise typer.Exit(code)


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn library errors into one clear line and the class's exit code, never a traceback.

    A database error that escaped the store's own wrapping (a page of the SQLite file is
    corrupt, found only when a query reads it) is reported the same way as a StoreError."""
    try:
        yield
    except EventlineError as exc:
        fail(str(exc), code=exc.exit_code)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc.__class__.__name__)
        where = _opened[-1] if _opened else "(unknown)"
        fail(str(StoreError(where, f"cannot read: {reason}")), code=StoreError.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", code=130)
