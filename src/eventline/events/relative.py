"""Dates an event takes from another event of the same article, when its own clause has none.

An event without a timex of its own is first *dated by its report* (see `dating.py`). Two
kinds of evidence can do better, and both leave the event report-dated when they do not apply:

- **the same event named twice**: "the strikes" and, elsewhere, "Saturday's US strikes". A
  report-dated verb or definite noun ("the", "its": not "fresh sanctions") takes the stated
  date of events with the same trigger lemma, the same type and a shared actor country, when
  all of them agree on one date;
- **simultaneity**: "his remarks coincided with fresh sanctions": the sanctions take the date
  of the event the remarks stand for (the speaker's latest dated event before them);
- **an offset from another event**: "X, two days after Y" / "X, 48 hours before Y". When one
  side of the link is dated (by a timex of its clause, or by the rule above) and the other is
  not, the other is dated by adding or subtracting the offset. Only day-precision dates are
  shifted; hours are rounded to days;
- **story time**: a past event of a main clause ("Netanyahu has vowed to respond", "Iran
  supplied drones") continues the time of the narrative: the timex of its own sentence's main
  clause (for a clause coordinated with it), else the time the sentence before it is about
  (`TimexIndex.story_time`); not a "fresh"/"new" one. A past event is never given the
  publication date as a stated date; with no story time it stays dated by its report. Present
  and future events, reported speech and subordinate clauses keep their report date;
- **continuation**: when the sentence before has no timex either, a past main-clause event
  that continues that sentence's dated main event (a pronoun subject, "there", "during the
  visit", or the same named person acting) takes its date, so dates chain through a narrative;
- **told events**: an event told in a report, statement or accusation ("the agency reported
  on Sunday that ... the aggression", "accused Peru on Feb. 3 of sending ...") happened no
  later than the telling: it takes the reporting act's time at that time's precision, or, for
  an undated past report of a main clause ("cited officials at the time as saying that X had
  begun ..."), the story time that report continues. Planned and hypothetical events, which
  may come after the telling, keep their report date;
- **before a dated act**: an event placed before a dated act ("condemned ... on Saturday,
  after having previously warned ...") takes that act's month, not the later publication
  date (a past weekday of a yearless article published on day 8 or later: the report month);
- **the same happening, other words**: once the rules above have run, a definite act noun
  ("the US attacks") takes the date of the stated events of its type and parties ("Saturday's
  US strikes") when they all agree on one.

A clause with a time of its own that cannot be placed ("Friday" in an article known only to
its month) borrows no date from anything else: it stays dated by its report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Token

from eventline.events.args import ActorIndex, first
from eventline.events.candidate import EventCandidate
from eventline.events.dating import REPORT, TimexIndex
from eventline.events.patterns import EventLexicon
from eventline.model import ActorRef, EventMention

_SHIFTABLE = {"day", "monthday"}
_DEFINITE = {"the", "this", "these", "that", "those"}
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


def _refers_back(trigger: Token) -> bool:
    """A verb, or a definite noun ("the strikes", "its attack"); not "fresh sanctions"."""
    if trigger.pos_ == "VERB":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in trigger.children
    )


def _sides(refs: tuple[ActorRef, ...]) -> set[str]:
    """Actors compared by country where known ("Trump" and "the US" are one side)."""
    return {a.country or a.id for a in refs}


def _compatible(a: EventMention, b: EventMention) -> bool:
    """Same type, a shared actor country, and recipients that overlap where both are named."""
    if a.type != b.type or not _sides(a.actor) & _sides(b.actor):
        return False
    return not (a.recipient and b.recipient) or bool(_sides(a.recipient) & _sides(b.recipient))


def _same_event_date(
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


def _phrase_date(noun: Token, items: list[Dated]) -> EventMention | None:
    """The dated event a noun after "two days after" names: its own, or, for a definite noun
    ("the attack"), the one dated event of that lemma."""
    for d in items:
        if d.cand.trigger == noun and d.stated:
            return d.event
    if not _refers_back(noun):
        return None
    lemma = noun.lemma_.lower()
    found = {
        (d.event.date, d.event.date_precision): d.event
        for d in items
        if d.stated and d.cand.trigger.lemma_.lower() == lemma
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _date_from_phrase(item: Dated, items: list[Dated], lex: EventLexicon) -> EventMention | None:
    """ "France expelled the envoy two days after the attack": the attack's date + 2."""
    after, before = lex.cue("offset_after"), lex.cue("offset_before")
    for prep in item.cand.clause.children:
        if prep.dep_ != "prep" or prep.lower_ not in after | before:
            continue
        spans = [c for c in prep.children if c.dep_ == "npadvmod"]
        days = _days(spans[0], lex) if spans else None
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            src = _phrase_date(pobj, items)
            if days is None or src is None or src.date_precision not in _SHIFTABLE:
                continue
            moved = shift(src.date or "", days if prep.lower_ in after else -days)
            if moved:
                return _redate(item.event, moved, src.date_precision)
    return None


