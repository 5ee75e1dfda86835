"""Fact-check rating scales, and the rating a fact-check states in its own text.

Scales are data (`resources/corpus/ratings.yaml`): every outlet's label maps to one rating of
a documented set (`model.Rating`), and each rating to a coarse `Verdict`. A rating is read
only where the fact-checker *states* one, because a stated rating wins over every other cue
(a true claim's body may well say "No, ..." or "wrong" about a rebuttal):

- a rating sentence: "We rate this claim Mostly False.", "We rate it Pants on Fire!",
  "Dressler earns Four Pinocchios." (the label closes the sentence);
- a rating field: "Rating: Satire", "Our rating: Missing Context", "Verdict: False";
- a rating by definition: "Our definition of Half True is ... That fits here.";
- a label line: a paragraph that is nothing but a label ("FALSE"), near the top or the end,
  or a paragraph opened by a label under a "Verdict" heading;
- failing all those, a short verdict sentence about the claim at the top or the end ("This
  is false.", "The video is misleading.").

Quoted text is masked first, so a story quoting another checker's "We rate this False" is not
read as its own rating. Typos are tolerated only in those positions, with rapidfuzz bounded
by `fuzzy_min_ratio`; a label must have as many words as the text it is matched against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, ValidationError
from rapidfuzz import fuzz, process

from eventline.corpus.merge import corpus_resource
from eventline.errors import ResourceError
from eventline.model import Rating, Verdict

_RESOURCE = "ratings.yaml"
_QUOTED = re.compile(r"[\"“][^\"”\n]{0,400}[\"”]")
_END = re.compile(r"[.!?](?=[\"”’)]?(?:\s|$))|\n")
_EDGE = " \t\n\"“”'‘’*.!?:;,()[]"
_LEAD = frozenset(["a", "an", "our", "the"])
# Words that open the object of "We rate ..." rather than a label.
_OBJECT = frozenset(["this", "that", "these", "those", "it", "the", "his", "her", "their", "its",
                     "claim", "statement", "a", "an", "as"])  # fmt: skip
_RATE = re.compile(r"\bwe\s+(?:rate|rated|are\s+rating|give|gave)\b", re.I)
_EARN = re.compile(r"\b(?:earns?|earned|gets?|got|deserves?|receives?|received)\s+", re.I)
_FIELD = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:[\w'’-]+\s+){0,2}?(?:rating|verdict|ruling)\s*:\s*",
    re.I | re.M,
)
_HEADING = re.compile(r"^[ \t]*(?:our\s+|the\s+)?(?:verdict|rating|ruling)[ \t]*:?[ \t]*$", re.I)
_COPULA = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:this|that|it|the\s+(?:claim|post|video|image|photo|statement|quote|"
    r"story|article|meme)s?)\s+(?:is|are|was|were)\s+",
    re.I,
)
_CLAUSE = re.compile(r"[,;:(—–]|\s(?:because|since|given|as|but|and)\s")
_DEFINITION = re.compile(r"\bdefinition\s+of\s+(?:an?\s+)?[\"“'‘]?", re.I)


class Scale(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    labels: dict[Rating, tuple[str, ...]]


class Scales(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    fuzzy_min_ratio: float
    fuzzy_min_length: int
    ratings: dict[Rating, Verdict | None]
    scales: tuple[Scale, ...]


@dataclass(frozen=True)
class StatedRating:
    """A rating the article states: normalised, as printed, where, and in which form."""

    rating: Rating
    label: str
    start: int
    form: str  # "sentence", "field", "definition", "label line" or "verdict sentence"


def fold_label(text: str) -> str:
    """A label as compared: case, end punctuation and hyphens folded ("Mostly-False!")."""
    return " ".join(text.strip(_EDGE).casefold().replace("-", " ").replace("_", " ").split())


@lru_cache(maxsize=1)
def scales() -> Scales:
    try:
        return Scales.model_validate(corpus_resource(_RESOURCE))
    except ValidationError as exc:
        raise ResourceError(_RESOURCE, f"invalid rating scales: {exc.errors()[0]['msg']}") from exc


@lru_cache(maxsize=1)
def label_table() -> dict[str, Rating]:
    """Every printed label (folded) → its rating; a label in two scales must agree."""
    table: dict[str, Rating] = {}
    for scale in scales().scales:
        for rating, labels in scale.labels.items():
            for label in labels:
                key = fold_label(label)
                if table.setdefault(key, rating) != rating:
                    raise ResourceError(_RESOURCE, f"label {label!r} maps to two ratings")
    return table


def verdict_of(rating: Rating | None) -> Verdict | None:
    """The coarse verdict a rating counts as (None for unrated and change-of-position)."""
    return scales().ratings.get(rating) if rating else None


def lookup(text: str, *, fuzzy: bool = False) -> Rating | None:
    """The rating a label names: exact after folding, else (when `fuzzy`) the closest label
    of the same number of words within the bounded typo distance."""
    key = fold_label(text)
    table = label_table()
    if key in table:
        return table[key]
    rules = scales()
    if not fuzzy or len(key) < rules.fuzzy_min_length:
        return None
    words = len(key.split())
    choices = [k for k in table if len(k.split()) == words and len(k) >= rules.fuzzy_min_length]
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=rules.fuzzy_min_ratio)
    return table[best[0]] if best else None


def _mask_quotes(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _sentence_end(text: str, start: int) -> int:
    match = _END.search(text, start)
    return match.end() if match else len(text)


def closing_label(tail: str) -> tuple[Rating, str] | None:
    """The label that closes a rating sentence ("this claim Mostly False." → Mostly False):
    the longest run of up to four closing words that names a label."""
    words = tail.strip(_EDGE).split()
    for n in range(min(4, len(words)), 0, -1):
        run = words[-n:]
        if run[0].casefold().strip(_EDGE) in _OBJECT:
            continue
        printed = " ".join(run).strip(_EDGE)
        if rating := lookup(printed, fuzzy=True):
            return rating, printed
    return None


def opening_label(text: str) -> tuple[Rating, str] | None:
    """The label that opens `text` ("Missing Context. The talks ..."), longest first, up to
    the end of its line or sentence."""
    line = text[: _sentence_end(text, 0)]
    words = line.strip(_EDGE).split()[:4]
    if words and words[0].casefold() in _LEAD:
        words = words[1:]
    for n in range(len(words), 0, -1):
        printed = " ".join(words[:n]).strip(_EDGE)
        if rating := lookup(printed, fuzzy=True):
            return rating, printed
    return None


def _sentences(text: str) -> list[StatedRating]:
    found: list[StatedRating] = []
    for pattern in (_RATE, _EARN):
        for match in pattern.finditer(text):
            end = _sentence_end(text, match.end())
            tail = text[match.end() : end]
            if pattern is _EARN and len(tail.split()) > 4:
                continue  # "earns" must be followed by the label itself, not a clause
            head = _CLAUSE.split(tail, maxsplit=1)[0]  # "... False, as we did in 2020."
            if hit := closing_label(tail) or closing_label(head):
                found.append(StatedRating(hit[0], hit[1], match.start(), "sentence"))
    for match in _DEFINITION.finditer(text):
        if hit := opening_label(text[match.end() :]):
            found.append(StatedRating(hit[0], hit[1], match.start(), "definition"))
    return found


def _fields(text: str) -> list[StatedRating]:
    found = []
    for match in _FIELD.finditer(text):
        if hit := opening_label(text[match.end() : match.end() + 80]):
            found.append(StatedRating(hit[0], hit[1], match.start(), "field"))
    return found


def _spans(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]


def _label_lines(text: str) -> list[StatedRating]:
    """Paragraphs of at most five words that are a label, among the first three and the
    last two paragraphs; and a paragraph opened by a label under a "Verdict" heading."""
    spans = _spans(text)
    found = []
    for index, (start, para) in enumerate(spans):
        if _HEADING.match(para) and index + 1 < len(spans):
            below_start, below = spans[index + 1]
            if hit := opening_label(below):
                found.append(StatedRating(hit[0], hit[1], below_start, "field"))
        if 3 <= index < len(spans) - 2 or len(para.split()) > 5:
            continue
        if rating := lookup(para, fuzzy=True):
            found.append(StatedRating(rating, para.strip(_EDGE), start, "label line"))
    return found


def _verdict_sentences(text: str) -> list[StatedRating]:
    """ "This is false.", "The claim is misleading.": a short sentence whose subject is the
    claim and whose last words are a label, in the first two or the last paragraph (where
    checkers that use no rating sentence put their verdict)."""
    spans = _spans(text)
    found = []
    for index, (start, para) in enumerate(spans):
        if 2 <= index < len(spans) - 1:
            continue
        for match in _COPULA.finditer(para):
            end = _sentence_end(para, match.end())
            tail = para[match.end() : end]
            hit = closing_label(tail)
            if hit and fold_label(hit[1]) == fold_label(tail):  # the label and nothing else
                at = start + match.start()
                found.append(StatedRating(hit[0], hit[1], at, "verdict sentence"))
    return found


def stated_rating(text: str) -> StatedRating | None:
    """The rating the fact-check states. A rating sentence or definition (the ruling) wins,
    the last one when there are several; else the first rating field or label line; else a
    short verdict sentence about the claim ("This is false.") at the top or the end."""
    masked = _mask_quotes(text)
    if ruled := _sentences(masked):
        return max(ruled, key=lambda r: r.start)
    if labelled := _fields(masked) + _label_lines(masked):
        return min(labelled, key=lambda r: r.start)
    verdicts = _verdict_sentences(masked)
    return min(verdicts, key=lambda r: r.start) if verdicts else None
