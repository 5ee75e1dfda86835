"""Rules that drop uses of event words reporting no political event (#11).

`not_events` runs early, before any rule names parties: a figurative threat, a contest in a
poll, a journalist's question, a show's guest line-up, a market that "rallied", a product
"released", the worth of a kind of act ("the real value of Russian promises").
`abstract_force` runs late, once parties are settled: a force verb whose subject is a thing
("the decline in sales hit the suppliers") reports an effect, not an attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, prep_objects, subject, unique
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import EventLexicon
from eventline.events.rules_base import COMPLEMENT_DEPS, VIOLENT_TYPES, RuleContext, is_weapon


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
    if c.trigger.pos_ != "VERB":
        return False
    if c.trigger.lemma_.lower() not in ctx.lex.cue("needs_party_verbs"):
        return False
    if _yielded_to_a_feeling(c.trigger, ctx):
        return True  # "yielded to the temptation of power"
    if c.recipient:
        return False
    return not any(x.dep_ in COMPLEMENT_DEPS for x in c.trigger.children)


def _yielded_to_a_feeling(verb: Token, ctx: RuleContext) -> bool:
    """ "yielded to the temptation of X", "succumbed to the urge": what is yielded to is a
    feeling, whoever is named inside it."""
    return any(
        pobj.lemma_.lower() in ctx.lex.cue("feeling_words")
        for _, pobj in prep_objects(verb, ("to",))
    )


def _electoral_contest(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Smith would beat Jones in the election"; not "supporters were beaten by police
    outside the electoral commission": a force's act, or one told in the passive, is no
    contest."""
    if any(x.dep_ == "auxpass" for x in c.trigger.children):
        return False
    if any(a.sector in _FORCE_SECTORS for a in (*c.actor, *c.recipient)):
        return False
    return c.trigger.lemma_.lower() in ctx.lex.cue("contest_verbs") and bool(
        _sentence_words(c) & ctx.lex.cue("electoral_words")
    )


