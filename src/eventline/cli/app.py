"""`eventline` command: each command calls one library function and formats its result.

Errors from the library (EventlineError) become one red line and exit code 2; inputs that
were rejected during an otherwise successful ingest give exit code 1."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from typer.main import get_command_name
from typer.models import CommandInfo

from eventline.cli import validate
from eventline.cli.analysis import register as register_analysis
from eventline.cli.common import State, err, fail, handle_errors, one_line, out, plural
from eventline.cli.evaluate import eval_command
from eventline.cli.oneline import OneLineErrors
from eventline.cli.repair import register as register_repair
from eventline.cli.search import search_command
from eventline.settings import load_settings

if TYPE_CHECKING:  # reading inputs pulls in trafilatura and lxml: only `ingest` needs them;
    # records, queries, exports and rich's tables load in the commands that use them (#10)
    from eventline.ingest import InputSource
    from eventline.model import Notice
    from eventline.pipeline import IngestReport

# No square brackets in help texts: rich reads "[env X]" as markup and prints "URL ."
HELP_DB = "Store: SQLite path or SQLAlchemy URL (env EVENTLINE_DB)."
HELP_PATHS = "Files, directories (recursive) or - for stdin."
HELP_PUBLISHED = (
    "Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for inputs that lack one; on re-ingest "
    "it updates the stored metadata."
)
HELP_CAPTURED = "Capture time (ISO date or date and time), the anchor for '5 hours ago'."
HELP_OUTLET = "Outlet for inputs that do not name one."

app = typer.Typer(
    name="eventline",
    help="Turn news articles into an evidence-linked record of who did what to whom.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=OneLineErrors,
    add_completion=False,
)


@app.callback()
def configure(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help=HELP_DB,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Global options; settings are read once here and shared by every command."""
    with handle_errors():
        ctx.obj = State(settings=load_settings(db=db))


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help=HELP_PATHS)],
    published: Annotated[str | None, typer.Option(help=HELP_PUBLISHED)] = None,
    captured: Annotated[str | None, typer.Option(help=HELP_CAPTURED)] = None,
    outlet: Annotated[str | None, typer.Option(help=HELP_OUTLET)] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for inputs that lack one.")] = None,
) -> None:
    """Read news inputs, split and clean their articles, and store them (idempotent)."""
    state: State = ctx.obj
    with handle_errors():
        published = validate.iso_date("--published", published)
        captured = validate.iso_time("--captured", captured)
    from eventline.model import Hints
    from eventline.pipeline import ingest as run_ingest

    hints = Hints(published=published, captured=captured, outlet=outlet, url=url)
    from eventline.pipeline import plan_sources

    with handle_errors():
        sources, rejected = plan_sources(paths)
        with state.open_store() as store, _ingest_progress(sources) as advance:
            report = run_ingest(
                store, sources, settings=state.settings, hints=hints, progress=advance
            )
    report.rejected[:0] = rejected
    for rejection in report.rejected:
        err.print(f"[red]rejected[/red] {_esc(rejection.source_path)}: {_esc(rejection.reason)}")
    for notice in report.notices:  # H8: a value dropped from a stored input, one line each
        err.print(_esc(notice_line(notice)))
    err.print(_esc(ingest_line(report)))
    if report.rejected:
        raise typer.Exit(1)


@contextmanager
def _ingest_progress(sources: list[InputSource]) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr, weighted by file size, when stderr is a terminal and the
    work is large (several inputs or one over a mebibyte); nothing when piped: the final
    count line is the record then."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from eventline.settings import MiB

    sizes = {s.label: _size(s) for s in sources}
    labels = [escape(one_line(s.label[-32:])) for s in sources] + [""]
    total = sum(sizes.values())
    with Progress(
        SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(bar_width=20), DownloadColumn(),
        TextColumn("{task.fields[files]}"), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
        disable=not err.is_terminal or (len(sources) < 2 and total < MiB),
    ) as bar:  # fmt: skip
        task = bar.add_task(labels[0], total=total or None, files=f"0/{len(sources)} files")
        done = 0

        def advance(label: str) -> None:  # shows the input being read next
            nonlocal done
            done += 1
            bar.update(task, advance=sizes.get(label, 0), files=f"{done}/{len(sources)} files",
                       description=labels[min(done, len(sources))])  # fmt: skip

        yield advance


def _size(source: InputSource) -> int:
    try:
        return source.path.stat().st_size if source.path is not None else 0
    except OSError:
        return 0


def notice_line(notice: Notice) -> str:
    """ "warning data.jsonl, line 3: published 'banana' is not a date ...; dropped"."""
    return (
        f"warning {notice.source_path}, {notice.where}: {notice.field} {notice.value!r} is "
        f"{notice.reason}; dropped"
    )


