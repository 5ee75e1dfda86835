"""Actor options resolved with one indexed look-up (`actors_named`) answer exactly what
resolving against every stored actor answers, on both backends."""

from __future__ import annotations

import pytest

from eventline.cli import validate
from eventline.errors import UsageError
from eventline.queries import actors_named
from eventline.store import Store
from tests.store.corpus import build


@pytest.fixture
def filled(store: Store) -> Store:
    corpus = build()
    store.write_document(corpus.document, corpus.articles)
    store.replace_analysis(corpus.records, {})  # type: ignore[arg-type]
    return store


def _answer(resolve: object) -> object:
    try:
        return resolve()  # type: ignore[operator]
    except UsageError as exc:
        return ("error", str(exc))


def test_actors_named_matches_ids_names_and_aliases(filled: Store) -> None:
    assert [a["id"] for a in actors_named(filled, "  LAVROV ")] == ["act_lavrov"]
    assert [a["id"] for a in actors_named(filled, "the united states")] == ["act_usa"]
    assert [a["id"] for a in actors_named(filled, "act_irn")] == ["act_irn"]
    assert actors_named(filled, "Lavro") == []  # whole forms only, as the option reads them


def test_one_lookup_answers_as_reading_every_actor(filled: Store) -> None:
    every = validate.stored_actors(filled)
    forms = {f for a in every for f in (a["id"], a["name"], *a["aliases"])}
    asked = [*forms, *(f.upper() for f in forms), *(f"The {f}" for f in forms),
             "IRN", "iran", "Lavrv", "nobody at all"]  # fmt: skip
    for value in asked:
        fast = _answer(lambda v=value: validate.resolve_actor(filled, "--actor", v))
        slow = _answer(lambda v=value: validate.actor("--actor", v, every))
        assert fast == slow, value
