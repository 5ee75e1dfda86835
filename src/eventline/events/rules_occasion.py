"""The other party of an act done at a meeting (#11): "Kim committed to denuclearisation at
his summit with Trump", "Israel agreed during talks with US envoys to ease restrictions".

An act with no recipient of its own that the text places at a meeting with a named party is
done towards that party: PLOVER codes the commitment to the counterpart of the summit (the
meeting itself is its own CONSULT event, coded from the noun). Only acts between two sides
take it; violence and the meeting types keep their own readings.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import children, first, prep_objects, unique
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import lexicon
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef

_TOWARDS_TYPES = frozenset(
    {"AGREE", "REJECT", "CONCEDE", "COOPERATE", "SUPPORT", "REQUEST", "RETREAT", "AID"}
)
# Prepositions that set an act at an occasion ("at the summit", "during talks").
_OCCASION_PREPS = ("at", "during", "in")


def _meeting_with(verb: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """The party named by "with" on a meeting noun the verb, or an infinitive it governs,
    is set at."""
    heads = [verb, *children(verb, "xcomp")]
    found: list[ActorRef] = []
    for head in heads:
        for _, noun in prep_objects(head, _OCCASION_PREPS):
            kinds = ctx.lex.nouns.get(noun.lemma_.lower(), ())
            if not any(p.type == "CONSULT" for p in kinds):
                continue
            found.extend(r for _, p in prep_objects(noun, ("with",)) for r in ctx.actors.refs(p))
    return unique(found)


def meeting_counterpart(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Give an act between sides with no recipient the counterpart of the meeting it was done
    at (see the module docstring)."""
    for c in cands:
        if c.recipient or not c.actor or c.type not in _TOWARDS_TYPES:
            continue
        if c.trigger.pos_ != "VERB":
            continue
        c.recipient = excluding(_meeting_with(c.trigger, ctx), c.actor)
    return cands


# Acts that answer a proposal ("declined a request to meet X", "accepted an offer to visit X").
_ANSWER_TYPES = frozenset({"REJECT", "AGREE"})


def proposed_meeting_party(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "China's minister declined a request to meet the US defence secretary": an answer to a
    proposal to meet someone is an answer to that someone's side, the party the proposed
    meeting is with (the proposal's own author, when named, was already read as recipient)."""
    proposals = lexicon().cue("proposal_nouns")
    for c in cands:
        if c.recipient or not c.actor or c.type not in _ANSWER_TYPES:
            continue
        obj = first(c.trigger, "dobj") if c.trigger.pos_ == "VERB" else None
        if obj is None or obj.lemma_.lower() not in proposals:
            continue
        found: list[ActorRef] = []
        for meet in children(obj, "acl", "relcl"):
            if not any(p.type == "CONSULT" for p in ctx.lex.verbs.get(meet.lemma_.lower(), ())):
                continue
            heads = [first(meet, "dobj"), *(p for _, p in prep_objects(meet, ("with",)))]
            found.extend(r for h in heads for r in ctx.actors.refs(h))
        c.recipient = excluding(unique(found), c.actor)
    return cands
