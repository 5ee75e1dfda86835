"""Score extracted quotes against the development gold ("quotes" in ../shared/gold/README.md).

A gold quote is found in an article when a quote extracted there has the gold speaker (the
resolved actor's name, or, for speakers outside the actor KB, the quote's `speaker_text`,
compared after folding in full or by last name) and covers at least 80% of the gold text: the
share of the gold's folded words matched, in order, by the prediction's.
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import SequenceMatcher
from typing import Any

from eventline.eval.gold import Gold, fold
from eventline.eval.report import Metric, SectionReport
from eventline.model import Quote

COVERAGE = 0.8


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'…-—") for w in fold(text).split() if w.strip(".,;:!?\"'…-—")]


def coverage(gold: str, pred: str) -> float:
    """Share of the gold quote's words found, in order, in the predicted quote."""
    g, p = _words(gold), _words(pred)
    if not g:
        return 1.0
    blocks = SequenceMatcher(a=g, b=p, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(g)


def speaker_matches(gold: str, quote: Quote) -> bool:
    names = [quote.speaker.name if quote.speaker else None, quote.speaker_text]
    want = fold(gold)
    last = want.split()[-1] if want else ""
    for name in filter(None, names):
        got = fold(name)
        if got == want or (last and got.split() and got.split()[-1] == last):
            return True
    return False


def score_quotes(gold: Gold, coded: Mapping[str, Any]) -> SectionReport:
    """Recall per (gold quote, article) pair: right speaker and >= 80% coverage."""
    pairs = hits = 0
    misses: list[str] = []
    for gq in gold.quotes:
        for art in gq.in_:
            pairs += 1
            quotes = coded[art].quotes if art in coded else []
            if any(
                speaker_matches(gq.speaker, q) and coverage(gq.text, q.text) >= COVERAGE
                for q in quotes
            ):
                hits += 1
            else:
                misses.append(f"{gq.speaker}: {gq.text[:50]!r} not found in {art}")
    metrics = (Metric("quote_recall", hits / pairs if pairs else 1.0, None, f"{hits}/{pairs}"),)
    return SectionReport("quotes", metrics, tuple(misses))
