"""The target of an event noun whose preposition the parser hung on the verb (#11).

"Germany condemned the Israeli strikes on Iran", "the UN deplored the attack against the
convoy": the parser often attaches the noun's "on"/"against" phrase to the governing verb
instead of the noun, so the noun's event (an ASSAULT by Israel) loses its target. A phrase
that follows the object noun directly, with one of the noun's recipient prepositions, is the
noun's own when the noun has no recipient of its own; the verb's event keeps what it had.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import children, first, prep_objects, subject
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext, excluding

# The recipient prepositions of a noun pattern that lists none (coder's default, minus the
# ones that as often name a partner or a purpose: "with", "for").
_DEFAULT_PREPS = frozenset({"on", "against", "at", "to", "into"})


def stranded_noun_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Give an object event noun with no recipient the prepositional object the parser
    attached to its verb right after it (see the module docstring)."""
    for c in cands:
        noun = c.trigger
        if c.recipient or not c.actor or noun.pos_ != "NOUN":
            continue
        verb = _governing_verb(noun)
        if verb is None:
            continue
        preps = frozenset(c.pattern.recipient) or _DEFAULT_PREPS
        for prep in children(verb, "prep"):
            if prep.i != noun.right_edge.i + 1 or prep.lower_ not in preps:
                continue
            found = tuple(r for p in children(prep, "pobj") for r in ctx.actors.refs(p))
            if found := excluding(found, c.actor):
                c.recipient = found
                break
    return cands


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of ("condemned the strikes") or the "with" means of
    ("responded with air strikes on X")."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


# Words that name members of the set an act befell ("37 people, including three Americans").
_MEMBER_PREPS = ("including",)


def included_parties(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "A court sentenced 37 people, including three Americans": the parties an "including"
    phrase names among the people acted on are recipients too (the parser hangs the phrase on
    the verb as often as on the object). An object that is itself a named party keeps it."""
    for c in cands:
        verb = c.trigger
        obj = first(verb, "dobj") if verb.pos_ == "VERB" else None
        if obj is None or not c.actor or ctx.actors.covering(obj) is not None:
            continue
        members = [p for _, p in prep_objects(obj, _MEMBER_PREPS)]
        members += [p for _, p in prep_objects(verb, _MEMBER_PREPS) if p.head.i > obj.i]
        found = tuple(r for p in members for r in ctx.actors.refs(p))
        if found := excluding(found, (*c.actor, *c.recipient)):
            c.recipient = (*c.recipient, *found)
    return cands


def included_actors(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Several Latin American governments, including those of Argentina and Brazil,
    recognised X": the parties an "including" phrase of the subject names act too (a group
    named by a region adjective is often read as no party, or as the wrong one)."""
    for c in cands:
        verb = c.trigger
        if verb.pos_ != "VERB":
            continue
        subj, passive = subject(verb)
        if subj is None or passive:
            continue
        members = [p for _, p in prep_objects(subj, _MEMBER_PREPS)]
        found = tuple(r for p in members for r in ctx.actors.refs(p))
        if found := excluding(found, (*c.actor, *c.recipient)):
            c.actor = (*c.actor, *found)
    return cands
