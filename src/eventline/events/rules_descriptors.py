"""The country of an actor named only by its role ("the police", "rioters", "a teenager") when
neither the phrase nor the event's place gives one (#11): the text often gave it before.

`known_country` runs after the place rules (`rules_places.descriptor_country`), so a place of
the event itself always wins; it reads, in order,

1. an earlier mention of the same role noun with its country ("Kenyan police fired tear gas ...
   The police also arrested ...": the police are Kenya's), from the nlp stage's actor spans or
   from a role noun an earlier event already placed;
2. a state body in a clause joined to one whose subject is a named state party, that state
   ("China's foreign ministry condemned the visit, and the army announced drills");
3. for an event whose parties are all such role nouns, the one country of the other events of
   the same sentence ("Rioters torched cars in Lyon after police shot dead a teenager": the
   police are France's, as the rioters placed in Lyon are). Two countries in the sentence leave
   it unresolved: a wrong country is worse than none;
4. for a state's coercive or conceding measure (COERCE, CONCEDE), the state's own country;
5. for an event whose parties are all such role nouns, the one country the article's other
   sentences name ("Fighting continued in Sudan. Rebel fighters attacked a base").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventline.events.args import SPAN_KEY, prep_objects
from eventline.events.candidate import EventCandidate
from eventline.events.dating import event_place
from eventline.events.location import find_dateline
from eventline.events.rules_base import PLACE_PREPS, RuleContext
from eventline.events.syntax import clause_head, subject
from eventline.model import ActorRef, Place

_DESC = "desc:"


def _vague(ref: ActorRef) -> bool:
    return ref.id.startswith(_DESC) and ref.country is None


def _noun(ref: ActorRef) -> str:
    """The role noun of a descriptor id (`desc:<country>:<sector>:<noun>`)."""
    return ref.id.rsplit(":", 1)[-1]


def _placed(ref: ActorRef, country: str) -> ActorRef:
    ident = f"{_DESC}{country}:{ref.sector or '-'}:{_noun(ref)}"
    return ref.model_copy(update={"country": country, "id": ident})


def _earlier_mentions(cands: list[EventCandidate], ctx: RuleContext) -> list[tuple[int, str, str]]:
    """(token index, role noun, country) of every role noun the text gave a country: actor
    spans headed by a role noun ("Kenyan police") and descriptors events already placed."""
    found: list[tuple[int, str, str]] = []
    for span in ctx.doc.spans.get(SPAN_KEY, ()):
        ref = span._.actor if Span.has_extension("actor") else None
        if isinstance(ref, ActorRef) and ref.country and ref.sector:
            found.append((span.start, span.root.lemma_.lower(), ref.country))
    for c in cands:
        for ref in (*c.actor, *c.recipient):
            if ref.id.startswith(_DESC) and ref.country:
                found.append((c.trigger.i, _noun(ref), ref.country))
    return found


def _sentence_country(
    c: EventCandidate, cands: list[EventCandidate], ctx: RuleContext
) -> str | None:
    """The one country of the other events of `c`'s sentence, for an event whose parties are
    all role nouns of no country: an event with a placed party of its own says who it is
    between ("US helicopters ferried food to survivors": the survivors are not American). A
    country the nlp stage guessed from the document for a role noun (`_document_placed`)
    counts only when the article uses it as a place too."""
    if any(not _vague(r) for r in (*c.actor, *c.recipient)):
        return None
    sent = c.trigger.sent
    places = _place_countries(cands, ctx)
    guessed = {i for i in _document_placed(ctx.doc) if _id_country(i) not in places}
    countries = {
        ref.country
        for other in cands
        if other is not c and other.trigger.sent == sent
        for ref in (*other.actor, *other.recipient)
        if ref.country and ref.id not in guessed
    }
    return next(iter(countries)) if len(countries) == 1 else None


def _id_country(ident: str) -> str:
    """The country of a descriptor id (`desc:<country>:<sector>:<noun>`)."""
    return ident.split(":")[1]


def _document_placed(doc: Doc) -> frozenset[str]:
    """Ids of role nouns whose only country is the one the nlp stage took from the document
    (a GROUP span, "12 soldiers" in an article that names one state, its phrase naming none):
    a guess, not a country the text gives, so not evidence for another party ("The United
    States called for calm. Rebels attacked a base, killing 12 soldiers": not US rebels)."""
    guessed: set[str] = set()
    stated: set[str] = set()
    for span in doc.spans.get(SPAN_KEY, ()):
        ref = span._.actor if Span.has_extension("actor") else None
        if not isinstance(ref, ActorRef) or not ref.id.startswith(_DESC):
            continue
        own = any(t.ent_type_ or t.dep_ == "poss" for t in span)
        (guessed if span.label_ == "GROUP" and not own else stated).add(ref.id)
    return frozenset(guessed - stated)


_DOMESTIC_TYPES = frozenset({"COERCE", "CONCEDE"})
_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})


