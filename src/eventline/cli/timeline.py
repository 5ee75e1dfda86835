"""`eventline timeline A B`: how relations between two actors evolve, period by period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.markup import escape
from rich.table import Table

from eventline.cli.common import State, err, fail, handle_errors, out
from eventline.corpus.timeline import Timeline, build_timeline
from eventline.model import Event

Fmt = Literal["table", "png", "svg", "csv"]


def timeline_command(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(help="First actor: ISO3 country code or actor id.")],
    b: Annotated[str, typer.Argument(help="Second actor: ISO3 country code or actor id.")],
    directed: Annotated[bool, typer.Option(help="Only events from A to B.")] = False,
    by: Annotated[str, typer.Option(help="Period: week or month.")] = "month",
    fmt: Annotated[str, typer.Option("--format", help="table, png, svg or csv.")] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File for png/svg/csv output.")
    ] = None,
) -> None:
    """Events between two actors over time: counts per PLOVER type and quad class, the
    conflict–cooperation score and the top evidence per period."""
    if by not in ("week", "month"):
        fail(f"--by must be week or month, not {by!r}")
    if fmt not in ("table", "png", "svg", "csv"):
        fail(f"--format must be table, png, svg or csv, not {fmt!r}")
    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        events = store.records("events", Event)
    if not events:
        fail("no events in the store: run `eventline analyse` first")
    timeline = build_timeline(events, a.upper(), b.upper(), directed=directed, by=by)  # type: ignore[arg-type]
    if fmt == "table":
        out.print(render_timeline(timeline))
        return
    from eventline.corpus.timeline_render import write_chart, write_csv

    target = output or Path(f"timeline-{a.upper()}-{b.upper()}.{fmt}")
    if fmt == "csv":
        write_csv(timeline, target)
    else:
        write_chart(timeline, target, fmt=fmt)  # type: ignore[arg-type]
    err.print(f"{target}: {timeline.events} events in {len(timeline.periods)} periods")


def render_timeline(t: Timeline) -> Table:
    title = f"{t.a}{' → ' if t.directed else ' – '}{t.b}: {t.events} events by {t.by}"
    table = Table("period", "events", "score", "quad classes", "types", "top evidence", title=title)
    for p in t.periods:
        if not p.events:
            continue
        quads = ", ".join(f"{k} {v}" for k, v in sorted(p.quads.items()))
        types = ", ".join(f"{k} {v}" for k, v in sorted(p.types.items()))
        top = p.evidence[0].text if p.evidence else ""
        score = "" if p.score is None else f"{p.score:+.1f}"
        table.add_row(p.period, str(p.events), score, quads, types, escape(top[:160]))
    table.caption = (
        f"undated {t.undated}, too coarse for a {t.by} {t.coarse}, "
        f"not asserted {t.skipped_modality}"
    )
    return table
