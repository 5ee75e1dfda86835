"""Score coded events against the development gold (../shared/gold/README.md, "events").

A prediction matches a gold event when its type is the gold type or one of `alt_types`; its
actor countries overlap the gold actors; its recipient countries overlap the gold recipients
(a gold event without recipients accepts any; a CONSULT coded with every participant as actor,
PLOVER's reciprocal form, may instead cover the gold recipient with its actors); its date lies
within `tolerance_days` (month and year dates must agree at that precision; a report-dated
event is judged by its report date; an unknown-year date by month and day); and it comes from
one of the `reported_in` articles. A gold event with a non-asserted modality needs a
prediction with that modality; an asserted gold event accepts any prediction that is not
negated or hypothetical.

Figures: recall per gold event and per (event, article) pair; `not_events` that appear as
asserted predictions (must be none); and whether each speculative gold event was coded as
speculative rather than asserted.

Dates are the ones the user sees: `linked_dates` replaces each coded mention's per-article
date with its date after corpus linking (a story-mate's stated day, an article's estimated
reference date: `corpus.story_dates`) and adds the events coded from dated photo captions
(`events.captions`), which count for recall in their article but never for precision (the
gold's evidence passages are body text).

Precision: the gold lists key events, not every event, so precision is measured where the gold
has looked: every prediction whose evidence overlaps a gold `evidence` passage of its article
must match one of that article's gold events (dates included), and every asserted `not_event`
is a false positive too. F1 combines that precision with the pair recall, so a coder that
emits many events around the key ones loses F1 even when its recall rises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from eventline.eval.gold import Gold, GoldEvent, GoldNotEvent
from eventline.eval.report import Metric, SectionReport
from eventline.model import ActorRef, Article, EventMention

_NOT_FOR_ASSERTED = {"negated", "hypothetical"}


def _codes(refs: Iterable[ActorRef]) -> set[str]:
    return {r.country or r.sector or r.id for r in refs}


def _parse(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def date_matches(gold: str | None, pred: str | None, *, tolerance: int = 0) -> bool:
    """Gold day, month or year against a predicted ISO day/month/year or --MM-DD date."""
    if gold is None:
        return True
    if pred is None:
        return False
    if len(gold) < 10:
        return pred.startswith(gold)
    if pred.startswith("--"):
        pred = gold[:4] + pred[1:]
    g, p = _parse(gold), _parse(pred)
    if g is None or p is None:
        return False
    return abs((g - p).days) <= tolerance


def _roles_match(ev: EventMention, actor: list[str], recipient: list[str]) -> bool:
    acts, recs = _codes(ev.actor), _codes(ev.recipient)
    if actor and not acts & set(actor):
        return False
    if not recipient or recs & set(recipient):
        return True
    return ev.type == "CONSULT" and not recs and bool(acts & set(recipient))


def matches(ev: EventMention, gold: GoldEvent, *, check_date: bool = True) -> bool:
    if ev.type not in {gold.type, *gold.alt_types} or not _roles_match(
        ev, gold.actor, gold.recipient
    ):
        return False
    if gold.modality != "asserted" and ev.modality != gold.modality:
        return False
    if gold.modality == "asserted" and ev.modality in _NOT_FOR_ASSERTED:
        return False
    return not check_date or date_matches(gold.date, ev.date, tolerance=gold.tolerance_days)


def _asserted_not_event(ev: EventMention, neg: GoldNotEvent) -> bool:
    if ev.modality != "asserted" or ev.type != neg.type:
        return False
    if not _roles_match(ev, neg.actor, neg.recipient):
        return False
    if neg.context and not set(neg.context) <= set(ev.context):
        return False
    return neg.date is None or date_matches(neg.date, ev.date)


def evidence_spans(body: str, passages: Iterable[str]) -> list[tuple[int, int]]:
    """Where each gold evidence passage occurs in `body`, matching words across any run of
    spaces, punctuation or quote marks."""
    found = []
    for passage in passages:
        words = re.findall(r"\w+", passage)
        if not words:
            continue
        pattern = r"\W+".join(re.escape(w) for w in words)
        found += [(m.start(), m.end()) for m in re.finditer(pattern, body, re.IGNORECASE)]
    return found


def _precision_counts(
    gold: Gold, articles: Mapping[str, Article], coded: Mapping[str, Any]
) -> tuple[int, int, list[str]]:
    """(true positives, false positives, false-positive descriptions) over predictions that
    overlap a gold evidence passage of their article."""
    tp = fp = 0
    wrong: list[str] = []
    for art, doc in coded.items():
        if art not in articles:
            continue
        golds = [ge for ge in gold.events if art in ge.reported_in]
        spans = evidence_spans(articles[art].body, (p for ge in golds for p in ge.evidence))
        for ev in doc.events:
            if ev.evidence.caption:
                continue  # caption offsets are not body offsets; the gold looks at the body
            s, e = ev.evidence.start, ev.evidence.end
            if not any(s < end and start < e for start, end in spans):
                continue
            if any(matches(ev, ge) for ge in golds):
                tp += 1
            else:
                fp += 1
                wrong.append(f"false positive {ev.type} {ev.trigger!r} in {art}")
    return tp, fp, wrong


def linked_dates(
    coded: Mapping[str, Any], articles: Mapping[str, Article], linked: Sequence[EventMention]
) -> dict[str, Any]:
    """The coded docs with each mention's date after linking (`linked`: the stored event
    mentions, matched by id) and the caption events of each article appended."""
    by_id = {m.id: m for m in linked}
    out = {}
    for key, doc in coded.items():
        events = []
        for ev in doc.events:
            final = by_id.get(ev.id)
            if final is not None:
                ev = ev.model_copy(
                    update={"date": final.date, "date_precision": final.date_precision}
                )
            events.append(ev)
        art = articles[key].id if key in articles else None
        events += [m for m in linked if m.evidence.caption and m.evidence.article == art]
        out[key] = replace(doc, events=events)
    return out


def score_events(
    gold: Gold, articles: Mapping[str, Article], coded: Mapping[str, Any]
) -> SectionReport:
    """Recall of key events per event and per (event, article); not_events; speculation.

    `coded` maps gold article ids to `CodedDoc`s; `articles` is accepted for symmetry with
    the other sections and to name articles that were not coded."""
    pairs = pair_hits = event_hits = 0
    misses: list[str] = []
    for ge in gold.events:
        found = False
        for art in ge.reported_in:
            pairs += 1
            events = coded[art].events if art in coded else []
            if any(matches(ev, ge) for ev in events):
                pair_hits += 1
                found = True
            else:
                misses.append(f"{ge.id} not found in {art}")
        event_hits += found
    asserted = [
        f"not_event {neg.type} {neg.actor}->{neg.recipient}: {ev.trigger!r} in {art}"
        for neg in gold.not_events
        for art, doc in coded.items()
        for ev in doc.events
        if _asserted_not_event(ev, neg)
    ]
    speculative = [ge for ge in gold.events if ge.modality == "speculative"]
    spec_ok = sum(
        any(
            matches(ev, ge, check_date=False)
            for art in ge.reported_in
            for ev in (coded[art].events if art in coded else [])
        )
        for ge in speculative
    )
    n = len(gold.events)
    tp, fp, wrong = _precision_counts(gold, articles, coded)
    fp += len(asserted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = pair_hits / pairs if pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = (
        Metric("event_recall", event_hits / n if n else 1.0, None, f"{event_hits}/{n}"),
        Metric("pair_recall", pair_hits / pairs if pairs else 1.0, None, f"{pair_hits}/{pairs}"),
        Metric("precision", precision, None, f"{tp}/{tp + fp} in gold evidence passages"),
        Metric("f1", f1, None, "precision with pair recall"),
        Metric("not_events_asserted", float(-len(asserted)), None, "negated count; must be 0"),
        Metric(
            "speculative_kept",
            spec_ok / len(speculative) if speculative else 1.0,
            None,
            f"{spec_ok}/{len(speculative)}",
        ),
    )
    return SectionReport("events", metrics, tuple(misses + asserted + wrong))
