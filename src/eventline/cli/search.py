"""`eventline search`: full-text search over article titles and bodies, quotes and event
evidence (a thin wrapper over `eventline.queries.search`)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from eventline.cli import validate
from eventline.cli.common import State, err, handle_errors, out


def search_command(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words, "a phrase", a OR b, -excluded.')],
    since: Annotated[str | None, typer.Option(help="Articles published on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="Articles published on or before.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    kind: Annotated[str | None, typer.Option(help="news, opinion, analysis, fact-check.")] = None,
    actor: Annotated[
        str | None, typer.Option(help="Articles mentioning this actor (id or ISO3).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Hits to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Search article titles and bodies, quotes and event evidence, best match first."""
    from rich.table import Table

    from eventline.queries import search

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        # --- H5 (#12): option validation, as in `eventline events`
        since, until = validate.iso_date("--since", since), validate.iso_date("--until", until)
        if kind is not None:
            validate.one_of("--kind", kind, ("news", "opinion", "analysis", "fact-check"))
        who = validate.resolve_actor(store, "--actor", actor)
        # ---
        hits = search(
            store, query, since=since, until=until, outlet=outlet, kind=kind,
            actor=who.key if who else None,
            limit=limit,
        )  # fmt: skip
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    if not hits:  # H5: an empty answer says what was searched
        asked = validate.searched(since=since, until=until, outlet=outlet, kind=kind, actor=actor)
        err.print(f"no match for {escape(repr(query))} ({escape(asked)})")
        return
    table = Table(box=None, header_style="bold")
    for column in ("published", "outlet", "kind", "article", "snippet"):
        table.add_column(column, overflow="fold")
    for h in hits:
        table.add_row(
            h.published or "", escape(h.outlet or ""), h.kind, h.article[:12], escape(h.snippet)
        )
    out.print(table)
