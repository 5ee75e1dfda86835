"""What the ways of dating an event from another event share (`relative.py`): the event
being dated (`Dated`), moving a date by whole days, and the readings of a clause every way
needs (is it past, is it the sentence's main clause, does a noun refer back)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from eventline.events.candidate import EventCandidate
from eventline.events.dating import REPORT
from eventline.model import EventMention

DEFINITE = {"the", "this", "these", "that", "those"}
_LEAP = 2000  # a leap year stands in for an unknown one ("--02-29" stays valid)


@dataclass
class Dated:
    """A coded event with the parse tokens it came from, its date still open to refinement."""

    cand: EventCandidate
    event: EventMention

    @property
    def stated(self) -> bool:
        return self.event.date is not None and self.event.date_precision not in (REPORT, None)


def shift(value: str, days: int) -> str | None:
    """ "2025-06-23" - 2 days -> "2025-06-21"; "--06-23" keeps its missing year."""
    try:
        if value.startswith("--"):
            moved = date.fromisoformat(f"{_LEAP}-{value[2:]}") + timedelta(days=days)
            return f"--{moved.month:02d}-{moved.day:02d}"
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def refers_back(trigger: Token) -> bool:
    """A verb, or a definite noun ("the strikes", "its attack"); not "fresh sanctions"."""
    if trigger.pos_ == "VERB":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in trigger.children
    )


def redate(event: EventMention, value: str | None, precision: str | None) -> EventMention:
    return event.model_copy(update={"date": value, "date_precision": precision})


def is_past(verb: Token) -> bool:
    """Simple past or perfect: "launched", "has vowed", "had supplied"."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children)
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def pluperfect(verb: Token) -> bool:
    """ "had supplied", "had been arrested": an act before the time the story is at."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children
    )


def main_clause(verb: Token) -> Token | None:
    """The sentence root when `verb` is it or a clause coordinated with it."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node if node.dep_ == "ROOT" else None


def month_of(value: str, precision: str) -> tuple[str, str] | None:
    """The month of a date ("2024-03-09" -> "2024-03", "--06-21" -> "--06"); a month or a
    year stays as it is."""
    if precision in ("month", "year", "quarter", "season"):
        return value, precision
    if len(value) == 10 and value[4] == "-":
        return value[:7], "month"
    if value.startswith("--") and len(value) == 7:
        return value[:4], "month"
    return None
