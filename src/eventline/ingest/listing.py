"""Listing pages: a news section front, topic hub, tag or search page, read as its items.

A listing is a run of cards that share one layout, each with one headline link and perhaps a
teaser, a date and an outlet; an article page has a body of running paragraphs that outweighs
the links around it ("Related", "Most read"). Cards are found from the links: climbing from a
headline link, a card is the largest ancestor holding no other headline link, and cards of the
same tag and class form a group. A group of forum threads (reply and view counts, "started
by") or of product cards (prices, "add to cart") is not news: `read_listing` says so instead
of splitting it into junk items; a comment count ("12 comments") is on news cards too and
says nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from copy import deepcopy
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import lxml.html
from lxml import etree

from eventline.ingest.checks import safe_url
from eventline.model import ListingItem

_CHROME = "//script|//style|//noscript|//nav|//footer|//form|//select|//template"
_MIN_CARDS = 3
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_MIN_TITLE_WORDS = 3
_ARTICLE_BODY_WORDS = 150  # running text outside cards beyond which the page is an article
_FULL_PARAGRAPH_WORDS = 15
_FULL_PARAGRAPHS = 3
# Full paragraphs make a page an article only when its running text is not dwarfed by its
# cards: a section front prints a lead teaser or two and a horoscope beside hundreds of cards.
_FULL_SHARE = 0.25
_INLINE_WORDS_BEFORE = 3
_ARTICLE_LINK_SHARE = 0.5  # a group of cards whose links lead to articles less often is no news
# A line of menu entries ("Home | Video | World | ...") or a copyright notice is page chrome,
# however many words it has.
_MENU_SEPARATORS = re.compile(r"\s[|•·]\s")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)|all rights reserved", re.IGNORECASE)
_SENTENCE_WORDS = 8
_SENTENCE_END = re.compile(r"""[.!?。！？؟।]["'”’)」』]*$""")
_FORUM = re.compile(
    r"\b\d[\d,.]*\s*(?:repl(?:y|ies)|views?|posts?|answers?)\b|\bstarted by\b"
    r"|\blast post\b|\bthread starter\b|回复|ответ",
    re.IGNORECASE,
)
_SHOP = re.compile(
    r"(?:[$€£¥₹]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:USD|EUR|GBP|руб|元)\b)"
    r"|\badd to (?:cart|basket|bag)\b|\bin stock\b|\bbuy now\b",
    re.IGNORECASE,
)
_NOT_ARTICLE_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|search|page|author|authors|archive)"
    r"(?:/|$|\?)|[?&](?:q|query|page|s)=",
    re.IGNORECASE,
)
_DATE_TEXT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b"
    r"|\b(?:\d+|an?)\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b",
    re.IGNORECASE,
)
# Elements that start and end a block of text (a paragraph) in a browser.
_BREAKS = {
    "p", "div", "li", "td", "th", "tr", "table", "section", "article", "main", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dd", "dt", "header", "figure", "pre",
}  # fmt: skip
# Class tokens that tell cards of one layout apart without changing the layout: a post id
# ("post-1234"), a position ("first", "odd"), a state ("active").
_CHROME_MARKS = re.compile(
    r"foot|copyright|site-?info|legal|cookie|consent|about|widget|sidebar|newsletter|subscribe",
    re.IGNORECASE,
)
_NEVER_CHROME = {"html", "body", "main", "article", "h1"}
_CARD_MARKS = frozenset(
    ["sticky", "first", "last", "odd", "even", "active", "current", "selected", "new", "hot"]
)
_OUTLET_CLASS = re.compile(r"source|outlet|publisher|site-?name|provider|brand", re.IGNORECASE)


@dataclass(frozen=True)
class Listing:
    """What `read_listing` found: the items of a news listing, or the reason the page's
    repeated cards are not news (`refused`, with no items)."""

    items: tuple[ListingItem, ...] = ()
    topic: str | None = None
    refused: str | None = None


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
_WORD = re.compile(r"[^\W\d_]+")


def word_count(text: str) -> int:
    """Words, counting scripts written without spaces at two characters a word."""
    unspaced = len(_UNSPACED.findall(text))
    return len(_WORD.findall(_UNSPACED.sub(" ", text))) + (unspaced + 1) // 2


