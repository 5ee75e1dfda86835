"""The region spelling rules of scripts/build_admin1.py on cities made up by hand (the script
reads GeoNames data kept outside the project; its rules are tested without it)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_admin1.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_admin1", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def city(name: str, population: int, *alternates: str) -> dict[str, Any]:
    return {"name": name, "population": population, "alternatenames": list(alternates)}


def test_an_older_spelling_of_the_regions_city_takes_its_current_name() -> None:
    modern = _script().modern_name
    assert modern("Brjansk", [city("Bryansk", 400_000, "Brjansk", "Briansk")]) == "Bryansk"
    assert modern("T'bilisi", [city("Tbilisi", 1_000_000)]) == "Tbilisi"  # same letters
    cairo = [city("Cairo", 9_000_000, "Al Qahirah", "Kairo"), city("Helwan", 200_000)]
    assert modern("Muhafazat al Qahirah", cairo) == "Cairo Governorate"
    assert modern("Anhui Sheng", [city("Hefei", 3_000_000)]) == "Anhui"  # local word dropped


def test_a_region_named_for_its_province_is_not_renamed_after_a_city() -> None:
    modern = _script().modern_name
    # GeoNames lists "Bahia" among Salvador's names: a province, not an old spelling
    assert modern("Bahia", [city("Salvador", 2_500_000, "Bahia", "Sao Salvador")]) == "Bahia"
    # a city named after its region with a word more: "Nara-shi", "Jambi City"
    assert modern("Nara", [city("Nara-shi", 360_000, "Nara")]) == "Nara"
    assert modern("El Progreso", [city("Guastatoya", 20_000, "El Progreso")]) == "El Progreso"


def test_the_reviewed_table_gives_the_name_news_uses(tmp_path: Path) -> None:
    script = _script()
    table = tmp_path / "names.tsv"
    table.write_text("# a comment\ncode\tname\nTR.31\tHatay\n", encoding="utf-8")
    assert script.news_names(table) == {"TR.31": "Hatay"}
    shipped = script.news_names()  # every code once, every name written out
    assert shipped["CH.LU"] == "Lucerne" and shipped["TR.31"] == "Hatay"
    assert all(code.count(".") == 1 and name.strip() == name for code, name in shipped.items())
    # local words before a region's name are dropped: "Sha`biyat Nalut" -> "Nalut"
    assert script.modern_name("Sha`biyat Nalut", [city("Nalut", 20_000)]) == "Nalut"
