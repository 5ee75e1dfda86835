"""Dates an event takes from a dated time or happening the text puts it before or after (see
`relative.py`): "had met envoys in the weeks before the June 13 strikes", "met his counterpart
after the strikes", "before the war began in 2022, Russia had supplied gas".

Such a phrase gives an interval, not a day. An event date is one value at one precision, so
the event takes the smallest calendar unit the interval is known to lie in:

- **before / until** a dated anchor: the anchor's month (its year for a year), as for an act
  placed before a dated act (`relative_story.before_anchor`): the distance is unknown, and
  the publication date, after the anchor, is surely wrong;
- **after** a dated anchor, for a past act: the interval runs from the anchor to the
  report; when both lie in one month (or year, for a year anchor), that month; otherwise no
  unit holds it and the event stays dated by its report;
- **since** a dated anchor, for a past or perfect act ("has supplied drones since the 2022
  invasion"): a state dated by its start, as "since January 2022" dates it (`dating`), at
  the anchor's month: it began at an unknown distance after the anchor.

The anchor is a timex governed by the relation word ("before June 13"), the time of the noun
it governs ("the June 13 strikes"), a dated event that noun names (or the one dated event of
its lemma that a definite noun refers back to), or the date of a clause it opens ("before
the war began in 2022"). An offset with a number ("two days after the attack") is
`relative_links`' and more precise; it is applied first.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventline.events.dating import TimexIndex
from eventline.events.dating_phrases import record_since
from eventline.events.relative_base import Dated, is_past, month_of, refers_back

_BEFORE = frozenset({"before", "until", "till", "prior", "ahead"})
_AFTER = frozenset({"after", "since", "following"})
_LINKS = frozenset({"to", "of"})  # "prior to", "ahead of"


def _relations(verb: Token) -> Iterator[tuple[str, Token]]:
    """(relation word, anchor token) for each before/after phrase or clause on `verb`: the
    noun or timex a preposition governs, or the verb of a clause it opens."""
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "prep" and word in _BEFORE | _AFTER and not record_since(child):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    yield word, obj
                elif obj.dep_ == "prep" and obj.lower_ in _LINKS:
                    for pobj in obj.children:
                        if pobj.dep_ == "pobj":
                            yield word, pobj
        elif child.dep_ == "advcl":
            marks = [m.lower_ for m in child.children if m.dep_ == "mark"]
            if marks and marks[0] in _BEFORE | _AFTER:
                yield marks[0], child


def _anchor_date(anchor: Token, items: list[Dated], timexes: TimexIndex) -> tuple[str, str] | None:
    """The date of what a before/after phrase names (see the module docstring)."""
    if (tx := timexes.by_token.get(anchor.i)) is not None:
        return (tx.date, tx.precision) if tx.date and tx.precision else None
    for d in items:
        if d.stated and d.cand.trigger == anchor and d.event.date and d.event.date_precision:
            return d.event.date, d.event.date_precision
    if anchor.pos_ in ("VERB", "AUX"):
        if (tx := timexes.of_clause(anchor)) is not None and tx.date and tx.precision:
            return tx.date, tx.precision
        dates = {
            (d.event.date, d.event.date_precision)
            for d in items
            if d.stated and d.cand.clause == anchor
        }
        return _one(dates)
    if anchor.pos_ not in ("NOUN", "PROPN"):
        return None
    if (tx := timexes.in_phrase(anchor)) is not None and tx.date and tx.precision:
        return tx.date, tx.precision
    if not refers_back(anchor):
        return None
    lemma = anchor.lemma_.lower()
    dates = {
        (d.event.date, d.event.date_precision)
        for d in items
        if d.stated and d.cand.trigger.lemma_.lower() == lemma and d.cand.trigger.i < anchor.i
    }
    return _one(dates)


def _one(dates: set[tuple[str | None, str | None]]) -> tuple[str, str] | None:
    if len(dates) != 1:
        return None
    value, precision = dates.pop()
    return (value, precision) if value and precision else None


def _not_after(value: str, report: str | None, *, strict: bool = False) -> bool:
    """Whether a date lies no later than the report (with `strict`, before it), compared at
    the coarser precision; a year-less date against a dated report is not compared."""
    if not report:
        return True
    size = min(len(value), len(report))
    if value[:1].isdigit() != report[:1].isdigit():
        return True
    return value[:size] < report[:size] if strict else value[:size] <= report[:size]


def _within_report(value: str, precision: str, report: str | None) -> tuple[str, str] | None:
    """The month (or year) holding both an anchor and the report after it, if one does."""
    unit = month_of(value, precision)
    if unit is None or not report:
        return None
    if report.startswith(unit[0]) and unit[0] != report:
        return unit
    return None


def _past(verb: Token) -> bool:
    """A past act, or one a past plan was about ("had planned to strike"), or a state
    running up to now from a past start ("has been shelling towns since the attack")."""
    return is_past(verb) or (verb.dep_ == "xcomp" and is_past(verb.head)) or _perfect_ing(verb)


def _perfect_ing(verb: Token) -> bool:
    """ "has been shelling", "had been supplying": a perfect progressive."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had"})


def bounded_date(item: Dated, items: list[Dated], timexes: TimexIndex) -> tuple[str, str] | None:
    """The date an undated event takes from a dated anchor it is put before or after."""
    verb = item.cand.clause
    if verb.pos_ not in ("VERB", "AUX") or timexes.undated_own(verb):
        return None
    report = item.event.date
    heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" and verb.head != verb else [])
    for head in heads:
        for word, anchor in _relations(head):
            found = _anchor_date(anchor, items, timexes)
            if found is None or not _not_after(found[0], report):
                continue
            if word in ("until", "till") and not _not_after(found[0], report, strict=True):
                continue  # "has deployed troops until March" in March: a state running on
            if word in _BEFORE:
                if word in ("until", "till") and not _past(verb):
                    continue  # "will stay until March": a state running on
                return month_of(*found)
            if not _past(verb):
                continue
            if word == "since":  # as "since January 2022" dates a state by its start
                return month_of(*found)
            return _within_report(*found, report)
    return None
