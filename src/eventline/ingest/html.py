"""HTML pages: main text through trafilatura, metadata from the page, JSON-LD kept verbatim.

We hand trafilatura text we decoded ourselves, cap its size and time, and turn its refusal
into a reason instead of an empty article."""

from __future__ import annotations

import datetime as dt
import re
from configparser import ConfigParser
from functools import cache

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.settings import use_config

from eventline.errors import FormatError, TooLargeError
from eventline.ingest.furniture import strip_furniture
from eventline.ingest.limits import TimeLimitExceeded, time_limit
from eventline.ingest.listing import listing_text, read_listing, word_count
from eventline.ingest.pagedate import (
    local_timestamp,
    markup_states,
    markup_timestamp,
    printed_dates,
)
from eventline.ingest.ratings import protect_ratings
from eventline.model import Hints

_JSONLD = re.compile(
    r"<script[^>]+type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S
)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "section", "article", "figcaption", "figure", "pre", "ul", "ol", "table", "header",
}  # fmt: skip


def extract_html(html: str, *, source: str, max_bytes: int, timeout: float) -> tuple[str, Hints]:
    """Return the page's main text (one paragraph a line) and what its metadata says.

    A listing page (see `ingest.listing`) comes back as its items' text with hints of kind
    "listing" carrying the items; a forum index or a page of product cards is refused."""
    if len(html.encode("utf-8", "ignore")) > max_bytes:
        raise TooLargeError(source, f"HTML page over the {max_bytes:,}-byte limit")
    try:
        with time_limit(timeout):
            result = trafilatura.bare_extraction(
                strip_furniture(protect_ratings(html)),
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                config=_config(unspaced=_unspaced(html)),
                date_extraction_params=_MARKUP_DATE | {"max_date": dt.date.today().isoformat()},
            )
    except TimeLimitExceeded as exc:
        raise FormatError(source, f"HTML extraction {exc}") from exc
    except _EXTRACTOR_ERRORS as exc:
        # trafilatura gave up on the page (odd markup, a bug of its own): the page's own
        # <article>/<main>/<body> text is a partial reading, better than a refusal.
        text = _fallback_text(html)
        if not text:
            raise FormatError(source, f"unparseable HTML: {exc}") from exc
        result, failed = None, text
    else:
        failed = ""
    jsonld = tuple(block.strip() for block in _JSONLD.findall(html) if block.strip())
    page = {} if result is None else result if isinstance(result, dict) else result.as_dict()
    text = str(page.get("text") or "").strip() or failed
    day = page.get("date") or None
    printed = printed_dates(html, title=page.get("title") or None)
    # htmldate's reading of date-classed elements (a related story's <span class="time">) is no
    # metadata: the date printed under the headline outranks it, so it drops to `page_date`.
    fallback = None
    if day and printed.published and not markup_states(html, day):
        day, fallback = None, day
    hints = Hints(
        title=page.get("title") or None,
        outlet=page.get("sitename") or None,
        author=page.get("author") or None,
        published=local_timestamp(markup_timestamp(html, day), html) or day,
        printed_date=printed.published,
        printed_updated=printed.updated,
        page_date=fallback or (None if page.get("date") else _fallback_date(html)),
        url=page.get("url") or None,
        section=(page.get("categories") or [None])[0],
        jsonld=jsonld,
    )
    listing = read_listing(html, page_url=hints.url, main_text=text)
    if listing is not None and listing.refused:
        raise FormatError(source, f"not news: {listing.refused}")
    if listing is not None:
        layer, items = listing_text(listing)
        title = listing.topic or hints.title
        return layer, hints.model_copy(update={"kind": "listing", "listing": items, "title": title})
    text = text or _fallback_text(html)
    if not text:
        raise FormatError(source, "no main text in this HTML page (trafilatura nor its fallback)")
    captions = figure_captions(html)
    if captions:
        # trafilatura drops <figcaption>; we append each caption with its credit line so the
        # clean stage sets it apart from the body like any captioned picture in plain text.
        text += "".join(f"\n\n{caption}\n{credit}" for caption, credit in captions)
    return text, hints


