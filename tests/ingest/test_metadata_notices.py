"""A metadata value that is no date, or a URL that is no web address (javascript:, data:),
is dropped with a warning naming file, line and value; the record itself is stored (issue
12 leftovers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventline.ingest import InputSource, parse_document
from eventline.ingest.checks import safe_url
from eventline.model import Document, Hints
from eventline.settings import Settings
from tests.hostile.helpers import cli

_BODY = "Dock workers voted on Tuesday to accept a new contract and end the strike at the port."


def _jsonl(*published: str | None) -> bytes:
    rows = [{"title": f"Story {n}", "body": _BODY, "published": p} for n, p in enumerate(published)]
    return "\n".join(json.dumps(row) for row in rows).encode()


def _parse(raw: bytes, name: str = "in.jsonl", hints: Hints | None = None) -> Document:
    return parse_document(InputSource(name, None), raw, settings=Settings(), hints=hints or Hints())


def test_a_published_that_is_no_date_is_dropped_and_named() -> None:
    doc = _parse(_jsonl("2025-03-01", "banana", "2025-02-30"))
    assert [item.hints.published for item in doc.items] == ["2025-03-01", None, None]
    assert [(n.where, n.field, n.value) for n in doc.notices] == [
        ("line 2", "published", "banana"),
        ("line 3", "published", "2025-02-30"),
    ]
    assert all(n.source_path == "in.jsonl" for n in doc.notices)


def test_valid_dates_give_no_notice() -> None:
    doc = _parse(_jsonl("2025-03-01", "2025-03-01T10:00:00Z", "Sat, 01 Mar 2025 10:00:00 GMT"))
    assert doc.notices == ()


def test_the_flag_fills_a_dropped_date() -> None:
    doc = _parse(_jsonl("banana"), hints=Hints(published="2025-03-02"))
    assert doc.items[0].hints.published == "2025-03-02"


def test_a_feed_date_that_cannot_be_read_is_named_by_entry() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
        f"<item><title>A</title><pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate>"
        f"<description>{_BODY}</description></item>"
        f"<item><title>B</title><pubDate>banana</pubDate><description>{_BODY}</description></item>"
        "</channel></rss>"
    ).encode()
    doc = _parse(feed, name="in.rss")
    assert [item.hints.published for item in doc.items] == ["2025-03-01", None]
    assert [(n.where, n.field, n.value) for n in doc.notices] == [
        ("entry 2", "published", "banana")
    ]


def test_ingest_warns_but_stores(tmp_path: Path) -> None:
    source = tmp_path / "dump.jsonl"
    source.write_bytes(_jsonl("banana", "2025-03-01"))
    run = cli(tmp_path / "t.db", "ingest", str(source))
    assert run.code == 0, run.err
    warning = next(line for line in run.err.splitlines() if line.startswith("warning"))
    assert "dump.jsonl" in warning and "line 1" in warning and "'banana'" in warning
    assert "2 articles" in run.err


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)",
     "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd"],
)  # fmt: skip
def test_a_script_or_data_url_is_refused(url: str) -> None:
    assert not safe_url(url)
    row = {"title": "A", "url": url, "body": _BODY}
    doc = _parse(json.dumps(row).encode())
    assert doc.items[0].hints.url is None
    assert [(n.where, n.field) for n in doc.notices] == [("line 1", "url")]


@pytest.mark.parametrize(
    "url", ["https://news.example/a", "http://news.example/a", "ftp://files.example/a", "/a/b"]
)
def test_web_addresses_are_kept(url: str) -> None:
    assert safe_url(url)
    doc = _parse(json.dumps({"title": "A", "url": url, "body": _BODY}).encode())
    assert doc.items[0].hints.url == url and doc.notices == ()


def test_a_script_url_flag_is_dropped_too() -> None:
    doc = _parse(b"Dock workers voted on Tuesday.\n", name="a.txt",
                 hints=Hints(url="javascript:alert(1)"))  # fmt: skip
    assert doc.hints.url is None
    assert [(n.where, n.field) for n in doc.notices] == [("command-line flags", "url")]
