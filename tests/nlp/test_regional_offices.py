"""Offices news names by region or party rather than by country (nlp/regions.py, people.py):
"Ohio Gov.", "Governor X of Nebraska", "(R-Ohio)", "Republican Senator", and role histories
of the office-holders file read at the article's date. Own sentences, shipped model and KB."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.eval.actor_checks import code_name
from eventline.nlp.holders import redate

pytestmark = pytest.mark.slow


def _actors(
    nlp: Language, text: str, day: str | None = None
) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp.make_doc(text)
    doc._.published = day
    doc = nlp(doc)
    redate(doc)
    return {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"])
        for s in doc.spans["actors"]
        if s._.actor_ref
    }


def test_a_party_state_tag_makes_a_member_of_the_us_congress(nlp: Language) -> None:
    found = _actors(nlp, "Sen. Mark Halvorsen (R-Ohio) criticized the bill on Tuesday.")
    assert found["Mark Halvorsen"] == ("USA", "LEG")
    found = _actors(nlp, "Linda Farrow, D-Calif., criticized the bill on Tuesday.")
    assert found["Linda Farrow"] == ("USA", "LEG")


def test_a_region_before_a_title_gives_its_country(nlp: Language) -> None:
    assert _actors(nlp, "Ohio Gov. Tom Whitfield signed the budget.")["Tom Whitfield"] == (
        "USA",
        "GOV",
    )
    found = _actors(nlp, "Former Ohio Gov. Tom Whitfield criticized the budget.")
    assert found["Tom Whitfield"] == ("USA", "ELI")


def test_of_a_region_or_country_after_a_titled_name_gives_its_country(nlp: Language) -> None:
    found = _actors(nlp, "Governor Tom Whitfield of Nebraska signed the budget.")
    assert found["Tom Whitfield"] == ("USA", "GOV")
    found = _actors(nlp, "Governor Bola Adeyemi of Lagos State said the talks failed.")
    assert found["Bola Adeyemi"] == ("NGA", "GOV")
    found = _actors(
        nlp, "Defense Minister Ahmad Karimi of Afghanistan said the army would respond."
    )
    assert found["Ahmad Karimi"] == ("AFG", "MIL")


def test_a_verb_between_a_country_and_a_title_gives_no_country(nlp: Language) -> None:
    found = _actors(
        nlp, "President Emmanuel Macron of France met Chancellor Angela Merkel of Germany."
    )
    assert found["Angela Merkel"][0] == "DEU"


def test_a_party_word_before_a_title_gives_the_partys_country(nlp: Language) -> None:
    assert _actors(nlp, "Republican Senator Jane Doe criticized the bill.")["Jane Doe"] == (
        "USA",
        "LEG",
    )


def test_cities_and_regions_make_a_one_country_document(nlp: Language) -> None:
    found = _actors(nlp, "Senator Jane Doe said she would visit Columbus, Ohio, next week.")
    assert found["Jane Doe"] == ("USA", "LEG")
    found = _actors(nlp, "Senator Jane Doe criticized the bill on Tuesday.")
    assert found["Jane Doe"] == (None, "LEG")  # nothing says which country's senate


def test_the_role_at_the_articles_date_decides_country_and_sector(nlp: Language) -> None:
    assert code_name(nlp, "Joe Biden", "2005-06-01") == ("USA", "LEG")
    assert code_name(nlp, "Joe Biden", "2012-06-01") == ("USA", "GOV")
    assert code_name(nlp, "Hillary Clinton", "2004-06-01") == ("USA", "LEG")
    assert code_name(nlp, "Hillary Clinton", "2011-06-01") == ("USA", "GOV")
    assert code_name(nlp, "Hillary Clinton", "2016-06-01") == ("USA", "ELI")
    assert code_name(nlp, "James Comey", "2015-06-01") == ("USA", "COP")
    assert code_name(nlp, "Benjamin Netanyahu", "2007-06-01") == ("ISR", "OPP")
    found = _actors(nlp, "Then-Senator Hillary Clinton met Putin in 2003.", "2019-06-01")
    assert found["Hillary Clinton"] == ("USA", "LEG")


def test_a_name_in_an_all_capitals_headline_is_still_the_person(nlp: Language) -> None:
    found = _actors(nlp, "TRUMP SAYS CHINA WILL PAY FOR THE TARIFFS", "2019-06-01")
    assert found["TRUMP"] == ("USA", "GOV")


def test_a_bare_surname_joins_the_namesake_the_corpus_means(nlp: Language) -> None:
    from eventline.model import Article, Published
    from eventline.nlp.pipeline import extract_actors

    texts = [
        ("2016-06-01", "Hillary Rodham Clinton spoke in Ohio on Monday."),
        ("2016-06-02", "Hillary Clinton said the economy needed help."),
        ("2016-06-03", "Clinton said the economy needed help."),
        ("2016-06-04", "Former President Bill Clinton campaigned in Iowa."),
        ("2016-06-05", "Trump said the deal was bad."),
    ]
    articles = [
        Article(
            id=f"c{i}",
            document_id="d",
            source_path="x",
            item=i,
            body=text,
            published=Published(value=day, precision="day", evidence="test"),
        )
        for i, (day, text) in enumerate(texts)
    ]
    found = {m.text: m.actor for m in extract_actors(nlp, articles).mentions if m.actor}
    hillary = found["Hillary Rodham Clinton"]
    assert found["Hillary Clinton"].id == hillary.id == found["Clinton"].id  # type: ignore[union-attr]
    assert found["Bill Clinton"].id != hillary.id  # type: ignore[union-attr]
    assert (found["Trump"].country, found["Trump"].sector) == ("USA", "ELI")  # type: ignore[union-attr]


def test_a_country_named_like_a_us_state_before_a_states_office_is_the_state(
    nlp: Language,
) -> None:
    assert _actors(nlp, "Georgia Gov. Brian Kemp signed the bill.")["Brian Kemp"][0] == "USA"
    found = _actors(nlp, "Georgia's Prime Minister Irakli Garibashvili met Putin.")
    assert found["Irakli Garibashvili"][0] == "GEO"
