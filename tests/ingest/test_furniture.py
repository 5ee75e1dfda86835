"""Widgets marked by class or id are dropped before extraction, in any language."""

from __future__ import annotations

from eventline.ingest.furniture import strip_furniture
from eventline.ingest.html import extract_html

_STORY = "".join(
    f"<p>Tuvo ostas valde otrdien apstiprināja jauno prāmju sarakstu, kas sāks darboties {n}. "
    "martā, pēc vairākiem mēnešiem ilgām salas iedzīvotāju sūdzībām par atceltiem reisiem.</p>"
    for n in range(1, 7)
)


def _page(extra: str) -> str:
    return (
        "<html><head><title>Prāmju saraksts apstiprināts</title></head><body><article>"
        f"<h1>Prāmju saraksts apstiprināts</h1>{_STORY}{extra}</article></body></html>"
    )


def test_a_cookie_notice_and_a_newsletter_form_in_any_language_are_dropped() -> None:
    widgets = (
        '<div class="cookiemsg"><p>Turpinot lietot šo portālu, Jūs piekrītat sīkdatnēm.</p></div>'
        '<div class="subscribe-form"><strong>Piesakies vēstkopai!</strong></div>'
        '<div class="m-articleRegist"><p>会員の方はこちら</p></div>'
    )
    text, _ = extract_html(_page(widgets), source="t.html", max_bytes=10**7, timeout=30)
    assert "sīkdatnēm" not in text and "vēstkopai" not in text and "会員" not in text
    assert "prāmju sarakstu" in text


def test_a_marked_paragraph_or_a_large_marked_wrapper_stays() -> None:
    page = (
        '<html><body><div class="share-wrapper"><p class="paywall">'
        + "A long paragraph of the story itself. " * 12
        + "</p></div></body></html>"
    )
    assert strip_furniture(page) == page
    assert strip_furniture("<html><body><p>No widgets here.</p></body></html>").startswith(
        "<html><body><p>No"
    )


def test_a_reader_comment_section_of_any_size_is_dropped() -> None:
    comments = "".join(
        f'<div class="sf_comment"><span class="date">Hace {n} minutos</span><p>Opinión número {n}'
        " de un lector sobre el nuevo horario de los transbordadores y sus retrasos.</p></div>"
        for n in range(1, 20)
    )
    page = _page(f'<div class="box" id="comment_list">{comments}</div>')
    text, _ = extract_html(page, source="t.html", max_bytes=10**7, timeout=30)
    assert "lector" not in text and "prāmju sarakstu" in text


def test_a_wrapper_marked_comments_that_holds_the_story_stays() -> None:
    page = f'<html><body><div class="has-comments"><h1>Saraksts</h1>{_STORY}</div></body></html>'
    assert strip_furniture(page) == page
