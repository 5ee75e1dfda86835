"""An act told as the object of someone's outrage (#11, class 3): "the senator said she was
shocked that the Air Force tapped a European company to provide tankers". The sentence's
political event is the senator's criticism (PLOVER ACCUSE disapprove) of the party whose act
shocked her; the act itself is its content. A supply the chosen company is to provide is a
commercial contract, not the chooser's aid, and is no event of its own; any other act told
so ("appalled that Chile had sent troops") stays coded beside the criticism.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventline.events.args import ActorIndex, first, subject
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef

# Predicates of outrage that take the criticised act as a "that" clause ("shocked that ...").
_OUTRAGE = frozenset(
    {"shocked", "outraged", "appalled", "dismayed", "disgusted", "angered", "incensed"}
    | {"furious", "horrified", "scandalized", "scandalised", "disappointed"}
)
# Verbs of choosing a supplier: what the chosen party is to provide is a contract's content.
_CHOOSING = frozenset({"tap", "pick", "choose", "select", "hire", "award", "contract"})
_SUPPLIER_NOUNS = frozenset(
    {"company", "firm", "contractor", "manufacturer", "supplier", "consortium", "maker"}
)
_PATTERN = Pattern(lemma="criticize", type="ACCUSE", pos="verb", mode="disapprove")


def criticised_acts(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Adds the criticism an act is told under (`_outrage_over`): the one outraged, or the
    speaker who says "we are shocked", accuses the subject of the shocking clause. The act
    is dropped when it is a supply by a company chosen for it (`_chosen_supply`)."""
    out: list[EventCandidate] = []
    seen: set[int] = set()
    for c in cands:
        found = _outrage_over(c.trigger)
        if found is None:
            out.append(c)
            continue
        outrage, clause = found
        critic = _critic(outrage, ctx.actors)
        criticised = excluding(ctx.actors.refs(first(clause, "nsubj")), critic)
        if not _chosen_supply(c.trigger, clause, ctx.actors):
            out.append(c)
        if not critic or not criticised or outrage.i in seen:
            continue
        seen.add(outrage.i)
        out.append(_criticism(c, outrage, critic, criticised, clause))
    return out


def _outrage_over(trigger: Token) -> tuple[Token, Token] | None:
    """(the outrage word, the clause it takes) when `trigger` lies in a "that" clause of an
    outrage predicate, a few steps up."""
    node = trigger
    for _ in range(6):
        if node.head == node:
            return None
        step, node = node, node.head
        if step.dep_ == "ccomp" and node.lower_ in _OUTRAGE:
            return node, step
    return None


def _critic(outrage: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """Who is outraged: the subject of "was shocked", or, for a pronoun ("we are shocked",
    "she was outraged"), the subject of the speech verb it is the complement of."""
    copula = outrage.head if outrage.dep_ == "acomp" else outrage
    subj, _ = subject(copula) if copula.pos_ in ("VERB", "AUX") else (None, False)
    if subj is not None and subj.pos_ != "PRON":
        return actors.refs(subj)
    speech = copula.head if copula.dep_ == "ccomp" else None
    if speech is None or speech.pos_ != "VERB":
        return ()
    said_by, _ = subject(speech)
    return actors.refs(said_by) if said_by is not None else ()


def _chosen_supply(trigger: Token, clause: Token, actors: ActorIndex) -> bool:
    """ "tapped a European company to provide a tanker", "picked a firm to supply trucks":
    the act is the chosen company's supply, hanging on a verb of choosing whose object is a
    company."""
    node = trigger
    while node != clause and node.head != node:
        node = node.head
        if node.lemma_.lower() not in _CHOOSING:
            continue
        obj = first(node, "dobj")
        if obj is None:
            return False
        refs = actors.refs(obj)
        return obj.lemma_.lower() in _SUPPLIER_NOUNS or any(r.sector == "BUS" for r in refs)
    return False


def _criticism(
    c: EventCandidate,
    outrage: Token,
    critic: tuple[ActorRef, ...],
    criticised: tuple[ActorRef, ...],
    clause: Token,
) -> EventCandidate:
    copula = outrage.head if outrage.dep_ == "acomp" else outrage
    speech = copula.head if copula.dep_ == "ccomp" and copula.head.pos_ == "VERB" else copula
    content = " ".join(t.text for t in clause.subtree if t.dep_ != "mark")
    return replace(
        c,
        pattern=_PATTERN,
        trigger=outrage,
        clause=speech,
        actor=critic,
        recipient=criticised,
        type="ACCUSE",
        mode="disapprove",
        light=True,
        context=set(),
        content=content,
        embedded_recipient=(),
        asserted=True,
    )
