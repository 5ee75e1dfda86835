"""Rules for what crowds and workforces do (#11): a riot is a protest, not an attack, and a
workers' strike is a protest, not an air strike.

PLOVER codes unarmed crowds' violence against property as PROTEST riot and a withdrawal of
labour as PROTEST strike; the trigger words ("torched", "strike") are shared with ASSAULT, so
these rules read who acts and what the act is over.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import prep_objects, relative_antecedent, subject
from eventline.events.candidate import EventCandidate
from eventline.events.dating import event_place
from eventline.events.rules_base import RuleContext
from eventline.model import ActorRef


def crowd_riot(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Rioters torched cars and looted shops", "protesters set fire to the town hall": damage
    a crowd of unnamed people does to property is, as PLOVER codes it, a riot (PROTEST riot),
    not an ASSAULT; the crowd's country stays its actor and no property is a recipient."""
    crowd = {s.upper() for s in ctx.lex.cue("crowd_sectors")}
    for c in cands:
        if c.type != "ASSAULT" or c.trigger.lemma_.lower() not in ctx.lex.cue("riot_damage_verbs"):
            continue
        if not c.actor or not all(a.id.startswith("desc:") and a.sector in crowd for a in c.actor):
            continue
        if any(r.id.startswith("desc:") for r in c.recipient):
            continue  # "rioters stoned the police": people were attacked
        c.type, c.mode, c.recipient = "PROTEST", "riot", ()
    return cands


def labour_strike(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "The union launched a strike against General Motors", "teachers began a strike over
    pay", "nurses struck for a third day": a strike by workers, against an employer or over
    pay is a withdrawal of labour (PROTEST strike), not an armed strike."""
    sectors = {s.upper() for s in ctx.lex.cue("strike_sectors")}
    for c in cands:
        strike = _strike(c.trigger)
        if c.type != "ASSAULT" or strike is None:
            continue
        striker = subject(c.clause)[0] if c.clause.pos_ in ("VERB", "AUX") else None
        if (
            _workers(striker, ctx)
            or any(a.sector == "LAB" for a in c.actor)
            or (bool(c.recipient) and all(r.sector in sectors for r in c.recipient))
            or _over_labour(strike, ctx)
        ):
            c.type, c.mode, c.recipient = "PROTEST", "strike", ()
    return cands


def _strike(trigger: Token) -> Token | None:
    """The strike word of the trigger: itself, or the object of "launched a strike"."""
    if trigger.lemma_.lower() == "strike":
        return trigger
    obj = next((x for x in trigger.children if x.dep_ == "dobj"), None)
    return obj if obj is not None and obj.lemma_.lower() == "strike" else None


def _workers(subj: Token | None, ctx: RuleContext) -> bool:
    """A subject naming workers ("teachers in Chile", "thousands of nurses", "the union")."""
    if subj is None:
        return False
    words = ctx.lex.cue("worker_words")
    heads = [subj, *(p for _, p in prep_objects(subj, ("of",)))]
    for head in heads:
        if head.lemma_.lower() in words or head.lower_ in words:
            return True
        if any(m.dep_ == "compound" and m.lemma_.lower() in words for m in head.children):
            return True  # "rail workers' union", "the teachers union"
    return False


def _over_labour(trigger: Token, ctx: RuleContext) -> bool:
    """ "a strike over pay", "a strike for higher wages"."""
    words = ctx.lex.cue("labour_words")
    holders = [trigger, trigger.head] if trigger.pos_ == "NOUN" else [trigger]
    return any(
        t.lemma_.lower() in words
        for h in holders
        for _, p in prep_objects(h, ("over", "for", "against"))
        for t in p.subtree
    )


def counted_crowd(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Thousands marched in Atlanta", "hundreds rallied outside parliament in Tbilisi": a
    protest whose subject only counts the crowd is coded, as PLOVER codes unnamed protesters,
    by the country where it happens (runs after `rules_places.protest_country`, which reads
    a named place actor)."""
    counts = ctx.lex.cue("crowd_counts")
    for c in cands:
        if c.actor or c.type != "PROTEST" or c.clause.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject(c.clause)[0]
        if subj is None or not (subj.lemma_.lower() in counts or subj.lower_ in counts):
            continue
        place = event_place(c.clause, ctx.actors, ctx.lex)
        if place is None or place.country is None:
            continue
        country, name = place.country, subj.text
        ident = f"desc:{country}:OPP:crowd"
        c.actor = (ActorRef(id=ident, name=name, country=country, sector="OPP"),)
    return cands


def protesters_gathering(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Demonstrators who had gathered outside parliament": coming together is a protest
    when protesters do it; anyone else gathering ("leaders gathered in Brussels", "thousands
    gathered for the funeral") is no event of this verb."""
    verbs, words = ctx.lex.cue("gathering_verbs"), ctx.lex.cue("protester_words")
    kept = []
    for c in cands:
        if c.type == "PROTEST" and c.trigger.lemma_.lower() in verbs:
            subj = subject(c.trigger)[0]
            if subj is not None and subj.lower_ in ("who", "that", "which"):
                subj = relative_antecedent(subj)
            heads = [] if subj is None else [subj, *(p for _, p in prep_objects(subj, ("of",)))]
            if not any(h.lemma_.lower() in words for h in heads):
                continue
        kept.append(c)
    return kept


def crowd_object(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "Police dispersed the protesters", "troops broke up the crowd": a coercive verb whose
    pattern names its object (`disperse` a crowd, `break up` a rally) takes that object as a
    condition of the trigger, not as a party; when it is people ("the protesters", "the
    crowd", `crowd_sectors`) they are the ones acted on, and with no other target named they
    are the recipient (a gathering, "dispersed the rally", names no one)."""
    crowd = {s.upper() for s in ctx.lex.cue("crowd_sectors")}
    for c in cands:
        if c.recipient or c.type not in _CROWD_TARGET_TYPES or not c.pattern.obj:
            continue
        if c.trigger.pos_ != "VERB":
            continue
        obj = next((k for k in c.trigger.children if k.dep_ == "dobj"), None)
        if obj is None:
            continue
        found = ctx.actors.refs(obj) or ctx.actors.descriptor(obj)
        if found and all(r.id.startswith("desc:") and r.sector in crowd for r in found):
            c.recipient = tuple(found)
    return cands


# Acts done to a crowd that the patterns name by their object.
_CROWD_TARGET_TYPES = frozenset({"COERCE", "ASSAULT"})
