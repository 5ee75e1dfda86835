"""Rules that read parties from places (#11): PLOVER codes unnamed protesters by the country
where they protest, a domestic measure against the country where it applies, and an unnamed
state body ("the authorities", "the State Property Agency") by the country of the event or of
the text; an event whose only party is a role noun of no known country names no one and is
dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from eventline.events.args import ActorIndex, prep_objects
from eventline.events.candidate import EventCandidate
from eventline.events.dating import event_place
from eventline.events.modality import modality
from eventline.events.patterns import EventLexicon
from eventline.events.rules_base import PLACE_PREPS, VIOLENT_TYPES, RuleContext
from eventline.events.syntax import clause_head, subject
from eventline.model import ActorRef, Place

# Domestic measures are coded against the country where they apply ("lifted a curfew in
# Montenegro", PLOVER's target is the population there).
_PLACE_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "ASSAULT", "PROTEST"})


def protest_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Unnamed protesters ("thousands of students") are coded, as PLOVER does, by the
    country where they protest: the country named under a place preposition, unless the
    event's place (events.dating.event_place) lies in another ("marched through London to call
    for a ceasefire in Gaza": British protesters); with no country named there, by the country
    of the city or region the clause places them in ("outside the state Capitol" in a report
    from Madison, "at the Texas Capitol")."""
    for c in cands:
        if not c.actor and c.type == "PROTEST":
            c.actor = _place(c.clause, ctx.actors)
            where = event_place(c.clause, ctx.actors, ctx.lex) if c.actor else None
            country = where.country if where is not None else None
            if country is not None and c.actor[0].country != country:
                c.actor = (_protesters(country),)  # "marched in London to call for a ceasefire
                # in Gaza": where they march, not what they call for
            elif not c.actor and _protester_subject(c.clause, ctx.lex):
                # "Protesters rallied outside the state Capitol" in a report from Madison
                where = event_place(c.clause, ctx.actors, ctx.lex)
                if where is not None and where.country and where.kind in ("city", "admin1"):
                    c.actor = (_protesters(where.country),)
    return cands


def _protester_subject(clause: Token, lex: EventLexicon) -> bool:
    """The clause's subject is protesters ("Protesters rallied", "activists marched",
    `protester_words`): not "Trump held a rally", with "Trump" tagged as a common noun and no
    actor on it, a candidate's campaign rally."""
    verb = clause
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:  # "held a rally": "held"
        verb = verb.head
    words = lex.cue("protester_words")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "acl":  # "activists protested outside ..." parsed as a noun phrase
        subjects.append(verb.head)
    for subj in subjects:
        if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "activists who had blocked a road"
        if subj.lemma_.lower() in words or subj.lower_.removesuffix("s") in words:
            return True
    return False


def _protesters(country: str) -> ActorRef:
    return ActorRef(
        id=f"desc:{country}:CVL:protester",
        name=f"protesters ({country})",
        country=country,
        sector="CVL",
    )


def place_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A domestic measure or attack without a named target is coded against the country
    where it happens ("lifted the curfew in Montenegro", "fired shells at targets in
    Jericho"); a protest with neither is, as PLOVER codes it, against its own country's
    government."""
    for c in cands:
        if c.recipient or c.type not in _PLACE_TYPES or not c.actor:
            continue
        named, located = _place(c.clause, ctx.actors), _located(c, ctx)
        if named and located and named[0].country != located[0].country:
            named = located  # "marched in Paris, Texas": the Paris the place rules found
        c.recipient = named or located
        if not c.recipient and c.type == "PROTEST":
            c.recipient = _home_government(c.actor)
    return cands


def _located(c: EventCandidate, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """The country of the event's place (dating.event_place), as a party. The place of a
    clause is looked up once per doc (scratch key `eventline_clause_places`, cleared by
    `document.code_doc`): several candidates share a clause."""
    cache = ctx.doc.user_data.setdefault("eventline_clause_places", {})
    if c.clause.i not in cache:
        cache[c.clause.i] = event_place(c.clause, ctx.actors, ctx.lex, about=True)
    place: Place | None = cache[c.clause.i]
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
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            ref = actors.covering(tok)
            if ref is not None and ref.country and ref.sector in (None, "GOV"):
                return (ref,)
    return ()


# Where a march or sit-in goes: "marched through Hong Kong", "rallied outside parliament".
_ROUTE_PREPS = ("through", "across", "along", "outside", "around", "into", "to")


def _route(clause: Token, actors: ActorIndex) -> str | None:
    """The country of a place a protest moves through or gathers at ("through Hong Kong",
    "to the streets of Cairo")."""
    for _, pobj in prep_objects(clause, _ROUTE_PREPS):
        for place in (pobj, *(inner for _, inner in prep_objects(pobj, ("of",)))):
            ref = actors.covering(place)
            if ref is not None and ref.country and ref.sector in (None, "GOV"):
                return ref.country
    return None


def descriptor_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The authorities arrested rebel fighters in Nairobi": unnamed actors of no stated
    country are coded, as PLOVER does, by the country where the event happens."""
    for c in cands:
        if not any(_vague(a) for a in (*c.actor, *c.recipient)):
            continue
        place = event_place(c.clause, ctx.actors, ctx.lex, about=True)  # or what it is about
        country = place.country if place is not None else None
        if country is None and c.type == "PROTEST":
            country = _route(c.clause, ctx.actors)  # "protesters marched through Hong Kong"
        local = country is not None  # a place of the event, not the text's main state
        if country is None:
            country = _state_context_country(c, ctx)
        if country is None:
            continue
        c.actor = tuple(_in_country(a, country, state_only=not local) for a in c.actor)
        c.recipient = tuple(_in_country(a, country, state_only=not local) for a in c.recipient)
    return cands


_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})
# Share of a document's state actors that one country must hold for "the government" with no
# country to be read as that country's.
_MAIN_COUNTRY_SHARE = 0.75


