"""Full-text search, one interface on both backends: stemming, phrases, OR and exclusion,
filters by the hit's article, punctuation-safe queries, and an index kept in step with
rewrites."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventline.cli.app import app
from eventline.queries import search
from eventline.store import Store
from eventline.store.search import fts5_query
from tests.store.corpus import build


@pytest.fixture
def filled(store: Store) -> Store:
    corpus = build()
    store.write_document(corpus.document, corpus.articles)
    store.replace_analysis(corpus.records, {})  # type: ignore[arg-type]
    return store


def _hits(store: Store, query: str, **filters: str) -> set[tuple[str, int]]:
    items = {a.id: a.item for a in build().articles}
    return {(h.kind, items[h.article]) for h in search(store, query, **filters)}  # type: ignore[arg-type]


def test_words_are_stemmed_and_all_required(filled: Store) -> None:
    assert ("article", 1) in _hits(filled, "strike condemn")
    assert _hits(filled, "strikes talking") == set()


def test_quotes_and_event_evidence_are_searched(filled: Store) -> None:
    found = _hits(filled, '"keep talking"')
    assert ("quote", 3) in found and ("article", 3) in found
    assert ("evidence", 3) in _hits(filled, "met Iran July")


def test_or_and_exclusion(filled: Store) -> None:
    assert {i for k, i in _hits(filled, "Tehran OR claim") if k == "article"} == {3, 4}
    assert {i for k, i in _hits(filled, "Iran -Lavrov") if k == "article"} == {1, 2, 4}


def test_filters_apply_to_the_hit_article(filled: Store) -> None:
    assert {i for _k, i in _hits(filled, "Iran", outlet="Wire")} == {1, 2}
    assert {i for _k, i in _hits(filled, "Iran", kind="fact-check")} == {4}
    assert {i for _k, i in _hits(filled, "Iran", since="2025-07")} == {3, 4}
    assert {i for _k, i in _hits(filled, "Iran", until="2025-06")} == {1, 2}
    assert {i for _k, i in _hits(filled, "Iran", actor="act_lavrov")} == {3}
    assert {i for _k, i in _hits(filled, "Iran", actor="IRN")} == {3, 4}


def test_punctuation_never_breaks_a_query(filled: Store) -> None:
    for query in ('U.S. "strikes', "cease-fire*", "(", "NOT OR AND", "-", '""'):
        search(filled, query)  # no syntax error on either backend
    assert fts5_query("U.S. cease-fire OR -x") == '"U S" "cease fire" OR NOT "x"'


def test_rewritten_article_drops_its_old_hits(filled: Store) -> None:
    article = build().articles[2].id
    assert ("quote", 3) in _hits(filled, '"keep talking"')
    filled.write_article_analysis(article, "v2", quotes=[])
    assert ("quote", 3) not in _hits(filled, '"keep talking"')


def test_search_command(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(f"sqlite:///{db}") as store:
        corpus = build()
        store.write_document(corpus.document, corpus.articles)
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "search", "strikes", "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 1 and rows[0]["kind"] == "article" and "[strikes]" in rows[0]["snippet"]
    result = runner.invoke(app, ["--db", str(db), "search", "Tehran", "--outlet", "Nobody"])
    assert result.exit_code == 0 and "no match" in result.output


def test_metadata_update_reindexes_the_title(filled: Store) -> None:
    corpus = build()
    renamed = [a.model_copy(update={"title": "Envoys gather in Doha"}) for a in corpus.articles]
    filled.update_metadata(corpus.document, renamed)
    assert {i for k, i in _hits(filled, "Doha envoys") if k == "article"} == {1, 2, 3, 4}
    assert {i for k, i in _hits(filled, "Tehran") if k == "article"} == set()  # old title
    assert {i for k, i in _hits(filled, "Lavrov") if k == "article"} == {3}  # body kept
