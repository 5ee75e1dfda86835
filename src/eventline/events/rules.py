"""Type-specific coding rules, applied in order to each sentence's candidate events.

The trigger coder (`coder.py`) reads one trigger at a time and knows no event type; what
PLOVER says about particular types lives here as named rules in one ordered registry, each a
function over the article's candidates that may change or drop them. `RULES` is the order in
which they run; `eventline code --explain` style debugging can run a prefix of it, and a
learned coder writing the same `doc.spans["events"]` can reuse them.

Rules read the parse only through `args` and the candidates; they never import the nlp stage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventline.events.args import ActorIndex, first, prep_objects, unique
from eventline.events.candidate import Candidate, own_actor
from eventline.events.patterns import Lexicon
from eventline.model import ActorRef

# The act, not the action it is about: PLOVER codes "agreed to reopen", "threatened to
# recall", "declined to send", "demanded that X resign" by the act.
ACT_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST"})
# Types whose recipient may sit inside the act's complement ("threatened to cut off
# electricity to Nakhichevan", "demanded that the US cancel ...").
_COMPLEMENT_TYPES = ACT_TYPES | {"CONCEDE", "SUPPORT", "ACCUSE", "RETREAT", "AID", "COOPERATE"}
# Domestic measures are coded against the country where they apply ("lifted a curfew in
# Montenegro", PLOVER's target is the population there).
_PLACE_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "ASSAULT", "PROTEST"})
_PLACE_PREPS = ("in", "at", "throughout", "across", "outside", "near")
_COMPLEMENT_PREPS = ("to", "with", "against", "on", "from", "for", "into", "over")
_COMPLEMENT_DEPS = ("xcomp", "ccomp")
_MATERIAL = frozenset({"AID", "COOPERATE", "RETREAT"})
_VIOLENT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})


@dataclass(frozen=True)
class RuleContext:
    doc: Doc
    actors: ActorIndex
    lex: Lexicon


Rule = Callable[[list[Candidate], RuleContext], list[Candidate]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under `name`; rules run in registration order."""

    def register(func: Rule) -> Rule:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = func
        return func

    return register


