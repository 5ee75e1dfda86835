"""Dated office terms in the office-holders file: what a name means on a day (in office, at an
international body, out of office), common surnames that name the sitting holder only, and
names the NER model cuts; holder files and docs are built by hand for these tests."""

from __future__ import annotations

import spacy

from eventline.nlp.holders import Holder, HolderIndex, HoldersFile, load_holders, office_terms
from eventline.nlp.kb import load_kb, load_roles
from eventline.nlp.who import kb_names


def _index(*holders: dict[str, object]) -> HolderIndex:
    return HolderIndex(HoldersFile.model_validate({"version": 1, "holders": list(holders)}))


_CAREER = {
    "name": "Tomasz Wierzbicki",
    "country": "POL",
    "offices": ["prime_minister 2007-2012", "IGO 2014-2019", "LEG 2022-"],
}


def test_a_term_gives_the_country_and_sector_of_the_day() -> None:
    index = _index(_CAREER)
    in_office = index.lookup("Tomasz Wierzbicki", "2010-05-01")
    assert in_office is not None and (in_office.country, in_office.sector) == ("POL", "GOV")
    abroad = index.lookup("Wierzbicki", "2016-05-01")
    assert abroad is not None and (abroad.country, abroad.sector) == (None, "IGO")
    assert abroad.dated
    member = index.lookup("Wierzbicki", "2023-01-01")
    assert member is not None and (member.country, member.sector) == ("POL", "LEG")


def test_between_and_after_terms_a_holder_is_out_of_office() -> None:
    index = _index({**_CAREER, "offices": ["prime_minister 2007-2012", "IGO 2014-2019"]})
    gap = index.lookup("Wierzbicki", "2013-03-01")
    assert gap is not None and (gap.country, gap.sector, gap.since) == ("POL", "ELI", 2012)
    later = index.lookup("Wierzbicki", "2021-03-01")
    assert later is not None and (later.sector, later.since) == ("ELI", 2019)
    before = index.lookup("Wierzbicki", "2001-01-01")  # no term yet: the file's general answer
    assert before is not None and not before.dated and before.country == "POL"


def test_a_common_surname_names_only_the_holder_sitting_that_year() -> None:
    index = _index(
        {
            "name": "Ana Ferreira",
            "country": "PRT",
            "offices": ["president 2001-2006"],
            "bare": False,
        },
        {
            "name": "Luis Ferreira",
            "country": "BRA",
            "offices": ["president 2011-2014"],
            "bare": False,
        },
    )
    assert index.lookup("Ferreira") is None
    assert index.lookup("Ferreira", "2008-01-01") is None  # nobody in office then
    sitting = index.lookup("Ferreira", "2012-06-01")
    assert sitting is not None and sitting.country == "BRA" and sitting.dated


def test_names_read_as_organisations_are_people_the_file_knows() -> None:
    index = _index(
        _CAREER,
        {
            "name": "Ana Ferreira",
            "country": "PRT",
            "offices": ["president 2001-2006"],
            "bare": False,
        },
    )
    assert index.names_person("Tomasz Wierzbicki")
    assert index.names_person("Wierzbicki")
    assert not index.names_person("WIERZBICKI")  # an acronym-like capitals run
    assert not index.names_person("Ferreira")  # common surname, no day
    assert index.names_person("Ferreira", "2003-01-01")
    assert not index.names_person("Ferreira Holdings")


def test_office_terms_read_titles_and_sector_codes() -> None:
    titles = {t.key: t for t in load_roles().titles}
    leader = Holder.model_validate(
        {"name": "X Y", "country": "LBN", "sector": "REB", "offices": ["leader 1992-2024"]}
    )
    assert [(t.sector, t.country, t.title) for t in office_terms(leader, titles)] == [
        ("REB", "LBN", "Leader")
    ]
    envoy = Holder.model_validate({"name": "X Z", "country": "NOR", "offices": ["IGO 2014-"]})
    (term,) = office_terms(envoy, titles)
    assert (term.sector, term.country, term.end, term.title) == ("IGO", None, None, "")


def test_the_packaged_file_dates_careers_across_bodies() -> None:
    index = load_holders()
    at_nato = index.lookup("Jens Stoltenberg", "2018-01-01")
    assert at_nato is not None and (at_nato.country, at_nato.sector) == (None, "IGO")
    at_home = index.lookup("Jens Stoltenberg", "2008-01-01")
    assert at_home is not None and (at_home.country, at_home.sector) == ("NOR", "GOV")


def test_holder_names_the_ner_model_cuts_are_found() -> None:
    nlp = spacy.blank("en")
    names = load_holders().name_list
    for text, name in [
        ("On Monday, Umaru Yar'Adua said so.", "Umaru Yar'Adua"),
        ("Zine al-Abidine Ben Ali spoke.", "Zine al-Abidine Ben Ali"),
    ]:
        doc = nlp(text)
        assert [s.text for s in kb_names(doc, set(), also=names)] == [name]


def test_institutions_file_adds_named_bodies_without_clashing_forms() -> None:
    kb = load_kb()
    assert (kb.actors["USA.cdc"].country, kb.actors["USA.cdc"].sector) == ("USA", "HLH")
    assert kb.actors["IND.lok_sabha"].sector == "LEG"
    owners: dict[str, set[str]] = {}
    for form in kb.forms:
        owners.setdefault(form.text, set()).add(form.actor.id)
    assert not [t for t, ids in owners.items() if len(ids) > 1]


def test_a_name_the_ner_model_ran_into_a_date_is_cut_out() -> None:
    from spacy.tokens import Span

    from eventline.nlp.people import _name_after_comma

    nlp = spacy.blank("en")
    doc = nlp("On Monday, Musk said so.")
    assert (tail := _name_after_comma(Span(doc, 1, 4, "DATE"))) is not None
    assert tail.text == "Musk"
    dated = nlp("On Tuesday, March 5 they met.")
    assert _name_after_comma(Span(dated, 1, 5, "DATE")) is None  # a day number is no name
    assert _name_after_comma(Span(dated, 1, 2, "DATE")) is None  # no comma
