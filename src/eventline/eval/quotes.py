"""Score extracted quotes against the development gold ("quotes" in ../shared/gold/README.md),
and quote attribution on the project's own example texts (`score_quote_attributions`).

A gold quote is found in an article when a quote extracted there has the gold speaker (the
resolved actor's name, or, for speakers outside the actor KB, the quote's `speaker_text`,
compared after folding in full or by last name) and covers at least 80% of the gold text: the
share of the gold's folded words matched, in order, by the prediction's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventline.errors import InputError
from eventline.eval.gold import Gold, fold
from eventline.eval.report import Metric, SectionReport
from eventline.model import Quote

COVERAGE = 0.8
_FRAGMENT_WORDS = 4  # quoted words under this are partial quotes or scare quotes


_PUNCT = ".,;:!?\"'…-—()[]"


def _words(text: str) -> list[str]:
    """Folded words without the punctuation around them (a bracket is no word: "GM's ]" and
    "GM's]" are the same words)."""
    return [w.strip(_PUNCT) for w in fold(text).split() if w.strip(_PUNCT)]


def coverage(gold: str, pred: str) -> float:
    """Share of the gold quote's words found, in order, in the predicted quote."""
    g, p = _words(gold), _words(pred)
    if not g:
        return 1.0
    blocks = SequenceMatcher(a=g, b=p, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(g)


#: Legal-form words a company's name may carry or drop ("Apple" is "Apple Inc.", "Chrysler
#: LLC" is "Chrysler Group LLC").
_LEGAL_FORMS = frozenset(
    (
        *("inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd."),
        *("plc", "llc", "ag", "group", "holdings"),
    )
)


def _name(text: str) -> str:
    """Folded name without its trailing legal forms ("Apple Inc." and "Apple" are one speaker)."""
    words = fold(text).replace(",", " ").split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def speaker_matches(gold: str, quote: Quote) -> bool:
    names = [quote.speaker.name if quote.speaker else None, quote.speaker_text]
    want = _name(gold)
    last = want.split()[-1] if want else ""
    for name in filter(None, names):
        got = _name(name)
        if got == want or (last and got.split() and got.split()[-1] == last):
            return True
    return False


def _spellings(gold: Gold, speaker: str) -> list[str]:
    """The gold speaker's name and the spellings the gold's entity list gives the same person
    ("Abbas Araghchi" is also written "Araqchi" in some of the articles)."""
    names = [speaker]
    for entity in gold.entities:
        if fold(entity.name) == fold(speaker):  # proper names only: "Iran's foreign minister"
            names += [a for a in entity.aliases if all(w[:1].isupper() for w in a.split())]
    return names


def score_quotes(gold: Gold, coded: Mapping[str, Any]) -> SectionReport:
    """Recall per (gold quote, article) pair: right speaker (its name or a spelling the gold
    lists for that person) and >= 80% coverage."""
    pairs = hits = 0
    misses: list[str] = []
    for gq in gold.quotes:
        names = _spellings(gold, gq.speaker)
        for art in gq.in_:
            pairs += 1
            quotes = coded[art].quotes if art in coded else []
            if any(
                any(speaker_matches(name, q) for name in names)
                and coverage(gq.text, q.text) >= COVERAGE
                for q in quotes
            ):
                hits += 1
            else:
                misses.append(f"{gq.speaker}: {gq.text[:50]!r} not found in {art}")
    metrics = (Metric("quote_recall", hits / pairs if pairs else 1.0, None, f"{hits}/{pairs}"),)
    return SectionReport("quotes", metrics, tuple(misses))


# --- quote attribution on the project's own examples ------------------------------------------

ATTRIBUTION_SECTION = "quote_attributions"
# The larger set written before the rules it measures (resources/quotes/attributions.yaml).
HELD_OUT_SECTION = "quote_attributions_2"


def held_out_quote_files() -> list[QuoteFile]:
    """The packaged 25-text set of `HELD_OUT_SECTION`."""
    path = Path(str(resources.files("eventline").joinpath("resources/quotes/attributions.yaml")))
    return load_quote_files(path, key=HELD_OUT_SECTION)


@dataclass(frozen=True)
class ExpectedQuote:
    speaker: str
    text: str
    direct: bool


@dataclass(frozen=True)
class QuoteFile:
    """One example text with every statement it contains and the quoted non-speech in it."""

    path: Path
    published: str | None
    quotes: tuple[ExpectedQuote, ...]
    not_speech: tuple[str, ...]


FRESH_5 = "resources/quotes/fresh5/gold.yaml"  # a fifth set, US political news, two halves
FRESH_5_KEY = "quote_attributions_fresh5"


def fresh_5_quote_files(split: str) -> list[QuoteFile]:
    """One half ("dev" or "test") of the fifth set: 30 US political news texts written by an
    annotator who read no code; the test half is scored, its misses never read."""
    path = Path(str(resources.files("eventline").joinpath(FRESH_5)))
    return load_quote_files(path, key=FRESH_5_KEY, split=split)


def load_quote_files(
    expected: Path, *, key: str = ATTRIBUTION_SECTION, split: str | None = None
) -> list[QuoteFile]:
    """The `key` section of a gold file such as examples/expected.yaml or
    resources/quotes/attributions.yaml (paths relative to the file); with `split`, only the
    entries of that half."""
    try:
        data: Any = yaml.safe_load(expected.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(expected), f"cannot read: {exc}") from exc
    entries = (data or {}).get(key) or []
    try:
        return [
            QuoteFile(
                path=expected.parent / e["file"],
                published=e.get("published"),
                quotes=tuple(
                    ExpectedQuote(q["speaker"], q["text"], bool(q["direct"]))
                    for q in e.get("quotes") or ()
                ),
                not_speech=tuple(e.get("not_speech") or ()),
            )
            for e in entries
            if split is None or e.get("split") == split
        ]
    except (KeyError, TypeError) as exc:
        raise InputError(str(expected), f"bad {key} entry: {exc}") from exc


def same_statement(want: ExpectedQuote, got: Quote) -> bool:
    """The same words, the same kind: >= 80% of the expected words in the prediction, and at
    least half of the prediction's words expected (a whole paragraph is not the statement)."""
    return (
        got.direct == want.direct
        and coverage(want.text, got.text) >= COVERAGE
        and coverage(got.text, want.text) >= 0.5
    )


def _is_non_speech(fragment: str, quote: Quote) -> bool:
    return coverage(quote.text, fragment) >= 0.5 and coverage(fragment, quote.text) >= COVERAGE


@dataclass
class _Tally:
    expected: int = 0
    found: int = 0  # expected statements extracted with the right speaker
    predicted: int = 0
    right: int = 0  # predictions that are an expected statement with its speaker
    text_only: int = 0  # predictions that are an expected statement (any speaker)
    direct_expected: int = 0
    direct_found: int = 0
    direct_predicted: int = 0
    direct_right: int = 0
    non_speech: int = 0
    fragments_by_clause: int = 0  # direct fragments found through their reported clause
    parts_of_clauses: int = 0  # predicted fragments inside a recorded clause of their speaker


def _enclosing(want: ExpectedQuote, qf: QuoteFile) -> list[ExpectedQuote]:
    """The same speaker's reported clauses that hold `want` when it is a direct fragment of
    one to three words ("said he was “shocked”" recorded as the clause and as the word)."""
    if not want.direct or len(_words(want.text)) >= _FRAGMENT_WORDS:
        return []
    return [
        w
        for w in qf.quotes
        if not w.direct
        and fold(w.speaker) == fold(want.speaker)
        and coverage(want.text, w.text) == 1.0
    ]


def _part_of_recorded(got: Quote, qf: QuoteFile) -> bool:
    """Whether a predicted direct quote of one to three words lies inside a reported clause
    that the gold records for the same speaker ("said the case was a “witch hunt”" recorded
    only as the clause): the quoted words of a statement counted once, as a quote split by
    its attribution is. Neither right nor extra; with another speaker it stays wrong."""
    if not got.direct or len(_words(got.text)) >= _FRAGMENT_WORDS:
        return False
    return any(
        not w.direct and speaker_matches(w.speaker, got) and coverage(got.text, w.text) == 1.0
        for w in qf.quotes
    )


def _tally(
    qf: QuoteFile,
    quotes: list[Quote],
    tally: _Tally,
    misses: list[str],
    *,
    nested_fragments: bool = False,
) -> None:
    name = qf.path.name
    for want in qf.quotes:
        tally.expected += 1
        tally.direct_expected += want.direct
        hits = [q for q in quotes if same_statement(want, q)]
        if nested_fragments and not hits:  # a fragment found through its reported clause
            clauses = _enclosing(want, qf)
            hits = [q for q in quotes for c in clauses if same_statement(c, q)]
            tally.fragments_by_clause += bool(hits)
        tally.direct_found += want.direct and bool(hits)
        if any(speaker_matches(want.speaker, q) for q in hits):
            tally.found += 1
        else:
            got = ", ".join(repr(q.speaker_text) for q in hits) or "not extracted"
            misses.append(f"{name}: {want.speaker}: {want.text[:40]!r} ({got})")
    for q in quotes:
        if any(_is_non_speech(f, q) for f in qf.not_speech):
            tally.non_speech += 1
            misses.append(f"{name}: not speech taken as a quote: {q.text[:40]!r}")
        wants = [w for w in qf.quotes if same_statement(w, q)]
        if not wants and _part_of_recorded(q, qf):
            tally.parts_of_clauses += 1
            continue  # the statement is counted once, as the clause the gold records
        tally.predicted += 1
        tally.direct_predicted += q.direct
        tally.text_only += bool(wants)
        tally.direct_right += q.direct and bool(wants)
        if any(speaker_matches(w.speaker, q) for w in wants):
            tally.right += 1
        elif not wants:
            misses.append(f"{name}: extra {q.speaker_text!r}: {q.text[:40]!r}")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score_quote_attributions(
    quote_files: list[QuoteFile],
    code: Callable[[str, str | None], list[Quote]],
    *,
    section: str = ATTRIBUTION_SECTION,
    read: Callable[[Path], str] | None = None,
    nested_fragments: bool = False,
) -> SectionReport:
    """Attribution recall and precision (statement and speaker), direct-quote F1 (statement
    only), speaker accuracy of the statements found, and quoted non-speech (must be 0).
    `code(text, published)` returns the quotes eventline extracts; `read(path)` the text of a
    file (default: the file as written). With `nested_fragments`, a direct quote of one to
    three words that the gold also records inside the same speaker's reported clause counts
    as found when that clause is (a gold convention eventline does not share: such words are
    scare quotes to it, and the statement is the clause)."""
    tally, misses = _Tally(), list[str]()
    for qf in quote_files:
        text = read(qf.path) if read is not None else qf.path.read_text(encoding="utf-8")
        _tally(qf, code(text, qf.published), tally, misses, nested_fragments=nested_fragments)
    d_p = _ratio(tally.direct_right, tally.direct_predicted)
    d_r = _ratio(tally.direct_found, tally.direct_expected)
    metrics = (
        Metric(
            "attribution_recall",
            _ratio(tally.found, tally.expected),
            None,
            f"{tally.found}/{tally.expected} statements with their speaker",
        ),
        Metric(
            "attribution_precision",
            _ratio(tally.right, tally.predicted),
            None,
            f"{tally.right}/{tally.predicted} extracted quotes right (statement and speaker)",
        ),
        Metric(
            "direct_f1",
            2 * d_p * d_r / (d_p + d_r) if d_p + d_r else 0.0,
            None,
            f"P {d_p:.3f} R {d_r:.3f}"
            + (
                f"; {tally.fragments_by_clause} fragments by their clause"
                if nested_fragments
                else ""
            )
            + (
                f"; {tally.parts_of_clauses} fragments of recorded clauses not counted"
                if tally.parts_of_clauses
                else ""
            ),
        ),
        Metric(
            "speaker_accuracy",
            _ratio(tally.right, tally.text_only),
            None,
            f"{tally.right}/{tally.text_only} extracted statements with the right speaker",
        ),
        Metric("non_speech_quoted", float(-tally.non_speech), None, "negated count; must be 0"),
    )
    return SectionReport(section, metrics, tuple(misses))
