"""Rules that find the recipient of an act where the trigger's own pattern misses it (#11):
in a complement ("demanded that X resign"), in the object's owner or its directed phrase
("rejected Serbia's plan", "his commitment to the Zambian people"), in a phrase the parser
hung elsewhere ("the aggression by X against Y"), in coordinated phrases; and the co-actors
an "along with" phrase adds.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import (
    ActorIndex,
    children,
    companions,
    first,
    preceding_phrase,
    prep_objects,
    relative_antecedent,
    speaks_for,
    subject,
    unique,
)
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.patterns import lexicon
from eventline.events.rules_base import (
    ACT_TYPES,
    COMPLEMENT_DEPS,
    VIOLENT_TYPES,
    RuleContext,
    complement_parties,
    excluding,
)
from eventline.events.rules_counterparts import region_party, regional_parties
from eventline.model import ActorRef

# Types whose recipient may sit inside the act's complement ("threatened to cut off
# electricity to Nakhichevan", "demanded that the US cancel ...").
_COMPLEMENT_TYPES = ACT_TYPES | {"CONCEDE", "SUPPORT", "ACCUSE", "RETREAT", "AID", "COOPERATE"}


def detached_origin(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "met his counterpart from Iran", "received the envoy from Japan": a "from" phrase the
    parser hung on the verb says whom the object (a role noun naming no one) represents; that
    party is the recipient. Runs before `not_events` so a meeting told from one side keeps its
    other side."""
    for c in cands:
        if c.recipient or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None or not speaks_for(obj) or ctx.actors.refs(obj):
            continue
        origin = unique(
            r for _, p in prep_objects(c.trigger, ("from",)) for r in ctx.actors.refs(p)
        )
        c.recipient = excluding(origin, c.actor)
    return cands


_RELATIVE_OBJECTS = frozenset({"which", "that", "whom"})


