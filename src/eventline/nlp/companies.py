"""A company named like a person: "Ford offered $78 million for the plant" is the Ford Motor
Company, not Gerald Ford.

A bare name (one word, no title, no first name in the document) that is both a KB person's
surname and the name of a KB company (`bodies.tsv`, sector BUS: "Ford Motor") reads as the
company when a corporate word stands near a mention ("shares", "plant", "automaker"), or when
the person it would mean left office long before the article's date: news of 2024 saying
"Ford" alone means the carmaker, not a president of the 1970s. Cues and suffixes:
`resources/actors/company_names.yaml`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc

from eventline.nlp.actor_kb import KbBody, bodies
from eventline.nlp.kb import _validate, packaged_kb, resource_path
from eventline.nlp.names import name_parts
from eventline.nlp.who import match_person


class CompanyNamesFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    suffixes: list[str]
    cues: list[str]
    window: int
    years_out: int


@lru_cache(maxsize=1)
def _rules() -> CompanyNamesFile:
    return _validate(CompanyNamesFile, resource_path("company_names.yaml"))


def company_of(name: str) -> KbBody | None:
    """The one KB company a bare name stands for: named so, or so plus a company suffix."""
    parts = name_parts(name)
    if len(parts) != 1 or not name[:1].isupper():
        return None
    key = name.lower()
    fulls = [name, *(f"{name} {s.capitalize()}" for s in _rules().suffixes)]
    for form in packaged_kb().forms:  # the packaged file's companies know their country
        if form.text in fulls[1:] and form.actor.sector == "BUS":
            return KbBody(f"kb:{form.actor.id}", form.actor.name, form.actor.country, "BUS")
    found: dict[str, KbBody] = {}
    for full in [key, *(f"{key} {s}" for s in _rules().suffixes)]:
        for b in bodies().get(full, []):
            if b.sector == "BUS":
                found.setdefault(b.id, b)
    return next(iter(found.values())) if len(found) == 1 else None


def corporate_context(doc: Doc, starts: Iterable[int]) -> bool:
    """A cue word within the window of any mention, inside the mention's sentence, or the
    name directly followed by a company suffix the NER model left out ("Ford Motor")."""
    rules = _rules()
    cues = frozenset(rules.cues)
    for start in starts:
        sent = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
        lo = max(sent.start, start - rules.window)
        hi = min(sent.end, start + 1 + rules.window)
        if any(doc[i].lower_ in cues for i in range(lo, hi) if i != start):
            return True
    return False


def long_out(name: str, day: str | None) -> bool:
    """Is the KB person a bare name means on `day` out of office for `years_out` years?"""
    if not day or not day[:4].isdigit():
        return False
    match = match_person(name, day)
    if match is None or match.person is None or match.sector not in (None, "ELI"):
        return False
    ends = [r.end[:4] for r in match.person.roles if r.sector not in (None, "ELI")]
    if not ends or not all(e.isdigit() for e in ends):
        return False  # an office with no end: still held, or undated
    return int(day[:4]) - max(int(e) for e in ends) >= _rules().years_out


def read_as_company(doc: Doc, entry: dict[str, Any], starts: list[int], day: str | None) -> bool:
    """Turn a person entry into the company its bare name means (see the module); True when
    it changed."""
    if entry.get("type") != "person" or entry.get("roles") or entry.get("role_only"):
        return False
    if entry.get("sector") not in (None, "ELI") or entry.get("sector_from") not in (None, "kb"):
        return False
    company = company_of(entry["name"])
    if company is None:
        return False
    if not (corporate_context(doc, starts) or long_out(entry["name"], day)):
        return False
    # an organisation of the company's name, so that across articles it joins the company's
    # other mentions ("Ford Motor", "Ford Motor Co.") rather than the people named Ford
    entry["type"], entry["name"] = "organization", company.name
    entry["country"], entry["sector"] = company.country, "BUS"
    entry["kb_person"] = None
    entry["sector_from"] = "company"
    if company.id.startswith("kb:"):  # one actor across articles with "Ford Motor Co."
        entry["same_as"] = company.id
    return True
