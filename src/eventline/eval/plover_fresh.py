"""Score the event coder on fresh PLOVER-coded sentences (resources/eval/plover_fresh.json).

The set was written for eventline by an annotator who had not seen the code, in two halves:
`dev` (section `plover-fresh`) may guide fixes and its misses are printed; `test` (section
`plover-fresh-test`) is held out, only scored, and never lists its misses, so it stays an
honest estimate of the issue's held-out measures. Unlike PLOVER's own gold records a sentence
may hold no event or several, so the figures are those of the held-out measures:

* root-type macro-F1 over the PLOVER types of the half, sentence by sentence: a gold type that
  no coded event has is a miss of that type, a coded type that no gold event has (in a
  sentence with no gold event: any coded event) a false positive of that type;
* pair recall: a gold event is found when some coded event has its type, an actor of a gold
  source code and a recipient of a gold target code (a gold event without a target asks only
  for type and actor);
* type accuracy of the main event (the annotator's first against the coder's primary, as in
  the `plover-gsr` section), actor and recipient code accuracy of the event of the gold type
  (else the primary), and the share of no-event sentences given an event (reported as its
  complement `no_event_clean`, so that its floor is a lower bound like every other).

A second annotator's set (resources/eval/plover_fresh_2.json: longer real-news style sentences,
attribution, descriptor actors) has the same format and halves, as sections `plover-fresh-2`
and `plover-fresh-2-test`. A third annotator (resources/eval/plover_fresh_3.json) followed the
PLOVER manual's own conventions where the second set made its own (MED is health, JRN media;
declared ceasefires CONCEDE; summoning an ambassador ACCUSE), as `plover-fresh-3` and
`plover-fresh-3-test`; it was scored before any rule was changed with it in view. A fourth
(resources/eval/plover_fresh_4.json: about a third US election and campaign coverage, with
figurative and hypothetical non-events) follows the third set's conventions and adds its own
for campaigns (candidates PTY, a suspended campaign CONCEDE, a denial not coded), as
`plover-fresh-4` and `plover-fresh-4-test`, likewise scored before any rule change. A fifth
(resources/eval/plover_fresh_5.json: long wire-copy sentences with attribution clauses,
descriptor actors, embedded and nominal acts, often two events) is `plover-fresh-5` and
`plover-fresh-5-test`, scored on the main of its day before any rule saw it.

Codes compare as `plover_gsr.actor_code` does (country, else sector); a gold actor with a null
code (IS, al Qaeda) compares by its sector. Non-ISO gold codes the coder spells differently are
mapped by the resource's `codes` table. Each sentence is coded with its date as publication date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from eventline.errors import ResourceError
from eventline.eval.plover_gsr import actor_code, pair_found, plover_type
from eventline.eval.report import Metric, SectionReport
from eventline.events.document import code_text
from eventline.model import EventMention

RESOURCE = "resources/eval/plover_fresh.json"
RESOURCE_2 = "resources/eval/plover_fresh_2.json"  # a second annotator's set, same format
RESOURCE_3 = "resources/eval/plover_fresh_3.json"  # a third annotator's, the codebook's conventions
RESOURCE_4 = "resources/eval/plover_fresh_4.json"  # a fourth: a third of it US election coverage
RESOURCE_5 = "resources/eval/plover_fresh_5.json"  # a fifth: long wire-copy sentences
# section -> (gold file, half); each file has a dev half (misses printed) and a held-out half
SECTIONS = {
    "plover-fresh": (RESOURCE, "dev"),
    "plover-fresh-test": (RESOURCE, "test"),
    "plover-fresh-2": (RESOURCE_2, "dev"),
    "plover-fresh-2-test": (RESOURCE_2, "test"),
    "plover-fresh-3": (RESOURCE_3, "dev"),
    "plover-fresh-3-test": (RESOURCE_3, "test"),
    "plover-fresh-4": (RESOURCE_4, "dev"),
    "plover-fresh-4-test": (RESOURCE_4, "test"),
    "plover-fresh-5": (RESOURCE_5, "dev"),
    "plover-fresh-5-test": (RESOURCE_5, "test"),
}
_HELD_OUT = {"test"}


@dataclass(frozen=True)
class GoldEvent:
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    text: str  # the event's wording, to describe a miss


@dataclass(frozen=True)
class FreshRecord:
    id: str
    date: str | None
    text: str
    split: str
    events: tuple[GoldEvent, ...]


@cache
def _resource(resource: str) -> dict[str, Any]:
    try:
        data = json.loads(resources.files("eventline").joinpath(resource).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourceError(resource, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ResourceError(resource, "expected a mapping with version: 1")
    if not isinstance(data.get("records"), list):
        raise ResourceError(resource, "expected a list of records")
    return data


def _codes(actors: Any, fix: dict[str, str]) -> frozenset[str]:
    """Gold codes of a source or target list; a null code (IS, al Qaeda) stands by its sector."""
    if not isinstance(actors, list):
        return frozenset()
    found = (a.get("code") or a.get("sector") for a in actors if isinstance(a, dict))
    return frozenset(fix.get(code, code) for code in found if isinstance(code, str) and code)


def _record(raw: dict[str, Any], fix: dict[str, str], resource: str) -> FreshRecord:
    try:
        events = tuple(
            GoldEvent(
                type=str(e["event"]),
                sources=_codes(e.get("source"), fix),
                targets=_codes(e.get("target"), fix),
                text=str(e.get("eventText") or ""),
            )
            for e in raw.get("events") or ()
        )
        return FreshRecord(
            id=str(raw["id"]),
            date=raw.get("date"),
            text=str(raw["text"]),
            split=str(raw["split"]),
            events=events,
        )
    except (KeyError, TypeError) as exc:
        raise ResourceError(resource, f"bad record {raw.get('id', '?')}: {exc}") from exc


@cache
def load_fresh(split: str, resource: str = RESOURCE) -> tuple[FreshRecord, ...]:
    """The records of one half (`dev` or `test`) of a gold file, in file order."""
    data = _resource(resource)
    fix = {str(k): str(v) for k, v in (data.get("codes") or {}).items()}
    records = tuple(_record(raw, fix, resource) for raw in data["records"])
    if split not in {r.split for r in records}:
        raise ResourceError(resource, f"no records in split {split!r}")
    return tuple(r for r in records if r.split == split)


@dataclass(frozen=True)
class Coded:
    record: FreshRecord
    events: tuple[EventMention, ...]  # in text order
    primary: EventMention | None  # the widest clause's event, as plover_gsr ranks them


def code_records(records: tuple[FreshRecord, ...], nlp: Any) -> list[Coded]:
    out = []
    for record in records:
        coded = code_text(nlp, record.text, published=record.date).events
        events = tuple(sorted(coded, key=lambda e: e.evidence.start))
        ranked = sorted(events, key=lambda e: (e.evidence.start - e.evidence.end, e.evidence.start))
        out.append(Coded(record, events, ranked[0] if ranked else None))
    return out


def type_counts(coded: list[Coded]) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) per type over the gold types of the sentences, compared as sets."""
    counts: dict[str, list[int]] = {}
    for item in coded:
        gold = {e.type for e in item.record.events}
        got = {plover_type(e) for e in item.events}
        for t in gold | got:
            row = counts.setdefault(t, [0, 0, 0])
            row[0 if t in gold and t in got else 1 if t in got else 2] += 1
    return {t: (row[0], row[1], row[2]) for t, row in counts.items()}


