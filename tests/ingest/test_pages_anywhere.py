"""Pages from anywhere (issue 9, item 7): legacy encodings, damaged bytes, pages whose story is
not in <p>, and an extractor that gives up are read, not rejected."""

from __future__ import annotations

import pytest

from eventline.errors import DecodeError
from eventline.ingest import html as html_module
from eventline.ingest.decode import declared_encoding, decode
from eventline.ingest.html import extract_html
from eventline.ingest.listing import read_listing

ZH = (
    "港口扩建工程今天正式开工，项目建成后年吞吐能力将提高约四成。当地官员表示，工程将优先使用建材。"
)
JA = "県議会は本会議で、防災関連の事業を中心とする補正予算案を賛成多数で可決した。"
KO = "지난달 수출이 반도체와 자동차 호조에 힘입어 두 달 연속 증가한 것으로 나타났다."


def _page(body: str, *, charset: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [(ZH, "gbk", "gb2312"), (JA, "shift_jis", "Shift_JIS"), (KO, "euc_kr", "euc-kr")],
)
def test_a_page_with_one_cut_character_is_read(text: str, codec: str, label: str) -> None:
    # a headline cut by bytes: its last character loses its second byte before "</a>"
    related = f'<a href="/n/1">{text[:12]}</a>'.encode(codec)
    cut = related.index(b"</a>")
    raw = _page(f"<p>{text * 3}</p>", charset=label).encode(codec)
    damaged = raw.replace(b"</body>", related[: cut - 1] + related[cut:] + b"</body>")
    decoded, _ = decode(damaged, source="p.html")
    assert text * 3 in decoded and text[:11] in decoded
    assert decoded.count("\ufffd") == 1


def test_a_utf8_page_with_one_windows_1252_byte_stays_utf8() -> None:
    raw = _page(f"<p>{ZH}</p><footer>\x96 2025</footer>").encode("utf-8")
    raw = raw.replace("\x96".encode(), b"\x96")
    decoded, encoding = decode(raw, source="p.html")
    assert encoding == "utf-8" and ZH in decoded


def test_an_undeclared_page_with_a_bad_byte_is_read_by_the_detector_in_parts() -> None:
    paragraphs = "".join(f'<p class="p{i}">{ZH}</p>\n' for i in range(12))
    raw = _page(paragraphs).encode("gbk")
    damaged = raw[:-60] + b"\xff" + raw[-60:]
    decoded, encoding = decode(damaged, source="p.html")
    assert ZH in decoded and encoding in {"gb18030", "gbk", "gb2312"}


def test_latin1_declared_is_read_as_windows_1252() -> None:
    raw = _page("<p>l’été « chaud »</p>", charset="iso-8859-1").encode("cp1252")
    decoded, encoding = decode(raw, source="p.html")
    assert encoding == "cp1252" and "l’été" in decoded


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="gb2312">', "gb18030"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "cp932"),
        (b'<?xml version="1.0" encoding="windows-1251"?>', "cp1251"),
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_the_declared_charset_is_read_under_whatwg_labels(head: bytes, codec: str | None) -> None:
    assert declared_encoding(head + b"<html></html>") == codec


def test_binary_is_still_refused() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), source="x.png")


def _related(n: int) -> str:
    links = "".join(
        f'<li><a href="/news/2025/06/0{i}/{i}.html">欧洲央行宣布维持基准利率不变第{i}次</a></li>'
        for i in range(1, n + 1)
    )
    return f"<aside><ul>{links}</ul></aside>"


def test_a_story_in_br_runs_is_no_listing_of_its_related_links() -> None:
    story = "<br><br>".join([ZH, JA, ZH[::-1] + "。"])
    page = _page(f'<h1>港口扩建</h1><div class="content">{story}</div>{_related(6)}')
    assert read_listing(page) is None


def test_a_story_in_div_paragraphs_is_no_listing() -> None:
    story = "".join(f'<div class="txt">{p}</div>' for p in (ZH, JA, ZH))
    assert read_listing(_page(f"<h1>t</h1>{story}{_related(5)}")) is None


def test_cards_with_post_ids_and_a_sticky_mark_are_one_layout() -> None:
    cards = "".join(
        f'<article class="post-{400 + i} post type-post{" sticky" if i == 2 else ""}">'
        f'<h2><a href="https://x.example/2025/06/0{i}/story-number-{i}/">Story number {i} '
        f"about the river talks</a></h2><p>A teaser of the story.</p></article>"
        for i in range(1, 5)
    )
    footer = (
        '<div class="site-info"><p>Use of this site constitutes acceptance of our user '
        "agreement and privacy policy, last updated this year.</p></div>"
    )
    listing = read_listing(_page(cards + footer))
    assert listing is not None and len(listing.items) == 4


def test_comment_counts_do_not_make_news_cards_a_forum() -> None:
    cards = "".join(
        f'<li class="card"><a href="https://x.example/2025/06/0{i}/story-{i}">Harbour story '
        f"number {i} of the week</a> <span>{i * 7} comments</span></li>"
        for i in range(1, 5)
    )
    listing = read_listing(_page(f"<ul>{cards}</ul>"))
    assert listing is not None and listing.refused is None and len(listing.items) == 4


def _raises(*_args: object, **_kwargs: object) -> None:
    raise TypeError("'NoneType' object is not subscriptable")


def test_a_page_trafilatura_fails_on_is_read_from_its_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", _raises)
    text, _ = extract_html(
        _page(f"<article><p>{ZH}</p><p>{ZH}</p></article>"),
        source="p.html",
        max_bytes=1_000_000,
        timeout=10,
    )
    assert ZH in text


def test_a_short_cjk_story_is_kept_apart_from_the_menu() -> None:
    page = _page(
        '<div class="nav"><a href="/">首页</a> | <a href="/a">国内</a> | <a href="/b">国际</a>'
        "</div>"
        f'<h1>港口扩建</h1><div class="content">{ZH}<br><br>{JA}</div>'
    )
    text, _ = extract_html(page, source="p.html", max_bytes=1_000_000, timeout=10)
    assert ZH in text and "首页" not in text
