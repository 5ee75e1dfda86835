"""Score duplicate groups and stories against the gold `duplicates` and `stories` sections.

Gold names articles by sample id ("002_…#3"); predictions name them by Article.id. The caller
passes `articles` (gold id → Article) so both sides can be compared on gold ids; a gold id with
no article counts against recall (duplicates) or as an unsatisfied constraint (stories).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations

from eventline.eval.gold import Gold
from eventline.eval.report import Metric, SectionReport, prf
from eventline.model import Article, DuplicateGroup, Story


def _gold_ids(articles: Mapping[str, Article]) -> dict[str, str]:
    return {article.id: gold_id for gold_id, article in articles.items()}


def _pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for group in groups for p in combinations(sorted(set(group)), 2)}


def score_duplicates(
    gold: Gold, articles: Mapping[str, Article], groups: Sequence[DuplicateGroup]
) -> SectionReport:
    """Pairwise precision and recall of predicted copy groups over the gold articles."""
    to_gold = _gold_ids(articles)
    predicted = _pairs([to_gold[m] for m in g.members if m in to_gold] for g in groups)
    expected = _pairs(gold.duplicates)
    tp, fp, fn = len(predicted & expected), len(predicted - expected), len(expected - predicted)
    precision, recall, f1 = prf(tp, fp, fn)
    misses = [f"missed copy pair {' = '.join(sorted(p))}" for p in expected - predicted]
    misses += [f"false copy pair {' = '.join(sorted(p))}" for p in predicted - expected]
    return SectionReport(
        section="duplicates",
        metrics=(
            Metric("precision", precision, floor=1.0, detail=f"{tp} of {tp + fp} pairs"),
            Metric("recall", recall, floor=1.0, detail=f"{tp} of {tp + fn} pairs"),
            Metric("f1", f1),
        ),
        misses=tuple(sorted(misses)),
    )


def score_stories(
    gold: Gold, articles: Mapping[str, Article], stories: Sequence[Story]
) -> SectionReport:
    """Share of must_link / cannot_link constraints the predicted stories satisfy."""
    to_gold = _gold_ids(articles)
    story_of = {to_gold[a]: s.id for s in stories for a in s.articles if a in to_gold}
    misses: list[str] = []
    satisfied = total = 0
    for link, together in ((gold.stories.must_link, True), (gold.stories.cannot_link, False)):
        for pair in link:
            total += 1
            a, b = (story_of.get(x) for x in pair[:2])
            if a is not None and b is not None and (a == b) == together:
                satisfied += 1
            else:
                verb = "apart" if together else "together"
                misses.append(f"{pair[0]} and {pair[1]} are {verb}")
    share = satisfied / total if total else 1.0
    return SectionReport(
        section="stories",
        metrics=(Metric("constraints", share, floor=1.0, detail=f"{satisfied} of {total}"),),
        misses=tuple(misses),
    )
