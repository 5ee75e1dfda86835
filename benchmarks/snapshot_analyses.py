"""Per-article analyses of a folder of inputs as JSON lines, to compare two checkouts.

    .venv/bin/python benchmarks/snapshot_analyses.py OUT.jsonl [INPUT ...]

Inputs default to the example corpus and the development samples (../shared/samples). Each
line is one article's `ArticleAnalysis` (without the analysis key, which names the code
version), articles in store order, so `diff` or `compare` below shows what a change altered:

    .venv/bin/python benchmarks/snapshot_analyses.py --compare BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "samples")


def snapshot(out: Path, inputs: list[str]) -> int:
    from eventline.analysis import state
    from eventline.analysis.article import analyse_batch
    from eventline.analysis.run import load_pipeline
    from eventline.model import ArticleAnalysis
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "snap.db"), processes=1)
        from eventline.store import Store

        with Store(settings.db_url) as store:
            sources, _ = plan_sources(inputs)
            ingest(store, sources, settings=settings, hints=None)
            articles = state.pending_articles(store, "none")
    nlp = load_pipeline(settings)
    outcomes = analyse_batch(articles, nlp, settings, key="snapshot")
    with out.open("w", encoding="utf-8") as fh:
        for outcome in outcomes:
            data = outcome.model_dump(mode="json")
            data.pop("key", None)
            kind = "analysis" if isinstance(outcome, ArticleAnalysis) else "failure"
            fh.write(json.dumps({"kind": kind, **data}, sort_keys=True) + "\n")
    return len(outcomes)


def compare(before: Path, after: Path) -> int:
    """Print each article whose analysis differs, field by field; the number that differ."""
    old = [json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()]
    new = [json.loads(line) for line in after.read_text(encoding="utf-8").splitlines()]
    by_id = {row["article"]: row for row in new}
    differ = 0
    for row in old:
        other = by_id.get(row["article"])
        if other == row:
            continue
        differ += 1
        print(f"== {row['article']}")
        for field in sorted(set(row) | set(other or {})):
            a, b = row.get(field), (other or {}).get(field)
            if a != b:
                print(f"  {field}: {_brief(a)} -> {_brief(b)}")
    print(f"{differ} of {len(old)} articles differ")
    return differ


def _brief(value: object) -> str:
    if isinstance(value, list):
        return f"{len(value)} items"
    text = json.dumps(value)
    return text if len(text) < 120 else text[:117] + "..."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("inputs", nargs="*")
    parser.add_argument("--compare", type=Path, help="compare OUT (before) with this file")
    opts = parser.parse_args()
    if opts.compare is not None:
        compare(opts.out, opts.compare)
        return
    count = snapshot(opts.out, opts.inputs or [str(p) for p in DEFAULT_INPUTS])
    print(f"{count} articles -> {opts.out}")


if __name__ == "__main__":
    main()
