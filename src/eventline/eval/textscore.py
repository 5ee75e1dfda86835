"""Text overlap as the web-extraction benchmarks score it: word 4-gram F1.

Scripts written without spaces (Chinese, Japanese, Thai, …) are tokenised by character, so a
Chinese paragraph is not one "word"; punctuation, list bullets and table pipes are ignored, so
layout differences between a gold text and an extracted body do not count.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff"
    r"\u1000-\u109f\u1780-\u17ff]|[^\W_]+"
)
_N = 4


def tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def _grams(text: str) -> Counter[tuple[str, ...]]:
    words = tokens(text)
    if len(words) < _N:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + _N]) for i in range(len(words) - _N + 1))


def ngram_prf(gold: str, got: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of word 4-grams of `got` against `gold` (multiset overlap)."""
    want, have = _grams(gold), _grams(got)
    if not want and not have:
        return 1.0, 1.0, 1.0
    common = sum((want & have).values())
    precision = common / sum(have.values()) if have else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