def _text(element: etree._Element) -> str:
    """Text of an element, its parts joined by spaces (cells and spans do not run together);
    a comment or processing instruction has none."""
    if not isinstance(element.tag, str):
        return ""
    return " ".join(" ".join(element.itertext()).split())


def _headline_links(root: etree._Element) -> list[etree._Element]:
    """Links whose text reads like a headline; of several links to one address (a headline and
    its "read more"), the one in a heading, else the one with the longest text."""
    best: dict[str, etree._Element] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        usable = href and not href.startswith(("#", "javascript:", "mailto:"))
        if not usable or word_count(_text(a)) < _MIN_TITLE_WORDS or _inline(a):
            continue
        if href not in best or _rank(a) > _rank(best[href]):
            best[href] = a
    chosen = {id(a) for a in best.values()}
    return [a for a in root.iter("a") if id(a) in chosen]


def _inline(link: etree._Element) -> bool:
    """A link inside a sentence of running text ("... the report, published in <a>a journal
    of climate</a>, says ..."): words of its paragraph come before it. A story's paragraphs
    share one layout and each may hold such a link; they are no cards. A card's headline
    starts its block, or stands in a heading of its own."""
    paragraph = next((e for e in link.iterancestors() if e.tag == "p"), None)
    if paragraph is None:
        return False
    text, own = _text(paragraph), _text(link)
    at = text.find(own)
    return at > 0 and word_count(text[:at]) >= _INLINE_WORDS_BEFORE


def _rank(link: etree._Element) -> tuple[bool, int]:
    in_heading = any(str(e.tag) in _HEADINGS for e in link.iterancestors())
    return in_heading, len(_text(link))


def _card(link: etree._Element, headline: set[etree._Element]) -> etree._Element:
    """The largest ancestor of `link` that holds no other headline link."""
    card = link
    parent = link.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        if any(a in headline and a is not link for a in parent.iter("a")):
            break
        card, parent = parent, parent.getparent()
    return card


Pair = tuple[etree._Element, etree._Element]  # (card, its headline link)


def _layout(classes: str) -> str:
    """A card's layout: the first class token that is not particular to one card. WordPress
    writes "post-1234 post type-post ... sticky", a theme "card first" and "card last": the
    cards of one layout share "post" or "card" whatever follows."""
    kept = [
        t
        for t in classes.split()
        if not any(c.isdigit() for c in t) and t.lower() not in _CARD_MARKS
    ]
    return kept[0] if kept else ""


def _cards(root: etree._Element) -> list[Pair]:
    """Cards of every layout that repeats at least `_MIN_CARDS` times, in page order."""
    links = _headline_links(root)
    headline = set(links)
    groups: dict[tuple[str, str], list[Pair]] = defaultdict(list)
    for link in links:
        card = _card(link, headline)
        groups[(str(card.tag), _layout(card.get("class") or ""))].append((card, link))
    kept = [pair for group in groups.values() if len(group) >= _MIN_CARDS for pair in group]
    order = {id(a): i for i, a in enumerate(links)}
    return sorted(kept, key=lambda pair: order[id(pair[1])])


def _extents(cards: list[etree._Element]) -> list[list[etree._Element]]:
    """Each card with the siblings after it up to the next card: in a flat layout
    (<h2><a/></h2><p>teaser</p><h2>…) the teaser and date follow the headline's element."""
    held = set(cards)
    out = []
    for card in cards:
        extent = [card]
        sibling = card.getnext()
        while sibling is not None and sibling not in held:
            if any(e in held for e in sibling.iter()):
                break
            if isinstance(sibling.tag, str):  # an HTML comment between cards is no part
                extent.append(sibling)
            sibling = sibling.getnext()
        out.append(extent)
    return out


def _joined(extent: list[etree._Element]) -> etree._Element:
    """One element holding copies of a card's extent, for reading its text, date and outlet."""
    if len(extent) == 1:
        return extent[0]
    box = lxml.html.Element("div")
    for element in extent:
        copy = deepcopy(element)
        copy.tail = None
        box.append(copy)
    return box


