"""List coded events whose evidence sentence names a place but which carry none (issue 9).

    PYTHONPATH=src .venv/bin/python benchmarks/place_gaps.py --out /tmp/place-gaps.md

Codes the 120 MEANTIME articles (../shared/benchmarks/meantime) and the development samples
(../shared/samples/russia-iran), and for every event without a location whose sentence holds a
place-name entity the gazetteer reads (not a grouping) writes one line: the event, the names,
where each name stands (inside the event's evidence or not; its dependency and head) and what
`eval/places.py` makes of the evidence (`place_named`). The events listed are those the broad
figure `named_or_scene_placed` of `eval/places.py` counts and finds unplaced: the sentence names
a place (`sentence_names_place`: not a state acting, not a name describing someone), or names
none while the event is of the report's day in an article with a dateline or a lead scene
(marked `scene`). Grouping these lines by cause is how the
place rules are improved; the output holds article sentences, so keep it out of the repository.

`--texts FOLDER`: code instead each `*.txt` file there (one article, the first line may be a
dateline; `--date` is its publication day) and list every event, placed or not, with its place
and where it came from (`source`), so a wrong place shows as plainly as a missing one; the
gaps of those texts come first. For texts written to try the rules (US campaign news:
rallies, debates, town halls, state capitols, courthouses). `--every`: list every event of
MEANTIME and the samples too.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
SHARED = ROOT.parent / "shared"


def meantime_docs(nlp: Any) -> list[tuple[str, Any, list[Any]]]:
    from eventline.eval.places import meantime_coded

    return [
        (f"meantime:{i}", doc, events)
        for i, (doc, events) in enumerate(meantime_coded(SHARED / "benchmarks" / "meantime", nlp))
    ]


def sample_docs(nlp: Any) -> list[tuple[str, Any, list[Any]]]:
    from sample_events import coded_samples

    folder = SHARED / "samples" / "russia-iran"
    return [(f"samples:{key}", doc, events) for key, doc, events in coded_samples(nlp, folder)]


def text_docs(nlp: Any, folder: Path, published: str) -> list[tuple[str, Any, list[Any]]]:
    """(file name, parsed doc, coded events) of each `*.txt` file of `folder`."""
    from eventline.events import code_doc

    out = []
    for path in sorted(folder.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        out.append(
            (path.name, doc, code_doc(doc, article_id=path.stem, published=published).events)
        )
    return out


def every_event(name: str, doc: Any, events: list[Any]) -> list[str]:
    """One line per event: type, trigger, place (name, kind, country, region, source) or none."""
    sents = list(doc.sents)
    out = []
    for e in events:
        where = e.location
        place = (
            f"{where.name} [{where.kind},{where.country},{where.admin1},{where.source}]"
            if where is not None
            else "-"
        )
        sent = sents[e.evidence.sentence].text if e.evidence.sentence < len(sents) else ""
        text = " ".join(sent.split())[:200]
        out.append(f"{name} {e.type}({e.trigger}) {e.modality} @ {place}\n    {text}")
    return out


def gaps(name: str, doc: Any, events: list[Any]) -> list[tuple[str, str]]:
    """(cause hint, line) for each unplaced event whose sentence names a place."""
    from eventline.eval.places import (
        _event_text,
        _of_the_scene,
        article_scene,
        place_named,
        sentence_names_place,
    )
    from eventline.nlp.places import is_grouping, resolve_place

    sents = list(doc.sents)
    skip, scene = article_scene(doc)
    out = []
    for e in events:
        if e.location is not None or e.evidence.sentence >= len(sents):
            continue
        sent = sents[e.evidence.sentence]
        if not sentence_names_place(sent, skip):
            if scene and _of_the_scene(doc, e):  # the broad figure's dateline / lead scene
                text = " ".join(sent.text.split())[:220]
                out.append(("scene", f"{name} {e.type}({e.trigger}) scene\n    {text}"))
            continue
        names = []
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC") or is_grouping(ent.text):
                continue
            place = resolve_place(ent.text)
            kind = place.kind if place else "unknown"
            inside = e.evidence.start <= ent.start_char < e.evidence.end
            r = ent.root
            names.append(f"{ent.text}[{kind},{'in' if inside else 'out'},{r.dep_}<{r.head.lower_}]")
        span = _event_text(doc, e)
        counted = place_named(span) if span is not None else None
        text = " ".join(sent.text.split())[:220]
        line = (
            f"{name} {e.type}({e.trigger}) {e.modality} named={counted} "
            f"{' '.join(names)}\n    {text}"
        )
        out.append((str(counted), line))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--texts", type=Path, help="a folder of *.txt articles to code instead")
    parser.add_argument("--every", action="store_true", help="also list every event (as --texts)")
    parser.add_argument("--date", default="2024-01-16", help="publication day of --texts")
    opts = parser.parse_args()
    from eventline.nlp import load_nlp

    nlp = load_nlp()
    found: list[tuple[str, str]] = []
    total = placed = 0
    if opts.texts is not None:
        docs = text_docs(nlp, opts.texts, opts.date)
    else:
        docs = [*meantime_docs(nlp), *sample_docs(nlp)]
    listed = [line for name, doc, events in docs for line in every_event(name, doc, events)]
    for name, doc, events in docs:
        total += len(events)
        placed += sum(e.location is not None for e in events)
        found += gaps(name, doc, events)
    counts = Counter(k for k, _ in found)
    head = [f"# {len(found)} unplaced events whose sentence names a place", ""]
    head += [f"events {total}, placed {placed}; by place_named: {dict(counts)}", ""]
    lines = head + [line for _, line in found]
    if opts.texts is not None or opts.every:
        lines += ["", "# every event", "", *listed]
    opts.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(head))


if __name__ == "__main__":
    main()
