"""Relative clauses on event nouns that name whom the event befell.

`rules_recipients.relative_author` strips the subject of any relative clause with an object
gap from an act noun's recipients ("the sanctions the US imposed": the US is no target). The
coder now reads a relative clause's subject as the recipient only when the clause says the
act befell it (`candidate.relative_party`: "the sanctions Iran faced", "the attack Ukraine
suffered"); this rule, run right after the patch, gives those recipients back so the patch
stays harmless for the one kind of relative clause whose subject is the target.
"""

from __future__ import annotations

from eventline.events.args import children
from eventline.events.candidate import EventCandidate, relative_party
from eventline.events.rules_base import RuleContext


def undergone_relative(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """ "US sanctions, which Iran faced for years, ...": Iran is the sanctions' recipient."""
    undergo = ctx.lex.cue("undergo_verbs")
    for c in cands:
        if c.trigger.pos_ != "NOUN" or c.recipient or c.from_speech:
            continue
        ids = {a.id for a in c.actor}
        for clause in children(c.trigger, "relcl"):
            found = tuple(r for r in relative_party(clause, ctx.actors, undergo) if r.id not in ids)
            if found:
                c.recipient = found
                break
    return cands
