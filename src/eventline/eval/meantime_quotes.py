"""Quote attribution on real news: 40 MEANTIME articles (English Wikinews, CC BY 4.0).

The gold (resources/eval/meantime_quotes.yaml) lists every statement of each article, direct
or indirect, with its speaker, in the conventions of resources/quotes/attributions.yaml. It
was written by an annotator who did not see the code. `meantime_quotes_dev` (20 articles) is
the half whose misses may be read while changing the rules; `meantime_quotes_test` (the other
20) is held out: its figure is the honest estimate, and its misses are not printed.

The texts are not copied into the project: each is rebuilt from MEANTIME's token XML in
../shared/benchmarks/meantime. `rebuild_text` (eval/meantime_timex.py) keeps the tokeniser's
``…'' marks and puts every sentence on its own line, which no news text does: a quote of
several sentences would look like a quote cut at each line. `news_text` therefore writes the
tokeniser's ``…'' as straight marks (curly ones stay curly) attached to the words they
enclose, and starts a new line at a sentence boundary only outside a quote (a sentence inside
an open quote goes on in the same paragraph, as it does in the article; a second opening mark
while a quote is open starts a new paragraph, the news convention for a quote continued there).

Scoring is `score_quote_attributions` (eval/quotes.py) with one documented adaptation for the
annotator's double recording of partial quotes: a direct quote of one to three words inside a
reported clause ("said he was “shocked”") is recorded both as the indirect clause and as the
direct words. eventline treats quoted words under four words as scare quotes, never as
statements, so such a fragment counts as found when the reported clause around it is found
with its speaker (see `nested_fragments`); a direct prediction of those words still counts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from eventline.errors import InputError
from eventline.eval.meantime_timex import creation_anchor
from eventline.eval.quotes import QuoteFile, load_quote_files, score_quote_attributions
from eventline.eval.report import SectionReport
from eventline.model import Quote

DEV_SECTION = "meantime_quotes"
TEST_SECTION = "meantime_quotes_test"
_GOLD = "resources/eval/meantime_quotes.yaml"
_KEYS = {DEV_SECTION: "meantime_quotes_dev", TEST_SECTION: "meantime_quotes_test"}
_CORPUS = "intra_cross-doc_annotation"

_OPENERS = {"``": '"', "“": "“"}
_CLOSERS = {"''": '"', "”": "”"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "`", "#"}
Coder = Callable[[str, str | None], list[Quote]]


def news_text(root: ET.Element) -> str:
    """The article's text from its tokens, written as news is (module docstring)."""
    parts: list[str] = []
    sentence: str | None = None
    quote_open = glue = False  # glue: no space before the next word
    for token in root.iter("token"):
        word = token.text or ""
        opens = word in _OPENERS or (word == '"' and not quote_open)
        closes = word in _CLOSERS or (word == '"' and quote_open)
        if opens and quote_open:
            parts.append("\n")  # an unclosed quote goes on in a new paragraph
            glue = True
        elif sentence is not None and token.get("sentence") != sentence and not quote_open:
            parts.append("\n")
            glue = True
        if parts and not glue and not closes and not _NO_SPACE_BEFORE.match(word):
            parts.append(" ")
        if opens:
            parts.append(_OPENERS.get(word, '"'))
            quote_open, glue = True, True
        elif closes:
            parts.append(_CLOSERS.get(word, '"'))
            quote_open, glue = False, False
        else:
            parts.append("'" if word == "`" else word)
            glue = word in _NO_SPACE_AFTER or word.endswith("$")
        sentence = token.get("sentence")
    return "".join(parts)


def _read(path: Path) -> tuple[str, str | None]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(str(path), f"cannot read MEANTIME file: {exc}") from exc
    creation = next(
        (t.get("value") for t in root.iter("TIMEX3")
         if t.get("functionInDocument") == "CREATION_TIME"),
        None,
    )  # fmt: skip
    return news_text(root), creation_anchor(creation)


def meantime_quote_files(meantime: Path, section: str) -> list[QuoteFile]:
    """The gold articles of `section`, with paths into the MEANTIME copy at `meantime`."""
    gold = Path(str(resources.files("eventline").joinpath(_GOLD)))
    files = load_quote_files(gold, key=_KEYS[section])
    out = []
    for qf in files:
        relative = qf.path.relative_to(gold.parent)
        path = meantime / _CORPUS / relative
        if not path.is_file():
            raise InputError(str(path), "MEANTIME article of the quote gold not found")
        out.append(QuoteFile(path, qf.published, qf.quotes, qf.not_speech))
    return out


def score_meantime_quotes(meantime: Path, code: Coder, *, section: str) -> SectionReport:
    """Attribution recall/precision, direct-quote F1 and speaker accuracy on one half; the
    held-out half reports its figures without its misses."""
    files = meantime_quote_files(meantime, section)
    texts = {qf.path: _read(qf.path)[0] for qf in files}
    report = score_quote_attributions(
        files, code, section=section, read=texts.__getitem__, nested_fragments=True
    )
    if section == TEST_SECTION:
        return SectionReport(report.section, report.metrics, ())
    return report
