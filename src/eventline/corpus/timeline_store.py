"""A relation timeline read from the store's query layer instead of from every record.

Counts per type and quad class and the mean PLOVER score come from
`eventline.queries.dyad_timeline` (the `dyad_months` rollup, or the per-day dyad rows for
weeks), so the CLI keeps no counting logic of its own. The rollup holds no sentences: the top
evidence of each period is ranked in SQL over the pair's dyad rows, and only the events shown
are read whole (`queries.dyad_top_events`).

The rollup indexes actor → recipient pairs; an event where both parties act together with no
recipient ("Russia and Iran signed a treaty", "joint" in `build_timeline`) is read apart with
`queries.joint_events` and added to its period here: there are few of them.
"""

from __future__ import annotations

from datetime import date

from eventline.corpus.timeline import (
    _TOP,
    Period,
    Timeline,
    TimelineEvidence,
    TimelinePeriod,
    _next,
    period_of,
    top_evidence,
)
from eventline.corpus.timeline_quad import quad_table
from eventline.public import DyadTimeline, EventOut, TimelineBucket
from eventline.queries import dyad_timeline, dyad_top_events, joint_events
from eventline.store import Store


def _start(label: str, by: Period) -> date:
    """First day of a period label ("2025-06" or "2025-W26")."""
    if by == "month":
        return date(int(label[:4]), int(label[5:7]), 1)
    return date.fromisocalendar(int(label[:4]), int(label[6:8]), 1)


def _period_label(event: EventOut, by: Period) -> str | None:
    """The period an event falls in, None when its date is too coarse or absent."""
    value = event.date or ""
    fine = {"day", "report"} if by == "week" else {"day", "month", "report"}
    if value.startswith("--") or event.date_precision not in fine:
        return None
    try:
        day = date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")
    except ValueError:
        return None
    return period_of(day, by)[0]


def dyad_evidence(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period,
    directed: bool,
    modality: str | None,
    joint: list[EventOut] | None = None,
) -> dict[str, tuple[TimelineEvidence, ...]]:
    """Top evidence per period for the events between `a` and `b`: the best few of each
    period ranked in SQL (`queries.dyad_top_events`, which reads the full rows of those
    only), with the joint events (`joint`, read here when not given) ranked in beside them.
    An event with no mention shows no evidence; when one is among a period's best, that
    period is read again deeper, so the answer is the same as ranking every event."""
    if joint is None:
        joint = _joint(store, a, b)
    per = _TOP
    while True:
        top = dyad_top_events(
            store, a, b, by=by, directed=directed or a == b, modality=modality, per=per
        )
        short = [p for p, events in top.items()
                 if len(events) == per and any(not e.mentions for e in events)]  # fmt: skip
        if not short:
            break
        per *= 4
    grouped: dict[str, dict[str, EventOut]] = {
        label: {e.id: e for e in events} for label, events in top.items()
    }
    for event in joint:
        if modality is None or event.modality == modality:
            label = _period_label(event, by)
            if label is not None:
                grouped.setdefault(label, {}).setdefault(event.id, event)
    return {label: top_evidence(events.values()) for label, events in grouped.items()}


def _joint(store: Store, a: str, b: str) -> list[EventOut]:
    """Joint events of `a` and `b` (no recipient), counted as `build_timeline` counts them,
    in a directed timeline too (acting together has no direction)."""
    return [] if a == b else joint_events(store, a, b)


def _with_joint(
    t: DyadTimeline, joint: list[EventOut], *, by: Period, modality: str | None
) -> DyadTimeline:
    """`t` with the joint events added to their periods, or to undated / coarse."""
    buckets = {p.period: p.model_dump() for p in t.periods}
    undated, coarse = t.undated, t.coarse
    for event in joint:
        if modality is not None and event.modality != modality:
            continue
        label = _period_label(event, by)
        if label is None:
            if not event.date or event.date.startswith("--"):
                undated += 1
            else:
                coarse += 1
            continue
        b = buckets.setdefault(
            label,
            {
                "period": label,
                "events": 0,
                "score": None,
                "score_sum": 0.0,
                "scored": 0,
                "types": {},
                "quads": {},
            },
        )
        b["events"] += 1
        b["types"][event.type] = b["types"].get(event.type, 0) + 1
        if event.quad_class:
            b["quads"][event.quad_class] = b["quads"].get(event.quad_class, 0) + 1
        if event.score is not None:
            b["score_sum"] = round(b["score_sum"] + event.score, 3)
            b["scored"] += 1
        b["score"] = round(b["score_sum"] / b["scored"], 3) if b["scored"] else None
    periods = [TimelineBucket.model_validate(buckets[k]) for k in sorted(buckets)]
    return t.model_copy(update={"periods": periods, "undated": undated, "coarse": coarse})


def _total(t: DyadTimeline) -> int:
    return sum(p.events for p in t.periods) + t.undated + t.coarse


def _period(
    label: str, start: date, bucket: TimelineBucket | None, evidence: tuple[TimelineEvidence, ...]
) -> TimelinePeriod:
    table = quad_table()
    if bucket is None:
        return TimelinePeriod(
            period=label, start=start.isoformat(), quads={q.id: 0 for q in table.quads}
        )
    return TimelinePeriod(
        period=label,
        start=start.isoformat(),
        events=bucket.events,
        types=dict(sorted(bucket.types.items())),
        quads={q.id: bucket.quads.get(q.id, 0) for q in table.quads},
        score=bucket.score,
        score_sum=bucket.score_sum,
        evidence=evidence,
    )


def store_timeline(
    store: Store, a: str, b: str, *, directed: bool = False, by: Period = "month"
) -> Timeline:
    """The asserted events between `a` and `b` per period, from the query layer; periods
    run without gaps from the first to the last, as in `build_timeline`."""
    joint = _joint(store, a, b)
    kept = _with_joint(
        dyad_timeline(store, a, b, by=by, directed=directed, modality="asserted"),
        joint,
        by=by,
        modality="asserted",
    )
    every = _with_joint(
        dyad_timeline(store, a, b, by=by, directed=directed, modality=None),
        joint,
        by=by,
        modality=None,
    )
    evidence = dyad_evidence(
        store, a, b, by=by, directed=directed, modality="asserted", joint=joint
    )
    buckets = {p.period: p for p in kept.periods}
    periods: list[TimelinePeriod] = []
    if buckets:
        start, last = _start(min(buckets), by), _start(max(buckets), by)
        while start <= last:
            label = period_of(start, by)[0]
            periods.append(_period(label, start, buckets.get(label), evidence.get(label, ())))
            start = _next(start, by)

    return Timeline(
        a=a,
        b=b,
        directed=directed,
        by=by,
        periods=tuple(periods),
        events=sum(p.events for p in periods),
        undated=kept.undated,
        coarse=kept.coarse,
        skipped_modality=_total(every) - _total(kept),
    )
