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
from eventline.events.rules_base import RuleContext

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
