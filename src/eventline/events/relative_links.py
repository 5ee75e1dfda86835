"""Dates an event takes from another event the text links it to (see `relative.py`): the
same happening named again ("the strikes" and "Saturday's US strikes"), an offset ("two days
after the attack"), simultaneity ("his remarks coincided with fresh sanctions")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventline.events.args import ActorIndex, first
from eventline.events.dating import TimexIndex
from eventline.events.patterns import EventLexicon
from eventline.events.relative_base import Dated, redate, refers_back, shift
from eventline.model import ActorRef, EventMention

_SHIFTABLE = {"day", "monthday"}


def _number(tok: Token) -> int | None:
    for child in tok.children:
        if child.dep_ == "nummod":
            text = child.lower_.replace(",", "")
            if text.isdigit():
                return int(text)
            if text in _NUMBER_WORDS:
                return _NUMBER_WORDS[text]
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one"):
            return 1
    return None


_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}


def _days(tok: Token, lex: EventLexicon) -> int | None:
    """Days counted by a duration phrase headed by `tok` ("two days", "48 hours", "a week")."""
    lemma = tok.lemma_.lower()
    count = _number(tok)
    if count is None:
        return None
    if lemma in lex.cue("unit_day"):
        return count
    if lemma in lex.cue("unit_week"):
        return 7 * count
    if lemma in lex.cue("unit_hour"):
        return round(count / 24)
    return None


def offset_link(trigger: Token, lex: EventLexicon) -> tuple[Token, int] | None:
    """(the governing clause's verb, signed days from it) for an event in an "N days
    after/before ..." clause or phrase; None when the trigger is not in one."""
    node = trigger
    for _ in range(6):
        link = _link_at(node, lex)
        if link is not None:
            return link
        if node.head == node or node.dep_ in ("ROOT", "ccomp", "conj", "parataxis"):
            return None
        node = node.head
    return None


def _link_at(node: Token, lex: EventLexicon) -> tuple[Token, int] | None:
    after, before = lex.cue("offset_after"), lex.cue("offset_before")
    if node.dep_ == "advcl":  # "two days after Trump sent ...": mark and duration on the verb
        marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ in after | before]
        spans = [c for c in node.children if c.dep_ == "npadvmod"]
        if marks and spans and (days := _days(spans[0], lex)) is not None:
            return node.head, -days if marks[0].lower_ in after else days
    if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in after | before:
        prep = node.head  # "two days after the strikes": the duration modifies the preposition
        spans = [c for c in prep.children if c.dep_ == "npadvmod"]
        if spans and (days := _days(spans[0], lex)) is not None and prep.head != prep:
            return prep.head, -days if prep.lower_ in after else days
    return None


def _sides(refs: tuple[ActorRef, ...]) -> set[str]:
    """Actors compared by country where known ("Trump" and "the US" are one side)."""
    return {a.country or a.id for a in refs}


def _compatible(a: EventMention, b: EventMention) -> bool:
    """Same type, a shared actor country, and recipients that overlap where both are named."""
    if a.type != b.type or not _sides(a.actor) & _sides(b.actor):
        return False
    return not (a.recipient and b.recipient) or bool(_sides(a.recipient) & _sides(b.recipient))


