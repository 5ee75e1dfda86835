"""What every family of type rules shares (#11): the context a rule reads, and the readings
of the parse that more than one family needs (the parties of an act's complement, whether a
word names violence or a weapon, a party list without the actor).

The rules themselves live in one module per family (`rules_acts`, `rules_recipients`,
`rules_counterparts`, `rules_conflict`, `rules_places`, `rules_meetings`, `rules_not_events`,
`rules_parties`, `rules_hedge`); `rules.RULES` puts them in the order they run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventline.events.args import ActorIndex, first, prep_objects, unique
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.patterns import EventLexicon
from eventline.model import ActorRef

# The act, not the action it is about: PLOVER codes "agreed to reopen", "threatened to
# recall", "declined to send", "demanded that X resign" by the act.
ACT_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST"})
_COMPLEMENT_PREPS = ("to", "with", "against", "on", "from", "for", "into", "over")
COMPLEMENT_DEPS = ("xcomp", "ccomp")
VIOLENT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})


@dataclass(frozen=True)
class RuleContext:
    """What every rule reads besides the candidates: the parsed doc, its actors and the
    event vocabulary (one per document, so rules keep no state of their own)."""

    doc: Doc
    actors: ActorIndex
    lex: EventLexicon


Rule = Callable[[list[EventCandidate], RuleContext], list[EventCandidate]]


def excluding(refs: tuple[ActorRef, ...], than: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """`refs` without the parties of `than` (an act's recipient is never its own actor)."""
    ids = {a.id for a in than}
    return tuple(r for r in refs if r.id not in ids)


def complement_parties(
    comp: Token, actors: ActorIndex, *, besides: tuple[ActorRef, ...], depth: int = 0
) -> tuple[ActorRef, ...]:
    """The first party named in the complement other than `besides` (the act's actor: "its
    ambassador" in "threatened to recall its ambassador from France" is the actor's own)."""
    that_clause = comp.dep_ == "ccomp" or (comp.dep_ == "acl" and first(comp, "mark") is not None)
    subj = first(comp, "nsubj", "nsubjpass") if that_clause else None
    heads: list[Token | None] = [subj, first(comp, "dative")]
    obj = first(comp, "dobj")
    heads += [obj, *(p for _, p in prep_objects(comp, _COMPLEMENT_PREPS))]
    if obj is not None:
        heads += [p for _, p in prep_objects(obj, _COMPLEMENT_PREPS)]
    # "offered to serve in a mediation role between X and Y": the sides of a role
    roles = [p for _, p in prep_objects(comp, ("in", "as"))]
    heads += [p for h in roles for _, p in prep_objects(h, ("between",))]
    for head in heads:
        refs = actors.refs(head)
        if head is not None and head is obj:
            refs = refs or own_actor(head, actors)
            if subj is not None:  # the clause's own subject is the obliged party
                refs = excluding(refs, _placed(obj, actors))
        if found := excluding(refs, besides):
            return found
    if depth < 1:
        for inner in (x for x in comp.children if x.dep_ in COMPLEMENT_DEPS):
            if found := complement_parties(inner, actors, besides=besides, depth=depth + 1):
                return found
    return ()


def _placed(obj: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "demanded that the labels lower their prices in the UK": the place where the
    demanded act happens, named under a place preposition of its object, is no party to the
    demand (the clause's subject is, when it names one)."""
    places = [p for _, p in prep_objects(obj, PLACE_PREPS)]
    return unique(r for p in places for r in actors.refs(p))


PLACE_PREPS = ("in", "at", "across", "throughout", "within", "inside")


def is_violent(tok: Token, lex: EventLexicon) -> bool:
    table = lex.nouns if tok.pos_ == "NOUN" else lex.verbs if tok.pos_ == "VERB" else {}
    return any(p.type in VIOLENT_TYPES for p in table.get(tok.lemma_.lower(), ()))


def is_weapon(tok: Token, lex: EventLexicon) -> bool:
    """An attack noun or a weapon ("bombing", "explosion", "device", "car bomb")."""
    words = lex.cue("weapon_words")
    heads = [tok, *(t for t in tok.children if t.dep_ == "compound")]
    return any(
        h.lemma_.lower() in words
        or any(p.type == "ASSAULT" for p in lex.nouns.get(h.lemma_.lower(), ()))
        for h in heads
    )
