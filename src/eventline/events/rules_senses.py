"""Rules that choose between two senses of one event word (#11): letting a convoy or a plane
in is access granted (RETREAT), not a concession; troops sent to help a government are
military aid (AID), not a show of force; a storm or an earthquake that "struck" or "killed"
is no attack at all; a state that protests disapproves (ACCUSE), it does not demonstrate;
the release of wastewater or of a report frees no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import prep_objects, subject, unique
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import Pattern
from eventline.events.rules_base import RuleContext, is_weapon
from eventline.model import ActorRef


def access_allowed(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "allowed a UN convoy carrying food into Mekelle", "let a US plane carrying relief
    land": what is let in is a vehicle, aid or inspectors, so the act is RETREAT access
    (CAMEO 0862: allow humanitarian access), as the pattern with that object says; the parse
    often makes the convoy the subject of a participle, which the permit pattern reads as a
    party allowed to act (CONCEDE)."""
    words, permits = ctx.lex.cue("access_words"), ctx.lex.cue("permit_verbs")
    for c in cands:
        if c.type != "CONCEDE" or c.trigger.lemma_.lower() not in permits:
            continue
        if any(p.lemma_.lower() in words for p in _permitted(c.trigger)):
            c.type, c.mode = "RETREAT", "access"
    return cands


def _permitted(verb: Token) -> list[Token]:
    """Who or what a permit verb lets in: its object, or the subject of its clause."""
    found = [o for o in verb.children if o.dep_ == "dobj"]
    for comp in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        found += [s for s in comp.children if s.dep_ in ("nsubj", "nsubjpass")]
    return found


_TROOP_MODES = frozenset({"troops"})


