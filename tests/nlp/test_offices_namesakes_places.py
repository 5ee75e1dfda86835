"""Issue 9, actors round 6 (own sentences, shipped model and KB): international offices at the
date, sub-cabinet offices, "Congo" and its namesake, places the NER calls people, and common-word
surnames of US office holders that need a title in the document."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.nlp.holders import Holder, HolderIndex, HoldersFile, redate

pytestmark = pytest.mark.slow


def _actors(
    nlp: Language, text: str, day: str | None = None
) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)  # as `eventline code` does: parsed first, dated after
    doc._.published = day
    redate(doc)
    return {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"])
        for s in doc.spans["actors"]
        if s._.actor_ref
    }


# --- international offices, read from the office-holders index by date -----------------------


def test_an_international_office_at_the_date_has_no_country(nlp: Language) -> None:
    text = "On Tuesday, Mark Rutte said the allies would meet again."
    assert _actors(nlp, text, "2025-03-04")["Mark Rutte"] == (None, "IGO")
    assert _actors(nlp, text, "2019-03-04")["Mark Rutte"] == ("NLD", "GOV")
    text = "On Tuesday, Roberta Metsola opened the session."
    assert _actors(nlp, text, "2023-01-10")["Roberta Metsola"] == (None, "IGO")


def test_the_same_name_is_read_alike_with_or_without_its_title(nlp: Language) -> None:
    titled = _actors(nlp, "UN Secretary-General Antonio Guterres urged calm.", "2019-05-02")
    bare = _actors(nlp, "On Monday, Antonio Guterres urged calm.", "2019-05-02")
    assert titled["Antonio Guterres"] == bare["Antonio Guterres"] == (None, "IGO")
    assert _actors(nlp, "On Monday, Antonio Guterres urged calm.", "1998-05-02")[
        "Antonio Guterres"
    ] == ("PRT", "GOV")


# --- sub-cabinet offices --------------------------------------------------------------------


def test_us_service_and_defense_sub_cabinet_offices_are_military(nlp: Language) -> None:
    found = _actors(nlp, "Assistant Secretary of the Air Force Dana Whitlock toured the base.")
    assert found["Dana Whitlock"] == ("USA", "MIL")
    found = _actors(nlp, "Navy Secretary Owen Prescott said the ship would sail.")
    assert found["Owen Prescott"] == ("USA", "MIL")
    found = _actors(nlp, "Under Secretary of Defense for Policy Ruth Calloway spoke on Friday.")
    assert found["Ruth Calloway"] == ("USA", "MIL")


def test_other_us_sub_cabinet_offices_are_government(nlp: Language) -> None:
    found = _actors(nlp, "Deputy Secretary of State Alan Brierly met the delegation.")
    assert found["Alan Brierly"] == ("USA", "GOV")
    found = _actors(
        nlp, "Assistant Secretary of State for African Affairs Lena Corvell arrived on Monday."
    )
    assert found["Lena Corvell"] == ("USA", "GOV")
    assert "African Affairs" not in found  # the office's remit is no actor


def test_a_deputy_minister_is_government_and_no_person_named_by_the_ministry(
    nlp: Language,
) -> None:
    found = _actors(nlp, "Deputy Health Minister Ana Ferreyra of Chile resigned.")
    assert found["Ana Ferreyra"] == ("CHL", "GOV")
    assert "Health" not in found
    found = _actors(nlp, "Kenyan Deputy Interior Minister Paul Otieno visited the camp.")
    assert found["Paul Otieno"] == ("KEN", "GOV")


# --- Congo ----------------------------------------------------------------------------------


def test_bare_congo_is_the_drc(nlp: Language) -> None:
    found = _actors(nlp, "Congo's army said it had pushed the rebels back from two villages.")
    assert found["Congo"][0] == "COD"
    assert found["Congo's army"] == ("COD", "MIL")


def test_congo_in_a_story_about_brazzaville_is_the_republic(nlp: Language) -> None:
    found = _actors(
        nlp, "In Brazzaville, officials said Congo would hold the vote in March as planned."
    )
    assert found["Congo"][0] == "COG"
    found = _actors(nlp, "Officials in Kinshasa and Brazzaville met. Congo's army was on alert.")
    assert found["Congo"][0] == "COD"  # both states named apart: the default stays


# --- places the NER calls people ------------------------------------------------------------


def test_a_known_city_after_a_locative_word_is_no_person(nlp: Language) -> None:
    found = _actors(nlp, "Russian troops had entered Kherson by Monday evening.")
    assert "Kherson" not in found
    found = _actors(nlp, "Hundreds of protesters gathered in Jackson on Sunday.")
    assert "Jackson" not in found


def test_a_person_named_like_a_city_stays_a_person(nlp: Language) -> None:
    found = _actors(nlp, "Defense Secretary Lloyd Austin arrived. Austin said aid would flow.")
    assert found["Austin"] == ("USA", "MIL")


# --- common-word surnames of US office holders --------------------------------------------


def test_a_common_word_surname_needs_a_title_in_the_document(nlp: Language) -> None:
    found = _actors(
        nlp, "Gov. Little signed the bill. Little said it would cut taxes.", "2023-05-02"
    )
    assert found["Little"] == ("USA", "GOV")
    assert "Little" not in _actors(nlp, "Little said the plan was dead.", "2023-05-02")


def test_a_distinctive_governors_surname_stands_alone(nlp: Language) -> None:
    assert _actors(nlp, "On Monday, DeSantis signed the bill.", "2023-05-02")["DeSantis"] == (
        "USA",
        "GOV",
    )


# --- the index itself (no model) -----------------------------------------------------------


def _index(*holders: Holder) -> HolderIndex:
    return HolderIndex(HoldersFile(version=1, holders=list(holders)))


def test_an_alone_false_surname_answers_only_with_a_title_cue() -> None:
    index = _index(
        Holder(name="Brad Whitcombe", country="USA", offices=["governor 2019-"], alone=False)
    )
    assert index.lookup("Whitcombe", "2023-01-01") is None
    known = index.lookup("Whitcombe", "2023-01-01", frozenset({"governor"}))
    assert known is not None and (known.country, known.sector) == ("USA", "GOV")
    assert index.lookup("Whitcombe", "2023-01-01", frozenset({"general"})) is None
    assert index.lookup("Brad Whitcombe", "2023-01-01") is not None  # a full name always
    assert not index.knows_surname("Whitcombe")  # the KB may still answer it


def test_an_international_office_at_the_date_gives_no_country_in_the_index() -> None:
    index = _index(
        Holder(
            name="Ines Valdora", country="PRT", offices=["prime_minister 1995-2002", "IGO 2017-"]
        )
    )
    later = index.lookup("Ines Valdora", "2019-01-01")
    assert later is not None and (later.country, later.sector) == (None, "IGO")
    earlier = index.lookup("Ines Valdora", "1998-01-01")
    assert earlier is not None and (earlier.country, earlier.sector) == ("PRT", "GOV")


def test_party_words_give_a_country_less_state_office_the_documents_country(
    nlp: Language,
) -> None:
    found = _actors(nlp, "Several Democratic senators urged Rep. Tom Hollis to resign over it.")
    assert found["Tom Hollis"] == ("USA", "LEG")
    found = _actors(nlp, "Rep. Ana Cruz of Manila criticised the budget.")
    assert found["Ana Cruz"][0] == "PHL"
