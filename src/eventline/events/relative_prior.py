"""Events the text places before another time without saying when they happened (see
`relative.py`): never dated at the later day they are told or reported on.

- **a cause or an earlier act named by a noun**: "tells airlines not to buy jets due to the
  EU ban", "would hold talks following the aggression by X", "fired missiles on Saturday in
  response to the attack on its consulate". What the phrase names was in force or had taken
  place before the clause it hangs on; with no time of its own, the noun is before that
  clause's time (or the time of the report that tells it, or the publication) at an unknown
  distance. As for an act placed before a dated act (`relative_story.before_anchor`) it takes
  that time's month (its year for a year), never its day;
- **a past act marked as earlier than its telling**: "was discussed during their most recent
  conversations", "had recently met", "has already sent troops": with no time of its own
  it happened before the report at an unknown distance, so it is dated to the report's
  month, not its day.

Only a date an event inherited is made coarser: one of its own phrase ("Saturday's
strikes"), of a same event named elsewhere or of a counted offset is kept.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.dating import REPORT, TimexIndex
from eventline.events.patterns import lexicon
from eventline.events.relative_base import DEFINITE, Dated, is_past, month_of

_AFTER = frozenset({"after", "following"})
_CAUSE_PAIRS = frozenset({("due", "to"), ("because", "of"), ("owing", "to")})
_NAMED = frozenset({"GPE", "NORP", "ORG"})
_OPEN = frozenset({"planned", "hypothetical"})
_DAYS = frozenset({REPORT, "day", "monthday"})
_FRAME_PREPS = frozenset({"during", "at", "in"})  # "during their last talks": its time


def _named(noun: Token) -> bool:
    """A known act: "the strikes", "its invasion", "Israeli strikes", "the EU ban"; not the
    bare plural of a generic class ("after attacks, markets fall")."""
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE)
        or c.dep_ == "poss"
        or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in _NAMED)
        for c in noun.children
    )


def _cause(prep: Token) -> bool:
    """ "due to", "because of", "in response to", "in retaliation for"."""
    if (prep.head.lower_, prep.lower_) in _CAUSE_PAIRS:
        return True
    if any((prep.lower_, c.lower_) in _CAUSE_PAIRS for c in prep.children if c.dep_ == "pcomp"):
        return True  # the parser's other reading: "because" heads the noun, "of" hangs on it
    noun = prep.head
    return (
        prep.lower_ in ("to", "for", "against")
        and noun.lemma_.lower() in lexicon().cue("response_nouns")
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
    )


def placed_before(trigger: Token) -> Token | None:
    """The clause verb an event noun is named as the cause of, or as an act it follows; None
    for any other noun (and for verbs, which `relative_bounds` dates)."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or not (
        trigger.dep_ == "pobj" or (trigger.dep_ == "dobj" and prep.lower_ == "following")
    ):
        return None  # the parser often reads "following" as a participle with an object
    if not ((prep.lower_ in _AFTER and _named(trigger)) or _cause(prep)):
        return None
    node = prep
    for _ in range(6):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def prior_items(items: list[Dated], timexes: TimexIndex) -> list[Dated]:
    """Report-dated, asserted event nouns the text places before their clause (see above)."""
    return [
        item
        for item in items
        if not item.stated
        and item.event.modality not in _OPEN
        and placed_before(item.cand.trigger) is not None
        and timexes.in_phrase(item.cand.trigger) is None
        and not timexes.undated_own(item.cand.clause)
    ]


def anchor_month(item: Dated, timexes: TimexIndex) -> tuple[str, str] | None:
    """The month of the time of the clause an event noun is placed before ("fired missiles on
    Saturday in response to the attack": Saturday's month)."""
    verb = placed_before(item.cand.trigger)
    if verb is None:
        return None
    tx = timexes.of_clause(verb)
    if tx is None or not tx.date or not tx.precision:
        return None
    return month_of(tx.date, tx.precision)


def coarser(item: Dated) -> tuple[str, str] | None:
    """The month of a day (or report day) an event placed before it inherited."""
    date, precision = item.event.date, item.event.date_precision
    if not date or precision not in _DAYS:
        return None
    return month_of(date, "day")


def earlier_than_told(item: Dated, timexes: TimexIndex) -> tuple[str, str] | None:
    """A report-dated past act marked as earlier than its telling ("was discussed during
    their most recent conversations", "had recently met", "at their previous meeting"):
    the report's month."""
    verb = item.cand.clause
    if item.event.date_precision != REPORT or item.event.modality in _OPEN:
        return None
    if verb.pos_ not in ("VERB", "AUX") or not _past(verb) or timexes.undated_own(verb):
        return None
    if not _marked_earlier(verb):
        return None
    return coarser(item)


def _past(verb: Token) -> bool:
    """A past act, active or passive ("was discussed", "were held")."""
    return is_past(verb) or (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    )


def _marked_earlier(verb: Token) -> bool:
    """An adverb ("recently") or a frame noun ("during their most recent talks") that puts
    the clause before the time it is told."""
    lex = lexicon()
    adverbs, adjectives = lex.cue("earlier_adverbs"), lex.cue("earlier_adjectives")
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in adverbs:
            return True
        if child.dep_ != "prep" or child.lower_ not in _FRAME_PREPS:
            continue
        for noun in (c for c in child.children if c.dep_ == "pobj"):
            if any(c.dep_ == "amod" and c.lower_ in adjectives for c in noun.children) and any(
                c.dep_ in ("det", "poss") for c in noun.children
            ):
                return True
    return False