def protective_deployment(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Saudi Arabia sent 1,000 troops into Bahrain to help the monarchy": troops sent so as
    to help another party are military assistance (PLOVER AID, CAMEO 074), one event with
    the deployment, not a MOBILIZE beside a help of its own."""
    by_trigger = {c.trigger.i: c for c in cands}
    dropped: set[int] = set()
    for c in cands:
        if c.type != "MOBILIZE" or c.mode not in _TROOP_MODES or c.trigger.pos_ != "VERB":
            continue
        purpose = next((k for k in c.trigger.children if k.dep_ in ("advcl", "xcomp")), None)
        helped = by_trigger.get(purpose.i) if purpose is not None else None
        if helped is None or helped.type != "AID" or not _same_actor(c, helped):
            continue
        c.type, c.mode = "AID", None
        c.recipient = c.recipient or helped.recipient
        dropped.add(helped.trigger.i)
    return [c for c in cands if c.trigger.i not in dropped]


def _same_actor(a: EventCandidate, b: EventCandidate) -> bool:
    return not b.actor or bool({r.id for r in a.actor} & {r.id for r in b.actor})


def natural_force(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "days after Cyclone Nargis struck", "an earthquake killed 300 people": a storm, a
    flood or a quake that strikes or kills is a disaster, no one's attack (a "Storm Shadow"
    missile is still a weapon)."""
    words = ctx.lex.cue("disaster_words")
    kept = []
    for c in cands:
        subj = subject(c.trigger)[0] if c.trigger.pos_ == "VERB" else None
        if subj is None or is_weapon(subj, ctx.lex):
            kept.append(c)
            continue
        heads = [subj, *(t for t in subj.children if t.dep_ == "compound")]
        if not any(h.lemma_.lower() in words or h.lower_ in words for h in heads):
            kept.append(c)
    return kept


_STATE_SECTORS = frozenset({"GOV", "IGO"})
_CONTROL_DEPS = frozenset({"xcomp", "advcl"})


def state_protest(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "China summoned the ambassador to protest against Tokyo's release", "the French
    government protested the decision": a state's protest is diplomatic disapproval (ACCUSE),
    not a demonstration; PLOVER's PROTEST is civilians' collective action."""
    for c in cands:
        if c.type != "PROTEST" or c.trigger.pos_ != "VERB" or c.trigger.lemma_ != "protest":
            continue
        if c.actor and _state_subject(c.trigger) and all(_stately(a) for a in c.actor):
            c.type, c.mode = "ACCUSE", "disapprove"
    return cands


def _state_subject(verb: Token) -> bool:
    """The verb's subject, or the subject of the verb whose purpose it is, names a state or a
    government ("China", "the government"), not a crowd ("Kenyans", "protesters")."""
    node = verb
    for _ in range(3):
        subj = subject(node)[0]
        if subj is not None:
            return subj.ent_type_ in ("GPE", "ORG") or subj.lemma_.lower() in ("government",)
        if node.dep_ not in _CONTROL_DEPS or node.head == node:
            return False
        node = node.head
    return False


def _stately(ref: ActorRef) -> bool:
    return ref.sector in _STATE_SECTORS or (ref.sector is None and ref.country is not None)


def released_things(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Tokyo's release of treated wastewater", "the release of the report": what is
    released is a thing, not a prisoner, so no RETREAT release."""
    things = ctx.lex.cue("released_things")
    kept = []
    for c in cands:
        if c.type == "RETREAT" and c.trigger.pos_ == "NOUN" and c.trigger.lemma_ == "release":
            objs = [p for _, p in prep_objects(c.trigger, ("of",))]
            if objs and all(o.lemma_.lower() in things for o in objs):
                continue
        kept.append(c)
    return kept


def signed_agreement(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "welcomed the truce agreement signed by X and Y": a pact named with its signing is the
    signing (SUPPORT, as "X and Y signed an agreement"), not a promise to agree."""
    pacts, signing = ctx.lex.cue("pact_words"), ctx.lex.cue("signing_verbs")
    for c in cands:
        noun = c.trigger
        if c.type != "AGREE" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in pacts:
            continue
        if any(k.dep_ == "acl" and k.lemma_.lower() in signing for k in noun.children):
            c.type, c.mode = "SUPPORT", None
    return cands


def exercise_deployment(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "began a joint exercise with the US Navy, deploying aircraft carriers": the forces
    an exercise deploys are part of the exercise (COOPERATE), no MOBILIZE of their own."""
    words = ctx.lex.cue("drill_words")
    drills = [c for c in cands if c.type == "COOPERATE" and c.trigger.lemma_ in words]
    kept = []
    for c in cands:
        verb = c.trigger
        participle = verb.pos_ == "VERB" and verb.tag_ == "VBG" and verb.dep_ == "advcl"
        if c.type == "MOBILIZE" and participle and any(_part_of(verb, d) for d in drills):
            continue
        kept.append(c)
    return kept


def _part_of(verb: Token, drill: EventCandidate) -> bool:
    """The participle hangs on the exercise's verb ("began a joint exercise, deploying")."""
    anchor = drill.trigger if drill.trigger.pos_ == "VERB" else drill.trigger.head
    return verb.head == anchor


def consult_purpose(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "spoke by telephone with Chirac to coordinate their positions": what two sides talk
    in order to do is the talks' topic, not a cooperation of its own."""
    talks = {c.trigger.i: c for c in cands if c.type == "CONSULT" and c.trigger.pos_ == "VERB"}
    kept = []
    for c in cands:
        verb = c.trigger
        talk = talks.get(verb.head.i) if verb.dep_ == "advcl" else None
        to = any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children)
        if c.type == "COOPERATE" and talk is not None and to and _same_actor(talk, c):
            if talk.content is None:
                talk.content = " ".join(t.text for t in verb.subtree if t.dep_ != "aux")
            continue
        kept.append(c)
    return kept


def carried_person(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "detained the president and flew him to Costa Rica": a travel verb whose object is a
    person carries someone; it is no visit or move of the subject's own."""
    return [
        c
        for c in cands
        if not (
            c.pattern.roles == "destination"
            and c.type in ("CONSULT", "MOBILIZE")
            and any(_a_person(k) for k in c.trigger.children if k.dep_ == "dobj")
        )
    ]


def _a_person(tok: Token) -> bool:
    """ "flew him", "flew Zelaya": a person carried (goods flown stay aid)."""
    return tok.pos_ == "PRON" or tok.ent_type_ == "PERSON"


def person_handover(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "transferred Ratko Mladic to the war crimes tribunal": a named person handed to a
    court or another state is judicial cooperation (COOPERATE, CAMEO 0213x), not aid."""
    handovers = ctx.lex.cue("handover_verbs")
    for c in cands:
        verb = c.trigger
        if c.type != "AID" or verb.pos_ != "VERB" or verb.lemma_.lower() not in handovers:
            continue
        obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
        if obj is not None and obj.ent_type_ == "PERSON":
            c.type, c.mode = "COOPERATE", None
            c.context.add("legal")
    return cands


def armed_gathering(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Russian troops massed on the border", "armed gangs massed around the terminal":
    armed men gathering is a show of force (MOBILIZE troops), not a protest."""
    verbs, armed = ctx.lex.cue("gathering_verbs"), ctx.lex.cue("armed_words")
    for c in cands:
        if c.type != "PROTEST" or c.trigger.lemma_.lower() not in verbs:
            continue
        subj = subject(c.trigger)[0]
        heads = [] if subj is None else [subj, *(p for _, p in prep_objects(subj, ("of",)))]
        if any(h.lemma_.lower() in armed or h.lower_ in armed for h in heads):
            c.type, c.mode = "MOBILIZE", "troops"
    return cands


def remorse(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "the president apologised for his government's fertiliser ban", "apologised to
    Aboriginal Australians for past injustices": regret or remorse for one's own act is a
    concession (PLOVER CONCEDE); only an apology to another state ("Argentina apologized to
    Brazil for the incident") is the diplomatic gesture CAMEO 055 puts under SUPPORT."""
    words = ctx.lex.cue("apology_words")
    for c in cands:
        if c.type != "SUPPORT" or c.trigger.lemma_.lower() not in words:
            continue
        homes = {a.country for a in c.actor}
        if not any(r.country and r.country not in homes for r in c.recipient):
            c.type, c.mode = "CONCEDE", None
    return cands


def signing_noun(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "welcomed the signing of a peace deal between the government and the rebels", "the
    ratification of the treaty by the Polish parliament": the signing named as a noun is the
    signers' act (SUPPORT, as "X and Y signed a deal"), besides what is said of it; the
    signers are its "by" agents or the pact's "between" sides."""
    nouns, pacts = ctx.lex.cue("signing_nouns"), ctx.lex.cue("pact_words")
    taken = {c.trigger.i for c in cands}
    for tok in ctx.doc:
        if tok.i in taken or tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
            continue
        signed = [p for _, p in prep_objects(tok, ("of",)) if p.lemma_.lower() in pacts]
        if not signed:
            continue
        holders = [tok, *signed]
        sides = [p for h in holders for _, p in prep_objects(h, ("by", "between"))]
        signers = unique(r for p in sides for r in ctx.actors.refs(p))
        if not signers:
            continue
        pattern = Pattern(tok.lemma_.lower(), "SUPPORT", "noun")
        clause = tok.head if tok.head.pos_ == "VERB" else tok
        cand = EventCandidate(pattern, tok, clause, signers, (), "SUPPORT", None)
        cand.clause_dated = False  # "welcomed the signing": the signing came first
        cands.append(cand)
    return cands
