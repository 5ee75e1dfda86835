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

from eventline.events.args import (
    HOMELAND_NOUNS,
    ActorIndex,
    children,
    companions,
    first,
    is_person,
    prep_objects,
    speaks_for,
    subject,
    unique,
)
from eventline.events.args import clause_head as args_clause
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.dating import event_place
from eventline.events.patterns import EventLexicon
from eventline.events.rules_parties import BUSINESS, political_event
from eventline.events.rules_parties import political_party as political_party  # re-exported
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
    lex: EventLexicon


Rule = Callable[[list[EventCandidate], RuleContext], list[EventCandidate]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under `name`; rules run in registration order."""

    def register(func: Rule) -> Rule:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = func
        return func

    return register


def apply_rules(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    for func in RULES.values():
        cands = func(cands, ctx)
    return [c for c in cands if c.actor]


def _others(refs: tuple[ActorRef, ...], than: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    ids = {a.id for a in than}
    return tuple(r for r in refs if r.id not in ids)


@rule("sector_gate")
def sector_gate(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Verbs with common non-political uses ("speak with", "travel to") need an actor of a
    listed sector."""
    kept = []
    for c in cands:
        sectors = {a.sector for a in c.actor}
        if c.pattern.sectors and None not in sectors and not sectors & c.pattern.sectors:
            continue
        kept.append(c)
    return kept


@rule("detached_origin")
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
        c.recipient = _others(origin, c.actor)
    return cands


@rule("not_events")
def not_events(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Uses of event words that report no political event: a figurative threat ("threatens
    national security"), a contest in a poll or an election ("would beat"), yielding to a
    temptation, a journalist's question, a show's guest line-up, campaign-trail rhetoric
    read from speech."""
    return [c for c in cands if not any(test(c, ctx) for test in _NOT_EVENT_TESTS)]


def _sentence_words(c: EventCandidate) -> set[str]:
    """Lemmas and forms of the candidate's sentence (computed once per sentence)."""
    sent = c.trigger.sent
    cache = c.trigger.doc.user_data.setdefault("eventline_sentence_words", {})
    if sent.start not in cache:
        cache[sent.start] = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    words: set[str] = cache[sent.start]
    return words


def _figurative(c: EventCandidate, ctx: RuleContext) -> bool:
    """A verb with a common non-political sense and no party to act on: "X threatens
    national security", "yielded to temptation", "hit a record"."""
    if c.trigger.pos_ != "VERB" or c.recipient:
        return False
    if c.trigger.lemma_.lower() not in ctx.lex.cue("needs_party_verbs"):
        return False
    return not any(x.dep_ in _COMPLEMENT_DEPS for x in c.trigger.children)


def _electoral_contest(c: EventCandidate, ctx: RuleContext) -> bool:
    return c.trigger.lemma_.lower() in ctx.lex.cue("contest_verbs") and bool(
        _sentence_words(c) & ctx.lex.cue("electoral_words")
    )


def _question(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "asked whether ...", "When asked about ...", a reporter's request; and any event
    inside the question put to a speaker ("Asked what Russia would do to help Iran, he
    said ...": the help is what was asked about)."""
    if _in_question(c.trigger):
        return True
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


def _in_question(tok: Token) -> bool:
    """Whether `tok` sits below a passive "asked" adverbial ("Asked whether ...,")."""
    node = tok
    for _ in range(8):
        if node.head == node:
            return False
        node = node.head
        if (
            node.lemma_.lower() == "ask"
            and node.dep_ == "advcl"
            and (
                node.tag_ == "VBN"
                or not any(x.dep_ in ("nsubj", "nsubjpass", "auxpass") for x in node.children)
                or any(x.dep_ == "auxpass" for x in node.children)
            )
        ):
            return True
    return False


def _media_show(c: EventCandidate, ctx: RuleContext) -> bool:
    return c.type == "CONSULT" and bool(_sentence_words(c) & ctx.lex.cue("media_show_words"))


def _campaign_speech(c: EventCandidate, ctx: RuleContext) -> bool:
    return c.from_speech and bool(_sentence_words(c) & ctx.lex.cue("campaign_words"))


def _market(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Indian shares rallied": a price or market is no actor."""
    subj = subject(c.clause)[0] if c.clause.pos_ in ("VERB", "AUX") else None
    return subj is not None and subj.lemma_.lower() in ctx.lex.cue("market_words")


def _no_comment(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "declined to comment / predict": not speaking is no rejection."""
    comp = first(c.trigger, "xcomp")
    return (
        c.type == "REJECT"
        and comp is not None
        and comp.lemma_.lower() in ctx.lex.cue("no_comment_verbs")
    )


def _opinion_agreement(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "agreed with the defence's argument": sharing an opinion is no PLOVER AGREE."""
    tok = c.trigger
    return (
        c.type == "AGREE"
        and tok.lemma_.lower() == "agree"
        and any(x.dep_ == "prep" and x.lower_ == "with" for x in tok.children)
        and not any(x.dep_ in _COMPLEMENT_DEPS for x in tok.children)
    )


def _showing(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "demonstrated its resolve", "demonstrating what he can do": showing, not protesting."""
    return (
        c.type == "PROTEST"
        and c.trigger.lemma_.lower() == "demonstrate"
        and any(x.dep_ in ("dobj", "ccomp") for x in c.trigger.children)
    )


def _released_thing(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Apple released a new iPhone", "a press release": only people and what was seized
    are released in a RETREAT."""
    if c.type != "RETREAT" or c.mode != "release":
        return False
    if c.trigger.pos_ == "NOUN":
        return first(c.trigger, "prep") is None  # "the release of the hostages" keeps its "of"
    obj = first(c.trigger, "dobj", "nsubjpass")
    if obj is None or ctx.actors.refs(obj):
        return False
    return obj.lemma_.lower() not in ctx.lex.cue("release_objects")


def _lone_talk(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "He talked about the easiness of ...": a meeting verb with one side only."""
    return (
        c.type == "CONSULT"
        and c.trigger.pos_ == "VERB"
        and c.pattern.roles == "reciprocal"
        and len(c.actor) < 2
        and not c.recipient
    )


def _category_disapproval(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "police said ... illegal aliens": a disapproving adjective that names a category of
    people or things ("illegal immigrants", "criminal gangs") judges no one's action, so the
    speech around it accuses no one. A judgement of an act ("the illegal invasion", "it was
    illegal") is kept."""
    if c.type != "ACCUSE" or not c.from_speech:
        return False
    comp = first(c.trigger, "ccomp")
    if comp is None:
        return False
    cues = ctx.lex.cue("disapproval_words")
    hits = [t for t in comp.subtree if t.lemma_.lower() in cues or t.lower_ in cues]
    return bool(hits) and all(_names_category(t, ctx.lex) for t in hits)


_MEDIA = frozenset({"MED"})


def _outlet_report(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "The state news agency reported that ... the aggression against X": a news outlet
    reporting passes on what happened or what others said; the report is no act of the
    outlet (its own editorial judgement, "the paper wrote in an editorial", is kept)."""
    if not c.from_speech or not c.actor or any(a.sector not in _MEDIA for a in c.actor):
        return False
    tok = c.trigger
    return tok.lemma_.lower() in ctx.lex.cue("outlet_report_verbs") or (
        tok.lower_ in ctx.lex.cue("outlet_report_verbs")
    )


def _conditional_judgement(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "If the troops are deployed, it would be a provocation, the ministry said": a
    judgement of something that has not happened is a conditional warning, not an accusation
    (PLOVER codes no conditional events; the warned-of act has no actor to accuse)."""
    if c.type != "ACCUSE" or not c.from_speech:
        return False
    comp = first(c.trigger, "ccomp")
    if comp is None:
        return False
    marks = ctx.lex.cue("hypothetical_marks")
    # the marker opens the condition clause, wherever the parser hangs it ("If any plans
    # ...": "if" is often attached to the clause's subject)
    return any(x.dep_ == "advcl" and x.left_edge.lower_ in marks for x in comp.children)


def _names_category(tok: Token, lex: EventLexicon) -> bool:
    if tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = tok.head.lemma_.lower()
    return head not in lex.nouns and head not in lex.verbs


# Acts that companies perform too (offers, deals, support, resignations); violence and
# protest by an unresolved person stay events.
_COMMERCE_PRONE = frozenset(
    {"AGREE", "SUPPORT", "AID", "COOPERATE", "RETREAT", "CONSULT", "REQUEST", "CONCEDE", "REJECT"}
)


def _commercial(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Apple offered free cases to customers", "Jobs resigned as Apple CEO", "Boeing
    promised technical assistance to Aeroflot": PLOVER codes political actors. A cooperative
    act with no state body, political group or armed group among its parties is commercial
    when the text says so: a party is a business and none is a country, or the act is about
    products, customers or a company's officers. Parties the nlp stage could not resolve are
    no evidence either way ("the GAO called on the Air Force" stays an event)."""
    parties = (*c.actor, *c.recipient)
    if not parties or c.type not in _COMMERCE_PRONE:
        return False
    if any(p.sector and p.sector not in BUSINESS for p in parties):
        return False
    if any(p.sector in BUSINESS for p in parties) and not any(p.country for p in parties):
        return True
    words = ctx.lex.cue("commercial_words")
    objects = [t for t in c.trigger.children if t.dep_ in ("dobj", "nsubjpass", "attr")]
    objects += [p for _, p in prep_objects(c.trigger, ("to", "for", "with", "as", "of"))]
    objects += [t for t in c.trigger.children if t.dep_ in ("compound", "poss")]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in objects)


def _origin(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "a senator who hails from Ohio": where someone comes from, not praise."""
    tok = c.trigger
    return (
        tok.pos_ == "VERB"
        and tok.lemma_.lower() in ctx.lex.cue("origin_verbs")
        and any(x.dep_ == "prep" and x.lower_ == "from" for x in tok.children)
        and first(tok, "dobj") is None
    )


def _attempted_help(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Moscow was trying to help the Iranian people": an attempt to help names no aid given
    (PLOVER AID is material)."""
    tok = c.trigger
    return (
        c.type == "AID"
        and tok.lemma_.lower() in ctx.lex.cue("vague_aid_verbs")
        and tok.dep_ in ("xcomp", "advcl")
        and tok.head.lemma_.lower() in ctx.lex.cue("attempt_verbs")
    )


def _aimless_help(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "officers were sent to assist with the situation", "troops helped in the search":
    helping with a task names no beneficiary and no material given (PLOVER AID needs one).
    A helping verb with no object and no party under it, only a "with"/"in" phrase of a
    thing, is no aid."""
    tok = c.trigger
    if c.type != "AID" or tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() not in ctx.lex.cue("vague_aid_verbs"):
        return False
    if any(x.dep_ in ("dobj", "dative", "iobj", "ccomp", "xcomp") for x in tok.children):
        return False
    tasks = [p for _, p in prep_objects(tok, ("with", "in"))]
    if not tasks:
        return False
    under = [t for x in tok.children if x.dep_ not in ("nsubj", "nsubjpass") for t in x.subtree]
    return not any(ctx.actors.covering(t) is not None for t in under)


_NOT_EVENT_TESTS = (
    _attempted_help,
    _aimless_help,
    _origin,
    _category_disapproval,
    _conditional_judgement,
    _outlet_report,
    _figurative,
    _electoral_contest,
    _question,
    _media_show,
    _campaign_speech,
    _market,
    _no_comment,
    _opinion_agreement,
    _showing,
    _lone_talk,
    _released_thing,
)


@rule("venue_is_no_party")
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


_COOPERATIVE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
_MILITARY_NOUNS = frozenset({"troop", "force", "soldier", "peacekeeper", "contingent", "unit"})


@rule("meeting_side_met")
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


@rule("refusal")
def refusal(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "will not accept more refugees", "would not meet the demands": a cooperative act
    announced as not going to happen is a REJECT that did happen."""
    for c in cands:
        if c.type not in _COOPERATIVE or c.trigger.pos_ != "VERB":
            continue
        kids = list(c.trigger.children)
        future = any(k.dep_ == "aux" and k.lower_ in ("will", "would", "wo") for k in kids)
        if future and any(k.dep_ == "neg" for k in kids):
            c.content, c.type, c.mode = c.content or _phrase(c.trigger, own=True), "REJECT", None
            c.asserted = True
    return cands


_FAILED_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "CONCEDE"})


@rule("failed_act")
def failed_act(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "failed to reach agreement", "failed to approve the plan": a cooperative act its
    actor failed to perform is a REJECT that happened (PETRARCH's FAIL TO patterns, CAMEO
    12x), the act its content."""
    fails = ctx.lex.cue("failure_verbs")
    for c in cands:
        if c.type not in _FAILED_TYPES:
            continue
        verb = c.trigger if c.trigger.pos_ == "VERB" else c.clause
        if verb.pos_ != "VERB" or verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in fails:
            continue
        if any(k.dep_ == "neg" for k in verb.head.children):
            continue  # "did not fail to reach": it happened
        c.content, c.type, c.mode = c.content or _phrase(verb, own=True), "REJECT", None
        c.asserted = True
    return cands


@rule("troop_movement")
def troop_movement(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Troops arriving somewhere are not a visit: peacekeepers arriving are AID (CAMEO 074),
    other forces a MOBILIZE."""
    for c in cands:
        if c.type != "CONSULT" or c.pattern.roles != "destination":
            continue
        subj = subject(c.trigger)[0]
        if subj is None:
            continue
        heads = [subj, *(p for _, p in prep_objects(subj, ("of",)))]
        if not any(h.lemma_.lower() in _MILITARY_NOUNS for h in heads):
            continue  # "a first patch of Bangladeshi peacekeeping troops arrived"
        peace = any(t.lower_.startswith("peacekeep") for t in subj.subtree)
        c.type, c.mode = ("AID", None) if peace else ("MOBILIZE", "troops")
    return cands


@rule("crowd_control")
def crowd_control(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Police dispersed the crowd with water cannon": force with a crowd-control weapon is
    ASSAULT crowd-control, not a mere restriction."""
    words = ctx.lex.cue("crowd_control_words")
    for c in cands:
        if c.type != "COERCE" or c.trigger.pos_ != "VERB":
            continue
        holders = [c.trigger, *(o for o in c.trigger.children if o.dep_ == "dobj")]
        means = [p for h in holders for _, p in prep_objects(h, ("with", "using"))]
        if any(t.lemma_.lower() in words for m in means for t in m.subtree):
            c.type, c.mode = "ASSAULT", "crowd-control"
    return cands


# What names the target of an event noun when the parse puts it out of the noun's reach.
_TARGET_PREPS = ("against", "on", "at", "into", "to")
_INQUIRY_PREPS = ("into", "of", "over", "on", "regarding", "concerning", "about")
_CAUSE_PREPS = frozenset({"due", "because", "over", "for", "after"})


@rule("event_noun_targets")
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
        if not found:
            found = _sides_of_content(c.trigger, ctx.actors)
        c.recipient = _others(found, c.actor)
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


def _sides_of_content(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "an offer of mediation between Russia and Ukraine": the sides of what is offered."""
    return unique(
        r
        for _, pobj in prep_objects(noun, ("of",))
        for _, side in prep_objects(pobj, ("between",))
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


@rule("embedded_action")
def embedded_action(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """An action inside the complement of an act (threaten, decline, demand) is the act's
    content, not an event of its own. Under an agreement the action is kept too, as a
    planned event with its own parties ("agreed to supply Russia with drones": AGREE, and a
    planned AID that PLOVER's future rule reads as AGREE), since a signed deal often is the
    only report of the supply."""
    acts = {c.trigger.i: c for c in cands if c.type in ACT_TYPES and c.actor}
    kept = []
    for c in cands:
        act = _governing_act(c.trigger, acts)
        if act is None or act is c:
            kept.append(c)
            continue
        if act.content is None:
            act.content = _phrase(c.trigger)
        if not act.embedded_recipient:
            act.embedded_recipient = _others(c.recipient, act.actor)
        if act.type == "AGREE" and c.recipient and c.type in _MATERIAL:
            kept.append(c)
    return kept


# Prepositions that put an action inside an act: what is warned against, called for,
# threatened with, agreed on.
_ACT_PREPS = frozenset({"against", "for", "with", "on", "to"})


def _governing_act(tok: Token, acts: dict[int, EventCandidate]) -> EventCandidate | None:
    """The act whose complement holds `tok`: its head directly ("agreed to supply"), or the
    verb whose object `tok` is ("agreed to postpone the demonstration")."""
    node = tok
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in _ACT_PREPS:
        act = acts.get(node.head.head.i)
        if act is not None and act.trigger.pos_ == "VERB":
            return act  # "warned against a strike on Iran", "called for a ceasefire"
    if node.dep_ in ("dobj", "nsubjpass") and node.head.pos_ == "VERB":
        node = node.head
        if tok.pos_ == "NOUN" and (act := acts.get(node.i)) is not None:
            return act  # "sought federal aid", "demanded the release of X"
    act = acts.get(node.head.i) if _requested_infinitive(node) else None
    if act is not None and act.type == "REQUEST":
        return act  # "called on Congress to investigate", parsed as a purpose clause
    for _ in range(2):
        if node.dep_ not in (*_COMPLEMENT_DEPS, "acl") or node.head == node:
            return None
        if (act := acts.get(node.head.i)) is not None:
            return act
        node = node.head
    return None


def _requested_infinitive(tok: Token) -> bool:
    """An infinitive with no subject of its own hung on its verb as an adverbial clause."""
    return (
        tok.dep_ == "advcl"
        and tok.pos_ == "VERB"
        and any(x.dep_ == "aux" and x.text.lower() == "to" for x in tok.children)
        and first(tok, "nsubj", "nsubjpass") is None
    )


def _phrase(tok: Token, *, own: bool = False) -> str:
    """The words of an action ("reopen the border"): without its marker and auxiliaries, and
    without its subject unless it is a that-clause's ("demanded that X resign": X resign).
    `own`: the act's own verb made content ("will not accept refugees": accept refugees)."""
    drop = {"mark", "aux"} if tok.dep_ == "ccomp" and not own else {"nsubj", "mark", "aux"}
    if own:
        drop |= {"neg", "nsubjpass", "auxpass"}
    cut = {t.i for c in tok.children if c.dep_ in drop for t in c.subtree}
    return " ".join(t.text for t in tok.subtree if t.i not in cut)[:200]


@rule("regret_over_others")
def regret_over_others(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Russia expressed regret over the US attack": regretting another party's act is a
    disapproval of it (ACCUSE, recipient that party), not a concession or an apology, which
    PLOVER reserves for one's own acts."""
    for c in cands:
        if c.type != "CONCEDE" or c.trigger.pos_ != "VERB":
            continue
        holders = [c.trigger, *(o for o in c.trigger.children if o.dep_ == "dobj")]
        for _, noun in (
            x for h in holders for x in prep_objects(h, ("over", "about", "at", "for"))
        ):
            if noun.lemma_.lower() not in ctx.lex.nouns:
                continue
            if other := _others(own_actor(noun, ctx.actors), c.actor):
                c.type, c.mode, c.recipient = "ACCUSE", "disapprove", other
                break
    accusing = {c.trigger.i for c in cands if c.type == "ACCUSE"}
    # "we condemn this and express regret": regret joined to a condemnation is part of it
    return [
        c
        for c in cands
        if not (c.type == "CONCEDE" and any(x.i in accusing for x in _verb_of(c).conjuncts))
    ]


def _verb_of(c: EventCandidate) -> Token:
    return c.trigger if c.trigger.pos_ == "VERB" else c.clause


@rule("accusation_target")
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
            if any(p.type in _VIOLENT for p in ctx.lex.nouns.get(noun.lemma_.lower(), ())):
                c.recipient = _others(own_actor(noun, ctx.actors), c.actor)
                break
    return cands


@rule("complement_recipient")
def complement_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """The recipient of an act named in its complement: the obliged party of "demanded that
    X ...", the object or prepositional target of "threatened to cut ties with X"."""
    for c in cands:
        if c.recipient or c.type not in _COMPLEMENT_TYPES:
            continue
        comps = [x for x in c.trigger.children if x.dep_ in (*_COMPLEMENT_DEPS, "acl")]
        if c.trigger.pos_ == "NOUN" and c.trigger.dep_ == "dobj":
            # "reiterated its demand today that Israel ease ...": the clause hangs on the verb
            comps += [x for x in c.trigger.head.children if x.dep_ == "ccomp" and x.i > c.trigger.i]
        for comp in comps:
            if found := _complement_parties(comp, ctx.actors, besides=c.actor):
                c.recipient = found
                break
        c.recipient = c.recipient or c.embedded_recipient  # the dropped action's own party
    return cands


@rule("accompanying_actors")
def accompanying_actors(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "X, along with Y, called on Z to ...", "X, together with Y, condemned ...": a party
    the subject is accompanied by is a co-actor (a dropped conjunct: PLOVER codes both)."""
    for c in cands:
        verb = c.trigger if c.trigger.pos_ == "VERB" else c.clause
        subj, passive = subject(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
        if subj is None or passive or not c.actor:
            continue
        joined = [
            pobj
            for holder in (verb, subj)
            for prep in children(holder, "prep")
            if subj.i < prep.i < verb.i
            for pobj in companions(prep)
        ]
        found = unique(r for p in joined for r in ctx.actors.refs(p))
        c.actor = unique((*c.actor, *_others(_others(found, c.actor), c.recipient)))
    return cands


def _complement_parties(
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
                refs = _others(refs, _placed(obj, actors))
        if found := _others(refs, besides):
            return found
    if depth < 1:
        for inner in (x for x in comp.children if x.dep_ in _COMPLEMENT_DEPS):
            if found := _complement_parties(inner, actors, besides=besides, depth=depth + 1):
                return found
    return ()


def _placed(obj: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """ "demanded that the labels lower their prices in the UK": the place where the
    demanded act happens, named under a place preposition of its object, is no party to the
    demand (the clause's subject is, when it names one)."""
    places = [p for _, p in prep_objects(obj, _PLACE_PREPS)]
    return unique(r for p in places for r in actors.refs(p))


_PLACE_PREPS = ("in", "at", "across", "throughout", "within", "inside")


@rule("own_state_recipient")
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
            c.recipient = _others(unique(r for p in other for r in ctx.actors.refs(p)), c.actor)
    return cands


@rule("speech_elaborating_an_act")
def speech_elaborating_an_act(
    cands: list[EventCandidate], ctx: RuleContext
) -> list[EventCandidate]:
    """ "warned against a strike, saying it would be a provocation": what the actor said
    while performing a coded act (a participle hung on the act's verb) is that act, not a
    second event."""
    acts = {c.trigger.i: c for c in cands if not c.from_speech and c.trigger.pos_ == "VERB"}
    kept = []
    for c in cands:
        act = acts.get(c.trigger.head.i) if c.from_speech else None
        if (
            act is not None
            and c.trigger.dep_ in ("advcl", "conj")
            and c.trigger.tag_ == "VBG"
            and {a.id for a in c.actor} <= {a.id for a in act.actor}
        ):
            continue
        kept.append(c)
    return kept


@rule("object_owner_recipient")
def object_owner_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "rejected a Senegalese peace plan", "rejected an offer from Afghanistan", "denounced
    Serbia's suppression": the party whose proposal or act is the object."""
    for c in cands:
        if c.recipient or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj") or _shifted_object(c.trigger)
        if obj is None or _already_party(ctx.actors.refs(obj), c):
            continue  # "met Prime Minister Abe": the object is a party, not its owner's act
        refs = _other_side(own_actor(obj, ctx.actors), c.actor)
        refs = refs or unique(
            r
            for _, p in prep_objects(obj, ("from", "of", "between", "with"))
            for r in ctx.actors.refs(p)
        )
        c.recipient = _others(refs, c.actor)
    return cands


def _shifted_object(verb: Token) -> Token | None:
    """ "denounced as an ugly crime Serbia's suppression of ...": an object moved after the
    verb's "as" phrase is parsed as an apposition of that phrase's noun."""
    for _, pobj in prep_objects(verb, ("as",)):
        if (moved := first(pobj, "appos")) is not None and moved.pos_ == "NOUN":
            return moved
    return None


# Prepositions of a noun that name the party it is directed at ("his commitment to the
# Zambian people", "an appeal to X", "hostility towards Y").
_DIRECTED_PREPS = ("to", "towards", "toward", "against")


@rule("object_phrase_recipient")
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
        c.recipient = _others(found, c.actor)
    return cands


def _already_party(refs: tuple[ActorRef, ...], c: EventCandidate) -> bool:
    ids = {a.id for a in (*c.actor, *c.recipient)}
    return bool(refs) and all(r.id in ids for r in refs)


def _other_side(refs: tuple[ActorRef, ...], actor: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """ "Putin hailed Russia's relations with Iran": the owner of the object is the actor's
    own state, so the other party of the relation is the recipient, not the owner."""
    states = {f"kb:{a.country}" for a in actor if a.country}
    return tuple(r for r in refs if r.id not in states)


@rule("reported_disapproval")
def reported_disapproval(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Araghchi told Putin ... and thanked Russia for condemning the US actions": when the
    only disapproval in what was said is another party's own act of disapproval, coded as its
    own event, the speaker accuses no one; the condemner does."""
    cues = ctx.lex.cue("disapproval_words")
    others = {c.trigger.i: c for c in cands if c.type == "ACCUSE" and not c.from_speech and c.actor}
    kept = []
    for c in cands:
        comp = first(c.trigger, "ccomp") if c.type == "ACCUSE" and c.from_speech else None
        if comp is not None:
            hits = [t for t in comp.subtree if t.lemma_.lower() in cues or t.lower_ in cues]
            if hits and all(t.i in others and _others(others[t.i].actor, c.actor) for t in hits):
                continue
        kept.append(c)
    return kept


@rule("disapproved_attacker")
def disapproved_attacker(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Putin told Iran's foreign minister that the US strikes had no justification": a
    disapproval spoken TO someone about an attack accuses the attacker named in what was
    said, never the listener nor the victim; with no attacker named it has no recipient.
    Runs after the rules that fill an empty recipient from the verb's object (the listener)."""
    attackers = {c.trigger.i: c.actor for c in cands if c.type in _VIOLENT and c.actor}
    for c in cands:
        if c.type != "ACCUSE" or not c.from_speech:
            continue
        comp = first(c.trigger, "ccomp")
        attacks = [t for t in comp.subtree if _violent(t, ctx.lex)] if comp is not None else []
        if not attacks:
            continue
        listener = ctx.actors.refs(first(c.trigger, "dative", "dobj"))
        found: tuple[ActorRef, ...] = ()
        for t in attacks:
            found = _others(_attacker(t, attackers, listener, ctx.actors), c.actor)
            if found:
                break
        c.recipient = found
    return cands


def _violent(tok: Token, lex: EventLexicon) -> bool:
    table = lex.nouns if tok.pos_ == "NOUN" else lex.verbs if tok.pos_ == "VERB" else {}
    return any(p.type in _VIOLENT for p in table.get(tok.lemma_.lower(), ()))


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


@rule("military_preparation")
def military_preparation(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The army prepared to resume shelling rebel positions": preparing an attack is a
    military move short of force (PLOVER MOBILIZE), which happened; the attack is its
    content and its target the recipient."""
    prepares = ctx.lex.cue("preparation_verbs")
    for c in cands:
        if c.type != "ASSAULT" or c.trigger.pos_ != "VERB":
            continue
        node, gov = c.trigger, None
        for _ in range(2):
            if node.dep_ != "xcomp":
                break
            node = node.head
            if node.lemma_.lower() in prepares:
                gov = node
                break
        if gov is None:
            continue
        c.content = c.content or _phrase(c.trigger, own=True)
        c.type, c.mode, c.asserted = "MOBILIZE", "troops", True
    return cands


@rule("self_disarmament")
def self_disarmament(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "One third of the guerrillas have been demobilized": in a disarmament reported in the
    passive with no agent, those disarmed are the ones retreating (PLOVER's actor)."""
    for c in cands:
        if c.type == "RETREAT" and c.mode == "disarm" and not c.actor and c.recipient:
            c.actor, c.recipient = c.recipient, ()
    return cands


@rule("conditional_threat")
def conditional_threat(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "threatened to stop talks if the United States goes ahead": a threat's recipient is
    the party whose action its condition names; an act announced "unless" another party acts
    is itself a threat."""
    for c in cands:
        unless = _condition(c.trigger, ("unless",))
        if c.type != "THREATEN" and unless is not None and c.trigger.pos_ == "VERB":
            # "will withdraw its force from Chad unless ...": an act made conditional on
            # another party's is a threat (PLOVER THREATEN), the act its content
            c.content, c.type, c.mode = c.content or _phrase(c.trigger, own=True), "THREATEN", None
            c.asserted = True  # the threat was made; what it threatens is its content
        if c.type != "THREATEN" or c.recipient:
            continue
        heads = [c.trigger, *(x for x in c.trigger.children if x.dep_ in _COMPLEMENT_DEPS)]
        for head in heads:
            cond = _condition(head, ("if", "unless"))
            if cond is not None and not c.recipient:
                party = first(cond, "nsubj", "nsubjpass")
                found = ctx.actors.refs(party) or ctx.actors.descriptor(party)
                c.recipient = _others(found, c.actor)
    return cands


def _condition(head: Token, marks: tuple[str, ...]) -> Token | None:
    for cond in head.children:
        mark = first(cond, "mark")
        if cond.dep_ == "advcl" and mark is not None and mark.lower_ in marks:
            return cond
    return None


_PURPOSE_PREPS = ("against", "of", "over", "at", "for")


@rule("protest_target")
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
                    found = _complement_parties(x, ctx.actors, besides=c.actor)
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
            if found := _others(refs, besides):
                return found
        for _, inner in prep_objects(pobj, _PURPOSE_PREPS):
            if found := _others(actors.refs(inner) or own_actor(inner, actors), besides):
                return found
    return ()


@rule("mobilization_target")
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
            c.recipient = _others(unique(against), c.actor)
        elif own_forces:
            c.recipient = ()
    return cands


@rule("protest_country")
def protest_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Unnamed protesters ("thousands of students") are coded, as PLOVER does, by the
    country where they protest."""
    for c in cands:
        if not c.actor and c.type == "PROTEST":
            c.actor = _place(c.clause, ctx.actors)
    return cands


@rule("place_recipient")
def place_recipient(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
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


def _located(c: EventCandidate, ctx: RuleContext) -> tuple[ActorRef, ...]:
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
def attack_responder(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "X began attacks ... and Y responded with missiles": Y is the attacks' recipient."""
    for c in cands:
        if c.type != "ASSAULT" or c.recipient:
            continue
        for conj in c.clause.conjuncts:
            if conj.i > c.clause.i and conj.lemma_.lower() in ctx.lex.cue("retaliation_verbs"):
                c.recipient = _others(ctx.actors.refs(first(conj, "nsubj")), c.actor)
                break
    return cands


@rule("descriptor_country")
def descriptor_country(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The authorities arrested rebel fighters in Nairobi": unnamed actors of no stated
    country are coded, as PLOVER does, by the country where the event happens."""
    for c in cands:
        if not any(_vague(a) for a in (*c.actor, *c.recipient)):
            continue
        place = event_place(c.clause, ctx.actors, ctx.lex)
        country = place.country if place is not None else None
        if country is None:
            country = _state_context_country(c, ctx)
        if country is None:
            continue
        c.actor = tuple(_in_country(a, country, state_only=place is None) for a in c.actor)
        c.recipient = tuple(_in_country(a, country, state_only=place is None) for a in c.recipient)
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
    if all(_vague(a) for a in (*c.actor, *c.recipient)):
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


@rule("unattributed_attack")
def unattributed_attack(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "A roadside bomb near Samarra killed one US soldier", "were killed by an improvised
    explosive device outside Basra": an attack whose only named agent is a weapon or a blast
    is coded, as PLOVER's gold records code it, with an unidentified attacker of the country
    where it happened; with no place, it has no actor."""
    for c in cands:
        if c.actor or c.type != "ASSAULT" or c.trigger.pos_ != "VERB":
            continue
        if not any(_weapon(t, ctx.lex) for t in _agents(c.trigger)):
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


def _weapon(tok: Token, lex: EventLexicon) -> bool:
    """An attack noun or a weapon ("bombing", "explosion", "device", "car bomb")."""
    words = lex.cue("weapon_words")
    heads = [tok, *(t for t in tok.children if t.dep_ == "compound")]
    return any(
        h.lemma_.lower() in words
        or any(p.type == "ASSAULT" for p in lex.nouns.get(h.lemma_.lower(), ()))
        for h in heads
    )


@rule("protest_target_country")
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
            c.actor = (
                ActorRef(
                    id=f"desc:{country}:CVL:protester",
                    name=f"protesters ({country})",
                    country=country,
                    sector="CVL",
                ),
            )
    return cands


@rule("material_ties")
def material_ties(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "strengthened military and economic ties", "expanded trade relations": a relation in a
    material field is PLOVER COOPERATE (material cooperation), not SUPPORT."""
    fields = ctx.lex.cue("material_fields")
    for c in cands:
        if c.type != "SUPPORT" or c.trigger.pos_ != "NOUN":
            continue
        mods = [x for x in c.trigger.children if x.dep_ in ("amod", "compound", "nmod")]
        mods += [y for x in mods for y in x.conjuncts]
        if any(m.lemma_.lower() in fields or m.lower_ in fields for m in mods):
            c.type, c.mode = "COOPERATE", None
    return cands


@rule("retaliation_target")
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
        c.recipient = _others(found, c.actor)
    return cands


def _attacker_of(
    noun: Token, attacks: list[EventCandidate], ctx: RuleContext
) -> tuple[ActorRef, ...]:
    if not _violent(noun, ctx.lex):
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


@rule("homeland_by_evidence")
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


# Prepositions that set an act inside a meeting ("during the talks, X told Y ...").
_SETTING_PREPS = frozenset({"during", "at", "in", "on", "after"})
# Acts whose other party is the meeting's other side when done during it.
_TABLE_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT", "AID", "CONCEDE"})


@rule("meeting_setting")
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
            c.recipient = _others(act.recipient, c.actor)
        elif act is None and verb.lemma_.lower() in ctx.lex.cue("speech_verbs"):
            listener = ctx.actors.refs(first(verb, "dative", "dobj"))
            if _same(ctx.actors.refs(subject(verb)[0]), c.actor):
                c.recipient = _others(listener, c.actor)
    return cands


def _same(one: tuple[ActorRef, ...], other: tuple[ActorRef, ...]) -> bool:
    return bool(one) and {a.id for a in one} == {a.id for a in other}


_HELP_TYPES = frozenset({"AGREE", "AID", "SUPPORT", "COOPERATE"})


@rule("help_for_the_attacked")
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
            c.recipient = _others(attacked, c.actor)
    return cands


@rule("coordinated_recipients")
def coordinated_recipients(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "increased swap lines with the ECB from A to B, and with the Swiss National Bank from C
    to D": a prepositional phrase coordinated with the one naming the recipient (the parser
    hangs the second on the first or on the verb) names a co-recipient."""
    for c in cands:
        if not c.recipient:
            continue
        ids = {r.id for r in c.recipient}
        scope = c.clause if c.trigger in c.clause.subtree else c.trigger
        heads = [
            t for t in scope.subtree if t.dep_ in ("pobj", "dobj", "dative") and _names(t, ids, ctx)
        ]
        preps = [t.head for t in heads if t.dep_ == "pobj" and t.head.dep_ in ("prep", "dative")]
        added = [
            r
            for prep in preps
            for other in _coordinated_preps(prep)
            for pobj in children(other, "pobj")
            for r in ctx.actors.refs(pobj)
        ]
        added += [r for t in heads for x in _stray_conjuncts(t) for r in ctx.actors.refs(x)]
        if added:
            c.recipient = unique((*c.recipient, *_others(unique(added), c.actor)))
    return cands


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


@rule("same_happening")
def same_happening(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "arrived in Tehran for an official visit", "met X in their first meeting", "is set to
    meet X for talks": an event noun of the same type inside the clause of an event verb
    names the verb's happening again; the verb's event is kept, with the noun's recipient
    when the verb has none."""
    verbs = {c.trigger.i: c for c in cands if c.trigger.pos_ == "VERB" and c.actor}
    kept = []
    for c in cands:
        head = c.clause if c.clause.pos_ == "VERB" else args_clause(c.trigger)
        verb = verbs.get(head.i) if c.trigger.pos_ == "NOUN" else None
        if verb is None or verb is c or verb.type != c.type:
            kept.append(c)
            continue
        if not verb.recipient:
            verb.recipient = _others(c.recipient, verb.actor)
    return kept


@rule("commercial_acts")
def commercial_acts(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Drops commercial acts (`_commercial`), once every rule has named the parties."""
    return [c for c in cands if not _commercial(c, ctx)]


@rule("political_parties")
def political_parties(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """PLOVER codes interactions of political actors: "Thales will supply electronics",
    "Airbus offered discounts to Aer Lingus", "Apple released new laptops" are business.
    A non-violent event is kept only when its actor or recipient is a political party
    (`political_party`); one whose parties are all companies, products, business people or
    unresolved names is dropped."""
    return [c for c in cands if political_event(c)]


@rule("abstract_force")
def abstract_force(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The decline in auto sales in the US has hit the order books of Indian suppliers",
    "rising prices in France struck consumers": a force verb whose subject is a thing that
    is neither an actor, a role noun nor a weapon, and whose actor is only named inside that
    subject's prepositional phrase, reports an effect, not an attack."""
    return [c for c in cands if not _abstract_subject(c, ctx)]


def _abstract_subject(c: EventCandidate, ctx: RuleContext) -> bool:
    if c.type not in _VIOLENT or c.trigger.pos_ != "VERB" or not c.actor:
        return False
    subj, passive = subject(c.trigger)
    if subj is None or passive or subj.pos_ != "NOUN" or subj.head != c.trigger:
        return False
    if ctx.actors.covering(subj) is not None or ctx.actors.descriptor(subj):
        return False
    if _weapon(subj, ctx.lex) or subj.ent_type_:
        return False
    inner = [t for prep in subj.children if prep.dep_ == "prep" for t in prep.subtree]
    named = unique(r for t in inner if (r := ctx.actors.covering(t)) is not None)
    own = unique(
        r for t in subj.subtree if t not in inner and (r := ctx.actors.covering(t)) is not None
    )
    return bool(named) and not own and {a.id for a in c.actor} <= {a.id for a in named}


@rule("misread_plural_noun")
def misread_plural_noun(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "X condemned US-Israel strikes" (a headline, no final stop): the parser reads the
    plural noun "strikes" as a verb conjoined to "condemned", so it inherits X as its
    subject. A present-tense verb trigger with no subject or object of its own, right after
    the object of the verb it is conjoined to, is that object's head noun: its actors are the
    ones named before it, and the condemnation's recipient is them too."""
    for c in cands:
        tok = c.trigger
        if tok.tag_ != "VBZ" or tok.dep_ != "conj" or tok.i == 0:
            continue
        if any(x.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "cc") for x in tok.children):
            continue
        obj = first(tok.head, "dobj")
        if obj is None or obj.right_edge.i != tok.i - 1:
            continue
        named = unique(r for t in obj.subtree if (r := ctx.actors.covering(t)) is not None)
        if not named:
            continue
        c.actor, c.recipient = named, ()
        for other in cands:
            if other.trigger == tok.head and other.type == "ACCUSE":
                other.recipient = named
    return cands


@rule("anchored_descriptors")
def anchored_descriptors(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """An event whose only party is a role noun of no known country ("officials discussed
    the budget") says nothing about who did what to whom: it needs a second party."""
    return [c for c in cands if c.recipient or not c.actor or any(not _vague(a) for a in c.actor)]


def _vague(ref: ActorRef) -> bool:
    return ref.id.startswith("desc:") and ref.country is None


from eventline.events import rules_hedge  # noqa: E402,F401
