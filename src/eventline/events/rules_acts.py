"""Rules that say which act an event word reports (#11): an act announced as not going to
happen or failed is a REJECT, an act made conditional on another party's is a THREATEN,
preparing an attack is MOBILIZE, troops arriving are no visit; an action inside an act's
complement is the act's content, not an event of its own; an event noun or a participle that
names a coded act again is that act.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import clause_head as args_clause
from eventline.events.args import first, prep_objects, subject, unique
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.rules_base import ACT_TYPES, COMPLEMENT_DEPS, RuleContext, excluding

_MATERIAL = frozenset({"AID", "COOPERATE", "RETREAT"})
_COOPERATIVE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT"})
_MILITARY_NOUNS = frozenset({"troop", "force", "soldier", "peacekeeper", "contingent", "unit"})


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


def crowd_control(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Police dispersed the crowd with water cannon": force with a crowd-control weapon is
    ASSAULT crowd-control, not a mere restriction."""
    words = ctx.lex.cue("crowd_control_words")
    for c in cands:
        if c.type != "COERCE" or c.trigger.pos_ != "VERB":
            continue
        holders = [c.trigger, *(o for o in c.trigger.children if o.dep_ == "dobj")]
        means = [p for h in holders for _, p in prep_objects(h, ("with", "using"))]
        means += _used_means(c.trigger, ctx)  # "used water cannon to disperse them"
        if any(t.lemma_.lower() in words for m in means for t in m.subtree):
            c.type, c.mode = "ASSAULT", "crowd-control"
    return cands