# Scripts written without spaces: a character carries what a word of four or five letters does.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u0e00-\u0e7f]"
)
_LETTER = re.compile(r"[^\W\d_]")
_TEXT_NODES = re.compile(r">([^<]+)<")
_TEXT_SAMPLE = 200_000
# trafilatura takes a main text under 250 characters for a failed extraction and falls back
# to the whole page (menus included). A Chinese, Japanese, Korean or Thai story of three
# paragraphs is often shorter than that: for those pages the bar is lower.
_MIN_EXTRACTED_UNSPACED = "80"


def _unspaced(html: str) -> bool:
    """True when most letters of the page's text are of scripts written without spaces
    (Hangul counts too: its words are short)."""
    text = " ".join(_TEXT_NODES.findall(html[:_TEXT_SAMPLE]))
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_UNSPACED.findall(text)) >= 0.5 * letters


@cache
def _config(*, unspaced: bool) -> ConfigParser:
    """trafilatura's settings, with a lower main-text bar for unspaced scripts."""
    config = use_config()
    if unspaced:
        config.set("DEFAULT", "MIN_EXTRACTED_SIZE", _MIN_EXTRACTED_UNSPACED)
    return config


# The publication date trafilatura reads with htmldate: from the page's markup only (meta,
# JSON-LD, <time>, the URL, date-classed elements). A date htmldate's extensive search finds
# in the page's text (any date it prints, a sidebar's newer headline included) is weaker than
# a date line printed under the headline, so it comes as `page_date`, after the text's own.
_MARKUP_DATE = {"original_date": True, "extensive_search": False}

_FALLBACK_DROP = "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//figure"
_FALLBACK_MIN_WORDS = 30  # counted as `word_count` does: a CJK character is half a word
# What trafilatura raises on pages it cannot read (beyond lxml's own parser errors).
_EXTRACTOR_ERRORS = (ValueError, TypeError, AttributeError, IndexError, KeyError, etree.LxmlError)


def _fallback_text(html: str) -> str:
    """The page's <article> (or <main>, or <body>) as text when trafilatura keeps nothing: a
    short page in an unusual layout still holds its story. Too little text is no article."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(_FALLBACK_DROP):
        bad.drop_tree()
    main = (root.xpath("//article") or root.xpath("//main") or root.xpath("//body") or [root])[0]
    text = html_fragment_to_text(lxml.html.tostring(main, encoding="unicode"))
    return text if word_count(text) >= _FALLBACK_MIN_WORDS else ""


def _fallback_date(html: str) -> str | None:
    """When the page's markup states no publication date, htmldate's reading of the page's
    text dates it better than nothing: the earliest plausible date (as trafilatura asked for
    it), else the latest the page prints, modification dates included. The clean stage weighs
    it after a date line printed with the story."""
    for original in (True, False):
        try:
            found = find_date(html, original_date=original, extensive_search=True)
        except (ValueError, TypeError, etree.ParserError):
            return None
        if found:
            return str(found)
    return None


def figure_captions(html: str) -> list[tuple[str, str]]:
    """(caption, credit) for every <figcaption> that carries a credit (class *credit*,
    *copyright* or a "Photo:" line); a caption without one is left to trafilatura."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found = []
    for element in root.iter("figcaption"):
        credit_nodes = element.xpath(
            ".//*[contains(@class, 'credit') or contains(@class, 'copyright')]"
        )
        credit = " ".join(" ".join(n.text_content().split()) for n in credit_nodes)
        for node in credit_nodes:
            node.drop_tree()
        caption = " ".join(element.text_content().split())
        if caption and credit:
            found.append((caption, credit))
    return found


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry), one block a line."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
