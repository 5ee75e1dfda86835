"""Sort an article's lines into body, captions and removals, each removal with its reason.

An editor reading a scraped page drops what is not the story - picture credits, "See also"
links, share prompts, author bios, disclaimers, trailing section labels, subheads left with no
text under them - and keeps picture captions apart, since they describe pictures, not events.
Every cue is a whole-line test, so a body sentence that merely mentions "Getty Images" or
starts with "See also the ..." stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventline.clean.factcheck import is_rating_line
from eventline.clean.lines import BYLINE, Line, byline, headline_like, label_text
from eventline.clean.resources import cues
from eventline.clean.split import is_age, is_date_line
from eventline.model import Caption, Removal

_ORG = re.compile(r"[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}")
_BIO_NAME = re.compile(
    r"(?i:about the authors?)[.:\-–—]?\s*([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+){1,3})"
    r"(?=\s*[,.(]|\s+[a-z])"
)
_BULLET = re.compile(r"^[-–—•*·]\s*\S")
_TABLE_ROW = re.compile(r"^\|.*\|$")


@dataclass
class Sorted:
    """The outcome for one article's lines."""

    body: list[Line] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    author: str | None = None
    section: str | None = None
    reasons: set[str] = field(default_factory=set)
    date_lines: list[str] = field(default_factory=list)
    ages: list[str] = field(default_factory=list)
    agency: str | None = None

    def remove(self, line: Line, reason: str) -> None:
        self.removals.append(Removal(start=line.start, end=line.end, reason=reason, text=line.text))
        self.reasons.add(reason)


def is_credit(text: str) -> bool:
    """A picture credit line ("Name | Agency | Getty Images", "Photo: Reuters")."""
    if len(text) > 140 or text.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    folded = text.casefold()
    for rule in cues().credit_rules:
        if rule.fullmatch(text):
            if "|" not in text:
                return True
            if any(re.search(rf"\b{re.escape(w)}\b", folded) for w in cues().credit_words):
                return True
    return False


def caption_opening(text: str) -> bool:
    return any(rule.match(text) for rule in cues().caption_openings)


def line_rule(text: str) -> str | None:
    """The reason a whole line is boilerplate, or None."""
    if label_text(text).strip("() ") in cues().wires:
        return "agency credit"  # a closing "— Reuters" or "(AFP)" line
    match = cues().any_line_rule.fullmatch(text)
    if match is None or match.lastgroup is None:
        return None
    return cues().line_rule_reasons[int(match.lastgroup[1:])]


def section_label(line: Line) -> str | None:
    """The label of a section/navigation line ("News", "- Politics"), else None."""
    label = label_text(line.text)
    if label.casefold() in cues().section_labels:
        return label
    if _BULLET.match(line.text) and 0 < line.words <= 3 and not line.sentence_end:
        return label
    return None


def byline_agency(text: str) -> str | None:
    """The organisation after the name in "By Name, Agency" (a wire), not a role such as
    "Staff Writer" or "in Kyiv"."""
    match = BYLINE.fullmatch(text.strip())
    tail = (match.group("tail") or "").strip() if match else ""
    if not tail or not _ORG.fullmatch(tail) or cues().byline_roles.search(tail):
        return None
    return cues().wires.get(tail, tail)


def bio_author(text: str) -> str | None:
    match = _BIO_NAME.match(text)
    return match.group(1).strip() if match else None


def _caption_sized(line: Line) -> bool:
    """Captions are one or two sentences; a longer paragraph above a credit is body text."""
    return line.words <= 70 and len(re.findall(r"[.!?][\"”’)]*\s+[A-Z]", line.text)) <= 1


_STAMP_PARTS = re.compile(r"\s+[|·•]\s+")
_STAMP_NAME_WORDS = 4  # "Kim Min-su, reporter": a name with its role, never a sentence


def is_stamp_line(text: str) -> bool:
    """A byline and the story's date stamps on one line, joined by "|" or "·" ("Lee Ji-eun,
    reporter | Posted 2022.11.03 07:30 | Revised 2022.11.04"): every part is a date line or a
    short name, and at least one is a date line."""
    if len(text) > 200 or not any(c.isdigit() for c in text):
        return False
    parts = _STAMP_PARTS.split(text.strip())
    if len(parts) < 2 or not any(is_date_line(part) for part in parts):
        return False
    return all(
        is_date_line(part)
        or (len(part.split()) <= _STAMP_NAME_WORDS and not part.endswith((".", "。", "!", "?")))
        for part in parts
    )


