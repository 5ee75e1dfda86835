"""spaCy component `eventline_actors_v1`: knowledge-base actors and named organisations.

Writes `doc.spans["actors"]` with one span per mention and `span._.actor` set. Labels (the
contract the event coder reads):

    COUNTRY      a country's name ("Russia")                  -> the state
    NORP         a demonym or adjective ("Russian")           -> the state
    METONYM      a capital standing for its state ("Moscow")  -> the state, acting as GOV
    ORG          a known or NER-found organisation or group ("the Kremlin", "IAEA", "Hamas")

The people component (`eventline_people_v1`) then adds PERSON, DESC and INSTITUTION spans, and
GROUP spans for party members and bodies of the document's country (`groups.py`; their ids
begin with "desc:", as the event coder's own descriptors do: they name no one in particular).
Cheap by design: one PhraseMatcher pass and a walk over `doc.ents`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from eventline.model import content_id
from eventline.nlp.actor_kb import body, collector_paused
from eventline.nlp.extensions import SPAN_KEY, actor_table, ref_of
from eventline.nlp.kb import Form, KbActor, KnowledgeBase, load_kb, load_products
from eventline.nlp.names import acronym, org_key

_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG", "FAC"})
_SHADOW_LABELS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
_KIND_LABEL = {"name": "COUNTRY", "adjective": "NORP", "metonym": "METONYM"}
_NOT_MODEL = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def kb_entry(actor: KbActor) -> dict[str, Any]:
    """A KB actor as a doc-table entry (plain dict, serialisable with the doc)."""
    return {
        "id": f"kb:{actor.id}",
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "roles": [],
        "kb": True,
    }


def org_entry(name: str) -> dict[str, Any]:
    key = org_key(name)
    return {
        "id": content_id("act", "organization", key),
        "name": name,
        "type": "organization",
        "country": None,
        "sector": None,
        "roles": [],
        "kb": False,
    }


class ActorMatcher:
    """Finds KB surface forms (case-sensitive) and keeps NER organisations the KB lacks."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        products = load_products()
        self.product_nouns = frozenset(products.nouns)
        self.model_pattern = re.compile(
            rf"^(?:[A-Z]{{1,3}}-?\d{{2,}}|\d{{{products.min_digits},}})[A-Za-z0-9-]*$"
        )
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.role_prefixes = _role_prefixes(kb)
        self.forms: dict[str, Form] = {}
        grouped: dict[str, list[Doc]] = {}
        for form in kb.forms:
            key = f"{form.actor.id}|{form.kind}|{int(form.ambiguous)}"
            self.forms[key] = form
            grouped.setdefault(key, []).append(nlp.make_doc(form.text))
        for key, docs in grouped.items():
            self.matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        table = actor_table(doc)
        found = list(self._kb_spans(doc))
        ents = tuple(doc.ents)  # `doc.ents` builds new spans on every access: read it once
        spans = [s for s in found if self._accept(doc, s, ents)]
        shadowed = [s for s in found if s not in spans]
        out: list[Span] = []
        for span in filter_spans(spans):
            form = self.forms[span.label_]
            if form.actor.type != "country" and self.is_product(
                span.doc, span.start, span.end, known_name=True
            ):
                continue
            entry = kb_entry(form.actor)
            table.setdefault(entry["id"], entry)
            label = _KIND_LABEL[form.kind] if form.actor.type == "country" else "ORG"
            start = span.start
            if form.article and start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
            mention = Span(doc, start, span.end, label=label)
            sector = "GOV" if form.kind == "metonym" else None
            mention._.actor_ref = ref_of(entry, sector=sector)
            out.append(mention)
        out.extend(self._ner_orgs(doc, out, shadowed))
        doc.spans[SPAN_KEY] = out
        return doc

    def _kb_spans(self, doc: Doc) -> Iterable[Span]:
        return self.matcher(doc, as_spans=True)

    def _accept(self, doc: Doc, span: Span, ents: tuple[Span, ...]) -> bool:
        """Ambiguous names need the NER model to call them a place; a country form inside a
        longer named thing ("Air France", "The Moscow Times") is part of that name."""
        form = self.forms[span.label_]
        if form.ambiguous and span[0].ent_type_ not in _PLACE_LABELS:
            return False
        if form.kind == "adjective" and span.start > 0 and doc[span.start - 1].lower_ == "ethnic":
            return False  # "ethnic Albanians in Serbia": a people, not the state
        if form.kind == "adjective" and _stance_prefix(doc, span.start):
            return False  # "pro-Palestinian students": whom they back, not their country
        if form.kind == "adjective" and _region_prefix(doc, span.start):
            return False  # "Latin American leaders", "Anglo-American": a region, not a state
        if _currency_prefix(doc, span):
            return False  # "US$ 2.6 billion", "HK $5": a currency, not the state
        if form.actor.type == "country":
            for ent in ents:
                if ent.label_ in _SHADOW_LABELS and ent.start <= span.start and span.end <= ent.end:
                    return len(ent) == len(span) or self._before_title(span, ent)
        return True

    def _before_title(self, span: Span, ent: Span) -> bool:
        """ "British Defence" (NER: ORG) before "Secretary Tom King": the rest of the entity
        begins a role title or institution, so the adjective is the country's, not part of a
        name; "Indian National Congress" stays one name."""
        doc = span.doc
        first = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
        return span.start == first and doc[span.end : ent.end].text.lower() in self.role_prefixes

    def _ner_orgs(self, doc: Doc, taken: list[Span], shadowed: list[Span]) -> list[Span]:
        """NER organisations not in the KB, with "Full Name (FN)" acronyms kept together; one
        named after a place ("The Moscow Times") is given that place's country."""
        covered = {i for s in taken for i in range(s.start, s.end)}
        table = actor_table(doc)
        by_acronym: dict[str, dict[str, Any]] = {}
        out: list[Span] = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            span = _trim(ent)
            if span is None or self.is_product(doc, span.start, span.end):
                continue
            if self._title_start(span):
                continue  # "Supreme" (NER: ORG) before "Leader": a title's first word
            entry = by_acronym.get(span.text) or org_entry(span.text)
            entry = table.setdefault(entry["id"], entry)
            inner = [s for s in shadowed if span.start <= s.start and s.end <= span.end]
            known = body(span.text) if entry["country"] is None and not entry["sector"] else None
            if known is not None:  # the generated KB: CAMEO bodies, armed groups, parties
                entry["country"], entry["sector"] = known.country, known.sector
            elif inner and entry["country"] is None:
                entry["country"] = self.forms[inner[0].label_].actor.country
            letters = acronym(span.text)
            if letters:
                by_acronym.setdefault(letters, entry)
            mention = Span(doc, span.start, span.end, label="ORG")
            mention._.actor_ref = ref_of(entry)
            out.append(mention)
        return out

    def _title_start(self, span: Span) -> bool:
        """The NER cut a title after its first words ("Supreme" | "Leader Ali Khamenei"):
        the span and the next word begin a title or institution form, and no KB body is
        named so."""
        doc = span.doc
        if span.end >= len(doc) or not doc[span.end].is_title:
            return False
        words = f"{span.text.lower()} {doc[span.end].lower_}"
        return words in self.role_prefixes and body(span.text) is None

    def is_product(self, doc: Doc, start: int, end: int, *, known_name: bool = False) -> bool:
        """A maker's name used for its product: "Boeing 787", "Airbus A380 jets", "Apple TV".
        Such a span names no actor; "NATO 32 members" or "Gazprom 2023 profits" still do. A
        knowledge-base name ending in such a word ("Human Rights Watch") is the name itself."""
        last = doc[end - 1]
        if not known_name and end - start > 1 and last.text in self.product_nouns:
            return True
        if end >= len(doc):
            return False
        after = doc[end]
        return after.text in self.product_nouns or self._model_number(after)

    def _model_number(self, token: Token) -> bool:
        """787, A380, F-35, 737-800: a product designation, not a year, count or "COVID-19"."""
        text, doc = token.text, token.doc
        if token.ent_type_ in _NOT_MODEL or not any(c.isdigit() for c in text):
            return False
        if token.ent_type_ == "PRODUCT":
            return True
        if text.endswith("00") and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "NNS":
            return False  # "Toyota 500 workers": a round count of people or things
        return self.model_pattern.match(text) is not None


