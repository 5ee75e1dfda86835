"""CPU time of eventline's actor components and cross-document resolution alone, on docs the
spaCy model parsed once: best of N runs. On a shared machine this is steadier than the wall-clock
ratio of `bench_actors.py`; compare two checkouts by running it in each.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_actor_components.py [REPEAT]

Also prints the CPU time of `load_nlp()` and of the first document (the lazy KB loads)."""

import sys, time
from pathlib import Path
from eventline.nlp import load_nlp
from eventline.nlp.pipeline import resolve_docs
from eventline.model import Article

root = Path(__file__).resolve().parents[2] / "shared" / "samples"
texts = [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))] * 2
t0 = time.process_time()
nlp = load_nlp()
t1 = time.process_time()
names = ("eventline_actors_v1", "eventline_people_v1")
docs = list(nlp.pipe(texts, disable=list(names)))
comps = [nlp.get_pipe(n) for n in names]
arts = [
    Article(id=f"a{i}", document_id="d", source_path="x", item=i, body=t)
    for i, t in enumerate(texts)
]
# warm-up: lazy KB loads
first = time.process_time()
for c in comps:
    c(docs[0])
warm = time.process_time() - first
best = float("inf")
for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
    start = time.process_time()
    for doc in docs:
        doc.spans.clear()
        doc._.actor_table = None
        doc._.published = "2025-06-23"
        for c in comps:
            c(doc)
    resolve_docs(docs, arts)
    best = min(best, time.process_time() - start)
tokens = sum(len(d) for d in docs)
print(
    f"load_nlp {t1 - t0:.2f}s; first doc (lazy KB loads) {warm:.2f}s; components+resolve best {best:.3f}s for {tokens} tokens ({tokens / best:,.0f} tokens/s)"
)
