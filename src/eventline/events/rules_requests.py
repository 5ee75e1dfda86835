"""An agreement asked of another party is the asking (#11): "Washington pressed Kyiv to agree
to talks", "the opposition demanded that the government agree to a referendum", "Turkey
wants Sweden to agree to its terms". PLOVER codes the act the sentence reports, the
demand (REQUEST by the one who asks, to the one asked), and the agreement only as what is
asked for: no AGREE happened. types6 widens this to every verb of assent (accept, sign,
approve ...) in the bare (subjunctive) that-clause of a verb of demand ("insisted that the
union agree", "required that Poland approve", "called for Turkey to accept") and to a
condition set on another party ("conditioned the loan on Greece agreeing", "made it a
condition that Germany sign").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, prep_objects, subject
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
    assent = ctx.lex.cue("assent_verbs")
    by_trigger = {c.trigger.i: c for c in cands}
    dropped: set[int] = set()
    for c in list(cands):
        verb = c.trigger
        if verb.pos_ != "VERB" or not (c.type == "AGREE" or verb.lemma_.lower() in assent):
            continue
        found = _condition_set(verb, ctx) or _demand_of(verb, urging, c.type == "AGREE")
        if found is None:
            continue
        gov, that_clause = found
        asked = _asked(verb, gov, c, ctx, that_clause=that_clause)
        if asked is None:
            continue
        content = " ".join(t.text for t in verb.subtree if t.dep_ not in ("aux", "mark"))
        dropped.add(id(c))
        req = by_trigger.get(gov.i)
        if req is None:
            req = _request(gov, ctx)
            if req is None:
                continue  # "the law required that ...": no party asks, the assent is dropped
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


def _demand_of(verb: Token, urging: frozenset[str], agree: bool) -> tuple[Token, bool] | None:
    """The verb of urging whose complement the assent is, and whether that complement is a
    that-clause (whose own form must then say it is demanded). "Called X to agree" stays a
    request, as in types5; another assent after a bare "called" ("called Trump to
    congratulate him") is the caller's own act on the phone."""
    if not _complement(verb):
        return None
    gov = verb.head
    if gov.pos_ != "VERB" or gov.lemma_.lower() not in urging:
        return None
    if gov.lemma_.lower() == "call" and not agree and not _calls_for(verb, gov):
        return None  # "called Trump to concede": a phone call made to concede, no demand
    return gov, verb.dep_ == "ccomp"


def _calls_for(verb: Token, gov: Token) -> bool:
    """ "called for Turkey to accept", "called on Turkey to accept": "call" is a demand only
    with its "for" or "on"."""
    if any(k.dep_ == "mark" and k.lower_ == "for" for k in verb.children):
        return True
    return any(k.dep_ == "prep" and k.lower_ in ("for", "on") for k in gov.children)


def _condition_set(verb: Token, ctx: RuleContext) -> tuple[Token, bool] | None:
    """A condition set on another party: "conditioned the loan on Greece agreeing" (the
    assent a gerund under "on", the verb of conditioning above it), "made it a condition
    that Germany sign" (a bare that-clause of a condition noun, the verb above the noun).
    Gives the verb that sets the condition and whether the assent is a that-clause."""
    conditions = ctx.lex.cue("condition_words")
    head = verb.head
    if verb.tag_ == "VBG" and _on_party(verb) is not None:
        for up in (head, head.head, head.head.head):
            if up.lemma_.lower() in conditions and up.pos_ == "VERB":
                return up, False
        return None
    if verb.dep_ in ("acl", "ccomp") and head.lemma_.lower() in conditions and head.pos_ == "NOUN":
        if first(verb, "mark") is None or head.head.pos_ not in ("VERB", "AUX"):
            return None
        return head.head, True
    return None


def _on_party(verb: Token) -> Token | None:
    """The party of a gerund under "on": "on Greece agreeing" (the gerund under "on", the
    party its subject), or the parser's "on Greece" with "agreeing" hung beside it."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "on":
        return first(verb, "nsubj", "poss")
    if verb.dep_ == "acl":
        ons = [p for _, p in prep_objects(verb.head, ("on",)) if p.i < verb.i]
        return ons[-1] if ons else None
    return None


def _asked(
    verb: Token, gov: Token, agree: EventCandidate, ctx: RuleContext, *, that_clause: bool
) -> tuple[ActorRef, ...] | None:
    """The party asked to agree: the urging verb's object ("pressed Kyiv to agree"), or the
    subject of a that-clause ("demanded that the government agree"); None when the urging
    verb's own subject is the one to agree ("wants to agree", "asked to join"), and when a
    that-clause reports an agreement rather than demands one ("told reporters that Iran
    would agree")."""
    if that_clause:
        subj = first(verb, "nsubj")
        if subj is None or not _subjunctive(verb, gov):
            return None  # "told reporters that Iran would agree": a report, not a demand
        return ctx.actors.refs(subj) or agree.actor
    if verb.tag_ == "VBG" and (party := _on_party(verb)) is not None:
        return ctx.actors.refs(party) or agree.actor  # "conditioned the loan on Greece agreeing"
    obj = first(gov, "dobj", "dative") or first(verb, "nsubj")
    if obj is None:
        return None
    return ctx.actors.refs(obj) or agree.actor


def _subjunctive(verb: Token, gov: Token) -> bool:
    """ "demanded that the government agree", "wants the government to agree": the bare verb
    of a demand, with no tense or modal of its own but "should" ("would agree", "had agreed",
    "agrees" report what is so). Taggers often read the bare verb as a present (VBP): it is
    a subjunctive when its subject is singular ("insisted that the union agree") or the
    demand is told in the past ("insisted that the unions agree"; a report would say
    "agreed")."""
    aux = [k for k in verb.children if k.dep_ in ("aux", "auxpass")]
    if not all(k.lower_ in ("to", "should") for k in aux):
        return False
    if verb.tag_ == "VB":
        return True
    if verb.tag_ != "VBP" or verb.lower_ != verb.lemma_.lower():
        return False
    subj = first(verb, "nsubj")
    singular = subj is not None and subj.tag_ in ("NN", "NNP")
    return singular or gov.tag_ == "VBD"


def _request(gov: Token, ctx: RuleContext) -> EventCandidate | None:
    subj, passive = subject(gov)
    actor = () if passive else ctx.actors.refs(subj)
    if not actor:
        return None
    pattern = Pattern(lemma=gov.lemma_.lower(), type="REQUEST", pos="verb")
    return EventCandidate(pattern, gov, gov, actor, (), "REQUEST", None)
