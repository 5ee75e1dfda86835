"""Score listing pages (section fronts, topic hubs, tag and search pages) on the examples.

For every gold article with `items` in examples/expected.yaml, and every entry under
`listings` in examples/pages.yaml (pages in examples/pages/): the page must come out as one
article of kind "listing" whose items match the gold items by headline (precision and recall
of items found), with the right link-to-article flag; the listing's text is scored as word
4-gram F1 against the gold `text`. Pages named under `listing_negatives` (forum indexes,
product cards, kept in examples/not-news/) must give no items at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from eventline.clean import clean_document
from eventline.errors import InputError
from eventline.eval.gold import fold
from eventline.eval.report import Metric, SectionReport
from eventline.eval.textscore import ngram_prf
from eventline.ingest import read_document
from eventline.ingest.reader import InputSource
from eventline.model import Article, Hints
from eventline.settings import Settings

SECTION = "listings"
_PAGES_GOLD = "pages.yaml"
_FLOORS = {"items_precision": 0.95, "items_recall": 0.95, "text_f1": 0.95, "negatives": 1.0}


def _articles(path: Path) -> list[Article]:
    """The articles of one example file; a refused page has none."""
    try:
        document = read_document(
            InputSource(label=str(path), path=path), settings=Settings(), hints=Hints()
        )
    except InputError:
        return []
    return clean_document(document)[0]


def _page_listings(path: Path) -> list[dict[str, Any]]:
    """The listings of examples/pages.yaml (pages from anywhere), when that file is there."""
    if not path.is_file():
        return []
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"cannot read the pages gold: {exc}") from exc
    return list(data.get("listings", []))


def _file(corpus: Path, stem: str) -> Path | None:
    return next(iter(sorted(corpus.glob(f"{stem}.*"))), None)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score_listings(examples: Path) -> SectionReport:
    """Items found (P/R), link flags, text F1 and refused non-news pages over `examples`."""
    gold_path, corpus = examples / "expected.yaml", examples / "corpus"
    try:
        gold: Any = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(gold_path), f"cannot read the examples gold: {exc}") from exc
    misses: list[str] = []
    predicted = gold_items = matched = fetch_right = 0
    text_scores: list[float] = []
    pages = [(corpus, a) for a in gold.get("articles", []) if a.get("items")]
    pages += [(examples / "pages", a) for a in _page_listings(examples / _PAGES_GOLD)]
    for folder, entry in pages:
        path = _file(folder, entry["id"])
        listing = next((a for a in (_articles(path) if path else []) if a.kind == "listing"), None)
        wanted = {fold(i["title"]): i for i in entry["items"]}
        gold_items += len(wanted)
        if listing is None:
            misses.append(f"{entry['id']}: not read as a listing")
            text_scores.append(0.0)
            continue
        predicted += len(listing.items)
        for item in listing.items:
            want = wanted.get(fold(item.title))
            if want is None:
                misses.append(f"{entry['id']}: extra item {item.title[:50]!r}")
                continue
            matched += 1
            fetch_right += bool(want.get("fetch", False)) == item.fetch
        found = {fold(i.title) for i in listing.items}
        misses.extend(f"{entry['id']}: missed item {t[:50]!r}" for t in wanted if t not in found)
        text_scores.append(ngram_prf(entry.get("text", ""), listing.body)[2])
    negatives = gold.get("listing_negatives", [])
    clean = 0
    for name in negatives:
        path = examples / name
        if not path.is_file():
            raise InputError(str(path), "listing negative named in the gold is missing")
        items = [i for a in _articles(path) for i in a.items]
        clean += not items
        if items:
            misses.append(f"{name}: split into {len(items)} junk items")
    metrics = (
        Metric("items_precision", _ratio(matched, predicted), _FLOORS["items_precision"],
               f"{matched}/{predicted} predicted items in the gold"),
        Metric("items_recall", _ratio(matched, gold_items), _FLOORS["items_recall"],
               f"{matched}/{gold_items} gold items found"),
        Metric("fetch_flag", _ratio(fetch_right, matched), None,
               f"{fetch_right}/{matched} items marked right for a later fetch"),
        Metric("text_f1", sum(text_scores) / len(text_scores) if text_scores else 1.0,
               _FLOORS["text_f1"], f"mean word 4-gram F1 over {len(text_scores)} listing pages"),
        Metric("negatives", _ratio(clean, len(negatives)), _FLOORS["negatives"],
               f"{clean}/{len(negatives)} forum or product pages left unsplit"),
    )  # fmt: skip
    return SectionReport(SECTION, metrics, tuple(misses))
