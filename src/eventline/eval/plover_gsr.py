"""Score the event coder on PLOVER's 322 gold standard records (one sentence each).

Records use PLOVER 0.5b1 type names and a few non-ISO actor codes; both are mapped through
resources/events/plover_gsr.yaml. Each sentence is coded with its record date as publication
date. The *primary* prediction is the event whose trigger sits highest in the parse (the main
clause's event); its type, reduced by PLOVER's rule that a future cooperative event is AGREE
(in these 0.5b1 records a future RETREAT or CONCEDE too; a future hostile act is THREATEN),
is compared with the record's.
Actor and recipient accuracy compare country codes (or sector codes such as IGO for actors
without a country) of the event of the gold type when one was found, else of the primary event.

A second section (`plover_gsr_f1`) scores the same coding as the held-out measures do:
root-type macro-F1 over the PLOVER types of the records (a record with no event counts as a
miss of its type, never as a prediction) and pair recall (some event of the sentence has the
gold type, an actor of a gold source country and a recipient of a gold target country; a
record without a source or target does not ask for it). Both sections share one coding run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventline.errors import InputError, ResourceError
from eventline.eval.report import Metric, SectionReport
from eventline.events.document import code_text
from eventline.model import ActorRef, EventMention

_MAP = "resources/events/plover_gsr.yaml"


@cache
def _mapping() -> dict[str, dict[str, str]]:
    try:
        data = yaml.safe_load(resources.files("eventline").joinpath(_MAP).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(_MAP, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ResourceError(_MAP, "expected a mapping with version: 1")
    return {k: dict(data.get(k) or {}) for k in ("types", "codes", "future")}


def plover_type(event: EventMention) -> str:
    """The single PLOVER category: future cooperation (retreats included) is AGREE, an
    announced hostile act THREATEN."""
    if event.modality == "planned":
        return _mapping()["future"].get(event.type, event.type)
    return event.type


def actor_code(ref: ActorRef) -> str:
    return ref.country or ref.sector or ref.id


def _codes(value: Any) -> set[str]:
    fix = _mapping()["codes"]
    if not isinstance(value, list):
        return set()
    found = [a["code"] for a in value if isinstance(a, dict) and a.get("code")]
    return {str(fix.get(code, code)) for code in found}


def load_records(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read PLOVER records: {exc}") from exc
    return [r for r in data if r.get("event") != "DOCUMENT" and r.get("text")]


def _primary(events: tuple[EventMention, ...], gold_type: str) -> EventMention | None:
    for event in events:
        if plover_type(event) == gold_type:
            return event
    return events[0] if events else None


@dataclass(frozen=True)
class _Coded:
    record: dict[str, Any]
    gold: str
    events: tuple[EventMention, ...]  # in text order
    ranked: tuple[EventMention, ...]  # primary first


_CODED: dict[tuple[str, int], tuple[_Coded, ...]] = {}


def _coded(path: Path, nlp: Any) -> tuple[_Coded, ...]:
    """Each record coded once per process and pipeline (both sections read the same run)."""
    key = (str(path.resolve()), id(nlp))
    if key not in _CODED:
        types = _mapping()["types"]
        found = []
        for record in load_records(path):
            coded = code_text(nlp, record["text"], published=record.get("date"))
            events = sorted(coded.events, key=lambda e: e.evidence.start)
            ranked = sorted(events, key=lambda e: _depth_key(e, record["text"]))
            gold = types.get(record["event"], record["event"])
            found.append(_Coded(record, gold, tuple(events), tuple(ranked)))
        _CODED.clear()  # one corpus at a time
        _CODED[key] = tuple(found)
    return _CODED[key]


def score_plover_gsr(path: Path, nlp: Any) -> SectionReport:
    """Type, actor-country and recipient-country accuracy over the gold standard records."""
    n = type_ok = any_ok = actor_n = actor_ok = rec_n = rec_ok = 0
    misses: list[str] = []
    for item in _coded(path, nlp):
        record, gold, events, ranked = item.record, item.gold, item.events, item.ranked
        top = ranked[0] if ranked else None
        n += 1
        type_ok += top is not None and plover_type(top) == gold
        any_ok += any(plover_type(e) == gold for e in events)
        chosen = _primary(ranked, gold)
        if (src := _codes(record.get("source"))) and (actor_n := actor_n + 1):
            actor_ok += chosen is not None and bool(src & {actor_code(a) for a in chosen.actor})
        if tar := _codes(record.get("target")):
            rec_n += 1
            got = {actor_code(a) for a in chosen.recipient} if chosen else set()
            rec_ok += bool(tar & got)
        if top is None or plover_type(top) != gold:
            misses.append(f"{record['id']}: gold {gold}, got {top.type if top else None}")
    return SectionReport(
        section="plover_gsr",
        metrics=(
            Metric("type_accuracy", type_ok / n if n else 0.0, None, f"{type_ok}/{n}"),
            Metric("type_any", any_ok / n if n else 0.0, None, f"{any_ok}/{n}"),
            Metric(
                "actor_country",
                actor_ok / actor_n if actor_n else 0.0,
                None,
                f"{actor_ok}/{actor_n}",
            ),
            Metric(
                "recipient_country", rec_ok / rec_n if rec_n else 0.0, None, f"{rec_ok}/{rec_n}"
            ),
        ),
        misses=tuple(misses),
    )


def _depth_key(event: EventMention, text: str) -> tuple[int, int]:
    """Events earlier in the evidence-span order and with wider clauses rank first."""
    return (-(event.evidence.end - event.evidence.start), event.evidence.start)


def macro_f1(pairs: list[tuple[str, str | None]]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the gold types of (gold, predicted) pairs; a None prediction is a miss
    of the gold type and no false positive of any type."""
    golds = sorted({g for g, _ in pairs})
    scores: dict[str, float] = {}
    for t in golds:
        tp = sum(1 for g, p in pairs if g == t and p == t)
        fp = sum(1 for g, p in pairs if g != t and p == t)
        fn = sum(1 for g, p in pairs if g == t and p != t)
        scores[t] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return (sum(scores.values()) / len(scores) if scores else 0.0), scores


