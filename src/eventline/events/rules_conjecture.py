"""A writer's conjecture is no event (#11, class 4). PLOVER codes what happened; "it is
unlikely that the minister flew to Moscow just to condemn the strikes", "would Moscow really
send troops?" tell what the writer doubts or asks, not what anyone did. Modality marks hedged
events that still report something ("reportedly supplied", "a widely expected attack", an
opinion writer's "the most obvious explanation is that ...": speculative, see `modality`);
these two frames report nothing, so their acts are dropped:

- an improbability predicate above the act ("it is unlikely that ...", "X is unlikely to
  ...", "it is doubtful that ...");
- a question whose main verb carries a modal ("would Moscow really send troops?").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext

# Predicates that doubt their complement (the content is probably false or unknown).
_DOUBT = frozenset({"unlikely", "improbable", "doubtful", "implausible", "inconceivable"})
_MODALS = frozenset({"would", "could", "might", "will", "can", "should", "may", "shall"})
_DEPTH = 8
_CHAIN = frozenset({"ccomp", "xcomp", "advcl", "conj", "csubj", "dobj", "attr", "nsubj"})


def conjectured_acts(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """Drops the acts a writer doubts or asks about (see the module)."""
    return [c for c in cands if not (_doubted(c.trigger) or _asked(c.trigger, c.clause))]


def _governors(tok: Token) -> list[tuple[Token, Token]]:
    """(child, head) steps from `tok` up through the clauses and objects that embed it; not
    out of a prepositional phrase, whose act the frame presupposes ("it is unlikely that
    Iran will retaliate for the strikes": the strikes happened)."""
    steps, node = [], tok
    for _ in range(_DEPTH):
        if node.head == node or node.dep_ not in _CHAIN:
            break
        steps.append((node, node.head))
        node = node.head
    return steps


def _doubted(trigger: Token) -> bool:
    """ "It is unlikely that X flew ...", "X is unlikely to attack": the act is a complement of
    a doubting adjective (or of the copula the adjective completes)."""
    for child, head in _governors(trigger):
        if child.dep_ not in ("ccomp", "xcomp", "csubj"):
            continue
        if head.lower_ in _DOUBT:
            return True
        if any(c.dep_ == "acomp" and c.lower_ in _DOUBT for c in head.children):
            return True
    return False


def _asked(trigger: Token, clause: Token) -> bool:
    """ "Would Moscow really send troops to defend Tehran?": a question whose main verb takes a
    modal asks whether something may happen; nothing is reported to have happened."""
    sent = trigger.sent
    if not sent.text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return False
    root = sent.root
    if clause != root and root not in clause.ancestors and clause not in root.subtree:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _MODALS and c.i < root.i for c in root.children)
