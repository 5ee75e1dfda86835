"""Rules for event words that report no act, or another act than their own (#11).

Run after every other family (`rules.RULES`), so they see candidates whose parties every
earlier rule has settled:

- `figurative_object`: a force verb whose object is a deal, a plan, a bill or hopes reports
  no violence. A political actor that "killed" or "scrapped" such a thing cancelled it
  (PLOVER REJECT), one that "attacked" it criticised it (ACCUSE disapprove); anything else
  ("the scandal crushed hopes of a settlement") is no event.
- `requested_content`: a noun of giving under a request verb ("sought aid from the
  government", "appealed for help") names what was asked for, not aid given. The request
  is the event (REQUEST, mode assist for aid), from the requester to the party asked.
- `habitual`: a present-tense verb with a frequency adverb ("the two often agree on ...",
  "usually consult each other") or under "tend to" states a habit, not an act.
- `generic_description`: a bare plural kind doing something in the simple present with no
  time ("sub-prime lenders provide mortgages to people who ...") is background.
- `relationship_talk`: "the two actively cooperate" in the simple present describes a
  relationship (verbal SUPPORT), not a material COOPERATE.
- `stake_threat`: "X threatens national security", "poses a threat to democracy" describe a
  danger; PLOVER THREATEN is a threat of action by one party to another.
- `sports_contest`: teams that beat, attack or meet each other in a match or a league.

Hedged events (conditions, forecasts, conjecture) are a matter of modality: see
`modality.py`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventline.events.args import first, prep_objects, subject, unique
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext, is_weapon
from eventline.events.rules_parties import political_party
from eventline.model import ActorRef

_FORCE = frozenset({"ASSAULT", "COERCE"})
# Types whose noun, when asked for, is the content of a request rather than an act.
_GIVING = frozenset({"AID", "COOPERATE", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"})
_FOR_GOVERNED = frozenset({"for"})
_PRESENT_SIMPLE = frozenset({"VBP", "VBZ"})


def figurative_object(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The ministry killed the pipeline deal" is a cancellation (REJECT) and "the senator
    attacked the plan" a criticism (ACCUSE) when the actor is political; "the row destroyed
    hopes of a deal" is no event."""
    kept = []
    for c in cands:
        obj = _figurative_object(c, ctx)
        if obj is None:
            kept.append(c)
            continue
        if not any(political_party(a) for a in c.actor):
            continue
        lemma = c.trigger.lemma_.lower()
        if not _listed(obj, ctx.lex.cue("cancellable_objects")):
            continue  # "crushed hopes of a settlement"
        if lemma in ctx.lex.cue("cancel_force_verbs"):
            c.type, c.mode = "REJECT", None
        elif lemma in ctx.lex.cue("criticise_force_verbs"):
            c.type, c.mode = "ACCUSE", "disapprove"
        else:
            continue
        c.context.discard("military")
        kept.append(c)
    return kept


def _figurative_object(c: EventCandidate, ctx: RuleContext) -> Token | None:
    """The abstract thing a force verb acts on (its object, or its passive subject), when
    that thing is no party."""
    if c.type not in _FORCE or c.trigger.pos_ != "VERB":
        return None
    if c.trigger.lemma_.lower() not in ctx.lex.cue("figurative_force_verbs"):
        return None
    subj, passive = subject(c.trigger)
    obj = subj if passive else first(c.trigger, "dobj")
    if obj is None or ctx.actors.refs(obj) or ctx.actors.descriptor(obj):
        return None
    words = ctx.lex.cue("figurative_objects") | ctx.lex.cue("cancellable_objects")
    return obj if _listed(obj, words) else None


