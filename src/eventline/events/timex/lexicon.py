"""The vocabulary of the temporal-expression normaliser, loaded once from resources/timex/.

Month and weekday names, number words, part-of-period words and tense cues are data, so that a
user can read (and extend) what the normaliser knows without reading its regular expressions.
The file is validated here: a malformed entry raises `ResourceError` naming the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventline.errors import ResourceError

_RESOURCE = "resources/timex/lexicon.yaml"
#: libyaml's safe loader when PyYAML was built with it (the same values, a tenth of the time).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REFERENCES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_MODS = {"START", "MID", "END"}


@dataclass(frozen=True)
class TimexLexicon:
    """Validated vocabulary; every key is lower case, multi-word keys single-spaced."""

    months: dict[str, int]
    month_abbreviations: frozenset[str]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_abbreviations: frozenset[str]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    part_of_period: dict[str, str]
    units: dict[str, str]
    time_units: frozenset[str]
    references: dict[str, str]
    relative_days: dict[str, int]
    future_cues: tuple[tuple[str, ...], ...]
    past_cues: tuple[tuple[str, ...], ...]
    ed_exceptions: frozenset[str]
    passive_auxiliaries: frozenset[str]
    weekday_blockers: frozenset[str]
    month_cues: frozenset[str]
    decade_blockers: frozenset[str]
    abbreviations: frozenset[str]
    year_blockers: frozenset[str]
    day_cues: frozenset[str]
    century_ordinals: dict[str, int]
    future_directed: tuple[str, ...]
    open_future: frozenset[str]
    bare_duration_cues: frozenset[str]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, white space matching any run of it."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in items)


def _fail(reason: str) -> ResourceError:
    return ResourceError(_RESOURCE, reason)


def _words(raw: Any, section: str) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) and w.strip() for w in raw):
        raise _fail(f"{section}: expected a list of words")
    return [" ".join(w.lower().split()) for w in raw]


def _mapping(raw: Any, section: str) -> dict[str, Any]:
    if not isinstance(raw, dict) or not raw:
        raise _fail(f"{section}: expected a non-empty mapping")
    return {" ".join(str(k).lower().split()): v for k, v in raw.items()}


def _named(raw: Any, section: str, top: int) -> tuple[dict[str, int], set[str], set[str]]:
    """Months or weekdays: name -> number, plus the abbreviations and ambiguous names."""
    if not isinstance(raw, list) or len(raw) != top:
        raise _fail(f"{section}: expected {top} entries")
    names: dict[str, int] = {}
    abbreviations: set[str] = set()
    ambiguous: set[str] = set()
    for entry in raw:
        number = entry.get("number") if isinstance(entry, dict) else None
        if not isinstance(number, int) or not 1 <= number <= top:
            raise _fail(f"{section}: bad number in {entry!r}")
        for name in _words(entry.get("names"), section):
            names[name] = number
            if entry.get("ambiguous"):
                ambiguous.add(name)
        for abbreviation in _words(entry.get("abbreviations", []) or [], section):
            names[abbreviation] = number
            abbreviations.add(abbreviation)
    if sorted(set(names.values())) != list(range(1, top + 1)):
        raise _fail(f"{section}: every number 1..{top} needs a name")
    return names, abbreviations, ambiguous


def _numbers(raw: Any) -> dict[str, str]:
    numbers = _mapping(raw, "number_words")
    for word, value in numbers.items():
        if not (isinstance(value, int) and value > 0) and value != "X":
            raise _fail(f"number_words: {word!r} must be a positive integer or X")
    return {word: str(value) for word, value in numbers.items()}


def _checked(mapping: dict[str, Any], allowed: set[str], section: str) -> dict[str, str]:
    for word, value in mapping.items():
        if value not in allowed:
            raise _fail(f"{section}: {word!r} has {value!r}, expected one of {sorted(allowed)}")
    return {word: str(value) for word, value in mapping.items()}


def _build(data: dict[str, Any]) -> TimexLexicon:
    months, month_abbr, ambiguous = _named(data.get("months"), "months", 12)
    weekdays, weekday_abbr, _ = _named(data.get("weekdays"), "weekdays", 7)
    units = _mapping(data.get("units"), "units")
    if not all(isinstance(u, dict) and isinstance(u.get("code"), str) for u in units.values()):
        raise _fail("units: every unit needs a code")
    cues = data.get("tense_cues")
    if not isinstance(cues, dict):
        raise _fail("tense_cues: expected a mapping")
    relative_days = _mapping(data.get("relative_days"), "relative_days")
    if not all(isinstance(v, int) for v in relative_days.values()):
        raise _fail("relative_days: offsets must be integers")
    ordinals = _mapping(data.get("ordinals"), "ordinals")
    if not all(isinstance(v, int) and -1 <= v <= 4 and v for v in ordinals.values()):
        raise _fail("ordinals: values must be 1..4 or -1 (the last)")
    return TimexLexicon(
        months=months,
        month_abbreviations=frozenset(month_abbr),
        ambiguous_months=frozenset(ambiguous),
        weekdays=weekdays,
        weekday_abbreviations=frozenset(weekday_abbr),
        seasons=_checked(_mapping(data.get("seasons"), "seasons"), {"SP", "SU", "FA", "WI"}, "s"),
        day_parts=_checked(
            _mapping(data.get("day_parts"), "day_parts"), {"MO", "AF", "EV", "NI"}, "day_parts"
        ),
        numbers=_numbers(data.get("number_words")),
        ordinals=ordinals,
        part_of_period=_checked(
            _mapping(data.get("part_of_period"), "part_of_period"), _MODS, "part_of_period"
        ),
        units={name: unit["code"] for name, unit in units.items()},
        time_units=frozenset(name for name, unit in units.items() if unit.get("time")),
        references=_checked(_mapping(data.get("references"), "references"), _REFERENCES, "r"),
        relative_days=relative_days,
        future_cues=tuple(tuple(c.split()) for c in _words(cues.get("future"), "future")),
        past_cues=tuple(tuple(c.split()) for c in _words(cues.get("past"), "past")),
        ed_exceptions=frozenset(_words(cues.get("ed_exceptions"), "ed_exceptions")),
        passive_auxiliaries=frozenset(_words(cues.get("passive_auxiliaries"), "passive")),
        weekday_blockers=frozenset(_words(data.get("weekday_blockers"), "weekday_blockers")),
        month_cues=frozenset(_words(data.get("month_cues"), "month_cues")),
        decade_blockers=frozenset(_words(data.get("decade_blockers"), "decade_blockers")),
        abbreviations=frozenset(_words(data.get("abbreviations"), "abbreviations")),
        year_blockers=frozenset(_words(data.get("year_blockers"), "year_blockers")),
        day_cues=frozenset(_words(data.get("day_cues"), "day_cues")),
        century_ordinals=_century_ordinals(data.get("century_ordinals")),
        future_directed=tuple(_words(data.get("future_directed"), "future_directed")),
        open_future=frozenset(_words(data.get("open_future"), "open_future")),
        bare_duration_cues=frozenset(_words(data.get("bare_duration_cues"), "bare_duration")),
    )


def _century_ordinals(raw: Any) -> dict[str, int]:
    ordinals = _mapping(raw, "century_ordinals")
    if not all(isinstance(v, int) and 1 <= v <= 21 for v in ordinals.values()):
        raise _fail("century_ordinals: values must be 1..21")
    return {word: int(value) for word, value in ordinals.items()}


@cache
def load_lexicon() -> TimexLexicon:
    """The packaged lexicon, parsed and validated on first use."""
    try:
        text = resources.files("eventline").joinpath(_RESOURCE).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_LOADER)  # a safe loader, libyaml's when built
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise _fail("expected a mapping with version: 1")
    return _build(data)
