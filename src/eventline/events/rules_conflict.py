"""Rules for attacks, threats, protests and mobilisation (#11): who attacked (the attacker
a disapproval accuses, an unidentified attacker of a bomb, the attacker a retaliation is
aimed at), whom a protest or a mobilisation is against, and the country a pronoun such as
"his country" stands for.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import (
    HOMELAND_NOUNS,
    ActorIndex,
    first,
    is_person,
    prep_objects,
    subject,
    unique,
)
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.dating import event_place
from eventline.events.rules_base import (
    VIOLENT_TYPES,
    RuleContext,
    complement_parties,
    excluding,
    is_violent,
    is_weapon,
)
from eventline.model import ActorRef


def disapproved_attacker(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Putin told Iran's foreign minister that the US strikes had no justification": a
    disapproval spoken TO someone about an attack accuses the attacker named in what was
    said, never the listener nor the victim; with no attacker named it has no recipient.
    Runs after the rules that fill an empty recipient from the verb's object (the listener)."""
    attackers = {c.trigger.i: c.actor for c in cands if c.type in VIOLENT_TYPES and c.actor}
    for c in cands:
        if c.type != "ACCUSE" or not c.from_speech:
            continue
        comp = first(c.trigger, "ccomp")
        attacks = [t for t in comp.subtree if is_violent(t, ctx.lex)] if comp is not None else []
        if not attacks:
            continue
        listener = ctx.actors.refs(first(c.trigger, "dative", "dobj"))
        found: tuple[ActorRef, ...] = ()
        for t in attacks:
            found = excluding(_attacker(t, attackers, listener, ctx.actors), c.actor)
            if found:
                break
        c.recipient = found
    return cands


def _attacker(
    tok: Token,
    coded: dict[int, tuple[ActorRef, ...]],
    listener: tuple[ActorRef, ...],
    actors: ActorIndex,
) -> tuple[ActorRef, ...]:
    """Who carried out the attack `tok`: the coded attack's actor, the actor inside the noun's
    phrase ("Israel's attacks", "attacks by Israel"), a verb's subject, or the listener when
    the attack is theirs ("told Israel its strikes were unjustified")."""
    poss = first(tok, "poss")
    if poss is not None and poss.pos_ == "PRON" and listener:
        return listener  # "its strikes" said to the party whose strikes they are
    if found := coded.get(tok.i) or own_actor(tok, actors):
        return found
    return actors.refs(first(tok, "nsubj")) if tok.pos_ == "VERB" else ()


_PURPOSE_PREPS = ("against", "of", "over", "at", "for")


def protest_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A protest's target is the party its purpose names ("a hunger strike to protest
    President Assad's failure", "in defiance of Chinese authorities"), before its place."""
    for c in cands:
        if c.type != "PROTEST" or c.recipient:
            continue
        found: tuple[ActorRef, ...] = ()
        for head in dict.fromkeys((c.trigger, c.clause)):
            for x in head.children:
                if x.dep_ in ("advcl", "xcomp", "acl") and not found:
                    found = complement_parties(x, ctx.actors, besides=c.actor)
                elif x.dep_ == "prep" and x.lower_ in ("in", *_PURPOSE_PREPS) and not found:
                    found = _purpose(x, ctx.actors, besides=c.actor)
        c.recipient = found
    return cands


def _purpose(
    prep: Token, actors: ActorIndex, *, besides: tuple[ActorRef, ...]
) -> tuple[ActorRef, ...]:
    """ "against X's policy", "in protest against X", "in defiance of X"."""
    for pobj in (p for p in prep.children if p.dep_ == "pobj"):
        if prep.lower_ in _PURPOSE_PREPS:
            refs = actors.refs(pobj) or own_actor(pobj, actors)
            if found := excluding(refs, besides):
                return found
        for _, inner in prep_objects(pobj, _PURPOSE_PREPS):
            if found := excluding(actors.refs(inner) or own_actor(inner, actors), besides):
                return found
    return ()


def mobilization_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "mobilized reservists for a possible war against Iraq": the forces mobilized are the
    actor's own; the recipient is whom they are mobilized against."""
    for c in cands:
        if c.type != "MOBILIZE":
            continue
        against = [
            r
            for t in c.trigger.subtree
            if t.dep_ == "pobj" and t.head.lower_ == "against"
            for r in ctx.actors.refs(t)
        ]
        own_forces = tuple(r for r in c.recipient if r.sector in ("MIL", "COP") and not r.country)
        if against:
            c.recipient = excluding(unique(against), c.actor)
        elif own_forces:
            c.recipient = ()
        if not c.recipient:
            c.recipient = excluding(_facing(c.trigger, ctx), c.actor)
        if not c.recipient and c.clause != c.trigger:  # "staged drills off the coast of X"
            c.recipient = excluding(_facing(c.clause, ctx), c.actor)
    return cands


