"""Bad option values: exit 2, one line naming the value and what would be accepted, and the
store untouched. Good values in other spellings (a country's name, lower case) are accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.helpers import cli, one_error_line, snapshot

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["ingest", "-", "--published", "June 5"], ["--published", "'June 5'", DATE_FORMS]),
        (["ingest", "-", "--published", "2025-02-30"], ["2025-02-30", "calendar", DATE_FORMS]),
        (["ingest", "-", "--captured", "5 hours ago"], ["--captured", "'5 hours ago'"]),
        (["code", "Russia condemned the strikes.", "--date", "banana"], ["--date", "banana"]),
        (["events", "--since", "yesterday"], ["--since", "'yesterday'", DATE_FORMS]),
        (["events", "--since", "2025-13"], ["--since", "calendar"]),
        (["events", "--type", "FOO"], ["--type", "'FOO'", "PLOVER", "CONSULT"]),
        (["events", "--type", "asault"], ["did you mean ASSAULT"]),
        (["events", "--actor", "russa"], ["--actor", "'russa'", "no actor matches", "Russia"]),
        (["events", "--recipient", "zzqx"], ["--recipient", "no actor matches", "ISO3"]),
        (["actors", "--country", "atlantis"], ["--country", "'atlantis'", "no country"]),
        (["dates", "next Friday", "--published", "2025-06-31"], ["--published", "calendar"]),
        (["dates", "yesterday", "--published", "2025"], ["--published", "not a day"]),
        (["code", "Russia condemned the strikes.", "--date", "2025-02-29"], ["calendar"]),
        (["timeline", "RUS", "IRN", "--by", "year"], ["--by", "'year'", "week, month"]),
        (["timeline", "RUS", "IRN", "--format", "gif"], ["--format", "'gif'"]),
        (["timeline", "RUS", "Narnia"], ["B", "'Narnia'", "no actor matches"]),
        (["export", "out", "--format", "xml"], ["--format", "'xml'", "jsonl, csv"]),
        (["analyse", "--processes", "0"], ["--processes", "eventline analyse --help"]),
        (["events", "--bogus"], ["No such option", "--bogus"]),
        (["search", "grain", "--since", "last week"], ["--since", "'last week'", DATE_FORMS]),
        (["search", "grain", "--until", "2025-04-31"], ["--until", "calendar"]),
        (["search", "grain", "--kind", "blog"], ["--kind", "'blog'", "fact-check"]),
        (["search", "grain", "--actor", "Iram"], ["--actor", "did you mean", "Iran (IRN)"]),
    ],
)
def test_bad_value_is_one_line_exit_2(db: Path, args: list[str], words: list[str]) -> None:
    before = snapshot(db)
    run = cli(db, *args, stdin="Headline\n\nA body that must not be stored.\n")
    one_error_line(run, 2, *words)
    assert snapshot(db) == before


def test_accepted_date_forms(db: Path) -> None:
    for value in ("2025", "2025-06", "2025-06-03"):
        run = cli(db, "events", "--since", value, "--json")
        assert run.code == 0, run.err
        assert all((json.loads(line)["date"] or "") >= value for line in run.out.splitlines())


def test_actor_by_code_name_or_id_case_insensitively(db: Path) -> None:
    by_code = cli(db, "events", "--actor", "RUS", "--json").out
    assert by_code, "the corpus has events with Russia as actor"
    for spelling in ("rus", "Russia", "russia", "RUSSIA"):
        assert cli(db, "events", "--actor", spelling, "--json").out == by_code
    actor_id = json.loads(cli(db, "actors", "--json", "--country", "RUS").out.splitlines()[0])["id"]
    assert cli(db, "events", "--actor", actor_id.upper(), "--json").code == 0


def test_country_by_name(db: Path) -> None:
    run = cli(db, "actors", "--country", "iran", "--json")
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert run.code == 0 and rows and {r["country"] for r in rows} == {"IRN"}


def test_type_case_insensitive(db: Path) -> None:
    upper = cli(db, "events", "--type", "ACCUSE", "--json")
    assert upper.code == 0 and cli(db, "events", "--type", "accuse", "--json").out == upper.out


def test_empty_answer_says_what_was_searched(db: Path) -> None:
    run = cli(db, "events", "--actor", "iran", "--since", "2099")
    assert run.code == 0 and run.out == ""
    assert "no events match" in run.err and "--actor 'iran'" in run.err and "2099" in run.err
    run = cli(db, "quotes", "--speaker", "Nobody Atall")
    assert run.code == 0 and "no quotes match --speaker 'Nobody Atall'" in run.err
