"""Quote attribution on real news: 40 MEANTIME articles (English Wikinews, CC BY 4.0).

The gold (resources/eval/meantime_quotes.yaml) lists every statement of each article, direct
or indirect, with its speaker, in the conventions of resources/quotes/attributions.yaml. It
was written by an annotator who did not see the code. `meantime_quotes_dev` (20 articles) is
the half whose misses may be read while changing the rules; `meantime_quotes_test` (the other
20) is held out: its figure is the honest estimate, and its misses are not printed. A second
annotator's gold on 40 other MEANTIME articles (resources/eval/meantime_quotes_2.yaml) gives
the sections `meantime_quotes_2` (dev) and `meantime_quotes_2_test` (held out) the same way,
and a third annotator's on the remaining 40 (resources/eval/meantime_quotes_3.yaml) gives
`meantime_quotes_3` and `meantime_quotes_3_test`.

The texts are not copied into the project: each is rebuilt from MEANTIME's token XML in
../shared/benchmarks/meantime. `rebuild_text` (eval/meantime_timex.py) keeps the tokeniser's
``…'' marks and puts every sentence on its own line, which no news text does: a quote of
several sentences would look like a quote cut at each line. `news_text` therefore writes the
tokeniser's ``…'' as straight marks (curly ones stay curly) attached to the words they
enclose, and starts a new line at a sentence boundary only outside a quote: a sentence inside
a quote that closes goes on in the same paragraph, as it does in the article (a quote never
closed before the next opening mark keeps its sentences on their own lines: the news
convention for a quote continued in the next paragraph), and so does a sentence that opens
with a lower-case word right after a closing mark ("…collapse." said Harper).

Scoring is `score_quote_attributions` (eval/quotes.py) with one documented adaptation for the
annotator's double recording of partial quotes: a direct quote of one to three words inside a
reported clause ("said he was “shocked”") is recorded both as the indirect clause and as the
direct words. eventline records such words as a direct quote only for a person named where
the clause is (events/indirect.py), so such a fragment also counts as found when the reported
clause around it is found with its speaker (see `nested_fragments`); a direct prediction of
those words still counts.
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
_GOLD_2 = "resources/eval/meantime_quotes_2.yaml"  # a second annotator, 40 other articles
_GOLD_3 = "resources/eval/meantime_quotes_3.yaml"  # a third annotator, the remaining 40
# section -> (gold file, key of the half in it)
_KEYS = {
    DEV_SECTION: (_GOLD, "meantime_quotes_dev"),
    TEST_SECTION: (_GOLD, "meantime_quotes_test"),
    "meantime_quotes_2": (_GOLD_2, "meantime_quotes_dev2"),
    "meantime_quotes_2_test": (_GOLD_2, "meantime_quotes_test2"),
    "meantime_quotes_3": (_GOLD_3, "meantime_quotes_dev3"),
    "meantime_quotes_3_test": (_GOLD_3, "meantime_quotes_test3"),
}
HELD_OUT = frozenset({TEST_SECTION, "meantime_quotes_2_test", "meantime_quotes_3_test"})
_CORPUS = "intra_cross-doc_annotation"

_OPENERS = {"``": '"', "“": "“"}
_CLOSERS = {"''": '"', "”": "”"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.IGNORECASE)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "`", "#"}
Coder = Callable[[str, str | None], list[Quote]]


def _roles(words: list[str]) -> list[str]:
    """Each token's part in quoting: "open", "close" or "" (a straight mark alternates), and
    an opening mark whose quote is never closed before the next one opens is "open-unclosed"."""
    roles, open_ = [], False
    for word in words:
        opens = word in _OPENERS or (word == '"' and not open_)
        closes = word in _CLOSERS or (word == '"' and open_)
        roles.append("open" if opens else "close" if closes else "")
        open_ = opens or (open_ and not closes)
    marks = [i for i, r in enumerate(roles) if r]
    for n, i in enumerate(marks):
        if roles[i] == "open" and (n + 1 == len(marks) or roles[marks[n + 1]] != "close"):
            roles[i] = "open-unclosed"
    return roles


def news_text(root: ET.Element) -> str:
    """The article's text from its tokens, written as news is (module docstring): a sentence
    goes on in its paragraph inside a quote that closes, and after a quote when it opens with
    a lower-case word ("…collapse." said Harper: the splitter cut after the mark)."""
    tokens = list(root.iter("token"))
    words = [t.text or "" for t in tokens]
    roles = _roles(words)
    parts: list[str] = []
    sentence: str | None = None
    joining = glue = False  # joining: inside a quote that closes; glue: no space before
    previous = ""
    for token, word, role in zip(tokens, words, roles, strict=True):
        new_sentence = sentence is not None and token.get("sentence") != sentence
        after_quote = previous == "close" and word[:1].islower()
        if new_sentence and not joining and not after_quote:
            parts.append("\n")
            glue = True
        if parts and not glue and role != "close" and not _NO_SPACE_BEFORE.match(word):
            parts.append(" ")
        if role.startswith("open"):
            parts.append(_OPENERS.get(word, '"'))
            joining, glue = role == "open", True
        elif role == "close":
            parts.append(_CLOSERS.get(word, '"'))
            joining, glue = False, False
        else:
            parts.append("'" if word == "`" else word)
            glue = word in _NO_SPACE_AFTER or word.endswith("$")
        sentence, previous = token.get("sentence"), role
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
    resource, key = _KEYS[section]
    gold = Path(str(resources.files("eventline").joinpath(resource)))
    files = load_quote_files(gold, key=key)
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
    if section in HELD_OUT:
        return SectionReport(report.section, report.metrics, ())
    return report
