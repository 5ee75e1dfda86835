"""Actor resolution, round 7 (issue 9): a company named like a person, US title abbreviations
with no state, and demonyms inside a region's name. Own sentences, shipped model and KB."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow


def _actors(
    nlp: Language, text: str, day: str = "2024-05-02"
) -> dict[str, tuple[str | None, str | None]]:
    from eventline.nlp.holders import redate

    doc = nlp.make_doc(text)
    doc._.published = day
    doc = nlp(doc)
    redate(doc)
    return {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"])
        for s in doc.spans["actors"]
        if s._.actor_ref
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ford offered 78 million dollars for the old engine plant.",
        "Ford and Honda cut jobs at two factories.",
        "Ford shares fell after the quarterly report.",
    ],
)
def test_a_bare_company_name_in_corporate_context_is_the_company(nlp: Language, text: str) -> None:
    assert _actors(nlp, text)["Ford"][1] == "BUS"


def test_a_president_long_out_of_office_yields_to_the_company(nlp: Language) -> None:
    assert _actors(nlp, "Ford said it would open a showroom in Ohio.")["Ford"][1] == "BUS"


def test_a_title_or_first_name_keeps_the_person(nlp: Language) -> None:
    assert _actors(nlp, "President Ford met the Soviet leader.", "1975-06-01")["Ford"] == (
        "USA",
        "GOV",
    )
    found = _actors(nlp, "Gerald Ford offered a pardon.", "1974-09-08")
    assert found["Gerald Ford"][0] == "USA"
    assert found["Gerald Ford"][1] != "BUS"


def test_a_us_title_abbreviation_with_no_country_named_is_the_us(nlp: Language) -> None:
    assert _actors(nlp, "Rep. Hollister said the bill would pass.")["Hollister"] == (
        "USA",
        "LEG",
    )
    assert _actors(nlp, "Lt. Gov. Ann Ostrow signed the order.")["Ann Ostrow"] == ("USA", "GOV")


def test_a_title_abbreviation_in_a_document_about_another_country_is_not_the_us(
    nlp: Language,
) -> None:
    found = _actors(nlp, "Sen. Bo Vandel met officials in Manila, the Philippines.")
    assert found["Bo Vandel"][0] == "PHL"


def test_a_demonym_inside_a_region_name_is_no_state(nlp: Language) -> None:
    found = _actors(nlp, "Latin American leaders met in Lima on Monday.")
    assert "American" not in found
    assert ("USA", "GOV") not in found.values()
    assert "American" not in _actors(nlp, "Anglo-American miners went on strike.")
    assert _actors(nlp, "South African troops arrived.")["South African"][0] == "ZAF"
    assert _actors(nlp, "North Korean officials met.")["North Korean"][0] == "PRK"


def test_region_prefix_needs_the_prefix_word() -> None:
    import spacy

    from eventline.nlp.matching import _region_prefix

    doc = spacy.blank("en")("Latin American and American leaders")
    assert _region_prefix(doc, 1)
    assert not _region_prefix(doc, 3)