# "massed troops near its border with Ukraine", "moved troops toward Guyana", "sailed a carrier
# through the Taiwan Strait", "staged drills off the coast of X"
_TOWARD_PREPS: tuple[str, ...] = ("toward", "towards", "near", "along", "to", "on", "at")
_TOWARD_PREPS += ("through", "into", "around", "off", "across")
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})


def _facing(verb: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """The country forces are moved toward: the other side of a border they are massed at,
    or a country named after "toward"/"near"/"through". The phrase may hang on the verb or
    on what is moved ("massed thousands of troops near the border")."""
    holders = [verb]
    if (obj := first(verb, "dobj")) is not None:
        holders += [obj, *(p for _, p in prep_objects(obj, ("of",)))]
    for _, pobj in (pair for h in holders for pair in prep_objects(h, _TOWARD_PREPS)):
        places = [pobj]
        if pobj.lemma_.lower() in _BORDER_NOUNS:
            places = [inner for _, inner in prep_objects(pobj, ("with",))]
        for place in places:
            refs = tuple(r for r in ctx.actors.refs(place) if r.country)
            if refs:
                return refs
    return ()


def attack_responder(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "X began attacks ... and Y responded with missiles": Y is the attacks' recipient."""
    for c in cands:
        if c.type != "ASSAULT" or c.recipient:
            continue
        for conj in c.clause.conjuncts:
            if conj.i > c.clause.i and conj.lemma_.lower() in ctx.lex.cue("retaliation_verbs"):
                c.recipient = excluding(ctx.actors.refs(first(conj, "nsubj")), c.actor)
                break
    return cands


def unattributed_attack(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "A roadside bomb near Samarra killed one US soldier", "were killed by an improvised
    explosive device outside Basra": an attack whose only named agent is a weapon or a blast
    is coded, as PLOVER's gold records code it, with an unidentified attacker of the country
    where it happened; with no place, it has no actor."""
    for c in cands:
        if c.actor or c.type != "ASSAULT" or c.trigger.pos_ != "VERB":
            continue
        if not any(is_weapon(t, ctx.lex) for t in _agents(c.trigger)):
            continue
        place = event_place(c.clause, ctx.actors, ctx.lex)
        if place is None or place.country is None:
            continue
        c.actor = (
            ActorRef(
                id=f"desc:{place.country}:-:attacker",
                name=f"unidentified attackers ({place.name})",
                country=place.country,
            ),
        )
        c.recipient = tuple(r for r in c.recipient if r not in c.actor)
    return cands


def _agents(verb: Token) -> list[Token]:
    """What the clause names as doing `verb`: its subject, a passive "by" agent, or the cause
    under "in" of a passive ("was killed in a car bomb explosion")."""
    subj, passive = subject(verb)
    found = [subj] if subj is not None and not passive else []
    if passive:
        found += [p for _, p in prep_objects(verb, ("by", "in"))]
    return found


def retaliation_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Netanyahu has vowed to respond to the attack": a threat to retaliate is aimed at
    whoever attacked: the actor the attack noun names ("to respond to Iran's attack"), else,
    for "the attack" named again or no attack named, the attacker of the last attack on the
    threatener's country that the article reports before it."""
    retaliate = ctx.lex.cue("retaliation_verbs")
    attacks = [c for c in cands if c.type == "ASSAULT" and c.actor]
    for c in cands:
        if c.type != "THREATEN" or c.recipient or not c.actor or c.trigger.pos_ != "VERB":
            continue
        comp = first(c.trigger, "xcomp")
        if comp is None or comp.lemma_.lower() not in retaliate:
            continue
        nouns = [first(comp, "dobj"), *(p for _, p in prep_objects(comp, ("to", "for")))]
        named = unique(r for n in nouns if n is not None for r in _attacker_of(n, attacks, ctx))
        found = named or _last_attacker(c, attacks)
        c.recipient = excluding(found, c.actor)
    return cands


def _attacker_of(
    noun: Token, attacks: list[EventCandidate], ctx: RuleContext
) -> tuple[ActorRef, ...]:
    if not is_violent(noun, ctx.lex):
        return ()
    coded = next((a.actor for a in attacks if a.trigger == noun), ())
    return coded or own_actor(noun, ctx.actors)


def _last_attacker(c: EventCandidate, attacks: list[EventCandidate]) -> tuple[ActorRef, ...]:
    own = {a.country for a in c.actor if a.country}
    before = [
        a
        for a in attacks
        if a.trigger.i < c.trigger.i and own & {r.country for r in a.recipient if r.country}
    ]
    return before[-1].actor if before else ()


def homeland_by_evidence(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Putin told Iran's foreign minister there was no justification for the US bombing of
    his country": when the sentence names people of more than one country before the
    pronoun (the speaker and the listener), the country attacked is read from the article's
    own account of whom the attacker attacks: the one of their countries the same attacker
    attacks elsewhere in the article. With no such evidence the target stays unnamed (a
    wrong country is worse than none); a country attacking itself is no reading at all."""
    victims = _victims(cands)
    for c in cands:
        if c.type != "ASSAULT" or not c.actor:
            continue
        home = _homeland_target(c.trigger)
        if home is None:
            continue
        attackers = {a.country for a in c.actor if a.country}
        hit = {v for a in attackers for v in victims.get(a, set())}
        people = _people_before(home, ctx.actors) - attackers
        if len(people) > 1:
            chosen = people & hit
            c.recipient = (ctx.actors.state(next(iter(chosen))),) if len(chosen) == 1 else ()
        c.recipient = tuple(r for r in c.recipient if r.country not in attackers)
    return cands


def _people_before(tok: Token, actors: ActorIndex) -> set[str]:
    """Countries of the people (persons and office holders) named in `tok`'s sentence before
    it: whom a "his" or "her" there may stand for."""
    found: set[str] = set()
    for i in range(tok.sent.start, tok.i):
        for span, ref in actors.by_token.get(i, ()):
            if ref.country and (is_person(span) or ref.sector is not None):
                found.add(ref.country)
    return found


def _victims(cands: list[EventCandidate]) -> dict[str, set[str]]:
    """Attacker country -> the countries its attacks target, over the article's attacks
    whose target is named (not through a pronoun)."""
    found: dict[str, set[str]] = {}
    for c in cands:
        if c.type != "ASSAULT" or _homeland_target(c.trigger) is not None:
            continue
        for country in {a.country for a in c.actor if a.country}:
            found.setdefault(country, set()).update(
                r.country for r in c.recipient if r.country and r.country != country
            )
    return found


def _homeland_target(trigger: Token) -> Token | None:
    """The "his country" an attack is done to: its object or its of/on/against phrase."""
    heads = [first(trigger, "dobj")] if trigger.pos_ == "VERB" else []
    heads += [p for _, p in prep_objects(trigger, ("of", "on", "against"))]
    for head in heads:
        if head is not None and head.lemma_.lower() in HOMELAND_NOUNS:
            poss = first(head, "poss")
            if poss is not None and poss.pos_ == "PRON":
                return poss
    return None


_HELP_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "COOPERATE"})


def help_for_the_attacked(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "X condemned the attacks on Y, but there has been no offer of military help": help
    offered or given with no party named, in a sentence that names the target of an attack
    coded beside it, is help for that target (the one party the sentence says needs it)."""
    helpers = ctx.lex.cue("vague_aid_verbs") | {"aid", "assistance", "support"}
    for c in cands:
        if c.recipient or c.type not in _HELP_TYPES or not c.actor:
            continue
        words = [c.trigger, *(p for _, p in prep_objects(c.trigger, ("of",)))]
        if not any(w.lemma_.lower() in helpers for w in words):
            continue
        helpers_side = {a.country for a in c.actor if a.country}
        attacked = unique(
            r
            for o in cands
            if o.type == "ASSAULT"
            and o.trigger.sent == c.trigger.sent
            # "X, which attacked Y, sent aid": an attacker's help is not for its target
            and not helpers_side & {a.country for a in o.actor}
            for r in o.recipient
        )
        if len(attacked) == 1:
            c.recipient = excluding(attacked, c.actor)
    return cands


# What protesters demand is the protest's content: "took to the streets to demand X",
# "marched ... demanding X" is one PROTEST (PLOVER), not a PROTEST and a REQUEST.
_DEMAND_DEPS = frozenset({"advcl", "xcomp", "conj"})


def protest_demands(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A request made by a protest's own actors in a clause under the protest (its purpose or
    manner) is what the protest is about: the protest keeps it as content."""
    protests = {c.trigger.i: c for c in cands if c.type == "PROTEST"}
    protests |= {c.clause.i: c for c in cands if c.type == "PROTEST"}
    kept = []
    for c in cands:
        verb = c.trigger
        protest = protests.get(verb.head.i) if verb.dep_ in _DEMAND_DEPS else None
        same = protest is not None and {a.id for a in c.actor} <= {a.id for a in protest.actor}
        if c.type != "REQUEST" or verb.pos_ != "VERB" or protest is None or not same:
            kept.append(c)
            continue
        if protest.content is None:
            protest.content = " ".join(t.text for t in verb.subtree)
    return kept


_SETTING_PREPS = frozenset({"at", "during", "amid", "in"})


def protest_setting(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A protest named as the setting of another act: "troops shot dead dozens of X during
    protests" (the protesters are whom the force hit, not the troops), "the senator endorsed
    Y at a joint rally" (a campaign rally is no protest, nor is one the actor holds while
    doing something else). A campaign rally ("an election rally") is never a protest."""
    by_trigger = {c.trigger.i: c for c in cands}
    kept = []
    for c in cands:
        if not _protest_noun(c.trigger, ctx):
            kept.append(c)
            continue
        mods = {m.lemma_.lower() for m in c.trigger.children if m.dep_ in ("compound", "amod")}
        if mods & ctx.lex.cue("campaign_rally_words") or _candidate_rally(c.trigger):
            continue
        prep = c.trigger.head
        other = by_trigger.get(prep.head.i) if c.trigger.dep_ == "pobj" else None
        if other is None or prep.lower_ not in _SETTING_PREPS:
            kept.append(c)
        elif other.type in ("ASSAULT", "COERCE") and other.recipient:
            c.actor, c.recipient, c.type, c.mode = other.recipient, (), "PROTEST", "demo"
            kept.append(c)  # the protesters are whom the force hit
        elif not {a.id for a in c.actor} & {a.id for a in other.actor}:
            kept.append(c)
    return kept


def _candidate_rally(tok: Token) -> bool:
    """ "a Donald Trump rally": a rally named after a person is that person's campaign event."""
    return tok.lemma_.lower() == "rally" and any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children
    )


def _protest_noun(tok: Token, ctx: RuleContext) -> bool:
    return tok.pos_ == "NOUN" and any(
        p.type == "PROTEST" for p in ctx.lex.nouns.get(tok.lemma_.lower(), ())
    )


_STATE_FORCE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def state_obstruction(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Russia blocked access to Facebook", "police barricaded the roads": obstruction by a
    state or its forces, named as the subject, is coercion (COERCE restrict), not a protest;
    PLOVER's PROTEST obstruct is civilians blocking ("demonstrators in Baghdad blocked a
    road" keep their protest, though the capital codes them)."""
    for c in cands:
        if c.type != "PROTEST" or c.mode != "obstruct" or c.trigger.pos_ != "VERB":
            continue
        subj = subject(c.trigger)[0]
        if subj is not None and _state_subject(subj, c, ctx):
            c.type, c.mode = "COERCE", "restrict"
    return cands


def _state_subject(subj: Token, c: EventCandidate, ctx: RuleContext) -> bool:
    named = ctx.actors.covering(subj)
    if named is None:  # a role noun: "police", "the army"
        return bool(c.actor) and all(
            a.id.startswith("desc:") and a.sector in _STATE_FORCE_SECTORS for a in c.actor
        )
    if named.id not in {a.id for a in c.actor}:
        return False
    return named.sector in _STATE_FORCE_SECTORS or subj.ent_type_ == "GPE"


def disputed_attack(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Kyiv blamed Russian troops for the strikes, while Moscow said Ukrainian forces had
    shelled the plant": an attack one side says the other made, in a sentence where the other
    side blames it in turn, is a claim in a dispute; what the text reports is the
    accusation (ACCUSE by the speaker on the named attacker), not the attack."""
    for c in cands:
        verb = c.trigger.head
        if c.type != "ASSAULT" or c.trigger.pos_ != "VERB" or not c.actor:
            continue
        if c.trigger.dep_ != "ccomp" or verb.lemma_.lower() not in ctx.lex.cue("speech_verbs"):
            continue
        subj = subject(verb)[0]
        speaker = ctx.actors.refs(subj) or ctx.actors.descriptor(subj)
        attackers, speakers = _countries(c.actor), _countries(speaker)
        if not attackers or not speakers or attackers & speakers:
            continue
        if not any(_blames(o, attackers, speakers) for o in cands if o is not c):
            continue
        c.content = c.content or _claim(c.trigger)
        c.trigger = c.clause = verb
        c.type, c.mode = "ACCUSE", "allege"
        c.actor, c.recipient = speaker, c.actor
        c.asserted = True
    return cands


def _claim(verb: Token) -> str:
    """The claimed attack's own words, without a clause hung on it ("..., while X ...")."""
    kept = [k for k in verb.children if k.dep_ not in ("advcl", "cc", "conj", "punct")]
    end = max((k.right_edge.i for k in kept if k.i > verb.i), default=verb.i)
    return verb.doc[verb.left_edge.i : end + 1].text


def _countries(refs: tuple[ActorRef, ...]) -> set[str]:
    return {r.country for r in refs if r.country}


def _blames(other: EventCandidate, attackers: set[str], speakers: set[str]) -> bool:
    """The other side's accusation of the speaker's side."""
    return (
        other.type == "ACCUSE"
        and bool(_countries(other.actor) & attackers)
        and bool(_countries(other.recipient) & speakers)
    )
