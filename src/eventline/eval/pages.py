"""Score pages from anywhere (issue 9, item 7) on the project's own examples.

Two sets: the pages of examples/pages.yaml (written in several scripts and saved in legacy
encodings, declared in <meta>, in an http-equiv header, wrongly, or not at all) and the
`page-*` entries of examples/expected.yaml that state their `text`. For each page: it must be
read, not rejected (`read`); its body is scored against the gold text as word 4-gram F1,
characters for scripts written without spaces (`text_f1`); its title must match (`title`);
its publication date must be the gold day exactly (`published`). The same pages read by
trafilatura alone and dated by htmldate alone are reported beside ours, for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
import yaml
from htmldate import find_date

from eventline.clean import clean_document
from eventline.errors import InputError
from eventline.eval.gold import fold
from eventline.eval.report import Metric, SectionReport
from eventline.eval.textscore import ngram_prf
from eventline.ingest import read_document
from eventline.ingest.reader import InputSource
from eventline.model import Article, Hints
from eventline.settings import Settings

SECTION = "pages"
_TEXT_MISS = 0.9


@dataclass(frozen=True)
class GoldPage:
    """One page to read: its file, its gold text, title and day."""

    id: str
    path: Path
    text: str
    title: str | None
    published: str | None


def gold_pages(examples: Path) -> list[GoldPage]:
    """The pages of examples/pages.yaml and the `page-*` examples with a gold text."""
    out: list[GoldPage] = []
    for name, key, folder in (("pages.yaml", "pages", "pages"),
                              ("expected.yaml", "articles", "corpus")):  # fmt: skip
        path = examples / name
        try:
            data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(str(path), f"cannot read the pages gold: {exc}") from exc
        for entry in data.get(key, []):
            if not str(entry.get("id", "")).startswith("page-") and key == "articles":
                continue
            if not isinstance(entry.get("text"), str):
                continue
            page = next(iter(sorted((examples / folder).glob(f"{entry['id']}.*"))), None)
            if page is None:
                raise InputError(str(examples / folder / entry["id"]), "gold page is missing")
            out.append(
                GoldPage(
                    entry["id"], page, entry["text"], entry.get("title"), entry.get("published")
                )
            )
    return out


def read_page(page: GoldPage) -> tuple[list[Article], str | None]:
    """Our reading of the page: its articles, or none and the reason it was refused."""
    try:
        document = read_document(
            InputSource(label=str(page.path), path=page.path), settings=Settings(), hints=Hints()
        )
    except InputError as exc:
        return [], exc.reason
    articles, rejections = clean_document(document)
    if not articles:
        return [], rejections[0].reason if rejections else "no article"
    return articles, None


def baselines(page: GoldPage) -> tuple[float, bool]:
    """Text F1 of trafilatura alone and whether htmldate alone finds the gold day, each given
    the page's bytes to decode as it does."""
    raw = page.path.read_bytes()
    text = trafilatura.extract(raw, include_tables=True) or ""
    day = find_date(raw) if page.published else None
    return ngram_prf(page.text, text)[2], day == page.published


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def score_pages(examples: Path) -> SectionReport:
    """Pages read, text F1, title and exact publication day over the example pages."""
    pages = gold_pages(examples)
    misses: list[str] = []
    read = titled = dated = dated_base = 0
    scores: list[float] = []
    base_scores: list[float] = []
    with_day = [p for p in pages if p.published]
    for page in pages:
        articles, reason = read_page(page)
        article = articles[0] if articles else None
        base_f1, base_day = baselines(page)
        base_scores.append(base_f1)
        dated_base += base_day
        if article is None:
            misses.append(f"{page.id}: rejected ({reason})")
            scores.append(0.0)
            continue
        read += 1
        precision, recall, f1 = ngram_prf(page.text, article.body)
        scores.append(f1)
        if f1 < _TEXT_MISS:
            misses.append(f"{page.id}: text F1 {f1:.3f} (P {precision:.3f} R {recall:.3f})")
        if fold(article.title) == fold(page.title):
            titled += 1
        else:
            misses.append(f"{page.id}: title {article.title!r} != {page.title!r}")
        got = article.published.value if article.published else None
        if page.published and got == page.published:
            dated += 1
        elif page.published:
            evidence = article.published.evidence if article.published else "no evidence"
            misses.append(f"{page.id}: published {got!r} ({evidence}) != {page.published!r}")
    total = len(pages)
    metrics = (
        Metric("read", ratio(read, total), None, f"{read}/{total} pages read, not rejected"),
        Metric("text_f1", sum(scores) / total if total else 1.0, None,
               f"mean word 4-gram F1 over {total} pages"),
        Metric("title", ratio(titled, total), None, f"{titled}/{total}"),
        Metric("published", ratio(dated, len(with_day)), None,
               f"{dated}/{len(with_day)} exact day"),
        Metric("trafilatura_text_f1", sum(base_scores) / total if total else 1.0, None,
               "trafilatura alone on the same pages, for comparison"),
        Metric("htmldate_published", ratio(dated_base, len(with_day)), None,
               f"{dated_base}/{len(with_day)} exact day by htmldate alone, for comparison"),
    )  # fmt: skip
    return SectionReport(SECTION, metrics, tuple(misses))
