"""An event before it becomes a record, and the actor named inside a trigger noun's phrase.

Shared by the trigger coder (`coder.py`) and the speech-act rules (`speech.py`)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventline.events.args import ActorIndex, first, hyphen_joined, prep_objects, unique
from eventline.events.patterns import Pattern
from eventline.model import ActorRef


@dataclass
class EventCandidate:
    """An event before it becomes a record: what the parse says about one trigger."""

    pattern: Pattern
    trigger: Token
    clause: Token
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    type: str
    mode: str | None
    light: bool = False
    context: set[str] = field(default_factory=set)
    clause_dated: bool = True  # False: an argument noun ("condemned the US strikes") does not
    # take the date of the clause that mentions it
    content: str | None = None  # the embedded action of a speech act ("agreed to X": X)
    from_speech: bool = False  # read from what someone said (speech.py), not from a trigger
    embedded_recipient: tuple[ActorRef, ...] = ()  # the recipient of the dropped content
    asserted: bool = False  # a rule made this the act that happened (a refusal read from "not")


def own_actor(noun: Token, actors: ActorIndex) -> tuple[ActorRef, ...]:
    """Actor named inside a noun's own phrase: possessive, compound, adjective, "by" agent."""
    found: list[ActorRef] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found.extend(actors.refs(child))
            if child.dep_ == "compound":  # "US-Israel strikes": a chain of compounds
                inner = (x for x in child.children if x.dep_ == "compound")
                found.extend(r for x in inner for r in actors.refs(x))
            # "French-German strikes": hyphen-joined adjectives, parsed as a chain
            found.extend(r for x in hyphen_joined(child)[1:] for r in actors.refs(x))
    for _, pobj in prep_objects(noun, ("by", "from")):  # "an attack from Israel"
        found.extend(actors.refs(pobj))
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for _, pobj in prep_objects(acl, ("by",)):  # "the demonstration staged by students"
            found.extend(actors.refs(pobj) or actors.descriptor(pobj))
    return unique(found)


# Undergoing verbs whose subject, with the act as object, did or judged it: "the measures
# Russia took", "the deal Germany welcomed" name no target.
_DOER_VERBS = frozenset({"take", "welcome"})
# Passives whose subject is charged with the act, not struck by it.
_CHARGE_VERBS = frozenset({"accuse", "blame", "charge", "indict", "convict", "suspect", "fault"})
# Words that stand for the noun a relative clause is about ("the strikes which/that X ...").
_RELATIVE_WORDS = frozenset({"which", "that", "whom", "who"})


def relative_party(
    clause: Token, actors: ActorIndex, undergo: Collection[str]
) -> tuple[ActorRef, ...]:
    """The party an event noun's relative clause names as the one the event befell, if any.

    A relative clause's subject usually did something *to* the act: "an investigation, which
    the president approved", "the sanctions the US imposed", "the strike Iran condemned"
    name its author or a critic, never its target. The subject is the target only when the
    clause says the act befell it: a passive whose subject is named ("the sanctions Russia
    was hit with") or an undergoing verb whose object is the noun ("the sanctions Iran
    faced", "the attack Ukraine suffered")."""
    if clause.pos_ not in ("VERB", "AUX"):
        return ()
    passive_subj = first(clause, "nsubjpass")
    if passive_subj is not None and passive_subj.lower_ not in _RELATIVE_WORDS:
        if clause.lemma_.lower() in _CHARGE_VERBS:
            return ()  # "the strike Israel was accused of": the accused is the author
        return actors.refs(passive_subj)
    subj = first(clause, "nsubj")
    if subj is None or subj.lower_ in _RELATIVE_WORDS:
        return ()  # "an investigation that targeted X": the noun is the subject
    obj = first(clause, "dobj")
    object_gap = obj is None or obj.lower_ in _RELATIVE_WORDS
    lemma = clause.lemma_.lower()
    if object_gap and lemma in undergo and lemma not in _DOER_VERBS:
        return actors.refs(subj)
    return ()
