"""Events whose owner is no political actor (#11, types6): a tour or a visit made by a
thing ("the departure of the new airliner on a tour of Asia", "the band began a tour of
Japan"), and a firm's offer to its own workforce ("GM will offer voluntary buyouts to
22,000 employees"). PLOVER codes acts between political actors; an aircraft on a sales
tour is no CONSULT and a buyout is labour relations, not an AGREE. A state's ship or a
government's offer to its civil servants stays coded.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, prep_objects
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext
from eventline.model import ActorRef

_TRIP_NOUNS = frozenset({"tour", "visit", "trip", "stopover", "stop", "voyage"})
_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "FAC"})
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "IGO", "JUD", "PTY", "OPP"})


def touring_things(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A CONSULT visit whose trigger is a tour or visit noun made by a thing (its
    possessor, the "of" party of the noun it hangs on, or the subject or object of the
    clause) is dropped: a visit needs a person, a government or an organisation."""
    return [c for c in cands if not _a_things_trip(c, ctx)]


def _a_things_trip(c: EventCandidate, ctx: RuleContext) -> bool:
    noun = c.trigger
    if c.type != "CONSULT" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in _TRIP_NOUNS:
        return False
    visitor = _visitor(noun)
    return visitor is not None and _a_thing(visitor, ctx)


def _visitor(noun: Token) -> Token | None:
    """Who makes the trip: "the airliner's tour", "the departure of the airliner on a
    tour", "the airliner left on a tour", "sent the airliner on a tour", "the band began a
    tour"."""
    own = first(noun, "poss")
    if own is not None:
        return own
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
        if head.pos_ in ("NOUN", "PROPN"):  # "the departure of the airliner on a tour"
            of = [p for _, p in prep_objects(head, ("of",))] or _stray_of(head, noun)
            return of[0] if of else first(head, "poss")
    if head.pos_ not in ("VERB", "AUX"):
        return None
    if noun.dep_ == "pobj" and (obj := first(head, "dobj")) is not None:
        return obj  # "sent its new jet on a tour of Asia"
    return first(head, "nsubj", "nsubjpass")


def _stray_of(head: Token, noun: Token) -> list[Token]:
    """The "of" party the parser hung on another phrase of the head noun before the trip
    ("the departure from France of the airliner on a tour": "of" under "France")."""
    return [
        t
        for t in head.subtree
        if t.i < noun.i
        and t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and t.head.head.head is not None
        and t.head.head.dep_ == "pobj"
        and t.head.head.head.head == head
    ]


def _a_thing(tok: Token, ctx: RuleContext) -> bool:
    """A vehicle, a show, a team ...: a touring thing no state owns, or a product."""
    if tok.ent_type_ in _THING_LABELS and not ctx.actors.refs(tok):
        return True
    if tok.lemma_.lower() not in ctx.lex.cue("touring_things"):
        return False
    state = ctx.lex.cue("state_vessel_words")
    for mod in tok.children:
        if mod.dep_ in ("compound", "amod") and mod.lemma_.lower() in state:
            return False  # "a navy ship", "the presidential plane"
        if mod.dep_ == "poss" and any(a.sector in _STATE_SECTORS for a in ctx.actors.refs(mod)):
            return False  # "the president's plane"
    return True


def workforce_offer(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A firm's offer to its own workforce ("offer voluntary buyouts to 22,000 employees",
    "offered its workers a bonus") is labour relations, no political event; an offer by a
    government, or a firm's offer to a government, stays coded."""
    return [c for c in cands if not _workforce_offer(c, ctx)]


def _workforce_offer(c: EventCandidate, ctx: RuleContext) -> bool:
    verb = c.trigger
    if verb.lemma_.lower() not in ctx.lex.cue("offer_verbs"):
        return False
    if not c.actor or not all(_a_firm(a) for a in c.actor):
        return False
    if any(r.sector in _STATE_SECTORS for r in c.recipient):
        return False
    workers = ctx.lex.cue("worker_words")
    takers = [first(verb, "dative")] + [p for _, p in prep_objects(verb, ("to", "for"))]
    if any(t is not None and t.lemma_.lower() in workers for t in takers):
        return True
    obj = first(verb, "dobj")
    benefits = ctx.lex.cue("labour_benefits")
    return obj is not None and obj.lemma_.lower() in benefits and not c.recipient


def _a_firm(actor: ActorRef) -> bool:
    """A business, or an organisation the actor layer could not place (no country, no
    sector: "GM" in an article that never spells it out); a state always has a country."""
    return actor.sector == "BUS" or (actor.sector is None and actor.country is None)
