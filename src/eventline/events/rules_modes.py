"""The mode of a refusal or a demand read from what it is about (#11).

PLOVER's REJECT and REQUEST share four modes by the content refused or asked for (`change`
in policy or office, `assist` in exchange or aid, `yield` in a release or a ceasefire, `meet`
in talks). The coder's fallback reads cue words anywhere in the clause, so a veto "at a
summit" became a refused meeting. This rule runs last and fills only a mode the coder left
empty (a mode the fallback or a pattern already set stays): it reads what is refused or
asked for, the thing vetoed, the action refused ("refused to release the prisoners"), what
is offered or asked for ("the offer of talks"), its modifiers before its head ("the EU aid
package": aid).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import first, prep_objects
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext

_TYPES = frozenset({"REJECT", "REQUEST"})
# The manual's order of precedence when an object names two: the most specific first.
_MODES = ("yield", "meet", "assist", "change")


def object_mode(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Set the mode of a REJECT or REQUEST with none from its object (module docstring)."""
    tables = {
        "yield": ctx.lex.cue("mode_yield_objects"),
        "meet": ctx.lex.cue("mode_meet_objects"),
        "assist": ctx.lex.cue("mode_assist_objects"),
        "change": ctx.lex.cue("mode_change_objects"),
    }
    for c in cands:
        if c.type not in _TYPES or c.mode is not None:
            continue
        for words in _object_words(c.trigger):
            found = next((m for m in _MODES if words & tables[m]), None)
            if found is not None:
                c.mode = found
                break
    return cands


def _object_words(trigger: Token) -> list[set[str]]:
    """The words of what the trigger refuses or asks for, most telling first: the modifiers
    and "of"/"for"/"on" objects of the object, then the object itself, then the action of a
    to-infinitive ("refused to release", "asked X to withdraw")."""
    found: list[set[str]] = []
    heads: list[Token] = []
    if trigger.pos_ == "NOUN":  # "the veto of the bill", "a request for aid"
        heads += [p for _, p in prep_objects(trigger, ("of", "for", "on"))]
    else:
        obj = first(trigger, "dobj", "nsubjpass")
        if obj is not None:
            heads.append(obj)
        heads += [p for _, p in prep_objects(trigger, ("for", "on", "to"))]
    for head in heads:
        mods = [t for t in head.children if t.dep_ in ("compound", "amod", "nmod")]
        mods += [p for _, p in prep_objects(head, ("of", "for", "on", "to"))]
        mods += [x for t in mods for x in t.children if x.dep_ == "compound"]
        found.append(_lemmas(mods))
        found.append(_lemmas([head]))
    xcomp = first(trigger, "xcomp")
    if xcomp is not None:  # "refused to release the prisoners": the act refused
        found.append(_lemmas([xcomp]))
    return [w for w in found if w]


def _lemmas(toks: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
