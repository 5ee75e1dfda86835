"""The gazetteer: places to countries, regions and coordinates; groupings are never places."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.nlp.places import (
    capital_city,
    demonym_country,
    gazetteer,
    is_grouping,
    region_name,
    resolve_place,
    resolve_region,
)


def test_cities_have_country_region_and_coordinates() -> None:
    place = resolve_place("Ashgabat")
    assert place is not None and place.kind == "city" and place.country == "TKM"
    assert place.latitude is not None and 37 < place.latitude < 39
    assert place.admin1 == "Ahal"  # the region's GeoNames name, not its code (TM.S)
    assert resolve_place("Kiev") == resolve_place("Kyiv").model_copy(update={"name": "Kiev"})  # type: ignore[union-attr]


def test_namesakes_follow_the_sentence_countries_else_population() -> None:
    paris = resolve_place("Paris")
    assert paris is not None and paris.country == "FRA"
    texas = resolve_place("Paris", hints={"USA"})
    assert texas is not None and texas.country == "USA" and texas.admin1 == "Texas"
    georgia = resolve_place("Georgia")
    assert georgia is not None and (georgia.country, georgia.kind) == ("GEO", "country")
    state = resolve_place("Georgia", hints={"USA"})
    assert state is not None and (state.country, state.kind) == ("USA", "admin1")
    capital = resolve_place("Washington", hints={"USA"})
    assert (
        capital is not None and capital.kind == "city" and capital.admin1 == "District of Columbia"
    )


def test_countries_have_no_coordinates_and_groupings_are_no_places() -> None:
    iran = resolve_place("Iran")
    assert iran is not None and iran.kind == "country" and iran.latitude is None
    for name in ("BRICS", "the United Nations", "NATO", "the European Union"):
        assert is_grouping(name) and resolve_place(name) is None, name
    assert resolve_place("Qwertyville") is None


@pytest.mark.slow
def test_events_take_the_place_their_clause_names(nlp: Language) -> None:
    from eventline.events import code_text

    coded = code_text(nlp, "Putin met Erdogan in Sochi on Monday.", published="2024-10-01")
    places = [e.location for e in coded.events if e.location is not None]
    assert places and places[0].name == "Sochi" and places[0].country == "RUS"
    assert places[0].longitude is not None
    coded = code_text(nlp, "Leaders met at the United Nations on Monday.", published="2024-10-01")
    assert all(e.location is None for e in coded.events)
    coded = code_text(nlp, "Iran condemned the sanctions on Monday.", published="2024-10-01")
    assert all(e.location is None for e in coded.events)  # no capital by default


def test_regions_outside_the_us_have_names() -> None:
    names = gazetteer().admin1_names
    assert len(names) > 2500 and all(v and not v[:1].isdigit() for v in names.values())
    assert region_name("RU.73") == "Tatarstan" and region_name("FR.11") == "Ile-de-France"
    kazan = resolve_place("Kazan")
    assert kazan is not None and (kazan.admin1, kazan.country) == ("Tatarstan", "RUS")


def test_a_region_by_its_name_or_its_city() -> None:
    bavaria = resolve_place("Bavaria")
    assert bavaria is not None and (bavaria.kind, bavaria.country) == ("admin1", "DEU")
    assert bavaria.latitude is not None and 47 < bavaria.latitude < 51  # a point inside it
    assert bavaria.longitude is not None and 9 < bavaria.longitude < 14
    kursk = resolve_region("Kursk")
    assert kursk is not None and (kursk.kind, kursk.country, kursk.admin1) == (
        "admin1",
        "RUS",
        "Kursk",
    )
    assert resolve_place("Punjab") is None  # India and Pakistan: nothing says which
    punjab = resolve_place("Punjab", hints={"PAK"})
    assert punjab is not None and punjab.country == "PAK"


def test_the_article_country_picks_a_namesake_city_unless_it_is_tiny() -> None:
    home = resolve_place("Birmingham")
    assert home is not None and home.country == "GBR"
    us = resolve_place("Birmingham", context="USA")
    assert us is not None and (us.country, us.admin1) == ("USA", "Alabama")
    london = resolve_place("London", context="USA")  # London, Kentucky is tiny next to London
    assert london is not None and london.country == "GBR"
    columbus = resolve_place("Columbus", region="Georgia")
    assert columbus is not None and (columbus.country, columbus.admin1) == ("USA", "Georgia")


def test_capitals_only_when_named_and_demonyms_are_no_places() -> None:
    tehran = capital_city("IRN")
    assert tehran is not None and tehran.name == "Tehran" and tehran.latitude is not None
    assert demonym_country("Iranian") == "IRN" and resolve_place("Iranian") is None
    for bloc in ("the West", "West", "the Global South"):
        assert is_grouping(bloc) and resolve_place(bloc) is None, bloc


@pytest.mark.slow
def test_the_place_examples_meet_their_floors(nlp: Language) -> None:
    from eventline.eval.floors import apply_floors
    from eventline.eval.places import EXAMPLES_2, score_place_examples

    for report in (
        apply_floors(score_place_examples(nlp)),
        apply_floors(score_place_examples(nlp, path=EXAMPLES_2, section="place_examples_2")),
    ):
        below = [m for m in report.metrics if m.floor is not None and m.value < m.floor]
        assert not below, (report.section, below, report.misses)
        assert any(m.floor is not None for m in report.metrics), report.section


def test_regions_take_their_current_spelling_and_keep_the_former_one() -> None:
    bryansk = resolve_region("Bryansk")
    assert bryansk is not None and (bryansk.admin1, bryansk.country) == ("Bryansk", "RUS")
    former = resolve_region("Brjansk")  # GeoNames' older spelling still finds it
    assert former is not None and former.admin1 == "Bryansk"
    anhui = resolve_place("Anhui")  # "Anhui Sheng": the local word for province is dropped
    assert anhui is not None and anhui.admin1 == "Anhui" and anhui.latitude is not None
    arizona = resolve_place("Arizona", hints={"USA"})
    assert arizona is not None and arizona.kind == "admin1" and arizona.latitude is not None


def test_a_us_state_abbreviation_beside_a_city_picks_the_namesake() -> None:
    for city_name, region, state in (
        ("Manchester", "N.H.", "New Hampshire"),
        ("Manchester", "NH", "New Hampshire"),
        ("Greenville", "S.C.", "South Carolina"),
        ("Portland", "Ore.", "Oregon"),
        ("Madison", "WI", "Wisconsin"),
    ):
        place = resolve_place(city_name, region=region)
        assert place is not None and (place.country, place.kind, place.admin1) == (
            "USA",
            "city",
            state,
        ), (city_name, region)
    assert resolve_place("Manchester").country == "GBR"  # type: ignore[union-attr]


def test_the_region_beside_a_city_it_does_not_hold_is_the_place() -> None:
    # a town the gazetteer lacks, or whose only namesakes are abroad: the state it is in
    palm = resolve_place("Palm Beach", region="Fla.")
    assert palm is not None and (palm.country, palm.kind, palm.admin1) == (
        "USA",
        "admin1",
        "Florida",
    )
    assert palm.latitude is not None
    town = resolve_place("Qwertyville", region="Iowa")
    assert town is not None and (town.kind, town.admin1) == ("admin1", "Iowa")
    # a region named like a country is the country: "Tbilisi, Georgia"
    tbilisi = resolve_place("Tbilisi", region="Georgia")
    assert tbilisi is not None and tbilisi.country == "GEO"


def test_a_us_state_beats_a_foreign_namesake_city_without_a_hint() -> None:
    florida = resolve_place("Florida")
    assert florida is not None and (florida.country, florida.kind) == ("USA", "admin1")
    washington = resolve_place("Washington")  # a big US city still wins
    assert washington is not None and washington.kind == "city"


def test_the_article_regions_pick_among_namesakes_not_tiny_ones() -> None:
    concord = resolve_place("Concord", near={("USA", "New Hampshire")})
    assert concord is not None and concord.admin1 == "New Hampshire"
    assert resolve_place("Concord").admin1 != "New Hampshire"  # type: ignore[union-attr]
    salem = resolve_place("Salem", context="USA", near={("USA", "New Hampshire")})
    assert salem is not None and (salem.country, salem.admin1) == ("USA", "New Hampshire")
    paris = resolve_place("Paris", near={("USA", "Texas")})  # Paris, Texas is tiny next to Paris
    assert paris is not None and paris.country == "FRA"
    florida = resolve_place("Florida", near={("USA", "Florida")})  # not Uruguay's Florida
    assert florida is not None and florida.country == "USA"


def test_venues_stand_for_their_city() -> None:
    from eventline.nlp.places import venue_place

    for venue, city_name, country in (
        ("the White House", "Washington", "USA"),
        ("Oval Office", "Washington", "USA"),
        ("the Kremlin", "Moscow", "RUS"),
        ("10 Downing Street", "London", "GBR"),
    ):
        place = venue_place(venue)
        assert place is not None and (place.name, place.country, place.kind) == (
            city_name,
            country,
            "city",
        ), venue
        assert place.latitude is not None
    camp = venue_place("Camp David")
    assert camp is not None and (camp.kind, camp.admin1) == ("admin1", "Maryland")
    assert venue_place("the town hall") is None


def test_regions_take_the_name_news_uses_and_unnamed_ones_no_code() -> None:
    hatay = resolve_region("Hatay")
    assert hatay is not None and (hatay.admin1, hatay.country) == ("Hatay", "TUR")
    lucerne = resolve_place("Lucerne")
    assert lucerne is not None and lucerne.admin1 == "Lucerne"
    damascus = resolve_place("Damascus")
    assert damascus is not None and damascus.admin1 == "Damascus"
    gaz = gazetteer()
    rows = [row.split("\t") for row in gaz.cities._rows]
    _, name, country, code, *_ = next(
        r for r in rows if r[3] not in gaz.admin1_names and r[1].casefold() not in gaz.countries
    )
    place = resolve_place(name, hints={country})
    assert place is not None and place.kind == "city"
    assert place.admin1 is None, code  # GeoNames names no region: a code is not a name


def test_a_region_many_times_the_size_of_a_namesake_city_is_meant() -> None:
    ontario = resolve_place("Ontario")  # the province, not Ontario, California
    assert ontario is not None and (ontario.country, ontario.kind) == ("CAN", "admin1")
    assert ontario.latitude is not None
    city = resolve_place("Ontario", region="Calif.")
    assert city is not None and (city.country, city.kind) == ("USA", "city")
    for name in ("Kursk", "Donetsk", "Madrid"):  # a region of its own size: the city
        place = resolve_place(name)
        assert place is not None and place.kind == "city", name


def test_other_spellings_find_the_city_by_their_loose_key() -> None:
    from eventline.nlp.places import loose_key

    assert loose_key("al-Ḩudaydah") == loose_key("Hudaydah") == "hudaydah"
    assert gazetteer().cities.get("kiryat malakhi") == []  # no GeoNames name: found loosely
    found = resolve_place("Kiryat Malakhi")
    assert found is not None and (found.country, found.kind) == ("ISR", "city")
    assert found.latitude is not None and 31 < found.latitude < 32
    assert resolve_place("Xqzvv Wnnt") is None


def test_named_regions_that_are_no_admin1_have_their_country_and_a_point() -> None:
    found = resolve_place("Kordofan")
    assert found is not None and (found.country, found.kind, found.admin1) == (
        "SDN",
        "admin1",
        None,
    )
    assert found.latitude is not None
    region = resolve_region("Nagorno-Karabakh")
    assert region is not None and region.country == "AZE"


def test_regions_carry_their_current_news_name_and_keep_the_former() -> None:
    adjara = resolve_place("Ajaria")
    assert adjara is not None and (adjara.country, adjara.admin1) == ("GEO", "Adjara")
    assert region_name("IN.41") == "Ladakh" and region_name("IN.12") == "Jammu and Kashmir"


def test_a_venue_is_found_when_the_ner_ran_its_name_into_a_preposition() -> None:
    from eventline.nlp.places import venue_place

    found = venue_place("the Casa Rosada on")
    assert found is not None and (found.name, found.country) == ("Buenos Aires", "ARG")
    assert venue_place("the Casa of") is None


def test_a_nearer_spelling_is_taken_only_in_a_hinted_country() -> None:
    found = resolve_place("Kupiansk", hints={"UKR"})  # GeoNames: Kup'yans'k
    assert found is not None and (found.country, found.kind) == ("UKR", "city")
    assert resolve_place("Kupiansk") is None  # no hint: a near spelling is not enough
