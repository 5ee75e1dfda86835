"""`eventline timeline A B`: how relations between two actors evolve, period by period."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape

from eventline.cli import validate
from eventline.cli.common import State, clip, err, fail, handle_errors, out
from eventline.errors import OutputError

if TYPE_CHECKING:  # loaded by `timeline` only, not by every command
    from rich.table import Table

    from eventline.corpus.timeline import Timeline

Fmt = Literal["table", "png", "svg", "csv"]


def timeline_command(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="First actor: ISO3 code, actor id or name.")],
    b: Annotated[str, typer.Argument(help="Second actor: ISO3 code, actor id or name.")],
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    by: Annotated[str, typer.Option(help="Period: week or month.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="table, png, svg or csv.")] = "table",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File for png/svg/csv output (png/svg default: timeline-A-B.FMT; csv: stdout).",
        ),
    ] = None,
) -> None:
    """Events between two actors over time: counts per PLOVER type and quad class, the
    conflict–cooperation score and the top evidence per period."""
    from eventline.corpus.timeline_store import store_timeline
    from eventline.queries import find_events

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        validate.one_of("--by", by, ("week", "month"))
        validate.one_of("--format", fmt, ("table", "png", "svg", "csv"))
        first, second = validate.resolve_actor(store, "A", a), validate.resolve_actor(store, "B", b)
        if output is not None and fmt != "table":
            _check_target(output)
        if not find_events(store, limit=1).data:
            fail("no events in the store: run `eventline analyse` first")
        assert first is not None and second is not None
        timeline = store_timeline(store, first.key, second.key, directed=directed, by=by)  # type: ignore[arg-type]
    if fmt == "table":
        out.print(render_timeline(timeline))
        return
    from eventline.corpus.timeline_render import write_chart, write_csv, write_csv_to

    if fmt == "csv" and output is None:
        write_csv_to(timeline, sys.stdout)
        return
    target = output or Path(f"timeline-{first.key}-{second.key}.{fmt}".replace(":", "_"))
    with handle_errors():
        _check_target(target)  # again for the default name: a folder may be in its way
        if fmt == "csv":
            write_csv(timeline, target)
        else:
            write_chart(timeline, target, fmt=fmt)  # type: ignore[arg-type]
    err.print(f"{target}: {timeline.events} events in {len(timeline.periods)} periods")


def _check_target(target: Path) -> None:
    """A missing folder or a folder in the way is one line before any drawing is done."""
    if target.is_dir():
        raise OutputError(str(target), "is a folder; name a file to write")
    if not target.parent.is_dir():
        raise OutputError(str(target), f"no folder {str(target.parent)!r} to write into")


def render_timeline(t: Timeline) -> Table:
    from rich.table import Table

    title = f"{t.a}{' → ' if t.directed else ' – '}{t.b}: {t.events} events by {t.by}"
    table = Table("period", "events", "score", "quad classes", "types", "top evidence", title=title)
    for p in t.periods:
        if not p.events:
            continue
        quads = ", ".join(f"{k} {v}" for k, v in sorted(p.quads.items()))
        types = ", ".join(f"{k} {v}" for k, v in sorted(p.types.items()))
        top = p.evidence[0].text if p.evidence else ""
        score = "" if p.score is None else f"{p.score:+.1f}"
        table.add_row(p.period, str(p.events), score, quads, types, escape(clip(top, 160)))
    table.caption = (
        f"undated {t.undated}, too coarse for a {t.by} {t.coarse}, "
        f"not asserted {t.skipped_modality}"
    )
    return table
