"""Lines of a document region with their offsets, the unit every clean heuristic looks at.

News text reaches us one paragraph per line (plain files, trafilatura's main text, feed
entries). Each `Line` keeps the stripped text and where it sits in `Document.text`, so every
decision (keep, drop with a reason, caption) maps back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Sentence ends of every script we meet: Latin, CJK (。！？ and half-width ｡), Arabic and Urdu
# (؟ ۔), Devanagari (। ॥), Armenian (։), Ethiopic (።), followed by closing quotes or brackets.
_TERMINAL = re.compile(r"""[.!?…:;。！？｡؟۔।॥։።]["'”’)\]」』》〉】）〕]*$""")
# Scripts written without spaces between words: each character counts, two to a word (the
# usual length of a Chinese or Japanese word), so a CJK paragraph is not "one word".
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff"
    r"\u1000-\u109f\u1780-\u17ff]"
)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


BYLINE = re.compile(r"[Bb][Yy]:?\s+((?:[A-Z][\w.'’\-]+\s?){1,4})(?:[,|/\-–—]\s*(?P<tail>.{0,40}))?")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line, stripped, with its offsets in `Document.text`.

    `words` (text without spaces - Chinese, Japanese, Thai, ... - counted by characters) and
    `sentence_end` (ends like a sentence, quotes and brackets aside) are asked many times per
    line by the clean rules, so they are computed once here; slots keep a million-line input
    light."""

    text: str
    start: int
    end: int
    words: int = field(init=False, compare=False, repr=False)
    sentence_end: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", count_words(self.text))
        object.__setattr__(self, "sentence_end", _TERMINAL.search(self.text) is not None)


def count_words(text: str) -> int:
    """Spaced words plus one word per two characters of scripts written without spaces."""
    if text.isascii():  # the common case, checked in C: no script without spaces here
        return len(_WORD.findall(text))
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(_WORD.findall(text))
    spaced = len(_WORD.findall(_UNSPACED.sub(" ", text)))
    return spaced + (unspaced + 1) // 2


def split_lines(text: str, start: int, end: int) -> list[Line]:
    """Non-blank lines of text[start:end], stripped, with offsets into text."""
    lines: list[Line] = []
    pos = start
    for raw in text[start:end].splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lead = raw.index(stripped[0])
            lines.append(Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    return lines


def headline_like(line: Line, *, max_words: int = 30) -> bool:
    """A headline or subhead: short, and not ending like a sentence (a question may)."""
    if line.words == 0 or line.words > max_words or len(line.text) > 250:
        return False
    text = line.text.rstrip("\"'”’)")
    return not line.sentence_end or text.endswith(("?", "…", "..."))


def byline(text: str) -> str | None:
    """The name in a byline line ("By Ana Ruiz", "By Ana Ruiz, Harbour Wire")."""
    match = BYLINE.fullmatch(text.strip())
    return match.group(1).strip() if match else None


def label_text(text: str) -> str:
    """A navigation label without its bullet ("- Politics" -> "Politics")."""
    return text.lstrip("-–—•*· ").strip()
