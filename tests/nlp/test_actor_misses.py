"""Actor resolution on constructions that cost event pairs (issues 9 and 11): short country
names, lone surnames of known office holders, a demonym before a common noun before a name,
and "pro-"/"anti-" stances that name no country. Own sentences, shipped model and KB."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow


def _actors(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    return {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"])
        for s in doc.spans["actors"]
        if s._.actor_ref
    }


def test_korea_alone_is_south_korea(nlp: Language) -> None:
    found = _actors(nlp, "Korea condemned the missile launch by its neighbour.")
    assert found["Korea"][0] == "KOR"
    assert _actors(nlp, "North Korea fired a missile.")["North Korea"][0] == "PRK"


def test_a_lone_known_surname_the_model_left_unlabelled_is_a_person(nlp: Language) -> None:
    assert _actors(nlp, "Pence criticized the trade deal with Beijing.")["Pence"][0] == "USA"
    assert "pence" not in _actors(nlp, "The stamp costs 50 pence.")


def test_a_demonym_before_a_common_noun_gives_the_named_person_its_country(
    nlp: Language,
) -> None:
    found = _actors(nlp, "Police arrested Dutch cyclist Pieter de Vries in Madrid.")
    assert found["Pieter de Vries"][0] == "NLD"
    found = _actors(nlp, "Russian authorities freed American tourist John Walker on Friday.")
    assert found["John Walker"][0] == "USA"


def test_a_pro_or_anti_stance_names_no_country(nlp: Language) -> None:
    found = _actors(nlp, "Pro-Ukrainian activists protested outside the embassy in Berlin.")
    assert ("UKR", None) not in found.values()
    assert "Ukrainian" not in found
    assert "American" not in _actors(nlp, "Anti-American protesters burned flags in Karachi.")


def test_a_state_office_outranks_a_religious_title_given_as_an_honorific() -> None:
    from eventline.nlp.holders import apply_known
    from eventline.nlp.who import PersonMatch

    def entry(sector: str) -> dict[str, object]:
        return {"name": "Ali Vandeh", "country": None, "sector": sector, "roles": []}

    ruler = PersonMatch(None, "IRN", "GOV", True)  # type: ignore[arg-type]
    honoured = entry("REL")  # "Ayatollah Ali Vandeh", the KB's head of state on the day
    apply_known(honoured, None, ruler, said=set())
    assert (honoured["country"], honoured["sector"]) == ("IRN", "GOV")
    cleric = entry("REL")  # a cleric the KB lists as a cleric keeps the text's sector
    apply_known(cleric, None, PersonMatch(None, "IRQ", "REL", True), said=set())  # type: ignore[arg-type]
    assert cleric["sector"] == "REL"
    officer = entry("MIL")  # a text sector other than a religious title still wins
    apply_known(officer, None, ruler, said=set())
    assert officer["sector"] == "MIL"
