"""Recognise a fact-check from its text alone, on any outlet.

Many fact-checks carry no ClaimReview markup, no "Fact check:" headline and no section name.
A reader still knows one by its structure: the claim is stated and attributed up front ("A
post claims ...", "Sen. X said ... that ..."), the writers check it in their own voice ("We
looked at ...", "did not respond to our request"), and they rate it ("We rate this claim
Mostly False.", "Rating: Satire", a label line, "Our ruling", "Our definition of Half True
is ..."). Each of these is a scored signal; no single keyword decides. A rating the writers
state in the first person plural, or a rating label or field, is the strongest; a news story
that reports another outlet's rating ("fact-checkers rated the claim false") or an opinion
column calling a claim false has neither, and stays news or opinion.

Rating labels come from the fact-check rating scales (`resources/corpus/ratings.yaml`), read
here as data so this stage does not depend on the corpus stage's code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

_QUOTED = re.compile(r"[\"“][^\"”\n]{0,400}[\"”]")
_RATE = re.compile(
    r"\bwe\s+(?:rate|rated|are\s+rating)\s+(?:this|that|the|it|its|his|her|their|these|those)\b"
    r"|\b(?:our|the)\s+(?:rating|ruling|verdict)\s*(?::|is\b|was\b)"
    r"|\bour\s+definition\s+of\b|\b[\w]+-o-meter\b",
    re.I,
)
_FIELD = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:rating|verdict|ruling)\s*:\s*(?P<label>.+)$", re.I
)
_RULING_HEAD = re.compile(r"^\s*(?:(?:our|the)\s+)?(?:ruling|verdict)\s*[.:]?\s*$", re.I)
_VOICE = re.compile(
    r"\bwe\s+(?:checked|looked\s+(?:at|into|for)|reviewed|searched|examined|asked|contacted|"
    r"reached\s+out|emailed|could\s+not\s+(?:find|verify|confirm|reach)|found\s+no|"
    r"did\s+not\s+(?:find|hear|receive)|were\s+unable)\b"
    r"|\b(?:this|our)\s+fact[\s-]?check\b"
    r"|\b(?:did\s+not|didn't)\s+(?:respond|reply)\s+to\s+our\s+request",
    re.I,
)
_ATTRIBUTED_POSTS = re.compile(
    r"^[^.!?]{0,120}?\b(?:posts?|videos?|memes?|tweets?|images?|photos?|messages?|stor(?:y|ies)|"
    r"accounts?|users?)\b[^.!?]{0,120}?\s(?:say|says|said|claim|claims|claimed|posted|suggest|"
    r"suggests|show|shows|allege|alleges)\s",
    re.I,
)
_ATTRIBUTED_PERSON = re.compile(
    r"^[^.!?]{0,100}?[A-Z][\w'’.-]+\s(?:said|claimed|wrote|posted|tweeted|stated|asserted)\b"
    r"[^.!?]{0,80}?\bthat\s",
)
_ATTRIBUTED_QUOTE = re.compile(
    r"^\s*[\"“][^\"”]{10,400}[\"”],?\s+[^\"“]{2,80}?\s(?:said|wrote|claimed|stated|tweeted|posted)\b"
)
_TITLE = re.compile(
    r"^\s*(?:no|yes)\s*,|\bfalsely\s+(?:says?|claims?)\b|\bpinocchios?\b|-o-meter\b", re.I
)
_SENTENCE_END = re.compile(r"[^.!?\n]*[.!?]")
# "We rate it Pants on Fire!", "Dressler earns Four Pinocchios.": a scale label closes it.
_CLOSING = re.compile(
    r"\b(?:we\s+(?:rate|rated|give|gave)|earns?|earned|gets?|deserves?)\s+(?P<tail>.+)$", re.I
)
_DEFINED = re.compile(r"\bdefinition\s+of\s+(?:an?\s+)?[\"“'‘]?(?P<rest>[^.\n]{0,40})", re.I)
_STRONG = 3.0
_THRESHOLD = 3.5


@dataclass(frozen=True)
class Recognition:
    """The score of a text as a fact-check and the signals behind it (for `show`/debug)."""

    score: float
    signals: tuple[str, ...]

    @property
    def is_factcheck(self) -> bool:
        """Enough score, and either a rating on a scale (or a ruling heading), or a claim
        stated and attributed up front that the writers check in their own voice (a
        fact-check that gives no rating)."""
        found = set(self.signals)
        rated = bool(found & _RATED)
        checked = "checker voice" in found and bool(found & _ATTRIBUTED)
        return self.score >= _THRESHOLD and (rated or checked)


_RATED = frozenset(["closing label", "rating field", "label line", "ruling"])
_ATTRIBUTED = frozenset(["claim from posts", "attributed claim"])


@lru_cache(maxsize=1)
def rating_labels() -> frozenset[str]:
    """Every label of the fact-check rating scales, folded."""
    text = resources.files("eventline.resources.corpus").joinpath("ratings.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return frozenset(
        _fold(label)
        for scale in data["scales"]
        for labels in scale["labels"].values()
        for label in labels
    )


def _fold(text: str) -> str:
    return " ".join(text.strip(" \t\"“”'*.!:").casefold().replace("-", " ").split())


def _is_label(text: str) -> bool:
    return _fold(text) in rating_labels()


def is_rating_label(text: str) -> bool:
    """A bare label of a known rating scale ("Mostly False", "Pants on Fire!")."""
    return _is_label(text)


def _defined_label(text: str) -> bool:
    """ "Our definition of Half True is ...": a scale label right after "definition of"."""
    for match in _DEFINED.finditer(text):
        words = match.group("rest").split()
        if any(_is_label(" ".join(words[:n])) for n in range(1, min(4, len(words)) + 1)):
            return True
    return False


def _closing_label(sentence: str) -> bool:
    """A sentence of rating form whose last one to four words are a scale label."""
    match = _CLOSING.search(sentence)
    if match is None:
        return False
    words = match.group("tail").split()
    return any(_is_label(" ".join(words[-n:])) for n in range(1, min(4, len(words)) + 1))


def is_rating_line(text: str) -> bool:
    """A rating field: "Our rating: False", "Verdict: Missing context". The clean stage keeps
    such a line even where it looks like a stray subhead. (A bare label such as "Legend" or
    "Verified" at the end of a page is too often something else to keep.)"""
    field = _FIELD.match(text)
    return field is not None and _is_label(field.group("label"))


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def recognise(title: str | None, body: str) -> Recognition:
    """Score the fact-check structure of an article."""
    unquoted = _QUOTED.sub(" ", body)
    paragraphs = _paragraphs(unquoted)
    signals: list[str] = []
    score = 0.0
    if _RATE.search(unquoted):
        signals.append("rating sentence")
        score += 2.0
    if _defined_label(unquoted) or any(_closing_label(s) for s in _SENTENCE_END.findall(unquoted)):
        signals.append("closing label")
        score += 2.0 if "rating sentence" in signals else _STRONG
    edges = paragraphs[:4] + paragraphs[-3:]
    if any((f := _FIELD.match(p)) and _is_label(f.group("label")) for p in edges):
        signals.append("rating field")
        score += _STRONG
    elif any(len(p.split()) <= 5 and p[-1] not in ".?" and _is_label(p) for p in paragraphs[:4]):
        signals.append("label line")  # a rating badge under the headline ("FALSE")
        score += _STRONG
    if any(_RULING_HEAD.match(p) for p in paragraphs):
        signals.append("ruling")
        score += 2.0
    voices = len(_VOICE.findall(unquoted))
    if voices:
        signals.append("checker voice")
        score += min(voices, 2) * 1.5
    lede = " ".join(paragraphs[:2])
    if _ATTRIBUTED_POSTS.search(lede):
        signals.append("claim from posts")
        score += 2.0
    elif _ATTRIBUTED_PERSON.search(lede) or any(
        _ATTRIBUTED_QUOTE.search(p) for p in _paragraphs(body)[:2]
    ):
        signals.append("attributed claim")
        score += 1.0
    if title and _TITLE.search(title):
        signals.append("headline")
        score += 1.0
    return Recognition(score, tuple(signals))


def looks_like_factcheck(title: str | None, body: str) -> bool:
    """True when the text has a fact-check's structure (see the module docstring)."""
    return recognise(title, body).is_factcheck
