"""Direct quotes on the text, not the parse: where quoted words start and end, which short
quoted words belong to a statement, and where a headline ends (events/quotes.py uses these).

Sentence splitters cut quotes apart, so spans are found on the characters: straight (") and
curly (“ ”) double marks and guillemets (« »); an opening mark with no close ends at the end of
its paragraph (the news convention for a quote continued in the next paragraph); a stray
closing mark is ignored, and a mark doubled at a quote's opening ('“”This') opens it once. A
straight mark right after a digit where no quote is open is an inch mark ('a 13.3" display'),
not an opening one.
"""

from __future__ import annotations

from dataclasses import dataclass

_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE = {"”", "»"}
_MIN_WORDS = 4


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a direct quote's text (marks excluded) and whether it was closed."""

    start: int
    end: int
    closed: bool


def find_quote_spans(text: str, *, min_words: int = _MIN_WORDS) -> list[QuoteSpan]:
    """Direct-quote spans of at least `min_words` words in `text`; never fails on unbalanced
    marks."""
    spans: list[QuoteSpan] = []
    opened: int | None = None
    closer = ""
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None:
            spans.append(QuoteSpan(opened, i, closed=False))
            opened = None
        elif opened is None and ch == '"' and _inches(text, i):
            continue  # 'a 13.3" display', 'either 15" or 17" screens'
        elif opened is None and (ch in _OPEN or ch == '"'):
            opened, closer = i + 1, _OPEN.get(ch, '"')
        elif opened == i and text[i + 1 : i + 2].isalnum() and ch in _CLOSE | {'"', closer}:
            opened = i + 1  # '“”This is unfair': a doubled opening mark, a typo
        elif opened is not None and (ch == closer or ch in _CLOSE or ch == '"'):
            spans.append(QuoteSpan(opened, i, closed=True))
            opened = None
        elif opened is not None and ch in _OPEN:  # a new opening mark: the last one never closed
            spans.append(QuoteSpan(opened, i, closed=False))
            opened, closer = i + 1, _OPEN[ch]
    if opened is not None:
        spans.append(QuoteSpan(opened, len(text), closed=False))
    return [s for s in spans if len(text[s.start : s.end].split()) >= min_words]


def _inches(text: str, i: int) -> bool:
    """Whether the straight mark at `i` measures ('13.3" widescreen', '15"-wide'): a digit
    right before it and no word right after it."""
    after = text[i + 1 : i + 2]
    return i > 0 and text[i - 1].isdigit() and (not after or after in " \n-,.;)/")


def _short(text: str, span: QuoteSpan) -> bool:
    return len(text[span.start : span.end].split()) < _MIN_WORDS


def _short_sentence_after(text: str, first_part: QuoteSpan, span: QuoteSpan) -> bool:
    """ "…," Ashford said. "The result stands.": a short quoted sentence (capital, full stop)
    right after a quote and its attribution closes that statement; other short quoted words
    are scare quotes."""
    words = text[span.start : span.end].strip()
    gap = text[first_part.end : span.start].rstrip().rstrip('"“«„').rstrip()
    return (
        words[:1].isupper()
        and words.endswith((".", "!", "?"))
        and gap.endswith((".", ":"))
        and "\n" not in gap
    )


def _headline_end(text: str) -> int:
    """Where a headline ends: a first line without a sentence's final punctuation, followed by
    the article ("Moscow says it expelled two diplomats"). Its "says" restates the lead."""
    line, _, rest = text.lstrip().partition("\n")
    if not rest.strip() or line.rstrip().endswith((".", "?", "!", '"', "”", ":")):
        return 0
    return len(text) - len(text.lstrip()) + len(line)


_HEADLINE_WORDS = 25


def in_headline(text: str, at: int) -> bool:
    """Whether position `at` is in a line that is no paragraph of prose: a headline, subhead,
    caption or link ("Related: Roe calls the ruling “a disgrace”") has no sentence's final
    punctuation and few words. Quoted words there repeat the story's, nobody says them."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    tail = line.rstrip(" \"”’'»)]")
    return (
        bool(tail)
        and not tail.endswith((".", "!", "?", "…", ":", ";", ","))
        and len(line.split()) <= _HEADLINE_WORDS
    )
