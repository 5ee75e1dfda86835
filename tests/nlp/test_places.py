"""The gazetteer: places to countries, regions and coordinates; groupings are never places."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.nlp.places import is_grouping, resolve_place


def test_cities_have_country_region_and_coordinates() -> None:
    place = resolve_place("Ashgabat")
    assert place is not None and place.kind == "city" and place.country == "TKM"
    assert place.latitude is not None and 37 < place.latitude < 39
    assert place.admin1 is not None and place.admin1.startswith("TM.")
    assert resolve_place("Kiev") == resolve_place("Kyiv").model_copy(update={"name": "Kiev"})  # type: ignore[union-attr]


def test_namesakes_follow_the_sentence_countries_else_population() -> None:
    paris = resolve_place("Paris")
    assert paris is not None and paris.country == "FRA"
    texas = resolve_place("Paris", hints={"USA"})
    assert texas is not None and texas.country == "USA" and texas.admin1 == "US.TX"
    georgia = resolve_place("Georgia")
    assert georgia is not None and (georgia.country, georgia.kind) == ("GEO", "country")
    state = resolve_place("Georgia", hints={"USA"})
    assert state is not None and (state.country, state.kind) == ("USA", "admin1")
    capital = resolve_place("Washington", hints={"USA"})
    assert capital is not None and capital.kind == "city" and capital.admin1 == "US.DC"


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
