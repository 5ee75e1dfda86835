"""`doc_text`: the doc's text joined once, kept as scratch that `code_doc` clears."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventline.events.doc_text import KEY, doc_text
from eventline.events.document import SCRATCH_KEYS, code_doc


def _doc() -> Doc:
    return Doc(
        Vocab(),
        words=["Talks", "resumed", ".", "\n", "Fine"],
        spaces=[True, False, False, False, False],
        sent_starts=[True, False, False, True, False],
    )


def test_doc_text_equals_doc_text_and_is_kept() -> None:
    doc = _doc()
    assert doc_text(doc) == doc.text == "Talks resumed.\nFine"
    assert doc.user_data[KEY] == doc.text
    doc.user_data[KEY] = "cached"  # read from the cache, not joined again
    assert doc_text(doc) == "cached"


def test_code_doc_clears_the_cached_text() -> None:
    assert KEY in SCRATCH_KEYS
    doc = _doc()
    doc_text(doc)
    code_doc(doc, article_id="a1", published=None)
    assert KEY not in doc.user_data
