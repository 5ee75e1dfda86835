"""Score the event coder on PLOVER's 322 gold standard records (one sentence each).

Records use PLOVER 0.5b1 type names and a few non-ISO actor codes; both are mapped through
resources/events/plover_gsr.yaml. Each sentence is coded with its record date as publication
date. The *primary* prediction is the event whose trigger sits highest in the parse (the main
clause's event); its type, reduced by PLOVER's rule that a future cooperative event is AGREE
(in these 0.5b1 records a future RETREAT or CONCEDE too; a future hostile act is THREATEN),
is compared with the record's.
Actor and recipient accuracy compare country codes (or sector codes such as IGO for actors
without a country) of the event of the gold type when one was found, else of the primary event.
"""

from __future__ import annotations

import json
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


def _primary(events: list[EventMention], gold_type: str) -> EventMention | None:
    for event in events:
        if plover_type(event) == gold_type:
            return event
    return events[0] if events else None


def score_plover_gsr(path: Path, nlp: Any) -> SectionReport:
    """Type, actor-country and recipient-country accuracy over the gold standard records."""
    types = _mapping()["types"]
    n = type_ok = any_ok = actor_n = actor_ok = rec_n = rec_ok = 0
    misses: list[str] = []
    for record in load_records(path):
        gold = types.get(record["event"], record["event"])
        coded = code_text(nlp, record["text"], published=record.get("date"))
        events = sorted(coded.events, key=lambda e: e.evidence.start)
        ranked = sorted(events, key=lambda e: _depth_key(e, record["text"]))
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
