"""The dates a news page prints with its story, and the publication time its markup states.

htmldate's wide search reads any date on the page, so on a page without date metadata it often
returns a related story's or a comment's date. The date printed in the story's header (the
line under the headline: "By ..., Posted 03/11/2004", "입력 2023.07.19 06:02 | 수정 ...",
"الثلاثاء ٥ مارس ٢٠٢٤") is the page's own statement of its day, in the outlet's local time. We
read that header only - never related-article lists, comments, asides or navigation - and tell
a "published" date from an "updated" one by the label before it.

The markup's publication timestamp keeps its time and UTC offset, so the clean stage can
convert it to the local day the page prints.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import unescape

import lxml.html
from lxml import etree

from eventline.clean.datecues import parse_timestamp

# Arabic-Indic, Persian and full-width digits read as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９", "0123456789" * 3)
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero ene janvier janv janeiro jänner januar gennaio ocak января январь "
        "يناير كانون_الثاني جانفي",
        "february feb febrero febr février févr fevereiro fev februar febbraio şubat февраля "
        "февраль فبراير شباط فيفري",
        "march mar marzo mars março märz mart марта март مارس آذار اذار",
        "april apr abril avril avr aprile nisan апреля апрель أبريل إبريل ابريل نيسان أفريل",
        "may mayo mai maio maggio mayıs мая май مايو أيار ماي",
        "june jun junio juin junho juni giugno haziran июня июнь يونيو يونيه حزيران جوان",
        "july jul julio juillet juil julho juli luglio temmuz июля июль يوليو يوليه تموز جويلية",
        "august aug agosto août ago augustus august ağustos августа август أغسطس اغسطس آب أوت",
        "september sep sept septiembre septembre setembro set settembre eylül сентября "
        "сентябрь سبتمبر أيلول",
        "october oct octubre octobre outubro out oktober ottobre ekim октября октябрь "
        "أكتوبر اكتوبر تشرين_الأول",
        "november nov noviembre novembre novembro kasım ноября ноябрь نوفمبر تشرين_الثاني",
        "december dec diciembre dic décembre déc dezembro dez dezember dicembre aralık "
        "декабря декабрь ديسمبر كانون_الأول",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name.replace("_", " ")] = _number
_MONTH = "|".join(sorted((re.escape(n) for n in _MONTHS), key=len, reverse=True))
_TIME = r"(?:[\s,|T]*(?:at |um |à |a las )?(?P<H>\d{1,2})[:：h](?P<M>\d{2}))?"
_DATE = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*[-/.年년]\s*(?P<m>\d{1,2})\s*[-/.月월]\s*(?P<d>\d{1,2})(?!\d)\s*[日일号]?"
    + _TIME.replace("P<", "P<a")
    + r"|(?<![\d.])(?P<n1>\d{1,2})(?P<sep>[/.\-])(?P<n2>\d{1,2})(?P=sep)(?P<y2>\d{4})(?!\d)"
    + _TIME.replace("P<", "P<b")
    + r"|(?<!\d)(?P<d3>\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(?P<mon3>"
    + _MONTH
    # "28 آب/اغسطس 2013": the Levantine and the Egyptian name of one month, side by side
    + r")(?:\s*/\s*(?:"
    + _MONTH
    + r"))?\.?,?\s+(?:de\s+|del\s+)?(?P<y3>\d{4})(?!\d)"
    + _TIME.replace("P<", "P<c")
    + r"|\b(?P<mon4>"
    + _MONTH
    + r")\.?\s+(?P<d4>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y4>\d{4})(?!\d)"
    + _TIME.replace("P<", "P<d"),
    re.IGNORECASE,
)
# Labels of a later revision: the date after them is not the publication day.
_UPDATED = re.compile(
    r"updated|modified|edited|revised|actualizad[oa]|actualización|mis à jour|modifié"
    r"|atualizad[oa]|aktualisiert|aggiornat[oa]|güncelle|обновлен|изменен|更新|修改|修正"
    r"|수정|تحديث|تعديل",
    re.IGNORECASE,
)
# A date whose update label follows it with a time only ("November 28, 2013 -- Updated 0203
# GMT"): the page prints the day of its last update, not of its publication.
_UPDATED_AT = re.compile(
    r"\s*[-–—|,:(]*\s*(?:" + _UPDATED.pattern + r")\b[:\s]*(?:at\s+)?\d{1,2}[:.h]?\d{2}\b"
    r"(?!\s*[-/.年]\s*\d)",
    re.IGNORECASE,
)
# Regions that print other stories' or readers' dates, never the story's own.
_FOREIGN = re.compile(
    r"related|relacionad|similar|more|also|comment|cmt|reply|sidebar|side\b|aside|footer"
    r"|nav|menu|share|social|newsletter|widget|popular|trending|recommend|ad[-_]|advert",
    re.IGNORECASE,
)
_FOREIGN_TAGS = {"aside", "nav", "footer", "form", "script", "style", "noscript"}
_SLASHED = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_HEADER_CHARS = 400
_STAMP_CHARS = 110  # a byline with its stamps fits; a deck sentence is longer
_SENTENCE_WORDS = 8  # text read after the headline before the story's body begins
_BODY_PARAGRAPH = 120  # a paragraph this long is the body: the header is over


@dataclass(frozen=True)
class PrintedDates:
    """The header's publication and update stamps, ISO ("2024-03-05" or "2024-03-05T10:21")."""

    published: str | None = None
    updated: str | None = None


