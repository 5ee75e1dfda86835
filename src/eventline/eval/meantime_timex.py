"""Score the TIMEX3 normaliser on the MEANTIME corpus (English Wikinews, NewsReader 2015).

Each MEANTIME document is a list of `<token t_id=...>` elements and markables that point at
tokens. We rebuild the text from the tokens (remembering each token's character span), run
`find_timexes` anchored at the document's CREATION_TIME, and ask for every gold DATE timex
other than the creation time: does a predicted timex overlap it with the same value?

Gold timexes without tokens (empty, implicit TIMEX3s) cannot be found in text and are left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from eventline.errors import InputError
from eventline.eval.report import Metric, SectionReport
from eventline.events.timex import TimexMatch, find_timexes

SECTION = "meantime_timex"
_GLOB = "intra_cross-doc_annotation/**/*.xml"
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$"}
_DMY = re.compile(r"(\d{2})-(\d{2})-(\d{4})")
_MAX_MISSES = 30


@dataclass(frozen=True)
class GoldTimex:
    document: str
    start: int
    end: int
    text: str
    value: str


def rebuild_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """Document text from its tokens: sentences on their own lines, tokens space-separated
    except before closing punctuation and clitics."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    length, sentence, previous = 0, None, ""
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            length += 1
        elif parts and not _NO_SPACE_BEFORE.match(word) and previous not in _NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        spans[token.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        sentence, previous = token.get("sentence"), word
    return "".join(parts), spans


def creation_anchor(value: str | None) -> str | None:
    """The creation time as YYYY-MM-DD; one MEANTIME file writes it DD-MM-YYYY."""
    if not value:
        return None
    if m := _DMY.fullmatch(value):
        return f"{m[3]}-{m[2]}-{m[1]}"
    return value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else None


def _gold(
    root: ET.Element,
    name: str,
    spans: dict[str, tuple[int, int]],
    text: str,
    *,
    types: frozenset[str] = frozenset({"DATE"}),
    with_creation: bool = False,
) -> tuple[str | None, list[GoldTimex]]:
    creation: str | None = None
    found: list[GoldTimex] = []
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            creation = timex.get("value")
            if not with_creation:
                continue
        ids = [a.get("t_id", "") for a in timex.findall("token_anchor")]
        if timex.get("type") not in types or not ids or any(i not in spans for i in ids):
            continue
        start, end = min(spans[i][0] for i in ids), max(spans[i][1] for i in ids)
        found.append(GoldTimex(name, start, end, text[start:end], timex.get("value", "")))
    return creation_anchor(creation), found


def _best(gold: GoldTimex, predicted: list[TimexMatch]) -> tuple[bool, TimexMatch | None]:
    """(value right, an overlapping prediction) for one gold timex."""
    overlapping = [p for p in predicted if p.start < gold.end and gold.start < p.end]
    for p in overlapping:
        if p.value == gold.value:
            return True, p
    return False, overlapping[0] if overlapping else None


def score_meantime_timex(root: Path) -> SectionReport:
    """Value accuracy of DATE timexes over MEANTIME; `root` is the folder holding
    intra_cross-doc_annotation/ (../shared/benchmarks/meantime)."""
    files = sorted(root.glob(_GLOB))
    if not files:
        raise InputError(str(root), "no MEANTIME documents under intra_cross-doc_annotation/")
    total = right = overlapped = 0
    misses: list[str] = []
    for path in files:
        try:
            document = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise InputError(str(path), f"not XML: {exc}") from exc
        text, spans = rebuild_text(document)
        anchor, golds = _gold(document, path.stem, spans, text)
        predicted = find_timexes(text, anchor=anchor)
        for gold in golds:
            total += 1
            ok, prediction = _best(gold, predicted)
            right += ok
            overlapped += prediction is not None
            if not ok and len(misses) < _MAX_MISSES:
                got = f"{prediction.text!r}={prediction.value}" if prediction else "nothing"
                misses.append(
                    f"{gold.document[:40]}: {gold.text!r} gold {gold.value}, got {got}"
                    f" (anchor {anchor})"
                )
    return SectionReport(
        section=SECTION,
        metrics=(
            Metric(
                "date_value_accuracy",
                right / total if total else 1.0,
                floor=0.78,
                detail=f"{right}/{total} gold DATE timexes with the same value",
            ),
            Metric(
                "date_span_recall",
                overlapped / total if total else 1.0,
                detail=f"{overlapped}/{total} overlapped by any prediction",
            ),
            Metric("date_count", float(total), detail=f"{len(files)} documents"),
        ),
        misses=tuple(misses),
    )


F1_SECTION = "meantime_timex_f1"
_TIMEX_SENTENCES = 5
_ALL_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})


