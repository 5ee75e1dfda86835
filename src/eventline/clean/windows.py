"""Where whole-text cues are looked for: the opening and the close of an article.

The kind cues (a rating sentence, "Our ruling", a columnist's voice), the publication-date
evidence (dateline, lede weekday, dated events) and an outlet naming itself as interviewer
sit in a story's first and last paragraphs. A body longer than any news story (a book, a
10 MB dump in one JSONL record) was scanned whole by a dozen patterns, which made the clean
stage slow on big inputs for no gain; such a body is read for these cues in a head and a
tail window only, cut at paragraph breaks. Bodies up to `HEAD + TAIL` characters (every
news article we have seen) are read whole, exactly as before.
"""

from __future__ import annotations

HEAD = 60_000
TAIL = 20_000
_GAP = "\n\n"


def edges(body: str) -> str:
    """`body` itself when short; else its head and tail windows joined by a paragraph break."""
    if len(body) <= HEAD + TAIL:
        return body
    head_end = body.rfind(_GAP, 0, HEAD)
    tail_start = body.find(_GAP, len(body) - TAIL)
    head = body[: head_end if head_end > 0 else HEAD]
    tail = body[tail_start + len(_GAP) :] if tail_start >= 0 else body[-TAIL:]
    return head + _GAP + tail