def same_event_date(
    item: Dated, stated: Iterable[Dated], lex: EventLexicon, *, other_lemmas: bool = False
) -> EventMention | None:
    """The date of the one stated happening this event names again: events of the same
    trigger lemma; with `other_lemmas`, for a definite act noun ("the US attacks" and
    "Saturday's US strikes"), other lemmas of its type too, when all of them agree on one
    date (asked once every other rule has dated what it can, so all are seen)."""
    trigger = item.cand.trigger
    if any(c.lower_ in lex.cue("novelty_words") for c in trigger.children):
        return None  # "fresh sanctions" are not the earlier ones
    lemma = trigger.lemma_.lower()
    compatible = [d for d in stated if _compatible(item.event, d.event)]
    for same_lemma in (True, False):
        if not same_lemma and not (other_lemmas and trigger.pos_ == "NOUN"):
            break
        found = {
            (d.event.date, d.event.date_precision): d.event
            for d in compatible
            if not same_lemma or d.cand.trigger.lemma_.lower() == lemma
        }
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _phrase_date(
    noun: Token, items: list[Dated], timexes: TimexIndex
) -> tuple[str | None, str | None] | None:
    """The date of what a noun after "two days after" names: its own dated event, the time
    inside its phrase ("the June 13 attack"), or, for a definite noun ("the attack"), the one
    dated event of that lemma."""
    for d in items:
        if d.cand.trigger == noun and d.stated:
            return d.event.date, d.event.date_precision
    if (tx := timexes.in_phrase(noun)) is not None:
        return tx.date, tx.precision
    if not refers_back(noun):
        return None
    lemma = noun.lemma_.lower()
    found = {
        (d.event.date, d.event.date_precision)
        for d in items
        if d.stated and d.cand.trigger.lemma_.lower() == lemma
    }
    return next(iter(found)) if len(found) == 1 else None


def date_from_phrase(
    item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> EventMention | None:
    """ "France expelled the envoy two days after the attack": the attack's date + 2."""
    after, before = lex.cue("offset_after"), lex.cue("offset_before")
    for prep in item.cand.clause.children:
        if prep.dep_ != "prep" or prep.lower_ not in after | before:
            continue
        spans = [c for c in prep.children if c.dep_ == "npadvmod"]
        days = _days(spans[0], lex) if spans else None
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            src = _phrase_date(pobj, items, timexes)
            if days is None or src is None or src[1] not in _SHIFTABLE:
                continue
            moved = shift(src[0] or "", days if prep.lower_ in after else -days)
            if moved:
                return redate(item.event, moved, src[1])
    return None


def simultaneous(
    item: Dated, items: list[Dated], actors: ActorIndex, lex: EventLexicon
) -> Dated | None:
    """For an event in "X coincided with <event>", the dated event X stands for: an event whose
    trigger is X, or for an act noun owned by someone ("his remarks"), that actor's latest dated
    event before it."""
    node = item.cand.trigger
    if not (node.dep_ == "pobj" and node.head.lower_ == "with"):
        return None
    verb = node.head.head
    if verb.lemma_.lower() not in lex.cue("simultaneity_verbs"):
        return None
    subj = first(verb, "nsubj")
    if subj is None:
        return None
    for d in items:
        if d.cand.trigger == subj and d.stated:
            return d
    owner = first(subj, "poss")
    if subj.lemma_.lower() not in lex.cue("act_nouns") or owner is None:
        return None
    refs = {r.id for r in actors.refs(owner)}
    before = [
        d
        for d in items
        if d.stated and d.cand.trigger.i < subj.i and refs & {a.id for a in d.event.actor}
    ]
    return max(before, key=lambda d: d.cand.trigger.i) if before else None


def apply_offset(item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon) -> None:
    """Date one side of an "N days after/before" link from the other side's stated date."""
    link = offset_link(item.cand.trigger, lex)
    if link is None:
        return
    main, days = link
    if item.stated:
        if item.event.date_precision in _SHIFTABLE and item.event.date:
            back = shift(item.event.date, -days)
            for d in items:
                if d.cand.clause == main and not d.stated and back:
                    d.event = redate(d.event, back, item.event.date_precision)
        return
    anchor = timexes.of_clause(main)
    others = [d.event for d in items if d.cand.clause == main and d.stated]
    value, precision = (
        (anchor.date, anchor.precision)
        if anchor is not None
        else (others[0].date, others[0].date_precision)
        if others
        else (None, None)
    )
    if value and precision in _SHIFTABLE and (moved := shift(value, days)):
        item.event = redate(item.event, moved, precision)