_FORCE_SECTORS = frozenset({"COP", "MIL", "REB", "UAF", "CRM", "SPY"})


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
    """A show's guests or panel ("X and Y were guests on Z's radio show"): the show words in
    the meeting's own clause, not in the report of it ("will open talks next month, the
    president said in a televised address" is a meeting)."""
    if c.type != "CONSULT":
        return False
    scope = {*c.clause.subtree, *c.trigger.subtree}
    words = {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
    return bool(words & ctx.lex.cue("media_show_words"))


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
        and not any(x.dep_ in COMPLEMENT_DEPS for x in tok.children)
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
        if first(c.trigger, "prep") is None:
            return True  # "a press release"
        # "the release of the hostages" keeps its "of"; "the release of wastewater" does not
        obj = next((p for _, p in prep_objects(c.trigger, ("of",))), None)
    else:
        obj = first(c.trigger, "dobj", "nsubjpass")
    if obj is None or ctx.actors.refs(obj) or obj.ent_type_ in ("PERSON", "NORP"):
        return False  # "freed two Americans"
    return obj.lemma_.lower() not in ctx.lex.cue("release_objects")


def _business_talks(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "Merger talks between two banks collapsed": talks about a merger, a takeover or a
    buyout are business (the reviewer's company-deals convention), whoever's country owns
    the firms."""
    if c.type != "CONSULT" or c.trigger.pos_ != "NOUN":
        return False
    kinds = ctx.lex.cue("commercial_talk_words")
    return any(
        x.dep_ in ("compound", "amod", "nmod") and x.lemma_.lower() in kinds
        for x in c.trigger.children
    )


def _lone_talk(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "He talked about the easiness of ...": a meeting verb with one side only. Leaders
    or ministers in the plural ("NATO defence ministers met in Brussels", "EU leaders
    met") are many sides of one body's meeting, not one."""
    return (
        c.type == "CONSULT"
        and c.trigger.pos_ == "VERB"
        and c.pattern.roles == "reciprocal"
        and len(c.actor) < 2
        and not c.recipient
        and not _many_members(c, ctx)
    )


def _many_members(c: EventCandidate, ctx: RuleContext) -> bool:
    """Plural leaders of an international body ("NATO ministers", "EU leaders"): a state's
    own officials meeting among themselves are no PLOVER consultation."""
    subj = subject(c.trigger)[0]
    if subj is None or subj.tag_ != "NNS" or not c.actor:
        return False
    if not all(a.sector == "IGO" for a in c.actor):
        return False
    return subj.lemma_.lower() in ctx.lex.cue("member_nouns")


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


_SPECIFIC_DETS = frozenset({"the", "this", "that", "these", "those"})


def _judged_kind(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "the world will see the real value of Russian promises", "the credibility of
    American threats": the worth of a kind of act (a plural noun under "of", with no
    determiner pointing at particular ones) is an opinion about such acts, not one act."""
    tok = c.trigger
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    if any(x.dep_ == "det" and x.lower_ in _SPECIFIC_DETS for x in tok.children):
        return False
    return tok.head.head.lemma_.lower() in ctx.lex.cue("worth_nouns")


def _poll_result(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "58 percent of Americans support the bill", "a poll found that most voters back
    Smith": a share of the public holding a view, as a survey reports it, is opinion, no
    one's act."""
    clause = c.clause if c.clause.pos_ in ("VERB", "AUX") else c.trigger
    subj = subject(clause)[0]
    if subj is not None and subj.lemma_.lower() in ctx.lex.cue("share_words"):
        return True
    polls = ctx.lex.cue("poll_words")
    node = clause
    for _ in range(3):
        if node.dep_ not in COMPLEMENT_DEPS or node.head == node:
            return False
        node = node.head
        teller = subject(node)[0]
        if teller is not None and teller.lemma_.lower() in polls:
            return True
    return False


def _commercial_fight(c: EventCandidate, ctx: RuleContext) -> bool:
    """ "won the battle for subscribers", "a firm cut prices to fight off its rivals":
    force aimed at customers or a market, or a firm's force aimed at its rivals, is
    competition between firms, not violence (a politician who "attacked her rival" is no
    firm)."""
    if c.type not in VIOLENT_TYPES:
        return False
    tok = c.trigger
    aimed = {k.lemma_.lower() for k in tok.children if k.dep_ in ("dobj", "nsubjpass")}
    aimed |= {p.lemma_.lower() for _, p in prep_objects(tok, ("for", "against", "over", "with"))}
    if aimed & ctx.lex.cue("commerce_targets"):
        return True
    firms = bool(c.actor) and all(a.sector == "BUS" for a in c.actor if a.sector)
    firms = firms and any(a.sector == "BUS" for a in c.actor)
    return firms and bool(aimed & ctx.lex.cue("rival_words"))


_NOT_EVENT_TESTS = (
    _poll_result,
    _commercial_fight,
    _business_talks,
    _judged_kind,
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


def abstract_force(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The decline in auto sales in the US has hit the order books of Indian suppliers",
    "rising prices in France struck consumers": a force verb whose subject is a thing that
    is neither an actor, a role noun nor a weapon, and whose actor is only named inside that
    subject's prepositional phrase, reports an effect, not an attack."""
    return [c for c in cands if not _abstract_subject(c, ctx)]


def _abstract_subject(c: EventCandidate, ctx: RuleContext) -> bool:
    if c.type not in VIOLENT_TYPES or c.trigger.pos_ != "VERB" or not c.actor:
        return False
    subj, passive = subject(c.trigger)
    if subj is None or passive or subj.pos_ != "NOUN" or subj.head != c.trigger:
        return False
    if ctx.actors.covering(subj) is not None or ctx.actors.descriptor(subj):
        return False
    if is_weapon(subj, ctx.lex) or subj.ent_type_:
        return False
    inner = [t for prep in subj.children if prep.dep_ == "prep" for t in prep.subtree]
    named = unique(r for t in inner if (r := ctx.actors.covering(t)) is not None)
    own = unique(
        r for t in subj.subtree if t not in inner and (r := ctx.actors.covering(t)) is not None
    )
    return bool(named) and not own and {a.id for a in c.actor} <= {a.id for a in named}
