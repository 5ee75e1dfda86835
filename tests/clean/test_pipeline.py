from __future__ import annotations

from eventline.clean import clean_document
from eventline.model import Article, Hints
from tests.clean.helpers import feed_doc, text_doc

STORY = """Port strike ends after nine days
By Ana Ruiz
Dockworkers returned to work on Tuesday after accepting a pay offer.

A crane operator waves from his cab.
Photo: Harbour Pictures
The operators said the first ships would be unloaded by Wednesday evening.
"""


def test_body_pieces_map_back_to_document_text() -> None:
    doc = text_doc(STORY)
    article = clean_document(doc)[0][0]
    assert article.body == (
        "Dockworkers returned to work on Tuesday after accepting a pay offer.\n\n"
        "The operators said the first ships would be unloaded by Wednesday evening."
    )
    for piece in article.pieces:
        assert (
            article.body[piece.body_start : piece.body_start + piece.length]
            == doc.text[piece.doc_start : piece.doc_start + piece.length]
        )
    offset = article.body.index("operators")
    mapped = article.doc_offset(offset)
    assert mapped is not None and doc.text[mapped : mapped + 9] == "operators"
    caption = article.captions[0]
    assert doc.text[caption.start : caption.end] == caption.text
    assert caption.credit == "Photo: Harbour Pictures"


def test_ids_are_stable_and_numbered_per_document() -> None:
    doc = text_doc(STORY)
    first, second = clean_document(doc)[0][0], clean_document(doc)[0][0]
    assert first.id == second.id == Article.make_id(doc.id, 1)


def test_feed_entries_become_articles_with_their_hints() -> None:
    doc = feed_doc(
        [
            (
                "Ferries resume after storm. Operators said crossings restarted at noon.",
                Hints(title="Ferries resume", outlet="Coast Daily", published="2025-01-02"),
            ),
            ("   ", Hints(title="Empty entry")),
            (
                "Council backs tram plan. The vote was 31 to 9 on Monday.",
                Hints(title="Tram plan backed", kind="analysis"),
            ),
        ]
    )
    articles, rejections = clean_document(doc)
    assert [(a.item, a.title, a.kind) for a in articles] == [
        (1, "Ferries resume", "news"),
        (2, "Tram plan backed", "analysis"),
    ]
    assert articles[0].published is not None
    assert articles[0].published.value == "2025-01-02"
    assert articles[0].published.evidence == "metadata"
    assert [(r.item, r.reason) for r in rejections] == [(2, "empty")]


def test_empty_document_is_a_rejection_not_an_error() -> None:
    articles, rejections = clean_document(text_doc("\n\n  \n"))
    assert articles == []
    assert rejections[0].reason == "empty"
