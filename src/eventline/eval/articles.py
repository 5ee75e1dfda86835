"""Score the clean stage against the gold `articles` section (../shared/gold/README.md).

Per field: articles found, kind, title, outlet, published (tolerance, alternatives,
published_month), boilerplate lines absent from the body, captions kept apart from the body,
and page chrome (`not_articles`) in no body. Every miss is listed as a readable string.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from eventline.eval.gold import Gold, GoldArticle, fold
from eventline.eval.report import Metric, SectionReport
from eventline.eval.textscore import ngram_prf
from eventline.model import Article, Document

_FLOORS = {"found": 1.0, "kind": 1.0, "title": 7 / 8, "outlet": 7 / 8, "published": 6 / 8}
_TEXT_FLOOR = 0.95  # mean word 4-gram F1 over gold articles that state their `text`
_TEXT_MISS = 0.9
_SHORT = 40


def gold_ids(articles: Iterable[Article]) -> dict[str, Article]:
    """Key articles as the gold does: the source file stem, plus "#n" (n = Article.item) when
    the document holds more than one article."""
    by_doc: dict[str, list[Article]] = {}
    for article in articles:
        by_doc.setdefault(article.document_id, []).append(article)
    out: dict[str, Article] = {}
    for group in by_doc.values():
        for article in group:
            stem = Path(article.source_path).stem
            out[f"{stem}#{article.item}" if len(group) > 1 else stem] = article
    return out


def _paragraphs(body: str) -> list[str]:
    return [fold(p).lstrip("-–—•* ") for p in body.split("\n") if p.strip()]


def in_body(line: str, body: str) -> bool:
    """A short line counts as present only as a whole paragraph ("News" is in every story as
    a word); a longer one counts when it appears anywhere in the body."""
    folded = fold(line)
    if len(folded) < _SHORT:
        return folded.lstrip("-–—•* ") in _paragraphs(body)
    return folded in fold(body)


def _parse(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def published_ok(gold: GoldArticle, article: Article) -> bool:
    """Right within tolerance, or an accepted alternative; with only a month in the gold, the
    month must match or the date be left unknown."""
    got = article.published.value if article.published else None
    if gold.published is None:
        if gold.published_month is None:
            return got is None
        return got is None or got.startswith(gold.published_month)
    if got is None:
        return False
    if got in gold.published_alternatives or got == gold.published:
        return True
    want, have = _parse(gold.published), _parse(got)
    if want is None or have is None:
        return False
    return abs((want - have).days) <= gold.published_tolerance_days


def _field_misses(gold: GoldArticle, article: Article) -> dict[str, str | None]:
    """For each scored field, None when right, else the miss."""

    def same(field: str, want: str | None, have: str | None) -> str | None:
        return None if fold(want) == fold(have) else f"{gold.id}: {field} {have!r} != {want!r}"

    got = article.published.model_dump() if article.published else None
    return {
        "kind": same("kind", gold.kind, article.kind),
        "title": same("title", gold.title, article.title),
        "outlet": same("outlet", gold.outlet, article.outlet),
        "published": None
        if published_ok(gold, article)
        else (f"{gold.id}: published {got} != {gold.published or gold.published_month!r}"),
    }


_REPORTED = ("wire", "author", "dateline", "section")


def _reported_misses(gold: GoldArticle, article: Article) -> dict[str, str | None]:
    """Fields scored without a floor, only where the gold states them (null included)."""
    out: dict[str, str | None] = {}
    for name in _REPORTED:
        if name not in gold.model_fields_set:
            continue
        want, have = getattr(gold, name), getattr(article, name)
        out[name] = None if fold(want) == fold(have) else f"{gold.id}: {name} {have!r} != {want!r}"
    return out


def _boilerplate_misses(gold: GoldArticle, article: Article) -> list[str]:
    return [
        f"{gold.id}: boilerplate left in body: {line!r}"
        for line in gold.boilerplate
        if in_body(line, article.body)
    ]


def _caption_misses(gold: GoldArticle, article: Article) -> list[str]:
    """A gold caption must be among Article.captions and not in the body."""
    captions = [fold(c.text) for c in article.captions]
    misses = []
    for line in gold.captions:
        kept = any(fold(line) in c or c in fold(line) for c in captions if c)
        if not kept or in_body(line, article.body):
            misses.append(f"{gold.id}: caption not kept apart: {line[:60]!r}")
    return misses


def _text_scores(gold: Gold, articles: Mapping[str, Article], misses: list[str]) -> list[float]:
    """Word 4-gram F1 of each body against the gold `text`, where the gold gives one (an
    article not found scores 0)."""
    scores = []
    for entry in gold.articles:
        want = getattr(entry, "text", None)
        if not isinstance(want, str):
            continue
        article = articles.get(entry.id)
        precision, recall, f1 = ngram_prf(want, article.body if article else "")
        scores.append(f1)
        if f1 < _TEXT_MISS:
            misses.append(f"{entry.id}: text F1 {f1:.3f} (P {precision:.3f} R {recall:.3f})")
    return scores


def _ratio(passed: int, total: int) -> float:
    return passed / total if total else 1.0


def score_articles(
    gold: Gold, articles: Mapping[str, Article], *, documents: Mapping[str, Document]
) -> SectionReport:
    """Score `articles` (keyed by gold id, see `gold_ids`) against the gold articles section.
    `documents` (keyed by file stem) tells a missing article from a missing document."""
    misses: list[str] = []
    right = dict.fromkeys(("kind", "title", "outlet", "published"), 0)
    found = 0
    reported = {name: [0, 0] for name in _REPORTED}
    lines = {"boilerplate": [0, 0], "captions": [0, 0]}
    for entry in gold.articles:
        article = articles.get(entry.id)
        if article is None:
            stem = entry.id.split("#")[0]
            where = "document not ingested" if stem not in documents else "article not found"
            misses.append(f"{entry.id}: {where}")
            continue
        found += 1
        for field, miss in _field_misses(entry, article).items():
            if miss is None:
                right[field] += 1
            else:
                misses.append(miss)
        for name, miss in _reported_misses(entry, article).items():
            reported[name][0] += 1
            reported[name][1] += miss is None
            if miss is not None:
                misses.append(miss)
        for name, found_misses, checked in (
            ("boilerplate", _boilerplate_misses(entry, article), len(entry.boilerplate)),
            ("captions", _caption_misses(entry, article), len(entry.captions)),
        ):
            lines[name][0] += checked
            lines[name][1] += checked - len(found_misses)
            misses.extend(found_misses)
    text_scores = _text_scores(gold, articles, misses)
    chrome_ok = 0
    for line in gold.not_articles:
        holders = [key for key, art in articles.items() if in_body(line, art.body)]
        chrome_ok += not holders
        misses.extend(f"{key}: page chrome in body: {line!r}" for key in holders)
    extra = sorted(set(articles) - {g.id for g in gold.articles})
    misses.extend(f"{key}: article not in gold" for key in extra)
    total = len(gold.articles)
    metrics = [
        Metric("found", _ratio(found, total), _FLOORS["found"], f"{found}/{total}"),
        *(
            Metric(name, _ratio(right[name], total), _FLOORS[name], f"{right[name]}/{total}")
            for name in ("kind", "title", "outlet", "published")
        ),
        Metric("extra", float(len(extra)), None, "articles not in the gold"),
        *(
            Metric(name, _ratio(ok, checked), None, f"{ok}/{checked}")
            for name, (checked, ok) in reported.items()
            if checked
        ),
        *(
            Metric(name, _ratio(ok, checked), None, f"{ok}/{checked}")
            for name, (checked, ok) in lines.items()
        ),
        Metric(
            "not_articles",
            _ratio(chrome_ok, len(gold.not_articles)),
            None,
            f"{chrome_ok}/{len(gold.not_articles)}",
        ),
    ]
    if text_scores:
        mean = sum(text_scores) / len(text_scores)
        detail = f"mean word 4-gram F1 over {len(text_scores)} articles with gold text"
        metrics.append(Metric("text_f1", mean, _TEXT_FLOOR, detail))
    return SectionReport("articles", tuple(metrics), tuple(misses))
