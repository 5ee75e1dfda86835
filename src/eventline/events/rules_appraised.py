"""Whose act a judgement is about when the text names the act by a summing-up noun (#11).

"Police detained the mayor, a move the opposition denounced as a coup", "Russia banned the
group, a decision the United States condemned", "Mexico sent ships to Cuba, a shipment
Washington criticised": the judged act is the one the sentence has just told, and PLOVER
codes the judgement (ACCUSE, REJECT, SUPPORT) at that act's author. The summing-up noun hangs
on the main clause after a comma and carries the judging verb as a relative clause; the parser
sometimes reads the relative clause's subject as a passive's, so the judge is re-read too.
A bare definite noun ("police banned the rally, and the party denounced the decision") is
the act told before it in the same sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import clause_head, first, subject
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import lexicon
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef

_JUDGING_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
_RELATIVE_WORDS = frozenset({"that", "which"})


def _author(verb: Token, cands: list[EventCandidate], ctx: RuleContext) -> tuple[ActorRef, ...]:
    """The author of the act told by `verb`: its coded event's actor, else its subject."""
    coded = next((c.actor for c in cands if c.trigger == verb and c.actor), ())
    if coded:
        return coded
    subj, passive = subject(verb)
    return () if passive else ctx.actors.refs(subj)


def _summed_act(noun: Token) -> Token | None:
    """The verb of the main clause a summing-up noun after a comma hangs on, directly or as
    an apposition the parser gave to a noun of that clause ("sent ships to Cuba, a shipment
    X criticised": "shipment" hung on "ships")."""
    head = noun.head
    if noun.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        head = clause_head(head)
    if head.pos_ != "VERB" or head.i > noun.i or noun.left_edge.i == 0:
        return None
    if noun.doc[noun.left_edge.i - 1].text != ",":
        return None
    return head


def _summing(noun: Token) -> bool:
    return noun.lemma_.lower() in lexicon().cue("summing_nouns")


def _previous_act(noun: Token, judge: EventCandidate, cands: list[EventCandidate]) -> Token | None:
    """ "X banned the rally, and Y denounced the decision": a bare definite summing-up noun
    is the last act coded before it in its sentence."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return None
    if any(c.dep_ != "det" and not (c.dep_ == "prep" and c.lower_ == "as") for c in noun.children):
        return None  # "the decision to X", "the EU's decision": a decision of its own
    before = [
        c
        for c in cands
        if c is not judge and c.actor and c.trigger.sent == noun.sent and c.trigger.i < noun.i
    ]
    return max(before, key=lambda c: c.trigger.i).trigger if before else None


def appraised_act_author(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Aim a judgement of a summed-up act at that act's author (see the module docstring)."""
    for c in cands:
        verb = c.trigger
        if c.type not in _JUDGING_TYPES or verb.pos_ != "VERB":
            continue
        act: Token | None = None
        if verb.dep_ in ("relcl", "acl") and _summing(verb.head):
            act = _summed_act(verb.head)
            subj = first(verb, "nsubj")
            if act is not None and subj is not None and subj.lower_ not in _RELATIVE_WORDS:
                judge = ctx.actors.refs(subj)
                if judge and not c.actor:
                    c.actor, c.recipient = judge, ()  # the relative's subject judged
        elif not c.recipient and (obj := first(verb, "dobj")) is not None and _summing(obj):
            act = _previous_act(obj, c, cands)
        if act is None or not c.actor:
            continue
        if author := excluding(_author(act, cands, ctx), c.actor):
            c.recipient = author
            c.actor = _placed_by(c.actor, author)
    return cands


def _placed_by(judges: tuple[ActorRef, ...], author: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """ "Police detained the mayor, a move the opposition denounced": a judge named by a role
    noun of no country is of the one country of the act it judges, as
    `rules_descriptors.known_country` would have read from the sentence had the judgement
    no recipient yet (that rule places only events whose parties are all unplaced)."""
    countries = {a.country for a in author}
    if len(countries) != 1 or None in countries:
        return judges
    (country,) = countries
    return tuple(
        j.model_copy(
            update={"country": country, "id": f"desc:{country}:{j.sector or '-'}:{_noun(j)}"}
        )
        if j.id.startswith("desc:") and j.country is None
        else j
        for j in judges
    )


def _noun(ref: ActorRef) -> str:
    return ref.id.rsplit(":", 1)[-1]