def _listed(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def requested_content(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A noun of giving asked for ("seek aid from X", "appealed for help") is the content
    of a request: the noun's event is dropped and the request carries it (mode assist for
    aid; the party asked from the noun's "from" phrase when the request names none). A
    request verb with no curated pattern becomes one when its subject is a political party."""
    requests = {c.trigger.i: c for c in cands if c.type == "REQUEST"}
    kept: list[EventCandidate] = []
    for c in cands:
        gov = _request_governor(c, ctx)
        if gov is None:
            kept.append(c)
            continue
        req = requests.get(gov.i) or _new_request(gov, ctx)
        if req is None:
            continue
        if req.trigger.i not in requests:
            requests[req.trigger.i] = req
            kept.append(req)
        if c.type == "AID" and req.mode is None:
            req.mode = "assist"
        if not req.recipient:
            asked = _asked(c.trigger, gov, ctx)
            ids = {a.id for a in req.actor}
            req.recipient = tuple(r for r in asked if r.id not in ids)
    for req in requests.values():
        if not req.recipient and req.trigger.pos_ == "VERB":
            req.recipient = _asked_through_content(req, ctx)
    return kept


def _asked_through_content(req: EventCandidate, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """ "appealed for help from Peru": the party asked hangs on what is asked for."""
    tok = req.trigger
    contents = [p for _, p in prep_objects(tok, ("for",))]
    contents += [x for x in tok.children if x.dep_ == "dobj" and not ctx.actors.refs(x)]
    ids = {a.id for a in req.actor}
    found = [r for n in contents for _, p in prep_objects(n, ("from",)) for r in ctx.actors.refs(p)]
    return tuple(r for r in unique(found) if r.id not in ids)


def _request_governor(c: EventCandidate, ctx: RuleContext) -> Token | None:
    tok = c.trigger
    if c.type not in _GIVING or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    verbs = ctx.lex.cue("request_governors")
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in verbs:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in _FOR_GOVERNED:
        gov = tok.head.head
        if gov.pos_ == "VERB" and gov.lemma_.lower() in verbs:
            return gov
    return None


def _asked(noun: Token, gov: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """The party a request is put to: "from X" on the noun or the verb, or the verb's object
    ("asked Peru for help")."""
    found = [r for _, pobj in prep_objects(noun, ("from",)) for r in ctx.actors.refs(pobj)]
    found += [r for _, pobj in prep_objects(gov, ("from", "to")) for r in ctx.actors.refs(pobj)]
    obj = first(gov, "dobj", "dative")
    if obj is not None and obj != noun:
        found += ctx.actors.refs(obj)
    return unique(found)


def _new_request(gov: Token, ctx: RuleContext) -> EventCandidate | None:
    subj, passive = subject(gov)
    actor = () if passive else ctx.actors.refs(subj)
    if not actor or not any(political_party(a) for a in actor):
        return None
    pattern = Pattern(lemma=gov.lemma_.lower(), type="REQUEST", pos="verb")
    return EventCandidate(pattern, gov, gov, actor, (), "REQUEST", None)


def habitual(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Moscow and Tehran often agree on their assessments": a habit is no act."""
    return [c for c in cands if not _habitual(c.trigger, ctx)]


def _habitual(tok: Token, ctx: RuleContext) -> bool:
    if tok.pos_ != "VERB":
        return False
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.lex.cue("habitual_verbs"):
        return tok.head.tag_ in _PRESENT_SIMPLE  # "they tend to agree"
    if tok.tag_ not in _PRESENT_SIMPLE:
        return False
    adverbs = ctx.lex.cue("habitual_adverbs")
    return any(x.dep_ == "advmod" and x.lower_ in adverbs for x in tok.children)


def generic_description(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Payday lenders offer short-term loans to workers who ...", "Sub-prime lenders provide
    mortgages to people who ...": a kind of actor named by a bare plural, doing something in
    the simple present with no time in its sentence and no named party on the other side,
    describes what such actors do (background), not an act that happened (#11). A headline
    ("Rebels attack army base") has no closing stop and stays; so does any act by or to a
    party the sentence places in a country ("Syrian rebels attack ...", "... attack Israel")."""
    return [c for c in cands if not _generic(c, ctx)]


def _generic(c: EventCandidate, ctx: RuleContext) -> bool:
    tok = c.trigger
    if tok.pos_ != "VERB" or tok.tag_ != "VBP" or tok.dep_ not in ("ROOT", "conj"):
        return False
    if any(x.dep_ in ("aux", "neg") for x in tok.children):
        return False  # "do provide", "don't attack": emphasis or denial of a specific claim
    subj = first(tok, "nsubj")
    if subj is None and tok.dep_ == "conj":
        subj = first(tok.head, "nsubj")
    if subj is None or not _bare_plural(subj):
        return False
    if _placed(tok, subj) or not _kind_of_thing(tok):
        return False
    sent = tok.sent
    if any(_time(e, subj) for e in sent.ents):
        return False
    ends = [t.text for t in sent if not t.is_space and not t.is_quote]
    return bool(ends) and ends[-1] in (".", "!")


def _placed(verb: Token, subj: Token) -> bool:
    """Whether the sentence itself places the kind or its counterpart in a country ("Syrian
    rebels attack ...", "... attack Israel", "lenders in Ohio"). A country the resolver took
    from the rest of the article ("lenders" in a story about the US) says nothing about whether
    this sentence tells an act or describes a kind, so it does not count."""
    words = list(subj.subtree)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "prep", "agent"):
            words.extend(child.subtree)
    return any(t.ent_type_ in ("GPE", "NORP") for t in words)


def _time(ent: Span, subj: Token) -> bool:
    """A date or time in the sentence, not a word of the kind's own name ("Payday lenders"),
    which a preposition does not open ("On Monday aid agencies ...", misparsed as one noun
    phrase, is a time)."""
    if ent.label_ not in ("DATE", "TIME"):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    opened = before is not None and before.pos_ == "ADP"
    return opened or not (subj.left_edge.i <= ent.root.i <= subj.i)


def _kind_of_thing(verb: Token) -> bool:
    """What the kind does is a kind of thing too: a bare object ("provide mortgages", "offer
    loans") or people described by a relative clause ("to people who ..."), not a particular
    one ("demand the resignation of the president")."""
    obj = first(verb, "dobj")
    if obj is not None and obj.pos_ == "NOUN" and not _determined(obj):
        return True
    return any(x.dep_ == "relcl" for _, p in prep_objects(verb, ("to", "for")) for x in p.children)


def _determined(tok: Token) -> bool:
    return any(x.dep_ in ("det", "poss", "nummod", "predet") for x in tok.children)


def _bare_plural(tok: Token) -> bool:
    """ "lenders", "sub-prime lenders": a plural common noun with no determiner, owner or
    number, so a kind rather than particular people."""
    return tok.tag_ == "NNS" and not tok.ent_type_ and not _determined(tok)


def relationship_talk(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Russia and Iran actively cooperate and often agree on their assessments": a verb of
    cooperation in the simple present with a manner adverb ("closely", "actively") or
    joined to a habit describes the relationship, not a material act; PLOVER codes such
    relationship statements as verbal support (SUPPORT), not COOPERATE."""
    for c in cands:
        if c.type == "COOPERATE" and _relationship(c.trigger, ctx):
            c.type, c.mode = "SUPPORT", None
            _speakers_side(c, ctx)
    return cands


def _speakers_side(c: EventCandidate, ctx: RuleContext) -> None:
    """ "'Moscow and Tehran actively cooperate,' the Russian president said": a statement of
    the relationship is verbal support by the one who makes it. When its speaker (of the
    quote, or the subject of the verb it is reported under) is of the country of one of the
    joined subjects, that side is the actor and the others are the recipient; a statement
    by an outsider ("the two actively cooperate," an analyst said) keeps both as actors."""
    if len(c.actor) < 2 or c.recipient:
        return
    speaker = ctx.actors.quote_speakers.get(c.trigger.i) or ctx.actors.reporting_subject(c.trigger)
    if speaker is None or not speaker.country:
        return
    own = tuple(a for a in c.actor if a.country == speaker.country)
    others = tuple(a for a in c.actor if a.country and a.country != speaker.country)
    if own and others and len(own) + len(others) == len(c.actor):
        c.actor, c.recipient = own, others


def _relationship(tok: Token, ctx: RuleContext) -> bool:
    if tok.pos_ != "VERB" or tok.tag_ not in _PRESENT_SIMPLE:
        return False
    if any(x.dep_ == "aux" for x in tok.children):
        return False  # "will cooperate", "do cooperate": a pledge or an emphasis, not a habit
    manner = ctx.lex.cue("relationship_adverbs")
    if any(x.dep_ == "advmod" and x.lower_ in manner for x in tok.children):
        return True
    return any(_habitual(x, ctx) for x in tok.conjuncts)


def stake_threat(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Smuggling threatens national security": a danger to a stake is no threat of action."""
    return [c for c in cands if not (c.type == "THREATEN" and _stake(c.trigger, ctx))]


def _stake(tok: Token, ctx: RuleContext) -> bool:
    if tok.lemma_.lower() not in ctx.lex.cue("stake_threat_words"):
        return False
    if any(x.dep_ in ("xcomp", "ccomp") for x in tok.children):
        return False  # "threatened to cut the gas": a threat of action
    if tok.pos_ == "VERB":
        obj = first(tok, "dobj")
        if _thing_subject(tok, ctx):
            return True  # "Trump's candidacy threatens the party": a danger, not a threat
    else:
        obj = next((p for _, p in prep_objects(tok, ("to", "for"))), None)
    return obj is not None and _listed(obj, ctx.lex.cue("stake_words"))


def _thing_subject(verb: Token, ctx: RuleContext) -> bool:
    """The subject of an active verb is a thing ("his candidacy", "the rhetoric", "the
    plan"): no actor or role noun, no person, no weapon; the party is named only as its
    owner, if at all."""
    subj, passive = subject(verb)
    if subj is None or passive or subj.pos_ != "NOUN":
        return False
    if ctx.actors.covering(subj) is not None or ctx.actors.descriptor(subj):
        return False
    return not is_weapon(subj, ctx.lex) and not subj.ent_type_


# A match score ("a 7-0 win", "won 3-1"): two small numbers joined by a hyphen.
_SCORE = re.compile(r"(?<![\d-])\d{1,2} ?- ?\d{1,2}(?![\d-])")
_SPORTS_PRONE = frozenset({"ASSAULT", "COERCE", "THREATEN", "CONSULT", "MOBILIZE", "REJECT"})


def sports_contest(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Chile beat Peru in the cup final", "the teams meet in the semifinal": a sentence
    about a match, with no weapon and only teams as parties (places, clubs: no sector of
    their own), reports sport."""
    return [c for c in cands if not _sport(c, ctx)]


def _sport(c: EventCandidate, ctx: RuleContext) -> bool:
    if c.type not in _SPORTS_PRONE:
        return False
    if any(p.sector and p.sector != "BUS" for p in (*c.actor, *c.recipient)):
        return False  # a state, armed or civilian party: "fans attacked police after the match"
    # a political body's own name is no sport word ("the Arab League", "the Muslim League")
    toks = [t for t in c.trigger.sent if not _political_name(t, ctx)]
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    if words & ctx.lex.cue("weapon_words"):
        return False
    return bool(words & ctx.lex.cue("sports_words")) or bool(_SCORE.search(c.trigger.sent.text))


def _political_name(tok: Token, ctx: RuleContext) -> bool:
    ref = ctx.actors.covering(tok)
    return ref is not None and ref.sector not in (None, "BUS")
