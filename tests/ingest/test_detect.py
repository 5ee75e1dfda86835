from __future__ import annotations

import pytest

from eventline.ingest.detect import detect_format

RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>'


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (RSS, "feed.txt", "rss"),
        (ATOM, "feed.html", "atom"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "page.txt", "html"),
        ('{"body": "a"}\n{"body": "b"}\n', "dump.txt", "jsonl"),
        ("Headline\n\nMOSCOW, Jan 17 - Body text.", "story.html", "text"),
        ("{not json at all} and prose after it", "x.jsonl", "text"),
        ("Use <b>bold</b> in a sentence about tags.", "x.txt", "text"),
    ],
)
def test_format_comes_from_content(text: str, name: str, expected: str) -> None:
    assert detect_format(text, name=name) == expected
