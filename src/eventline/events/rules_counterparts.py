"""Rules that find an act's other party where the trigger's own reading cannot (#11).

A coded act with no recipient loses the party PLOVER needs most; news often names it only
in a place the trigger's pattern does not look:

- `aid_beneficiary`: whom aid is for is often said by a purpose clause, not by a "to"
  phrase ("will give $40 million in aid to help the contractors which supply the navy",
  "sent doctors to assist flood victims"); the parser may also split a hyphenated noun into
  several objects or read "help farmers hit by the floods" as a clause with "farmers" its
  subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import children, first
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef


def aid_beneficiary(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """AID with no recipient: the party a purpose clause of helping names ("gave aid to help
    X", "to assist X"), or the object of the helping verb that is the trigger itself when the
    parser split that object ("help the sub-contractors")."""
    verbs = ctx.lex.cue("beneficiary_verbs")
    for c in cands:
        if c.type != "AID" or c.recipient or not c.actor:
            continue
        for helper in _helping_verbs(c, verbs):
            if found := excluding(_helped(helper, ctx), c.actor):
                c.recipient = found
                break
    return cands


def _helping_verbs(c: EventCandidate, verbs: frozenset[str]) -> list[Token]:
    """The trigger when it is a helping verb, and the infinitive purpose clauses of helping
    hung on the trigger, on its clause or on the verb whose object the aid noun is."""
    holders = [c.trigger, c.clause]
    if c.trigger.pos_ == "NOUN" and c.trigger.dep_ in ("pobj", "dobj"):
        holders.append(c.trigger.head.head if c.trigger.dep_ == "pobj" else c.trigger.head)
    found = [c.trigger] if c.trigger.lemma_.lower() in verbs else []
    for holder in dict.fromkeys(holders):
        found += [
            x
            for x in children(holder, "advcl", "xcomp", "acl")
            if x.lemma_.lower() in verbs
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
        ]
    return list(dict.fromkeys(found))


def _helped(verb: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """Whom `verb` helps: a party or a role noun among its objects (the last noun first: the
    head of an object the parser split, "sub - contractors"), or the subject of a clause the
    parser made of "farmers hit by the floods"."""
    heads = [x for x in reversed(list(children(verb, "dobj"))) if x.pos_ in ("NOUN", "PROPN")]
    heads += [s for x in children(verb, "ccomp") if (s := first(x, "nsubj")) is not None]
    for head in heads:
        if found := ctx.actors.refs(head) or ctx.actors.descriptor(head):
            return found
    return ()
