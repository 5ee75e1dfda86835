"""Who an accusation about an attack blames when the attack's own phrase names no one (#11).

`rules_recipients.accusation_target` aims "condemned the attacks on X" at the attack's actor
as the noun's own phrase names it ("Israel's strikes", "strikes by Israel") and never at the
victim. The attacker is often named elsewhere, and this rule reads, in order:

1. the "by" phrase the parser hung on the verb right after the noun ("condemned the strikes
   by Israel on Iranian sites": "by Israel" attached to "condemned");
2. a relative clause on the noun or on its victim that says who carried it out ("the attacks
   on Iran, which were carried out by Israeli jets");
3. for a definite noun with no modifier of its own ("condemned the attacks"), the actor of the
   one attack the text has just told (the same or the previous sentence).

With none of them the accusation keeps no recipient: a victim is never the one accused.

A vow of revenge ("vowed harsh revenge after a US strike killed its commander") is likewise
aimed at the attacker it answers, which `revenge_target` reads from the noun's "for" phrase or
the "after" clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import ActorIndex, children, first, prep_objects, unique
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.patterns import lexicon
from eventline.events.rules_base import VIOLENT_TYPES, RuleContext, excluding, is_violent
from eventline.model import ActorRef

# Dependents that make a noun phrase name its own act ("the US strikes", "their attacks").
_OWN_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})


def _stranded_agent(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    verb = noun.head
    for prep in children(verb, "prep", "agent"):
        if prep.lower_ == "by" and prep.i == noun.right_edge.i + 1:
            pobjs = children(prep, "pobj")
            return unique(r for p in pobjs for r in actors.refs(p) or actors.descriptor(p))
    return ()


def _relative_agent(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "the attacks on Iran, which were carried out by X": a passive relative clause on the
    noun, or on the victim it is parsed onto, whose "by" agent is the attacker."""
    heads = [noun, *(p for _, p in prep_objects(noun, ("on", "against")))]
    for head in heads:
        for clause in children(head, "relcl", "acl"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children)
            if not passive and clause.tag_ != "VBN":
                continue
            for _, agent in prep_objects(clause, ("by",)):
                if found := actors.refs(agent) or actors.descriptor(agent):
                    return found
    return ()


def _told_before(
    noun: Token, accuse: EventCandidate, cands: list[EventCandidate]
) -> tuple[ActorRef, ...]:
    """ "Iran was attacked by Israel, and Germany condemned the attacks": a bare definite
    attack noun is the attack just told, when exactly one attacker was coded for the current
    or the previous sentence before it."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the":
        return ()
    if any(c.dep_ in _OWN_MODIFIERS for c in noun.children):
        return ()
    sent = noun.sent
    earliest = noun.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    told = {
        tuple(sorted(a.id for a in c.actor)): c.actor
        for c in cands
        if c is not accuse
        and c.type in VIOLENT_TYPES
        and c.actor
        and earliest <= c.trigger.i < noun.i
        and c.trigger != noun
    }
    return next(iter(told.values())) if len(told) == 1 else ()


def blamed_attacker(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Fill an empty recipient of an accusation whose object is an attack with the attacker
    named around it (see the module docstring)."""
    for c in cands:
        if c.type != "ACCUSE" or c.recipient or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None or not is_violent(obj, ctx.lex) or ctx.actors.refs(obj):
            continue
        found = (
            _stranded_agent(obj, ctx.actors)
            or _relative_agent(obj, ctx.actors)
            or _told_before(obj, c, cands)
        )
        c.recipient = excluding(found, c.actor)
    return cands


# Subordinators of a clause that tells what a threat answers ("vowed revenge after X struck").
_AFTER_MARKS = frozenset({"after", "since", "when", "following"})


def _answered_attack(
    verb: Token, noun: Token, attacks: list[EventCandidate], ctx: RuleContext
) -> tuple[ActorRef, ...]:
    """The attacker a vow of revenge answers: the attack its noun is "for"/"to"/"against"
    ("revenge for Israel's strike"), else the attack told in the verb's "after" clause
    ("vowed revenge after a US drone strike killed its commander")."""
    for _, target in prep_objects(noun, ("for", "to", "against")):
        coded = next((a.actor for a in attacks if a.trigger == target), ())
        if coded or (coded := own_actor(target, ctx.actors)) or (coded := ctx.actors.refs(target)):
            return coded
    for clause in children(verb, "advcl"):
        mark = first(clause, "mark")
        if mark is None or mark.lower_ not in _AFTER_MARKS:
            continue
        inside = {t.i for t in clause.subtree}
        found = [a.actor for a in attacks if a.trigger.i in inside]
        if found:
            return found[0]
    return ()


def revenge_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Iran vowed harsh revenge after an Israeli strike killed its general", "vowed
    retaliation for the US attack": a threat whose object is revenge is aimed at the attacker
    it answers (`rules_conflict.retaliation_target` reads the verb form, "vowed to
    retaliate")."""
    nouns = lexicon().cue("revenge_nouns")
    attacks = [c for c in cands if c.type == "ASSAULT" and c.actor]
    for c in cands:
        if c.type != "THREATEN" or c.recipient or not c.actor or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None or obj.lemma_.lower() not in nouns:
            continue
        c.recipient = excluding(_answered_attack(c.trigger, obj, attacks, ctx), c.actor)
    return cands
