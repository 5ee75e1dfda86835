"""Whom a demand to let people go is addressed to (#11): whoever holds them.

"Hamas demanded the release of prisoners held in Israeli jails", "Beijing called for the
freeing of a captain detained by the coast guard": PLOVER codes the REQUEST to the holder,
which the text names only as the agent or the place of the participle that says the people
are held; the people themselves (often the requester's own) are what is asked for.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import ActorIndex, children, prep_objects, unique
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import lexicon
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef

# Prepositions of a holding participle that name the holder: its agent, or the place of
# detention when that place is owned by a state ("in Israeli jails", "in Russian custody").
_HOLDER_PREPS = ("by", "in")


def _released(trigger: Token) -> list[Token]:
    """The people a request asks to be let go: the "of" object of a release noun that is the
    request's object or "for" phrase ("demanded the release of X", "called for the freeing
    of X"), or of the request noun's own "for" phrase ("a demand for the release of X")."""
    contents = [*children(trigger, "dobj"), *(p for _, p in prep_objects(trigger, ("for",)))]
    nouns = lexicon().cue("release_nouns")
    return [
        p
        for noun in contents
        if noun.lemma_.lower() in nouns
        for _, p in prep_objects(noun, ("of",))
    ]


def _holders(person: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """The party a holding participle on `person` names ("held by X", "detained in X's
    jails"), if any."""
    holding = lexicon().cue("holding_participles")
    found: list[ActorRef] = []
    for head in (person, *person.conjuncts):
        for acl in children(head, "acl"):
            if acl.tag_ != "VBN" or acl.lemma_.lower() not in holding:
                continue
            for _, pobj in prep_objects(acl, _HOLDER_PREPS):
                found.extend(actors.refs(pobj))
    return unique(found)


def release_holder(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A REQUEST to let people go is addressed to their holder when the text names one (see
    the module docstring); otherwise its recipient stays as the other rules set it."""
    for c in cands:
        if c.type != "REQUEST" or not c.actor:
            continue
        holders = unique(r for p in _released(c.trigger) for r in _holders(p, ctx.actors))
        if holders := excluding(holders, c.actor):
            c.recipient = holders
    return cands
