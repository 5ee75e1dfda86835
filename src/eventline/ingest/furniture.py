"""Drop page furniture that the main-text extractor keeps: cookie notices, newsletter forms,
"save this article" pull-downs, share bars, "report an error" boxes.

trafilatura recognises such widgets by class names in English and by their wording; a
Latvian cookie notice or a Japanese members-only prompt inside the article's container comes
through as text, and the clean stage's line rules (English phrases) cannot remove it either.
The markup says what the widget is in any language: we drop the small elements whose class
or id names a widget (`resources/ingest/furniture.yaml`) before extraction.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import lxml.html
import yaml
from lxml import etree
from pydantic import BaseModel, ConfigDict, ValidationError

from eventline.errors import ResourceError

_PACKAGE = "eventline.resources.ingest"
_SPLIT = re.compile(r"[\s_\-]+")
_CAMEL = re.compile(r"([a-z])([A-Z])")
# A paragraph is the story's even when marked (Condé Nast marks those after its paywall point
# "paywall"); a widget is its container.
_NEVER = frozenset(["html", "body", "main", "article", "p"])
_RUNNING_PARAGRAPH = 200  # characters: a <p> this long is text, not a widget's label
_HOLDS_STORY = ".//h1|.//article|.//main|.//*[@itemprop='articleBody']"


class FurnitureFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    max_chars: int
    comment_tokens: list[str]
    tokens: list[str]


@cache
def _furniture() -> tuple[frozenset[str], frozenset[str], int]:
    """The class/id tokens of widgets and comment sections, and the most text a widget holds."""
    path = f"{_PACKAGE}/furniture.yaml"
    try:
        text = resources.files(_PACKAGE).joinpath("furniture.yaml").read_text(encoding="utf-8")
        data = FurnitureFile.model_validate(yaml.safe_load(text))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ResourceError(path, f"cannot read ingest resource: {exc}") from exc
    comments = frozenset(t.casefold() for t in data.comment_tokens)
    return frozenset(t.casefold() for t in data.tokens), comments, data.max_chars


def _marked(element: etree._Element, tokens: frozenset[str]) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    folded = marks.casefold()
    if not any(t in folded for t in tokens):  # most elements: cheap substring tests only
        return False
    marks = _CAMEL.sub(r"\1 \2", marks).casefold()  # "articleRegist": "article regist"
    return any(t in tokens or t.removesuffix("s") in tokens for t in _SPLIT.split(marks) if t)


def _small(element: etree._Element, max_chars: int) -> bool:
    text = " ".join(" ".join(element.itertext()).split())
    if len(text) > max_chars or element.tag in _NEVER:
        return False
    return not any(
        len(" ".join(p.text_content().split())) >= _RUNNING_PARAGRAPH for p in element.iter("p")
    )


def _comments(element: etree._Element) -> bool:
    """A comment section: whatever its size, as long as the story is not inside it."""
    return element.tag not in _NEVER and not element.xpath(_HOLDS_STORY)


def strip_furniture(html: str) -> str:
    """The page without its small widgets, or the page itself when it marks none (then it is
    handed to the extractor as it came)."""
    tokens, comment_tokens, max_chars = _furniture()
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    doomed = [
        e
        for e in root.xpath("//body//*[@class or @id]")
        if isinstance(e.tag, str)
        and (
            (_marked(e, tokens) and _small(e, max_chars))
            or (_marked(e, comment_tokens) and _comments(e))
        )
    ]
    if not doomed:
        return html
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")
