"""Rules for meetings (PLOVER CONSULT): which party is a side of a meeting, and what a meeting
named as the setting of another act says about that act's other side (#11)."""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, prep_objects, subject, unique
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext, excluding
from eventline.model import ActorRef


def venue_is_no_party(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
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


def meeting_side_met(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Lavrov held talks with his Iranian counterpart", Lavrov unknown to the actor layer:
    the party named only after "with" is the side met, never the one meeting; with no other
    side named the meeting has no actor (and is dropped) rather than the wrong one."""
    for c in cands:
        if c.type != "CONSULT" or c.recipient or not c.actor:
            continue
        holders = dict.fromkeys((c.trigger, c.clause))
        met = {
            r.id for h in holders for _, p in prep_objects(h, ("with",)) for r in ctx.actors.refs(p)
        }
        if met and {a.id for a in c.actor} <= met:
            c.actor, c.recipient = (), c.actor
    return cands


# Prepositions that set an act inside a meeting ("during the talks, X told Y ...").
_SETTING_PREPS = frozenset({"during", "at", "in", "on", "after"})
# Acts whose other party is the meeting's other side when done during it.
_TABLE_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT", "AID", "CONCEDE"})


def meeting_setting(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "During the meeting in Ashgabat, Putin hailed relations with Iran", "At the talks, X
    told Y that ...": a meeting named as the setting of an act with one side only has as its
    other side the party the act is done to or told to, when the act is cooperative or speech
    (a hostile act during a meeting may be aimed at a third party)."""
    by_verb = {c.trigger.i: c for c in cands if c.trigger.pos_ == "VERB" and c.actor}
    for c in cands:
        if c.type != "CONSULT" or c.recipient or c.trigger.pos_ != "NOUN" or len(c.actor) > 1:
            continue
        prep = c.trigger.head
        if c.trigger.dep_ != "pobj" or prep.lower_ not in _SETTING_PREPS:
            continue
        verb = prep.head
        if verb.pos_ != "VERB":
            continue
        act = by_verb.get(verb.i)
        if act is not None and act.type in _TABLE_TYPES and _same(act.actor, c.actor):
            c.recipient = excluding(act.recipient, c.actor)
        elif act is None and verb.lemma_.lower() in ctx.lex.cue("speech_verbs"):
            listener = ctx.actors.refs(first(verb, "dative", "dobj"))
            if _same(ctx.actors.refs(subject(verb)[0]), c.actor):
                c.recipient = excluding(listener, c.actor)
    return cands


def _same(one: tuple[ActorRef, ...], other: tuple[ActorRef, ...]) -> bool:
    return bool(one) and {a.id for a in one} == {a.id for a in other}


def own_meeting(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The central bank will keep rates unchanged at its meeting", "the cabinet at its
    weekly session": a body's own meeting, with no other side, is no CONSULT between
    parties."""
    return [c for c in cands if not _own_meeting(c)]


def _own_meeting(c: EventCandidate) -> bool:
    if c.type != "CONSULT" or c.trigger.pos_ != "NOUN" or c.recipient or len(c.actor) != 1:
        return False
    poss = first(c.trigger, "poss")
    return poss is not None and poss.pos_ == "PRON"


def discussed_topic(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The presidents discussed Iran", "Syria was discussed by the two leaders": what a
    verb of discussing takes as its object (or passive subject) is the topic talked about, not
    a side of the talks; only a "with" phrase names the side met ("discussed Syria with
    Erdogan"). A party that is only the topic is dropped from both sides."""
    for c in cands:
        tok = c.trigger
        if c.type != "CONSULT" or tok.pos_ != "VERB":
            continue
        if tok.lemma_.lower() not in ctx.lex.cue("topic_verbs"):
            continue
        subj, passive = subject(tok)
        topic = subj if passive else first(tok, "dobj")
        if topic is None:
            continue
        talked = {r.id for r in ctx.actors.refs(topic)}
        # "discussed Syria with Erdogan": the parser may hang the side met on the topic
        withs = [p for h in (tok, topic) for _, p in prep_objects(h, ("with",))]
        met = tuple(r for p in withs for r in ctx.actors.refs(p))
        talked -= {r.id for r in met}
        if not talked:
            continue
        c.actor = tuple(a for a in c.actor if a.id not in talked)
        ids = {a.id for a in c.actor}
        kept = [r for r in c.recipient if r.id not in talked]
        kept += [r for r in met if r.id not in ids and r not in kept]
        c.recipient = tuple(kept)
    return cands


# Plural role nouns that stand for the leaders named just before ("the presidents").
_LEADER_SECTORS = frozenset({"GOV"})
_PAIR_WORDS = frozenset({"two", "both"})
_PERSON_SECTORS = frozenset({"GOV", "ELI"})  # a leader out of office is coded ELI


# Acts two leaders do together ("the two leaders met / signed agreements / agreed to ...").
_JOINT_TYPES = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE"})


def plural_leaders(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Trump had not told Putin ... The topic was discussed by the presidents": a meeting
    whose side is a plural leader noun with a definite article or "both"/"two" ("the
    presidents", "both leaders"), naming no one itself, is between the last two state
    persons named before it in the text (within the two sentences before), not a
    countryless or guessed group; so is what the two do together ("the two leaders signed
    agreements on trade", "both presidents agreed to ...")."""
    for c in cands:
        if c.type not in _JOINT_TYPES:
            continue
        head = _plural_leader_head(c, ctx)
        if head is None:
            continue
        pair = _last_two_leaders(head, ctx)
        if pair:
            ids = {p.id for p in pair}
            c.actor = pair
            c.recipient = tuple(r for r in c.recipient if r.id not in ids)
    return cands


def _plural_leader_head(c: EventCandidate, ctx: RuleContext) -> Token | None:
    """The meeting's side as a plural leader noun: the verb's subject or "by" agent."""
    tok = c.trigger
    if tok.pos_ != "VERB":
        return None
    subj, passive = subject(tok)
    if passive:
        subj = next((p for _, p in prep_objects(tok, ("by",))), None)
    if subj is None or subj.tag_ != "NNS":
        return None
    if subj.lemma_.lower() not in ctx.lex.cue("leader_nouns"):
        return None
    ref = ctx.actors.covering(subj)
    if ref is not None and not ref.id.startswith("desc:"):
        return None  # "the Iranian leaders" is named by the actor layer
    if any(x.dep_ in ("amod", "compound", "poss") for x in subj.children):
        return None  # "the Gulf leaders", "their presidents": a group of its own
    marks = {x.lower_ for x in subj.children if x.dep_ in ("det", "nummod", "predet")}
    return subj if marks & ({"the"} | _PAIR_WORDS) else None


def _last_two_leaders(tok: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    sents = list(tok.doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    start = sents[max(0, here - 2)].start
    found: list[ActorRef] = []
    for i, ref in reversed(ctx.actors.persons):
        if i >= tok.i or i < start:
            continue
        if ref.sector in _PERSON_SECTORS and ref.country and ref.id not in {f.id for f in found}:
            found.append(ref)
        if len(found) == 2:
            break
    if len(found) < 2 or found[0].country == found[1].country:
        return ()
    return tuple(reversed(found))


# Prepositions of the means of a talk ("by telephone", "via video link", "over the phone").
_MEANS_PREPS = ("by", "via", "over", "on")


def means_partner(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Erdogan spoke by telephone with Zelenskiy": the parser may hang the side spoken with
    on the means of the talk rather than on the verb; that party is the meeting's other
    side."""
    for c in cands:
        tok = c.trigger
        if c.type != "CONSULT" or c.recipient or tok.pos_ != "VERB" or len(c.actor) > 1:
            continue
        means = [p for _, p in prep_objects(tok, _MEANS_PREPS)]
        ids = {a.id for a in c.actor}
        met = [r for m in means for _, p in prep_objects(m, ("with",)) for r in ctx.actors.refs(p)]
        c.recipient = tuple(r for r in met if r.id not in ids)
    return cands


# Prepositions that make a visit noun the circumstance of what a party does ("X, on a
# visit to Y, signed ...", "during a tour of Z, X met ...").
_TRIP_PREPS = frozenset({"on", "during"})


def aside_visit(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The Chilean minister, on a two-day visit to Buenos Aires, signed a deal": the
    visit told as an aside of another act is a visit of its own (PLOVER CONSULT visit,
    visitor to host), coded besides that act; a stop at home ("a campaign stop in Ohio")
    is no visit. The parser often hangs such an aside on a
    comma rather than on the subject or the verb, so the trigger reader finds no visitor;
    the visitor is the subject the aside follows, or the subject of the verb it hangs on."""
    taken = {c.trigger.i for c in cands}
    for noun in ctx.doc:
        pattern = _visit_pattern(noun, ctx)
        if pattern is None or noun.i in taken or noun.dep_ != "pobj":
            continue
        if noun.head.lower_ not in _TRIP_PREPS:
            continue
        found = _visitor(noun.head)
        if found is None:
            continue
        clause, traveller = found
        actor = ctx.actors.refs(traveller) or ctx.actors.descriptor(traveller)
        preps = pattern.recipient or ("to",)
        hosts = unique(r for _, p in prep_objects(noun, preps) for r in ctx.actors.refs(p))
        homes = {a.country for a in actor if a.country}
        recipient = tuple(h for h in excluding(hosts, actor) if _abroad(h, homes))
        if actor and recipient:
            cands.append(
                EventCandidate(pattern, noun, clause, actor, recipient, "CONSULT", "visit", True)
            )
    return cands


def _abroad(host: ActorRef, homes: set[str]) -> bool:
    """A host of another country, or an international body ("a visit to NATO"); a place the
    actor layer gives no country ("his home state of Pernambuco") is no foreign host."""
    if host.sector == "IGO":
        return True
    return host.country is not None and host.country not in homes


def _visit_pattern(noun: Token, ctx: RuleContext) -> Pattern | None:
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    pats = ctx.lex.nouns.get(lemma, ())
    found = next((p for p in pats if p.type == "CONSULT" and p.mode == "visit"), None)
    if found is None and lemma in ctx.lex.cue("aside_visit_nouns"):
        # "during a stop in Beirut": a visit only as such an aside ("a stop to the fighting"
        # is none)
        found = Pattern(lemma, "CONSULT", "noun", mode="visit", recipient=("in", "to"))
    return found


def _visitor(prep: Token) -> tuple[Token, Token] | None:
    """The clause an aside visit belongs to and the subject who makes it: through a comma
    the parser hung it on, to the subject noun ("The minister, on a visit ...") or the verb."""
    host = prep.head
    while host.pos_ == "PUNCT" and host.head != host:
        host = host.head
    if host.pos_ in ("NOUN", "PROPN") and host.dep_ in ("nsubj", "nsubjpass"):
        return host.head, host
    if host.pos_ == "VERB" and (subj := subject(host)[0]) is not None:
        return host, subj
    return None


# Prepositions that make a phone call the setting of what its maker says or does ("demanded
# in a telephone call with X", "said after a phone call with X").
_CALL_PREPS = frozenset({"in", "during", "after", "on", "over"})


def call_as_setting(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Kishida demanded in a telephone call with Li Qiang that ...", "the Kremlin said after
    a phone call with Niinisto", "Kishida told his Sri Lankan counterpart by telephone":
    the call in which an act is done is a consultation of its own (PLOVER CONSULT phone,
    between the one acting and the party called), coded besides the act it frames."""
    taken = {c.trigger.i for c in cands}
    talks = {c.trigger.i for c in cands if c.type == "CONSULT"}  # "spoke by phone": coded
    calls = ctx.lex.cue("call_media")
    for tok in ctx.doc:
        if tok.i in taken or tok.dep_ != "pobj":
            continue
        found: tuple[Token, tuple[ActorRef, ...]] | None = None
        if tok.head.lower_ in _CALL_PREPS and _phone_call(tok, calls):
            found = _caller_verb(tok.head), _with_party(tok, ctx)
        elif tok.head.lower_ == "by" and tok.lemma_.lower() in calls:
            verb = tok.head.head
            obj = first(verb, "dobj", "dative") if verb.pos_ == "VERB" else None
            found = verb, (ctx.actors.refs(obj) if obj is not None else _with_party(verb, ctx))
        if found is None or found[0].pos_ != "VERB" or found[0].i in talks:
            continue
        verb, called = found
        actor = ctx.actors.refs(subject(verb)[0])
        recipient = excluding(called, actor)
        if actor and recipient and _addressed_again(tok, verb, recipient, ctx):
            pattern = Pattern(tok.lemma_.lower(), "CONSULT", "noun", mode="phone")
            call = EventCandidate(pattern, tok, verb, actor, recipient, "CONSULT", "phone", True)
            cands.append(call)  # light: the call is dated and hedged by the verb it frames
            taken.add(tok.i)
    return cands


def _addressed_again(
    call: Token, verb: Token, called: tuple[ActorRef, ...], ctx: RuleContext
) -> bool:
    """The act done in the call is addressed to the party called, which the sentence names
    again outside the call ("demanded in a call with Li that Beijing lift its ban", "told
    his Sri Lankan counterpart by telephone that Japan would lend Sri Lanka ..."); a call
    only mentioned beside an act aimed elsewhere ("condemned Israel's strikes in a call
    with Erdogan") is left to the act."""
    countries = {r.country for r in called if r.country}
    inside = {t.i for t in call.subtree}
    if call.head.lower_ == "by":
        inside |= {t.i for k in verb.children if k.dep_ in ("dobj", "dative") for t in k.subtree}
    for tok in verb.sent:
        if tok.i in inside:
            continue
        ref = ctx.actors.covering(tok)
        if ref is not None and (ref.country in countries or ref in called):
            return True
    return False


def _phone_call(noun: Token, calls: frozenset[str]) -> bool:
    """ "a (tele)phone call", "a video conversation": a call by a medium of distance."""
    if noun.lemma_.lower() not in ("call", "conversation", "conference"):
        return False
    return any(k.lemma_.lower() in calls for k in noun.children if k.dep_ in ("compound", "amod"))


def _caller_verb(prep: Token) -> Token:
    host = prep.head
    while host.pos_ == "PUNCT" and host.head != host:
        host = host.head
    return host


def _with_party(tok: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    return unique(r for _, p in prep_objects(tok, ("with",)) for r in ctx.actors.refs(p))


def toured_places(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "toured the flood damage", "gave journalists a tour of the destroyed village",
    "toured frontline positions": a tour of a site is an inspection, not a visit to a host;
    a tour is a visit only when it names a host or a country or region toured ("toured
    Nigeria and Ghana", "began a tour of West Africa")."""
    tours = ctx.lex.cue("tour_words")
    return [
        c
        for c in cands
        if not (
            c.type == "CONSULT"
            and c.trigger.lemma_.lower() in tours
            and not c.recipient
            and not any(_a_region(t) for t in _toured(c.trigger))
        )
    ]


def _toured(tok: Token) -> list[Token]:
    if tok.pos_ == "VERB":
        found = [k for k in tok.children if k.dep_ == "dobj"]
    else:
        found = [p for _, p in prep_objects(tok, ("of", "to", "through", "across"))]
    return [t for f in found for t in (f, *f.conjuncts)]


def _a_region(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "LOC") or any(
        k.ent_type_ in ("GPE", "LOC") for k in tok.children
    )
