"""Load and validate the clean stage's data files once (boilerplate cues, outlets, language).

The cues live in `eventline/resources/clean/*.yaml` so they can grow without code changes; a
broken file is a ResourceError naming it, raised the first time the stage needs it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from eventline.errors import ResourceError

_PACKAGE = "eventline.resources.clean"


class _Data(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LineRule(_Data):
    reason: str
    pattern: str


class BoilerplateFile(_Data):
    version: int
    line_rules: list[LineRule]
    credit_rules: list[str]
    credit_words: list[str]
    caption_openings: list[str]
    section_labels: list[str]
    related_headings: list[str] = []


class OutletsFile(_Data):
    version: int
    wires: dict[str, list[str]]
    outlets: dict[str, list[str]]


class KindCues(_Data):
    title_prefixes: list[str]
    line_cues: list[str]
    sections: list[str]


class LanguageFile(_Data):
    version: int
    months: dict[str, int]
    weekdays: dict[str, int]
    future_cues: list[str]
    kinds: dict[str, KindCues]
    opinion_language: list[str]
    staff_bio_words: list[str]
    not_places: list[str]
    dateline_regions: list[str]
    byline_roles: list[str]


class Cues:
    """Compiled cues: every regular expression is compiled once and checked at load time."""

    def __init__(self, boiler: BoilerplateFile, outlets: OutletsFile, lang: LanguageFile) -> None:
        flags = re.IGNORECASE
        self.line_rules = [(r.reason, re.compile(r.pattern, flags)) for r in boiler.line_rules]
        # The same rules as one alternation, tried in file order by a single fullmatch (the
        # first alternative that matches the whole line wins, as in a loop over the rules).
        self.line_rule_reasons = [r.reason for r in boiler.line_rules]
        self.any_line_rule = re.compile(
            "|".join(f"(?P<r{n}>{r.pattern})" for n, r in enumerate(boiler.line_rules)), flags
        )
        self.credit_rules = [re.compile(p, flags) for p in boiler.credit_rules]
        self.credit_words = [w.casefold() for w in boiler.credit_words]
        self.caption_openings = [re.compile(p, flags) for p in boiler.caption_openings]
        self.section_labels = frozenset(w.casefold() for w in boiler.section_labels)
        self.related_headings = [re.compile(p, flags) for p in boiler.related_headings]
        self.wires = _alias_map(outlets.wires)
        self.outlets = _alias_map(outlets.outlets)
        self.months = {k.casefold(): v for k, v in lang.months.items()}
        self.weekdays = {k.casefold(): v for k, v in lang.weekdays.items()}
        self.future = re.compile(
            r"\b(?:" + "|".join(re.escape(c) for c in lang.future_cues) + r")\b", flags
        )
        self.kind_titles = {
            k: [re.compile(p, flags) for p in c.title_prefixes] for k, c in lang.kinds.items()
        }
        self.kind_lines = {
            k: [re.compile(p, flags) for p in c.line_cues] for k, c in lang.kinds.items()
        }
        self.kind_sections = {
            k: frozenset(s.casefold() for s in c.sections) for k, c in lang.kinds.items()
        }
        self.staff_bio = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in lang.staff_bio_words) + r")\b", flags
        )
        self.byline_roles = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in lang.byline_roles) + r")\b", flags
        )
        self.not_places = frozenset(p.casefold() for p in lang.not_places)
        self.dateline_regions = tuple(lang.dateline_regions)
        self.opinion_language = [re.compile(p, flags) for p in lang.opinion_language]


def _alias_map(table: dict[str, list[str]]) -> dict[str, str]:
    """Alias -> canonical name; the canonical name is an alias of itself."""
    out: dict[str, str] = {}
    for name, aliases in table.items():
        for alias in [name, *aliases]:
            out.setdefault(alias, name)
    return out


def _read(name: str) -> Any:
    path = f"{_PACKAGE}/{name}"
    try:
        text = resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
        return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(path, f"cannot read clean resource: {exc}") from exc


@cache
def cues() -> Cues:
    """The compiled cues, loaded once per process."""
    try:
        return Cues(
            BoilerplateFile.model_validate(_read("boilerplate.yaml")),
            OutletsFile.model_validate(_read("outlets.yaml")),
            LanguageFile.model_validate(_read("language.yaml")),
        )
    except ValidationError as exc:
        raise ResourceError(_PACKAGE, f"invalid clean resource: {exc.errors()[0]}") from exc
    except re.error as exc:
        raise ResourceError(_PACKAGE, f"bad pattern {exc.pattern!r}: {exc}") from exc
