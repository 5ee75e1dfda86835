"""Score actor coding on eventline's own checks (`resources/actors/checks.yaml`).

Each named check is a one-sentence report ("On Monday, NAME said that talks would continue.")
parsed with the check's date as publication date, as an article would be; the mention covering
the name must carry the expected country and sector. Each descriptor check is parsed in a
sentence too and its noun phrase given to `descriptor_actor`. Country and sector are scored
apart: a sector is right only with its country (an unnamed body's "IGO" has no country).
Floors are in resources/eval/floors.yaml (sections `actors`, `actors_fresh`, `actors_fresh_test`).

`resources/actors/checks_fresh.yaml` holds checks written later by an annotator who had not seen
the code, in two halves: `names_dev` (section `actors-fresh`) may guide fixes, `names_test`
(section `actors-fresh-test`) is held out and only scored, so it stays an honest estimate.
`resources/actors/checks_fresh_2.yaml` is a second such set (issue 9, actors helper): people whose
role changed over time, each at two dates, US politics with bare surnames, bodies and descriptors,
halves `actors-fresh-2` (dev) and `actors-fresh-2-test` (held out: scored, its misses not listed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventline.errors import ResourceError
from eventline.eval.report import Metric, SectionReport
from eventline.nlp.descriptors import descriptor_actor
from eventline.nlp.extensions import SPAN_KEY
from eventline.nlp.holders import redate
from eventline.nlp.kb import resource_path

_NAMED = "On Monday, {} said that talks would continue."
_DESCRIBED = "On Monday, {} gathered outside the ministry."


class _Checks(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    names: list[tuple[str, str, str | None, str]]
    descriptors: list[tuple[str, str | None, str]]


@dataclass(frozen=True)
class Outcome:
    text: str
    want: tuple[str | None, str]
    got: tuple[str | None, str | None]

    @property
    def country_ok(self) -> bool:
        return self.got[0] == self.want[0]

    @property
    def sector_ok(self) -> bool:
        return self.country_ok and self.got[1] == self.want[1]


def load_checks() -> _Checks:
    path = resource_path("checks.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return _Checks.model_validate({**data, "names": _dated(data["names"])})
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ResourceError(str(path), f"invalid checks: {exc}") from exc


class _FreshChecks(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    names_dev: list[tuple[str, str, str | None, str]]
    names_test: list[tuple[str, str, str | None, str]]


FRESH_SECTIONS = {"actors-fresh": "names_dev", "actors-fresh-test": "names_test"}
FRESH_2_SECTIONS = {"actors-fresh-2": "names_dev", "actors-fresh-2-test": "names_test"}
_FRESH_FILES = {
    **dict.fromkeys(FRESH_SECTIONS, "checks_fresh.yaml"),
    **dict.fromkeys(FRESH_2_SECTIONS, "checks_fresh_2.yaml"),
}
_HALVES = {**FRESH_SECTIONS, **FRESH_2_SECTIONS}


def _dated(rows: list[list[Any]]) -> list[list[Any]]:
    """YAML reads an unquoted date as a `date`: the checks keep it as ISO text."""
    return [[str(v) if k == 1 else v for k, v in enumerate(r)] for r in rows]


def load_fresh_checks(name: str = "checks_fresh.yaml") -> _FreshChecks:
    path = resource_path(name)
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        halves = {key: _dated(data[key]) for key in ("names_dev", "names_test")}
        return _FreshChecks.model_validate({**data, **halves})
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ResourceError(str(path), f"invalid checks: {exc}") from exc


def _parse(nlp: Language, text: str, day: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = day
    doc = nlp(doc)
    redate(doc)
    return doc


def _covering(doc: Doc, start: int, end: int) -> Span | None:
    """The actor span standing for characters [start, end): overlapping, widest first."""
    spans = [s for s in doc.spans.get(SPAN_KEY, []) if s.start_char < end and start < s.end_char]
    return max(spans, key=lambda s: min(s.end_char, end) - max(s.start_char, start), default=None)


def code_name(nlp: Language, name: str, day: str) -> tuple[str | None, str | None]:
    text = _NAMED.format(name)
    doc = _parse(nlp, text, day)
    start = text.index(name)
    span = _covering(doc, start, start + len(name))
    actor = span._.actor if span is not None else None
    return (actor.country, actor.sector) if actor is not None else (None, None)


def code_descriptor(nlp: Language, phrase: str) -> tuple[str | None, str | None]:
    text = _DESCRIBED.format(phrase)
    doc = _parse(nlp, text, None)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return descriptor_actor(span) if span is not None else (None, None)


def _code_names(nlp: Language, rows: list[tuple[str, str, str | None, str]]) -> list[Outcome]:
    return [
        Outcome(f"{name} ({day})", (country, sector), code_name(nlp, name, day))
        for name, day, country, sector in rows
    ]


def _miss(o: Outcome) -> str:
    return f"{o.text}: got {o.got[0]}/{o.got[1]}, want {o.want[0]}/{o.want[1]}"


def score_fresh_actor_checks(nlp: Language, section: str) -> SectionReport:
    """Country and sector accuracy of one half of a fresh set (`FRESH_SECTIONS`,
    `FRESH_2_SECTIONS`); the second set's held-out half lists no misses."""
    named = _code_names(nlp, getattr(load_fresh_checks(_FRESH_FILES[section]), _HALVES[section]))
    n = len(named) or 1
    country = sum(o.country_ok for o in named)
    sector = sum(o.sector_ok for o in named)
    return SectionReport(
        section.replace("-", "_"),  # reports name sections as the floors file does
        (
            Metric("name_country", country / n, None, f"{country}/{len(named)}"),
            Metric("name_sector", sector / n, None, f"{sector}/{len(named)}"),
        ),
        () if section in _HELD_OUT else tuple(_miss(o) for o in named if not o.sector_ok),
    )


_HELD_OUT = {"actors-fresh-2-test"}


def score_actor_checks(nlp: Language) -> SectionReport:
    """Country and sector accuracy of named checks; both for descriptors."""
    checks = load_checks()
    named = _code_names(nlp, checks.names)
    described = [
        Outcome(phrase, (country, sector), code_descriptor(nlp, phrase))
        for phrase, country, sector in checks.descriptors
    ]
    n, d = len(named) or 1, len(described) or 1
    country = sum(o.country_ok for o in named)
    sector = sum(o.sector_ok for o in named)
    both = sum(o.sector_ok for o in described)
    misses = [_miss(o) for o in named + described if not o.sector_ok]
    return SectionReport(
        "actors",
        (
            Metric("name_country", country / n, None, f"{country}/{len(named)}"),
            Metric("name_sector", sector / n, None, f"{sector}/{len(named)}"),
            Metric("descriptor_both", both / d, None, f"{both}/{len(described)}"),
        ),
        tuple(misses),
    )
