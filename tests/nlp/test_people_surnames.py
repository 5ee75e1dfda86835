"""Who a later bare surname means inside one document (nlp/people.py `_group`), on people
listed by hand: no model, so the rule, not a parse, is what is tested."""

from __future__ import annotations

from eventline.nlp.names import surname_key
from eventline.nlp.people import _group, _Person


def _ids(people: list[_Person]) -> dict[str, str]:
    entities = _group(people)
    return {p.name: entities[surname_key(p.name)][p.name]["id"] for p in people}


def test_a_bare_surname_means_the_full_name_named_first_before_it() -> None:
    ids = _ids(
        [
            _Person(0, 3, "Hillary Rodham Clinton"),
            _Person(10, 12, "Bill Clinton"),
            _Person(20, 21, "Clinton"),
        ]
    )
    assert ids["Clinton"] == ids["Hillary Rodham Clinton"]
    assert ids["Bill Clinton"] != ids["Hillary Rodham Clinton"]  # kept apart


def test_a_bare_surname_before_any_full_name_stays_apart() -> None:
    ids = _ids(
        [_Person(0, 1, "Clinton"), _Person(5, 7, "Bill Clinton"), _Person(9, 11, "Hillary Clinton")]
    )
    assert ids["Clinton"] not in (ids["Bill Clinton"], ids["Hillary Clinton"])


def test_a_family_name_written_first_joins_its_full_name() -> None:
    ids = _ids([_Person(0, 3, "Moon Jae-in"), _Person(8, 9, "Moon")])
    assert ids["Moon"] == ids["Moon Jae-in"]
    two = _ids([_Person(0, 3, "Kim Jong-un"), _Person(5, 8, "Kim Yo-jong"), _Person(9, 10, "Kim")])
    assert two["Kim"] not in (two["Kim Jong-un"], two["Kim Yo-jong"])  # ambiguous: apart