def _domestic_country(c: EventCandidate) -> str | None:
    """ "The president pardoned 15 people", "the police detained a man": a state's coercive
    or conceding measure on people it names by no country is on its own population."""
    if c.type not in _DOMESTIC_TYPES or not c.actor:
        return None
    countries = {a.country for a in c.actor}
    if len(countries) != 1 or None in countries:
        return None
    if not all(a.sector in _STATE_SECTORS or a.id.startswith("kb:") for a in c.actor):
        return None
    return next(iter(countries))


def _conjoined_state_country(c: EventCandidate, ctx: RuleContext) -> str | None:
    """ "China's foreign ministry condemned the visit, and the army announced drills", "Xi
    vowed ..., and the defence ministry warned ...": a state body of no country whose clause
    is joined to one whose subject is a named state party is that party's state's body (two
    countries there, or a non-state party, leave it unresolved)."""
    if not any(_vague(a) and a.sector in _STATE_SECTORS for a in c.actor):
        return None
    node = clause_head(c.trigger)
    for _ in range(4):
        if node.dep_ != "conj" or node.head == node:
            break
        node = node.head
    else:
        return None
    if node == clause_head(c.trigger):
        return None
    subj = subject(node)[0]
    if subj is None:
        return None
    refs = ctx.actors.refs(subj)
    countries = {r.country for r in refs}
    if len(countries) != 1 or None in countries:
        return None
    if not all(r.sector in _STATE_SECTORS or r.id.startswith("kb:") for r in refs):
        return None
    return next(iter(countries))


def _article_country(
    c: EventCandidate, cands: list[EventCandidate], ctx: RuleContext
) -> str | None:
    """ "Fighting continued in Sudan. Rebel fighters attacked an army base": for an event
    whose parties are all role nouns of no country, the one country the rest of the article
    names as a place (its other sentences; the event's own sentence was read by the place
    rules). Only places count (`_place_countries`), never a state that speaks or acts ("The
    United States called for calm", "Washington urged restraint": an outside voice, not where
    the police fired); two countries leave it unresolved, and so does none: a wrong country
    is worse than none."""
    if any(not _vague(r) for r in (*c.actor, *c.recipient)):
        return None
    found = _place_countries(cands, ctx, c.trigger.sent)
    return next(iter(found)) if len(found) == 1 else None


def _place_countries(
    cands: list[EventCandidate], ctx: RuleContext, skip: Span | None = None
) -> frozenset[str]:
    """The countries the article uses as places, outside the sentence `skip`: the dateline, a
    country or place under a place preposition ("in Sudan", "near Kadugli"), and the places
    the place resolver gives the events (`_event_countries`). A country named as a hyphenated
    modifier ("US-backed") is no one's home. Computed once per sentence (scratch key
    `eventline_article_countries`)."""
    cache = ctx.doc.user_data.setdefault("eventline_article_countries", {})
    key = (skip.start, skip.end) if skip is not None else None
    if key not in cache:
        start, end = (skip.start, skip.end) if skip is not None else (0, 0)
        found: set[str] = set()
        dateline = find_dateline(ctx.doc)
        for span in ctx.doc.spans.get(SPAN_KEY, ()):
            if start <= span.start < end:
                continue
            if span.end < len(ctx.doc) and ctx.doc[span.end].text == "-":
                continue  # "US-backed", "Iran-allied"
            ref = span._.actor if Span.has_extension("actor") else None
            if not isinstance(ref, ActorRef) or not ref.country or ref.sector not in (None, "GOV"):
                continue
            if _used_as_place(span, dateline[1] if dateline else None):
                found.add(ref.country)
        found |= _event_countries(start, end, cands, ctx, cache)
        cache[key] = frozenset(found)
    countries: frozenset[str] = cache[key]
    return countries


def _event_countries(
    start: int, end: int, cands: list[EventCandidate], ctx: RuleContext, cache: dict[object, object]
) -> set[str]:
    """The countries of the places the place resolver gives the events outside tokens
    start..end (`dating.event_place`, which weighs the sentence's own states: "Sri Lankan
    students marched in Kandy" is in Sri Lanka, whatever else the name "Kandy" could be)."""
    found: set[str] = set()
    for other in cands:
        if start <= other.trigger.i < end:
            continue
        key = ("clause", other.clause.i)
        if key not in cache:
            cache[key] = event_place(other.clause, ctx.actors, ctx.lex)
        place = cache[key]
        if isinstance(place, Place) and place.country:
            found.add(place.country)
    return found