def _role_prefixes(kb: KnowledgeBase) -> frozenset[str]:
    """Every word-wise beginning of a title or institution form ("defence", "defence
    secretary")."""
    if kb.roles is None:
        return frozenset()
    forms = [f for t in kb.roles.titles for f in t.forms]
    forms += [f for i in kb.roles.institutions for f in i.forms]
    out: set[str] = set()
    for form in forms:
        words = form.lower().split()
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(out)


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    if ent.doc[start].lower_ == "the":
        start += 1
    if end > start and ent.doc[end - 1].text in ("'s", "’s", "'"):
        end -= 1
    return ent.doc[start:end] if end > start else None


@Language.factory(
    "eventline_actors_v1",
    default_config={"kb_files": []},
    requires=["doc.ents", "token.ent_type"],
    assigns=["doc.spans", "span._.actor", "doc._.actor_table"],
)
def make_actor_matcher(nlp: Language, name: str, kb_files: list[str]) -> ActorMatcher:
    """Registry entry: `nlp.add_pipe("eventline_actors_v1", config={"kb_files": [...]})`."""
    with collector_paused():  # the KB's many small objects, no cycles (see actor_kb)
        return ActorMatcher(nlp, load_kb([Path(p) for p in kb_files]))


_STANCES = frozenset({"pro", "anti"})
_HYPHENS = frozenset({"-", "‐", "–"})


