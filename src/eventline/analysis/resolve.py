"""Corpus step 1: document-local actor keys of stored per-article results → canonical actors.

The nlp stage's resolver (`nlp.resolve.resolve_tables`) clusters every article's local actor
table; here its answer is applied to stored records instead of to spaCy Docs, so linking
needs no parse. A canonical ref keeps the mention's own sector where it differs (metonyms
act as GOV), as `nlp.pipeline.resolve_docs` does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from eventline.model import (
    Actor,
    ActorRef,
    ArticleAnalysis,
    EventMention,
    Mention,
    Quote,
    Timex,
)
from eventline.nlp.resolve import resolve_tables


@dataclass
class Resolved:
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    keys: dict[str, frozenset[str]] = field(default_factory=dict)  # article -> actor ids
    role_keys: list[dict[str, str]] = field(default_factory=list)  # actor_keys rows of offices


class _Mapper:
    def __init__(self, canonical: dict[tuple[int, str], Actor], index: int) -> None:
        self.canonical, self.index = canonical, index
        # refs are frozen: one validated ActorRef per (local id, sector), not one per record
        self.made: dict[tuple[str, str | None], ActorRef] = {}

    def ref(self, ref: ActorRef | None) -> ActorRef | None:
        if ref is None:
            return None
        made = self.made.get((ref.id, ref.sector))
        if made is not None:
            return made
        actor = self.canonical.get((self.index, ref.id))
        if actor is None:
            return ref
        made = ActorRef(
            id=actor.id,
            name=actor.name,
            country=actor.country,
            sector=ref.sector or actor.sector,
        )
        self.made[(ref.id, ref.sector)] = made
        return made

    def refs(self, refs: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        out: dict[str, ActorRef] = {}
        for ref in refs:
            mapped = self.ref(ref)
            if mapped is not None:
                out.setdefault(mapped.id, mapped)
        return tuple(out.values())


def resolve_analyses(analyses: Sequence[ArticleAnalysis]) -> Resolved:
    """Canonical actors (with the surface forms seen as aliases) and every record's refs."""
    from eventline.analysis.increment import role_key_rows

    tables = [cast(dict[str, dict[str, Any]], a.actors) for a in analyses]
    canonical = resolve_tables(tables)
    resolved = apply_canonical(analyses, canonical)
    resolved.role_keys = role_key_rows(analyses, canonical)
    return resolved


def apply_canonical(
    analyses: Sequence[ArticleAnalysis], canonical: dict[tuple[int, str], Actor]
) -> Resolved:
    """Every record's refs through `canonical` ((index in `analyses`, local id) -> actor),
    and the actors it names with the surface forms seen as aliases."""
    out = Resolved()
    actors: dict[str, Actor] = {}
    aliases: dict[str, dict[str, None]] = {}
    for index, analysis in enumerate(analyses):
        mapper = _Mapper(canonical, index)
        ids: set[str] = set()
        for mention in analysis.mentions:
            ref = mention.actor
            actor = canonical.get((index, ref.id)) if ref is not None else None
            if actor is not None:
                actors.setdefault(actor.id, actor)
                aliases.setdefault(actor.id, {})[mention.text] = None
                ids.add(actor.id)
            out.mentions.append(mention.model_copy(update={"actor": mapper.ref(ref)}))
        out.keys[analysis.article] = frozenset(ids)
        out.event_mentions += [
            e.model_copy(
                update={"actor": mapper.refs(e.actor), "recipient": mapper.refs(e.recipient)}
            )
            for e in analysis.event_mentions
        ]
        out.quotes += [
            q.model_copy(
                update={"speaker": mapper.ref(q.speaker), "addressee": mapper.ref(q.addressee)}
            )
            for q in analysis.quotes
        ]
        out.timexes += analysis.timexes
    out.actors = [
        a.model_copy(update={"aliases": tuple(aliases.get(a.id, {}))}) for a in actors.values()
    ]
    return out
