"""`eventline summary`: one screen on what the store holds."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from eventline.exports import actor_records
from eventline.model import Claim, DuplicateGroup, Event, Story
from eventline.store import Store


def _counts(title: str, counts: Counter[str], *, top: int = 8) -> Table:
    table = Table(title=title, title_justify="left", box=None, header_style="bold")
    table.add_column("")
    table.add_column("n", justify="right")
    for key, value in counts.most_common(top):
        table.add_row(Text(key), str(value))
    return table


def render_summary(store: Store, *, title: str) -> RenderableType:
    counts = store.counts()
    articles = list(store.iter_articles())
    kinds: Counter[str] = Counter(str(a.kind) for a in articles)
    outlets = Counter(a.outlet for a in articles if a.outlet)
    actors = Counter(
        {f"{r['name']} ({r['country'] or '-'})": len(r["mentions"]) for r in actor_records(store)}
    )
    events = store.records("events", Event)
    types = Counter(e.type for e in events)
    groups = store.records("duplicate_groups", DuplicateGroup)
    stories = store.records("stories", Story)
    claims = store.records("claims", Claim)
    grid = Table.grid(padding=(0, 4))
    grid.add_row(
        _counts("articles by kind", kinds),
        _counts("outlets", outlets, top=6),
        _counts("most mentioned actors", actors),
        _counts("events by type", types),
    )
    lines = Text(
        f"{counts['documents']} documents, {counts['articles']} articles; "
        f"{counts['actors']} actors, {counts['event_mentions']} event mentions merged into "
        f"{len(events)} events, {counts['quotes']} quotes; {len(groups)} groups of "
        f"syndicated copies, {len(stories)} stories, {len(claims)} fact-checked claims"
        + ("" if counts["actors"] else "\n(run `eventline analyse` to find actors and events)")
    )
    for claim in claims:
        lines.append(f"\nclaim ({claim.verdict or 'no verdict'}): {claim.claim}")
    return Group(Text(title, style="bold"), grid, lines)