def _running_blocks(root: etree._Element, held: set[etree._Element]) -> list[str]:
    """Each run of text outside the cards and outside links: a paragraph, whether it is a
    <p>, a <div> of its own or text between <br> breaks (older and East Asian pages)."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    def walk(element: etree._Element) -> None:
        if element in held or not isinstance(element.tag, str):
            return
        tag = element.tag.lower()
        if tag in _BREAKS:
            flush()
        if element.text and tag != "a":
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                if isinstance(child.tag, str) and child.tag.lower() == "br":
                    flush()
                current.append(child.tail)
        if tag in _BREAKS:
            flush()

    walk(root)
    flush()
    return blocks


def _chrome_text(root: etree._Element, held: set[etree._Element]) -> str:
    """The text of the page's footer, legal notice, "About us" box, cookie banner and widgets
    (by class or id): full sentences that are no article's running text. A wrapper marked so
    (<body class="has-sidebar">) that holds a card, a headline or the story is not chrome."""
    parts = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in _NEVER_CHROME:
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _CHROME_MARKS.search(marks):
            continue
        inner = list(element.iter())
        if any(e in held or e.tag in _NEVER_CHROME for e in inner[1:]) or element in held:
            continue
        parts.append(_text(element))
    return " ".join(parts)


def _full(text: str) -> bool:
    """A paragraph of running text: long, or a shorter one that ends like a sentence (a
    headline does not; a Chinese sentence of 20 characters does)."""
    words = word_count(text)
    return words >= _FULL_PARAGRAPH_WORDS or (
        words >= _SENTENCE_WORDS and _SENTENCE_END.search(text) is not None
    )


def _is_article(root: etree._Element, cards: list[etree._Element], main_text: str = "") -> bool:
    """Running paragraphs outside the cards make the page an article with links around it:
    more words than the cards hold (or than a short story), three or more full paragraphs,
    or a page that calls itself an article (og:type) and has some running text.

    The paragraphs are those of the extractor's main text that no card holds, when it has
    one: it has already set menus, footers and cookie notices aside, which a walk over the
    page would count as running text. Without it, every run of text outside the cards."""
    held = set(cards)  # the cards stay referenced, so their lxml proxies are stable
    if main_text.strip():
        # compared without whitespace: a card's text joins its inline parts with spaces
        # ("<b>bold</b>," gives "bold ,"), the extractor's does not
        blob = "".join("".join(_text(c) for c in cards).split())
        lines = (" ".join(line.split()) for line in main_text.splitlines())
        blocks = [
            line for line in lines if line and "".join(line.lstrip("-*•| ").split()) not in blob
        ]
    else:
        body = root.find("body")
        blocks = _running_blocks(body if body is not None else root, held)
    chrome = _chrome_text(root, held)
    blocks = [b for b in blocks if b not in chrome and not _menu_or_notice(b)]
    running = sum(word_count(b) for b in blocks)
    card_words = sum(word_count(_text(c)) for c in cards)
    full = sum(_full(b) for b in blocks)
    declared = root.xpath("//meta[@property='og:type']/@content")
    says_article = bool(declared) and str(declared[0]).strip().lower() == "article"
    return (
        running > max(_ARTICLE_BODY_WORDS, card_words)
        or (full >= _FULL_PARAGRAPHS and running >= _FULL_SHARE * card_words)
        or (says_article and running >= _FULL_PARAGRAPH_WORDS * 2)
    )


def _menu_or_notice(block: str) -> bool:
    return len(_MENU_SEPARATORS.findall(block)) >= 3 or _COPYRIGHT.search(block) is not None


def _share(cards: list[etree._Element], pattern: re.Pattern[str]) -> float:
    return sum(bool(pattern.search(_text(c))) for c in cards) / len(cards)


def _date(card: etree._Element) -> str | None:
    for time in card.iter("time"):
        value = time.get("datetime") or _text(time)
        if value:
            return value.strip()
    found = _DATE_TEXT.search(_text(card))
    return found.group(0) if found else None


def _outlet(card: etree._Element, title: str) -> str | None:
    for element in card.iter():
        if not isinstance(element.tag, str) or _text(element) == title:
            continue
        if _OUTLET_CLASS.search(element.get("class") or ""):
            text = _text(element)
            if 0 < len(text) <= 60:
                return text
    return None


def _teaser(card: etree._Element, title: str, date: str | None, outlet: str | None) -> str | None:
    paragraphs = [_text(p) for p in card.iter("p")]
    candidates = [t for t in paragraphs if t and t != title and t != outlet and t != date]
    if candidates:
        return max(candidates, key=len)
    rest = _text(card).replace(title, " ")
    for part in (date, outlet):
        if part:
            rest = rest.replace(part, " ")
    rest = " ".join(rest.split())
    return rest if word_count(rest) >= 6 else None


def links_to_article(url: str | None, page_url: str | None) -> bool:
    """A link that looks like one article (not a tag, section, search or the page itself)."""
    if not url:
        return False
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https", "") or _NOT_ARTICLE_PATH.search(url):
        return False
    if page_url and url.rstrip("/") == page_url.rstrip("/"):
        return False
    segments = [s for s in parsed.path.split("/") if s]
    slug = segments[-1] if segments else ""
    deep = len(segments) >= 2 or slug.count("-") >= 2 or any(c.isdigit() for c in slug)
    return bool(segments) and deep


def _document_title(root: etree._Element) -> str | None:
    """The page's <title> (or og:title): on a front page whose only <h1> is the lead story's
    headline, the extractor takes that headline for the page's title."""
    for value in root.xpath("//head/title/text()|//meta[@property='og:title']/@content"):
        text = " ".join(str(value).split())
        if text:
            return text
    return None