def accused_act(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Rebels accused government forces of killing hundreds in a gas attack", "blamed X for
    the strikes": PLOVER codes the accusation; the act it alleges is its content, not an
    event the sentence reports (every event word inside the alleged act goes with it)."""
    alleged: list[tuple[EventCandidate, Token]] = []
    for c in cands:
        if c.type != "ACCUSE" or c.trigger.pos_ != "VERB":
            continue
        if c.trigger.lemma_.lower() not in ctx.lex.cue("allegation_verbs"):
            continue
        holders = [c.trigger, *(o for o in c.trigger.children if o.dep_ == "dobj")]
        alleged += [(c, p) for h in holders for _, p in prep_objects(h, ("of", "for"))]
    if not alleged:
        return cands
    kept = []
    for c in cands:
        inside = next(((a, p) for a, p in alleged if c.trigger in p.subtree), None)
        if inside is None or c.type == "ACCUSE":
            kept.append(c)
        elif inside[0].content is None:
            inside[0].content = _phrase(inside[1])
    return kept


def leaving_ties(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "withdrew from the Paris climate agreement", "is withdrawing from the WHO", "announced
    their withdrawal from the African Union": leaving a
    pact or an international body reduces relations (PLOVER SANCTION), it is no military
    retreat; the pact is what is left, not an agreement of its own, and no party named in
    its name ("Paris") is the recipient."""
    drop: set[int] = set()
    for c in cands:
        if c.type != "RETREAT" or c.mode != "withdraw" or c.trigger.pos_ not in ("VERB", "NOUN"):
            continue
        preps = ("from", "of") if c.trigger.pos_ == "VERB" else ("from",)  # "their withdrawal
        left = [p for _, p in prep_objects(c.trigger, preps)]  # from the bloc"
        pact = [p for p in left if p.lemma_.lower() in ctx.lex.cue("pact_words")]
        body = [r for p in left for r in ctx.actors.refs(p) if r.sector == "IGO"]
        if not pact and not body:
            _left_place(c, left, ctx)
            continue
        c.type, c.mode = "SANCTION", "withdraw"
        c.recipient = tuple(body)
        c.actor = tuple(a for a in c.actor if a not in body) or c.actor
        drop |= {p.i for p in pact}
    return [c for c in cands if c.trigger.i not in drop]


def _left_place(c: EventCandidate, left: list[Token], ctx: RuleContext) -> None:
    """ "Israel completed its withdrawal from Gaza", "the withdrawal of US troops from
    Afghanistan": the place a withdrawal noun leaves is its recipient, not a second actor (a
    noun's "from" phrase otherwise names its agent); the forces "of" it withdraw."""
    if c.trigger.pos_ != "NOUN":
        return
    places = [r for p in left for r in ctx.actors.refs(p)]
    movers = tuple(r for _, p in prep_objects(c.trigger, ("of",)) for r in ctx.actors.refs(p))
    others = movers or tuple(a for a in c.actor if a not in places)
    if any(a.country is None for a in others):
        return  # a mover of unknown country may be of the place left too ("Bosnian Serbs")
    if places and others and set(others) != set(c.actor) | set(places):
        c.actor, c.recipient = others, c.recipient or tuple(places)


def _used_means(verb: Token, ctx: RuleContext) -> list[Token]:
    """The object of the "use"/"fire" verb a purpose clause serves ("used tear gas to
    disperse", "fired water cannon to break up")."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or head.lemma_.lower() not in ctx.lex.cue("means_verbs"):
        return []
    return [o for o in head.children if o.dep_ == "dobj"]


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
            act.embedded_recipient = excluding(c.recipient, act.actor)
        planned = act.type == "AGREE" and bool(c.recipient) and c.type in _MATERIAL
        if planned or _authored_elsewhere(c, act, ctx):
            kept.append(c)
    return kept


# Acts whose noun names another party's move: an offer, a demand ("pressure from X"), a
# threat, a complaint (`rules_counterparts.offer_addressee` names an offer's addressee).
_AUTHORED = frozenset({"AGREE", "REQUEST", "THREATEN", "ACCUSE", "DISAPPROVE"})


def _authored_elsewhere(c: EventCandidate, act: EventCandidate, ctx: RuleContext) -> bool:
    """ "rejected an offer from Seoul", "resisted pressure by the White House": a noun act
    whose author its own "from"/"by" phrase names, another party than the act's, is that
    party's event as well as what the act answers (the noun's possessive alone is not:
    "rejected Seoul's offer" reports the rejection)."""
    if c.trigger.pos_ != "NOUN" or c.type not in _AUTHORED or not c.actor:
        return False
    named = prep_objects(c.trigger, ("from", "by"))
    authors = unique(r for _, p in named for r in ctx.actors.refs(p))
    return bool(authors) and not set(authors) & set(act.actor)


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
    if node.dep_ == "acl" and node.head.dep_ == "dobj":
        act = acts.get(node.head.head.i)
        if act is not None and act.trigger.pos_ == "VERB":
            return act  # "would veto any resolution authorising war": what is vetoed
    for _ in range(2):
        while node.dep_ == "conj" and node.head != node:
            node = node.head  # "urged X to lift the curfew and hold talks"
        if node.dep_ not in (*COMPLEMENT_DEPS, "acl") or node.head == node:
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
            if other := excluding(own_actor(noun, ctx.actors), c.actor):
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
            if hits and all(t.i in others and excluding(others[t.i].actor, c.actor) for t in hits):
                continue
        kept.append(c)
    return kept


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


def self_disarmament(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "One third of the guerrillas have been demobilized": in a disarmament reported in the
    passive with no agent, those disarmed are the ones retreating (PLOVER's actor)."""
    for c in cands:
        if c.type == "RETREAT" and c.mode == "disarm" and not c.actor and c.recipient:
            c.actor, c.recipient = c.recipient, ()
    return cands


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
        heads = [c.trigger, *(x for x in c.trigger.children if x.dep_ in COMPLEMENT_DEPS)]
        for head in heads:
            cond = _condition(head, ("if", "unless"))
            if cond is not None and not c.recipient:
                party = first(cond, "nsubj", "nsubjpass")
                found = ctx.actors.refs(party) or ctx.actors.descriptor(party)
                c.recipient = excluding(found, c.actor)
    return cands


def _condition(head: Token, marks: tuple[str, ...]) -> Token | None:
    for cond in head.children:
        mark = first(cond, "mark")
        if cond.dep_ == "advcl" and mark is not None and mark.lower_ in marks:
            return cond
    return None


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
        if verb is None or verb is c or verb.type != c.type or _others_act(c, verb):
            kept.append(c)
            continue
        if not verb.recipient:
            verb.recipient = excluding(c.recipient, verb.actor)
    return kept


