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


def test_a_bare_body_name_in_another_countrys_document_is_that_countrys(
    nlp: Language,
) -> None:
    text = "Kenya's cabinet proposed the tax. Parliament approved it and the Senate agreed."
    found = _actors(nlp, text)
    assert found["Parliament"] == ("KEN", "LEG")
    assert found["Senate"] == ("KEN", "LEG")
    assert _actors(nlp, "The Senate passed the defense bill.")["Senate"][0] == "USA"


def test_the_same_body_name_of_two_countries_stays_apart_across_documents(
    nlp: Language,
) -> None:
    from eventline.model import Article
    from eventline.nlp import extract_actors

    texts = [
        "Kenya's cabinet proposed the tax. The Senate approved it.",
        "The Senate passed the defense bill in Washington.",
        "Kenyan lawmakers met. The Senate rejected the levy.",
    ]
    articles = [
        Article(id=f"s{i}", document_id="d", source_path="x", item=i, body=b)
        for i, b in enumerate(texts)
    ]
    docs = extract_actors(nlp, articles).docs
    ids = [next(s._.actor_ref["id"] for s in d.spans["actors"] if s.text == "Senate") for d in docs]
    assert ids[0] == ids[2] != ids[1]


def test_kosovo_is_a_country_though_iso_3166_leaves_it_out(nlp: Language) -> None:
    found = _actors(nlp, "Kosovo accused Serbia of massing troops on the border.")
    assert found["Kosovo"][0] == "XKX" and found["Serbia"][0] == "SRB"


def test_an_abbreviated_title_before_a_name_gives_its_sector(nlp: Language) -> None:
    assert _actors(nlp, "Sen. Paul Dorsey criticized the plan.")["Paul Dorsey"][1] == "LEG"
    assert _actors(nlp, "Gov. Maria Tulley asked for aid.")["Maria Tulley"][1] == "GOV"
    assert _actors(nlp, "Gen. Ali Rahimi led the offensive.")["Ali Rahimi"][1] == "MIL"


def test_a_countryless_office_in_a_one_country_document_is_that_countrys(
    nlp: Language,
) -> None:
    found = _actors(nlp, "Gov. Maria Tulley asked President Joe Biden for disaster aid.")
    assert found["Maria Tulley"] == ("USA", "GOV")
    found = _actors(nlp, "Gen. Ali Rahimi led the offensive against Israel and Lebanon.")
    assert found["Ali Rahimi"] == (None, "MIL")  # two countries: none is the document's


def test_a_titles_first_word_cut_off_by_the_ner_is_no_organisation(nlp: Language) -> None:
    found = _actors(nlp, "Iran's Supreme Leader Ayatollah Ali Khamenei warned Israel.")
    assert "Supreme" not in found
    assert found["Ali Khamenei"] == ("IRN", "GOV")


def test_a_body_and_a_person_take_their_sector_at_the_articles_date(nlp: Language) -> None:
    from eventline.eval.actor_checks import code_name

    assert code_name(nlp, "the Taliban", "2012-05-01") == ("AFG", "REB")
    assert code_name(nlp, "the Taliban", "2023-02-01") == ("AFG", "GOV")
    assert code_name(nlp, "John Kerry", "2004-03-01") == ("USA", "LEG")  # senator [USAGOVLEG]
    assert code_name(nlp, "John Kerry", "2014-03-01") == ("USA", "GOV")


def test_a_lone_surname_of_a_justice_the_model_left_unlabelled_is_the_justice(
    nlp: Language,
) -> None:
    found = _actors(nlp, "Gorsuch wrote the dissent in the immigration case.")
    assert found["Gorsuch"] == ("USA", "JUD")


def test_former_holders_of_a_states_offices_are_elites(nlp: Language) -> None:
    found = _actors(nlp, "Former Sudanese officials and Sudanese police met in Cairo.")
    assert found["Former Sudanese officials"] == ("SDN", "ELI")
    assert found["Sudanese police"] == ("SDN", "COP")
    found = _actors(nlp, "Ex-Libyan army officers formed a new party.")
    assert ("LBY", "ELI") in found.values()
