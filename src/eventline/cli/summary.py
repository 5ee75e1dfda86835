"""`eventline summary`: one screen on what the store holds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from eventline.cli.common import plural, printable
from eventline.model import Claim, DuplicateGroup, Event, Story
from eventline.queries import find_actors
from eventline.store import Store

NAME_WIDTH = 24  # a count table's name column; longer names end in "…", never wrap
WIDE = 4 * (NAME_WIDTH + 8) + 6  # room for the four tables side by side


def _counts(title: str, counts: Counter[str], *, top: int = 8) -> Table:
    table = Table(
        title=title, title_justify="left", box=None, header_style="bold", min_width=len(title)
    )  # an empty table keeps its title on one line
    table.add_column("", no_wrap=True, overflow="ellipsis", max_width=NAME_WIDTH)
    table.add_column("n", justify="right", no_wrap=True)
    for key, value in counts.most_common(top):
        table.add_row(Text(printable(key)), str(value))
    return table


@dataclass
class _Tables:
    """The count tables side by side on a wide terminal, two by two on an 80-column one."""

    tables: list[Table]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        per_row = len(self.tables) if options.max_width >= WIDE else 2
        grid = Table.grid(padding=(0, 3))
        for _ in range(per_row):
            grid.add_column()
        for start in range(0, len(self.tables), per_row):
            grid.add_row(*self.tables[start : start + per_row])
            if start + per_row < len(self.tables):
                grid.add_row(*([Text("")] * per_row))
        yield grid


def yearless(events: list[Event]) -> int:
    """Events dated by day and month only ("--08-15"): a text without a year and no
    publication or capture date to borrow one from."""
    from eventline.clean.dates import count_yearless

    return count_yearless(e.date for e in events)


def claim_reading(claim: Claim) -> str:
    """What the fact-checker said: the normalised rating with the label as printed
    (`half-flip, "Half Flip"`), else the coarse verdict, else "unrated". The verdict alone
    loses the scale: a half flip and a full flop are both "mixed" or no verdict at all."""
    if claim.rating and claim.rating != "unrated":
        label = " ".join((claim.label or "").split())  # a label printed over two lines
        return f'{claim.rating}, "{label}"' if label and label != claim.rating else claim.rating
    return claim.verdict or "unrated"


def claim_line(claim: Claim) -> str:
    return f"claim ({claim_reading(claim)}): {claim.claim}"


def render_summary(store: Store, *, title: str) -> RenderableType:
    counts = store.counts()
    articles = list(store.iter_articles())
    kinds: Counter[str] = Counter(str(a.kind) for a in articles)
    outlets = Counter(a.outlet for a in articles if a.outlet)
    actors = Counter(
        {
            f"{a.name} ({a.country or '-'})": len(a.mentions)
            for a in find_actors(store, limit=8).data
        }
    )
    events = store.records("events", Event)
    types = Counter(e.type for e in events)
    groups = store.records("duplicate_groups", DuplicateGroup)
    stories = store.records("stories", Story)
    claims = store.records("claims", Claim)
    tables = _Tables(
        [
            _counts("articles by kind", kinds),
            _counts("outlets", outlets, top=6),
            _counts("most mentioned actors", actors),
            _counts("events by type", types),
        ]
    )
    lines = Text(
        f"{plural(counts['documents'], 'document')}, {plural(counts['articles'], 'article')}; "
        f"{plural(counts['actors'], 'actor')}, {plural(counts['event_mentions'], 'event mention')}"
        f" merged into {plural(len(events), 'event')}, {plural(counts['quotes'], 'quote')}; "
        f"{plural(len(groups), 'group')} of syndicated copies, "
        f"{plural(len(stories), 'story', 'stories')}, "
        f"{plural(len(claims), 'fact-checked claim')}"
        + ("" if counts["actors"] else "\n(run `eventline analyse` to find actors and events)")
    )
    if missing := yearless(events):
        lines.append(
            f"\n{plural(missing, 'event')} without a year (dated like --08-15): their articles "
            "give no year; re-ingest them with --published YYYY-MM-DD to place them in time"
        )
    for claim in claims:
        lines.append(printable(f"\n{claim_line(claim)}"))
    return Group(Text(title, style="bold"), tables, lines)
