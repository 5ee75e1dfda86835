"""Partial quotes inside a reported clause (issue #11, quotes8): short quoted words the clause's
speaker is quoted as using are a direct quote of that speaker, not under a verb of naming, in
a subject or in another verb's clause; a verb of saying's quoted order; short statements
opening a paragraph or after an addressee and a colon. Parses built by hand where the rule
reads the tree; passages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventline.events.attribution import reporting_verbs
from eventline.events.patterns import lexicon
from eventline.events.quote_kinds import ordered_words, reported_fragment
from eventline.events.quote_spans import find_quote_spans
from eventline.events.speakers import quote_cues
from tests.events.conftest import Parse, Row, parsed_doc, quotes, speaker, tag_actors

_TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Ida Marsh": ("p_marsh", "Ida Marsh", "USA", "GOV", "PERSON"),
    "Marsh": ("p_marsh", "Ida Marsh", "USA", "GOV", "PERSON"),
    "Tom Okafor": ("p_okafor", "Tom Okafor", "USA", "GOV", "PERSON"),
    "Okafor": ("p_okafor", "Tom Okafor", "USA", "GOV", "PERSON"),
    "Brenwick Foods": ("o_brenwick", "Brenwick Foods", "USA", "BUS", "ORG"),
}
_NO_SPACE_BEFORE = {"”", ".", ",", ":"}


def _doc(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [
        w != "“" and (i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE)
        for i, w in enumerate(words)
    ]
    return parsed_doc(rows, _TABLE, spaces=spaces)


def _fragment_verb(rows: list[Row], nth: int = 0) -> str | None:
    doc = _doc(rows)
    span = find_quote_spans(doc.text, min_words=1)[nth]
    speech = reporting_verbs(lexicon())
    verb = reported_fragment(doc, span, speech, quote_cues()["thinking_verbs"])
    return verb.text if verb is not None else None


DEAD_ON_ARRIVAL: list[Row] = [  # Marsh said the deal was “dead on arrival”.
    ("Marsh", 1, "nsubj", "PROPN", "NNP", "Marsh"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("deal", 4, "nsubj", "NOUN", "NN", "deal"),
    ("was", 1, "ccomp", "AUX", "VBD", "be"),
    ("“", 6, "punct", "PUNCT", "``", '"'),
    ("dead", 4, "acomp", "ADJ", "JJ", "dead"),
    ("on", 6, "prep", "ADP", "IN", "on"),
    ("arrival", 7, "pobj", "NOUN", "NN", "arrival"),
    ("”", 4, "punct", "PUNCT", "''", '"'),
    (".", 1, "punct", "PUNCT", ".", "."),
]
IN_THE_SUBJECT: list[Row] = [  # Two “senior officials” said the plan failed.
    ("Two", 3, "nummod", "NUM", "CD", "two"),
    ("“", 3, "punct", "PUNCT", "``", '"'),
    ("senior", 3, "amod", "ADJ", "JJ", "senior"),
    ("officials", 5, "nsubj", "NOUN", "NNS", "official"),
    ("”", 3, "punct", "PUNCT", "''", '"'),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("plan", 8, "nsubj", "NOUN", "NN", "plan"),
    ("failed", 5, "ccomp", "VERB", "VBD", "fail"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
UNDER_NAMING: list[Row] = [  # Marsh said critics called the plan “a cash grab”.
    ("Marsh", 1, "nsubj", "PROPN", "NNP", "Marsh"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("critics", 3, "nsubj", "NOUN", "NNS", "critic"),
    ("called", 1, "ccomp", "VERB", "VBD", "call"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("plan", 3, "dobj", "NOUN", "NN", "plan"),
    ("“", 9, "punct", "PUNCT", "``", '"'),
    ("a", 9, "det", "DET", "DT", "a"),
    ("cash", 9, "compound", "NOUN", "NN", "cash"),
    ("grab", 3, "oprd", "NOUN", "NN", "grab"),
    ("”", 9, "punct", "PUNCT", "''", '"'),
    (".", 1, "punct", "PUNCT", ".", "."),
]
ONE_NOUN: list[Row] = [  # Marsh said the “bailout” failed.
    ("Marsh", 1, "nsubj", "PROPN", "NNP", "Marsh"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("“", 4, "punct", "PUNCT", "``", '"'),
    ("bailout", 6, "nsubj", "NOUN", "NN", "bailout"),
    ("”", 4, "punct", "PUNCT", "''", '"'),
    ("failed", 1, "ccomp", "VERB", "VBD", "fail"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
ONE_ADJECTIVE: list[Row] = [  # Marsh said the plan was “unworkable”.
    ("Marsh", 1, "nsubj", "PROPN", "NNP", "Marsh"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("plan", 4, "nsubj", "NOUN", "NN", "plan"),
    ("was", 1, "ccomp", "AUX", "VBD", "be"),
    ("“", 6, "punct", "PUNCT", "``", '"'),
    ("unworkable", 4, "acomp", "ADJ", "JJ", "unworkable"),
    ("”", 4, "punct", "PUNCT", "''", '"'),
    (".", 1, "punct", "PUNCT", ".", "."),
]
# Marsh said they were “very good” before an attack that prompted Okafor to quip it sounded
# like a “broken record”. (the parser hangs "sounded" on "said")
SPEECH_BETWEEN: list[Row] = [
    ("Marsh", 1, "nsubj", "PROPN", "NNP", "Marsh"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("they", 3, "nsubj", "PRON", "PRP", "they"),
    ("were", 1, "ccomp", "AUX", "VBD", "be"),
    ("“", 6, "punct", "PUNCT", "``", '"'),
    ("very", 6, "advmod", "ADV", "RB", "very"),
    ("good", 3, "acomp", "ADJ", "JJ", "good"),
    ("”", 3, "punct", "PUNCT", "''", '"'),
    ("before", 3, "prep", "ADP", "IN", "before"),
    ("an", 10, "det", "DET", "DT", "an"),
    ("attack", 8, "pobj", "NOUN", "NN", "attack"),
    ("that", 12, "nsubj", "PRON", "WDT", "that"),
    ("prompted", 10, "relcl", "VERB", "VBD", "prompt"),
    ("Okafor", 12, "dobj", "PROPN", "NNP", "Okafor"),
    ("to", 15, "aux", "PART", "TO", "to"),
    ("quip", 12, "xcomp", "VERB", "VB", "quip"),
    ("it", 17, "nsubj", "PRON", "PRP", "it"),
    ("sounded", 1, "ccomp", "VERB", "VBD", "sound"),
    ("like", 17, "prep", "ADP", "IN", "like"),
    ("a", 22, "det", "DET", "DT", "a"),
    ("“", 22, "punct", "PUNCT", "``", '"'),
    ("broken", 22, "amod", "VERB", "VBN", "break"),
    ("record", 18, "pobj", "NOUN", "NN", "record"),
    ("”", 22, "punct", "PUNCT", "''", '"'),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_words_quoted_in_the_reported_clause_are_the_reporting_verbs() -> None:
    assert _fragment_verb(DEAD_ON_ARRIVAL) == "said"
    assert _fragment_verb(ONE_ADJECTIVE) == "said"


def test_words_quoted_in_the_subject_or_under_a_verb_of_naming_are_not_the_clauses() -> None:
    assert _fragment_verb(IN_THE_SUBJECT) is None
    assert _fragment_verb(UNDER_NAMING) is None


def test_one_quoted_noun_is_a_term() -> None:
    assert _fragment_verb(ONE_NOUN) is None


def test_another_verb_of_saying_between_leaves_the_speaker_in_doubt() -> None:
    assert _fragment_verb(SPEECH_BETWEEN, 0) == "said"
    assert _fragment_verb(SPEECH_BETWEEN, 1) is None


ORDER: list[Row] = [  # Okafor told Marsh to “control your client”.
    ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
    ("told", 1, "ROOT", "VERB", "VBD", "tell"),
    ("Marsh", 1, "dobj", "PROPN", "NNP", "Marsh"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("“", 5, "punct", "PUNCT", "``", '"'),
    ("control", 1, "xcomp", "VERB", "VB", "control"),
    ("your", 7, "poss", "PRON", "PRP$", "your"),
    ("client", 5, "dobj", "NOUN", "NN", "client"),
    ("”", 5, "punct", "PUNCT", "''", '"'),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_a_quoted_order_is_the_telling_verbs_subjects() -> None:
    doc = _doc(ORDER)
    span = find_quote_spans(doc.text, min_words=1)[0]
    verb = ordered_words(doc, span, reporting_verbs(lexicon()))
    assert verb is not None and verb.text == "told"
    wanted = _doc(
        [r if r[0] != "told" else ("wanted", 1, "ROOT", "VERB", "VBD", "want") for r in ORDER]
    )
    assert ordered_words(wanted, span, reporting_verbs(lexicon())) is None


@pytest.fixture(scope="module")
def tagged(nlp: Language) -> Callable[[str], Doc]:
    return lambda text: tag_actors(nlp(text), _TABLE)


def _direct(parse: Parse, text: str) -> dict[str, str | None]:
    return {q.text: speaker(q) for q in quotes(parse, text) if q.direct}


@pytest.mark.slow
def test_a_persons_partial_quote_is_a_direct_quote_next_to_the_clause(tagged: Parse) -> None:
    text = "Ida Marsh said on Tuesday that the proposal was “dead on arrival” in the Senate."
    found = quotes(tagged, text)
    assert {q.text: speaker(q) for q in found if q.direct} == {"dead on arrival": "Ida Marsh"}
    assert any(not q.direct and "dead on arrival" in q.text for q in found)


@pytest.mark.slow
def test_a_bodys_partial_quote_is_left_to_the_clause(tagged: Parse) -> None:
    text = "Brenwick Foods said on Tuesday that the recall was “purely precautionary” for now."
    assert _direct(tagged, text) == {}


@pytest.mark.slow
def test_a_short_quote_opening_its_paragraph_is_its_attributions(tagged: Parse) -> None:
    text = "Okafor asked Marsh: “Done?”\n\n“Done,” Marsh said.\n\nThe hearing went on."
    assert _direct(tagged, text) == {"Done?": "Tom Okafor", "Done": "Ida Marsh"}


@pytest.mark.slow
def test_a_quoted_verb_joined_to_a_statements_clause_is_the_spokespersons(tagged: Parse) -> None:
    text = (
        "A spokesman for the governor, Tom Okafor, said in a statement that the senator had "
        "spoken with the families by phone on Monday night and “pledged to rebuild every home "
        "on the coast.”"
    )
    assert _direct(tagged, text) == {"pledged to rebuild every home on the coast.": "Tom Okafor"}