def _stance_prefix(doc: Doc, start: int) -> bool:
    """ "Pro-Russian", "anti-American" (one token or "pro" "-" "Russian"): a stance towards a
    state, not the state itself nor its people."""
    if start >= 2 and doc[start - 1].text in _HYPHENS and doc[start - 2].lower_ in _STANCES:
        return not doc[start - 1].whitespace_
    return start >= 1 and doc[start - 1].lower_ in ("pro-", "anti-")


#: Words that make a demonym a region's or a people's: "Latin American", "Anglo-American",
#: "Pan-African", "Afro-Cuban" name no state ("South African", "North Korean" are KB forms).
_REGION_PREFIXES = frozenset({"latin", "anglo", "pan", "afro", "euro", "ibero", "meso"})


def _region_prefix(doc: Doc, start: int) -> bool:
    """ "Latin American" (two words), "Anglo-American" (one token or "Anglo" "-" "American")."""
    if start >= 1 and doc[start - 1].lower_ in _REGION_PREFIXES:
        return True
    if start >= 1 and doc[start - 1].lower_.rstrip("-‐–") in _REGION_PREFIXES:
        return doc[start - 1].lower_[-1:] in _HYPHENS
    if start >= 2 and doc[start - 1].text in _HYPHENS and doc[start - 2].lower_ in _REGION_PREFIXES:
        return not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_
    return False


_CURRENCY_SIGNS = frozenset("$€£¥")


def _currency_prefix(doc: Doc, span: Span) -> bool:
    """A country form directly before a currency sign and an amount names the currency ("US$",
    "US $2.63 billion", "A$ 40"): money is no party to an event."""
    sign, amount = span.end, span.end + 1
    return (
        amount < len(doc)
        and doc[sign].text in _CURRENCY_SIGNS
        and (doc[amount].like_num or doc[amount].is_digit)
    )
