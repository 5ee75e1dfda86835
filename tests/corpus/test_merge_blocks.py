"""Blocking keys of incremental merging. Across unrelated reports a new mention joins a
stored event only when both name the same actors by id on single days (`_same_parties`;
links through an article, copy group or story are found by the caller): every such stored
mention the merge accepts is filed under one of the new mention's probe keys, and far-apart
days, other actors, other types and coarser dates share none."""

from __future__ import annotations

import itertools
import random

from eventline.corpus.merge import (
    block_keys,
    dates_compatible,
    mention_date,
    merge_rules,
    probe_keys,
)
from tests.corpus.test_merge import IRN, LEADER, MINISTER, USA, article, mention

DATES = [
    ("2025-03-10", "day"),
    ("2025-03-14", "day"),
    ("2025-03-11", "day"),
    ("2025-03-06", "day"),
    ("2025-02-28", "day"),
    ("2025-03-01", "day"),
    ("2025-03", "month"),
    ("2025", "year"),
    ("2024-12-31", "day"),
    ("2025-03-03", "week"),
    ("--03-10", "day"),
    ("--03-12", "day"),
    ("--02-28", "day"),
    (None, None),
]
PUBLISHED = ["2025-03-10", "2025-03-01", "2025-01-02", "2024-12-30", "2024-02-29", None]


def _probe_hits(new: object, stored: object, art_new: object, art_stored: object) -> bool:
    filed = set(block_keys(stored, art_stored))  # type: ignore[arg-type]
    probes = probe_keys(new, art_new)  # type: ignore[arg-type]
    for family, code, bucket in probes:
        for f, c, b in filed:
            if (f, c) != (family, code):
                continue
            if b == bucket or ("%" in bucket and b.endswith(bucket[1:])):
                return True
    return False


def _single_day(when: object) -> bool:
    return when.kind == "report" or (when.kind == "exact" and when.day)  # type: ignore[attr-defined]


def test_every_single_day_pair_the_merge_accepts_shares_a_block() -> None:
    rules = merge_rules()
    cases = list(itertools.product(DATES, PUBLISHED))
    checked = 0
    for (d1, p1), (d2, p2) in itertools.product(cases, repeat=2):
        a1, a2 = article("x1", outlet=None, published=p1), article("x2", outlet=None, published=p2)
        m1 = mention("m1", "x1", date=d1[0], precision=d1[1])
        m2 = mention("m2", "x2", date=d2[0], precision=d2[1])
        w1, w2 = mention_date(m1, a1), mention_date(m2, a2)
        if not (_single_day(w1) and _single_day(w2)):
            assert not block_keys(m2, a2) or _single_day(w2)
            continue
        if dates_compatible(w1, w2, rules):
            checked += 1
            assert _probe_hits(m1, m2, a1, a2), (d1, p1, d2, p2)
    assert checked > 50


def test_coarser_dates_are_not_filed() -> None:
    a = article("x1", outlet=None, published=None)
    for value, precision in [("2025-03", "month"), ("2025", "year"), ("2025-03-03", "week")]:
        assert block_keys(mention("m1", "x1", date=value, precision=precision), a) == []


def test_blocks_follow_actor_ids_and_type_family() -> None:
    a = article("x1", outlet=None)
    stored = mention("m1", "x1", actor=(MINISTER,), recipient=(LEADER,))
    other_party = mention("m2", "x1", actor=(USA,), recipient=(USA,))
    same_country = mention("m3", "x1", actor=(IRN,), recipient=())
    same_actor = mention("m5", "x1", type_="CONSULT", actor=(LEADER,), recipient=(USA,))
    other_type = mention("m4", "x1", type_="ASSAULT")
    assert not _probe_hits(other_party, stored, a, a)
    assert not _probe_hits(same_country, stored, a, a), "a shared country is no evidence"
    assert _probe_hits(same_actor, stored, a, a), "a meeting's parties on either side"
    assert not _probe_hits(other_type, stored, a, a)


def test_far_apart_days_share_no_block() -> None:
    rng = random.Random(3)
    for _ in range(50):
        day = rng.randint(1, 28)
        a = article("x1", outlet=None, published=None)
        m1 = mention("m1", "x1", date=f"2025-03-{day:02d}")
        m2 = mention("m2", "x1", date=f"2025-{rng.choice([1, 5, 7]):02d}-{day:02d}")
        assert not _probe_hits(m1, m2, a, a)
