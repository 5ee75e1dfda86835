"""Blocking keys of incremental merging: a stored mention a new one could merge with is
always filed under one of the new mention's probe keys (no date pair the merge accepts is
missed), and far-apart dates share none."""

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
    ("2025-02-28", "day"),
    ("2025-03", "month"),
    ("2025-02", "month"),
    ("2025", "year"),
    ("2024-12-31", "day"),
    ("2025-03-03", "week"),
    ("--03-10", "day"),
    (None, None),
]
PUBLISHED = ["2025-03-10", "2025-03-01", "2025-01-02", "2024-12-30", None]


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


def test_every_date_pair_the_merge_accepts_shares_a_block() -> None:
    rules = merge_rules()
    cases = list(itertools.product(DATES, PUBLISHED))
    for (d1, p1), (d2, p2) in itertools.product(cases, repeat=2):
        a1, a2 = article("x1", outlet=None, published=p1), article("x2", outlet=None, published=p2)
        m1 = mention("m1", "x1", date=d1[0], precision=d1[1])
        m2 = mention("m2", "x2", date=d2[0], precision=d2[1])
        w1, w2 = mention_date(m1, a1), mention_date(m2, a2)
        if dates_compatible(w1, w2, rules):
            assert _probe_hits(m1, m2, a1, a2), (d1, p1, d2, p2)


def test_blocks_follow_participants_and_type_family() -> None:
    a = article("x1", outlet=None)
    stored = mention("m1", "x1", actor=(MINISTER,), recipient=(LEADER,))
    other_party = mention("m2", "x1", actor=(USA,), recipient=(USA,))
    shared = mention("m3", "x1", actor=(IRN,), recipient=())
    other_type = mention("m4", "x1", type_="ASSAULT")
    assert not _probe_hits(other_party, stored, a, a)
    assert _probe_hits(shared, stored, a, a), "one shared country is enough to compare"
    assert not _probe_hits(other_type, stored, a, a)


def test_far_apart_days_share_no_block() -> None:
    rng = random.Random(3)
    for _ in range(50):
        day = rng.randint(1, 28)
        a = article("x1", outlet=None, published=None)
        m1 = mention("m1", "x1", date=f"2025-03-{day:02d}")
        m2 = mention("m2", "x1", date=f"2025-07-{day:02d}")
        assert not _probe_hits(m1, m2, a, a)
