"""Issue 11 coder fixes, on hand-built parses (no model): a visit noun whose visitor is the
clause's subject, a relative clause's subject as an event noun's recipient only when the
event befell it, and a past plan's limit ("before the June 13 attack") taken as a fact."""

from __future__ import annotations

import pytest

from eventline.events import coder
from eventline.events.candidate import EventCandidate
from eventline.events.modality import modality
from eventline.events.patterns import lexicon
from tests.events.conftest import ACTORS, Row, candidates_of, names, parsed_doc


def _of(cands: list[EventCandidate], trigger: str) -> list[EventCandidate]:
    return [c for c in cands if c.trigger.text == trigger]


def _raw(rows: list[Row], monkeypatch: pytest.MonkeyPatch) -> list[EventCandidate]:
    """What the coder itself reads, before any rule runs (so a patch rule cannot hide it)."""
    monkeypatch.setattr(coder, "apply_rules", lambda cands, ctx: cands)
    return candidates_of(parsed_doc(rows, ACTORS))


# -- 1. the visitor named only as the clause's subject --------------------------------------

ON_VISIT_SUBJECT: list[Row] = [  # Brandt, on a visit to Warsaw, praised Nigeria.
    ("Brandt", 8, "nsubj", "PROPN", "NNP", "Brandt"),
    (",", 0, "punct", "PUNCT", ",", ","),
    ("on", 0, "prep", "ADP", "IN", "on"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("visit", 2, "pobj", "NOUN", "NN", "visit"),
    ("to", 4, "prep", "ADP", "IN", "to"),
    ("Warsaw", 5, "pobj", "PROPN", "NNP", "Warsaw"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("praised", 8, "ROOT", "VERB", "VBD", "praise"),
    ("Nigeria", 8, "dobj", "PROPN", "NNP", "Nigeria"),
    (".", 8, "punct", "PUNCT", ".", "."),
]
ON_VISIT_VERB: list[Row] = [  # Brandt, on a trip to Warsaw, praised Nigeria (on -> verb).
    (w, 8 if i == 2 else h, d, p, t, lemma)
    for i, (w, h, d, p, t, lemma) in enumerate(ON_VISIT_SUBJECT)
]
ON_VISIT_VERB[4] = ("trip", 2, "pobj", "NOUN", "NN", "trip")
COURSE_OF_VISIT: list[Row] = [  # In the course of a visit to Warsaw, Brandt praised Nigeria.
    ("In", 10, "prep", "ADP", "IN", "in"),
    ("the", 2, "det", "DET", "DT", "the"),
    ("course", 0, "pobj", "NOUN", "NN", "course"),
    ("of", 2, "prep", "ADP", "IN", "of"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("visit", 3, "pobj", "NOUN", "NN", "visit"),
    ("to", 5, "prep", "ADP", "IN", "to"),
    ("Warsaw", 6, "pobj", "PROPN", "NNP", "Warsaw"),
    (",", 10, "punct", "PUNCT", ",", ","),
    ("Brandt", 10, "nsubj", "PROPN", "NNP", "Brandt"),
    ("praised", 10, "ROOT", "VERB", "VBD", "praise"),
    ("Nigeria", 10, "dobj", "PROPN", "NNP", "Nigeria"),
    (".", 10, "punct", "PUNCT", ".", "."),
]
VISITOR_AS_OBJECT: list[Row] = [  # Nigeria praised Brandt, on a visit to Warsaw.
    ("Nigeria", 1, "nsubj", "PROPN", "NNP", "Nigeria"),
    ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
    ("Brandt", 1, "dobj", "PROPN", "NNP", "Brandt"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("a", 6, "det", "DET", "DT", "a"),
    ("visit", 4, "pobj", "NOUN", "NN", "visit"),
    ("to", 6, "prep", "ADP", "IN", "to"),
    ("Warsaw", 7, "pobj", "PROPN", "NNP", "Warsaw"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


@pytest.mark.parametrize(
    ("rows", "trigger"),
    [(ON_VISIT_SUBJECT, "visit"), (ON_VISIT_VERB, "trip"), (COURSE_OF_VISIT, "visit")],
)
def test_visit_noun_takes_the_clause_subject_as_visitor(rows: list[Row], trigger: str) -> None:
    visits = _of(candidates_of(parsed_doc(rows, ACTORS)), trigger)
    assert len(visits) == 1
    assert (visits[0].type, visits[0].mode) == ("CONSULT", "visit")
    assert names(visits[0].actor) == ["Tomas Brandt"]
    assert names(visits[0].recipient) == ["Poland"]


def test_visit_phrase_on_an_object_is_not_the_subjects_visit() -> None:
    """ "Nigeria praised Brandt, on a visit to Warsaw": the visit is Brandt's, not Nigeria's;
    the phrase hangs on the object, so the coder names no visitor."""
    visits = _of(candidates_of(parsed_doc(VISITOR_AS_OBJECT, ACTORS)), "visit")
    assert all("Nigeria" not in names(v.actor) for v in visits)


# -- 2. a relative clause's subject as the recipient ----------------------------------------


def _relative(verb: str, lemma: str, *, passive: bool = False) -> list[Row]:
    """Polish sanctions, which Germany <verb>, ended. (or "which Germany was <verb> with")"""
    rows: list[Row] = [
        ("Polish", 1, "amod", "ADJ", "JJ", "polish"),
        ("sanctions", 9 if passive else 7, "nsubj", "NOUN", "NNS", "sanction"),
        (",", 1, "punct", "PUNCT", ",", ","),
    ]
    if passive:  # Polish sanctions, which Germany was hit with, ended.
        rows += [
            ("which", 7, "pobj", "PRON", "WDT", "which"),
            ("Germany", 6, "nsubjpass", "PROPN", "NNP", "Germany"),
            ("was", 6, "auxpass", "AUX", "VBD", "be"),
            (verb, 1, "relcl", "VERB", "VBN", lemma),
            ("with", 6, "prep", "ADP", "IN", "with"),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("ended", 9, "ROOT", "VERB", "VBD", "end"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ]
    else:
        rows += [
            ("which", 5, "dobj", "PRON", "WDT", "which"),
            ("Germany", 5, "nsubj", "PROPN", "NNP", "Germany"),
            (verb, 1, "relcl", "VERB", "VBD", lemma),
            (",", 1, "punct", "PUNCT", ",", ","),
            ("ended", 7, "ROOT", "VERB", "VBD", "end"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ]
    return rows


@pytest.mark.parametrize(
    ("verb", "lemma"), [("approved", "approve"), ("imposed", "impose"), ("took", "take")]
)
def test_relative_clause_author_is_no_recipient_in_the_coder(
    verb: str, lemma: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "sanctions, which Germany approved": Germany did something to the act, it is no
    target; the coder itself says so, with no rule to patch it."""
    found = _of(_raw(_relative(verb, lemma), monkeypatch), "sanctions")
    assert found and all(names(c.recipient) == [] for c in found)


def test_relative_clause_undergoer_is_the_recipient(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "sanctions, which Germany faced": the sanctions befell Germany."""
    rows = _relative("faced", "face")
    coded = _of(candidates_of(parsed_doc(rows, ACTORS)), "sanctions")
    assert [names(c.recipient) for c in coded] == [["Germany"]]  # the patch rule keeps it
    raw = _of(_raw(rows, monkeypatch), "sanctions")
    assert [names(c.recipient) for c in raw] == [["Germany"]]


def test_passive_relative_clause_subject_is_the_recipient() -> None:
    """ "sanctions, which Germany was hit with": the passive subject underwent them."""
    found = _of(
        candidates_of(parsed_doc(_relative("hit", "hit", passive=True), ACTORS)), "sanctions"
    )
    assert [names(c.recipient) for c in found] == [["Germany"]]


# -- 3. past plans and the acts they are timed by --------------------------------------------


def _plan(aux: str, aux_tag: str, verb_tag: str, head_lemma: str) -> list[Row]:
    """Poland <had planned | will plan> to strike Nigeria before Germany's attack."""
    return [
        ("Poland", 2, "nsubj", "PROPN", "NNP", "Poland"),
        (aux, 2, "aux", "AUX", aux_tag, "have" if aux == "had" else aux),
        ("planned" if verb_tag == "VBN" else "plan", 2, "ROOT", "VERB", verb_tag, head_lemma),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("strike", 2, "xcomp", "VERB", "VB", "strike"),
        ("Nigeria", 4, "dobj", "PROPN", "NNP", "Nigeria"),
        ("before", 4, "prep", "ADP", "IN", "before"),
        ("Germany", 9, "poss", "PROPN", "NNP", "Germany"),
        ("'s", 7, "case", "PART", "POS", "'s"),
        ("attack", 6, "pobj", "NOUN", "NN", "attack"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]


def test_past_plan_is_planned_but_its_limit_happened() -> None:
    """ "had planned to strike Nigeria before Germany's attack": the strike is a plan the text
    does not report carried out (planned); the attack it was to precede took place."""
    doc = parsed_doc(_plan("had", "VBD", "VBN", "plan"), ACTORS)
    assert modality(doc[4], lexicon()) == "planned"
    assert modality(doc[9], lexicon()) == "asserted"


def test_future_plan_limit_stays_open() -> None:
    """ "will plan to strike Nigeria before Germany's attack": nothing says the attack
    happened, so it shares the plan's modality."""
    doc = parsed_doc(_plan("will", "MD", "VB", "plan"), ACTORS)
    assert modality(doc[9], lexicon()) == "planned"


def test_completed_past_act_is_never_planned() -> None:
    """ "Poland had struck Nigeria before Germany's attack": a completed act."""
    rows: list[Row] = [
        ("Poland", 2, "nsubj", "PROPN", "NNP", "Poland"),
        ("had", 2, "aux", "AUX", "VBD", "have"),
        ("struck", 2, "ROOT", "VERB", "VBN", "strike"),
        ("Nigeria", 2, "dobj", "PROPN", "NNP", "Nigeria"),
        ("before", 2, "prep", "ADP", "IN", "before"),
        ("Germany", 7, "poss", "PROPN", "NNP", "Germany"),
        ("'s", 5, "case", "PART", "POS", "'s"),
        ("attack", 4, "pobj", "NOUN", "NN", "attack"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, ACTORS)
    assert modality(doc[2], lexicon()) == "asserted"
    assert modality(doc[7], lexicon()) == "asserted"


def test_grievance_of_a_planned_sanction_happened() -> None:
    """ "Poland plans to sanction Germany over its attack": the attack is the grievance."""
    rows: list[Row] = [
        ("Poland", 1, "nsubj", "PROPN", "NNP", "Poland"),
        ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("sanction", 1, "xcomp", "VERB", "VB", "sanction"),
        ("Germany", 3, "dobj", "PROPN", "NNP", "Germany"),
        ("over", 3, "prep", "ADP", "IN", "over"),
        ("its", 7, "poss", "PRON", "PRP$", "its"),
        ("attack", 5, "pobj", "NOUN", "NN", "attack"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, ACTORS)
    assert modality(doc[3], lexicon()) == "planned"
    assert modality(doc[7], lexicon()) == "asserted"


def test_accused_passive_subject_is_no_recipient(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "sanctions, which Germany was accused of": the accused is the author, not a target."""
    rows = _relative("accused", "accuse", passive=True)
    assert [names(c.recipient) for c in _of(_raw(rows, monkeypatch), "sanctions")] == [[]]