@dataclass
class _Counts:
    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_right: int = 0
    gold_valued: int = 0
    predicted_valued: int = 0

    def add(self, golds: list[GoldTimex], predicted: list[TimexMatch]) -> list[TimexMatch]:
        """Count one document; return the predictions that overlap no gold timex."""
        self.gold += len(golds)
        self.predicted += len(predicted)
        spurious = []
        for p in predicted:
            touching = [g for g in golds if p.start < g.end and g.start < p.end]
            self.predicted_right += bool(touching)
            self.predicted_valued += any(g.value == p.value for g in touching)
            if not touching:
                spurious.append(p)
        for g in golds:
            touching_p = [p for p in predicted if p.start < g.end and g.start < p.end]
            self.gold_found += bool(touching_p)
            self.gold_valued += any(p.value == g.value for p in touching_p)
        return spurious


def _annotated_end(root: ET.Element, spans: dict[str, tuple[int, int]], text: str) -> int:
    """MEANTIME annotates temporal expressions only in the title and the first five sentences
    (sentences 0..5; events run on): predictions past them cannot be scored."""
    ends = [
        spans[t.get("t_id", "")][1]
        for t in root.iter("token")
        if int(t.get("sentence") or 0) <= _TIMEX_SENTENCES and t.get("t_id", "") in spans
    ]
    return max(ends, default=len(text))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score_meantime_timex_f1(root: Path) -> SectionReport:
    """Relaxed span F1 (a prediction overlapping a gold timex) and value F1 (overlapping with
    the same TIMEX3 value) over every gold timex type; unlike `score_meantime_timex`,
    precision counts, so a rule that finds spurious expressions loses here."""
    files = sorted(root.glob(_GLOB))
    if not files:
        raise InputError(str(root), "no MEANTIME documents under intra_cross-doc_annotation/")
    counts = _Counts()
    misses: list[str] = []
    for path in files:
        try:
            document = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise InputError(str(path), f"not XML: {exc}") from exc
        text, spans = rebuild_text(document)
        anchor, golds = _gold(
            document, path.stem, spans, text, types=_ALL_TYPES, with_creation=True
        )
        end = _annotated_end(document, spans, text)
        predicted = [p for p in find_timexes(text, anchor=anchor) if p.end <= end]
        for p in counts.add(golds, predicted):
            if len(misses) < _MAX_MISSES:
                misses.append(f"{path.stem[:40]}: spurious {p.text!r}={p.value}")
    span_p = _ratio(counts.predicted_right, counts.predicted)
    span_r = _ratio(counts.gold_found, counts.gold)
    value_p = _ratio(counts.predicted_valued, counts.predicted)
    value_r = _ratio(counts.gold_valued, counts.gold)
    return SectionReport(
        section=F1_SECTION,
        metrics=(
            Metric("span_f1", _f1(span_p, span_r), floor=0.92, detail=_pr(span_p, span_r)),
            Metric("value_f1", _f1(value_p, value_r), floor=0.83, detail=_pr(value_p, value_r)),
            Metric(
                "timex_count",
                float(counts.gold),
                detail=f"{counts.gold} gold, {counts.predicted} predicted, {len(files)} documents",
            ),
        ),
        misses=tuple(misses),
    )


def _pr(precision: float, recall: float) -> str:
    return f"P {precision:.3f} R {recall:.3f}"