def relative_author(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "An FBI investigation, which the attorney general ordered, ...", "the sanctions the
    US imposed": the subject of a relative clause whose gap is its object did something to
    the act (ordered, approved, imposed it), so is never the act noun's recipient; the noun
    reading takes a clause's subject as its party only for "an invitation for X to attend"."""
    for c in cands:
        if c.trigger.pos_ != "NOUN" or not c.recipient:
            continue
        authors = {
            r.id
            for clause in children(c.trigger, "relcl")
            if _object_gap(clause)
            for r in ctx.actors.refs(first(clause, "nsubj"))
        }
        c.recipient = tuple(r for r in c.recipient if r.id not in authors)
    return cands


def _object_gap(clause: Token) -> bool:
    """Whether the relative clause's missing word is its object ("which X ordered", "X
    ordered"), not its subject ("that targeted X")."""
    if clause.pos_ != "VERB" or first(clause, "nsubj") is None:
        return False
    obj = first(clause, "dobj")
    return obj is None or obj.lower_ in _RELATIVE_OBJECTS


# What names the target of an event noun when the parse puts it out of the noun's reach.
_TARGET_PREPS = ("against", "on", "at", "into", "to")
_INQUIRY_PREPS = ("into", "of", "over", "on", "regarding", "concerning", "about")
_CAUSE_PREPS = frozenset({"due", "because", "over", "for", "after"})


def event_noun_targets(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """The target of an event noun that the pattern's prepositions miss: a target phrase the
    parser hung on the agent ("the aggression by X and Y against Z"), and what an inquiry is
    about, and what a disapproval is of ("an investigation into X's pricing", "criticism of
    X", "an inquiry due to X charging customers more": the party whose conduct is judged);
    the sides of what an offer is of ("an offer of mediation between X and Y")."""
    for c in cands:
        if c.recipient or c.trigger.pos_ != "NOUN":
            continue
        found = _agent_phrase_target(c, ctx.actors) or _owned_target(c, ctx.actors)
        if not found and c.type == "ACCUSE":
            found = _inquiry_target(c.trigger, ctx.actors)
        if not excluding(found, c.actor):
            found = _owned_act_patient(c.trigger, ctx.actors)
        if not found:
            found = _sides_of_content(c.trigger, ctx.actors)
        if not excluding(found, c.actor) and c.type == "REQUEST":
            found = requested_owner(c.trigger, ctx.actors)
        c.recipient = excluding(found, c.actor)
    return cands


def _agent_phrase_target(c: EventCandidate, actors: ActorIndex) -> tuple[ActorRef, ...]:
    preps = tuple(p for p in (c.pattern.recipient or _TARGET_PREPS) if p != "of")
    agents = [p for _, p in prep_objects(c.trigger, ("by", "from"))]
    agents += [x for a in agents for x in a.conjuncts]
    if not agents or not {r.id for a in agents for r in actors.refs(a)}:
        return ()
    return unique(r for a in agents for _, p in prep_objects(a, preps) for r in actors.refs(p))


def _owned_target(c: EventCandidate, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "Iran condemned the assassination of its general by Israel": the target phrase owned
    by a pronoun that the clause's subject binds names the subject's side."""
    preps = c.pattern.recipient or _TARGET_PREPS
    for _, pobj in prep_objects(c.trigger, preps):
        if found := actors.bound_owner(pobj):
            return found
    return ()


def _owned_act_patient(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "London's expulsion of Russian envoys", "Moscow's invasion of Ukraine": an act noun
    whose owner names its doer has its "of" phrase name whom it is done to (without an owner
    the "of" phrase may be the doer: "the resignation of the minister")."""
    owner = first(noun, "poss")
    if owner is None or not actors.refs(owner):
        return ()
    return unique(r for _, p in prep_objects(noun, ("of",)) for r in actors.refs(p))


def _sides_of_content(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "an offer of mediation between Russia and Ukraine", "the offer by Qatar to host talks
    between Hamas and Israel": the sides of what is offered (its "of" phrase, or the object
    of its infinitive clause)."""
    contents = [pobj for _, pobj in prep_objects(noun, ("of",))]
    contents += [
        obj
        for clause in children(noun, "acl")
        if clause.pos_ == "VERB"
        for obj in children(clause, "dobj")
    ]
    return unique(
        r
        for content in contents
        for _, side in prep_objects(content, ("between",))
        for r in actors.refs(side)
    )


def _inquiry_target(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    for _, pobj in prep_objects(noun, _INQUIRY_PREPS):
        if found := actors.refs(pobj) or own_actor(pobj, actors):
            return found
    for prep in children(noun, "prep"):
        if prep.lower_ not in _CAUSE_PREPS:
            continue
        for clause in (t for t in prep.subtree if t.dep_ == "pcomp" and t.pos_ == "VERB"):
            if found := actors.refs(first(clause, "nsubj")):
                return found  # "due to X charging customers more"
    return ()


def accusation_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Putin condemned the attacks on Iran": the recipient of an accusation about an
    attack is the attacker (the attack's own actor), never its victim."""
    for c in cands:
        if c.type != "ACCUSE" or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        # "condemned the US strikes on Iran"; "condemnation over the attack on X" when no
        # one is named as object ("blamed Israel for the bombing" keeps Israel)
        objects = [obj] if obj is not None else []
        if obj is None or not ctx.actors.refs(obj):
            objects += [p for _, p in prep_objects(c.trigger, ("of", "for", "over"))]
        for noun in objects:
            if any(p.type in VIOLENT_TYPES for p in ctx.lex.nouns.get(noun.lemma_.lower(), ())):
                c.recipient = excluding(own_actor(noun, ctx.actors), c.actor)
                break
    return cands


def complement_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """The recipient of an act named in its complement: the obliged party of "demanded that
    X ...", the object or prepositional target of "threatened to cut ties with X"."""
    for c in cands:
        if c.recipient or c.type not in _COMPLEMENT_TYPES:
            continue
        comps = [x for x in c.trigger.children if x.dep_ in (*COMPLEMENT_DEPS, "acl")]
        if c.trigger.pos_ == "NOUN" and c.trigger.dep_ == "dobj":
            # "reiterated its demand today that Israel ease ...": the clause hangs on the verb
            comps += [x for x in c.trigger.head.children if x.dep_ == "ccomp" and x.i > c.trigger.i]
        for comp in comps:
            besides = (*c.actor, *_own_doer(c, comp, ctx))
            if found := complement_parties(comp, ctx.actors, besides=besides):
                c.recipient = found
                break
        c.recipient = c.recipient or c.embedded_recipient  # the dropped action's own party
    return cands


# Types of what is said: a party beside the speaker ("Putin, alongside Xi, accused ...") is
# where the words were spoken, not a second speaker; "along with" and "together with" still
# join the words of both.
_SPOKEN_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE"})
_BESIDE = frozenset({"alongside"})


def _own_doer(c: EventCandidate, comp: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """ "Putin warned that Russia would take measures if ...": the threatener's own state as
    the doer of what is threatened is its side, not its target (a curfew it threatens to
    impose in its own capital is aimed at its own people, so only the subject is read)."""
    if c.type != "THREATEN":
        return ()
    states = {f"kb:{a.country}" for a in c.actor if a.country}
    doers = ctx.actors.refs(first(comp, "nsubj"))
    if not doers or any(r.id not in states for r in doers):
        return ()  # "warned that police will no longer tolerate rallies": a body, not the state
    return doers


def accompanying_actors(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "X, along with Y, called on Z to ...", "X, together with Y, condemned ...": a party
    the subject is accompanied by is a co-actor (a dropped conjunct: PLOVER codes both);
    one only standing beside a speaker ("Putin, alongside Xi, accused ...") is not."""
    for c in cands:
        verb = c.trigger if c.trigger.pos_ == "VERB" else c.clause
        subj, passive = subject(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
        if subj is None or passive or not c.actor:
            continue
        spoken = c.type in _SPOKEN_TYPES or verb.lemma_.lower() in ctx.lex.cue("speech_verbs")
        joined = [
            pobj
            for holder in (verb, subj)
            for prep in children(holder, "prep")
            if subj.i < prep.i < verb.i and not (spoken and prep.lower_ in _BESIDE)
            for pobj in companions(prep)
        ]
        found = unique(r for p in joined for r in ctx.actors.refs(p))
        c.actor = unique((*c.actor, *excluding(excluding(found, c.actor), c.recipient)))
    return cands


def own_state_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Putin hailed Russia's relations with Iran": the actor's own state, named as the
    owner of the object, is not the recipient; the party on the other side of the object is
    ("with Iran"), else none."""
    for c in cands:
        obj = first(c.trigger, "dobj") if c.trigger.pos_ == "VERB" else None
        owner = first(obj, "poss") if obj is not None else None
        states = {f"kb:{a.country}" for a in c.actor if a.country and a.id != f"kb:{a.country}"}
        owned = {r.id for r in ctx.actors.refs(owner)} & states
        if obj is None or not owned or not any(r.id in owned for r in c.recipient):
            continue  # a domestic target ("promised to democratize Serbia") stays
        c.recipient = tuple(r for r in c.recipient if r.id not in owned)
        if not c.recipient:
            other = [p for _, p in prep_objects(obj, ("with", "to", "between"))]
            c.recipient = excluding(unique(r for p in other for r in ctx.actors.refs(p)), c.actor)
    return cands


def object_owner_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "rejected a Senegalese peace plan", "rejected an offer from Afghanistan", "rejected a
    bid by Texas", "denounced Serbia's suppression": the party whose proposal or act is the
    object."""
    for c in cands:
        if c.recipient or c.trigger.pos_ != "VERB":
            continue
        if c.type == "REQUEST":
            c.recipient = excluding(requested_owner(c.trigger, ctx.actors), c.actor)
            if c.recipient:
                continue
        obj = first(c.trigger, "dobj") or _shifted_object(c.trigger)
        if obj is None or _already_party(ctx.actors.refs(obj), c):
            continue  # "met Prime Minister Abe": the object is a party, not its owner's act
        refs = _other_side(own_actor(obj, ctx.actors), c.actor) or _invited_to(obj, ctx.actors)
        refs = refs or unique(
            r
            for _, p in prep_objects(obj, ("from", "of", "between", "with", "by"))
            for r in ctx.actors.refs(p)
        )
        # "rejected a bid by Texas": a state's own region, read by the nlp stage as a place
        refs = refs or regional_parties(obj, c.actor, preps=("from", "by", "with"))
        c.recipient = excluding(refs, c.actor)
    return cands


def refused_beneficiary(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Hungary blocked an EU aid package for Ukraine": what is refused to a party named by
    "for" is refused to it, not to the body offering it (the package's owner)."""
    for c in cands:
        if c.type != "REJECT" or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None:
            continue
        found = (r for _, p in prep_objects(obj, ("for",)) for r in ctx.actors.refs(p))
        if refs := excluding(unique(found), c.actor):
            c.recipient = refs
    return cands


# Nouns of an invitation, whose "to visit X" names the host.
_INVITATIONS = frozenset({"invitation", "invite"})


def _invited_to(obj: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "accepted an invitation to visit Canberra": the host the invitation is to."""
    if obj.lemma_.lower() not in _INVITATIONS:
        return ()
    visits = [v for v in children(obj, "acl", "relcl") if v.lemma_.lower() == "visit"]
    return unique(r for v in visits for r in actors.refs(first(v, "dobj")))


# How a request's content leads to what it is about ("a re-run of the bidding for the
# contract"): the prepositions followed, and how deep.
_CONTENT_PREPS = ("of", "for")
_CONTENT_DEPTH = 3


def requested_owner(trigger: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """Whom a request is addressed to when no phrase says so: the party that owns, or is
    served by, what the request asks to be done or redone ("called for a re-run of the bidding
    for the Air Force's tanker contract", "urged a review of the navy's frigate purchase",
    "asked for Chinese help"). The content is the verb's object or "for" phrase, or the
    noun's "for"/"of" phrase; the search follows "of"/"for" phrases a few levels down and
    stops at the first level that names a party."""
    level = _request_contents(trigger)
    for depth in range(_CONTENT_DEPTH):
        # below the content, a phrase naming a party whole ("for the U.S. Air Force") first
        found = unique(r for noun in level for r in actors.refs(noun)) if depth else ()
        found = found or unique(r for noun in level for r in own_actor(noun, actors))
        if found:
            return found
        level = [p for noun in level for _, p in prep_objects(noun, _CONTENT_PREPS)]
    # "called for a ceasefire between Israel and Hezbollah": the sides of what is asked
    contents = _request_contents(trigger)
    return unique(
        r
        for noun in contents
        for t in noun.subtree
        if t.dep_ == "prep" and t.lower_ == "between" and t.i > noun.i
        for side in children(t, "pobj")
        for r in actors.refs(side)
    )


def _request_contents(trigger: Token) -> list[Token]:
    """What a request asks for: a verb's object or "for" phrase; a noun's "for"/"of"
    phrase, or, in a headline parsed as one noun phrase ("Office requests rerun of X's
    bid": "requests" the subject of "rerun"), the noun it was made the subject of."""
    if trigger.pos_ == "VERB":
        objects = list(children(trigger, "dobj"))
        return [*objects, *(p for _, p in prep_objects(trigger, ("for",)))]
    nouns = [p for _, p in prep_objects(trigger, _CONTENT_PREPS)]
    head = trigger.head
    if trigger.dep_ == "nsubj" and head.pos_ == "NOUN" and head.dep_ == "ROOT":
        nouns.append(head)
    return [n for n in nouns if n.pos_ in ("NOUN", "PROPN")]


def _shifted_object(verb: Token) -> Token | None:
    """ "denounced as an ugly crime Serbia's suppression of ...": an object moved after the
    verb's "as" phrase is parsed as an apposition of that phrase's noun, or as its noun when
    the judgement is one word ("dismissed as nonsense allegations by X")."""
    for _, pobj in prep_objects(verb, ("as",)):
        if (moved := first(pobj, "appos")) is not None and moved.pos_ == "NOUN":
            return moved
        if first(verb, "dobj") is None and any(p.lower_ == "by" for p in children(pobj, "prep")):
            return pobj  # "dismissed as nonsense allegations by X": the object itself
    return None


# Prepositions of a noun that name the party it is directed at ("his commitment to the
# Zambian people", "an appeal to X", "hostility towards Y").
_DIRECTED_PREPS = ("to", "towards", "toward", "against")


def object_phrase_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "reneged on his commitment to the Zambian people", "rejected their appeal to the
    UN": the party a verb's object (or the object of its preposition) is directed at, when
    the verb names no recipient of its own."""
    for c in cands:
        if c.recipient or c.trigger.pos_ != "VERB" or not c.actor:
            continue
        nouns = [first(c.trigger, "dobj"), *(p for _, p in prep_objects(c.trigger, ("on",)))]
        found = unique(
            r
            for noun in nouns
            if noun is not None and noun.pos_ == "NOUN"
            for _, p in prep_objects(noun, _DIRECTED_PREPS)
            for r in ctx.actors.refs(p)
        )
        c.recipient = excluding(found, c.actor)
    return cands


def _already_party(refs: tuple[ActorRef, ...], c: EventCandidate) -> bool:
    ids = {a.id for a in (*c.actor, *c.recipient)}
    return bool(refs) and all(r.id in ids for r in refs)


def _other_side(refs: tuple[ActorRef, ...], actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """ "Putin hailed Russia's relations with Iran": the owner of the object is the actor's
    own state, so the other party of the relation is the recipient, not the owner."""
    states = {f"kb:{a.country}" for a in actor if a.country}
    return tuple(r for r in refs if r.id not in states)


def coordinated_recipients(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "increased swap lines with the ECB from A to B, and with the Swiss National Bank from C
    to D": a prepositional phrase coordinated with the one naming the recipient (the parser
    hangs the second on the first or on the verb) names a co-recipient; so does a conjunct of
    the phrase a later rule took the recipient from ("came under attack in Gaza and Lebanon":
    a rule that read only the first place dropped the co-target)."""
    for c in cands:
        if not c.recipient:
            continue
        ids = {r.id for r in c.recipient}
        scope = c.clause if _under(c.trigger, c.clause) else c.trigger
        heads = _named_objects(scope, ids, ctx)
        preps = [t.head for t in heads if t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative")]
        added = [
            r
            for prep in preps
            for other in _coordinated_preps(prep)
            for pobj in children(other, "pobj")
            for r in ctx.actors.refs(pobj)
        ]
        added += [r for t in heads for x in _stray_conjuncts(t) for r in ctx.actors.refs(x)]
        added += [r for t in heads for x in t.conjuncts for r in ctx.actors.refs(x)]
        added += [r for t in heads for r in _coordinated_regions(t, ctx)]
        if added:
            c.recipient = unique((*c.recipient, *excluding(unique(added), c.actor)))
    return cands


def _coordinated_regions(tok: Token, ctx: RuleContext) -> list[ActorRef]:
    """ "thanked the governments of Canada and Ontario", "aid to Germany and Bavaria": a
    first-level region of a state, joined to the state as its fellow party, is that region's
    government (the nlp stage reads a region as a place, not an actor). Only a region of the
    state it is joined to: one of another country is no sub-national partner."""
    mentions = _state_mentions(tok, ctx)
    if tok.lower_ in _RELATIVES:  # "the governments of Canada and Ontario, which he thanked"
        for near in (relative_antecedent(tok), preceding_phrase(tok)):
            if near is not None and (mentions := _state_mentions(near, ctx)):
                break
    found = [
        region_party(x, country)
        for named, country in mentions
        for x in named.conjuncts
        if ctx.actors.covering(x) is None
    ]
    return [r for r in found if r is not None]


_RELATIVES = frozenset({"which", "who", "whom", "that"})


def _state_mentions(tok: Token, ctx: RuleContext) -> list[tuple[Token, str]]:
    """The heads in `tok`'s phrase (itself, or the objects of its "of" phrases: "the
    governments of Canada") that name a state as such (its id is `kb:<country>`), each with
    the state's country."""
    heads = [tok, *(p for _, p in prep_objects(tok, ("of",)))]
    found = []
    for head in heads:
        ref = ctx.actors.covering(head)
        if ref is not None and ref.country and ref.id == f"kb:{ref.country}":
            found.append((head, ref.country))
    return found


def _under(tok: Token, head: Token) -> bool:
    """`tok in head.subtree`, without walking the subtree: `head` is `tok` or one of its
    ancestors."""
    return tok.i == head.i or head.is_ancestor(tok)


_OBJECT_DEPS = frozenset({"pobj", "dobj", "dative"})


def _named_objects(scope: Token, ids: set[str], ctx: RuleContext) -> list[Token]:
    """The objects in `scope`'s subtree that name one of `ids`, in the subtree's order.
    Reads only the tokens between the subtree's edges (no subtree walk) and keeps those under
    `scope` (a parse need not be projective); two or more found are put in the subtree's
    order, which a non-projective parse need not share with the text's."""
    doc = scope.doc
    found = [
        t
        for t in doc[scope.left_edge.i : scope.right_edge.i + 1]
        if t.dep_ in _OBJECT_DEPS and _under(t, scope) and _names(t, ids, ctx)
    ]
    if len(found) < 2:
        return found
    keep = {t.i for t in found}
    return [t for t in scope.subtree if t.i in keep]


def _stray_conjuncts(tok: Token) -> list[Token]:
    """ "met with President A and Foreign Minister B and stressed ...": a name after "and"
    that the parser made a conjunct of the verb above `tok` instead of `tok`'s."""
    ancestors = set(tok.ancestors)
    return [
        x
        for x in tok.sent
        if x.i > tok.i
        and x.dep_ == "conj"
        and x.pos_ in ("PROPN", "NOUN")
        and x.head in ancestors
        and x.head.pos_ in ("VERB", "AUX")
        and _after_and(x.left_edge)
    ]


def _names(tok: Token, ids: set[str], ctx: RuleContext) -> bool:
    return any(r.id in ids for r in ctx.actors.refs(tok))


def _coordinated_preps(prep: Token) -> list[Token]:
    """The same preposition coordinated with `prep`: its conjuncts, or one the parser hung
    on one of its governors later in the sentence, as a conjunct or as a preposition right
    after "and" ("with X from A to B, and with Y from C to D")."""
    ancestors = set(prep.ancestors)
    later = [
        t
        for t in prep.sent
        if t.i > prep.i
        and t.lower_ == prep.lower_
        and t.head in ancestors
        and (t.dep_ == "conj" or (t.dep_ == "prep" and _after_and(t)))
    ]
    return [*(x for x in prep.conjuncts if x.lower_ == prep.lower_), *later]


def _after_and(tok: Token) -> bool:
    doc = tok.doc
    before = [doc[i] for i in range(max(tok.sent.start, tok.i - 2), tok.i)]
    words = [t for t in before if not t.is_punct]
    return bool(words) and words[-1].dep_ == "cc" and words[-1].lower_ in ("and", "or")


# Sectors of bodies that act only inside their own state: the police and the courts.
_DOMESTIC_SECTORS = frozenset({"COP", "JUD"})


def domestic_role_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Thai police opened an investigation into a student leader", "Egyptian security
    forces tortured prisoners": the police and the courts act on people of their own state,
    so an unnamed target (a role noun of no stated country) is of the actor's country; with
    no recipient at all, the role noun the act is done to (the object, or what an inquiry
    is into) is that target."""
    for c in cands:
        countries = {a.country for a in c.actor}
        if len(countries) != 1 or not any(a.sector in _DOMESTIC_SECTORS for a in c.actor):
            continue
        country = next(iter(countries))
        if country is None:
            continue
        if not c.recipient:
            c.recipient = ctx.actors.descriptor(_done_to(c.trigger))
        c.recipient = tuple(_of_country(r, country) for r in c.recipient)
    return cands


def _done_to(trigger: Token) -> Token | None:
    """The noun an act is done to: a verb's object, an event noun's "into"/"of"/"against"
    phrase."""
    if trigger.pos_ == "VERB":
        return first(trigger, "dobj")
    holders = [trigger]
    if trigger.dep_ == "dobj":
        holders.append(trigger.head)  # "opened an investigation into X": hung on the verb
    preps = ("into", "against", "of")
    return next((p for h in holders for _, p in prep_objects(h, preps)), None)


def _of_country(ref: ActorRef, country: str) -> ActorRef:
    if not ref.id.startswith("desc:") or ref.country is not None:
        return ref
    noun = ref.id.rsplit(":", 1)[-1]
    return ref.model_copy(update={"country": country, "id": f"desc:{country}:{ref.sector}:{noun}"})


def alleged_party(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "investigating credible allegations linking Indian agents to the killing", "opened an
    inquiry into allegations against the minister": an accusation or an inquiry whose object
    is an allegation is aimed at the party the allegation names, what it links or implicates
    or whom it is against (a "that" clause may name the party's helper, so it is not read)."""
    nouns = ctx.lex.cue("allegation_nouns")
    for c in cands:
        if c.type != "ACCUSE" or c.recipient:
            continue
        holders = [c.trigger, *(h for h in (c.trigger.head,) if c.trigger.dep_ == "dobj")]
        objects = [o for h in holders if (o := first(h, "dobj")) is not None]
        objects += [p for h in holders for _, p in prep_objects(h, ("into", "over", "on"))]
        for obj in (o for o in objects if o.lemma_.lower() in nouns):
            if found := excluding(_named_in_allegation(obj, ctx), c.actor):
                c.recipient = found
                break
    return cands


def _named_in_allegation(noun: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    for _, pobj in prep_objects(noun, ("against",)):
        if found := ctx.actors.refs(pobj) or ctx.actors.descriptor(pobj):
            return found
    for clause in (x for x in noun.children if x.dep_ == "acl" and x.tag_ == "VBG"):
        obj = first(clause, "dobj")
        if found := ctx.actors.refs(obj) or ctx.actors.descriptor(obj):
            return found  # "allegations linking Indian agents to ..."
    return ()


def drawn_criticism(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "North Korea conducted a nuclear test, drawing swift condemnation from Japan", "the
    visit prompted criticism from China": criticism an act draws, prompts or sparks is aimed
    at whoever did that act (the subject of the drawing verb, or the author of the act noun
    that is its subject)."""
    verbs = ctx.lex.cue("provoking_verbs")
    for c in cands:
        tok = c.trigger
        if c.type != "ACCUSE" or c.recipient or tok.pos_ != "NOUN" or tok.dep_ != "dobj":
            continue
        verb = tok.head
        if verb.lemma_.lower() not in verbs:
            continue
        subj, passive = subject(verb)
        if subj is None or passive:
            continue
        found = ctx.actors.refs(subj) or own_actor(subj, ctx.actors)
        c.recipient = excluding(found, c.actor)
    return cands


# States of one divided nation, each the other's "North" or "South".
_OTHER_HALF = {
    ("PRK", "south"): "KOR",
    ("KOR", "north"): "PRK",
    ("SDN", "south"): "SSD",
    ("SSD", "north"): "SDN",
}


def other_half(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "North Korea agreed to reopen a liaison office with the South", "Seoul offered talks
    to the North": the state of a divided nation names the other half by its compass point
    alone. "the South" in the act's own phrase, said by one of the halves, is the other."""
    for c in cands:
        if c.recipient or not c.actor:
            continue
        homes = {a.country for a in c.actor if a.country}
        if len(homes) != 1:
            continue
        (home,) = homes
        for tok in _act_tokens(c):
            other = _OTHER_HALF.get((home, tok.lower_))
            if other is None or not tok.text[0].isupper() or ctx.actors.covering(tok):
                continue
            if tok.dep_ in ("compound", "amod") or first(tok, "det") is None:
                continue  # "the South China Sea", "South Sudan"
            c.recipient = (ctx.actors.state(other),)
            break
    return cands


def _act_tokens(c: EventCandidate) -> list[Token]:
    """The words of the act's own phrase: the trigger's subtree, and the clause's when the
    trigger is a noun or verb inside it."""
    seen = {t.i: t for t in c.trigger.subtree}
    if c.clause is not c.trigger:
        seen.update({t.i: t for t in c.clause.subtree})
    return [seen[i] for i in sorted(seen)]


def threat_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Russia will launch an offensive into Georgia if ..., Putin warned", "warned it would
    strike camps in Pakistan": a threat whose recipient is none or the threatener's own
    state is aimed at the one foreign country its sentence names (the place or party of the
    act threatened), as PLOVER codes the threatened side."""
    for c in cands:
        if c.type != "THREATEN" or not c.actor:
            continue
        homes = {a.country for a in c.actor if a.country}
        if not homes or any(r.country not in homes for r in c.recipient):
            continue
        if any(ctx.actors.is_person_ref(r) for r in c.recipient):
            continue  # "a warrant for Hasina, who fled to India": a named person is the target
        foreign: dict[str, ActorRef] = {}
        for tok in c.trigger.sent:
            for _, ref in ctx.actors.by_token.get(tok.i, ()):
                if ref.country and ref.country not in homes:
                    foreign.setdefault(ref.country, ref)
        if len(foreign) == 1:
            c.recipient = (ctx.actors.state(next(iter(foreign))),)
    return cands


# Acts whose direction names their target ("sent warships toward X", "fired drones towards X").
_HEADING_TYPES = frozenset({"MOBILIZE", "ASSAULT", "THREATEN"})


def heading_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "China sent warplanes and ships toward Taiwan", "moved tanks closer to the border with
    Armenia": a force moved or fired toward a named party, or toward its border, is aimed at
    it (PLOVER codes the show of force against Taiwan). The parser hangs the direction on the
    verb, on the last of the things sent, or on "closer"/"nearer", so all are read."""
    preps = lexicon().cue("heading_preps")
    for c in cands:
        if c.recipient or not c.actor or c.type not in _HEADING_TYPES:
            continue
        if c.trigger.pos_ != "VERB":
            continue
        holders = [(c.trigger, preps)]
        for obj in children(c.trigger, "dobj"):
            holders += [(x, preps) for x in (obj, *obj.conjuncts)]
        for adv in children(c.trigger, "advmod"):
            if adv.lower_ in lexicon().cue("nearing_words"):
                holders.append((adv, preps | {"to"}))  # "closer to the border with X"
        found = unique(
            r
            for h, hp in holders
            for _, p in prep_objects(h, hp)
            for target in _beyond_border(p)
            for r in ctx.actors.refs(target)
        )
        c.recipient = excluding(found, c.actor)
    return cands


def _beyond_border(word: Token) -> list[Token]:
    """ "toward the border with Armenia": the party across a border, else the word itself."""
    if word.lemma_.lower() not in lexicon().cue("frontier_nouns"):
        return [word]
    return [word, *(p for _, p in prep_objects(word, ("with",)))]
