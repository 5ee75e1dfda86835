"""Draw coded events for a reviewer: 50 events spread evenly over MEANTIME and the samples.

    .venv/bin/python benchmarks/sample_events.py --out benchmarks/results/events-sample-NAME

Codes the 120 MEANTIME articles (../shared/benchmarks/meantime) and the development samples
(../shared/samples/russia-iran, ingested and cleaned as `eventline ingest` does), sorts every
coded event by (corpus, article, offset), and takes `--n` events at evenly spaced positions of
that list, so the sample follows the corpus rather than the coder's favourite sentences. Each
sampled event is written with its evidence sentence only (never the article) and the fields a
reviewer judges: type, mode, actor, recipient, date, modality. Outputs `<out>.jsonl` and
`<out>.md`; the markdown has an empty verdict column (correct / wrong type / wrong actor or
recipient / wrong date / not an event).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Coded:
    corpus: str
    article: str
    sentence: str
    event: Any  # EventMention


def _sentence(doc: Any, start: int) -> str:
    for sent in doc.sents:
        if sent.start_char <= start < sent.end_char:
            return " ".join(sent.text.split())
    return ""


def meantime_events(nlp: Any, folder: Path) -> list[Coded]:
    from eventline.eval.meantime_events import read_document
    from eventline.events import code_doc

    out = []
    for path in sorted(folder.glob("intra_cross-doc_annotation/**/*.xml")):
        mdoc = read_document(path)
        doc = nlp(mdoc.text)
        coded = code_doc(doc, article_id=mdoc.name, published=mdoc.creation)
        out += [
            Coded("meantime", mdoc.name, _sentence(doc, e.evidence.start), e) for e in coded.events
        ]
    return out


def coded_samples(nlp: Any, folder: Path) -> list[tuple[str, Any, list[Any]]]:
    """(article key, parsed doc, coded events) of each sample, ingested and cleaned as
    `eventline ingest` does; shared with `place_gaps.py`."""
    from eventline.eval.runner import prepare_run
    from eventline.events import code_doc
    from eventline.nlp import extract_actors

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        run = prepare_run(SHARED / "gold" / "russia-iran.yaml", folder, workdir=Path(tmp))
        try:
            arts = list(run.articles.items())
            extraction = extract_actors(nlp, [a for _, a in arts])
            for (key, art), doc in zip(arts, extraction.docs, strict=True):
                published = art.published.value if art.published else None
                coded = code_doc(doc, article_id=art.id, published=published, kind=art.kind)
                out.append((key, doc, list(coded.events)))
        finally:
            run.store.close()
    return out


def sample_events(nlp: Any, folder: Path) -> list[Coded]:
    return [
        Coded("samples", key, _sentence(doc, e.evidence.start), e)
        for key, doc, events in coded_samples(nlp, folder)
        for e in events
    ]


def _party(refs: Any) -> str:
    return "; ".join(f"{r.name} [{r.country or '-'} {r.sector or '-'}]" for r in refs) or "-"


def row(c: Coded) -> dict[str, Any]:
    e = c.event
    return {
        "corpus": c.corpus,
        "article": c.article,
        "sentence": c.sentence,
        "trigger": e.trigger,
        "type": e.type,
        "mode": e.mode,
        "actor": _party(e.actor),
        "recipient": _party(e.recipient),
        "date": e.date,
        "date_precision": e.date_precision,
        "modality": e.modality,
        "cameo": getattr(e, "cameo", None),
        "goldstein": getattr(e, "goldstein", None),
    }


def spread(items: list[Coded], n: int) -> list[Coded]:
    """`n` items at evenly spaced positions (the middle of each of n equal slices)."""
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(step * i + step / 2)] for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output path without suffix")
    parser.add_argument("--n", type=int, default=50)
    opts = parser.parse_args()
    from eventline.nlp import load_nlp

    nlp = load_nlp()
    events = meantime_events(nlp, SHARED / "benchmarks" / "meantime")
    events += sample_events(nlp, SHARED / "samples" / "russia-iran")
    events.sort(key=lambda c: (c.corpus, c.article, c.event.evidence.start))
    chosen = [row(c) for c in spread(events, opts.n)]
    opts.out.parent.mkdir(parents=True, exist_ok=True)
    with opts.out.with_suffix(".jsonl").open("w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    lines = [
        f"# {len(chosen)} events sampled from {len(events)} coded events",
        "",
        "| # | sentence | type | actor | recipient | date | modality | verdict |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for i, r in enumerate(chosen, 1):
        cells = [r["sentence"].replace("|", "/"), f"{r['type']} {r['mode'] or ''} ({r['trigger']})"]
        cells += [r["actor"], r["recipient"], f"{r['date']} ({r['date_precision']})", r["modality"]]
        lines.append(f"| {i} | " + " | ".join(cells) + " | |")
    opts.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(events)} events coded; {len(chosen)} sampled into {opts.out}.md/.jsonl")


if __name__ == "__main__":
    main()
