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


#: Validated refs by their stored dict's items: the event stage reads `Span._.actor` of every
#: actor span several times a document (each `events.args.ActorIndex`), and a mention's dict
#: holds a few strings, so one frozen `ActorRef` per distinct dict serves them all instead of
#: a pydantic validation per read. Cleared when full; a dict with an unhashable value (none
#: the nlp stage writes) is validated each time.
_REFS: dict[tuple[tuple[str, Any], ...], ActorRef] = {}
_REFS_MAX = 8192


#: `Span._.actor_ref` as registered here: a plain value with default None, kept by spaCy in
#: `doc.user_data` under ("._.", name, start_char, end_char) (`spacy.tokens.underscore`).
_PLAIN = (None, None, None, None)


def stored_ref(span: Span) -> dict[str, Any] | None:
    """`span._.actor_ref`, read where spaCy keeps it without building an `Underscore` (the
    event stage reads it for every actor span several times a document)."""
    if Span.get_extension("actor_ref") != _PLAIN:
        return span._.actor_ref
    user_data: dict[Any, Any] = span.doc.user_data
    data: dict[str, Any] | None = user_data.get(
        ("._.", "actor_ref", span.start_char, span.end_char)
    )
    return data


def _get_actor(span: Span) -> ActorRef | None:
    return actor_of(stored_ref(span))


def actor_of(data: dict[str, Any] | None) -> ActorRef | None:
    """The `ActorRef` for a stored `Span._.actor_ref` dict (one shared frozen ref per
    distinct dict, `_REFS`)."""
    if data is None:
        return None
    key = tuple(data.items())
    try:
        return _REFS[key]
    except KeyError:
        ref = _REFS[key] = ActorRef(**data)
    except TypeError:  # an unhashable value: validate (and fail) as before
        return ActorRef(**data)
    if len(_REFS) > _REFS_MAX:
        _REFS.clear()
    return ref


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
