"""Actors named by description, not by name: "Kenyan farmers", "a Brazilian judge", "the
Pentagon", "police in Lagos", "Hamas fighters".

`descriptor_actor(span)` maps a noun phrase to (country, sector), for the event coder to code
actors that have no name. The sector comes from the phrase's head noun: the role words of
`roles.yaml` first (titles and institutions eventline already knows), then the CAMEO agents
dictionary (`agents.tsv`: ~3k role nouns such as "farmer" AGR, "judge" JUD, "refugee" REF),
then the nouns it lacks (`role_nouns.yaml`: "miner" LAB). The
country comes from a state named inside the phrase (a demonym, a country, a capital, a
possessive "Kenya's") or in an "of"/"in" phrase after the head ("judges in Brazil"); a named
body of the KB ("the Pentagon", "Hamas") gives both. Nothing is guessed: no state in the
phrase leaves the country None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from eventline.nlp.actor_kb import agents, body
from eventline.nlp.extensions import SPAN_KEY
from eventline.nlp.kb import _validate, packaged_kb, resource_path

_MAX_WORDS = 4
#: Head sectors a named body inside the phrase refines ("Pentagon officials" are MIL).
_GENERIC = frozenset({None, "GOV", "CVL"})


class RoleNounsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    nouns: dict[str, str]


@lru_cache(maxsize=1)
def _role_nouns() -> dict[str, str]:
    """Role nouns CAMEO's agents file lacks ("miner" LAB), from role_nouns.yaml."""
    return dict(_validate(RoleNounsFile, resource_path("role_nouns.yaml")).nouns)


@dataclass(frozen=True)
class _Forms:
    states: dict[str, str]  # case-sensitive surface form -> country (names, demonyms, capitals)
    named: dict[str, tuple[str | None, str | None]]  # KB body name -> (country, sector)
    roles: dict[str, str]  # lower-case role word or phrase -> sector


@lru_cache(maxsize=1)
def _forms() -> _Forms:
    kb = packaged_kb()
    states: dict[str, str] = {}
    named: dict[str, tuple[str | None, str | None]] = {}
    for form in kb.forms:
        if form.actor.type == "country" and form.actor.country and not form.ambiguous:
            states.setdefault(form.text, form.actor.country)
        elif form.actor.type != "country" and form.kind == "name":
            named.setdefault(form.text, (form.actor.country, form.actor.sector))
    roles: dict[str, str] = {}
    if kb.roles is not None:
        for title in kb.roles.titles:
            roles.update((f.lower(), title.sector) for f in title.forms)
        for inst in kb.roles.institutions:
            roles.update((f.lower(), inst.sector) for f in inst.forms)
    return _Forms(states, named, roles)


def descriptor_actor(span: Span) -> tuple[str | None, str | None]:
    """(country, sector) a noun phrase describes; (None, None) when it describes no actor."""
    whole = _named(span) or _grouped(span)
    if whole is not None:
        return whole
    sector = head_sector(span)
    country = _country(span)
    inner = _inner_body(span) if sector in _GENERIC or country is None else None
    if inner is not None:  # "Hamas fighters", "Pentagon officials": the body's own codes
        country = country or inner[0]
        sector = inner[1] if sector in _GENERIC else sector
    return country, sector


#: Labels of the pipeline's spans for groups and unnamed role-holders (nlp.groups, people).
_GROUP_LABELS = frozenset({"GROUP", "DESC"})


def _grouped(span: Span) -> tuple[str | None, str | None] | None:
    """What the pipeline made of the phrase's head: a party's members ("Labour MPs" GBR,
    LEG), a body of the document's country."""
    root = span.root.i
    for found in span.doc.spans.get(SPAN_KEY, []):
        if found.label_ in _GROUP_LABELS and found.start <= root < found.end:
            ref = found._.actor_ref or {}
            if ref.get("country") and ref.get("sector"):
                return ref["country"], ref["sector"]
    return None


