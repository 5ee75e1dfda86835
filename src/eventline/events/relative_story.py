"""Dates an event takes from the time of the narrative (see `relative.py`): the story time a
past main clause continues, the date of the event it continues in the sentence before, the
time of the report or accusation it is told in, the month of the dated act it is placed
before. Each gives a date no later than the event's report, never the publication date for a
past event."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from eventline.events.args import first
from eventline.events.dating import TimexIndex
from eventline.events.patterns import EventLexicon
from eventline.events.relative_base import (
    DEFINITE,
    Dated,
    is_past,
    main_clause,
    month_of,
    pluperfect,
)
from eventline.model import ActorRef


def story_date(
    item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> tuple[str, str] | None:
    verb = item.cand.clause
    if verb.pos_ not in ("VERB", "AUX") or not is_past(verb) or timexes.undated_own(verb):
        return None
    heads = (item.cand.trigger, *(c for c in verb.children if c.dep_ == "dobj"))
    if any(c.lower_ in lex.cue("novelty_words") for h in heads for c in h.children):
        return None  # "imposed fresh sanctions": new ones, not the story's earlier time
    if _up_to_now(verb):
        return None  # "there has so far been no offer": a state up to the report
    found = _story_time(verb, item, items, timexes, lex)
    if found is not None and pluperfect(verb):
        return month_of(*found)  # "had warned": before the story's time, at an unknown distance
    return found


_UP_TO_NOW = frozenset({"so far", "thus far", "yet", "to date", "until now", "up to now"})


def _up_to_now(verb: Token) -> bool:
    """ "has so far been", "has yet to", "to date": the clause runs up to the time of the
    report, whatever time the sentence before it was about."""
    for child in verb.children:
        if child.dep_ not in ("advmod", "prep", "npadvmod"):
            continue
        phrase = " ".join(t.lower_ for t in child.subtree)
        if phrase in _UP_TO_NOW:
            return True
    return False


def _story_time(
    verb: Token, item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> tuple[str, str] | None:
    """The story time a past main-clause `verb` continues (see `story_date`)."""
    root = main_clause(verb)
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
        and main_clause(d.cand.clause) is not None
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
            if named and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
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
# Verbs whose object or topic is an act they judge ("accused X of sending", "condemned the
# strikes", "blamed X for the attack"): that act came before the judgement.
_DISAPPROVE = frozenset(
    {"accuse", "charge", "blame", "condemn", "denounce", "criticise", "criticize", "deplore"}
    | {"decry", "censure"}
)


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
        | _DISAPPROVE
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


def reported_date(
    item: Dated, items: list[Dated], timexes: TimexIndex, lex: EventLexicon
) -> tuple[str, str] | None:
    """A told event without a time of its own happened no later than the telling: it takes
    the time of the reporting act (its clause's timex, else the story time a past main-clause
    report points back to, "cited officials at the time"), at that time's precision; a told past
    ("said on Monday that X had attacked") lies at an unknown distance before the telling and
    takes only its month, and so does an act an accusation or a condemnation judges ("accused
    X on Monday of shelling the town", "on Friday condemned the arrest": the act came first,
    at an unknown distance). A planned or hypothetical event may come after the telling and
    keeps its report date."""
    if item.event.modality in _OPEN or timexes.undated_own(item.cand.clause):
        return None
    verb = item.cand.trigger
    for _ in range(3):  # "cited officials as saying that ...": the outer report may hold the time
        found = _reporting_verb(verb, lex, told=verb == item.cand.trigger)
        if found is None:
            return None
        judged = verb == item.cand.trigger and found.lemma_.lower() in _DISAPPROVE
        verb = found
        if timexes.undated_own(verb):
            return None
        tx = timexes.of_clause(verb)
        if tx is not None and tx.date and tx.precision:
            if judged or (is_past(item.cand.clause) and item.cand.clause != verb):
                return month_of(tx.date, tx.precision)  # "said on Monday that X had attacked"
            return tx.date, tx.precision
        if main_clause(verb) is not None and is_past(verb) and _then(verb):
            return _story_time(verb, item, items, timexes, lex)
    return None


def continued_report(item: Dated, timexes: TimexIndex, lex: EventLexicon) -> tuple[str, str] | None:
    """An event told in a sentence whose main verb is an undated past statement ("'...,' said
    the agency's head after opening the offer") that goes on from a dated one in the sentence
    before (`_report_before`): no later than that report. A planned or hypothetical event may
    come after it and keeps its report date."""
    if item.event.modality in _OPEN or timexes.undated_own(item.cand.clause):
        return None
    root = item.cand.trigger.sent.root
    if root == item.cand.trigger or root.pos_ != "VERB" or not is_past(root):
        return None
    if root.lemma_.lower() not in lex.cue("speech_verbs") or timexes.undated_own(root):
        return None
    if timexes.of_clause(root) is not None or timexes.of_clause(item.cand.clause) is not None:
        return None
    return _report_before(root, timexes, lex)


def _report_before(verb: Token, timexes: TimexIndex, lex: EventLexicon) -> tuple[str, str] | None:
    """ "X will pay $57 million, an official said Friday. 'The offer is ...,' said the agency's
    head after opening X's offer": an undated statement right after a dated one goes on with
    the same report, and what it tells happened no later than that report, at an unknown
    distance: the month of the report before, never the later publication date."""
    sent = verb.sent
    if sent.start == 0:
        return None
    before = verb.doc[sent.start - 1].sent
    speech = lex.cue("speech_verbs")
    for tok in before:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech or not is_past(tok):
            continue
        tx = timexes.of_clause(tok)
        if tx is not None and tx.date and tx.precision == "day":
            return month_of(tx.date, tx.precision)
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


def _week_month(published: str) -> tuple[str, str] | None:
    """The month of a past weekday ("on Saturday", unplaceable without a year) in an article
    published on day 8 or later of a month: the week before publication lies in that month."""
    day = published[-2:]
    if not day.isdigit() or len(published) not in (7, 10) or published[-3] != "-":
        return None
    if published.startswith("--") and int(day) > 7:
        return published[:4], "month"
    return None


def before_anchor(item: Dated, timexes: TimexIndex) -> tuple[str, str] | None:
    """ "condemned the strikes on Saturday, after having previously warned against ...": an
    event placed before a dated act happened no later than it, at an unknown distance: it is
    dated to the anchor's month, never to the later publication date. A planned or
    hypothetical event keeps its report date."""
    if item.event.modality in _OPEN or timexes.undated_own(item.cand.clause):
        return None
    anchor = _anchor_verb(item.cand.clause)
    if anchor is None or anchor.pos_ not in ("VERB", "AUX"):
        return None
    if timexes.past_weekday_own(anchor) and is_past(anchor):
        return _week_month(item.event.date or "")
    tx = timexes.of_clause(anchor)
    if tx is None or not tx.date or not tx.precision:
        return None
    return month_of(tx.date, tx.precision)
