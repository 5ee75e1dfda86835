"""Extension attributes eventline sets on spaCy objects, registered once on import.

Values kept in `doc.user_data` are plain dicts so that `DocBin` and `nlp.pipe(n_process>1)`
can serialise them; `Span._.actor` turns the stored dict into a `model.ActorRef` on access.

- `Doc._.article`, `Doc._.published`: the article id and publication date (str) of the doc.
- `Doc._.actor_table`: doc-local actors, id -> dict (name, type, country, sector, roles, ...).
- `Span._.actor_ref`: the stored dict behind `Span._.actor`.
- `Span._.actor`: `ActorRef | None` for spans in `doc.spans["actors"]`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from eventline.model import ActorRef

SPAN_KEY = "actors"


def _get_actor(span: Span) -> ActorRef | None:
    data = span._.actor_ref
    return None if data is None else ActorRef(**data)


def _set_actor(span: Span, value: ActorRef | None) -> None:
    span._.actor_ref = None if value is None else value.model_dump()


def register_extensions() -> None:
    """Idempotent: safe to call from every process that unpickles a pipeline."""
    defaults: dict[type[Any], dict[str, Any]] = {
        Doc: {"article": None, "published": None, "actor_table": None},
        Span: {"actor_ref": None},
    }
    for cls, names in defaults.items():
        for name, default in names.items():
            if not cls.has_extension(name):
                cls.set_extension(name, default=default)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_get_actor, setter=_set_actor)


def actor_table(doc: Doc) -> dict[str, dict[str, Any]]:
    """The doc's local actor table, created on first use."""
    table = doc._.actor_table
    if table is None:
        table = {}
        doc._.actor_table = table
    return table


def ref_of(entry: dict[str, Any], *, sector: str | None = None) -> dict[str, Any]:
    """The ActorRef dict for a table entry; `sector` overrides (metonyms act as GOV)."""
    return {
        "id": entry["id"],
        "name": entry["name"],
        "country": entry.get("country"),
        "sector": sector if sector is not None else entry.get("sector"),
        "kb_id": entry.get("kb_person"),
    }


register_extensions()
