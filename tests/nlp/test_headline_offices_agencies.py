"""Issue 9 actor defects (own sentences, shipped model and KB): a US state's name before a
state office, country names in all-capitals headlines, an international office held at the
date over a national one held before, and police and agency acronyms kept as KB data."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.nlp.holders import redate
from eventline.nlp.kb import load_kb

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


def test_a_us_state_before_a_state_office_is_the_state(nlp: Language) -> None:
    found = _actors(nlp, "Georgia Secretary of State Lena Whitcomb certified the count.")
    assert found["Lena Whitcomb"] == ("USA", "GOV")
    found = _actors(nlp, "Georgia Attorney General Tom Ashby sued the company on Monday.")
    assert found["Tom Ashby"][0] == "USA"
    found = _actors(nlp, "Georgian Foreign Minister Nino Beridze met officials in Tbilisi.")
    assert found["Nino Beridze"][0] == "GEO"


def test_a_us_state_legislature_and_state_senators_are_the_states(nlp: Language) -> None:
    assert _actors(nlp, "The Georgia Legislature passed the voting bill.")[
        "Georgia Legislature"
    ] == ("USA", "LEG")
    assert _actors(nlp, "Georgia parliament passed the media law.")["Georgia parliament"] == (
        "GEO",
        "LEG",
    )
    found = _actors(nlp, "Georgia state Sen. Dana Pruitt criticized the plan.")
    assert found["Dana Pruitt"] == ("USA", "LEG")


def test_country_names_in_capitals_are_countries(nlp: Language) -> None:
    found = _actors(nlp, "CHINA WARNS JAPAN OVER ISLANDS")
    assert found["CHINA"][0] == "CHN"
    assert found["JAPAN"][0] == "JPN"
    assert _actors(nlp, "UPDATE 1-RUSSIA expels two diplomats")["RUSSIA"][0] == "RUS"


def test_capitals_are_added_for_country_names_and_demonyms_only() -> None:
    forms = load_kb().forms
    capitals = {f.text for f in forms if f.actor.type == "country" and f.text.isupper()}
    assert {"GERMANY", "GERMAN", "SOUTH KOREA"} <= capitals
    assert all(len(t.replace(" ", "")) >= 4 or t.replace(".", "").isalpha() for t in capitals)
    assert "WORLD BANK" not in {f.text for f in forms}  # organisations keep their spelling


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("The NYPD arrested twelve people overnight.", "NYPD", "USA", "COP"),
        ("The LAPD opened an inquiry into the shooting.", "LAPD", "USA", "COP"),
        ("ICE detained the farm workers on Friday.", "ICE", "USA", "COP"),
        ("The RCMP charged two men with fraud.", "RCMP", "CAN", "COP"),
        ("Scotland Yard arrested a man in London.", "Scotland Yard", "GBR", "COP"),
    ],
)
def test_police_and_agency_acronyms_are_known(
    nlp: Language, text: str, name: str, country: str, sector: str
) -> None:
    assert _actors(nlp, text, "2020-06-01")[name] == (country, sector)
