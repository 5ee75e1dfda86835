"""Records → rows: the columns each record kind is filtered and sorted on, computed once when it
is written. Pure functions, shared by the store's write methods and migration 0002."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventline.corpus.timeline_quad import quad_table
from eventline.model import (
    Actor,
    ActorRef,
    Article,
    Claim,
    DuplicateGroup,
    Event,
    EventCore,
    EventMention,
    Mention,
    Quote,
    Story,
    Timex,
)

Row = dict[str, Any]


def date_range(value: str | None) -> tuple[str | None, str | None]:
    """First and last day a date value can denote: '2025-06' → ('2025-06-01', '2025-06-30').
    A day-month with no year ('--06-22') or anything unreadable has no range."""
    if not value or value.startswith("--"):
        return None, None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
    except ValueError:
        return None, None
    if len(numbers) == 3:
        day = f"{numbers[0]:04d}-{numbers[1]:02d}-{numbers[2]:02d}"
        return day, day
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        last = calendar.monthrange(numbers[0], numbers[1])[1]
        month = f"{numbers[0]:04d}-{numbers[1]:02d}"
        return f"{month}-01", f"{month}-{last:02d}"
    if len(numbers) == 1:
        return f"{numbers[0]:04d}-01-01", f"{numbers[0]:04d}-12-31"
    return None, None


def _event_core(event: EventCore) -> Row:
    table = quad_table()
    start, end = date_range(event.date)
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "quad_class": table.quad(event.type),
        "score": table.score(event.type, event.mode),
        "date": event.date,
        "date_start": start,
        "date_end": end,
        "date_precision": event.date_precision,
        "day": start or "",
        "location": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "modality": event.modality,
    }


def event_row(event: Event, *, story_id: str | None = None) -> Row:
    return _event_core(event) | {
        "sources": event.sources,
        "story_id": story_id,
        "data": event.model_dump(mode="json"),
    }


def event_mention_row(mention: EventMention) -> Row:
    return _event_core(mention) | {
        "article_id": mention.evidence.article,
        "sentence": mention.evidence.sentence,
        "start": mention.evidence.start,
        "end": mention.evidence.end,
        "data": mention.model_dump(mode="json"),
    }


def _keys(refs: Sequence[ActorRef]) -> list[str]:
    keys = {r.id for r in refs} | {r.country for r in refs if r.country}
    return sorted(keys)


def _level(event: EventCore) -> str:
    return "mention" if isinstance(event, EventMention) else "event"


def joint_key(a: str, b: str) -> str:
    """The `event_parties` key of two actor keys acting together (in code point order)."""
    lo, hi = sorted((a, b))
    return f"{lo}|{hi}"


def party_rows(event: EventCore) -> list[Row]:
    """One row per (side, actor id or country) of an event: the single-side filter's index.
    An event with no recipient also has one "joint" row per pair of its actor keys
    (`joint_key`), so that the joint events of two parties are one key range (migration
    0008)."""
    day = date_range(event.date)[0] or ""
    level = _level(event)
    rows = [
        {"level": level, "role": role, "key": key, "day": day, "event_id": event.id}
        for role, refs in (("actor", event.actor), ("recipient", event.recipient))
        for key in _keys(refs)
    ]
    if not event.recipient:
        keys = _keys(event.actor)
        rows += [
            {"level": level, "role": "joint", "key": joint_key(a, b), "day": day,
             "event_id": event.id}
            for n, a in enumerate(keys)
            for b in keys[n + 1 :]
        ]  # fmt: skip
    return rows


def dyad_rows(event: EventCore) -> list[Row]:
    """One row per (actor key, recipient key) pair: the dyad filter's index and the relation
    timeline's facts (with a merged event's sources, which rank a period's evidence)."""
    core = _event_core(event)
    facts = {k: core[k] for k in ("day", "type", "quad_class", "score", "date_precision")}
    sources = event.sources if isinstance(event, Event) else None
    return [
        {"level": _level(event), "actor_key": a, "recipient_key": r, "event_id": event.id,
         "modality": event.modality, "sources": sources, **facts}
        for a in _keys(event.actor)
        for r in _keys(event.recipient)
    ]  # fmt: skip


ROLLUP_KEY = ("lo_key", "hi_key", "month", "direction", "date_precision", "type", "modality")


