"""Cross-document event coreference on MEANTIME (English Wikinews, NewsReader 2015).

MEANTIME marks EVENT_MENTIONs on tokens and links them (REFERS_TO) to EVENTs; an EVENT with
an `instance_id` is a corpus-level instance shared across documents. Gold clusters are those
instances (an EVENT without one is a document-level cluster; an unlinked mention its own).

eventline's side: `code(text, creation_date)` gives the event mentions of each document; each
is matched to the gold mention whose tokens overlap its trigger (located inside the mention's
evidence span), and `cluster_mentions` groups the matched mentions across all documents. We
score those clusters against the gold instances over the matched mentions only: B³ precision,
recall and F1, and pairwise precision/recall/F1 over cross-document pairs. `coverage` says how
much of the gold that is (matched gold mentions / gold mentions in cross-document instances);
MEANTIME annotates every event (sales, statements), PLOVER codes only political ones, so a low
coverage is expected and the coreference figures are the point. A "one cluster per mention"
baseline is reported beside them for scale.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from eventline.corpus.merge import cluster_mentions
from eventline.errors import InputError
from eventline.eval.meantime_timex import creation_anchor, rebuild_text
from eventline.eval.report import Metric, SectionReport, prf
from eventline.model import Article, EventMention, Evidence, Published

SECTION = "meantime_events"
_GLOB = "intra_cross-doc_annotation/**/*.xml"
Coder = Callable[[str, str | None], list[EventMention]]


@dataclass(frozen=True)
class GoldMention:
    document: str
    m_id: str
    start: int
    end: int
    instance: str  # cross-doc instance id, or "<doc>:<m_id>" for a document-level cluster
    cross_doc: bool


@dataclass(frozen=True)
class MeantimeDoc:
    name: str
    text: str
    creation: str | None
    mentions: tuple[GoldMention, ...]


def read_document(path: Path) -> MeantimeDoc:
    """Text, creation date and gold event mentions of one MEANTIME file."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(str(path), f"cannot read MEANTIME file: {exc}") from exc
    name = path.stem
    text, spans = rebuild_text(root)
    creation = next(
        (creation_anchor(t.get("value")) for t in root.iter("TIMEX3")
         if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )  # fmt: skip
    instances = {
        e.get("m_id", ""): e.get("instance_id") for e in root.iter("EVENT") if e.get("m_id")
    }
    target_of: dict[str, str] = {}
    for link in root.iter("REFERS_TO"):
        target = link.find("target")
        if target is not None:
            for source in link.findall("source"):
                target_of[source.get("m_id", "")] = target.get("m_id", "")
    found = []
    for em in root.iter("EVENT_MENTION"):
        m_id = em.get("m_id", "")
        tokens = [spans[t] for a in em.findall("token_anchor") if (t := a.get("t_id")) in spans]
        if not tokens:
            continue  # the Relations section repeats EVENT_MENTIONs without tokens
        linked = target_of.get(m_id)
        instance = instances.get(linked) if linked else None
        cluster = instance or f"{name}:{linked or m_id}"
        start, end = min(s for s, _ in tokens), max(e for _, e in tokens)
        found.append(GoldMention(name, m_id, start, end, cluster, instance is not None))
    return MeantimeDoc(name, text, creation, tuple(found))


def trigger_span(mention: EventMention, text: str) -> tuple[int, int] | None:
    """The trigger's characters: its first occurrence inside the evidence span."""
    ev = mention.evidence
    if not mention.trigger:
        return None
    at = text.find(mention.trigger, ev.start, max(ev.end, ev.start + len(mention.trigger)))
    return (at, at + len(mention.trigger)) if at >= 0 else None


def _match(doc: MeantimeDoc, predicted: Iterable[EventMention]) -> list[tuple[EventMention, str]]:
    """(mention re-keyed to the document, gold instance) for triggers on gold mentions."""
    used: set[str] = set()
    out = []
    for mention in predicted:
        span = trigger_span(mention, doc.text)
        if span is None:
            continue
        hits = [g for g in doc.mentions if g.start < span[1] and span[0] < g.end]
        hit = min(
            (g for g in hits if g.m_id not in used), key=lambda g: g.end - g.start, default=None
        )
        if hit is None:
            continue
        used.add(hit.m_id)
        evidence = Evidence(**(mention.evidence.model_dump() | {"article": doc.name}))
        rekeyed = mention.model_copy(update={"evidence": evidence, "id": f"{doc.name}:{hit.m_id}"})
        out.append((rekeyed, hit.instance))
    return out


def b_cubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B³ precision, recall, F1 of `pred` clusters against `gold` (item → cluster id)."""
    by_gold: defaultdict[str, set[str]] = defaultdict(set)
    by_pred: defaultdict[str, set[str]] = defaultdict(set)
    for item, cluster in gold.items():
        by_gold[cluster].add(item)
    for item, cluster in pred.items():
        by_pred[cluster].add(item)
    if not gold:
        return 1.0, 1.0, 1.0
    p = r = 0.0
    for item in gold:
        g, s = by_gold[gold[item]], by_pred[pred[item]]
        p += len(g & s) / len(s)
        r += len(g & s) / len(g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_doc_pairs(gold: dict[str, str], pred: dict[str, str]) -> tuple[int, int, int]:
    """(true positive, false positive, false negative) links between mentions of different
    documents (ids are "<doc>:<m_id>")."""
    tp = fp = fn = 0
    for x, y in combinations(sorted(gold), 2):
        if x.split(":")[0] == y.split(":")[0]:
            continue
        same_gold, same_pred = gold[x] == gold[y], pred[x] == pred[y]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp, fp, fn


def score_meantime_events(root: Path, *, code: Coder) -> SectionReport:
    """Cross-document coreference of eventline's merged events on MEANTIME's instances."""
    files = sorted(root.glob(_GLOB))
    if not files:
        raise InputError(str(root), "no MEANTIME files under intra_cross-doc_annotation/")
    docs = [read_document(f) for f in files]
    matched: list[tuple[EventMention, str]] = []
    articles: dict[str, Article] = {}
    for doc in docs:
        matched += _match(doc, code(doc.text, doc.creation))
        published = (
            Published(value=doc.creation, precision="day", evidence="CREATION_TIME")
            if doc.creation
            else None
        )
        articles[doc.name] = Article(
            id=doc.name, document_id=doc.name, source_path=doc.name, item=0, body=doc.text,
            published=published,
        )  # fmt: skip
    gold = {m.id: instance for m, instance in matched}
    groups = cluster_mentions([m for m, _ in matched], articles=articles)
    pred = {m.id: f"c{i}" for i, group in enumerate(groups) for m in group}
    bp, br, bf = b_cubed(gold, pred)
    _, _, base = b_cubed(gold, {item: item for item in gold})
    cp, cr, cf = prf(*cross_doc_pairs(gold, pred))
    instances = {g.instance for d in docs for g in d.mentions if g.cross_doc}
    cross = sum(1 for d in docs for g in d.mentions if g.cross_doc)
    found = sum(1 for m, inst in matched if inst in instances)
    metrics = (
        Metric("b3_f1", bf, None, f"P {bp:.3f} R {br:.3f} over {len(gold)} matched mentions"),
        Metric("b3_f1_singletons", base, None, "baseline: every mention its own event"),
        Metric("cross_doc_pair_f1", cf, None, f"P {cp:.3f} R {cr:.3f}"),
        Metric("coverage", found / cross if cross else 1.0, None, f"{found}/{cross}"),
    )
    return SectionReport(SECTION, metrics, ())
