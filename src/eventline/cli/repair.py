"""Commands over the incremental analysis: relink, errors, delete, update."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.markup import escape

from eventline.cli import validate
from eventline.cli.common import State, err, fail, handle_errors, out, plural


@contextmanager
def progress_bar() -> Iterator[Any]:
    """A progress callback `(stage, done, total)` drawing one bar per stage on stderr (when
    it is a terminal; else a callback that does nothing, and rich's progress is not loaded)."""
    if not err.is_terminal:
        yield lambda stage, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        tasks: dict[str, Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield progress


def print_report(report: Any) -> None:
    """The one-line summary `analyse`, `relink`, `delete` and `update` end with."""
    # A "limit" row is a note, not a failure: the article was analysed up to its length limit.
    cut = sum(1 for f in report.failed if getattr(f, "stage", None) == "limit")
    lost = len(report.failed) - cut
    notes = ([f"{lost:,} failed"] if lost else []) + (
        [f"{plural(cut, 'article')} cut at the length limit"] if cut else []
    )
    failed = f", {', '.join(notes)} (see `eventline errors`)" if notes else ""
    yearless = (
        f"; {plural(report.yearless_events, 'event')} without a year (give their articles a date: "
        "`eventline update ART_ID --published YYYY-MM-DD`)"
        if report.yearless_events
        else ""
    )
    err.print(
        f"{plural(report.articles, 'article')} ({report.parsed:,} newly analysed{failed}): "
        f"{plural(report.actors, 'actor')}, {plural(report.event_mentions, 'event mention')} "
        f"in {plural(report.events, 'event')}, {plural(report.quotes, 'quote')}, "
        f"{plural(report.duplicate_groups, 'duplicate group')}, "
        f"{plural(report.stories, 'story', 'stories')}, {plural(report.claims, 'claim')}"
        + ("" if report.linked else " (nothing new: corpus links unchanged)")
        + yearless
    )


def relink_command(ctx: typer.Context) -> None:
    """Recompute all corpus linking (actors, copies, stories, events, claims) from the stored
    per-article results, without parsing: after a rule or threshold change."""
    from eventline.analyse import relink

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store, progress_bar() as progress:
        report = relink(store, settings=state.settings, progress=progress)
    print_report(report)


def errors_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Articles the analysis could not process, with the stage and the reason."""
    from eventline.analysis.state import failures

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        found = failures(store)
    if as_json:
        for failure in found:
            sys.stdout.write(json.dumps(failure.model_dump(mode="json")) + "\n")
        return
    if not found:
        err.print("no analysis errors")
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in ("article", "stage", "reason"):
        table.add_column(column, overflow="fold")
    for failure in found:
        table.add_row(failure.article, failure.stage, escape(failure.reason))
    out.print(table)


def delete_command(
    ctx: typer.Context,
    article_ids: Annotated[
        list[str] | None, typer.Argument(help="Article ids or unique prefixes.")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Delete every article ingested from this source path.")
    ] = None,
) -> None:
    """Remove articles and everything derived from them; corpus records are re-linked."""
    from eventline.analyse import delete
    from eventline.analysis.repair import find_articles

    state: State = ctx.obj
    if not article_ids and source is None:
        fail("name articles to delete (ids or prefixes) or --source PATH")
    with handle_errors(), state.open_store() as store, progress_bar() as progress:
        targets = find_articles(store, ids=article_ids or (), source=source)
        report = delete(store, targets, settings=state.settings, progress=progress)
    err.print(f"deleted {len(targets)} article{'s' if len(targets) != 1 else ''}")
    print_report(report)


def update_command(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="Article id or unique prefix.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name.")] = None,
    kind: Annotated[str | None, typer.Option(help="news, opinion, analysis or fact-check.")] = None,
) -> None:
    """Correct an article's metadata and re-analyse what depends on it."""
    from eventline.analyse import update
    from eventline.analysis.repair import find_articles

    state: State = ctx.obj
    with handle_errors():  # option values first: a usage error touches no store
        published = validate.iso_date("--published", published)
        if kind is not None:
            validate.one_of("--kind", kind, ("news", "opinion", "analysis", "fact-check"))
    with handle_errors(), state.open_store() as store, progress_bar() as progress:
        (article,) = find_articles(store, ids=[article_id])
        report = update(
            store,
            article,
            settings=state.settings,
            published=published,
            outlet=outlet,
            kind=kind,
            progress=progress,
        )
    err.print(f"updated {article.id}")
    print_report(report)


def worker_command(
    ctx: typer.Context,
    once: Annotated[
        bool, typer.Option("--once", help="Stop when nothing is left to analyse.")
    ] = False,
    poll: Annotated[
        float, typer.Option(min=0.1, help="Seconds between looks for new articles.")
    ] = 5.0,
) -> None:
    """Analyse articles as they arrive, beside other workers (PostgreSQL: rows are claimed
    with FOR UPDATE SKIP LOCKED), and link the corpus when the queue is empty."""
    from eventline.analysis.worker import run_worker

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store, progress_bar() as progress:
        report = run_worker(store, settings=state.settings, once=once, poll=poll, progress=progress)
    err.print(
        f"worker: {report.analysed} articles analysed, {len(report.failed)} failed in the "
        f"store, corpus linked {report.links} time{'s' if report.links != 1 else ''}"
    )


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)
    app.command("relink")(relink_command)
    app.command("errors")(errors_command)
    app.command("delete")(delete_command)
    app.command("update")(update_command)
