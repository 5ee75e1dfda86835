"""An event before it becomes a record, and the actor named inside a trigger noun's phrase.

Shared by the trigger coder (`coder.py`) and the speech-act rules (`speech.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventline.events.args import ActorIndex, hyphen_joined, prep_objects, unique
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
