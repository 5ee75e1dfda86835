"""Keep a fact-check's rating box through trafilatura.

trafilatura prunes every element whose class or id holds "rating" (its boilerplate
vocabulary reads star ratings and "rate this article" widgets as page chrome), so a rating
box such as `<p class="rating">Rating: Mostly False</p>` vanished before the claims stage
could read it. Before extraction we take the class and id off the few elements that carry a
rating or verdict statement: a rating field with a known label ("Rating: Mostly False",
"Our verdict: False") on any page, or a bare scale label ("Mostly False") on a page that is a
fact-check by its markup, title or address. A shop's "4.5 stars" box stays chrome.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from eventline.clean.factcheck import is_rating_label, is_rating_line

_TOKEN = re.compile(r"rating|verdict|ruling", re.I)
_ATTRIBUTE = re.compile(r"""(?:class|id)\s*=\s*["'][^"']*(?:rating|verdict|ruling)""", re.I)
_FACTCHECK_PAGE = re.compile(r"ClaimReview|fact[\s_-]?check", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_CANONICAL = re.compile(r"""<(?:link|meta)[^>]+(?:canonical|og:url)[^>]*>""", re.I)
_MAX_WORDS = 12  # a rating statement is short; a box with a paragraph in it is something else


def protect_ratings(html: str) -> str:
    """The page with its rating/verdict statements unmarked, or the page itself untouched
    when it has none (most pages: then trafilatura reads exactly the bytes it was given)."""
    if _ATTRIBUTE.search(html) is None:
        return html
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    factcheck = _factcheck_page(html)
    changed = False
    for node in root.xpath("//*[@class or @id]"):
        marked = _TOKEN.search(node.get("class", "") + " " + node.get("id", ""))
        if marked and _rating_statement(node.text_content(), factcheck=factcheck):
            for element in node.iter():
                _unmark(element)
            changed = True
    return lxml.html.tostring(root, encoding="unicode") if changed else html


def _factcheck_page(html: str) -> bool:
    """ClaimReview markup, or "fact check" in the title or the page's own address."""
    if "ClaimReview" in html:
        return True
    title = _TITLE.search(html)
    where = (title.group(1) if title else "") + " ".join(_CANONICAL.findall(html))
    return _FACTCHECK_PAGE.search(where) is not None


def _rating_statement(text: str, *, factcheck: bool) -> bool:
    words = " ".join(text.split())
    if not words or len(words.split()) > _MAX_WORDS:
        return False
    return is_rating_line(words) or (factcheck and is_rating_label(words))


def _unmark(element: etree._Element) -> None:
    if not isinstance(element.tag, str):
        return
    for name in ("class", "id"):
        value = element.get(name)
        if value is not None and _TOKEN.search(value):
            del element.attrib[name]
