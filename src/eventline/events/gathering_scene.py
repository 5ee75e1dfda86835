"""An event set at a gathering the text named before: where that gathering was (issue 9).

Campaign news names a gathering with its place once and then tells what happened at it by the
gathering alone: "Reyes met business owners in Nashua and then held a town hall in Concord. |
At the town hall, Reyes attacked Biden's record." The attack's clause names no place, and the
scene of the sentence before is ambiguous (Nashua or Concord); the definite "the town hall"
says which. `gathering_locations` gives such an event the place of the gathering named before,
marked `source: context`, when

- the event has no place, and its clause opens a "at"/"during"/"in" phrase on a gathering noun
  (`cues.yaml` `gatherings`: rally, debate, town hall, fundraiser, ...) made definite by "the",
  "that" or "this" ("At the town hall", "During the debate"), which itself names no place;
- one of the three sentences before names a gathering of the same noun (and the same compound:
  "town hall" is not "the hall" of another sentence), the nearest such mention;
- and that mention has a place: its own place phrase ("a town hall in Concord") or the place of
  the clause telling it ("held a town hall in Concord"). The nearest mention without a place
  stops the search: an older mention may be another gathering.

"After the rally" or "before the debate" are left out: what follows a gathering may happen
elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from eventline.model import EventMention, Place

_DEFINITE = frozenset({"the", "that", "this"})
_MAX_BACK = 3  # sentences


def _cues() -> dict[str, frozenset[str]]:
    from eventline.nlp.places import cues

    return cues()


def gathering_locations(
    doc: Doc,
    events: Sequence[EventMention],
    *,
    place_of: Callable[[Token], Place | None],
) -> list[EventMention]:
    """`events`, those the module docstring allows placed at the gathering named before.
    `place_of(noun)`: the place the text gives a gathering noun (its own phrase or clause)."""
    out = list(events)
    sents: list[Span] | None = None
    for k, event in enumerate(events):
        if event.location is not None:
            continue
        span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
        noun = _anaphor(span) if span is not None else None
        if noun is None:
            continue
        if sents is None:
            sents = list(doc.sents)
        found = _antecedent_place(sents, event.evidence.sentence, noun, place_of)
        if found is not None:
            out[k] = event.model_copy(
                update={"location": found.model_copy(update={"source": "context"})}
            )
    return out


def _anaphor(span: Span) -> Token | None:
    """The definite gathering noun of a place phrase of the event's own verb ("At the town
    hall, X attacked ..."), when the phrase names no place of its own."""
    cues = _cues()
    verb = span.root
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in cues["gathering_prepositions"]:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in cues["gatherings"]:
                continue
            if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
                continue
            if any(c.dep_ == "prep" for c in noun.children):
                continue  # "at the rally in Erie": its own place, read by the clause
            return noun
    return None


def _key(noun: Token) -> tuple[str, ...]:
    """The gathering's noun with its compounds ("town hall", "campaign stop")."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound"]
    return (*words, noun.lemma_.lower())


def _antecedent_place(
    sents: Sequence[Span], i: int, noun: Token, place_of: Callable[[Token], Place | None]
) -> Place | None:
    """The place of the nearest earlier mention of the same gathering (see the docstring)."""
    key = _key(noun)
    for j in range(i - 1, max(-1, i - 1 - _MAX_BACK), -1):
        if j >= len(sents):
            continue
        mentions = [
            t
            for t in sents[j]
            if t.lemma_.lower() == key[-1] and t.pos_ == "NOUN" and _same(_key(t), key)
        ]
        if mentions:
            return place_of(mentions[-1])
    return None


def _same(found: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """The earlier mention names the same gathering: its compounds include the anaphor's
    ("a campaign town hall" for "the town hall"; "the hall" of a "town hall" too)."""
    return set(wanted[:-1]) <= set(found[:-1])
