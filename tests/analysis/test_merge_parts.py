"""The shortcuts of a re-clustering give what clustering everything at once gives: clustering
the parts that cluster apart (`merge._apart`, `MergeCache`), reusing the parts of an earlier
round, and rejecting a fit by a cluster's date bounds (`merge._far`). Hand-built mentions of a
few states over a few weeks, dated in every way the clustering knows; no parser."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from eventline.corpus.merge import (
    MergeCache,
    _far,
    _placed,
    dates_compatible,
    mention_date,
    merge_rules,
    merge_with_summaries,
)
from eventline.model import ActorRef, Article, EventMention, Evidence, Place, Published

STATES = ("RUS", "UKR", "TUR", "IRN", "ISR", "EGY")
DAY0 = date(2025, 3, 10)


def _article(i: int, rng: random.Random) -> Article:
    roll = rng.random()
    day = DAY0 + timedelta(days=rng.randint(0, 40))
    published = None
    if roll < 0.8:
        published = Published(value=day.isoformat(), precision="day", evidence="test")
    elif roll < 0.9:
        published = Published(value=day.isoformat()[:7], precision="month", evidence="test")
    return Article(
        id=f"art{i}",
        document_id=f"doc{i}",
        source_path="test",
        item=1,
        outlet=f"Outlet {i % 7}",
        published=published,
        body="x",
    )


def _date(rng: random.Random) -> tuple[str | None, str | None]:
    day = DAY0 + timedelta(days=rng.randint(0, 40))
    return rng.choice(
        [
            (day.isoformat(), "day"),
            (day.isoformat(), "day"),
            (day.isoformat(), "week"),
            (day.isoformat()[:7], "month"),
            (f"--{day:%m-%d}", "day"),
            (None, None),
            (day.isoformat(), "report"),
        ]
    )


def _mention(n: int, article: str, rng: random.Random) -> EventMention:
    actors = rng.sample(STATES, rng.choice([0, 1, 1, 1, 2]))
    rest = [s for s in STATES if s not in actors]
    recipients = rng.sample(rest, rng.choice([0, 1, 1]))
    value, precision = _date(rng)
    place = rng.choice([None, None, None, rng.choice(STATES)])
    return EventMention(
        id=f"evm{n}",
        type=rng.choice(["ASSAULT", "ACCUSE", "CONSULT", "COERCE"]),
        mode=rng.choice([None, None, "m1", "m2"]),
        actor=tuple(ActorRef(id=f"kb:{c}", name=c, country=c) for c in actors),
        recipient=tuple(ActorRef(id=f"kb:{c}", name=c, country=c) for c in recipients),
        date=value,
        date_precision=precision,
        location=Place(name=place, country=place) if place else None,
        modality=rng.choice(["asserted", "asserted", "asserted", "negated", "alleged"]),
        evidence=Evidence(article=article, sentence=n, start=n, end=n + 1, text="x"),
    )


def _corpus(seed: int, size: int) -> tuple[list[EventMention], dict[str, object]]:
    rng = random.Random(seed)
    articles = {a.id: a for a in (_article(i, rng) for i in range(size // 3))}
    ids = sorted(articles)
    mentions = [_mention(n, rng.choice(ids), rng) for n in range(size)]
    duplicate_of = {a: rng.choice(ids[:5]) for a in ids if rng.random() < 0.1}
    story_of = {a: f"s{rng.randint(0, 8)}" for a in ids if rng.random() < 0.8}
    return mentions, {"articles": articles, "duplicate_of": duplicate_of, "story_of": story_of}


def _same(a: list, b: list) -> None:
    assert [(e.model_dump(), ids, s) for e, ids, s in a] == [
        (e.model_dump(), ids, s) for e, ids, s in b
    ]


@pytest.mark.parametrize("seed", range(6))
def test_clustering_by_parts_gives_the_clusters_of_clustering_all(seed: int) -> None:
    mentions, links = _corpus(seed, 240)
    whole = merge_with_summaries(mentions, **links)  # type: ignore[arg-type]
    assert sum(len(ids) > 1 for _, ids, _ in whole) > 10, "events merge several reports"
    cache = MergeCache()
    # an earlier round of part of the mentions, then all of them: the parts the first round
    # clustered and that did not grow are reused, and the result is the same
    rng = random.Random(seed)
    merge_with_summaries(rng.sample(mentions, 160), **links, cache=cache)  # type: ignore[arg-type]
    reused = dict(cache.parts)
    _same(merge_with_summaries(mentions, **links, cache=cache), whole)  # type: ignore[arg-type]
    assert len(cache.parts) > len(reused) > 1
    _same(merge_with_summaries(mentions, **links, cache=MergeCache()), whole)  # type: ignore[arg-type]


def test_a_placed_date_far_from_another_is_not_compatible_with_it() -> None:
    """`_far` (the bounds test that rejects a fit before its dates loop) never rejects a pair
    of dates that `dates_compatible` accepts."""
    rng = random.Random(3)
    rules = merge_rules()
    articles = [_article(i, rng) for i in range(60)]
    dates = [mention_date(_mention(n, "a", rng), rng.choice(articles)) for n in range(300)]
    placed = [d for d in dates if _placed(d)]
    assert {d.kind for d in placed} >= {"exact", "report", "coarse"}
    far = 0
    for a in placed:
        for b in placed:
            if _far(a, b.lo, b.hi):
                far += 1
                assert not dates_compatible(a, b, rules), (a, b)
    assert far > len(placed)
