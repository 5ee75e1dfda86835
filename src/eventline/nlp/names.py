"""Person-name keys: folding transliteration variants so Araghchi and Araqchi meet.

Folding alone never merges two people: `eventline.nlp.resolve` also asks that country, role and
given names agree. The rules are data (`resources/actors/transliteration.yaml`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from eventline.nlp.kb import load_translit

_PARTICLES = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "der", "la", "le"})
_SPLIT = re.compile(r"[\s\-‐]+")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r.pattern), r.replace) for r in load_translit().rules)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold_part(part: str) -> str:
    """One name part, lower-cased, accent-free and folded by the transliteration rules."""
    folded = strip_accents(part).casefold()
    for pattern, replace in _rules():
        folded = pattern.sub(replace, folded)
    return folded


def name_parts(name: str) -> list[str]:
    """Name parts without particles, possessives or trailing punctuation."""
    name = re.sub(r"['’]s$", "", name.strip())
    parts = [p.strip(".,") for p in _SPLIT.split(name) if p.strip(".,")]
    return [p for p in parts if p.casefold() not in _PARTICLES] or parts


def surname_key(name: str) -> str:
    parts = name_parts(name)
    return fold_part(parts[-1]) if parts else ""


def given_keys(name: str) -> tuple[str, ...]:
    return tuple(fold_part(p) for p in name_parts(name)[:-1])


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree when either is absent, or one's first name (or initial) fits the
    other's: "Vladimir Putin" ~ "V. Putin" ~ "Putin", never "Imran Khan" ~ "Sadiq Khan"."""
    if not a or not b:
        return True
    first_a, first_b = a[0], b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return first_a == first_b


def org_key(name: str) -> str:
    """Organisation names compare without case, accents, a leading "the" or a possessive."""
    text = strip_accents(name).casefold()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"['’]s$", "", text)
    return " ".join(re.sub(r"[^\w\s&]", " ", text).split())


def acronym(name: str) -> str:
    """Initials of the capitalised words: "General Motors" -> "GM"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""
