"""PLOVER event coding over the dependency parse of one article.

Triggers are verbs and nouns listed in resources/events/patterns.yaml. For each trigger the
coder reads the clause around it:

- actor: the verb's subject (inherited through control and coordination, see `args.subject`),
  or the "by" agent of a passive; for a noun, its own possessive/compound/adjective actor
  ("Israel's assassination of ...", "US strikes") or the subject of the light verb that
  governs it ("held talks", "extended an invitation", "sent a request");
- recipient: the passive subject, else the dative or direct object, else the object of the
  pattern's prepositions;
- PLOVER role rules: a host's guest is the actor and the host the recipient (CONSULT 'visit');
  meetings put every participant in the actor list, unless the meeting's place is one side's
  country, which makes the other side the visitor; travel verbs take the destination as
  recipient; a promise to retaliate is THREATEN, any other promise AGREE;
- speech whose content disapproves of an action ("there was no justification for the US
  bombing") is an ACCUSE 'disapprove' of that action's actor, and speech that puts an
  obligation on another party ("X said Y must ...") a REQUEST (`speech.py`);
- fallbacks when the parse names no actor: an actor deeper in the subject phrase, else the
  nearest actor before the verb in its own clause (never a place under a preposition); the two
  sides of "clashes between X and Y"; for protests by unnamed people, the country where they
  protest (PLOVER codes such protesters by country); an attack's recipient from "... and Y
  responded"; the visitor of a visit noun under "on"/"during"/"in the course of" from the
  subject of the clause it hangs on ("Scholz, on a visit to Vilnius, said ...").
- a relative clause on an event noun names its recipient only when the act befell the
  clause's subject ("the sanctions Iran faced"), never its author ("which X approved").

Modality (`modality.py`), the clause's date and place (`dating.py`) and PLOVER contexts from
the clause's words complete each `EventMention`. A sentence may yield several events; the same
type with the same actors and recipients twice in one sentence is kept once.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventline.events import args
from eventline.events.args import ActorIndex, companions, first, prep_objects, subject, unique
from eventline.events.candidate import EventCandidate, own_actor, relative_party
from eventline.events.dating import TimexIndex, event_place, report_date
from eventline.events.intervals import Intervals
from eventline.events.modality import is_past, modality, presupposed_below
from eventline.events.ontology import ontology
from eventline.events.patterns import EventLexicon, Pattern, lexicon
from eventline.events.rules import RuleContext, apply_rules
from eventline.events.speech import speech_accuse, speech_request
from eventline.events.venues import venue_words
from eventline.model import ActorRef, EventMention, Evidence, Modality, Place, content_id

_DEFAULT_RECIPIENT_PREPS = ("to", "against", "on", "at", "with", "for", "into")
_NOUN_UNDER_VERB_PREPS = {"in", "during", "for", "at"}
# Prepositions that put an agreement noun as the framework ("under the truce") or the
# grievance ("threatened X over its deal with Y") of another act: a deal already made.
_IN_FORCE_PREPS = frozenset({"under", "over"})
_FUTURE_AUX = {"will", "would", "shall", "'ll"}
_PARTITIVES = {"part", "some", "all", "most", "much", "portion", "half", "share", "rest", "bulk"}
# Counts that stand for what they count ("massed tens of thousands of troops", "thousands of
# protesters marched"): the noun after "of" is the argument.
_QUANTITIES = {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand"}
_QUANTITIES |= {"thousands", "ten", "tens", "million", "millions", "number", "group", "crowd"}
_QUANTITIES |= {"team", "contingent", "batch", "shipment", "convoy"}
_ARGUMENT_DEPS = {"dobj", "pobj", "attr", "appos", "conj"}
_SUPPORT_NOUNS = {
    "effort",
    "attempt",
    "bid",
    "process",
    "programme",
    "program",
    "plan",
    "mission",
    "initiative",
    "campaign",
    "operation",
}
_STATE_VERBS = {"go", "remain", "stay", "be", "put", "place", "keep"}


def _verb_pattern(tok: Token, lex: EventLexicon) -> Pattern | None:
    if tok.pos_ != "VERB" or _noun_use(tok):
        return None
    for pattern in lex.verbs.get(tok.lemma_.lower(), ()):
        if pattern.prep and not any(_particle(tok, c, pattern.prep) for c in tok.children):
            continue
        if pattern.obj:
            obj = _object_head(first(tok, "dobj", "nsubjpass") or _raised_object(tok))
            if obj is None and pattern.prep:  # "called off their three-week walkout": the
                obj = _object_head(first(tok, "oprd"))  # object read as a predicate
            if obj is None:  # "dismissed as nonsense allegations by X": the object moved
                obj = next((p for _, p in prep_objects(tok, ("as",))), None)  # after "as"
            if obj is None or obj.lemma_.lower() not in pattern.obj:
                continue
        if pattern.clausal and not _has_clause(tok, pattern.clausal):
            continue
        if pattern.needs and not _prep_object_in(tok, pattern):
            continue
        return pattern
    return _generated_pattern(tok, lex)


def _raised_object(tok: Token) -> Token | None:
    """ "allowed the aid convoy to enter": the parse makes the object the subject of the
    infinitive clause; it is the verb's object all the same."""
    comp = first(tok, "ccomp")
    if comp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return None
    return first(comp, "nsubj")


