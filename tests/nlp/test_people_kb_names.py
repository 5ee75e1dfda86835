"""Multi-word names of KB people found where the NER model misses or cuts them (who.kb_names),
on token sequences built by hand: a model upgrade cannot change what these tests mean."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventline.nlp.who import kb_names


def doc_of(text: str) -> Doc:
    return spacy.blank("en").tokenizer(text)


def names(text: str, blocked: set[int] | None = None) -> list[str]:
    return [s.text for s in kb_names(doc_of(text), blocked or set())]


def test_names_with_particles_hyphens_and_common_words() -> None:
    assert names("Prime Minister Theresa May met President Moon Jae-in on Friday.") == [
        "Theresa May",
        "Moon Jae-in",
    ]
    assert names("Ursula von der Leyen and Dominique de Villepin spoke.") == [
        "Ursula von der Leyen",
        "Dominique de Villepin",
    ]
    assert names("Xi Jinping and Kim Jong-un met.") == ["Xi Jinping", "Kim Jong-un"]


def test_words_that_only_look_like_names_are_left_alone() -> None:
    assert names("In May the New York Times said White House staff met in Seoul.") == []
    assert names("May said the deal was done.") == []  # one word is never enough here
    assert names("theresa may agreed.") == []  # lower case: not a name as written


def test_blocked_tokens_are_never_part_of_a_name() -> None:
    text = "Theresa May spoke."
    assert names(text, blocked={1}) == []


@pytest.mark.slow
def test_the_pipeline_reads_them_as_people_of_their_country(nlp: Language) -> None:
    doc = nlp("British Prime Minister Theresa May met South Korean President Moon Jae-in.")
    people = {s.text: s._.actor for s in doc.spans["actors"] if s.label_ == "PERSON"}
    assert set(people) == {"Theresa May", "Moon Jae-in"}  # no stray "in" for "Jae-in"
    assert people["Theresa May"].country == "GBR" and people["Moon Jae-in"].country == "KOR"