def macro_f1(counts: dict[str, tuple[int, int, int]], types: set[str]) -> dict[str, float]:
    """F1 of each of `types` (a type never found scores 0)."""
    scores = {}
    for t in sorted(types):
        tp, fp, fn = counts.get(t, (0, 0, 0))
        scores[t] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def _chosen(item: Coded, gold: GoldEvent) -> EventMention | None:
    for event in item.events:
        if plover_type(event) == gold.type:
            return event
    return item.primary


def _describe(item: Coded) -> str:
    got = ", ".join(
        f"{plover_type(e)}({'/'.join(actor_code(a) for a in e.actor)}"
        f"->{'/'.join(actor_code(a) for a in e.recipient)}) '{e.evidence.text}'"
        for e in item.events
    )
    return got or "no event"


def _miss(item: Coded, reasons: list[str]) -> str:
    return f"{item.record.id}: {'; '.join(reasons)} | got {_describe(item)}"


def _ratio(name: str, ok: int, n: int) -> Metric:
    return Metric(name, ok / n if n else 0.0, None, f"{ok}/{n}")


def score_fresh(coded: list[Coded], *, section: str, list_misses: bool) -> SectionReport:
    """The held-out measures over one coded half; misses only when `list_misses`."""
    found = pairs = main_ok = main_n = actor_ok = actor_n = rec_ok = rec_n = 0
    empty = empty_coded = 0
    misses: list[str] = []
    for item in coded:
        reasons: list[str] = []
        if not item.record.events:
            empty += 1
            empty_coded += bool(item.events)
            if item.events:
                reasons.append("no gold event")
        else:
            main_n += 1
            main = item.record.events[0]
            main_ok += item.primary is not None and plover_type(item.primary) == main.type
        for gold in item.record.events:
            pairs += 1
            if pair_found(item.events, gold.type, set(gold.sources), set(gold.targets)):
                found += 1
            else:
                want = f"{sorted(gold.sources)}->{sorted(gold.targets)}"
                reasons.append(f"gold {gold.type} {want} '{gold.text}'")
            chosen = _chosen(item, gold)
            if gold.sources:
                actor_n += 1
                got = {actor_code(a) for a in chosen.actor} if chosen else set()
                actor_ok += bool(gold.sources & got)
            if gold.targets:
                rec_n += 1
                got = {actor_code(a) for a in chosen.recipient} if chosen else set()
                rec_ok += bool(gold.targets & got)
        if reasons and list_misses:
            misses.append(_miss(item, reasons))
    types = {e.type for item in coded for e in item.record.events}
    per_type = macro_f1(type_counts(coded), types)
    f1 = sum(per_type.values()) / len(per_type) if per_type else 0.0
    worst = min(per_type, key=lambda t: per_type[t]) if per_type else "-"
    return SectionReport(
        section=section,
        metrics=(
            Metric(
                "type_macro_f1",
                f1,
                None,
                f"{len(per_type)} types; lowest {worst} {per_type.get(worst, 0.0):.2f}",
            ),
            _ratio("pair_recall", found, pairs),
            _ratio("main_type_accuracy", main_ok, main_n),
            _ratio("actor_code", actor_ok, actor_n),
            _ratio("recipient_code", rec_ok, rec_n),
            Metric(  # higher is better, as floors require; the detail gives the false-event rate
                "no_event_clean",
                1 - empty_coded / empty if empty else 1.0,
                None,
                f"false-event rate {empty_coded / empty if empty else 0.0:.3f} "
                f"({empty_coded}/{empty})",
            ),
        ),
        misses=tuple(misses),
    )


def score_plover_fresh(nlp: Any, section: str) -> SectionReport:
    """One half of the fresh set (`SECTIONS`); the held-out half reports no misses."""
    resource, split = SECTIONS[section]
    coded = code_records(load_fresh(split, resource), nlp)
    return score_fresh(coded, section=section.replace("-", "_"), list_misses=split not in _HELD_OUT)