def _day_first(text: str, lang: str) -> bool:
    """Order of a numeric date "03/11/2004": a page that prints "26/02" elsewhere is day-first,
    one that prints "02/26" month-first; else US English is month-first, the world day-first."""
    for m in re.finditer(r"(?<![\d.])(\d{1,2})/(\d{1,2})/\d{4}", text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
    lang = lang.casefold()
    return not (lang in {"en", "en-us"} or lang.startswith("en-us"))


def _stamp(m: re.Match[str], day_first: bool) -> str | None:
    """ISO date (with local time when printed) of one `_DATE` match; None if invalid."""
    g = m.groupdict()
    if g["y"]:
        year, month, day, prefix = g["y"], g["m"], g["d"], "a"
    elif g["y2"]:
        first, second = g["n1"], g["n2"]
        dotted = g["sep"] in ".-"  # 05.03.2024 is day-first everywhere it is written
        month, day = (second, first) if day_first or dotted else (first, second)
        year, prefix = g["y2"], "b"
    elif g["y3"]:
        year, month, day, prefix = g["y3"], str(_MONTHS[g["mon3"].casefold()]), g["d3"], "c"
    else:
        year, month, day, prefix = g["y4"], str(_MONTHS[g["mon4"].casefold()]), g["d4"], "d"
    y, mo, d = int(year), int(month), int(day)
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    hour, minute = g[f"{prefix}H"], g[f"{prefix}M"]
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        value += f"T{int(hour):02d}:{minute}"
    return value


def read_printed(text: str, *, day_first: bool) -> PrintedDates:
    """The first publication and update stamps in a header's text; a date whose label (the
    text since the previous date) names an update is the update."""
    text = text.translate(_DIGITS)
    published = updated = None
    last = 0
    for m in _DATE.finditer(text):
        value = _stamp(m, day_first)
        if value is None:
            continue
        if _UPDATED.search(text, last, m.start()) or _UPDATED_AT.match(text, m.end()):
            updated = updated or value
        else:
            published = published or value
        last = m.end()
    return PrintedDates(published, updated)


def _foreign(node: etree._Element, stop: etree._Element | None) -> bool:
    """True inside a region that prints other items' dates (related stories, comments)."""
    while node is not None and node is not stop:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in _FOREIGN_TAGS:
            return True
        marks = f"{node.get('class', '')} {node.get('id', '')}"
        if marks.strip() and _FOREIGN.search(marks):
            return True
        node = node.getparent()
    return False


def _headline(root: etree._Element, title: str | None) -> etree._Element | None:
    """The story's <h1>: the one sharing most characters with the title, else the first."""
    heads = [h for h in root.iter("h1") if len(h.text_content().strip()) >= 4]
    if not heads:
        return None
    if not title:
        return heads[0]
    wanted = set(title)
    return max(heads, key=lambda h: len(wanted & set(h.text_content())))


_SENTENCE_END = re.compile(r"[.!?。！？]\W*$")


def _prose(text: str) -> bool:
    """A deck or standfirst sentence ("The summit on 3 May 2024 ended ..."): its dates are the
    story's events, not the page's stamps, which are short and unpunctuated."""
    text = text.strip()
    return len(text) > _STAMP_CHARS or (
        len(text.split()) >= _SENTENCE_WORDS and bool(_SENTENCE_END.search(text))
    )


def header_text(root: etree._Element, title: str | None) -> str:
    """What the page prints beside its headline: the kicker line before the <h1> in the same
    container and the lines after it, up to the first body paragraph."""
    head = _headline(root, title)
    if head is None:
        return ""
    parts = [
        " ".join(sib.text_content().split())
        for sib in reversed(list(head.itersiblings(preceding=True)))
        if isinstance(sib.tag, str)  # an HTML comment before the headline prints nothing
        and not _foreign(sib, None)
        and not _prose(sib.text_content())
    ]
    size = 0
    for node in head.xpath("following::text()"):
        parent = node.getparent()
        chunk = " ".join(str(node).split())
        if not chunk or parent is None or _foreign(parent, None):
            continue
        if parent.tag == "p" and len(parent.text_content()) >= _BODY_PARAGRAPH:
            break
        size += len(chunk)
        if not _prose(chunk):
            parts.append(chunk)
        if size > _HEADER_CHARS:
            break
    return " | ".join(parts)


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LANG_TAG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_BEFORE_H1, _AFTER_H1 = 1500, 8000  # characters of markup read around the headline


def _header_markup(html: str, title: str | None) -> tuple[str, str] | None:
    """The markup around the story's <h1> (the one sharing most characters with the title) and
    that headline's text: parsing this window, not the whole page, keeps the cost low."""
    heads = [(m, unescape(_TAG.sub("", m.group(1))).strip()) for m in _H1.finditer(html)]
    heads = [(m, text) for m, text in heads if len(text) >= 4]
    if not heads:
        return None
    wanted = set(title or "")
    best, text = max(heads, key=lambda h: len(wanted & set(h[1]))) if title else heads[0]
    start = html.find("<", max(0, best.start() - _BEFORE_H1))
    lang = _LANG_TAG.search(html[:2000])
    opening = f'<html lang="{lang.group(1)}">' if lang else "<html>"
    return f"{opening}<body>{html[start : best.end() + _AFTER_H1]}</body></html>", text


def printed_dates(html: str, *, title: str | None = None) -> PrintedDates:
    """The publication and update dates the story's header prints (see module docstring)."""
    window = _header_markup(html, title)
    if window is None:
        return PrintedDates()
    try:
        root = lxml.html.document_fromstring(window[0])
    except (etree.ParserError, ValueError):
        return PrintedDates()
    text = header_text(root, window[1])
    if not text:
        return PrintedDates()
    if not _SLASHED.search(text.translate(_DIGITS)):  # the day order matters only for "03/11/2004"
        return read_printed(text, day_first=True)
    page_text = " ".join(root.xpath("//body//text()")).translate(_DIGITS)
    return read_printed(text, day_first=_day_first(page_text, root.get("lang") or ""))


_META_PUBLISHED = re.compile(r"published_?time|date_?published|pubdate|publish_?date|issued", re.I)


def markup_timestamp(html: str, day: str | None) -> str | None:
    """The markup's publication timestamp with its time and offset, when it names `day` (the
    date trafilatura chose): "2024-11-29T23:40:00Z" instead of "2024-11-29"."""
    if not day:
        return None
    head = html[: html.find("</head>")] if "</head>" in html else html[:20_000]
    for m in re.finditer(r"<meta\b[^>]*>", head, re.I):
        tag = m.group()
        name = re.search(r"(?:property|name|itemprop)\s*=\s*[\"']([^\"']+)", tag, re.I)
        content = re.search(r"content\s*=\s*[\"']([^\"']+)", tag, re.I)
        if name is None or content is None or not _META_PUBLISHED.search(name.group(1)):
            continue
        value = content.group(1).strip()
        timed = re.search(r"T\d{2}:\d{2}", value) and parse_timestamp(value) is not None
        if value.startswith(day) and timed:
            return value
    return None


def markup_states(html: str, day: str) -> bool:
    """True when `day` (the date trafilatura chose) is stated by machine-readable markup about
    the story: a <meta> or JSON-LD value, a <time datetime> outside related lists and comments,
    or the page's own URL ("/2024/03/05/"). htmldate also reads date-classed elements, and
    those include related stories' and comments' dates."""
    year, month, date = day.split("-")
    head = (
        rf"content\s*=\s*[\"']{day}",
        rf"\"date(?:Published|Created)\"\s*:\s*\"{day}",
        rf"(?:canonical|og:url)[^>]*/{year}/?{month}/?{date}/",
        rf"/{year}/?{month}/?{date}/[^>]*(?:canonical|og:url)",
    )
    if any(re.search(form, html) for form in head):
        return True
    if f'datetime="{day}' not in html and f"datetime='{day}" not in html:
        return False
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return False
    return any(
        (node.get("datetime") or "").startswith(day) and not _foreign(node, None)
        for node in root.iter("time")
    )


# Languages read in one time zone: a UTC stamp on such a page is shown to its readers at this
# offset (hours). Languages spoken across zones (English, Russian, Arabic, Spanish) are absent.
_ZONE_OF_LANGUAGE = {"ja": 9, "ko": 9, "zh": 8, "th": 7, "vi": 7, "tr": 3}
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def local_timestamp(value: str | None, html: str) -> str | None:
    """A UTC stamp ("...Z", "+00:00") moved to the zone the page's language is read in, so its
    date is the local day the outlet's readers saw; any other value as it is."""
    stamp = parse_timestamp(value) if value else None
    if not isinstance(stamp, dt.datetime) or stamp.utcoffset() != dt.timedelta(0):
        return value
    lang = _LANG.search(html[:2000])
    hours = _ZONE_OF_LANGUAGE.get(lang.group(1).casefold()) if lang else None
    if hours is None:
        return value
    return stamp.astimezone(dt.timezone(dt.timedelta(hours=hours))).isoformat()