def apply_rules(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    for func in RULES.values():
        cands = func(cands, ctx)
    return [c for c in cands if c.actor]


def _others(refs: tuple[ActorRef, ...], than: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    ids = {a.id for a in than}
    return tuple(r for r in refs if r.id not in ids)


@rule("sector_gate")
def sector_gate(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """Verbs with common non-political uses ("speak with", "travel to") need an actor of a
    listed sector."""
    kept = []
    for c in cands:
        sectors = {a.sector for a in c.actor}
        if c.pattern.sectors and None not in sectors and not sectors & c.pattern.sectors:
            continue
        kept.append(c)
    return kept


@rule("embedded_action")
def embedded_action(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """An action inside the complement of an act (threaten, decline, demand) is the act's
    content, not an event of its own. Under an agreement the action is kept too, as a
    planned event with its own parties ("agreed to supply Russia with drones": AGREE, and a
    planned AID that PLOVER's future rule reads as AGREE), since a signed deal often is the
    only report of the supply."""
    acts = {c.trigger.i: c for c in cands if c.type in ACT_TYPES and c.actor}
    kept = []
    for c in cands:
        gov = c.trigger.head
        act = acts.get(gov.i) if c.trigger.dep_ in (*_COMPLEMENT_DEPS, "acl") else None
        if act is None or act is c:
            kept.append(c)
            continue
        if act.content is None:
            act.content = _phrase(c.trigger)
        if not act.recipient:
            act.recipient = _others(c.recipient, act.actor)
        if act.type == "AGREE" and c.recipient and c.type in _MATERIAL:
            kept.append(c)
    return kept


def _phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("nsubj", "mark", "aux") or t.head != tok]
    return " ".join(t.text for t in words)[:200]


@rule("accusation_target")
def accusation_target(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """ "Putin condemned the attacks on Iran": the recipient of an accusation about an
    attack is the attacker (the attack's own actor), never its victim."""
    for c in cands:
        if c.type != "ACCUSE" or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        objects = [obj] if obj is not None else []
        objects += [p for _, p in prep_objects(c.trigger, ("of", "for", "over"))]
        for noun in objects:
            if any(p.type in _VIOLENT for p in ctx.lex.nouns.get(noun.lemma_.lower(), ())):
                c.recipient = _others(own_actor(noun, ctx.actors), c.actor)
                break
    return cands


@rule("complement_recipient")
def complement_recipient(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """The recipient of an act named in its complement: the obliged party of "demanded that
    X ...", the object or prepositional target of "threatened to cut ties with X"."""
    for c in cands:
        if c.recipient or c.type not in _COMPLEMENT_TYPES:
            continue
        for comp in (x for x in c.trigger.children if x.dep_ in (*_COMPLEMENT_DEPS, "acl")):
            if found := _complement_parties(comp, ctx.actors, besides=c.actor):
                c.recipient = found
                break
    return cands


def _complement_parties(
    comp: Token, actors: ActorIndex, *, besides: tuple[ActorRef, ...], depth: int = 0
) -> tuple[ActorRef, ...]:
    """The first party named in the complement other than `besides` (the act's actor: "its
    ambassador" in "threatened to recall its ambassador from France" is the actor's own)."""
    subj = first(comp, "nsubj", "nsubjpass") if comp.dep_ == "ccomp" else None
    heads: list[Token | None] = [subj, first(comp, "dative")]
    obj = first(comp, "dobj")
    heads += [obj, *(p for _, p in prep_objects(comp, _COMPLEMENT_PREPS))]
    if obj is not None:
        heads += [p for _, p in prep_objects(obj, _COMPLEMENT_PREPS)]
    for head in heads:
        refs = actors.refs(head)
        if head is not None and head is obj:
            refs = refs or own_actor(head, actors)
        if found := _others(refs, besides):
            return found
    if depth < 1:
        for inner in (x for x in comp.children if x.dep_ in _COMPLEMENT_DEPS):
            if found := _complement_parties(inner, actors, besides=besides, depth=depth + 1):
                return found
    return ()


@rule("object_owner_recipient")
def object_owner_recipient(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """ "rejected a Senegalese peace plan", "rejected an offer from Afghanistan", "denounced
    Serbia's suppression": the party whose proposal or act is the object."""
    for c in cands:
        if c.recipient or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None:
            continue
        refs = own_actor(obj, ctx.actors)
        refs = refs or unique(
            r for _, p in prep_objects(obj, ("from", "of")) for r in ctx.actors.refs(p)
        )
        c.recipient = _others(refs, c.actor)
    return cands


@rule("protest_country")
def protest_country(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """Unnamed protesters ("thousands of students") are coded, as PLOVER does, by the
    country where they protest."""
    for c in cands:
        if not c.actor and c.type == "PROTEST":
            c.actor = _place(c.clause, ctx.actors)
    return cands


@rule("place_recipient")
def place_recipient(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """A domestic measure or attack without a named target is coded against the country
    where it happens ("lifted the curfew in Montenegro")."""
    for c in cands:
        if c.recipient or c.type not in _PLACE_TYPES or not c.actor:
            continue
        c.recipient = _place(c.clause, ctx.actors)
    return cands


def _place(clause: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """A country or place actor under in/at/throughout in the clause."""
    for tok in clause.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS:
            ref = actors.covering(tok)
            if ref is not None and ref.country and ref.sector in (None, "GOV"):
                return (ref,)
    return ()


@rule("attack_responder")
def attack_responder(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """ "X began attacks ... and Y responded with missiles": Y is the attacks' recipient."""
    for c in cands:
        if c.type != "ASSAULT" or c.recipient:
            continue
        for conj in c.clause.conjuncts:
            if conj.i > c.clause.i and conj.lemma_.lower() in ctx.lex.cue("retaliation_verbs"):
                c.recipient = _others(ctx.actors.refs(first(conj, "nsubj")), c.actor)
                break
    return cands
