"""A title and a bare surname ("Senator Warner") mean the one KB person of that surname holding
an office of the title's sector (nlp/who.py `match_titled`, nlp/people.py `_fill_titled`), on a
KB built by hand: no model and no shipped KB, so the rule is what is tested."""

from __future__ import annotations

from typing import Any

import pytest

from eventline.nlp import who
from eventline.nlp.actor_kb import PersonIndex, name_key
from eventline.nlp.people import _fill_titled

_PEOPLE = [
    ("p.ann_ostrow", "Ann Ostrow", "USA,LEG,2009-01-06,2021-01-03,senator"),
    ("p.bo_ostrow", "Bo Ostrow", "TTO,GOV,2010-07-01,,"),
    ("p.cy_vandel", "Cy Vandel", "USA,LEG,2001-01-03,2011-01-03,senator"),
    ("p.di_vandel", "Di Vandel", "AUS,LEG,2005-07-01,2017-06-30,senator"),
]
_ROWS = [[pid, name, "0", name_key(name), roles] for pid, name, roles in _PEOPLE]


@pytest.fixture(autouse=True)
def _kb(monkeypatch: pytest.MonkeyPatch) -> None:
    index = PersonIndex(_ROWS)
    monkeypatch.setattr(who, "people", lambda: index)


def _entry(name: str, sector: str, *, past: bool = False) -> dict[str, Any]:
    role = {"title": "Lawmaker", "key": "lawmaker", "country": None, "sector": sector}
    return {"id": name, "name": name, "type": "person", "country": None, "sector": sector,
            "roles": [{**role, "past": past, "then": False}], "kb": False}  # fmt: skip


def test_the_one_holder_of_the_titles_sector_is_meant() -> None:
    found = who.match_titled("Ostrow", {"LEG"}, "2015-03-02")
    assert found is not None and found.person is not None
    assert (found.person.id, found.country, found.sector) == ("p.ann_ostrow", "USA", "LEG")
    assert who.match_titled("Ostrow", {"GOV"}, "2015-03-02").country == "TTO"  # type: ignore[union-attr]


def test_nobody_in_office_that_day_gives_no_answer() -> None:
    assert who.match_titled("Ostrow", {"LEG"}, "2023-05-01") is None
    assert who.match_titled("Ostrow", {"JUD"}, None) is None
    assert who.match_titled("Ann Ostrow", {"LEG"}, None) is None  # full names: the KB's own look-up


def test_two_senators_of_different_countries_give_no_answer() -> None:
    assert who.match_titled("Vandel", {"LEG"}, "2008-01-01") is None
    assert who.match_titled("Vandel", {"LEG"}, None) is None
    found = who.match_titled("Vandel", {"LEG"}, "2015-01-01")  # only the Australian then
    assert found is not None and found.country == "AUS"


def test_fill_titled_sets_country_and_person_only_when_unknown() -> None:
    ann, gone, said = (
        _entry("Ostrow", "LEG"),
        _entry("Ostrow", "LEG", past=True),
        _entry("Ostrow", "LEG"),
    )
    said["country"] = "CAN"
    for entry in (ann, gone, said):
        _fill_titled({"ostrow": {"Ostrow": entry}}, day="2012-06-01")
    assert (ann["country"], ann["kb_person"]) == ("USA", "p.ann_ostrow")
    assert gone["country"] is None and "kb_person" not in gone  # "former Senator": not asked
    assert said["country"] == "CAN" and "kb_person" not in said  # the text's country stands