# Prepositions whose object is where something is or happens ("in Sudan", "near the border").
_WHERE_PREPS = frozenset({*PLACE_PREPS, "near", "outside", "around", "across", "throughout"})


def _used_as_place(span: Span, dateline: Span | None) -> bool:
    """A name the text uses as a place: the dateline's, or the object of a place preposition
    (through "of": "in the north of Sudan"), not a subject or object that acts or is acted on."""
    if dateline is not None and dateline.start <= span.start < dateline.end:
        return True
    root = span.root
    for _ in range(3):
        if root.dep_ != "pobj":
            return False
        prep = root.head
        if prep.lower_ in _WHERE_PREPS:
            return True
        if prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        root = prep.head  # "the north of Sudan", "the streets of Khartoum"
    return False


def _earlier_country(trigger: Token, noun: str, mentions: list[tuple[int, str, str]]) -> str | None:
    countries = {country for i, lemma, country in mentions if i < trigger.i and lemma == noun}
    return next(iter(countries)) if len(countries) == 1 else None


def known_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Place a role-noun party of no country by an earlier mention of the same noun, else by
    the one country of its sentence's other parties (see the module docstring); then a force
    moving on its own ground has no target (`_own_ground`)."""
    try:
        return _placed_roles(cands, ctx)
    finally:
        _own_ground(cands, ctx)


def _own_ground(cands: list[EventCandidate], ctx: RuleContext) -> None:
    """ "Security forces moved through the streets of Khartoum": a force moving (the
    movement verbs of `rules_weapons.forces_moving`, no object moved) inside its own
    country targets no one; the place rules made that country its recipient."""
    verbs = ctx.lex.cue("movement_verbs")
    for c in cands:
        if c.type != "MOBILIZE" or c.trigger.lemma_.lower() not in verbs or not c.recipient:
            continue
        if any(k.dep_ == "dobj" for k in c.trigger.children):
            continue  # "moved tanks to the border": the patterns' own
        home = {a.country for a in c.actor}
        own = len(home) == 1 and None not in home and {r.country for r in c.recipient} == home
        if not own or not all(r.sector in (None, "GOV") for r in c.recipient):
            continue
        if _entering(c.trigger) and not _stated_country(c.trigger):
            # "Troops of the 82nd Airborne moved into Kuwait": the place they enter gave
            # role nouns of no stated country their country; it is their target, not home
            c.actor = tuple(_unplaced(a) for a in c.actor)
        else:
            c.recipient = ()


# Prepositions of a move from outside into a place (its target), not within it ("through").
_ENTERING = ("into", "to", "toward", "towards")


def _entering(verb: Token) -> bool:
    return any(True for _ in prep_objects(verb, _ENTERING))


def _stated_country(verb: Token) -> bool:
    """The mover's phrase names a state itself ("Sudanese forces", "Kenya's police")."""
    subj = subject(verb)[0]
    if subj is None:
        return False
    return any(t.ent_type_ in ("GPE", "NORP") or t.dep_ == "poss" for t in subj.subtree)


def _unplaced(ref: ActorRef) -> ActorRef:
    if not ref.id.startswith(_DESC):
        return ref
    return ref.model_copy(
        update={"country": None, "id": f"{_DESC}-:{ref.sector or '-'}:{_noun(ref)}"}
    )


def _placed_roles(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    if not any(_vague(r) for c in cands for r in (*c.actor, *c.recipient)):
        return cands
    mentions = _earlier_mentions(cands, ctx)
    for c in cands:
        if not any(_vague(r) for r in (*c.actor, *c.recipient)):
            continue
        shared = (
            _conjoined_state_country(c, ctx)
            or _sentence_country(c, cands, ctx)
            or _domestic_country(c)
            or _article_country(c, cands, ctx)
        )

        def place(ref: ActorRef, c: EventCandidate = c, shared: str | None = shared) -> ActorRef:
            if not _vague(ref):
                return ref
            country = _earlier_country(c.trigger, _noun(ref), mentions) or shared
            return _placed(ref, country) if country else ref

        c.actor = tuple(place(r) for r in c.actor)
        c.recipient = tuple(place(r) for r in c.recipient)
    return cands