def _prep_object_in(verb: Token, pattern: Pattern) -> bool:
    """A verb idiom that names its event by a prepositional object ("took to the streets"):
    the object of the pattern's preposition must be one of the needed lemmas."""
    preps = (pattern.prep,) if pattern.prep else _DEFAULT_RECIPIENT_PREPS
    return any(pobj.lemma_.lower() in pattern.needs for _, pobj in prep_objects(verb, preps))


def _noun_use(tok: Token) -> bool:
    """A word the tagger called a verb where the parse uses it as a noun ("condemned
    US-Israel strikes": an object with compounds and no subject of its own)."""
    return (
        tok.dep_ in ("dobj", "pobj")
        and any(c.dep_ == "compound" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    )


_PARTICLES = frozenset({"in", "up", "down", "out", "off", "back"})


def _particle(verb: Token, child: Token, prep: str) -> bool:
    """Whether `child` is the particle or preposition a phrasal pattern needs. A particle
    word parsed as a preposition of a verb that has its own object heads a phrase of its own
    ("will give $150 million in aid" is no "give in")."""
    if child.lower_ != prep or _up_to(child):
        return False
    if child.dep_ == "advmod":  # "stepped down", the particle tagged as an adverb
        return prep in _PARTICLES and child.i == verb.i + 1
    if child.dep_ not in ("prt", "prep", "agent"):
        return False
    if child.dep_ == "prep" and prep in _PARTICLES:
        return first(verb, "dobj") is None
    return True


def _up_to(particle: Token) -> bool:
    """ "will give up to $150 million": "up to" an amount, not the particle of "give up"."""
    doc = particle.doc
    nxt = particle.i + 1
    return (
        particle.lower_ == "up"
        and nxt + 1 < len(doc)
        and doc[nxt].lower_ == "to"
        and (doc[nxt + 1].like_num or doc[nxt + 1].tag_ in ("$", "CD"))
    )


def _generated_pattern(tok: Token, lex: EventLexicon) -> Pattern | None:
    """PETRARCH's broad vocabulary, for verbs the curated patterns do not list at all
    (a curated verb whose conditions failed stays silent), nor light or speech verbs, nor
    verbs whose object is itself a trigger noun."""
    lemma = tok.lemma_.lower()
    if lemma not in lex.generated and not any(c.dep_ == "prt" for c in tok.children):
        return None  # the common case, decided first
    obj = first(tok, "dobj")
    if obj is not None and (
        obj.lemma_.lower() in lex.nouns or obj.lemma_.lower() in lex.cue("idiom_objects")
    ):
        return None  # the noun's own event; or an idiom ("dealt a blow to X")
    for child in tok.children:
        if child.dep_ != "prt" or _up_to(child):
            continue
        if found := lex.generated.get(f"{lemma} {child.lower_}"):
            return found
    return lex.generated.get(lemma)


def _object_head(obj: Token | None) -> Token | None:
    """The noun a partitive or support object stands for ("suspended part of the aid" -> aid,
    "ended mediation efforts" -> mediation)."""
    if obj is None:
        return obj
    lemma = obj.lemma_.lower()
    if lemma in _SUPPORT_NOUNS and (compound := first(obj, "compound")) is not None:
        return compound
    inner = [p for _, p in prep_objects(obj, ("of",))]
    if lemma == "state" and any(p.lemma_.lower() in ("emergency", "siege") for p in inner):
        return inner[0]  # "declared a state of emergency"
    if lemma not in _PARTITIVES | _SUPPORT_NOUNS | _QUANTITIES and obj.lower_ not in _QUANTITIES:
        return obj
    return next((pobj for _, pobj in prep_objects(obj, ("of",))), obj)


def _has_clause(tok: Token, kind: str) -> bool:
    """ "declined to resign" (xcomp); "warned that it will retaliate" (future that-clause)."""
    if kind == "xcomp":
        return first(tok, "xcomp") is not None
    if kind == "verdict":  # "found the governor guilty", "was found guilty"
        return _verdict(tok) is not None
    if kind == "permit":  # "allowed X to run": X the subject of a clause, or object + xcomp
        comp = first(tok, "ccomp")
        if comp is not None and first(comp, "nsubj") is not None:
            return True
        return first(tok, "dobj") is not None and first(tok, "xcomp") is not None
    comp = first(tok, "ccomp")
    return comp is not None and any(
        c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in comp.children
    )


_VERDICTS = frozenset({"guilty", "liable"})


def _verdict(verb: Token) -> Token | None:
    """The verdict word of "found X guilty" (parsed as a small clause, an object predicate or
    an adjective complement of the passive)."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and child.lower_ in _VERDICTS:
            return child
    return None


# Nouns that count or group events ("a round of talks", "a wave of strikes"): under a light
# verb they stand for the event noun they govern by "of".
_CONTAINER_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "flurry"})


def _light_governor(noun: Token) -> Token | None:
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in _SUPPORT_NOUNS:
        noun = noun.head  # "launched a mediation effort": the effort stands for the noun
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in _CONTAINER_NOUNS:
        noun = of.head  # "held a third round of talks": the round stands for the talks
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ in _STATE_VERBS:
        return noun.head.head  # "went on strike", "remained on alert"
    return None


def _noun_pattern(tok: Token, lex: EventLexicon) -> tuple[Pattern, Token | None] | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    light = _light_governor(tok)
    fallback: tuple[Pattern, Token | None] | None = None
    for pattern in lex.nouns.get(tok.lemma_.lower(), ()):
        if (pattern.needs or pattern.under) and not _has_needed(tok, pattern):
            continue
        if light is not None and _is_light(light, pattern, lex):
            return pattern, light  # "declared a ceasefire" and "observed a ceasefire" differ
        if pattern.light_only:
            continue  # "held drills": the bare noun alone is no event ("oil drills")
        fallback = fallback or (pattern, None)
    return fallback


def _has_needed(noun: Token, pattern: Pattern) -> bool:
    """A needed word among the noun's children, or a listed governing preposition ("on
    strike")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in pattern.under:
        return True
    needs = pattern.needs
    return any(c.lemma_.lower() in needs or c.lower_ in needs for c in noun.children)


def _is_light(verb: Token, pattern: Pattern, lex: EventLexicon) -> bool:
    """A verb makes its object noun the event when it is listed as light, or (for nouns
    without their own list) when it is no trigger or speech verb itself ("renewed talks")."""
    lemma = verb.lemma_.lower()
    if pattern.light:
        return lemma in pattern.light
    if lemma in lex.light_verbs:
        return True
    if lemma in lex.cue("undergo_verbs"):
        return False  # "Iran faces an attack from Israel": the subject is the target
    if lemma in lex.cue("suppress_verbs"):
        return False  # "police prevented the demonstration": the police did not demonstrate
    return lemma not in lex.verbs and lemma not in lex.cue("speech_verbs")


def _recipients(
    tok: Token, pattern: Pattern, actors: ActorIndex, *, skip: Token | None
) -> tuple[ActorRef, ...]:
    preps = pattern.recipient or _DEFAULT_RECIPIENT_PREPS
    for dep in ("dative", "dobj"):
        obj = first(tok, dep)
        if obj is not None and obj != skip and (refs := actors.refs(obj)):
            return refs
    obj = first(tok, "dobj")
    holders = [tok, *(h for h in (skip, obj) if h is not None)]
    # "a suspension of air links with Serbia", "part of an aid program for Bosnia"
    # ... and "gave $50 million in aid to Y", "pledged 2 billion in loans for Y"
    holders += [pobj for h in list(holders) for _, pobj in prep_objects(h, ("of", "in"))]
    for holder in holders:
        for _, pobj in prep_objects(holder, preps):
            if companions(pobj.head):
                continue  # "X, together with Y, called on Z": Y is a co-actor
            if refs := _beyond_venue(pobj, actors.refs(pobj), actors):
                return refs
    for clause in (c for c in tok.children if c.dep_ in ("acl", "relcl", "xcomp") or _for_to(c)):
        if clause.dep_ == "relcl":
            if refs := relative_party(clause, actors, lexicon().cue("undergo_verbs")):
                return refs  # "the sanctions Iran faced", "the strikes Iran was hit by"
        elif (subj := first(clause, "nsubj")) is not None and (refs := actors.refs(subj)):
            return refs  # "an invitation for X to attend": X is the recipient
        if tok.pos_ == "NOUN" and clause.tag_ in ("VBN", "VBG"):
            for _, pobj in prep_objects(clause, ("to", "into")):
                if refs := actors.refs(pobj):
                    return refs  # "arms shipments being delivered to X"
    return ()


def _beyond_venue(
    pobj: Token, refs: tuple[ActorRef, ...], actors: ActorIndex
) -> tuple[ActorRef, ...]:
    """ "vetoed the plan at a meeting in Brussels": the parties of the phrase less those named
    only as where a gathering in it was held (`venues.venue_words`)."""
    venue = venue_words(pobj) if refs else set()
    if not venue:
        return refs
    placed = {r.id for i in venue for _, r in actors.by_token.get(i, ())}
    named = {
        r.id for t in pobj.subtree if t.i not in venue for _, r in actors.by_token.get(t.i, ())
    }
    return tuple(r for r in refs if r.id not in placed or r.id in named)


def _for_to(clause: Token) -> bool:
    """ "an invitation for X to attend", parsed as an adverbial clause of the noun."""
    mark = first(clause, "mark")
    return clause.dep_ == "advcl" and mark is not None and mark.lower_ == "for"


def _verb_candidate(
    tok: Token, pattern: Pattern, actors: ActorIndex, lex: EventLexicon
) -> EventCandidate:
    subj, passive = subject(tok)
    if passive and tok.lower_ in lex.cue("stative_participles"):
        passive = False  # "Israel is opposed to X": Israel opposes
    light_obj = first(tok, "dobj") if pattern.obj else None
    if pattern.generated:
        return _generated_candidate(tok, pattern, subj, passive, actors)
    if passive:
        agent = next((pobj for _, pobj in prep_objects(tok, ("by",))), None)
        actor, recipient = actors.refs(agent), actors.refs(subj)
        if agent is not None:  # "protesters were beaten by police"
            actor = actor or actors.descriptor(agent)
            recipient = recipient or actors.descriptor(subj)
        elif pattern.type == "MOBILIZE":  # "Bangladeshi peacekeepers were stationed in X"
            actor, recipient = recipient or actors.descriptor(subj), ()
        if not recipient and args.reduced_passive(tok):
            actor = ()  # "a bill signed by X": a participle on no named party is background
    else:
        actor = actors.refs(subj) or actors.nearest_before(tok, subj)
        actor = actor or _descriptor(subj, actors, lex)
        if not actor and (outer := _purpose_subject(tok, lex)) is not None:
            actor = actors.refs(outer) or _descriptor(outer, actors, lex)
        recipient = _recipients(tok, pattern, actors, skip=light_obj)
        if not recipient and light_obj is None:  # "arrested dozens of protesters"
            obj = first(tok, "dobj")
            recipient = actors.descriptor(obj) or actors.descriptor(_object_head(obj))
        if not recipient:
            recipient = _prep_descriptor(tok, pattern, actors)
        if pattern.clausal == "verdict" and (verdict := _verdict(tok)) is not None:
            judged = first(verdict, "nsubj")  # "found the governor guilty"
            recipient = actors.refs(judged) or actors.descriptor(judged) or recipient
    if pattern.roles == "host":
        actor, recipient = recipient, actor
    elif pattern.roles == "destination":
        dest = next((pobj for _, pobj in prep_objects(tok, (pattern.prep or "to",))), None)
        recipient = actors.refs(dest)
    elif pattern.roles == "reciprocal" and not passive:
        actor, recipient = reciprocal_sides(pattern, actor, recipient)
    ptype, mode = pattern.type, pattern.mode
    if tok.lemma_.lower() in lex.cue("intent_verbs"):
        comp = first(tok, "xcomp")
        if comp is not None and comp.lemma_.lower() in lex.cue("hostile_intents"):
            ptype, mode = "THREATEN", "violence"
    cand = EventCandidate(pattern, tok, tok, actor, recipient, ptype, mode)
    cand.asserted = args.reduced_passive(tok)  # "a captain detained by X": it happened
    return cand


def _prep_descriptor(verb: Token, pattern: Pattern, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "Police fired tear gas at farmers", "troops opened fire on villagers": the role noun
    under one of the pattern's recipient prepositions of the verb itself, when no actor is
    named there (the object's descriptor is tried before)."""
    preps = pattern.recipient or _DEFAULT_RECIPIENT_PREPS
    for _, pobj in prep_objects(verb, preps):
        if not companions(pobj.head) and (found := actors.descriptor(pobj)):
            return found
    return ()


def _purpose_subject(verb: Token, lex: EventLexicon) -> Token | None:
    """ "Riot police used water cannon to disperse the crowd": a purpose infinitive with no
    subject of its own is done by the subject of the clause it serves (the parser hangs it
    as an adverbial clause, or as a complement of "use")."""
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in verb.children):
        return None
    means = verb.dep_ == "xcomp" and head.lemma_.lower() in lex.cue("means_verbs")
    if not means and verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    outer, passive = subject(head)
    return None if passive else outer


def _descriptor(subj: Token | None, actors: ActorIndex, lex: EventLexicon) -> tuple[ActorRef, ...]:
    """The role noun a subject names when no actor is named: through a count ("thousands of
    protesters"), a role head ("leaders of the opposition coalition": the coalition) or a
    body named by its kind ("the opposition coalition": the opposition)."""
    head = _object_head(subj)
    if head is None:
        return ()
    if found := _body(head, actors, lex):
        return found
    if head.lemma_.lower() not in lex.cue("role_heads"):
        return ()
    return next(
        (r for _, pobj in prep_objects(head, ("of",)) if (r := _body(pobj, actors, lex))), ()
    )


def _body(tok: Token, actors: ActorIndex, lex: EventLexicon) -> tuple[ActorRef, ...]:
    if found := actors.descriptor(tok):
        return found
    if tok.lemma_.lower() not in lex.cue("body_heads"):
        return ()
    mods = (m for m in tok.children if m.dep_ in ("compound", "amod"))
    return next((r for m in mods if (r := actors.descriptor(m))), ())


def reciprocal_sides(
    pattern: Pattern, actor: tuple[ActorRef, ...], recipient: tuple[ActorRef, ...]
) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """Who is actor and who recipient of a two-sided verb or noun. A meeting the text tells
    from one side ("X met Y", "X held talks with Y", "X phoned Y") is coded, as CAMEO and the
    PLOVER gold records code it, from the subject to the party met; only when the text names
    the sides together ("X and Y met", "talks between X and Y") are all of them actors with
    no recipient (the PLOVER manual's rule for a meeting with no host or visitor). Violence
    between two sides ("clashed with") stays mutual: both are actors."""
    if pattern.type == "CONSULT" and actor and recipient:
        ids = {a.id for a in actor}
        others = tuple(r for r in recipient if r.id not in ids)
        if others:
            return actor, others
    return unique((*actor, *recipient)), ()


def _generated_candidate(
    tok: Token, pattern: Pattern, subj: Token | None, passive: bool, actors: ActorIndex
) -> EventCandidate:
    """A generated verb has no argument rules of its own: both sides must be named by the
    parse itself (subject or "by" agent, and object, passive subject or an object of the
    usual prepositions), so a broad vocabulary does not turn every sentence into an event."""
    if passive:
        agent = next((pobj for _, pobj in prep_objects(tok, ("by",))), None)
        actor, recipient = actors.refs(agent), actors.refs(subj)
    else:
        actor, recipient = actors.refs(subj), _recipients(tok, pattern, actors, skip=None)
    if not recipient or not _political(actor) or not _political(recipient):
        actor = ()  # a product launch between a firm and its iPhone is no political event
    return EventCandidate(pattern, tok, tok, actor, recipient, pattern.type, pattern.mode)


def _political(refs: tuple[ActorRef, ...]) -> bool:
    """Actors PLOVER codes: with a country or a sector."""
    return any(r.country or r.sector for r in refs)


def _noun_candidate(
    tok: Token, pattern: Pattern, light: Token | None, actors: ActorIndex, lex: EventLexicon
) -> EventCandidate | None:
    if pattern.type == "AGREE" and tok.dep_ == "pobj" and tok.head.lower_ in _IN_FORCE_PREPS:
        return None  # "trading under their trade agreement": a deal in force, not made here
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _occasion(tok.head.head):
        return None  # "on the sidelines of the G20 summit", "ahead of a banned march"
    own = own_actor(tok, actors)
    clause: Token
    if light is not None:
        clause = light
        subj, passive = subject(light)
        if not own and not passive:
            own = actors.refs(subj) or actors.nearest_before(light, subj)
            own = own or _descriptor(subj, actors, lex)
        actor = own
    elif own:
        actor, clause = own, args.clause_head(tok)
    elif pattern.roles == "reciprocal" and (sides := _between(tok, actors)):
        actor, clause = sides, args.clause_head(tok)  # "clashes between X and Y"
    elif _undergoes(tok, lex) and (giver := _from_verb(tok.head, actors)):
        actor, clause = giver, tok.head  # "Russia took delivery of drones from Iran"
    elif (trip := _trip_clause(tok, pattern)) is not None:
        clause, traveller = trip  # "X, on a visit to Vilnius, said ...": X is the visitor
        actor = actors.refs(traveller) or _descriptor(traveller, actors, lex)
    elif (responder := _response_means(tok)) is not None:
        clause = tok.head.head  # "Israel responded with air strikes": Israel struck
        actor = actors.refs(responder) or _descriptor(responder, actors, lex)
    elif tok.dep_ == "pobj" and tok.head.lower_ in _NOUN_UNDER_VERB_PREPS:
        if tok.head.lower_ == "at" and not _with_counterpart(tok, actors):
            return None  # "blocked the package at a summit": the venue of another act
        clause = tok.head.head
        if clause.pos_ != "VERB":
            return None
        if tok.head.lower_ == "in" and _verb_pattern(clause, lex) is not None:
            return None  # "detained the mayor in a corruption probe": the act's setting
        actor = actors.refs(subject(clause)[0])
    else:
        return None
    recipient = _recipients(tok, pattern, actors, skip=None)
    if not recipient and _undergoes(tok, lex):
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        recipient = actors.refs(subject(verb)[0])  # "Iran faces an attack from Israel"
    if not recipient and light is not None:
        recipient = _recipients(light, pattern, actors, skip=tok)
    recipient = tuple(r for r in recipient if r not in actor)
    if pattern.roles == "reciprocal":
        actor, recipient = reciprocal_sides(pattern, actor, recipient)
    cand = EventCandidate(
        pattern, tok, clause, actor, recipient, pattern.type, pattern.mode, light=True
    )
    cand.clause_dated = light is not None or not _argument_of_event(tok, clause, lex)
    return cand


def _response_means(noun: Token) -> Token | None:
    """The subject of "responded/retaliated with <event noun>": the noun is the act the subject
    answered with, so its actor (a "with" phrase of any other verb is a companion or a means
    of another act and stays no event)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ != "VERB":
        return None
    if prep.head.lemma_.lower() not in lexicon().cue("answered_with_verbs"):
        return None
    subj, passive = subject(prep.head)
    return None if passive else subj


# Prepositions that put a visit noun as the circumstance of what its subject does ("X, on a
# visit to Y, said", "during a trip to Y, X met Z"), and the compound one "in the course of".
_TRIP_PREPS = frozenset({"on", "during"})


def _trip_clause(noun: Token, pattern: Pattern) -> tuple[Token, Token] | None:
    """The clause a visit noun with no actor of its own is the circumstance of, and the
    subject who makes the visit: PLOVER codes the visit (CONSULT, the host as recipient) with
    the visitor as actor, and the text names the visitor only as the subject of the clause
    ("Scholz, on a visit to Vilnius, said ...", "The minister, on a two-day trip to Qatar,
    signed ..."). The phrase may hang on the verb or, as an apposition-like aside, on the subject
    itself."""
    if pattern.type != "CONSULT" or pattern.mode != "visit" or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ == "course" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the course of his visit to Japan"
        if prep.lower_ != "in":
            return None
    elif prep.lower_ not in _TRIP_PREPS:
        return None
    host = prep.head
    if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("nsubj", "nsubjpass"):
        return host.head, host  # "Scholz, on a visit to Vilnius, said"
    if host.pos_ != "VERB":
        return None
    traveller = subject(host)[0]
    return (host, traveller) if traveller is not None else None


# Words that make an event noun after "of" the occasion another act is timed or placed by.
_OCCASION_WORDS = frozenset({"sideline", "sidelines", "margin", "margins", "eve", "ahead"})


def _occasion(word: Token) -> bool:
    return word.lower_ in _OCCASION_WORDS or word.lemma_.lower() in _OCCASION_WORDS


def _with_counterpart(noun: Token, actors: ActorIndex) -> bool:
    """ "said at talks with Chile": the noun is a meeting the clause's subject held with a
    named party, not only the setting of what the subject did."""
    return any(actors.refs(p) for _, p in prep_objects(noun, ("with",)))


def _from_verb(verb: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    return unique(r for _, pobj in prep_objects(verb, ("from", "by")) for r in actors.refs(pobj))


def _undergoes(noun: Token, lex: EventLexicon) -> bool:
    """ "Iran faces an attack", "Iran braces for a strike": the governing verb's subject
    undergoes the event."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB":
        return noun.head.head.lemma_.lower() in lex.cue("brace_verbs")
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex.cue("undergo_verbs")


def _argument_of_event(noun: Token, clause: Token, lex: EventLexicon) -> bool:
    """ "condemned the US strikes", "told him about the attack": the noun is what another
    event or a speech act is about, so that act's date is not the noun's."""
    lemma = clause.lemma_.lower()
    if noun.dep_ in _ARGUMENT_DEPS and (lemma in lex.verbs or lemma in lex.cue("speech_verbs")):
        return True
    return _judged(noun, clause, lex)


def _judged(noun: Token, clause: Token, lex: EventLexicon) -> bool:
    """ "(X said on Friday) there was no justification for the US shelling", "the strike was
    a violation": an act inside a judging copula's predicate is what the sentence judges; the
    copula's time is the judgement's (often misattached from the speech verb), not the act's.
    The act as the subject ("the shelling was on Friday") or in a predicate that places it
    ("was a response to X's strike on Sept. 27") keeps the clause's time."""
    if clause.lemma_.lower() != "be":
        return False
    judging = lex.cue("disapproval_words")
    existential = any(e.dep_ == "expl" for e in clause.children)
    return any(
        x.dep_ in ("attr", "acomp")
        and noun in x.subtree
        and noun != x
        and (existential or x.lemma_.lower() in judging)
        for x in clause.children
    )


def _between(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    return unique(r for _, pobj in prep_objects(noun, ("between",)) for r in actors.refs(pobj))


#: The parts of speech a trigger has: `_verb_pattern` and the speech readers take verbs,
#: `_noun_pattern` nouns and proper nouns; skipping the other tokens (most of a text) first
#: leaves what `candidates` finds as it was.
_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})


def candidates(doc: Doc, actors: ActorIndex, lex: EventLexicon) -> list[EventCandidate]:
    """Every trigger in `doc` read from the parse, then the type rules of `rules.RULES` in
    order; only candidates with an actor are kept."""
    found: list[EventCandidate] = []
    for tok in doc:
        if tok.pos_ not in _TRIGGER_POS:
            continue  # every reader below returns None for another word at once
        cand: EventCandidate | None = None
        if (pattern := _verb_pattern(tok, lex)) is not None:
            cand = _verb_candidate(tok, pattern, actors, lex)
        elif actors.covering(tok) is not None or tok.ent_type_ in ("DATE", "TIME"):
            pass  # a word of a name ("Asia-Pacific Economic Cooperation", "March") is no trigger
        elif (hit := _noun_pattern(tok, lex)) is not None:
            cand = _noun_candidate(tok, hit[0], hit[1], actors, lex)
        else:
            cand = speech_request(tok, actors, lex) or speech_accuse(tok, actors, lex)
            cand = cand or _directive(tok, actors)
        if cand is not None:
            found.append(cand)
    return apply_rules(found, RuleContext(doc, actors, lex))


def _directive(verb: Token, actors: ActorIndex) -> EventCandidate | None:
    """ "China told the United States to stop arming Taiwan", "Kenya instructed the envoy to
    leave": a verb of telling with an object and a "to" infinitive asks the object to act, a
    REQUEST from the subject to the object (PLOVER's demand). Telling one's own side ("told
    its diplomats to return") is no request between parties."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon().cue("directive_verbs"):
        return None
    comp = first(verb, "xcomp")
    if comp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        return None
    subj, passive = subject(verb)
    if passive:
        return None
    told = first(verb, "dobj", "dative")
    if told is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in told.children):
        return None  # "told its diplomats to return": the teller's own people
    teller, addressee = actors.refs(subj), actors.refs(told) or actors.descriptor(told)
    if not teller or not addressee:
        return None
    if {r.country or r.id for r in teller} & {r.country or r.id for r in addressee}:
        return None
    pattern = Pattern(lemma=verb.lemma_.lower(), type="REQUEST", pos="verb")
    cand = EventCandidate(pattern, verb, verb, teller, addressee, "REQUEST", None)
    cand.from_speech = True
    return cand


def _keywords(cand: EventCandidate) -> set[str]:
    scope = cand.clause
    if scope.dep_ in ("xcomp", "advcl") and scope.head.pos_ == "VERB":
        scope = scope.head
    subtree = list(scope.subtree)  # walked once, read three times
    words = {t.lemma_.lower() for t in subtree} | {t.lower_ for t in subtree}
    lowered = " ".join(t.lower_ for t in subtree)
    return words | {w for w in ("human rights",) if w in lowered}


def decorate(cand: EventCandidate, lex: EventLexicon) -> EventCandidate:
    """Mode from cue words when the pattern gives none; contexts from the clause's words."""
    words = _keywords(cand)
    if cand.mode is None:
        for mode, cues in lex.mode_cues.get(cand.type, {}).items():
            if words & cues:
                cand.mode = mode
                break
    cand.context = set(cand.pattern.context)
    cand.context |= {ctx for ctx, cues in lex.contexts.items() if words & cues}
    return cand


def reciprocal_visit(cand: EventCandidate, place: Place | None) -> EventCandidate:
    """A meeting in one side's country: the others are visitors (actor), it is the host. A
    meeting told from one side ("X met Y in Z") keeps its sides and is a third-party
    meeting when Z is neither side's country."""
    if cand.type != "CONSULT" or place is None or place.country is None:
        return cand
    if cand.recipient:
        sides = {a.country for a in (*cand.actor, *cand.recipient)}
        if cand.mode is None and cand.pattern.roles == "reciprocal" and None not in sides:
            cand.mode = "third-party" if place.country not in sides else None
        return cand
    hosts = tuple(a for a in cand.actor if a.country == place.country)
    guests = tuple(a for a in cand.actor if a.country != place.country)
    if any(a.country is None for a in guests):
        return cand  # a guest of unknown country may be from the host country too
    if hosts and guests:
        cand.actor, cand.recipient, cand.mode = guests, hosts, "visit"
    elif guests and len(guests) > 1 and cand.mode is None:
        cand.mode = "third-party"
    return cand


@dataclass(frozen=True)
class CodingContext:
    """What the coder knows about the article beyond the parse."""

    article_id: str
    published: str | None
    kind: str
    quote_spans: Intervals  # direct quotes
    sentence_of: dict[int, int]


def to_mention(
    cand: EventCandidate,
    ctx: CodingContext,
    timexes: TimexIndex,
    actors: ActorIndex,
    lex: EventLexicon,
) -> EventMention:
    place = event_place(cand.clause, actors, lex)
    cand = reciprocal_visit(decorate(cand, lex), place)
    in_quote = ctx.quote_spans.covers(cand.trigger.idx)
    anchor = cand.clause if cand.light or cand.clause == cand.trigger else cand.trigger
    if anchor != cand.trigger and presupposed_below(cand.trigger, anchor):
        anchor = cand.trigger  # "talks following the US aggression": the aggression happened
    mod: Modality = modality(anchor, lex, kind=ctx.kind, in_quote=in_quote)
    if cand.asserted and mod in ("negated", "planned"):
        mod = "asserted"  # "would not meet the demands" is a refusal that happened
    if cand.trigger != anchor and mod not in ("negated", "hypothetical") and not cand.asserted:
        own = modality(cand.trigger, lex, kind=ctx.kind, in_quote=in_quote)
        if mod == "asserted":
            mod = "asserted" if own == "planned" and is_past(anchor) else own
        elif own == "hypothetical":
            mod = own  # "can take control upon repayment of the loans": a condition below
    tx = timexes.in_phrase(cand.trigger) if cand.trigger.pos_ == "NOUN" else None
    if tx is None and cand.clause_dated and (cand.light or cand.trigger.pos_ == "VERB"):
        tx = timexes.of_clause(cand.clause)
    date, precision = (tx.date, tx.precision) if tx else report_date(ctx.published)
    sent = cand.trigger.sent
    clause = cand.clause if cand.clause.sent == sent else cand.trigger
    inside = [t.i for t in clause.subtree]
    left, right = max(sent.start, min(inside)), min(sent.end - 1, max(inside))
    span = cand.trigger.doc[left : right + 1]
    onto = ontology()
    return EventMention(
        id=content_id("evm", ctx.article_id, cand.trigger.idx, cand.type),
        type=cand.type,
        mode=cand.mode,
        context=tuple(sorted(cand.context)),
        actor=cand.actor,
        recipient=cand.recipient,
        date=date,
        date_precision=precision,
        location=place,
        modality=mod,
        cameo=(
            cand.pattern.cameo
            if cand.pattern.generated and cand.type == cand.pattern.type
            else onto.cameo(cand.type, cand.mode)
        ),
        goldstein=onto.goldstein(cand.type),
        content=cand.content,
        trigger=cand.trigger.text,
        evidence=Evidence(
            article=ctx.article_id,
            sentence=ctx.sentence_of.get(sent.start, 0),
            start=span.start_char,
            end=span.end_char,
            text=span.text,
        ),
    )