def is_chrome(line: Line) -> bool:
    """A line that can never be a headline: boilerplate, an age or date, a label, a credit."""
    text = line.text
    return bool(
        line_rule(text)
        or is_age(text)
        or is_date_line(text)
        or is_stamp_line(text)
        or is_credit(text)
        or byline(text)
        or section_label(line)
    )


def _caption_or_credit(lines: list[Line], i: int, out: Sorted, used: set[int]) -> bool:
    """Handle a credit line (and the caption line above it) or a caption opening."""
    line = lines[i]
    if is_credit(line.text):
        out.remove(line, "picture credit")
        prev = i - 1
        last = out.captions[-1] if out.captions else None
        if prev >= 0 and last is not None and last.start == lines[prev].start:
            out.captions[-1] = last.model_copy(update={"credit": line.text})
        elif (
            prev >= 0
            and prev not in used
            and out.body
            and out.body[-1] is lines[prev]
            and _caption_sized(lines[prev])
        ):
            out.body.pop()
            out.captions.append(
                Caption(
                    text=lines[prev].text,
                    credit=line.text,
                    start=lines[prev].start,
                    end=lines[prev].end,
                )
            )
        return True
    if caption_opening(line.text):
        out.captions.append(Caption(text=line.text, start=line.start, end=line.end))
        return True
    return False


def sort_lines(lines: list[Line], *, skip: set[int]) -> Sorted:
    """Body, captions and removals for the lines of one article (indices in `skip` are taken)."""
    out = Sorted()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if _caption_or_credit(lines, i, out, skip):
            continue
        reason = line_rule(line.text)
        if reason is not None:
            out.remove(line, reason)
            if reason == "author bio":
                out.author = out.author or bio_author(line.text)
                if not cues().staff_bio.search(line.text):
                    out.reasons.add("guest author bio")
            continue
        if is_date_line(line.text) or is_stamp_line(line.text):
            out.remove(line, "date line")
            out.date_lines.append(line.text)
            continue
        if is_age(line.text):
            out.remove(line, "age line")
            out.ages.append(line.text)
            continue
        name = byline(line.text)
        if name is not None and out.author is None:
            out.author = name
            out.agency = byline_agency(line.text)
            out.remove(line, "byline")
            continue
        out.body.append(line)
    _trim_head(out)
    _trim_tail(out)
    _closing_link_list(out)
    _closing_dated_links(out)
    _restore_if_emptied(out, lines)
    _tail_bio(out)
    out.removals.sort(key=lambda r: r.start)
    return out


_WEAK_REASONS = {"orphan subhead"}


def _restore_if_emptied(out: Sorted, lines: list[Line]) -> None:
    """When only layout rules emptied the body, the extractor's reading has the better
    evidence: a page of short lines (a poem, a list, text in a script whose sentences our
    rules misread) keeps those lines rather than becoming "no article text"."""
    if out.body:
        return
    weak = [r for r in out.removals if r.reason in _WEAK_REASONS]
    if not weak:
        return
    starts = {r.start for r in weak}
    out.body = [line for line in lines if line.start in starts]
    out.removals = [r for r in out.removals if r.start not in starts]


def _trim_head(out: Sorted) -> None:
    """Drop section labels above the first paragraph ("WORLD", "Breaking News")."""
    while out.body and not out.body[0].sentence_end:
        label = section_label(out.body[0])
        if label is None or label.casefold() not in cues().section_labels:
            break
        out.remove(out.body.pop(0), "section label")
        out.section = out.section or label


def _tail_bio(out: Sorted) -> None:
    """A closing line about the bylined author ("Petra Holm is a columnist ...") is a bio."""
    if not out.author or not out.body:
        return
    last = out.body[-1]
    pattern = rf"\(?{re.escape(out.author)} (?:is|was|writes|covers|has been|reports)\b.{{0,300}}"
    if last.words <= 60 and re.fullmatch(pattern, last.text):
        out.body.pop()
        out.remove(last, "author bio")
        if not cues().staff_bio.search(last.text):
            out.reasons.add("guest author bio")


