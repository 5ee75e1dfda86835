"""Score pages written by an author who did not see the code (examples/pages_fresh.yaml).

The `pages` section scores pages its engineer wrote beside the code, so it says little about
pages from elsewhere. This set was written separately, as common CMSs render news: article
pages must be read (not rejected), keep the article's text (word 4-gram F1; characters for
scripts without spaces, as `ngram_prf` does), title and publication day, and come out as
news; listing pages must come out as a listing whose items are the main list's headlines.
trafilatura and htmldate alone are scored on the same article pages, for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventline.errors import InputError
from eventline.eval.gold import fold
from eventline.eval.pages import GoldPage, baselines, ratio, read_page
from eventline.eval.report import Metric, SectionReport
from eventline.eval.textscore import ngram_prf

SECTION = "pages_fresh"
GOLD = "pages_fresh.yaml"
FOLDER = "pages-fresh"
_TEXT_MISS = 0.9


@dataclass(frozen=True)
class FreshPage:
    page: GoldPage
    kind: str  # "news" or "listing"
    items: tuple[str, ...]  # listing headlines, in page order


def fresh_pages(examples: Path) -> list[FreshPage]:
    path = examples / GOLD
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"cannot read the pages gold: {exc}") from exc
    out = []
    for entry in data.get("pages", []):
        file = examples / FOLDER / str(entry["file"])
        if not file.is_file():
            raise InputError(str(file), "gold page is missing")
        page = GoldPage(
            str(entry["id"]), file, str(entry.get("text") or ""), entry.get("title"),
            entry.get("published"),
        )  # fmt: skip
        out.append(FreshPage(page, str(entry["kind"]), tuple(entry.get("items") or ())))
    return out


def score_pages_fresh(examples: Path) -> SectionReport:
    pages = fresh_pages(examples)
    news = [p for p in pages if p.kind != "listing"]
    listings = [p for p in pages if p.kind == "listing"]
    misses: list[str] = []
    read = titled = dated = dated_base = kind_right = 0
    scores: list[float] = []
    base_scores: list[float] = []
    for fresh in news:
        page = fresh.page
        base_f1, base_day = baselines(page)
        base_scores.append(base_f1)
        dated_base += base_day
        articles, reason = read_page(page)
        if not articles:
            misses.append(f"{page.id}: rejected ({reason})")
            scores.append(0.0)
            continue
        read += 1
        article = articles[0]
        kind_right += article.kind != "listing" and len(articles) == 1
        if article.kind == "listing" or len(articles) > 1:
            misses.append(f"{page.id}: read as {len(articles)} article(s), kind {article.kind}")
        precision, recall, f1 = ngram_prf(page.text, article.body)
        scores.append(f1)
        if f1 < _TEXT_MISS:
            misses.append(f"{page.id}: text F1 {f1:.3f} (P {precision:.3f} R {recall:.3f})")
        if fold(article.title) == fold(page.title):
            titled += 1
        else:
            misses.append(f"{page.id}: title {article.title!r} != {page.title!r}")
        got = article.published.value if article.published else None
        if got == page.published:
            dated += 1
        else:
            misses.append(f"{page.id}: published {got!r} != {page.published!r}")
    gold_items = found_items = predicted = listed = 0
    for fresh in listings:
        articles, reason = read_page(fresh.page)
        listing = next((a for a in articles if a.kind == "listing"), None)
        gold_items += len(fresh.items)
        if listing is None:
            misses.append(f"{fresh.page.id}: not read as a listing ({reason or 'news'})")
            continue
        listed += 1
        wanted = {fold(t) for t in fresh.items}
        titles = {fold(i.title) for i in listing.items}
        predicted += len(titles)
        found_items += len(wanted & titles)
        misses.extend(f"{fresh.page.id}: missed item {t[:50]!r}" for t in wanted - titles)
    total = len(news)
    metrics = (
        Metric("read", ratio(read, total), None, f"{read}/{total} article pages read"),
        Metric("text_f1", sum(scores) / total if total else 1.0, None,
               f"mean word 4-gram F1 over {total} article pages"),
        Metric("title", ratio(titled, total), None, f"{titled}/{total}"),
        Metric("published", ratio(dated, total), None, f"{dated}/{total} exact day"),
        Metric("one_news_article", ratio(kind_right, total), None,
               f"{kind_right}/{total} article pages read as one news article"),
        Metric("listings_found", ratio(listed, len(listings)), None,
               f"{listed}/{len(listings)} listing pages read as listings"),
        Metric("items_recall", ratio(found_items, gold_items), None,
               f"{found_items}/{gold_items} gold items found"),
        Metric("items_precision", ratio(found_items, predicted), None,
               f"{found_items}/{predicted} predicted items in the gold"),
        Metric("trafilatura_text_f1", sum(base_scores) / total if total else 1.0, None,
               "trafilatura alone on the same pages, for comparison"),
        Metric("htmldate_published", ratio(dated_base, total), None,
               f"{dated_base}/{total} exact day by htmldate alone, for comparison"),
    )  # fmt: skip
    return SectionReport(SECTION, metrics, tuple(misses))
