"""Events carried by a speech act's content rather than by a trigger word.

- ACCUSE 'disapprove': speech whose content disapproves of an action ("there was no
  justification for the US bombing") accuses that action's actor.
- REQUEST: speech that puts an obligation on someone else ("X said Y must withdraw", "X
  insisted that Y should release ...") is a demand by the speaker on Y; so is a mandative
  subjunctive after a verb of insisting ("X insisted that Y agree to ...": the bare verb
  carries the obligation, where "X insisted that Y agreed" only reports). A speaker's own
  obligation ("we must act") is no request, and nor is an obligation with no named actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.args import ActorIndex, first, subject
from eventline.events.candidate import EventCandidate, own_actor
from eventline.events.patterns import EventLexicon, Pattern
from eventline.model import ActorRef

_OBLIGATION = {"must", "should"}
_SINGULAR = {"NN", "NNP"}


def _speech_verb(tok: Token, lex: EventLexicon) -> Token | None:
    """The clausal complement of a speech verb, or None."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.cue("speech_verbs"):
        return None
    return first(tok, "ccomp")


def speech_accuse(tok: Token, actors: ActorIndex, lex: EventLexicon) -> EventCandidate | None:
    """A speech act whose content disapproves of someone's action is ACCUSE 'disapprove'."""
    comp = _speech_verb(tok, lex)
    if comp is None:
        return None
    words = {t.lemma_.lower() for t in comp.subtree}
    if not words & lex.cue("disapproval_words"):
        return None
    target: tuple[ActorRef, ...] = ()
    for t in comp.subtree:
        if t.lemma_.lower() in lex.nouns and (own := own_actor(t, actors)):
            target = own
            break
    subj, _ = subject(tok)
    pattern = Pattern(lemma=tok.lemma_.lower(), type="ACCUSE", pos="verb", mode="disapprove")
    cand = EventCandidate(pattern, tok, tok, actors.refs(subj), target, "ACCUSE", "disapprove")
    cand.from_speech = True
    return cand


def _sides(refs: tuple[ActorRef, ...]) -> set[str]:
    return {r.country or r.id for r in refs}


def _obliges(tok: Token, comp: Token, lex: EventLexicon) -> bool:
    """The complement states an obligation: a modal of obligation, or a bare (subjunctive)
    verb with no auxiliary after a verb of insisting."""
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in comp.children):
        return True
    if tok.lemma_.lower() not in lex.cue("mandative_verbs"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in comp.children):
        return False
    if comp.tag_ == "VB":
        return True
    # Taggers read the subjunctive as a present (VBP): it is one when the subject is singular
    # ("that Germany release") or the insisting is past ("insisted that the unions agree").
    subj = first(comp, "nsubj")
    return comp.tag_ == "VBP" and (
        tok.tag_ == "VBD" or (subj is not None and subj.tag_ in _SINGULAR)
    )


def speech_request(tok: Token, actors: ActorIndex, lex: EventLexicon) -> EventCandidate | None:
    """ "X said (that) Y must/should do Z", "X insisted that Y do Z": REQUEST by X on Y."""
    comp = _speech_verb(tok, lex)
    if comp is None or not _obliges(tok, comp, lex):
        return None
    if any(c.dep_ == "neg" for c in (*tok.children, *comp.children)):
        return None
    obliged = actors.refs(first(comp, "nsubj", "nsubjpass"))
    speaker = actors.refs(subject(tok)[0])
    if not obliged or not speaker or _sides(obliged) & _sides(speaker):
        return None  # "Velkor (French) said France must act": one's own side's obligation
    pattern = Pattern(lemma=tok.lemma_.lower(), type="REQUEST", pos="verb")
    cand = EventCandidate(pattern, tok, tok, speaker, obliged, "REQUEST", None)
    cand.from_speech = True
    return cand