def ingest_line(report: IngestReport) -> str:
    """The final count: what was stored, updated, left as it was and rejected."""
    parts = [
        f"{plural(report.inputs, 'input')}: {report.stored:,} stored "
        f"({plural(report.articles, 'article')})",
    ]
    if report.updated:
        parts.append(f"{report.updated:,} metadata updated (re-run `eventline analyse`)")
    parts += [f"{report.unchanged:,} unchanged", f"{len(report.rejected):,} rejected"]
    line = ", ".join(parts)
    if report.dropped:
        line += f"; left out of every article: {len(report.dropped):,} (page chrome, empty)"
    if report.notices:
        line += f"; {plural(len(report.notices), 'value')} dropped (see the warnings)"
    return line


@app.command()
def articles(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stored articles."""
    from rich.table import Table

    from eventline.queries import find_articles

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        if as_json:
            for record in find_articles(store, limit=None).data:
                line = json.dumps(record.model_dump(mode="json"), ensure_ascii=False)
                sys.stdout.write(line + "\n")
            return
        table = Table(box=None, header_style="bold")
        table.add_column("id", no_wrap=True, min_width=12)
        table.add_column("source", no_wrap=True, max_width=28, overflow="ellipsis")
        table.add_column("#", justify="right")
        table.add_column("kind", no_wrap=True, min_width=10)
        table.add_column("published", no_wrap=True, min_width=10)
        table.add_column("outlet", no_wrap=True, max_width=18, overflow="ellipsis")
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=70)
        for article in store.iter_articles():
            table.add_row(
                article.id[:12], _esc(Path(article.source_path).name), str(article.item),
                article.kind, article.published.value if article.published else "",
                _esc(article.outlet or ""), _esc(article.title or ""),
            )  # fmt: skip
    if not table.row_count:  # an empty answer says what was searched
        err.print(f"no articles in {_esc(state.settings.db)} (add some with `eventline ingest`)")
        return
    out.print(table)


@app.command()
def show(
    ctx: typer.Context, article_id: Annotated[str, typer.Argument(help="Article id or prefix.")]
) -> None:
    """Show an article's raw text and cleaned reading side by side, with what was cut and why."""
    from eventline.cli.show import render_article

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        article = store.article(article_id)
        if article is None:
            fail(f"no single article with id {article_id!r} (try `eventline articles`)")
        document = store.document(article.document_id)
        if document is None:
            fail(f"article {article.id} has lost its document {article.document_id}")
        out.print(render_article(article, document))


@app.command()
def export(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Directory to write the export files into.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    force: Annotated[
        bool, typer.Option("--force", help="Replace export files already in DIRECTORY.")
    ] = False,
) -> None:
    """Write the store's records as export files (schema: docs/exports.md)."""
    from eventline.exports import export_all

    state: State = ctx.obj
    with handle_errors():
        validate.one_of("--format", fmt, ("jsonl", "csv"))
    with handle_errors(), state.open_store() as store:
        written = export_all(store, directory, fmt=fmt, force=force)  # type: ignore[arg-type]
    for name, rows in written.items():
        err.print(f"{_esc(one_line(str(directory / name)))}: {plural(rows, 'row')}")


@app.command()
def summary(ctx: typer.Context) -> None:
    """Summarise what the store holds: articles by kind, top actors and event types, links."""
    from eventline.cli.summary import render_summary

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        out.print(render_summary(store, title=f"eventline store {state.settings.db}"))


def _esc(text: str) -> str:
    return escape(one_line(text))


def main() -> None:
    only(app, sys.argv[1:])()


def only(full: typer.Typer, args: Sequence[str]) -> typer.Typer:
    """`full` with just the command `args` name, when they name one after the global options:
    typer builds a click command (signature, type hints, parameters) for every registered
    command before parsing, and one run needs one. Anything else (no command, `--help`, a
    typo, an option this does not know) gets the whole app and its usual messages."""
    name = _command_name(args)
    commands = [c for c in full.registered_commands if _registered_name(c) == name]
    groups = [g for g in full.registered_groups if g.name == name]
    if name is None or len(commands) + len(groups) != 1:
        return full
    trimmed = copy.copy(full)
    trimmed.registered_commands, trimmed.registered_groups = commands, groups
    return trimmed


def _command_name(args: Sequence[str]) -> str | None:
    """The first argument after the global options (`--db URL`, `--db=URL`)."""
    rest = list(args)
    while rest and rest[0].startswith("--db"):
        rest = rest[2:] if rest[0] == "--db" else rest[1:]
    if not rest or rest[0].startswith("-"):
        return None
    return rest[0]


def _registered_name(command: CommandInfo) -> str | None:
    if command.name:
        return command.name
    callback = command.callback
    return get_command_name(callback.__name__) if callback is not None else None


app.command("eval")(eval_command)
register_analysis(app)
app.command("search")(search_command)
register_repair(app)  # relink, errors, delete, update