def _named(span: Span) -> tuple[str | None, str | None] | None:
    """A KB body named by the whole phrase, with or without "the"."""
    text = span.text[4:] if span.text.lower().startswith("the ") else span.text
    found = _forms().named.get(text)
    if found is not None:
        return found
    known = body(text) if text[:1].isupper() else None
    return (known.country, known.sector) if known is not None else None


def head_sector(span: Span) -> str | None:
    """Sector of the phrase's head: the longest role phrase ending at the head ("riot
    police", "police"), the head's lemma ("farmers" -> "farmer"), roles.yaml before CAMEO."""
    head = span.root
    words = [t for t in span if t.i <= head.i]
    forms, nouns, extra = _forms().roles, agents(), _role_nouns()
    for start in range(max(0, len(words) - _MAX_WORDS), len(words)):
        tail = words[start:]
        for last in dict.fromkeys((head.lower_, head.lemma_.lower(), _singular(head.lower_))):
            phrase = " ".join([*(t.lower_ for t in tail[:-1]), last])
            sector = forms.get(phrase) or nouns.get(phrase) or extra.get(phrase)
            if sector is not None:
                return sector
    return None


def phrase_sector(words: list[str]) -> str | None:
    """Sector of a name's words read as a role phrase, the longest tail first: "ministry of
    defence" MIL, "Orthodox Church" REL ("church"), "Police Department" COP ("police", before
    a generic last word such as "department" or "service")."""
    low = [w.lower() for w in words]
    forms, nouns, extra = _forms().roles, agents(), _role_nouns()
    for tail in (low, low[:-1] if low and low[-1] in _GENERIC_HEADS else []):
        for start in range(len(tail)):
            for last in dict.fromkeys((tail[-1], _singular(tail[-1]))) if tail else ():
                phrase = " ".join([*tail[start:-1], last])
                sector = forms.get(phrase) or nouns.get(phrase) or extra.get(phrase)
                if sector is not None:
                    return sector
    return None


#: Generic last words of a body's name: the word before says what it is ("Police Department").
_GENERIC_HEADS = frozenset({"department", "service", "services", "office", "agency", "force"})


def _singular(word: str) -> str:
    """A plain English singular for nouns the tagger left plural ("judges" -> "judge")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _country(span: Span) -> str | None:
    """The one state named in the phrase, a possessive before it or an of/in phrase after
    its head; None when there is none or several."""
    found = {c for c in (_state_at(t) for t in span) if c}
    if not found:
        for child in span.root.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
                found |= {c for c in (_state_at(t) for t in child.subtree) if c}
    if not found and span.start > 0 and span.doc[span.start - 1].tag_ == "POS":
        found = {c for c in (_state_at(t) for t in span.doc[span.start - 2 : span.start]) if c}
    return next(iter(found)) if len(found) == 1 else None


def _state_at(token: Token) -> str | None:
    """The country a token names: an actor span of the doc covering it (COUNTRY, NORP,
    METONYM), else the KB's state forms ("Kenyan", "Brazil", "Moscow") of up to three words."""
    for span in token.doc.spans.get(SPAN_KEY, []):
        if span.start <= token.i < span.end and span.label_ in ("COUNTRY", "NORP", "METONYM"):
            return span._.actor_ref["country"] if span._.actor_ref else None
    states = _forms().states
    doc = token.doc
    for size in (3, 2, 1):
        for start in range(token.i - size + 1, token.i + 1):
            if start >= 0 and start + size <= len(doc):
                found = states.get(doc[start : start + size].text)
                if found is not None:
                    return found
    return None


def _inner_body(span: Span) -> tuple[str | None, str | None] | None:
    """A KB body named inside the phrase ("Hamas fighters", "Pentagon officials")."""
    for size in range(len(span) - 1, 0, -1):
        for start in range(span.start, span.end - size + 1):
            found = _named(span.doc[start : start + size])
            if found is not None:
                return found
    return None