def rollup_deltas(
    dyads: Iterable[Mapping[str, Any]], *, sign: int = 1
) -> dict[tuple[Any, ...], Row]:
    """What merged events' dyad rows add to (sign 1) or take from (sign -1) `dyad_months`:
    each event counts once per unordered pair, with the directions it was reported in."""
    pairs: dict[tuple[str, str, str], tuple[int, Mapping[str, Any]]] = {}
    for row in dyads:
        a, b = row["actor_key"], row["recipient_key"]
        lo, hi = min(a, b), max(a, b)
        bit = 3 if a == b else (1 if a == lo else 2)
        seen = pairs.get((row["event_id"], lo, hi))
        pairs[(row["event_id"], lo, hi)] = ((seen[0] if seen else 0) | bit, row)
    deltas: dict[tuple[Any, ...], Row] = {}
    for (_event, lo, hi), (direction, row) in pairs.items():
        key = (lo, hi, row["day"][:7], direction, row["date_precision"] or "", row["type"],
               row["modality"])  # fmt: skip
        entry = deltas.setdefault(
            key,
            dict(zip(ROLLUP_KEY, key, strict=True))
            | {"quad_class": row["quad_class"], "events": 0, "score_sum": 0.0, "scored": 0},
        )
        entry["events"] += sign
        if row["score"] is not None:
            entry["score_sum"] += sign * row["score"]
            entry["scored"] += sign
    return deltas


def actor_row(actor: Actor) -> Row:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "data": actor.model_dump(mode="json"),
    }


def alias_rows(actor: Actor) -> list[Row]:
    """The actor's name and aliases, one row per casefolded form."""
    seen: dict[str, str] = {}
    for alias in (actor.name, *actor.aliases):
        seen.setdefault(alias.casefold(), alias)
    return [{"actor_id": actor.id, "key": k, "alias": a} for k, a in seen.items()]


def mention_row(mention: Mention) -> Row:
    return {
        "id": mention.id,
        "article_id": mention.article,
        "start": mention.start,
        "end": mention.end,
        "label": mention.label,
        "actor_id": mention.actor.id if mention.actor else None,
        "data": mention.model_dump(mode="json"),
    }


def timex_row(timex: Timex) -> Row:
    return {
        "id": timex.id,
        "article_id": timex.article,
        "start": timex.start,
        "end": timex.end,
        "type": timex.type,
        "value": timex.value,
        "data": timex.model_dump(mode="json"),
    }


def quote_row(quote: Quote, *, date: str | None = None) -> Row:
    return {
        "id": quote.id,
        "article_id": quote.article,
        "speaker_id": quote.speaker.id if quote.speaker else None,
        "speaker": quote.speaker.name if quote.speaker else quote.speaker_text,
        "speaker_country": quote.speaker.country if quote.speaker else None,
        "addressee_id": quote.addressee.id if quote.addressee else None,
        "direct": quote.direct,
        "start": quote.start,
        "end": quote.end,
        "date": date,
        "data": quote.model_dump(mode="json"),
    }


def story_row(story: Story) -> Row:
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": story.start,
        "last_seen": story.end,
        "size": len(story.articles),
    }


def story_article_rows(story: Story) -> list[Row]:
    return [
        {"story_id": story.id, "article_id": a, "position": n} for n, a in enumerate(story.articles)
    ]


def group_row(group: DuplicateGroup) -> Row:
    return {
        "id": group.id,
        "canonical_id": group.canonical,
        "similarity": group.similarity,
        "size": len(group.members),
    }


def claim_row(claim: Claim, *, rating_source: str | None = None) -> Row:
    return {
        "id": claim.id,
        "reviewer_article_id": claim.reviewer_article,
        "verdict": claim.verdict,
        "rating_source": rating_source,
        "claimant": claim.claimant,
        "date": claim.date,
        "data": claim.model_dump(mode="json"),
    }


def claim_evidence_rows(claim: Claim) -> list[Row]:
    targets = {r.id: r.relation for r in claim.related}
    return [{"claim_id": claim.id, "target_id": t, "relation": r} for t, r in targets.items()]


def event_link_rows(
    events: Iterable[Event], mentions: Iterable[EventMention]
) -> dict[str, list[str]]:
    """Which mentions each merged event was made from, recovered from the evidence spans
    (article, sentence, span) and the type, for writers that do not give the links."""
    by_evidence: dict[tuple[str, int, int, int, str], list[str]] = {}
    for m in mentions:
        e = m.evidence
        by_evidence.setdefault((e.article, e.sentence, e.start, e.end, m.type), []).append(m.id)
    links: dict[str, list[str]] = {}
    for event in events:
        ids = {
            mention_id
            for e in event.mentions
            for mention_id in by_evidence.get(
                (e.article, e.sentence, e.start, e.end, event.type), []
            )
        }
        links[event.id] = sorted(ids)
    return links


def article_search_text(article: Article) -> str:
    return "\n".join(p for p in (article.title, article.body) if p)
