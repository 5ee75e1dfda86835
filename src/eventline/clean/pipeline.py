"""Turn one ingested Document into Articles (provisional: one article per item)."""

from __future__ import annotations

from eventline.model import Article, Document, Piece, Rejection


def clean_document(doc: Document) -> tuple[list[Article], list[Rejection]]:
    """Split, clean and date the articles of one document; rejected parts come back with reasons."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for number, item in enumerate(doc.items, start=1):
        text = doc.text[item.start : item.end]
        stripped = text.strip()
        if not stripped:
            rejections.append(Rejection(source_path=doc.source_path, reason="empty", item=number))
            continue
        lead = text.index(stripped)
        articles.append(
            Article(
                id=Article.make_id(doc.id, number),
                document_id=doc.id,
                source_path=doc.source_path,
                item=number,
                title=item.hints.title,
                outlet=item.hints.outlet or doc.hints.outlet,
                author=item.hints.author,
                url=item.hints.url or doc.hints.url,
                body=stripped,
                pieces=(Piece(body_start=0, doc_start=item.start + lead, length=len(stripped)),),
            )
        )
    return articles, rejections
