"""Rules for meetings (PLOVER CONSULT): which party is a side of a meeting, and what a meeting
named as the setting of another act says about that act's other side (#11)."""

from __future__ import annotations

from eventline.events.args import first, prep_objects, subject
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef


def venue_is_no_party(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "the Moscow talks", "a Beijing summit": a meeting's venue is not one of its sides."""
    for c in cands:
        if c.type != "CONSULT" or c.trigger.pos_ != "NOUN":
            continue
        venues = {
            ref.id
            for x in c.trigger.children
            if x.dep_ in ("compound", "nmod") and x.ent_type_ in ("GPE", "LOC", "FAC")
            if (ref := ctx.actors.covering(x)) is not None
        }
        if venues:
            c.actor = tuple(a for a in c.actor if a.id not in venues)
            if not c.actor and c.clause.pos_ == "VERB":  # "X and Y held the Berlin talks"
                c.actor = tuple(
                    a for a in ctx.actors.refs(subject(c.clause)[0]) if a.id not in venues
                )
    return cands


def meeting_side_met(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Lavrov held talks with his Iranian counterpart", Lavrov unknown to the actor layer:
    the party named only after "with" is the side met, never the one meeting; with no other
    side named the meeting has no actor (and is dropped) rather than the wrong one."""
    for c in cands:
        if c.type != "CONSULT" or c.recipient or not c.actor:
            continue
        holders = dict.fromkeys((c.trigger, c.clause))
        met = {
            r.id for h in holders for _, p in prep_objects(h, ("with",)) for r in ctx.actors.refs(p)
        }
        if met and {a.id for a in c.actor} <= met:
            c.actor, c.recipient = (), c.actor
    return cands


# Prepositions that set an act inside a meeting ("during the talks, X told Y ...").
_SETTING_PREPS = frozenset({"during", "at", "in", "on", "after"})
# Acts whose other party is the meeting's other side when done during it.
_TABLE_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT", "AID", "CONCEDE"})


def meeting_setting(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "During the meeting in Ashgabat, Putin hailed relations with Iran", "At the talks, X
    told Y that ...": a meeting named as the setting of an act with one side only has as its
    other side the party the act is done to or told to, when the act is cooperative or speech
    (a hostile act during a meeting may be aimed at a third party)."""
    by_verb = {c.trigger.i: c for c in cands if c.trigger.pos_ == "VERB" and c.actor}
    for c in cands:
        if c.type != "CONSULT" or c.recipient or c.trigger.pos_ != "NOUN" or len(c.actor) > 1:
            continue
        prep = c.trigger.head
        if c.trigger.dep_ != "pobj" or prep.lower_ not in _SETTING_PREPS:
            continue
        verb = prep.head
        if verb.pos_ != "VERB":
            continue
        act = by_verb.get(verb.i)
        if act is not None and act.type in _TABLE_TYPES and _same(act.actor, c.actor):
            c.recipient = excluding(act.recipient, c.actor)
        elif act is None and verb.lemma_.lower() in ctx.lex.cue("speech_verbs"):
            listener = ctx.actors.refs(first(verb, "dative", "dobj"))
            if _same(ctx.actors.refs(subject(verb)[0]), c.actor):
                c.recipient = excluding(listener, c.actor)
    return cands


def _same(one: tuple[ActorRef, ...], other: tuple[ActorRef, ...]) -> bool:
    return bool(one) and {a.id for a in one} == {a.id for a in other}


def own_meeting(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The central bank will keep rates unchanged at its meeting", "the cabinet at its
    weekly session": a body's own meeting, with no other side, is no CONSULT between
    parties."""
    return [c for c in cands if not _own_meeting(c)]


def _own_meeting(c: EventCandidate) -> bool:
    if c.type != "CONSULT" or c.trigger.pos_ != "NOUN" or c.recipient or len(c.actor) != 1:
        return False
    poss = first(c.trigger, "poss")
    return poss is not None and poss.pos_ == "PRON"
