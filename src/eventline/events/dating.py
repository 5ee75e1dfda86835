"""When and where an event happened: the timex and place of its own clause.

Dates. Temporal expressions come from the normaliser in `eventline.events.timex` (imported
lazily; without it the coder still runs and every event is dated by its report). An event takes
the date of a timex in its own clause: one whose syntactic head climbs to the event's clause
verb (or to a subject-less participle hanging from it: "Speaking in London on Sept. 10, X
accused ..."), or one inside the event noun's own phrase ("Saturday's US strikes"). An event
with no such timex is *dated by its report*: `date` is the article's publication date and
`date_precision` is "report", so that a reader can tell an inferred date from a stated one. A
publication date without a year ("--06-23") stays without one; nothing here guesses a year.

Places live in `location.py` (`event_place`, re-exported here for the coder and rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from eventline.errors import InputError
from eventline.events.args import children, clause_head, first
from eventline.events.location import clause_tokens, country_code, event_place

REPORT = "report"
_YEARLESS = re.compile(r"XXXX-(?P<month>\d\d)(-\d\d)?$")
_MONTH_ANCHOR = re.compile(r"\d{4}-\d\d$")
__all__ = ["clause_tokens", "country_code", "event_place"]  # moved to location.py


@dataclass(frozen=True)
class FoundTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None
    date: str | None
    precision: str | None


def _normaliser() -> tuple[Callable[..., list[Any]], Callable[[str], tuple[Any, Any]]] | None:
    try:
        from eventline.events.timex import date_of, find_timexes
    except ImportError:  # the normaliser is optional: events are then dated by their report
        return None
    return find_timexes, date_of


def _tense_hint(doc: Doc) -> Callable[[int], str]:
    def hint(offset: int) -> str:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return ""
        head = clause_head(span[0])
        if any(c.lower_ in {"will", "shall", "'ll"} for c in head.children):
            return "future"
        if head.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in head.children):
            return "past"
        return "present" if head.tag_ in ("VBZ", "VBP", "VBG") else ""

    return hint


def find_doc_timexes(doc: Doc, *, published: str | None) -> list[FoundTimex]:
    """Every temporal expression of the doc, normalised against the publication date."""
    found = _normaliser()
    if found is None:
        return []
    find, date_of = found
    try:
        matches = find(doc.text, anchor=published, tense_hint=_tense_hint(doc))
    except InputError:  # an anchor the normaliser cannot read: normalise without one
        matches = find(doc.text, anchor=None, tense_hint=_tense_hint(doc))
    out = []
    for m in matches:
        value = _year_from_month(m.value, published)
        iso, precision = date_of(value)
        out.append(FoundTimex(m.start, m.end, m.text, m.type, value, m.anchor, iso, precision))
    return out


def _year_from_month(value: str, published: str | None) -> str:
    """A month or calendar date without a year ("XXXX-08") in an article known only to its
    month ("2024-10"): the latest such date not after the publication month (news reports the
    past), since the normaliser takes no month-precision anchor."""
    match = _YEARLESS.match(value)
    if match is None or published is None or not _MONTH_ANCHOR.match(published):
        return value
    year, month = int(published[:4]), int(published[5:7])
    if int(match["month"]) > month:
        year -= 1
    return f"{year:04d}{value[4:]}"


class TimexIndex:
    """Timexes of one doc keyed by the clause verb that governs them."""

    def __init__(self, doc: Doc, timexes: list[FoundTimex]) -> None:
        self.by_clause: dict[int, list[FoundTimex]] = {}
        self.by_token: dict[int, FoundTimex] = {}
        for tx in timexes:
            if tx.date is None:
                continue
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for tok in span:
                self.by_token[tok.i] = tx
            self.by_clause.setdefault(clause_head(span.root).i, []).append(tx)

    def in_phrase(self, tok: Token) -> FoundTimex | None:
        """A dated timex inside the phrase headed by `tok` ("Saturday's US strikes")."""
        for t in tok.subtree:
            if t.i in self.by_token and clause_head(t) == clause_head(tok):
                return self.by_token[t.i]
        return None

    def of_clause(self, verb: Token, *, climb: bool = True) -> FoundTimex | None:
        """A dated timex of `verb`'s clause, or of a subject-less participle under it, or of
        a participle framing the clause ("In a deal signed in 2022, Iran agreed ..."); for an
        infinitive complement without one, its governor's ("agreed on Friday to supply")."""
        if found := self.by_clause.get(verb.i):
            return found[0]
        for child in children(verb, "advcl", "xcomp"):
            if first(child, "nsubj", "nsubjpass") is None and (
                found := self.by_clause.get(child.i)
            ):
                return found[0]
        for prep in children(verb, "prep"):
            for pobj in children(prep, "pobj"):
                for part in children(pobj, "acl"):
                    if part.tag_ == "VBN" and (found := self.by_clause.get(part.i)):
                        return found[0]
        if climb and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
            return self.of_clause(verb.head, climb=False)
        return None


def report_date(published: str | None) -> tuple[str | None, str | None]:
    return (published, REPORT) if published else (None, None)
