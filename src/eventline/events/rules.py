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

from eventline.events.args import ActorIndex, first, prep_objects, subject, unique
from eventline.events.candidate import Candidate, own_actor
from eventline.events.dating import event_place
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


@rule("not_events")
def not_events(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """Uses of event words that report no political event: a figurative threat ("threatens
    national security"), a contest in a poll or an election ("would beat"), yielding to a
    temptation, a journalist's question, a show's guest line-up, campaign-trail rhetoric
    read from speech."""
    return [c for c in cands if not any(test(c, ctx) for test in _NOT_EVENT_TESTS)]


def _sentence_words(c: Candidate) -> set[str]:
    """Lemmas and forms of the candidate's sentence (computed once per sentence)."""
    sent = c.trigger.sent
    cache = c.trigger.doc.user_data.setdefault("eventline_sentence_words", {})
    if sent.start not in cache:
        cache[sent.start] = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    words: set[str] = cache[sent.start]
    return words


def _figurative(c: Candidate, ctx: RuleContext) -> bool:
    """A verb with a common non-political sense and no party to act on: "X threatens
    national security", "yielded to temptation", "hit a record"."""
    if c.trigger.pos_ != "VERB" or c.recipient:
        return False
    if c.trigger.lemma_.lower() not in ctx.lex.cue("needs_party_verbs"):
        return False
    return not any(x.dep_ in _COMPLEMENT_DEPS for x in c.trigger.children)


def _electoral_contest(c: Candidate, ctx: RuleContext) -> bool:
    return c.trigger.lemma_.lower() in ctx.lex.cue("contest_verbs") and bool(
        _sentence_words(c) & ctx.lex.cue("electoral_words")
    )


def _question(c: Candidate, ctx: RuleContext) -> bool:
    """ "asked whether ...", "When asked about ...", a reporter's request."""
    if c.type != "REQUEST" or c.trigger.lemma_.lower() != "ask":
        return False
    if any(x.dep_ == "auxpass" for x in c.trigger.children) or c.trigger.dep_ == "advcl":
        return True
    comp = first(c.trigger, "ccomp")
    if comp is not None and any(
        t.lower_ in ("whether", "if", "why", "how", "what", "when", "who") and t.i < comp.i
        for t in comp.subtree
    ):
        return True
    subj = first(c.trigger, "nsubj")
    return subj is not None and subj.lemma_.lower() in ctx.lex.cue("journalist_words")


def _media_show(c: Candidate, ctx: RuleContext) -> bool:
    return c.type == "CONSULT" and bool(_sentence_words(c) & ctx.lex.cue("media_show_words"))


def _campaign_speech(c: Candidate, ctx: RuleContext) -> bool:
    return c.from_speech and bool(_sentence_words(c) & ctx.lex.cue("campaign_words"))


_NOT_EVENT_TESTS = (_figurative, _electoral_contest, _question, _media_show, _campaign_speech)


@rule("venue_is_no_party")
def venue_is_no_party(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """ "the Moscow talks", "a Beijing summit": a meeting's venue is not one of its sides."""
    for c in cands:
        if c.type != "CONSULT" or c.trigger.pos_ != "NOUN":
            continue
        venues = {
            ref.id
            for x in c.trigger.children
            if x.dep_ in ("compound", "nmod") and x.ent_type_ in ("GPE", "LOC", "FAC")
            if (ref := ctx.actors.covering(x)) is not None
        }
        if venues:
            c.actor = tuple(a for a in c.actor if a.id not in venues)
            if not c.actor and c.clause.pos_ == "VERB":  # "X and Y held the Berlin talks"
                c.actor = tuple(
                    a for a in ctx.actors.refs(subject(c.clause)[0]) if a.id not in venues
                )
    return cands


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


@rule("conditional_threat")
def conditional_threat(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """ "threatened to stop talks if the United States goes ahead": a threat's recipient is
    the party whose action its condition names; an act announced "unless" another party acts
    is itself a threat."""
    for c in cands:
        unless = _condition(c.trigger, ("unless",))
        if c.type != "THREATEN" and unless is not None and c.trigger.pos_ == "VERB":
            # "will withdraw its force from Chad unless ...": an act made conditional on
            # another party's is a threat (PLOVER THREATEN), the act its content
            c.content, c.type, c.mode = c.content or _phrase(c.trigger), "THREATEN", None
        if c.type != "THREATEN" or c.recipient:
            continue
        heads = [c.trigger, *(x for x in c.trigger.children if x.dep_ in _COMPLEMENT_DEPS)]
        for head in heads:
            cond = _condition(head, ("if", "unless"))
            if cond is not None and not c.recipient:
                c.recipient = _others(ctx.actors.refs(first(cond, "nsubj", "nsubjpass")), c.actor)
    return cands


def _condition(head: Token, marks: tuple[str, ...]) -> Token | None:
    for cond in head.children:
        mark = first(cond, "mark")
        if cond.dep_ == "advcl" and mark is not None and mark.lower_ in marks:
            return cond
    return None


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
    where it happens ("lifted the curfew in Montenegro", "fired shells at targets in
    Jericho"); a protest with neither is, as PLOVER codes it, against its own country's
    government."""
    for c in cands:
        if c.recipient or c.type not in _PLACE_TYPES or not c.actor:
            continue
        c.recipient = _place(c.clause, ctx.actors) or _located(c, ctx)
        if not c.recipient and c.type == "PROTEST":
            c.recipient = _home_government(c.actor)
    return cands


def _located(c: Candidate, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """The country of the event's place (dating.event_place), as a party."""
    place = event_place(c.clause, ctx.actors, ctx.lex)
    if place is None or place.country is None:
        return ()
    return (ActorRef(id=f"place:{place.country}", name=place.name, country=place.country),)


def _home_government(actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    countries = {a.country for a in actor if a.country}
    if len(countries) != 1:
        return ()
    (country,) = countries
    return (
        ActorRef(
            id=f"desc:{country}:GOV:government",
            name=f"{country} government",
            country=country,
            sector="GOV",
        ),
    )


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


@rule("anchored_descriptors")
def anchored_descriptors(cands: list[Candidate], ctx: RuleContext) -> list[Candidate]:
    """An event whose only party is a role noun of no known country ("officials discussed
    the budget") says nothing about who did what to whom: it needs a second party."""
    return [c for c in cands if c.recipient or not c.actor or any(not _vague(a) for a in c.actor)]


def _vague(ref: ActorRef) -> bool:
    return ref.id.startswith("desc:") and ref.country is None