def _state_context_country(c: EventCandidate, ctx: RuleContext) -> str | None:
    """ "Prime Minister Howard announced that the federal government would ...": a state body
    named without its country ("the government", "the prime minister") is the state the text
    is about, when the text says which: the one country of the sentence's named state actors,
    else the country that holds most of the article's named state actors. Two countries in
    play, or none named, leave it unresolved (a wrong country is worse than none)."""
    if not any(_vague(a) and a.sector in _STATE_SECTORS for a in (*c.actor, *c.recipient)):
        return None
    return _context_country(c, ctx, _vague)


def _context_country(
    c: EventCandidate, ctx: RuleContext, unplaced: Callable[[ActorRef], bool]
) -> str | None:
    """The one country of the sentence's named state actors, else (when the event names a
    party besides the `unplaced` ones) the country of most of the article's."""
    sent = c.trigger.sent
    here = {
        ref.country
        for tok in sent
        for _, ref in ctx.actors.by_token.get(tok.i, ())
        if ref.country and ref.sector in _STATE_SECTORS
    }
    if len(here) == 1:
        return next(iter(here))
    if here:
        return None
    # the article's main country only for an act with a named party besides the state body:
    # "the government is fighting to stem a crash" alone stays unresolved (and is dropped)
    if all(unplaced(a) for a in (*c.actor, *c.recipient)):
        return None
    return _main_state_country(ctx)


def _main_state_country(ctx: RuleContext) -> str | None:
    """The country of most of the document's named state actors (computed once per doc)."""
    cache = ctx.doc.user_data.setdefault("eventline_main_state_country", {})
    if "country" not in cache:
        counts: dict[str, int] = {}
        seen: set[int] = set()
        for pairs in ctx.actors.by_token.values():
            for span, ref in pairs:
                if span.start in seen or not ref.country or ref.sector not in _STATE_SECTORS:
                    continue
                seen.add(span.start)
                counts[ref.country] = counts.get(ref.country, 0) + 1
        total = sum(counts.values())
        best = max(counts, key=lambda k: counts[k]) if counts else None
        share = counts[best] / total if best is not None else 0.0
        cache["country"] = best if share >= _MAIN_COUNTRY_SHARE else None
    found: str | None = cache["country"]
    return found


def _in_country(ref: ActorRef, country: str, *, state_only: bool = False) -> ActorRef:
    if not _vague(ref) or (state_only and ref.sector not in _STATE_SECTORS):
        return ref
    noun = ref.id.rsplit(":", 1)[-1]
    return ref.model_copy(update={"country": country, "id": f"desc:{country}:{ref.sector}:{noun}"})


