"""`eventline` command: each command calls one library function and formats its result.

Errors from the library (EventlineError) become one red line and exit code 2; inputs that
were rejected during an otherwise successful ingest give exit code 1."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from eventline.cli.analysis import register as register_analysis
from eventline.cli.common import State, err, fail, handle_errors, out
from eventline.cli.evaluate import eval_command
from eventline.cli.repair import register as register_repair
from eventline.cli.show import render_article
from eventline.cli.summary import render_summary
from eventline.exports import article_record, export_all
from eventline.model import Hints
from eventline.pipeline import ingest as run_ingest
from eventline.pipeline import plan_sources
from eventline.settings import load_settings

HELP_DB = "Store: SQLite path or SQLAlchemy URL [env EVENTLINE_DB]."
HELP_PATHS = "Files, directories (recursive) or - for stdin."
HELP_PUBLISHED = "Publication date for inputs that lack one (YYYY-MM-DD)."
HELP_CAPTURED = "Capture time, the anchor for ages like '5 hours ago'."
HELP_OUTLET = "Outlet for inputs that do not name one."

app = typer.Typer(
    name="eventline",
    help="Turn news articles into an evidence-linked record of who did what to whom.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def configure(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store: SQLite path or SQLAlchemy URL [env EVENTLINE_DB].",
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
    hints = Hints(published=published, captured=captured, outlet=outlet, url=url)
    with handle_errors():
        sources, rejected = plan_sources(paths)
        with state.open_store() as store, Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            TextColumn("{task.description}"), console=err, transient=True,
            disable=len(sources) < 2 or not err.is_terminal,
        ) as bar:  # fmt: skip
            task = bar.add_task("", total=len(sources))
            report = run_ingest(
                store,
                sources,
                settings=state.settings,
                hints=hints,
                progress=lambda label: bar.update(task, advance=1, description=label[-40:]),
            )
    report.rejected[:0] = rejected
    for rejection in report.rejected:
        err.print(f"[red]rejected[/red] {_esc(rejection.source_path)}: {_esc(rejection.reason)}")
    err.print(
        f"{report.inputs} inputs: {report.stored} stored ({report.articles} articles), "
        f"{report.unchanged} unchanged, "
        + (f"{report.updated} with new metadata (run analyse), " if report.updated else "")
        + f"{len(report.rejected)} rejected"
        + (
            f"; left out of every article: {len(report.dropped)} (page chrome, empty)"
            if report.dropped
            else ""
        )
    )
    if report.rejected:
        raise typer.Exit(1)


@app.command()
def articles(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stored articles."""
    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        if as_json:
            for article in store.iter_articles():
                sys.stdout.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
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
        out.print(table)


@app.command()
def show(
    ctx: typer.Context, article_id: Annotated[str, typer.Argument(help="Article id or prefix.")]
) -> None:
    """Show an article's raw text and cleaned reading side by side, with what was cut and why."""
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
) -> None:
    """Write the store's records as export files (schema: docs/exports.md)."""
    state: State = ctx.obj
    if fmt not in ("jsonl", "csv"):
        fail(f"--format must be jsonl or csv, not {fmt!r}")
    with handle_errors(), state.open_store() as store:
        written = export_all(store, directory, fmt=fmt)  # type: ignore[arg-type]
    for name, rows in written.items():
        err.print(f"{directory / name}: {rows} rows")


@app.command()
def summary(ctx: typer.Context) -> None:
    """Summarise what the store holds: articles by kind, top actors and event types, links."""
    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        out.print(render_summary(store, title=f"eventline store {state.settings.db}"))


def _esc(text: str) -> str:
    return escape(text)


def main() -> None:
    app()


app.command("eval")(eval_command)
register_analysis(app)
register_repair(app)  # relink, errors, delete, update
