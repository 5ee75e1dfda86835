"""A cheap lexical guess of the tense around a temporal expression.

"On Monday" names a different day in "talks will resume on Monday" than in "talks resumed on
Monday". When the caller has a parser it passes a `tense_hint`; otherwise this module looks at
the words of the same sentence and lets the cue nearest to the expression decide: "will", "is
set to", "plans to" read as future; "said", "-ed" verbs, "last", "ago" as past. With no cue at
all, news is read as past.
"""

from __future__ import annotations

import re
from typing import Literal

from eventline.events.timex.lexicon import TimexLexicon

Tense = Literal["past", "future", "present"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|[.!?;,\n]")
_WINDOW_CHARS = 240
_WINDOW_WORDS = 14


def _is_boundary(
    token: str, previous: str | None, lexicon: TimexLexicon, *, backwards: bool
) -> bool:
    """Sentence ends bound both sides; a comma bounds only the right side, where it usually
    opens a reporting clause ("will meet on Monday, officials said")."""
    if token in ("\n", "!", "?", ";") or (token == "," and not backwards):
        return True
    if token != ".":
        return False
    return previous is None or (previous not in lexicon.abbreviations and len(previous) > 1)


def _side(tokens: list[str], lexicon: TimexLexicon, *, backwards: bool) -> list[str]:
    """Words from the expression outwards, stopping at the sentence boundary."""
    words: list[str] = []
    ordered = list(reversed(tokens)) if backwards else tokens
    for i, token in enumerate(ordered):
        if backwards:
            previous = ordered[i + 1] if i + 1 < len(ordered) else None
        else:
            previous = ordered[i - 1] if i else None
        if _is_boundary(token, previous, lexicon, backwards=backwards):
            break
        if token not in (".", ","):
            words.append(token.rstrip("."))
        if len(words) >= _WINDOW_WORDS:
            break
    return words


def _phrase_at(words: list[str], i: int, cue: tuple[str, ...], *, backwards: bool) -> bool:
    seq = words[i : i + len(cue)]
    return tuple(seq[::-1] if backwards else seq) == cue


def _names_period(words: list[str], i: int, lexicon: TimexLexicon, *, backwards: bool) -> bool:
    """Whether "last" at word `i` is the adjective of a period ("last week", "last March",
    "the last two years"), read from the word after it in text order."""
    after = i - 1 if backwards else i + 1
    if not 0 <= after < len(words):
        return True  # "last" right before the expression: "last" + the expression itself
    word = words[after].rstrip("s")
    if word in lexicon.numbers or word.isdigit() or word in ("few", "several", "couple"):
        return True
    return (
        word in lexicon.units
        or word in lexicon.weekdays
        or word in lexicon.months
        or word in lexicon.seasons
        or word in ("time", "year'", "week'", "night'")
    )


def _cue_at(words: list[str], i: int, lexicon: TimexLexicon, *, backwards: bool) -> Tense | None:
    """Does a cue phrase (read in text order) cover word `i` of an outward word list? A past
    participle after "be", "been", "to" is a passive ("will be held"), not a past tense."""
    before = i + 1 if backwards else i - 1
    auxiliary = words[before] if 0 <= before < len(words) else ""
    passive = auxiliary in lexicon.passive_auxiliaries
    if any(_phrase_at(words, i, cue, backwards=backwards) for cue in lexicon.future_cues):
        return "future"
    if words[i] == "last" and not _names_period(words, i, lexicon, backwards=backwards):
        return None  # "will begin in May and last about a month": the verb, no past
    for cue in lexicon.past_cues:
        if _phrase_at(words, i, cue, backwards=backwards):
            return None if passive and len(cue) == 1 else "past"
    word = words[i]
    if word.endswith(("'ll", "’ll")):
        return "future"
    if len(word) > 4 and word.endswith("ed") and word not in lexicon.ed_exceptions:
        return None if passive else "past"
    return None


def guess_tense(text: str, start: int, end: int, lexicon: TimexLexicon) -> Tense:
    """The tense of the clause around text[start:end], from the nearest lexical cue."""
    return cue_tense(text, start, end, lexicon) or "past"


def cue_tense(text: str, start: int, end: int, lexicon: TimexLexicon) -> Tense | None:
    """The nearest lexical cue's tense, or None when the sentence has no cue."""
    left_tokens = _TOKEN.findall(text[max(0, start - _WINDOW_CHARS) : start].lower())
    right_tokens = _TOKEN.findall(text[end : end + _WINDOW_CHARS].lower())
    left = _side(left_tokens, lexicon, backwards=True)
    right = _side(right_tokens, lexicon, backwards=False)
    for distance in range(max(len(left), len(right))):
        for words, backwards in ((left, True), (right, False)):
            if distance < len(words):
                found = _cue_at(words, distance, lexicon, backwards=backwards)
                if found is not None:
                    return found
    return None