def state_body_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "the State Property Agency", "the National Roads Authority": an organisation the KB
    does not know, of no stated country, whose name says it is a state body is coded as one
    (GOV), of the country the text is about, as `descriptor_country` codes "the government".
    Two countries in play, or none named, leave it as it was, and so does the country of a
    state body on the event's other side ("the National Security Agency spied on German
    officials": the agency is not German), except the armed forces in a non-hostile act:
    a state's audit or oversight body addresses its own military ("the Government
    Accountability Office called for a re-run of the Air Force's tender")."""
    words, bodies = ctx.lex.cue("state_name_words"), ctx.lex.cue("state_body_words")

    def unplaced(ref: ActorRef) -> bool:
        return _state_body(ref, words, bodies)

    for c in cands:
        if not any(unplaced(a) for a in (*c.actor, *c.recipient)):
            continue
        country = _context_country(c, ctx, unplaced)
        if country is None:
            continue
        actor, recipient = c.actor, c.recipient
        c.actor = _placed_bodies(actor, _foreign_side(recipient, c.type), country, unplaced)
        c.recipient = _placed_bodies(recipient, _foreign_side(actor, c.type), country, unplaced)
    return cands


# Acts a state body rarely does to its own state's armed forces (`state_body_country`).
_HOSTILE_TYPES = VIOLENT_TYPES | {"THREATEN"}


def _foreign_side(other: tuple[ActorRef, ...], event_type: str) -> tuple[ActorRef, ...]:
    """The parties of the other side that say a state body is not of their country: all of
    them for a hostile act, all but the armed forces otherwise (oversight of one's own
    military is ordinary)."""
    if event_type in _HOSTILE_TYPES:
        return other
    return tuple(r for r in other if r.sector != "MIL")


def _placed_bodies(
    side: tuple[ActorRef, ...],
    other: tuple[ActorRef, ...],
    country: str,
    unplaced: Callable[[ActorRef], bool],
) -> tuple[ActorRef, ...]:
    """The state bodies of `side` coded GOV of `country`, unless a state party of the other
    side is of that country (a state body acting on its own state is rarely what is meant)."""
    if any(r.country == country and r.sector in _STATE_SECTORS for r in other):
        return side
    update = {"country": country, "sector": "GOV"}
    return tuple(r.model_copy(update=update) if unplaced(r) else r for r in side)


# Ids the nlp stage gives a name it could not resolve in the KB.
_UNKNOWN_NAMED = "act_"


def _state_body(ref: ActorRef, words: frozenset[str], bodies: frozenset[str]) -> bool:
    """An unresolved organisation named as a state body: a word of the state ("State",
    "National", "Federal") and a word of a body ("Agency", "Authority", "Ministry")."""
    if ref.country or ref.sector or not ref.id.startswith(_UNKNOWN_NAMED):
        return False
    name = {w.strip("()").lower() for w in ref.name.split()}
    return bool(name & words) and bool(name & bodies)