def _redate(event: EventMention, value: str | None, precision: str | None) -> EventMention:
    return event.model_copy(update={"date": value, "date_precision": precision})


def _simultaneous(
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


def _apply_offset(item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon) -> None:
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
                    d.event = _redate(d.event, back, item.event.date_precision)
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
        item.event = _redate(item.event, moved, precision)


def _past(verb: Token) -> bool:
    """Simple past or perfect: "launched", "has vowed", "had supplied"."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children)
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _main_clause(verb: Token) -> Token | None:
    """The sentence root when `verb` is it or a clause coordinated with it."""
    node = verb
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    return node if node.dep_ == "ROOT" else None


def _story_date(
    item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> tuple[str, str] | None:
    verb = item.cand.clause
    if verb.pos_ not in ("VERB", "AUX") or not _past(verb) or timexes.undated_own(verb):
        return None
    heads = (item.cand.trigger, *(c for c in verb.children if c.dep_ == "dobj"))
    if any(c.lower_ in lex.cue("novelty_words") for h in heads for c in h.children):
        return None  # "imposed fresh sanctions": new ones, not the story's earlier time
    return _story_time(verb, item, items, timexes, lex)


def _story_time(
    verb: Token, item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> tuple[str, str] | None:
    """The story time a past main-clause `verb` continues (see `_story_date`)."""
    root = _main_clause(verb)
    if root is None:
        return None
    sent = root.sent
    tx = timexes.story_time(sent) if root != verb else None
    if tx is None and sent.start > 0:
        before = root.doc[sent.start - 1].sent
        tx = timexes.story_time(before)
        if tx is None:
            return _anaphoric_date(item, items, before.start, lex)
    if tx is None or tx.date is None or tx.precision is None:
        return None
    return tx.date, tx.precision


_PRONOUNS = {"they", "he", "she", "we"}


def _anaphoric_date(
    item: Dated, items: list[Dated], before: int, lex: EventLexicon
) -> tuple[str, str] | None:
    """The stated date of the main event of the sentence before (starting at token `before`)
    when this event continues it: its subject is a personal pronoun ("They also rejected
    ..."), it happened "there" or "during the visit" (an act noun), or it shares a named
    person with that event. Dated by their story time too, such events chain ("X travelled
    to Y on May 2. He met Z. They signed ...")."""
    prior = [
        d
        for d in items
        if d.stated
        and d.cand.trigger.sent.start == before
        and _main_clause(d.cand.clause) is not None
        and d.event.date
        and d.event.date_precision
    ]
    if not prior:
        return None
    dates = {(d.event.date, d.event.date_precision) for d in prior}
    if len(dates) != 1:
        return None
    date_, precision = dates.pop()
    if not any(_continues(item, d, lex) for d in prior):
        return None
    return date_ or "", precision or ""


def _continues(item: Dated, prior: Dated, lex: EventLexicon) -> bool:
    verb = item.cand.clause
    subject = first(verb, "nsubj")
    if subject is not None and subject.lower_ in _PRONOUNS and subject.tag_ == "PRP":
        return True
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "there":
            return True
        if child.dep_ != "prep" or child.lower_ in lex.cue("timex_relation_preps"):
            continue
        for noun in (c for c in child.children if c.dep_ == "pobj"):
            named = noun.lemma_.lower() in lex.cue("act_nouns") | {
                prior.cand.trigger.lemma_.lower()
            }
            if named and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
                return True
    return bool(_specific(prior.event.actor) & _specific(item.event.actor))


_COUNTRY_ID = re.compile(r"(?:^|:)[A-Z]{3}$")  # "RUS", "kb:RUS": a whole country


def _specific(refs: Iterable[ActorRef]) -> set[str]:
    """Ids of named people and bodies, not of whole countries ("Peru" acts in many times)."""
    return {
        r.id for r in refs if not _COUNTRY_ID.search(r.id) and not (r.country and r.sector is None)
    }


_CLIMB = {"ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "conj"}
_OPEN = {"planned", "hypothetical"}
_TOPIC_PREPS = frozenset({"of", "about", "for", "as"})
_ACCUSE = frozenset({"accuse", "allege", "charge", "blame", "cite"})


def _reporting_verb(trigger: Token, lex: EventLexicon, *, told: bool = True) -> Token | None:
    """The verb of the report, statement or accusation an event is told in ("IRNA reported
    on Sunday that ... the aggression", "accused Tehran of sending ...", "cited officials as
    saying that Russia had begun to transfer ..."): the nearest such verb above the trigger,
    climbing through complements and the phrases they open, never out of a relative clause.
    With `told`, the trigger's branch must be what that verb tells (`_told`); a report above
    a report ("cited officials at the time as saying") may hang on it anyhow."""
    verbs = (
        lex.cue("speech_verbs")
        | lex.cue("attribution_verbs")
        | lex.cue("outlet_report_verbs")
        | _ACCUSE
    )
    node = trigger
    for _ in range(10):
        if node.dep_ not in _CLIMB or node.head == node:
            return None
        step, node = node, node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in verbs:
            return node if not told or _told(step) else None
    return None


def _told(step: Token) -> bool:
    """Whether `step` hangs on a reporting verb as what it tells: its complement ("reported
    that ...", "denied sending"), object, or a phrase of its topic ("accused X of sending",
    "blamed X for the attack"); not a clause merely coordinated with it or framing it, nor
    what a warning is against."""
    if step.dep_ in ("ccomp", "xcomp", "dobj"):
        return True
    return step.dep_ == "prep" and step.lower_ in _TOPIC_PREPS


def _reported_date(
    item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> tuple[str, str] | None:
    """A told event without a time of its own happened no later than the telling: it takes
    the time of the reporting act (its clause's timex, else the story time a past main-clause
    report points back to, "cited officials at the time"), at that time's precision; a told past
    ("said on Monday that X had attacked") lies at an unknown distance before the telling and
    takes only its month. A planned or hypothetical event may come after the telling and keeps
    its report date."""
    if item.event.modality in _OPEN or timexes.undated_own(item.cand.clause):
        return None
    verb = item.cand.trigger
    for _ in range(3):  # "cited officials as saying that ...": the outer report may hold the time
        found = _reporting_verb(verb, lex, told=verb == item.cand.trigger)
        if found is None:
            return None
        verb = found
        if timexes.undated_own(verb):
            return None
        tx = timexes.of_clause(verb)
        if tx is not None and tx.date and tx.precision:
            if _past(item.cand.clause) and item.cand.clause != verb:
                return _month_of(tx.date, tx.precision)  # "said on Monday that X had attacked"
            return tx.date, tx.precision
        if _main_clause(verb) is not None and _past(verb) and _then(verb):
            return _story_time(verb, item, items, timexes, lex)
    return None


_THEN_NOUNS = frozenset({"time", "day", "moment", "point"})


def _then(verb: Token) -> bool:
    """Whether a clause points back to a time already told ("cited officials at the time",
    "said then"), which only the story can give; not "recently confirmed"."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ == "then":
            return True
        if child.dep_ != "prep":
            continue
        for noun in (c for c in child.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() in _THEN_NOUNS and any(
                c.dep_ == "det" and c.lower_ in ("the", "that") for c in noun.children
            ):
                return True
    return False


_BEFORE_PREPS = frozenset({"after", "following", "since"})
_EARLIER = frozenset({"previously", "earlier", "formerly", "before"})


def _anchor_verb(verb: Token) -> Token | None:
    """The clause an event is said to precede: the one "after (having) warned" hangs on, or,
    for an event done "previously"/"earlier", the clause it is subordinate to."""
    head = verb.head
    if verb.dep_ in ("pcomp", "pobj") and _is_prep(head) and head.lower_ in _BEFORE_PREPS:
        return head.head if head.head != head else None
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _BEFORE_PREPS for c in verb.children
    ):
        return head
    if any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in verb.children):
        return head if verb.dep_ not in ("ROOT", "conj") and head != verb else None
    return None


def _is_prep(tok: Token) -> bool:
    return tok.dep_ == "prep" or tok.pos_ in ("ADP", "SCONJ")


def _month_of(value: str, precision: str) -> tuple[str, str] | None:
    """The month of a date ("2024-03-09" -> "2024-03", "--06-21" -> "--06"); a month or a
    year stays as it is."""
    if precision in ("month", "year", "quarter", "season"):
        return value, precision
    if len(value) == 10 and value[4] == "-":
        return value[:7], "month"
    if value.startswith("--") and len(value) == 7:
        return value[:4], "month"
    return None


def _week_month(published: str) -> tuple[str, str] | None:
    """The month of a past weekday ("on Saturday", unplaceable without a year) in an article
    published on day 8 or later of a month: the week before publication lies in that month."""
    day = published[-2:]
    if not day.isdigit() or len(published) not in (7, 10) or published[-3] != "-":
        return None
    if published.startswith("--") and int(day) > 7:
        return published[:4], "month"
    return None


def _before_anchor(item: Dated, timexes: TimexIndex) -> tuple[str, str] | None:
    """ "condemned the strikes on Saturday, after having previously warned against ...": an
    event placed before a dated act happened no later than it, at an unknown distance: it is
    dated to the anchor's month, never to the later publication date. A planned or
    hypothetical event keeps its report date."""
    if item.event.modality in _OPEN or timexes.undated_own(item.cand.clause):
        return None
    anchor = _anchor_verb(item.cand.clause)
    if anchor is None or anchor.pos_ not in ("VERB", "AUX"):
        return None
    if timexes.past_weekday_own(anchor) and _past(anchor):
        return _week_month(item.event.date or "")
    tx = timexes.of_clause(anchor)
    if tx is None or not tx.date or not tx.precision:
        return None
    return _month_of(tx.date, tx.precision)


def refine_dates(
    items: list[Dated], timexes: TimexIndex, actors: ActorIndex, lex: EventLexicon
) -> list[EventMention]:
    """The events of `items`, report-dated ones dated from other events where the text allows."""
    for item in items:
        if not item.stated and (same := _simultaneous(item, items, actors, lex)) is not None:
            item.event = _redate(item.event, same.event.date, same.event.date_precision)
    stated = [d for d in items if d.stated]
    for item in items:
        if (
            not item.stated
            and _refers_back(item.cand.trigger)
            and not timexes.undated_own(item.cand.clause)
            and (src := _same_event_date(item, stated, lex)) is not None
        ):
            item.event = _redate(item.event, src.date, src.date_precision)
    for item in items:
        if not item.stated and (moved := _date_from_phrase(item, items, lex)) is not None:
            item.event = moved
    for item in items:
        _apply_offset(item, items, timexes, lex)
    for item in items:
        if not item.stated and (story := _story_date(item, items, timexes, lex)) is not None:
            item.event = _redate(item.event, *story)
    for item in items:
        if not item.stated and (before := _before_anchor(item, timexes)) is not None:
            item.event = _redate(item.event, *before)
    for item in items:
        if not item.stated and (told := _reported_date(item, items, timexes, lex)) is not None:
            item.event = _redate(item.event, *told)
    stated = [d for d in items if d.stated]
    for item in items:  # the same happening named again, now that story time dated more
        if (
            not item.stated
            and _refers_back(item.cand.trigger)
            and not timexes.undated_own(item.cand.clause)
            and (src := _same_event_date(item, stated, lex, other_lemmas=True)) is not None
        ):
            item.event = _redate(item.event, src.date, src.date_precision)
    return [d.event for d in items]
