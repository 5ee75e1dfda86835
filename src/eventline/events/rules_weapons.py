"""Rules for shows of military capability (PLOVER MOBILIZE, #11).

The PLOVER manual codes military posturing short of force as MOBILIZE: a weapons test is no
attack, an exercise one side holds alone is no joint operation (joint ones stay COOPERATE),
and weapons, ships or vehicles moved are MOBILIZE `weapons` rather than `troops`. The
converse, an armed group handing over its own arms, is RETREAT disarm.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, prep_objects
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext
from eventline.events.syntax import subject
from eventline.model import ActorRef

# What is tested, exercised or moved: the words are PLOVER's own examples and their kin.
_EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "game", "wargame"})
_JOINT_WORDS = frozenset(
    {"joint", "combined", "bilateral", "trilateral", "multilateral", "multinational", "allied"}
)
_HARDWARE = frozenset(
    {
        "vehicle", "armour", "armor", "tank", "artillery", "carrier", "ship", "warship",
        "destroyer", "frigate", "submarine", "fleet", "flotilla", "missile", "launcher",
        "weapon", "battery", "howitzer", "jet", "bomber", "aircraft", "warplane", "equipment",
    }
)  # fmt: skip
_PEOPLE = frozenset(
    {"troop", "soldier", "force", "marine", "paratrooper", "reservist", "reinforcement"}
)


def weapon_tests(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "test-fired two missiles into the sea", "launched a rocket in a test": a test launch
    shows a capability (PLOVER MOBILIZE weapons); it strikes no one."""
    for c in cands:
        if c.type != "ASSAULT" or c.trigger.pos_ != "VERB" or not _test_marked(c.trigger):
            continue
        c.type, c.mode, c.recipient = "MOBILIZE", "weapons", ()
        c.context.add("military")
    return cands


def _test_marked(verb: Token) -> bool:
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "test":
        return True  # "test-fired", split by the tokenizer
    if any(k.lower_ == "test" and k.i < verb.i for k in verb.children):
        return True
    if any(p.lemma_.lower() == "test" for _, p in prep_objects(verb, ("in", "as", "during"))):
        return True
    return _into_the_sea(verb)


_SEA = frozenset({"sea", "water", "waters", "ocean"})


def _into_the_sea(verb: Token) -> bool:
    """ "fired a ballistic missile into the sea off its east coast": a launch that lands in
    open water strikes no one; PLOVER codes it as a show of capability, as a test."""
    obj = first(verb, "dobj")
    holders = [verb] if obj is None else [verb, obj]
    if any(True for h in holders for _ in prep_objects(h, ("at", "on", "against", "toward"))):
        return False  # "fired a missile into the sea at a ship": aimed at something
    return any(p.lemma_.lower() in _SEA for h in holders for _, p in prep_objects(h, ("into",)))


