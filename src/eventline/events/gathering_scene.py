"""An event set at a gathering the text named before: where that gathering was (issue 9).

Campaign news names a gathering with its place once and then tells what happened at it by the
gathering alone: "Reyes met business owners in Nashua and then held a town hall in Concord. |
At the town hall, Reyes attacked Biden's record." The attack's clause names no place, and the
scene of the sentence before is ambiguous (Nashua or Concord); the definite "the town hall"
says which. `gathering_locations` gives such an event the place of the gathering named before,
marked `source: context`, when

- the event has no place, and its clause opens a "at"/"during"/"in" phrase on a gathering noun
  (`cues.yaml` `gatherings`: rally, debate, town hall, fundraiser, ...) made definite by "the",
  "that" or "this" ("At the town hall", "During the debate"), which itself names no place;
- one of the three sentences before names a gathering of the same noun (and the same compound:
  "town hall" is not "the hall" of another sentence), the nearest such mention;
- and that mention has a place: its own place phrase ("a town hall in Concord") or the place of
  the clause telling it ("held a town hall in Concord", "joined them in Istanbul for a
  meeting"). The nearest mention without a place stops the search: an older mention may be
  another gathering (another noun of a meeting without a place does not stop it: "could not
  return to talks" between "a meeting in Istanbul" and "the meeting").

"After the rally" or "before the debate" are left out: what follows a gathering may happen
elsewhere.

The event's subject may also be put at the gathering by a subject-less participle of the event's
verb ("Opening the session, Erdogan said ...") or by a relative clause on the subject ("Fidan,
who chaired the meeting, called for ..."), when its verb is one of taking part (`cues.yaml`
`gathering_verbs`: open, address, attend, chair, host, ...) and its object a definite gathering
noun; the relative clause sets no date of its own. Nouns of a meeting (`meeting_nouns`: meeting,
session, summit, talks, ...) name one another: "the session" after "a meeting of the OIC".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from eventline.model import EventMention, Place

_DEFINITE = frozenset({"the", "that", "this"})
_MAX_BACK = 3  # sentences


def _cues() -> dict[str, frozenset[str]]:
    from eventline.nlp.places import cues

    return cues()


def gathering_locations(
    doc: Doc,
    events: Sequence[EventMention],
    *,
    place_of: Callable[[Token], Place | None],
) -> list[EventMention]:
    """`events`, those the module docstring allows placed at the gathering named before.
    `place_of(noun)`: the place the text gives a gathering noun (its own phrase or clause)."""
    out = list(events)
    sents: list[Span] | None = None
    for k, event in enumerate(events):
        if event.location is not None:
            continue
        span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
        noun = _anaphor(span) if span is not None else None
        if noun is None:
            continue
        if sents is None:
            sents = list(doc.sents)
        found = _antecedent_place(sents, event.evidence.sentence, noun, place_of)
        if found is not None:
            out[k] = event.model_copy(
                update={"location": found.model_copy(update={"source": "context"})}
            )
    return out


def _anaphor(span: Span) -> Token | None:
    """The definite gathering noun of a place phrase of the event's own verb ("At the town
    hall, X attacked ..."), when the phrase names no place of its own; else the one a taking
    part puts the subject at ("Opening the session, X said", "X, who chaired the meeting,
    said": `_taking_part`)."""
    cues = _cues()
    verb = span.root
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in cues["gathering_prepositions"]:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _definite_gathering(noun):
                return noun
    return _taking_part(verb)


def _definite_gathering(noun: Token) -> bool:
    """A gathering noun made definite, naming no place of its own ("the town hall"; not "the
    rally in Erie", read by the clause)."""
    if noun.lemma_.lower() not in _cues()["gatherings"]:
        return False
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return False
    return not any(c.dep_ == "prep" for c in noun.children)


def _taking_part(verb: Token) -> Token | None:
    """The definite gathering a subject-less participle of the event's verb ("Opening the
    session, Erdogan said ...", "Addressing the summit, ...") or a relative clause on its
    subject ("Fidan, who chaired the two-day meeting, called ...") has its subject take part in
    (`cues.yaml` `gathering_verbs`); the relative clause dated by nothing of its own."""
    taking = _cues()["gathering_verbs"]
    while verb.dep_ == "conj" and verb.head != verb:  # "..., X said ... and urged ...": the first
        verb = verb.head
    clauses = [verb] + [  # "who chaired the meeting" itself told as a meeting
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBG"
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    ]
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for clause in (c for c in subject.children if c.dep_ == "relcl"):
            who = any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in clause.children)
            objects = {t.i for o in clause.children if o.dep_ == "dobj" for t in o.subtree}
            dated = any(  # "who chaired it last year"; not "the two-day meeting"
                t.ent_type_ in ("DATE", "TIME") and t.i not in objects for t in clause.subtree
            )
            modal = any(g.dep_ == "aux" and g.tag_ == "MD" for g in clause.children)
            if who and not dated and not modal:
                clauses.append(clause)
    for clause in clauses:
        if clause.lemma_.lower() not in taking:
            continue
        for noun in (c for c in clause.children if c.dep_ == "dobj"):
            if _definite_gathering(noun):
                return noun
    return None


def _key(noun: Token) -> tuple[str, ...]:
    """The gathering's noun with its compounds ("town hall", "campaign stop")."""
    words = [  # not a duration: "the two-day meeting" is "the meeting"
        c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and not c.ent_type_
    ]
    return (*words, noun.lemma_.lower())


def _antecedent_place(
    sents: Sequence[Span], i: int, noun: Token, place_of: Callable[[Token], Place | None]
) -> Place | None:
    """The place of the nearest earlier mention of the same gathering (see the docstring)."""
    key = _key(noun)
    for j in range(i - 1, max(-1, i - 1 - _MAX_BACK), -1):
        if j >= len(sents):
            continue
        mentions = [
            t for t in sents[j] if t.pos_ == "NOUN" and _mentions(t, key) and _same(_key(t), key)
        ]
        same = [t for t in mentions if t.lemma_.lower() == key[-1]]
        if same:
            return place_of(same[-1])
        for other in reversed(mentions):  # another noun of a meeting: only one with a place
            if (found := place_of(other)) is not None:
                return found
    return None


def _mentions(tok: Token, key: tuple[str, ...]) -> bool:
    """`tok` is a gathering noun like the anaphor's: the same, or another noun of a meeting."""
    lemma = tok.lemma_.lower()
    if lemma == key[-1]:
        return True
    meetings = _cues()["meeting_nouns"]
    return len(key) == 1 and key[-1] in meetings and lemma in meetings


def _same(found: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """The earlier mention names the same gathering: its compounds include the anaphor's
    ("a campaign town hall" for "the town hall"; "the hall" of a "town hall" too), or both are
    nouns of a meeting without compounds ("a meeting of the OIC" ... "the session")."""
    meetings = _cues()["meeting_nouns"]
    if len(wanted) == 1 and wanted[-1] in meetings and found[-1] in meetings:
        return True
    return set(wanted[:-1]) <= set(found[:-1])
