"""Relation timelines: what two countries (or actors) did to each other, period by period.

An event belongs to the relation between `a` and `b` when its actor side holds one and its
recipient side the other (only a → b when `directed`), or when both act together with no
recipient (a joint treaty, a reciprocal meeting). A party matches an ActorRef by its country
or its own id, so `a` may be an ISO3 code ("RUS") or an actor id.

Per period the timeline counts events per PLOVER type and quad class and scores them with the
PLOVER conflict-cooperation scale (`resources/corpus/quad.yaml`). `score` is the MEAN score
of the period's events, so a month with many reports of one meeting does not outweigh a month
with one war: merged events count once whatever their number of sources; `score_sum` is given
beside it for those who want volume. Only asserted events are counted by default: a planned
visit or a denied rupture did not happen. Events the periods cannot hold are counted, never
dropped silently: `undated` (no date, or a day and month with no year) and `coarse` (a date
less precise than the period, e.g. "2024" in a monthly timeline).

Renderers (table rows, CSV, chart) are in `timeline_render`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from eventline.corpus.timeline_quad import quad_table
from eventline.model import ActorRef, Event, Evidence

Period = Literal["week", "month"]
_TOP = 3


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TimelineEvidence(_Record):
    """One sentence that shows what happened in a period, and where it was read."""

    event: str
    type: str
    text: str
    articles: tuple[str, ...]
    sources: int


class TimelinePeriod(_Record):
    period: str  # "2025-06" or "2025-W26"
    start: str  # ISO date of the period's first day
    events: int = 0
    types: dict[str, int] = {}
    quads: dict[str, int] = {}
    score: float | None = None  # mean PLOVER score of the period's events
    score_sum: float = 0.0
    evidence: tuple[TimelineEvidence, ...] = ()


class Timeline(_Record):
    a: str
    b: str
    directed: bool
    by: Period
    periods: tuple[TimelinePeriod, ...]
    events: int  # events of the relation placed in a period
    undated: int = 0
    coarse: int = 0
    skipped_modality: int = 0


def _has(refs: Sequence[ActorRef], party: str) -> bool:
    return any(party in (r.country, r.id) for r in refs)


def involves(event: Event, a: str, b: str, *, directed: bool = False) -> bool:
    """Is `event` part of the relation between `a` and `b`?"""
    forward = _has(event.actor, a) and _has(event.recipient, b)
    backward = not directed and _has(event.actor, b) and _has(event.recipient, a)
    joint = not event.recipient and _has(event.actor, a) and _has(event.actor, b)
    return forward or backward or joint


def _day(event: Event) -> date | None:
    """The event's day when it is known at least to the period, None when undated."""
    value = event.date
    if value is None or value.startswith("--"):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date(int(value[:4]), 1, 1)
    except ValueError:
        return None


def _fits(event: Event, by: Period) -> bool:
    """Is the event's date precise enough for a period of this length?"""
    size = len(event.date or "")
    return size == 10 or (by == "month" and size == 7)


def period_of(day: date, by: Period) -> tuple[str, date]:
    """Label and first day of the period holding `day`."""
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}", day.replace(day=1)
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}", date.fromisocalendar(year, week, 1)


def _next(start: date, by: Period) -> date:
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


class _Attested(Protocol):
    """What evidence ranking reads: a stored `Event` or the query layer's `EventOut`."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def mode(self) -> str | None: ...
    @property
    def sources(self) -> int: ...
    @property
    def mentions(self) -> Sequence[Evidence]: ...


def top_evidence(events: Iterable[_Attested]) -> tuple[TimelineEvidence, ...]:
    """The best-attested events first (most sources, then strongest score)."""
    table = quad_table()
    ranked = sorted(
        (e for e in events if e.mentions),
        key=lambda e: (-e.sources, -abs(table.score(e.type, e.mode) or 0.0), e.id),
    )
    return tuple(
        TimelineEvidence(
            event=e.id,
            type=e.type,
            text=e.mentions[0].text,
            articles=tuple(sorted({m.article for m in e.mentions})),
            sources=e.sources,
        )
        for e in ranked[:_TOP]
    )


def _period(label: str, start: date, events: Sequence[Event]) -> TimelinePeriod:
    table = quad_table()
    scores = [s for e in events if (s := table.score(e.type, e.mode)) is not None]
    quads = Counter(q for e in events if (q := table.quad(e.type)))
    return TimelinePeriod(
        period=label,
        start=start.isoformat(),
        events=len(events),
        types=dict(sorted(Counter(e.type for e in events).items())),
        quads={q.id: quads.get(q.id, 0) for q in table.quads},
        score=round(sum(scores) / len(scores), 3) if scores else None,
        score_sum=round(sum(scores), 3),
        evidence=top_evidence(events),
    )


def build_timeline(
    events: Sequence[Event],
    a: str,
    b: str,
    *,
    directed: bool = False,
    by: Period = "month",
    modalities: Collection[str] = ("asserted",),
) -> Timeline:
    """Count, score and illustrate the events between `a` and `b` per week or month.

    Periods run without gaps from the first to the last dated event, so a quiet month shows
    as a zero, not as a missing bar."""
    related = [e for e in events if involves(e, a, b, directed=directed)]
    kept = [e for e in related if e.modality in modalities]
    undated = coarse = 0
    buckets: dict[date, list[Event]] = {}
    for event in kept:
        day = _day(event)
        if day is None:
            undated += 1
        elif not _fits(event, by):
            coarse += 1
        else:
            buckets.setdefault(period_of(day, by)[1], []).append(event)
    periods: list[TimelinePeriod] = []
    if buckets:
        start, last = min(buckets), max(buckets)
        while start <= last:
            label = period_of(start, by)[0]
            periods.append(_period(label, start, buckets.get(start, [])))
            start = _next(start, by)
    return Timeline(
        a=a,
        b=b,
        directed=directed,
        by=by,
        periods=tuple(periods),
        events=sum(p.events for p in periods),
        undated=undated,
        coarse=coarse,
        skipped_modality=len(related) - len(kept),
    )