def _others_act(noun: EventCandidate, verb: EventCandidate) -> bool:
    """ "the UN welcomed the signing of the accord by Armenia and Azerbaijan": a noun with
    parties of its own, none the verb's, is another party's act, not the verb's again."""
    return bool(noun.actor) and not {a.id for a in noun.actor} & {a.id for a in verb.actor}


def retaliation_as_act(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "expelled 23 diplomats, retaliating for London's expulsion of its envoys": a
    participle of responding hung on a coded act says why the act was done; the act is the
    retaliation, not a second (violent) event of its own."""
    acts = {c.trigger.i for c in cands if c.actor}
    verbs = ctx.lex.cue("response_verbs")
    return [c for c in cands if not (c.trigger.lemma_.lower() in verbs and _on_act(c, acts))]


def _on_act(c: EventCandidate, acts: set[int]) -> bool:
    """A participle clause on a coded act, or on a verb conjoined to one ("expelled X and
    ordered Y, retaliating for Z")."""
    tok = c.trigger
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj") or tok.head == tok:
        return False
    node = tok.head
    while node.i not in acts and node.dep_ == "conj" and node.head != node:
        node = node.head
    return node.i in acts


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


_GIVEN = frozenset({"AID", "COOPERATE"})


def discontinued_help(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "withheld $300 million in security aid from Colombia": aid named inside the object
    of a SANCTION verb is what is cut off, not aid given; the SANCTION is the event."""
    stops = {c.trigger.i for c in cands if c.type == "SANCTION" and c.trigger.pos_ == "VERB"}
    if not stops:
        return cands
    return [c for c in cands if not (c.type in _GIVEN and _under_verb(c.trigger, stops))]


def _under_verb(noun: Token, verbs: set[int]) -> bool:
    """Whether `noun` sits in the object of one of `verbs` ("$300 million in aid")."""
    if noun.pos_ != "NOUN":
        return False
    node = noun
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "compound", "nmod", "quantmod", "nummod"):
            return False
        node = node.head
        if node.i in verbs:
            return True
    return False


def ended_protest(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Striking dockworkers called off their walkout": the protest called off is what the
    CONCEDE gives up (its content), not a protest the sentence reports as news."""
    ends = {c.trigger.i: c for c in cands if c.type == "CONCEDE" and c.trigger.pos_ == "VERB"}
    kept = []
    for c in cands:
        head = c.trigger.head
        if c.type == "PROTEST" and c.trigger.dep_ in ("dobj", "oprd") and head.i in ends:
            ends[head.i].content = ends[head.i].content or _phrase(c.trigger)
            continue
        kept.append(c)
    return kept


def root_noun_subject(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "FARC rebels handed over their last weapons to UN monitors": with no verb of its own
    the parser reads the sentence as a noun ("rebels") modified by a clause ("handed over
    ..."), and the act loses its subject. A clause of that root noun in active use (it has an
    object) is done by the noun ("hundreds of militiamen": the ones counted); the party it
    is done to or for stays its recipient. "Gunmen on motorbikes killed 30 villagers, police
    said": the clause hangs on the noun of a modifier of the root noun ("motorbikes"), read as
    a passive participle (motorbikes killed); the doer is the noun the modifier hangs on, and
    the party done to is the object."""
    for c in cands:
        tok = c.trigger
        obj = first(tok, "dobj")
        if tok.pos_ != "VERB" or tok.dep_ != "acl" or obj is None:
            continue
        head, lifted = tok.head, False
        for _ in range(3 if tok.tag_ in ("VBD", "VBN") else 0):  # "gunmen on motorbikes":
            # up to the noun the modifier hangs on; not "men in uniform carrying rifles"
            prep = head.head
            if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ == "of":
                break
            if prep.head.pos_ not in ("NOUN", "PROPN") or prep.head.dep_ not in _LOOSE_ROOTS:
                break
            head, lifted = prep.head, True
        if head.dep_ not in (_LOOSE_ROOTS if lifted else ("ROOT",)):
            continue
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        if lifted:  # the passive reading gave the modifier's noun as the party done to
            c.recipient = ctx.actors.refs(obj) or ctx.actors.descriptor(obj) or c.recipient
        heads = [head, *(p for _, p in prep_objects(head, ("of",)))]
        named = (ctx.actors.refs(h) or ctx.actors.descriptor(h) for h in heads)
        doers = next((r for r in named if r), ())
        if not doers:
            continue
        ids = {d.id for d in doers}
        c.actor = doers
        c.recipient = tuple(r for r in c.recipient if r.id not in ids)
    return cands


# Dependencies of a noun the parser left with no verb: the root, or loose under a reporting
# verb ("Gunmen on motorbikes killed ..., police said").
_LOOSE_ROOTS = ("ROOT", "dep", "nsubj")


# Words of a ban (verb or noun) that, aimed across a border, are a sanction.
_BAN_LEMMAS = frozenset({"ban", "bar", "blacklist"})


def foreign_ban(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The EU banned Indonesian airlines from its airspace", "because of the EU ban": a bloc
    (IGO) has no population of its own to restrict (COERCE), so its bans withhold access from
    foreign parties, PLOVER SANCTION (CAMEO 16x, an embargo or a travel ban). A state's ban on
    another country's parties stays COERCE: the annotators code it so (tried: it cost a
    held-out half a type)."""
    for c in cands:
        if c.type != "COERCE" or c.mode != "restrict":
            continue
        objects = (o.lemma_.lower() for o in c.trigger.children if o.dep_ == "dobj")
        if not c.actor or not {c.pattern.lemma, *objects} & _BAN_LEMMAS:
            continue  # "banned", "the EU ban", "imposed a ban on"
        if all(a.sector == "IGO" for a in c.actor):
            c.type, c.mode = "SANCTION", "discontinue"
    return cands


# Plain verbs that are an act only when a bloc does them to a state ("suspended Fiji").
_MEMBERSHIP_VERBS = frozenset({"suspend", "admit"})


def bloc_membership(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The Commonwealth suspended Fiji", "the UN admitted South Sudan as its 193rd member":
    a bloc suspending a member (SANCTION) or admitting one (SUPPORT). The plain verbs name
    no act otherwise ("suspended its operations", "admitted mistakes"): the pattern with no
    object condition is kept only for a bloc (IGO) acting on a named state."""
    kept = []
    for c in cands:
        if c.pattern.lemma in _MEMBERSHIP_VERBS and not c.pattern.obj and c.pattern.sectors:
            bloc = bool(c.actor) and all(a.sector == "IGO" for a in c.actor)
            obj = first(c.trigger, "dobj")
            state = obj is not None and any(r.country for r in ctx.actors.refs(obj))
            if not (bloc and state):
                continue
        kept.append(c)
    return kept


def object_act_noun(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Chile signed an accord with Argentina", "cancelled a visit to Seoul", "lifted its
    sanctions on Iran": a verb coded for this very object (its pattern names the noun) and
    the noun's own event are one act by the same party; PLOVER codes the act the verb says
    (signing: SUPPORT, cancelling: REJECT), so the noun's event is dropped and lends the
    verb its recipient when the verb has none. A noun of another party ("accepted Iran's
    offer") stays an event of its own."""
    verbs = {c.trigger.i: c for c in cands if c.trigger.pos_ == "VERB" and c.pattern.obj}
    dropped: set[int] = set()
    for c in cands:
        noun = c.trigger
        verb = verbs.get(noun.head.i) if noun.dep_ == "dobj" and noun.pos_ == "NOUN" else None
        if verb is None or verb is c or noun.lemma_.lower() not in verb.pattern.obj:
            continue
        if c.actor and not {a.id for a in c.actor} & {a.id for a in verb.actor}:
            continue
        if not verb.recipient:
            verb.recipient = excluding(c.recipient, verb.actor)
        dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]
