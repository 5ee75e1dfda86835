"""When trafilatura keeps nothing, the page's own article text is the better reading; a page
with too little text is still refused with its reason (issue 9, item 7)."""

from __future__ import annotations

import pytest

from eventline.errors import FormatError
from eventline.ingest import html as html_module
from eventline.ingest.html import extract_html

STORY = " ".join(
    ["Dock workers voted on Tuesday to accept a new contract and end the nine-day strike."] * 3
)


def _nothing(*_args: object, **_kwargs: object) -> None:
    return None


def test_article_text_is_kept_when_trafilatura_finds_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", _nothing)
    page = f"<html><body><nav>Home World</nav><article><p>{STORY}</p></article></body></html>"
    text, _ = extract_html(page, source="p.html", max_bytes=1_000_000, timeout=10)
    assert text == STORY


def test_a_page_with_too_little_text_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", _nothing)
    with pytest.raises(FormatError, match="no main text"):
        extract_html("<html><body><p>Subscribe</p></body></html>", source="p.html",
                     max_bytes=1_000_000, timeout=10)  # fmt: skip


def test_a_page_date_comes_from_htmldate_when_the_metadata_has_none() -> None:
    page = (
        f"<html><body><article><h1>Strike ends</h1><p>2025年6月24日 10:15</p><p>{STORY}</p>"
        "</article></body></html>"
    )
    _, hints = extract_html(page, source="p.html", max_bytes=1_000_000, timeout=10)
    assert (hints.published, hints.page_date) in ((None, "2025-06-24"), ("2025-06-24", None))
