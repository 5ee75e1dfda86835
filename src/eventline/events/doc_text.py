"""The text of a parsed article, computed once per doc.

`Doc.text` joins every token's text and whitespace anew on each access (about 0.75 ms for a
news article), and the quote, attribution, dateline and timex finders each read it several
times per article. `doc_text` keeps the first join in `doc.user_data` under `KEY`, which
`document.code_doc` removes with its other scratch keys before returning, so a coded doc
still serialises as it was parsed. A doc's text never changes after parsing (retokenising
merges or splits tokens but keeps their text), so the cached value cannot go stale.
"""

from __future__ import annotations

from spacy.tokens import Doc

KEY = "eventline_doc_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc."""
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.user_data[KEY] = doc.text
    return text
