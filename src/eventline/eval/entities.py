"""Score actor resolution against the gold `entities` section.

For every alias (and the name) of every gold entity, each occurrence in the gold articles'
bodies must be covered by a mention whose actor has the gold country and sector; for people
and organisations all occurrences must also land on one canonical actor. Country entities'
aliases are metonyms ("Moscow", "Russia's foreign ministry"): they must resolve to an actor of
that country. Two gold people must never share a canonical actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from eventline.eval.gold import Gold, GoldEntity
from eventline.eval.report import Metric, SectionReport
from eventline.model import ActorRef, Article, Mention

if TYPE_CHECKING:
    from eventline.nlp.pipeline import ActorExtraction

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})

ALIAS_FLOOR = 0.90
METONYM_FLOOR = 1.0
APART_FLOOR = 1.0


def occurrences(body: str, alias: str) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences after folding quotes (offsets unchanged)."""
    pattern = re.compile(rf"(?<!\w){re.escape(alias.translate(_QUOTES))}(?!\w)")
    return [m.span() for m in pattern.finditer(body.translate(_QUOTES))]


def pick_mention(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The mention that stands for text[start:end]: the exact span, else the smallest one
    containing it, else the largest one inside it, else the one overlapping it most."""
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    exact = [m for m in overlapping if (m.start, m.end) == (start, end)]
    if exact:
        return exact[-1]
    containing = [m for m in overlapping if m.start <= start and end <= m.end]
    if containing:
        return min(containing, key=lambda m: m.end - m.start)
    inside = [m for m in overlapping if start <= m.start and m.end <= end]
    if inside:
        return max(inside, key=lambda m: m.end - m.start)
    return max(overlapping, key=lambda m: min(m.end, end) - max(m.start, start), default=None)


def _fits(entity: GoldEntity, actor: ActorRef | None) -> bool:
    if actor is None or actor.country != entity.country:
        return False
    return entity.type == "country" or entity.sector is None or actor.sector == entity.sector


def _resolved(
    entity: GoldEntity, bodies: Mapping[str, str], by_article: Mapping[str, list[Mention]]
) -> list[tuple[str, str, ActorRef | None]]:
    """(article, alias, actor) for every occurrence of the entity's name and aliases."""
    out: list[tuple[str, str, ActorRef | None]] = []
    for alias in dict.fromkeys([entity.name, *entity.aliases]):
        for article, body in bodies.items():
            for start, end in occurrences(body, alias):
                mention = pick_mention(by_article.get(article, []), start, end)
                out.append((article, alias, mention.actor if mention else None))
    return out


def score_entities(
    gold: Gold, articles: Mapping[str, Article], extraction: ActorExtraction
) -> SectionReport:
    """Alias resolution share, metonyms resolved, and gold people kept apart."""
    mentions = extraction.mentions
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article, []).append(mention)
    bodies = {gold_id: a.body for gold_id, a in articles.items()}
    by_article = {gid: by_article.get(a.id, []) for gid, a in articles.items()}
    good = total = meto_good = meto_total = 0
    misses: list[str] = []
    person_actor: dict[str, str] = {}
    for entity in gold.entities:
        found = _resolved(entity, bodies, by_article)
        ids = Counter(a.id for _, _, a in found if a is not None and _fits(entity, a))
        main = ids.most_common(1)[0][0] if ids else None
        if entity.type == "person" and main:
            person_actor[entity.name] = main
        for article, alias, actor in found:
            ok = _fits(entity, actor) and (entity.type == "country" or actor.id == main)  # type: ignore[union-attr]
            total += 1
            good += ok
            if entity.type == "country" and alias != entity.name:
                meto_total += 1
                meto_good += ok
            if not ok:
                got = f"{actor.name} {actor.country}/{actor.sector}" if actor else "nothing"
                misses.append(f"{article}: {alias!r} -> {got} (want {entity.name})")
    merged = [n for n, a in person_actor.items() if list(person_actor.values()).count(a) > 1]
    people = len(person_actor) or 1
    misses += [f"gold person {n!r} shares an actor with another" for n in merged]
    metrics = (
        Metric("alias_resolution", good / total if total else 1.0, ALIAS_FLOOR, f"{good}/{total}"),
        Metric(
            "metonyms_resolved",
            meto_good / meto_total if meto_total else 1.0,
            METONYM_FLOOR,
            f"{meto_good}/{meto_total}",
        ),
        Metric(
            "people_kept_apart",
            1 - len(merged) / people,
            APART_FLOOR,
            f"{len(merged)} of {len(person_actor)} gold people wrongly merged",
        ),
    )
    return SectionReport("entities", metrics, tuple(misses))