def solo_exercises(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The navy staged drills near the strait": the manual codes joint military operations
    COOPERATE but single-country exercises MOBILIZE; an exercise with one party, no partner
    ("with X") and no "joint" word is held alone."""
    for c in cands:
        if c.type != "COOPERATE" or c.trigger.lemma_.lower() not in _EXERCISES:
            continue
        if c.recipient or len({a.country or a.id for a in c.actor}) > 1:
            continue
        if {t.lower_ for t in c.trigger.subtree} & _JOINT_WORDS:
            continue
        holders = [c.trigger, c.trigger.head]
        if any(True for h in holders for _ in prep_objects(h, ("with", "alongside"))):
            continue
        c.type, c.mode = "MOBILIZE", "troops"
    return cands


def forces_moving(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The Japanese destroyer sailed toward the disputed islands", "Russian troops advanced
    into the town": armed forces, their vessels or units moving toward a place is a military
    move short of force (PLOVER MOBILIZE), `weapons` when what moves is hardware and no
    troops are named, else `troops`. The verbs are common ("the ship sailed to Lisbon", "the
    minister moved to ..."), so the mover must be a force: an armed word or unit as the
    subject's head, an armed actor there (MIL, REB, UAF, ...: not an unknown name whose
    words say nothing armed), the move must go to a place (a named place, a place noun,
    `movement_place_nouns`, or a place the KB knows), not "moved into the next phase" or
    "moved to block the bill", and not for a courtesy ("sailed to Lisbon for a port visit",
    `force_visit_words`)."""
    verbs, preps = ctx.lex.cue("movement_verbs"), ctx.lex.cue("movement_preps")
    armed, units = ctx.lex.cue("armed_words"), ctx.lex.cue("force_units")
    formations = ctx.lex.cue("force_formations")
    taken = {c.trigger.i for c in cands}
    for tok in ctx.doc:
        if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        if first(tok, "dobj") is not None or first(tok, "xcomp") is not None:
            continue  # "moved tanks to the border" is the patterns' own; "moved to block"
        if not any(_is_place(p, ctx) for _, p in prep_objects(tok, preps)):
            continue  # "advanced on Thursday", "moved into the next phase": no place
        if _courtesy(tok, ctx):
            continue  # "sailed to Lisbon for a port visit"
        subj, passive = subject(tok)
        if subj is None or passive:
            continue
        word = subj.lemma_.lower()
        if word not in armed and word not in units and subj.lower_ not in armed:
            continue
        if _figurative_force(subj, ctx):
            continue  # "an army of volunteers headed to Iowa"
        actor = ctx.actors.refs(subj) or ctx.actors.descriptor(subj) or _of_force(subj, ctx)
        if not actor or not all(_armed_sector(a, subj, ctx) for a in actor):
            continue
        # "Rebel fighters advanced": a word for armed men ("fighter") before the hardware
        # unit it also names (a fighter jet)
        person = (word in armed or subj.lower_ in armed) and word not in _HARDWARE
        hardware = word in _HARDWARE or (word in units and word not in formations and not person)
        mode = "weapons" if hardware else "troops"
        pattern = Pattern(tok.lemma_.lower(), "MOBILIZE", "verb", mode=mode)
        cand = EventCandidate(pattern, tok, tok, tuple(actor), (), "MOBILIZE", mode)
        cand.context.add("military")
        cands.append(cand)
    return cands


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _is_place(obj: Token, ctx: RuleContext) -> bool:
    """A place a force can move to: a named place, a place noun ("the town", "the strait"),
    or a name the actor index or the gazetteer places in a country ("into Omdurman")."""
    if obj.ent_type_ in _WHEN:
        return False
    if obj.ent_type_ in _PLACE_ENTS:
        return True
    nouns = ctx.lex.cue("movement_place_nouns")
    if obj.lemma_.lower() in nouns or obj.lower_ in nouns:
        return True
    ref = ctx.actors.covering(obj)
    if ref is not None:
        return ref.country is not None and ref.sector in (None, "GOV")
    if obj.pos_ != "PROPN":
        return False
    from eventline.nlp.places import resolve_place  # the gazetteer, loaded on first use

    name = " ".join(t.text for t in obj.subtree if t == obj or t.dep_ == "compound")
    return resolve_place(name, towns=False) is not None  # "into Omdurman", tagged NORP


def _courtesy(verb: Token, ctx: RuleContext) -> bool:
    """ "sailed to Lisbon for a port visit", "on a goodwill visit": a move whose stated
    purpose is a call or a ceremony shows no force."""
    words = ctx.lex.cue("force_visit_words")
    return any(obj.lemma_.lower() in words for _, obj in prep_objects(verb, ("for", "on")))


def _armed_sector(ref: ActorRef, subj: Token, ctx: RuleContext) -> bool:
    """The mover is armed: its sector is a force's, or, for a party of no sector (an unknown
    name such as "the navy ship"), the force word heading or modifying the subject has one."""
    if ref.sector is not None:
        return ref.sector in _FORCE_SECTORS
    table = ctx.lex.descriptors
    words = [subj, *(k for k in subj.children if k.dep_ in ("compound", "amod"))]
    return any(
        (table.get(w.lemma_.lower()) or table.get(w.lower_)) in _FORCE_SECTORS for w in words
    )


def _of_force(subj: Token, ctx: RuleContext) -> tuple[ActorRef, ...]:
    """ "a column of Russian tanks", "a convoy of troops": a unit named by what it is made of,
    whose party is that of its "of" object."""
    for _, obj in prep_objects(subj, ("of",)):
        if found := ctx.actors.refs(obj) or ctx.actors.descriptor(obj):
            return found
    return ()


def _figurative_force(subj: Token, ctx: RuleContext) -> bool:
    """ "an army of volunteers", "the senator's foot soldiers", "Trump's troops": a force
    word for a campaign's or a person's followers, not an armed force. An "of" phrase naming
    an armed word, a force unit or an organisation keeps it a force ("fighters of the Rapid
    Support Forces", "a column of tanks", "troops of the 82nd Airborne Division")."""
    armed, units = ctx.lex.cue("armed_words"), ctx.lex.cue("force_units")
    for _, obj in prep_objects(subj, ("of",)):
        if obj.ent_type_ == "ORG" or obj.lemma_.lower() in armed | units | _HARDWARE:
            continue
        if any(t.lemma_.lower() in armed or t.ent_type_ == "ORG" for t in obj.subtree):
            continue  # "of the Rapid Support Forces" with the name parsed into pieces
        return True  # "an army of volunteers", "troops of Trump"
    if any(k.dep_ == "poss" and k.ent_type_ == "PERSON" for k in subj.children):
        return True
    mods = {k.lower_ for k in subj.children if k.dep_ in ("compound", "amod")}
    return bool(mods & ctx.lex.cue("follower_words"))


# Sectors of a force whose move is MOBILIZE (state forces, rebels, armed men of no side).
_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "UAF"})
_WHEN = frozenset({"DATE", "TIME"})


def weapons_moved(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "moved tanks and armoured vehicles to the border": what is moved is hardware and no
    troops are named, so the manual's mode is `weapons`."""
    for c in cands:
        if c.type != "MOBILIZE" or c.mode != "troops" or c.trigger.pos_ != "VERB":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None:
            continue
        things = {obj.lemma_.lower(), *(x.lemma_.lower() for x in obj.conjuncts)}
        if things & _HARDWARE and not things & _PEOPLE:
            c.mode = "weapons"
    return cands


_OWN = frozenset({"their", "its", "his", "her", "our"})
_ARMS = frozenset({"weapon", "arm", "rifle", "gun", "ammunition", "explosive", "arsenal"})


def arms_given_up(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Militia fighters handed over their weapons to peacekeepers": arms a party hands
    over as its own ("their", "its") are given up (PLOVER RETREAT disarm); weapons handed
    over with no owner ("handed over weapons to the army") stay AID."""
    for c in cands:
        if c.type != "AID" or c.trigger.lemma_.lower() != "hand":
            continue
        obj = first(c.trigger, "dobj")
        if obj is None or obj.lemma_.lower() not in _ARMS:
            continue
        if any(x.dep_ == "poss" and x.lower_ in _OWN for x in obj.children):
            c.type, c.mode = "RETREAT", "disarm"
    return cands
