"""Time-aware names: who a name means on a day, former/then- roles, NER slips, one actor
across a corpus. KB lookups run on the packaged KB; component tests use sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from eventline.nlp.resolve import resolve_tables
from eventline.nlp.who import known_person_name, match_person


def test_the_date_decides_which_namesake_a_bare_surname_means() -> None:
    hillary = match_person("Clinton", "2016-06-01")
    bill = match_person("Clinton", "1998-01-01")
    assert hillary is not None and bill is not None
    assert hillary.person is not None and bill.person is not None
    assert hillary.person.name.startswith("Hillary") and bill.person.name == "Bill Clinton"
    assert bill.sector == "GOV" and bill.active
    full = match_person("Hillary Rodham Clinton", "2016-06-01")
    assert full is not None and full.person == hillary.person


def test_the_role_held_on_the_day_gives_the_sector() -> None:
    macron = match_person("Macron", "2019-05-01")
    assert macron is not None and (macron.country, macron.sector) == ("FRA", "GOV")
    sanders = match_person("Bernie Sanders", "2016-02-01")
    assert sanders is not None and (sanders.country, sanders.sector) == ("USA", "LEG")
    cruz = match_person("Ted Cruz", "2016-02-01")
    assert cruz is not None and cruz.country == "USA"
    obama = match_person("Barack Obama", "2019-01-01")
    assert obama is not None and obama.country == "USA" and obama.sector != "GOV"


def test_names_of_different_countries_without_one_active_stay_unresolved() -> None:
    assert match_person("Hussein", "2010-01-01") is None
    assert match_person("Igor Putin", None) is None


def test_only_known_names_turn_ner_organisations_into_people() -> None:
    assert known_person_name("Trump")
    assert known_person_name("Bernie Sanders")
    assert not known_person_name("Washington")  # a president long ago, never used bare
    assert not known_person_name("Apple")
    assert not known_person_name("UN")


def _entry(name: str, kb_person: str | None, sector: str) -> dict[str, Any]:
    return {
        "id": f"local:{name}:{sector}",
        "name": name,
        "type": "person",
        "country": "USA",
        "sector": sector,
        "roles": [],
        "kb": False,
        "kb_person": kb_person,
    }


def test_one_kb_person_is_one_actor_across_dates_and_namesakes_stay_apart() -> None:
    hillary = match_person("Hillary Clinton", None)
    bill = match_person("Bill Clinton", None)
    assert hillary and bill and hillary.person and bill.person
    tables = [
        {"a": _entry("Hillary Rodham Clinton", hillary.person.id, "GOV")},
        {"b": _entry("Clinton", hillary.person.id, "ELI")},
        {"c": _entry("Bill Clinton", bill.person.id, "ELI")},
    ]
    out = resolve_tables(tables)
    assert out[(0, "a")].id == out[(1, "b")].id != out[(2, "c")].id
    history = out[(0, "a")].roles
    assert any(r.start and r.title == "Secretary of State" for r in history)


def _found(nlp: Language, text: str, day: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.published = day
    doc = nlp(doc)
    return {
        s.text: (s._.actor.country, s._.actor.sector) if s._.actor else (None, None)
        for s in doc.spans["actors"]
    }


@pytest.mark.slow
def test_former_is_eli_and_then_keeps_the_office(nlp: Language) -> None:
    found = _found(nlp, "Former Hungarian Prime Minister Tessa Varga spoke on Monday.", "2020")
    assert found["Tessa Varga"] == ("HUN", "ELI")
    found = _found(nlp, "Hungary's then-Prime Minister Tessa Varga signed it.", "2020")
    assert found["Tessa Varga"] == ("HUN", "GOV")


@pytest.mark.slow
def test_bare_names_take_country_and_sector_at_the_date(nlp: Language) -> None:
    found = _found(nlp, "Macron said on Monday that talks would resume.", "2019-03-02")
    assert found["Macron"] == ("FRA", "GOV")
    found = _found(nlp, "Bernie Sanders and Ted Cruz spoke in Iowa on Monday.", "2016-01-05")
    assert found["Bernie Sanders"][0] == "USA" and found["Ted Cruz"][0] == "USA"
    found = _found(nlp, "Trump said the wall would be built.", "2019-01-05")
    assert found["Trump"] == ("USA", "GOV")


@pytest.mark.slow
def test_a_title_word_inside_a_company_name_makes_no_person(nlp: Language) -> None:
    found = _found(nlp, "Ford outsold rivals Toyota and General Motors in May.", "2010-06-01")
    assert "Motors" not in found
