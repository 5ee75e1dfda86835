"""Fast tests: name folding, the knowledge base files, cross-document resolution on tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.nlp.kb import load_kb, validate_kb_file
from eventline.nlp.names import fold_part, given_compatible, given_keys, surname_key
from eventline.nlp.resolve import resolve_tables


def test_transliteration_variants_fold_together() -> None:
    assert surname_key("Abbas Araghchi") == surname_key("Abbas Araqchi")
    assert len({fold_part(n) for n in ("Zelensky", "Zelenskyy", "Zelenskiy")}) == 1
    assert fold_part("Gaddafi") == fold_part("Qadhafi") == fold_part("Kadhafi")


def test_different_names_stay_different() -> None:
    assert fold_part("Putin") != fold_part("Pudin")
    assert not given_compatible(given_keys("Imran Khan"), given_keys("Sadiq Khan"))
    assert given_compatible(given_keys("V. Putin"), given_keys("Vladimir Putin"))


def test_packaged_kb_loads_countries_orgs_and_metonyms() -> None:
    kb = load_kb()
    assert kb.actors["RUS"].name == "Russia"
    assert "Moscow" in kb.actors["RUS"].metonyms
    assert kb.actors["REB.hezbollah"].country == "LBN"
    assert kb.actors["IGO.iaea"].country is None
    assert len([a for a in kb.actors.values() if a.type == "country"]) >= 240


def test_validate_kb_file_reports_problems(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "version: 1\nactors:\n  - {id: X.party, name: Blue Party, type: organization,"
        " country: FRA, sector: PTY, names: [Blue Party]}\n",
        encoding="utf-8",
    )
    assert validate_kb_file(good) == []
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nactors:\n  - {id: a, name: A, type: organization, country: XXX, names: [A]}\n"
        "  - {id: b, name: B, type: group, sector: NOPE, names: []}\n",
        encoding="utf-8",
    )
    problems = validate_kb_file(bad)
    assert problems and "ISO 3166" in problems[0]
    worse = tmp_path / "worse.yaml"
    worse.write_text("version: 1\nactors:\n  - {id: b, name: B, type: group, sector: NOPE}\n")
    assert any("unknown sector" in p for p in validate_kb_file(worse))
    assert any("no surface forms" in p for p in validate_kb_file(worse))


def _person(name: str, country: str | None, key: str | None = None) -> dict[str, object]:
    roles = [{"title": "X", "key": key, "country": country, "sector": "GOV", "past": False}]
    return {
        "id": f"local:{name}",
        "name": name,
        "type": "person",
        "country": country,
        "sector": "GOV" if country else None,
        "roles": roles if key else [],
        "kb": False,
    }


def test_resolution_merges_variants_and_keeps_namesakes_apart() -> None:
    tables = [
        {"a": _person("Mahmoud Zarghami", "IRN", "foreign_minister")},
        {"b": _person("Mahmud Zarqami", "IRN")},
        {"c": _person("Lena Khan", "GBR"), "d": _person("Tariq Khan", "PAK")},
        {"e": _person("Khan", None)},
        {"f": _person("Ivan Pudin", "RUS")},
        {"g": _person("Ivan Putin", "RUS")},
    ]
    out = resolve_tables(tables)
    assert out[(0, "a")].id == out[(1, "b")].id
    assert out[(2, "c")].id != out[(2, "d")].id
    assert out[(3, "e")].id not in {out[(2, "c")].id, out[(2, "d")].id}
    assert out[(4, "f")].id != out[(5, "g")].id


def test_unnamed_office_holder_joins_the_one_named_holder() -> None:
    role = {
        "title": "Foreign Minister",
        "key": "foreign_minister",
        "country": "PAK",
        "sector": "GOV",
        "past": False,
    }
    unnamed = {
        "id": "r",
        "name": "Foreign Minister (Pakistan)",
        "type": "person",
        "country": "PAK",
        "sector": "GOV",
        "roles": [role],
        "role_only": role,
        "kb": False,
    }
    past = dict(role, past=True)
    former = _person("Sara Malik", "PAK")
    former["roles"] = [past]
    out = resolve_tables(
        [{"a": _person("Omar Farooq", "PAK", "foreign_minister")}, {"f": former}, {"r": unnamed}]
    )
    assert out[(2, "r")].id == out[(0, "a")].id


def test_bare_surname_with_a_conflicting_country_stays_apart() -> None:
    out = resolve_tables([{"a": _person("Nadia Serra", "ITA")}, {"b": _person("Serra", "BRA")}])
    assert out[(0, "a")].id != out[(1, "b")].id


def test_missing_model_error_points_at_the_locked_dependencies() -> None:
    from eventline.errors import ModelError
    from eventline.nlp import load_nlp

    with pytest.raises(ModelError, match=r"requirements/runtime\.lock") as info:
        load_nlp(model="eventline_no_such_model")
    assert "download" not in str(info.value)


def test_one_full_name_in_several_offices_is_one_person_with_a_career() -> None:
    senator = {**_person("Mark Halvorsen", "USA"), "sector": "LEG"}
    governor = _person("Mark Halvorsen", "USA")
    former = {**_person("Mark Halvorsen", None), "sector": "ELI"}
    namesake = {**_person("Mary Halvorsen", "USA"), "sector": "LEG"}
    rebel = {**_person("Mark Halvorsen", "USA"), "sector": "REB"}
    out = resolve_tables([{"s": senator}, {"g": governor}, {"f": former}, {"n": namesake}])
    assert out[(0, "s")].id == out[(1, "g")].id == out[(2, "f")].id
    assert out[(3, "n")].id != out[(0, "s")].id  # another given name: another person
    out = resolve_tables([{"s": senator}, {"r": rebel}])
    assert out[(0, "s")] != out[(1, "r")]  # no career passes from a senate to a rebel group
