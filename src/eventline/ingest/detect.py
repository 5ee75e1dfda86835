"""Which format a text is in, judged from its content; the file name is only a tie-breaker."""

from __future__ import annotations

import json
import re

from eventline.model import Format

_FEED_RSS = re.compile(r"<rss[\s>]|<rdf:RDF[\s>]", re.IGNORECASE)
_FEED_ATOM = re.compile(r"<feed[^>]*xmlns=[\"']http://www\.w3\.org/2005/Atom", re.IGNORECASE)
_HTML = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_TAG = re.compile(r"</?(p|div|article|span|a|h[1-6]|section|br)\b", re.IGNORECASE)


def detect_format(text: str, *, name: str = "") -> Format:
    head = text.lstrip()[:4096]
    if head.startswith("<?xml") or head.startswith("<"):
        if _FEED_RSS.search(head):
            return "rss"
        if _FEED_ATOM.search(head) or re.search(r"<feed[\s>]", head, re.IGNORECASE):
            return "atom"
    if _HTML.search(head) or len(_TAG.findall(head)) >= 5:
        return "html"
    if head.startswith("{") and _looks_like_jsonl(text):
        return "jsonl"
    if name.lower().endswith((".html", ".htm")) and "<" in head:
        return "html"
    return "text"


def _looks_like_jsonl(text: str) -> bool:
    """True when the first non-empty lines each parse as a JSON object."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except RecursionError:
            return True  # an object nested too deeply: the JSONL reader names the line
        except json.JSONDecodeError:
            return seen > 0  # a later bad line is reported by the JSONL reader, not hidden here
        seen += 1
        if seen >= 3:
            break
    return seen > 0
