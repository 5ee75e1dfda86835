"""Usage errors as one line, like every other eventline error.

Typer prints a usage error (an unknown option, `--processes 0`) as a usage line, a hint and a
framed panel. eventline promises one line on stderr and exit code 2 (docs/cli.md, Errors), so
the command group runs typer in non-standalone mode and prints the error itself."""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from rich.markup import escape
from typer import _click
from typer.core import TyperGroup
from typer.exceptions import Abort

from eventline.cli.common import err, one_line


class OneLineErrors(TyperGroup):
    """The top-level group: usage errors become `error: … (see `eventline CMD --help`)`."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        call = {"args": args, "prog_name": prog_name, "complete_var": complete_var}
        if not standalone_mode:
            return super().main(**call, standalone_mode=False, **extra)  # type: ignore[arg-type]
        try:
            code = super().main(**call, standalone_mode=False, **extra)  # type: ignore[arg-type]
        except _click.exceptions.ClickException as exc:
            _usage_error(exc)
        except Abort:
            err.print("aborted")
            sys.exit(1)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            sys.exit(1)  # the reader of our output went away (`| head`): not an error to show
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error(exc: _click.exceptions.ClickException) -> NoReturn:
    if exc.__class__.__name__ == "NoArgsIsHelpError":  # the help was the answer
        sys.exit(exc.exit_code)
    ctx = getattr(exc, "ctx", None)
    hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
    err.print(f"[red]error:[/red] {escape(one_line(exc.format_message()) + hint)}")
    sys.exit(exc.exit_code)
