"""Property tests for the readers: whatever the bytes, reading and cleaning either gives a
Document whose spans stay inside its text, or an InputError with a reason; nothing else
escapes. And the small helpers every message and CSV cell goes through."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventline.clean import clean_document
from eventline.cli import validate
from eventline.cli.common import one_line
from eventline.csvsafe import FORMULA_STARTS, safe_cell
from eventline.errors import InputError, UsageError
from eventline.ingest import InputSource, parse_document
from eventline.ingest.detect import detect_format
from eventline.ingest.reader import printable_path
from eventline.model import Hints
from eventline.settings import Settings

SETTINGS = Settings(db="unused.db", html_timeout=2.0)
QUICK = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Openings that send the reader down each format's path, so random tails exercise them all.
OPENINGS = st.sampled_from(
    ["", "Headline\n\n", "<html><body><p>", "<?xml version='1.0'?><rss version='2.0'>"
     "<channel><item><description>", '<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
     '{"body": "', '{"title": "t", "body": "x"}\n{', "\ufeff", "\u202e\u200b"]
)  # fmt: skip
TEXTS = st.builds(lambda head, tail: head + tail, OPENINGS, st.text(max_size=400))


def read_and_clean(raw: bytes) -> None:
    """The property: an InputError, or a Document and articles whose spans are in range."""
    try:
        doc = parse_document(InputSource("x", None), raw, settings=SETTINGS, hints=Hints())
    except InputError as exc:
        assert exc.reason and exc.source == "x"
        return
    assert doc.text.strip()
    for item in doc.items:
        assert 0 <= item.start <= item.end <= len(doc.text)
    articles, dropped = clean_document(doc)
    for article in articles:
        for piece in article.pieces:
            assert piece.doc_start >= 0 and piece.doc_start + piece.length <= len(doc.text)
            assert piece.body_start >= 0 and piece.body_start + piece.length <= len(article.body)
            body = article.body[piece.body_start : piece.body_start + piece.length]
            assert body == doc.text[piece.doc_start : piece.doc_start + piece.length]
        for cut in (*article.removed, *article.captions):
            assert 0 <= cut.start <= cut.end <= len(doc.text)
    assert all(r.reason for r in dropped)


@QUICK
@given(st.binary(max_size=600))
def test_any_bytes(raw: bytes) -> None:
    read_and_clean(raw)


@QUICK
@given(TEXTS, st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1251"]))
def test_any_text_in_any_encoding(text: str, encoding: str) -> None:
    read_and_clean(text.encode(encoding, "replace"))


@QUICK
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=30))  # fmt: skip
def test_any_json_line(value: object) -> None:
    read_and_clean((json.dumps(value) + "\n" + json.dumps({"body": "Talks went on."})).encode())


@QUICK
@given(st.text(max_size=300), st.text(max_size=20))
def test_detect_format_always_answers(text: str, name: str) -> None:
    assert detect_format(text, name=name) in ("text", "html", "rss", "atom", "jsonl")


@QUICK
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_file_name_is_printable(name: bytes) -> None:
    shown = printable_path(os.fsdecode(name))
    shown.encode("utf-8")  # never raises
    one_line(shown).encode("utf-8")
    assert "\n" not in one_line(shown) and "\r" not in one_line(shown)


@QUICK
@given(st.text())
def test_no_csv_cell_starts_a_formula(text: str) -> None:
    cell = safe_cell(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell in (text, "'" + text)


@QUICK
@given(st.text(max_size=30))
def test_date_option_accepts_only_iso(value: str) -> None:
    try:
        accepted = validate.iso_date("--since", value)
    except UsageError as exc:
        assert "YYYY" in str(exc) and "\n" not in exc.reason
        return
    assert accepted is not None and accepted[:4].isdigit()


@QUICK
@given(st.dates())
def test_every_calendar_date_is_accepted(day: object) -> None:
    text = str(day)
    if len(text) == 10:  # years before 1000 are not YYYY
        assert validate.iso_date("--since", text) == text
        assert validate.iso_date("--since", text[:7]) == text[:7]


def test_read_and_clean_sees_files_too(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nBody text here.\n")
    read_and_clean(path.read_bytes())
