"""The generated actor KB: reproducible from ../shared/kb, parsed as documented, time-aware."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.nlp import actor_kb
from eventline.nlp.cameo import parse_code, parse_date, read_actor_blocks
from eventline.nlp.kb import resource_path
from eventline.nlp.kb_shared import build_shared_kb
from eventline.nlp.sectors import split_code
from tests.conftest import SHARED

KB_SOURCE = SHARED / "kb"


def test_build_is_reproducible(tmp_path: Path) -> None:
    if not (KB_SOURCE / "petrarch2").is_dir():
        pytest.skip("../shared/kb is not present next to the project")
    for built in build_shared_kb(KB_SOURCE, tmp_path):
        packaged = resource_path("kb") / built.name
        assert built.read_bytes() == packaged.read_bytes(), f"{built.name}: rebuild differs"


def test_codes_and_dates_are_read_as_the_format_says() -> None:
    assert parse_date("130815") is not None and parse_date("130815").year == 2013  # type: ignore[union-attr]
    assert parse_date("700101").year == 1970  # type: ignore[union-attr]
    assert parse_date("20130815").month == 8  # type: ignore[union-attr]
    assert parse_date("2004017") is None
    code = parse_code("IRNGOV >20130815")
    assert code is not None and code.start is not None and code.end is None
    code = parse_code("AFGGOV 331108-730717")
    assert code is not None and code.start.year == 1933 and code.end.year == 1973  # type: ignore[union-attr]
    assert parse_code("---") is None
    assert split_code("IRNGOV") == ("IRN", "GOV")
    assert split_code("AFGGOVAGR") == ("AFG", "GOV")
    assert split_code("IGOUNOKID") == (None, "IGO")
    assert split_code("KKLREB") == (None, "REB")
    assert split_code("~MUS") == (None, "REL")
    assert split_code("USA") == ("USA", None)


def test_roots_before_a_code_share_it(tmp_path: Path) -> None:
    path = tmp_path / "x.actors.txt"
    path.write_text(
        "# comment\nANNA_BEKOVA_  # CountryInfo.txt\n+BEKOVA_\nANNA_B._BEKOVA_\n"
        "\t[RUSGOV 100101-120101]\n\t[RUSELI]\nOTHER_BODY_ [FRAMIL]\n",
        encoding="utf-8",
    )
    blocks = list(read_actor_blocks(path))
    assert [b.roots for b in blocks] == [["ANNA BEKOVA", "ANNA B. BEKOVA"], ["OTHER BODY"]]
    assert blocks[0].synonyms == ["BEKOVA"] and len(blocks[0].codes) == 2


def test_role_at_a_date_decides_sector() -> None:
    person = actor_kb.KbPerson(
        "p.x", "X", "RUS,ELI,1970-01-01,1999-08-09,;RUS,GOV,1999-08-09,2008-05-07,;RUS,ELI,,,"
    )
    assert person.at("2005-01-01").sector == "GOV"
    assert person.at("1990").sector == "ELI"
    assert person.at("2015-06").sector == "ELI"  # the default after the dated roles
    former = actor_kb.KbPerson("p.y", "Y", "USA,LEG,2001-01-03,2007-01-03,senator")
    assert former.at("2010-01-01") == actor_kb.Standing("USA", "ELI", False, "2007-01-03")
    assert former.at("2003-01-01").sector == "LEG"


def test_packaged_kb_knows_people_bodies_and_role_nouns() -> None:
    index = actor_kb.people()
    macron = index.candidates("Macron")
    assert [p.at("2019-05-01").country for p in macron] == ["FRA"]
    assert macron[0].at("2019-05-01").sector == "GOV"
    sanders = index.candidates("Bernie Sanders")
    assert sanders and sanders[0].at("2016-02-01") == actor_kb.Standing(
        "USA", "LEG", True, "2016-02-01"
    )
    assert not index.candidates("Igor Putin")
    hamas = actor_kb.body("Hamas")
    assert hamas is not None and (hamas.country, hamas.sector) == ("PSE", "REB")
    assert actor_kb.body("Labour Party") is None  # many countries have one
    assert actor_kb.agents()["farmer"] == "AGR" and actor_kb.agents()["judge"] == "JUD"


def test_packaged_kb_codes_are_valid() -> None:
    from eventline.nlp.kb import _iso_codes
    from eventline.nlp.sectors import load_sectors

    countries, sectors = _iso_codes(), load_sectors().export
    index = actor_kb.people()
    assert len(index.people) > 15_000
    for person in index.people:
        for role in person.roles:
            assert role.country is None or role.country in countries, person.id
            assert role.sector is None or role.sector in sectors, person.id
    for found in actor_kb.bodies().values():
        for body in found:
            assert body.country is None or body.country in countries, body.id
            assert body.sector in sectors, body.id
    assert set(actor_kb.agents().values()) <= sectors


def test_a_long_gone_party_keeps_its_names_but_not_its_initials(tmp_path: Path) -> None:
    from eventline.nlp.kb_shared import read_parties

    folder = tmp_path / "partyfacts"
    folder.mkdir()
    header = "country,partyfacts_id,technical,name_short,name,name_english,year_first,year_last"
    rows = [
        "KEN,1,,KPU,Kenya Peoples Union,Kenya Peoples Union,1966,1969",
        "KEN,2,,ODM,Orange Democratic Movement,Orange Democratic Movement,2005,",
        "KEN,3,,NDP,National Development Party,National Development Party,1991,2002",
    ]
    (folder / "partyfacts-core-parties.csv").write_text("\n".join([header, *rows]) + "\n")
    forms = {name: set(f) for name, _country, _sector, f in read_parties(tmp_path)}
    assert forms["Kenya Peoples Union"] == {"Kenya Peoples Union"}
    assert "ODM" in forms["Orange Democratic Movement"]
    assert "NDP" in forms["National Development Party"]


def test_a_state_body_coded_gov_and_a_branch_is_that_branch() -> None:
    from eventline.nlp.kb_shared import _body_sector

    assert _body_sector("ISRGOVLEG", "GOV") == "LEG"
    assert _body_sector("USAGOVJUD", "GOV") == "JUD"
    assert _body_sector("AFGGOVAGR", "GOV") == "GOV"
    assert _body_sector("IRNMIL", "MIL") == "MIL"


def test_a_person_coded_gov_then_leg_or_mil_holds_that_branch() -> None:
    from eventline.nlp.kb_shared import _PERSON_BRANCHES, _branch

    assert _branch("USAGOVLEG", "GOV", _PERSON_BRANCHES) == "LEG"  # a member of Congress
    assert _branch("EGYGOVMIL", "GOV", _PERSON_BRANCHES) == "MIL"  # a defence minister
    assert _branch("AFGGOVJUD", "GOV", _PERSON_BRANCHES) == "GOV"  # a justice minister
    assert _branch("AFGGOVAGR", "GOV", _PERSON_BRANCHES) == "GOV"


def test_a_party_coded_as_its_government_is_a_party() -> None:
    from eventline.nlp.kb_shared import _PARTY_NAME

    assert _PARTY_NAME.search("communist party of china")
    assert _PARTY_NAME.search("central committee of the workers party")
    assert not _PARTY_NAME.search("party congress hall")


def test_a_body_takes_its_sector_on_the_day() -> None:
    from eventline.nlp.kb import packaged_kb

    taliban = packaged_kb().actors["REB.taliban"]
    assert taliban.sector_on("2009-03-01") == "REB"
    assert taliban.sector_on("2021-08-14") == "REB"
    assert taliban.sector_on("2021-08-15") == "GOV"
    assert taliban.sector_on(None) == "GOV"  # no date: the latest, as for people


def test_a_middle_initial_is_left_out_of_a_second_key() -> None:
    from eventline.nlp.actor_kb import people

    found = people().candidates("James Clapper")
    assert any(p.name == "James R. Clapper" for p in found)


def test_a_whole_year_office_takes_the_day_an_exact_source_gives() -> None:
    from eventline.nlp.kb_shared import _snapped

    exact = [("EGY", "MIL", "2012-08-12", "2014-03-26", ""), ("EGY", "GOV", "2014-06-08", "", "")]
    office = ("EGY", "GOV", "2014-01-01", "", "President")
    assert _snapped(office, exact) == ("EGY", "GOV", "2014-06-08", "", "President")
    other = ("EGY", "GOV", "2016-01-01", "2016-12-31", "Minister")  # no exact day that year
    assert _snapped(other, exact) == other
