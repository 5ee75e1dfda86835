"""An agreement asked of another party is the asking (#11): "Washington pressed Kyiv to agree
to talks", "the opposition demanded that the government agree to a referendum", "Turkey
wants Sweden to agree to its terms". PLOVER codes the act the sentence reports, the
demand (REQUEST by the one who asks, to the one asked), and the agreement only as what is
asked for: no AGREE happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, subject
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef

_COMPLEMENTS = frozenset({"xcomp", "ccomp"})


def requested_agreement(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """An AGREE verb that is the complement of a verb of urging with a party asked (its
    object, or the that-clause's subject) becomes the urging verb's REQUEST; a candidate the
    urging verb already has (a REQUEST, or a SUPPORT "encouraged") is that request, and the
    AGREE is dropped. With no party asking, the AGREE is dropped all the same."""
    urging = ctx.lex.cue("urging_verbs")
    by_trigger = {c.trigger.i: c for c in cands}
    dropped: set[int] = set()
    for c in cands:
        verb = c.trigger
        if c.type != "AGREE" or verb.pos_ != "VERB" or not _complement(verb):
            continue
        gov = verb.head
        if gov.pos_ != "VERB" or gov.lemma_.lower() not in urging:
            continue
        asked = _asked(verb, gov, c, ctx)
        if asked is None:
            continue
        content = " ".join(t.text for t in verb.subtree if t.dep_ not in ("aux", "mark"))
        dropped.add(id(c))
        req = by_trigger.get(gov.i)
        if req is None:
            req = _request(gov, ctx)
            if req is None:
                continue
            cands.append(req)
            by_trigger[gov.i] = req
        elif req.type != "REQUEST":
            req.type, req.mode = "REQUEST", None
        req.recipient = req.recipient or excluding(asked, req.actor)
        req.content = req.content or content
    return [c for c in cands if id(c) not in dropped]


def _complement(verb: Token) -> bool:
    """A complement clause, or a to-infinitive the parser hung as an adverbial ("pushed Iran
    to agree")."""
    if verb.dep_ in _COMPLEMENTS:
        return True
    return verb.dep_ == "advcl" and any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children)


def _asked(
    verb: Token, gov: Token, agree: EventCandidate, ctx: RuleContext
) -> tuple[ActorRef, ...] | None:
    """The party asked to agree: the urging verb's object ("pressed Kyiv to agree"), or the
    subject of a that-clause ("demanded that the government agree"); None when the urging
    verb's own subject is the one to agree ("wants to agree", "asked to join"), and when a
    that-clause reports an agreement rather than demands one ("told reporters that Iran
    would agree")."""
    if verb.dep_ == "ccomp":
        subj = first(verb, "nsubj")
        if subj is None or not _subjunctive(verb):
            return None  # "told reporters that Iran would agree": a report, not a demand
        return ctx.actors.refs(subj) or agree.actor
    obj = first(gov, "dobj", "dative") or first(verb, "nsubj")
    if obj is None:
        return None
    return ctx.actors.refs(obj) or agree.actor


def _subjunctive(verb: Token) -> bool:
    """ "demanded that the government agree", "wants the government to agree": the bare verb
    of a demand, with no tense or modal of its own ("would agree", "had agreed", "agrees"
    report what is so)."""
    aux = [k for k in verb.children if k.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VB" and all(k.lower_ == "to" for k in aux)  # "wants X to agree"


def _request(gov: Token, ctx: RuleContext) -> EventCandidate | None:
    subj, passive = subject(gov)
    actor = () if passive else ctx.actors.refs(subj)
    if not actor:
        return None
    pattern = Pattern(lemma=gov.lemma_.lower(), type="REQUEST", pos="verb")
    return EventCandidate(pattern, gov, gov, actor, (), "REQUEST", None)
