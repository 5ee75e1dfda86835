"""Parties and dates on sentences written for it (issue #11, review 7): whether the coder
keeps the named parties of a request, a deal or a coordinated target, dates an event by the
time that governs it (not a "since" anchor, a deadline of another clause, or an "until"
bound), codes the criticism an act is told under, and codes no event for a writer's
conjecture.

The set (`resources/eval/party_dates.yaml`) lists, per text, the events expected: a type and
trigger with the recipient countries (`recipient`) or names (`recipient_names`) it must carry
and/or its `date`; `none: true` with a type says no event of that type may be coded, without
one that no event at all may be. Metrics: `parties` (expected recipients right), `dates`
(expected dates right), `no_event` (texts or types that must stay uncoded, left uncoded).
"""

from __future__ import annotations

from typing import Any

from eventline.eval.report import Metric, SectionReport
from eventline.model import EventMention

SECTION = "party_dates"
_PATH = "resources/eval/party_dates.yaml"


def load_party_dates(path: str = _PATH) -> tuple[str, list[dict[str, Any]]]:
    """The packaged sentences with the parties, dates or absences expected."""
    from importlib import resources

    import yaml

    from eventline.errors import ResourceError

    try:
        raw = resources.files("eventline").joinpath(path).read_text(encoding="utf-8")
        data: dict[str, Any] = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(path, f"cannot read: {exc}") from exc
    return str(data["published"]), list(data["examples"])


def _event(events: list[EventMention], item: dict[str, Any]) -> EventMention | None:
    trigger = item.get("trigger")
    return next(
        (e for e in events if e.type == item["type"] and (trigger is None or e.trigger == trigger)),
        None,
    )


class _Tally:
    """Right and scored counts per metric, with the misses."""

    def __init__(self) -> None:
        self.right: dict[str, int] = {"parties": 0, "dates": 0, "no_event": 0}
        self.scored: dict[str, int] = {"parties": 0, "dates": 0, "no_event": 0}
        self.misses: list[str] = []

    def add(self, metric: str, ok: bool, miss: str) -> None:
        self.scored[metric] += 1
        self.right[metric] += ok
        if not ok:
            self.misses.append(f"{metric}: {miss}")

    def metric(self, name: str) -> Metric:
        scored = self.scored[name]
        value = self.right[name] / scored if scored else 0.0
        return Metric(name, value, None, f"{self.right[name]}/{scored}")


def _parties(event: EventMention, *, by_country: bool) -> set[str]:
    if by_country:
        return {r.country or "-" for r in event.recipient}
    return {r.name for r in event.recipient}


def _score_item(events: list[EventMention], item: dict[str, Any], text: str, t: _Tally) -> None:
    short = text[:100]
    if item.get("none"):
        kind = item.get("type")
        coded = [e for e in events if kind is None or e.type == kind]
        t.add("no_event", not coded, f"coded {[e.type for e in coded]}: {short}")
        return
    found = _event(events, item)
    if "recipient" in item or "recipient_names" in item:
        by_country = "recipient" in item
        want = sorted(item["recipient"] if by_country else item["recipient_names"])
        got = None if found is None else sorted(_parties(found, by_country=by_country))
        t.add("parties", got == want, f"{item['type']} recipient {got} not {want}: {short}")
    if "date" in item:
        got_date = found.date if found is not None else None
        t.add("dates", got_date == item["date"], f"{item['type']} {got_date}: {short}")


def score_party_dates(nlp: Any, *, path: str = _PATH) -> SectionReport:
    """Codes each text once and scores every expectation of it (see the module)."""
    from eventline.events import code_text

    published, examples = load_party_dates(path)
    tally = _Tally()
    for example in examples:
        events = list(code_text(nlp, example["text"], published=published).events)
        for item in example["expect"]:
            _score_item(events, item, example["text"], tally)
    return SectionReport(
        SECTION,
        tuple(tally.metric(name) for name in ("parties", "dates", "no_event")),
        tuple(tally.misses),
    )
