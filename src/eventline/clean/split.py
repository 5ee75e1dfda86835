"""Split one item of a document into the articles it holds.

Two general layouts are recognised, never a site's template:

* **listing pages** (aggregators, search results, topic pages): each article opens with a
  repeated header block - an outlet line, an age or date line ("5 hours ago"), bulleted
  section/outlet labels - then the headline and the text. Two or more such blocks make a
  listing; whatever precedes the first block is page chrome and belongs to no article.
* **multi-article text files**: articles that each open with a headline over a byline or a
  date line, or that are separated by a rule line (``-----``, ``=====``,
  ``* * *``) where each part opens with a headline and carries text below it. A rule inside
  one story (a scene break) is followed by ordinary paragraphs, so it splits nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from eventline.clean.datecues import NUMERIC_DATE
from eventline.clean.lines import Line, byline, headline_like, label_text
from eventline.clean.resources import cues

_AGE = re.compile(
    r"(?:updated\s+|published\s+|posted\s+)?(?:(?:\d+|an?|one)\s*"
    r"(?:s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)"
    r"\s+ago|yesterday|just now|today)",
    re.IGNORECASE,
)
# "Published" in the languages of the pages we read: 发布时间 (zh), 公開日 / 更新日時 (ja),
# 입력 / 수정 (ko), Опубликовано (ru), each with an optional colon (full-width too).
DATE_LABELS = (
    r"发布时间|发布日期|发表时间|更新时间|發布時間|發佈時間|更新時間|时间|時間|日期|公開日時?|更新日時?"
    r"|配信日時?|掲載日|投稿日|기사입력|입력|수정|등록|опубликовано|обновлено|дата публикации|дата"
)
_DATE_LINE = re.compile(
    r"(?:(?:(?:first |last )?(?:published|updated|posted|modified)(?: on)?|"
    + DATE_LABELS
    + r")\s*[:：]?\s*)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    # "3. Juni 2025", "5 de marzo de 2024", "24 मई 2025" (a month name may hold vowel signs),
    # "05/07/2023"; a weekday may follow the date ("3 Haziran 2025 Salı")
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_][^\s\d]{1,11}\.?,?\s+(?:de\s+)?\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|" + NUMERIC_DATE + r")(?:,?\s+[^\W\d_]{3,12}\.?)?"
    r"(?:[ ,T|/–—\u3000-]+(?:at )?\d{1,2}(?:[:.]\d{2}|\s*[時时]\s*\d{1,2}\s*分)"
    r".{0,16})?",
    re.IGNORECASE,
)
_RULE = re.compile(r"(?:[-=_*#~]\s*){3,}")
_BULLET = re.compile(r"^[-–—•*·]\s*\S")


@dataclass
class Header:
    """What an item's header block says: outlet, age or date line, section labels."""

    outlet: str | None = None
    age: str | None = None
    section: str | None = None
    lines: list[Line] = field(default_factory=list)


@dataclass
class Segment:
    lines: list[Line]
    header: Header = field(default_factory=Header)


@dataclass
class Split:
    segments: list[Segment]
    chrome: list[Line] = field(default_factory=list)


_DATE_LINE_MAX = 200  # label, date and time: longer lines are never only a date
_DIGIT = re.compile(r"\d")


def is_date_line(text: str) -> bool:
    """A line that is only a date, with an optional "Published"/"Updated" label and time."""
    if len(text) > _DATE_LINE_MAX or _DIGIT.search(text) is None:
        return False  # every form holds a digit; the cheap test spares the regex on most lines
    return bool(_DATE_LINE.fullmatch(text.strip()))


def is_age(text: str) -> bool:
    """A line that only says how old an item is, or when it was posted."""
    if len(text) > _DATE_LINE_MAX:
        return False
    return bool(_AGE.fullmatch(text.strip()) or is_date_line(text))


def _is_label(line: Line) -> bool:
    return bool(_BULLET.match(line.text)) and 0 < line.words <= 4 and not line.sentence_end


def _is_source_line(line: Line) -> bool:
    return 0 < line.words <= 6 and not line.sentence_end and not _BULLET.match(line.text)


def _header_at(lines: list[Line], i: int) -> tuple[int, int, Header] | None:
    """If lines[i] is an age line heading an item, the header's first/last index and content."""
    if not is_age(lines[i].text):
        return None
    first, header = i, Header(age=lines[i].text)
    if i > 0 and _is_source_line(lines[i - 1]):
        first, header.outlet = i - 1, lines[i - 1].text
    last = i
    while last + 1 < len(lines) and _is_label(lines[last + 1]):
        last += 1
        label = label_text(lines[last].text)
        if label.casefold() in cues().section_labels and header.section is None:
            header.section = label
        elif header.outlet is None:
            header.outlet = label
    if last + 1 >= len(lines) or not headline_like(lines[last + 1]):
        return None
    header.lines = lines[first : last + 1]
    return first, last, header


def _split_listing(lines: list[Line]) -> Split | None:
    found: list[tuple[int, int, Header]] = []
    i = 0
    while i < len(lines):
        hit = _header_at(lines, i)
        if hit is not None and (not found or hit[0] > found[-1][1]):
            found.append(hit)
            i = hit[1] + 1
        else:
            i += 1
    if len(found) < 2:
        return None
    segments = []
    for n, (_first, last, header) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(lines)
        segments.append(Segment(lines[last + 1 : end], header))
    return Split(segments, chrome=lines[: found[0][0]])


def _split_rules(lines: list[Line]) -> Split | None:
    parts: list[list[Line]] = [[]]
    rules: list[Line] = []
    for line in lines:
        if _RULE.fullmatch(line.text):
            rules.append(line)
            parts.append([])
        else:
            parts[-1].append(line)
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    for part in parts:
        body = [ln for ln in part[1:] if ln.sentence_end and ln.words >= 8]
        if not headline_like(part[0]) or not body:
            return None
    return Split([Segment(p) for p in parts], chrome=rules)


def _head_block(lines: list[Line], i: int) -> bool:
    """A headline followed (directly or under a one-line deck) by a byline or a date line."""
    if not headline_like(lines[i]) or lines[i].words < 3:
        return False
    for j in (i + 1, i + 2):
        if j < len(lines) and (byline(lines[j].text) or is_date_line(lines[j].text)):
            return j == i + 1 or not lines[i + 1].sentence_end or lines[i + 1].words <= 40
    return False


def _split_heads(lines: list[Line]) -> Split | None:
    """Articles concatenated without separators, each opening with headline + byline/date."""
    starts = [i for i in range(len(lines)) if _head_block(lines, i)]
    if len(starts) < 2 or starts[0] > 2:
        return None
    bounds = [*starts, len(lines)]
    parts = [lines[a:b] for a, b in pairwise(bounds)]
    if any(not [ln for ln in part if ln.sentence_end and ln.words >= 8] for part in parts):
        return None
    return Split([Segment(p) for p in parts], chrome=lines[: starts[0]])


def split_item(lines: list[Line]) -> Split:
    """The articles in one item's lines, in order, and the chrome lines between them."""
    return (
        _split_listing(lines)
        or _split_rules(lines)
        or _split_heads(lines)
        or Split([Segment(lines)])
    )
