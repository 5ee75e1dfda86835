"""Quote attribution on real crawled news pages: the newspaper4k 0.9.6 test pages (issue 11).

    .venv/bin/python benchmarks/real_quotes.py [--data FOLDER] [--cache DIR] [--split dev test]
        [--gold FILE] [--misses N]

Eight English news pages that the sdist of newspaper4k 0.9.6 (MIT) ships with its tests (CNN
politics, Time, Wired, Fox13, Yonhap) carry quotes in the styles of US news reporting. An
annotator who saw no code wrote, for each page, every statement in newspaper's extracted text
(`tests/data/txt/NAME.txt`) with its speaker, whether it is a direct quote, and its character
offsets, plus the offsets of quoted words that are not speech (titles, scare quotes).
`benchmarks/real_quotes_gold.yaml` holds only those offsets and speaker names: the pages are
third-party content, never copied into this repository. As in benchmarks/real_pages.py, the
pinned sdist is downloaded once with pip into the cache directory and its sha256 checked, or
`--data` names an extracted `tests/data` folder (offline).

Each gold quote's text is rebuilt from its offsets (for a direct quote split by its attribution,
which the gold spans as one from the first part to the last, the words inside the marks:
`quoted_words`); eventline's quotes come from the page text
as `eventline eval` gets them (`code_text(nlp, text, published=day).quotes`, eval/runner.py),
and `score_quote_attributions` (eval/quotes.py) scores them per split: statements found with
their speaker (found), extracted quotes right in statement and speaker (precision), direct
quote F1, the speaker accuracy of the statements extracted, and quoted non-speech. Misses are
printed for the dev split only: the test split is held out, its figures are the estimate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from eventline.eval.quotes import ExpectedQuote, QuoteFile, score_quote_attributions
from eventline.eval.report import SectionReport

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_pages import CACHE, fetch_sdist  # the same pinned sdist

GOLD = Path(__file__).resolve().parent / "real_quotes_gold.yaml"
SPLITS = ("dev", "test")
HELD_OUT = frozenset({"test"})


def _bounds(item: Any) -> tuple[int, int]:
    """A `{start, end}` mapping or a `[start, end]` pair."""
    if isinstance(item, dict):
        return int(item["start"]), int(item["end"])
    start, end = item
    return int(start), int(end)


_OPEN = '"“«„'
_CLOSE = '"”»'


def quoted_words(text: str) -> str:
    """A direct gold span's statement: the words inside the marks. The annotator's span of a
    quote split by its attribution runs from the first part to the last one, attribution
    included (`X,” Kise said. “Y`); the attribution between a closing and the next opening
    mark is not part of what was said."""
    parts, inside, start = [], True, 0
    for i, ch in enumerate(text):
        if inside and ch in _CLOSE and (i + 1 == len(text) or not text[i + 1].isalnum()):
            parts.append(text[start:i])
            inside = False
        elif not inside and ch in _OPEN:
            inside, start = True, i + 1
    if inside:
        parts.append(text[start:])
    return " ".join(p.strip() for p in parts if p.strip())


def load_gold(gold: Path, data: Path) -> dict[str, list[tuple[QuoteFile, str]]]:
    """Per split, each page's expected quotes (text rebuilt from the offsets) and its text."""
    entries: Any = yaml.safe_load(gold.read_text(encoding="utf-8"))
    if isinstance(entries, dict):
        entries = entries.get("pages") or entries.get("real_quotes") or []
    out: dict[str, list[tuple[QuoteFile, str]]] = {s: [] for s in SPLITS}
    for entry in entries:
        path = data / "txt" / f"{entry['page']}.txt"
        text = path.read_text(encoding="utf-8")
        quotes = []
        for q in entry.get("quotes") or ():
            start, end = _bounds(q)
            said = quoted_words(text[start:end]) if q["direct"] else text[start:end]
            quotes.append(ExpectedQuote(str(q["speaker"]), said, bool(q["direct"])))
        not_speech = tuple(text[a:b] for a, b in map(_bounds, entry.get("not_speech") or ()))
        published = entry.get("published")
        qf = QuoteFile(path, str(published)[:10] if published else None, tuple(quotes), not_speech)
        out.setdefault(str(entry["split"]), []).append((qf, text))
    return out


def score_split(nlp: Any, pages: list[tuple[QuoteFile, str]], split: str) -> SectionReport:
    from eventline.events import code_text

    texts = {qf.path: text for qf, text in pages}
    return score_quote_attributions(
        [qf for qf, _ in pages],
        lambda text, day: code_text(nlp, text, published=day).quotes,
        section=f"real_quotes_{split}",
        read=texts.__getitem__,
    )


def report(rep: SectionReport, split: str, pages: int, misses: int) -> str:
    values = {m.name: m for m in rep.metrics}
    names = ("attribution_recall", "attribution_precision", "direct_f1", "speaker_accuracy")
    labels = ("found", "precision", "direct F1", "speaker")
    lines = [f"## {split} ({pages} pages)"]
    for name, label in zip(names, labels, strict=True):
        lines.append(f"{label:>10}: {values[name].value:.3f}  ({values[name].detail})")
    lines.append(f"{'non-speech':>10}: {int(-values['non_speech_quoted'].value)} quoted")
    if split not in HELD_OUT and misses:
        lines += ["", f"misses ({len(rep.misses)}):", *(f"  {m}" for m in rep.misses[:misses])]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the sdist's tests/data folder (offline)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where to keep the sdist")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the offsets gold file")
    parser.add_argument("--split", nargs="*", default=SPLITS, choices=SPLITS)
    parser.add_argument("--misses", type=int, default=200, help="dev misses to print")
    args = parser.parse_args()
    data = args.data or fetch_sdist(args.cache)
    gold = load_gold(args.gold, data)
    from eventline.nlp import load_nlp

    nlp = load_nlp()
    for split in args.split:
        rep = score_split(nlp, gold.get(split, []), split)
        print(report(rep, split, len(gold.get(split, [])), args.misses))
        print()


if __name__ == "__main__":
    main()