def armed_group_sector(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The Zarqa Brigades militia attacked a village", "fighters from the Qasr Liberation
    Front seized two towns": an armed group the KB does not know (a name the nlp stage could
    not place: no country, no sector) is coded, as PLOVER codes a rebel group, by its sector
    when its name says it is armed (`armed_name_words`) or the text names it by an armed role
    noun: the noun it modifies ("the X militia") or whose "of"/"from" phrase it is ("fighters
    from X")."""
    words = ctx.lex.cue("armed_name_words")
    for c in cands:
        if not any(_unknown(r) for r in (*c.actor, *c.recipient)):
            continue
        c.actor = tuple(_armed(r, words, ctx) for r in c.actor)
        c.recipient = tuple(_armed(r, words, ctx) for r in c.recipient)
    return cands


# Sectors of an armed role noun that names the group it modifies or belongs to.
_ARMED_SECTORS = frozenset({"REB", "UAF"})


def _armed(ref: ActorRef, words: frozenset[str], ctx: RuleContext) -> ActorRef:
    if not _unknown(ref):
        return ref
    if {w.strip("()").lower() for w in ref.name.split()} & words:
        return ref.model_copy(update={"sector": "REB"})
    table = ctx.lex.descriptors
    for span in _mentions(ref, ctx):
        root = span.root
        holder = root.head
        if root.dep_ == "pobj" and holder.lower_ in ctx.lex.cue("member_of_preps"):
            holder = holder.head  # "fighters from X", "militants of X"
        elif root.dep_ != "compound":  # "the X militia"
            continue
        sector = table.get(holder.lemma_.lower()) or table.get(holder.lower_)
        if holder.i != root.i and sector in _ARMED_SECTORS:
            return ref.model_copy(update={"sector": sector})
    return ref


def protest_target_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Unnamed protesters with no place named ("ethnic Turks began a hunger strike to protest
    Sweden's decision") are coded, as PLOVER codes a domestic protest, in the country of the
    government they protest against."""
    for c in cands:
        if c.actor or c.type != "PROTEST":
            continue
        countries = {r.country for r in c.recipient if r.country}
        if len(countries) == 1:
            (country,) = countries
            c.actor = (_protesters(country),)
    return cands


def anchored_descriptors(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """An event whose only party is a role noun of no known country needs a second party,
    unless the role is a political or armed body the clause names as the doer ("the senator
    criticised the ruling", "police dispersed the crowd", "rebel fighters attacked a base"):
    PLOVER codes such an actor by its sector. A role that names no one in particular
    ("officials discussed the budget", `vague_role_nouns`), a body outside public life
    ("customers complained") and the speaker of a report ("a step the governments said would
    help") still need one."""
    return [
        c
        for c in cands
        if c.recipient
        or not c.actor
        or any(not _vague(a) for a in c.actor)
        or _role_doer(c, ctx.lex)
    ]


def _role_doer(c: EventCandidate, lex: EventLexicon) -> bool:
    """Whether the candidate's actor is a public role noun that is the subject (or the "by"
    agent) of the trigger's own clause, reached through control and coordination only."""
    sectors = lex.cue("descriptor_actor_sectors")
    nouns = {_role_noun(a) for a in c.actor if a.sector and a.sector.lower() in sectors}
    if not nouns:
        return False
    kind = c.type.lower()
    if kind not in lex.cue("role_alone_types"):
        return False  # "police urged drivers to avoid the area": a request of no one named
    if kind in lex.cue("police_target_types") and all(a.sector == "COP" for a in c.actor):
        return False  # "police are investigating the fire", "officers patrolled the streets"
    if c.trigger.pos_ != "VERB" and not _made_by_light_verb(c, lex):
        return False  # "the minister left the meeting": a noun no light verb makes an act
    verb = clause_head(c.trigger)
    subj, passive = subject(verb)
    if passive:
        subj = next((p for _, p in prep_objects(verb, ("by",))), None)
    if subj is None or subj.lemma_.lower() in lex.cue("vague_role_nouns"):
        return False
    if _anaphoric_object(verb, lex):
        return False  # "police arrested 12 of the marchers": the earlier report's act
    anchor = c.clause if c.light else c.trigger
    if modality(anchor, lex) != "asserted":
        return False  # "police could fire on the crowd": nothing happened, and no one named
    heads = [subj, *(p for _, p in prep_objects(subj, ("of",)))]  # "a column of troops"
    if not any(h.lemma_.lower() in nouns or h.lower_ in nouns for h in heads):
        return False
    node = verb  # "police began to disperse", "police fired and arrested": not "X said would"
    for _ in range(6):
        if node == subj.head or node.head == node:
            break
        if node.dep_ not in ("xcomp", "conj"):
            return False
        node = node.head
    return node == subj.head


def _anaphoric_object(verb: Token, lex: EventLexicon) -> bool:
    """The verb's object refers back to people an earlier sentence introduced: a pronoun
    ("dispersed them") or a share of a definite group ("12 of the marchers"). The act
    continues that report, whose parties and place the event would lack (the place layer
    reads the clause alone)."""
    pronouns, shares = lex.cue("anaphoric_pronouns"), lex.cue("group_share_words")
    for obj in (k for k in verb.children if k.dep_ in ("dobj", "nsubjpass")):
        if obj.pos_ == "PRON" and obj.lower_ in pronouns:
            return True
        for _, group in prep_objects(obj, ("of",)):
            if any(
                d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in group.children
            ) and (obj.pos_ == "NUM" or obj.lemma_.lower() in shares):
                return True  # else read on: a later object may still point back
    return False


def _made_by_light_verb(c: EventCandidate, lex: EventLexicon) -> bool:
    """Whether a noun trigger is the object of a verb that makes it an act ("held talks",
    "launched an attack"), so that the verb's subject did it."""
    verb = c.trigger.head
    light = c.pattern.light or lex.light_verbs
    return c.trigger.dep_ == "dobj" and verb.lemma_.lower() in light


def _role_noun(ref: ActorRef) -> str:
    """The role noun of a descriptor id (`desc:<country>:<sector>:<noun>`)."""
    return ref.id.rsplit(":", 1)[-1]


def _vague(ref: ActorRef) -> bool:
    return ref.id.startswith("desc:") and ref.country is None


# Measures a state takes at home: their target is, as PLOVER codes it, its own population.
_DOMESTIC_TYPES = frozenset({"COERCE", "CONCEDE"})


def domestic_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Police raided the offices of newspaper X", "the president pardoned 15 people", "the
    court banned the group": a coercive or conceding measure by one state's body whose
    target names no country (an unknown name, a crowd of people, nobody) is aimed at that
    state's own population. Runs after the place rules, so a named place wins."""
    for c in cands:
        if c.type not in _DOMESTIC_TYPES or not c.actor:
            continue
        countries = {a.country for a in c.actor}
        if len(countries) != 1 or None in countries:
            continue
        if not all(a.sector in _STATE_SECTORS or a.id.startswith("kb:") for a in c.actor):
            continue  # a state body, or a state itself
        (country,) = countries
        if country is None:
            continue
        if not c.recipient:
            name = f"{country} population"
            c.recipient = (ActorRef(id=f"desc:{country}:-:population", name=name, country=country),)
        elif all(_unknown(r) for r in c.recipient):
            c.recipient = tuple(_home_or_named(c, r, country, ctx) for r in c.recipient)
    return cands


def _home_or_named(c: EventCandidate, ref: ActorRef, country: str, ctx: RuleContext) -> ActorRef:
    """An unknown target in the actor's country, unless the text names it as another
    country's body ("hacked the U.S. Democratic Party's committee", "the American charity X",
    "X, the American party's governing body": a modifier of one of its mentions names a
    foreign country), then in that one. An intrusion from afar (a cyber attack) is no
    domestic measure: its target is of the one other country its sentence names, if any."""
    named = _named_country(ref, ctx)
    if named is not None:
        return ref.model_copy(update={"country": named})
    if c.mode in _REMOTE_MODES:
        others = _sentence_countries(c, ctx) - {country}
        if len(others) == 1:
            return ref.model_copy(update={"country": next(iter(others))})
        return ref
    return ref.model_copy(update={"country": country})


# Modes of an act done from afar, rarely a state's measure at home.
_REMOTE_MODES = frozenset({"cyber"})


def _named_country(ref: ActorRef, ctx: RuleContext) -> str | None:
    """The one country the modifiers of `ref`'s mentions name (nationality adjectives,
    possessors, compounds, appositions and their modifiers), or None (none, or several)."""
    found: set[str] = set()
    for span in _mentions(ref, ctx):
        mods = [t for t in span if t.i != span.root.i]
        outside = [t for t in span.root.children if not (span.start <= t.i < span.end)]
        heads = [t for t in outside if t.dep_ == "appos"]
        if span.root.dep_ == "appos":  # "X, a U.S. charity": named in the phrase it stands by
            heads.append(span.root.head)
        if span.end < len(span.doc) and span.doc[span.end].text == ",":
            # "hacked X, the American party's body": an apposition parsed as a second object
            root = span.root
            heads += [t for t in root.head.children if t.dep_ == root.dep_ and t.i > span.end]
        mods += [t for t in outside if t.dep_ in _NAMING_DEPS]
        for head in heads:  # "the American party's governing body": two levels down
            for t in (t for t in head.children if t.dep_ in _NAMING_DEPS):
                mods += [t, *(g for g in t.children if g.dep_ in _NAMING_DEPS)]
        for tok in mods:
            found.update(
                r.country
                for s, r in ctx.actors.by_token.get(tok.i, ())
                if r.country and r.id != ref.id and s.start != span.start
            )
    return next(iter(found)) if len(found) == 1 else None


def _sentence_countries(c: EventCandidate, ctx: RuleContext) -> set[str]:
    """The countries of the parties named in the candidate's sentence."""
    return {
        r.country
        for tok in c.trigger.sent
        for _, r in ctx.actors.by_token.get(tok.i, ())
        if r.country
    }


_NAMING_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


def _mentions(ref: ActorRef, ctx: RuleContext) -> list[Span]:
    """The spans of the document that name `ref` (one per mention)."""
    seen: dict[int, Span] = {}
    for pairs in ctx.actors.by_token.values():
        for span, r in pairs:
            if r.id == ref.id:
                seen.setdefault(span.start, span)
    return list(seen.values())


def _unknown(ref: ActorRef) -> bool:
    """A name the actor layer could not place: no country, no sector."""
    return ref.country is None and ref.sector is None and ref.id.startswith(_UNKNOWN_NAMED)