def _topic(root: etree._Element) -> str | None:
    """The page's own heading: an <h1> that is no story's headline link."""
    for heading in root.iter("h1"):
        if heading.find(".//a[@href]") is not None:
            continue
        text = _text(heading)
        if text:
            return text
    return None


def read_listing(html: str, *, page_url: str | None = None, main_text: str = "") -> Listing | None:
    """The page as a listing, or None when it is not one (an article, or too few cards).
    `main_text` is the extractor's reading of the page, one paragraph a line."""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for bad in root.xpath(_CHROME):
        bad.drop_tree()
    pairs = _cards(root)
    if len(pairs) < _MIN_CARDS:
        return None
    cards = _extents([card for card, _ in pairs])
    if _is_article(root, [e for extent in cards for e in extent], main_text):
        return None
    cards = [_joined(extent) for extent in cards]
    if _share(cards, _FORUM) >= 0.5:
        return Listing(refused=f"a forum index ({len(cards)} threads)")
    if _share(cards, _SHOP) >= 0.5:
        return Listing(refused=f"a page of product cards ({len(cards)} products)")
    items = []
    for card, (_, link) in zip(cards, pairs, strict=True):
        title = _text(link)
        url = urljoin(page_url or "", link.get("href") or "") or None
        url = url if url is None or safe_url(url) else None  # "javascript:void(0)" cards
        date, outlet = _date(card), _outlet(card, title)
        items.append(
            ListingItem(
                title=title,
                teaser=_teaser(card, title, date, outlet),
                url=url,
                published=date,
                outlet=outlet,
                fetch=links_to_article(url, page_url),
            )
        )
    topic = _topic(root) or _document_title(root)
    return Listing(items=_without_link_groups(items, pairs), topic=topic)


def _without_link_groups(items: list[ListingItem], pairs: list[Pair]) -> tuple[ListingItem, ...]:
    """The items less the groups (cards of one layout) whose links mostly lead to no article:
    a footer's "Terms of service" and "Advertise with us", a row of trending searches. The
    listing keeps them when nothing else would remain."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (card, _) in enumerate(pairs):
        groups[(str(card.tag), _layout(card.get("class") or ""))].append(index)
    dropped = {
        i
        for members in groups.values()
        if sum(items[i].fetch for i in members) < _ARTICLE_LINK_SHARE * len(members)
        for i in members
    }
    kept = tuple(item for i, item in enumerate(items) if i not in dropped)
    return kept if len(kept) >= _MIN_CARDS else tuple(items)


def listing_text(listing: Listing) -> tuple[str, tuple[ListingItem, ...]]:
    """The text layer of a listing (each item's headline and teaser, items apart by a blank
    line) and the items with their spans in it."""
    parts: list[str] = []
    placed: list[ListingItem] = []
    pos = 0
    for item in listing.items:
        block = item.title + (f"\n{item.teaser}" if item.teaser else "")
        if parts:
            pos += 2
        placed.append(item.model_copy(update={"start": pos, "end": pos + len(block)}))
        parts.append(block)
        pos += len(block)
    return "\n\n".join(parts), tuple(placed)