_LINK_LIST_MIN = 2
_HEADING_CHARS = 60
_LINK_CHARS = 160  # a headline or a link line; counted in characters, for every script
_LINK_LIST_REACH = 15  # lines from the end of the body where such a heading is looked for


# A headline with its date in brackets, as lists of other stories print them
# ("- Sanctions stay until disarmament (2018/6/15)", "- 渡轮票价上涨（2024年3月4日）").
_DATED_LINK = re.compile(r"^[-–—•*·]\s*.{4,140}[(（]\s*\d{1,4}[/.\-年]\d{1,2}[^)）]{0,16}[)）]$")


def _closing_dated_links(out: Sorted) -> None:
    """Two or more bullet headlines, each with its date in brackets, closing the body."""
    body = out.body
    j = len(body)
    while j > 0 and _DATED_LINK.match(body[j - 1].text):
        j -= 1
    if len(body) - j >= _LINK_LIST_MIN and j > 0:
        for line in body[j:]:
            out.remove(line, "related link")
        out.body = body[:j]


def _closing_link_list(out: Sorted) -> None:
    """A heading that names other stories ("More Must-Reads From ...", "関連記事") near the end
    of the body, with only short lines under it (two or more headlines or links): a list of
    other stories, not the article's own, removed with its heading."""
    body = out.body
    for j in range(len(body) - _LINK_LIST_MIN - 1, max(0, len(body) - _LINK_LIST_REACH), -1):
        head = body[j]
        text = head.text.strip().rstrip(":：")
        named = any(p.fullmatch(text) for p in cues().related_headings)
        if len(text) > _HEADING_CHARS or not named:
            continue
        if all(len(line.text) <= _LINK_CHARS for line in body[j + 1 :]):
            for line in body[j:]:
                out.remove(line, "related link")
            out.body = body[:j]
        return


def _introduced_lists(body: list[Line]) -> set[int]:
    """Start offsets of the article's own lists and tables, never navigation: bullet lines
    right after a paragraph that ends like a sentence ("The sides also discussed:", "主な取り
    組みは次の通り。") and the rows of a table ("| 2024 | 790 |", as trafilatura writes
    them). A list under a heading ("Related") is not protected."""
    protected: set[int] = set()
    for i, line in enumerate(body):
        if _TABLE_ROW.match(line.text):
            protected.add(line.start)
        if not line.sentence_end or _BULLET.match(line.text):
            continue
        j = i + 1
        while j < len(body) and (_BULLET.match(body[j].text) or _TABLE_ROW.match(body[j].text)):
            j += 1
        run = body[i + 1 : j]
        colon = line.text.rstrip().endswith((":", "："))
        if colon or not any(section_label(item) for item in run):  # "- Politics" is a menu
            protected.update(item.start for item in run)
    return protected


def _trim_tail(out: Sorted) -> None:
    """Drop trailing section labels, navigation bullets and subheads left without text; a
    list the article introduces with a colon stays."""
    kept: list[Line] = []
    orphans: list[Line] = []
    seen_text = False
    protected = _introduced_lists(out.body)
    for line in reversed(out.body):
        if line.start in protected:
            kept.append(line)
            continue
        label = section_label(line)
        if not seen_text and label is not None:
            out.remove(line, "section label")
            out.section = out.section or label
            continue
        if _BULLET.match(line.text) and label and label.casefold() in cues().section_labels:
            out.remove(line, "navigation label")
            continue
        if not seen_text and headline_like(line, max_words=15) and not is_rating_line(line.text):
            # (H6 #13: a fact-check's closing "Our rating: False" is not a stray subhead)
            orphans.append(line)
            continue
        # a kept line that is no subhead is running text, with or without a sentence end
        # (Thai writes none): the short lines above it are the story's, not orphans
        seen_text = seen_text or line.sentence_end or not headline_like(line, max_words=15)
        kept.append(line)
    if not kept and orphans:
        # Only this layout rule would empty the body (a page of short lines): the lines stay,
        # as `_restore_if_emptied` would put them back - without first making a removal for
        # each line of a million-line input.
        out.body = list(reversed(orphans))
        out.reasons.add("orphan subhead")
        return
    for line in orphans:
        out.remove(line, "orphan subhead")
    out.body = list(reversed(kept))