def pair_found(events: tuple[EventMention, ...], gold: str, src: set[str], tar: set[str]) -> bool:
    """Some event with the gold type, a gold source among its actors and a gold target among
    its recipients (compared by country, else sector, as `actor_code`)."""
    for event in events:
        if plover_type(event) != gold:
            continue
        if src and not src & {actor_code(a) for a in event.actor}:
            continue
        if tar and not tar & {actor_code(a) for a in event.recipient}:
            continue
        return True
    return False


def score_plover_gsr_f1(path: Path, nlp: Any) -> SectionReport:
    """Root-type macro-F1 over the records' PLOVER types and type+actor+recipient pair recall."""
    pairs: list[tuple[str, str | None]] = []
    found = 0
    misses: list[str] = []
    items = _coded(path, nlp)
    for item in items:
        top = item.ranked[0] if item.ranked else None
        pairs.append((item.gold, plover_type(top) if top is not None else None))
        src, tar = _codes(item.record.get("source")), _codes(item.record.get("target"))
        if pair_found(item.events, item.gold, src, tar):
            found += 1
        else:
            misses.append(f"{item.record['id']}: no {item.gold} {sorted(src)} -> {sorted(tar)}")
    f1, per_type = macro_f1(pairs)
    n = len(items)
    worst = min(per_type, key=lambda t: per_type[t]) if per_type else "-"
    return SectionReport(
        section="plover_gsr_f1",
        metrics=(
            Metric(
                "type_macro_f1",
                f1,
                None,
                f"{len(per_type)} types; lowest {worst} {per_type.get(worst, 0.0):.2f}",
            ),
            Metric("pair_recall", found / n if n else 0.0, None, f"{found}/{n}"),
        ),
        misses=tuple(misses),
    )
