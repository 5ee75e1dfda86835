"""Groups named by description: party members and state bodies of the document's country.

Two kinds of noun phrase name an actor without a name the KB knows, and become `GROUP` spans
of `doc.spans["actors"]` with a country and a sector (PLOVER/CAMEO agent codes):

- Party members: "Republican leaders" (USA, PTY), "Democratic lawmakers" (USA, LEG), "Labour
  MPs" (GBR, LEG), "the Tories" (GBR, PTY). The party word (`groups.yaml`) has candidate
  countries: those with a party of that family in the KB (PartyFacts); the document's
  country mentions choose among them, the word's default when it names none.
- State bodies named without their country: "the electoral commission", "police", "the
  interior ministry", "the ruling party". They take the country the document established
  for that sector before ("Kenyan police" ... "police"), else the country of nearly all its
  country mentions (`context.dominant_country`). A sentence that names another country, or
  a bare "the court" after a named court, leaves the phrase to the event coder.
- Described groups: "Kenyan farmers" (KEN, AGR), "Mexican drug cartels" (MEX, CRM), "gunmen
  in Nigeria" (NGA, UAF), "a Catholic bishop in Nicaragua" (NIC, REL): a role noun the
  descriptor lists know (`descriptors.head_sector`: roles.yaml, CAMEO's agents, role_nouns.yaml)
  with the one state its phrase names, as `descriptor_actor` codes the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span, Token

from eventline.model import content_id
from eventline.nlp.actor_kb import KbBody, bodies, cached_index
from eventline.nlp.context import dominant_country, sector_country, span_countries
from eventline.nlp.descriptors import head_sector, phrase_sector
from eventline.nlp.extensions import actor_table, ref_of
from eventline.nlp.kb import Title, _validate, packaged_kb, resource_path
from eventline.nlp.lexicon import RoleMatch
from eventline.nlp.names import org_key
from eventline.nlp.places import resolve_place

LABEL = "GROUP"
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "poss", "attr", "ROOT"}
)


class PartyWord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    party: str
    default: str | None = None
    countries: list[str] | None = None
    bare: bool = False


class GroupsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    parties: dict[str, PartyWord]
    members: dict[str, str]
    placed_sectors: list[str]
    body_words: list[str]
    not_domestic: list[str]
    victim_verbs: list[str]
    dominant_share: float
    title_abbreviations: dict[str, str]
    national_bodies: dict[str, str]


def load_groups() -> GroupsFile:
    return _validate(GroupsFile, resource_path("groups.yaml"))


@dataclass(frozen=True)
class _Party:
    word: str
    candidates: frozenset[str]
    default: str | None
    bare: bool


@lru_cache(maxsize=1)
def _families() -> dict[str, dict[str, KbBody]]:
    """Party family ("conservative") -> country -> the KB's party of that family there."""
    named = _family_names()
    out: dict[str, dict[str, KbBody]] = {}
    for key, items in bodies().items():
        family = named.get(key)
        if family is None:
            continue
        for party in items:
            if party.sector == "PTY" and party.country:
                out.setdefault(family, {}).setdefault(party.country, party)
    return out


def _family_names() -> dict[str, str]:
    """`_family_of` each KB name some party with a country goes by (only those can give a
    family), kept in the cache folder keyed by those names and the country words: stripping
    the country words from about 10,000 names costs about 0.3 s of CPU in every process."""
    keys = [
        key
        for key, items in bodies().items()
        if any(party.sector == "PTY" and party.country for party in items)
    ]
    forms = _country_forms()
    source = "\n".join([*forms, "", *keys]).encode("utf-8")

    def build() -> dict[str, str]:
        strip = _country_words()
        found = {key: _family_of(key, strip) for key in keys}
        return {key: family for key, family in found.items() if family is not None}

    return cached_index("party-families", source, build)


@lru_cache(maxsize=1)
def _country_forms() -> tuple[str, ...]:
    """Country names and demonyms in lower case, longest first (then alphabetical: forms of
    one length never match at the same place, and the cache key of `_family_names` is
    the same in every process)."""
    forms = {
        f.text.lower()
        for f in packaged_kb().forms
        if f.actor.type == "country" and not f.ambiguous and len(f.text) > 3
    }
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


@lru_cache(maxsize=1)
def _parties() -> dict[str, _Party]:
    """Party words with the countries whose parties the KB names by them."""
    families = _families()
    out: dict[str, _Party] = {}
    for text, word in load_groups().parties.items():
        countries = set(families.get(word.party, {}))
        if word.countries is not None:
            countries = set(word.countries)
        out[text] = _Party(word.party, frozenset(countries), word.default, word.bare)
    return out


@lru_cache(maxsize=1)
def _country_words() -> re.Pattern[str]:
    """Country names and demonyms as whole lower-case words ("australian", "of canada")."""
    alternatives = "|".join(re.escape(f) for f in _country_forms())
    return re.compile(rf"\b(?:of (?:the )?)?(?:{alternatives})\b")


def _family_of(key: str, strip: re.Pattern[str]) -> str | None:
    """ "conservative party of canada" -> "conservative"; "labour" -> "labour"; a name with
    other words ("social democratic party") names no family alone."""
    words = strip.sub(" ", key).split()
    if words and words[-1] in ("party", "parties"):
        words = words[:-1]
    if len(words) != 1:
        return None
    word = words[0]
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def group_spans(
    doc: Doc, spans: list[Span], roles: Mapping[int, RoleMatch]
) -> tuple[list[Span], list[Span]]:
    """New GROUP spans for the doc, and the soft ORG spans they replace; `roles` are the
    title matches of the people component (`lexicon.ActorLexicon.find`)."""
    taken = {i: s for s in spans for i in range(s.start, s.end)}
    # read before any new span is made: a span's extension values are stored by its offsets,
    # so a new span over an unresolved name takes that name's stored reference along
    soft = {id(s) for s in spans if _soft(s)}
    counts = span_countries(spans)
    out: list[Span] = []
    replaced: list[Span] = []
    found = (
        *_party_spans(doc, taken, counts),
        *_party_names(doc, spans, counts),
        *_titled_spans(doc, spans, taken, roles, counts),
    )
    for span in found:
        _claim(span, taken, out, replaced, soft)
    for span in _described_spans(doc, spans, taken):
        out.append(span)
        taken.update((i, span) for i in range(span.start, span.end) if i not in taken)
    for span in _placed_spans(doc, spans, taken, counts):
        _claim(span, taken, out, replaced, soft)
    _national_bodies(spans)
    _schools(spans)
    return out, replaced


#: "the University of Oxford", "University of Nairobi": a university named by its place.
_UNIVERSITY_OF = re.compile(r"^(?:the )?University of (?:the )?([A-Z][^,]*?)(?:,.*)?$")
#: "Ohio State University", "Kenya University": by a state or a country (a city or a person
#: names one too: "Georgetown", "Howard", "Brown" University are not in Guyana or towns).
_PLACE_UNIVERSITY = re.compile(r"^(?:the )?([A-Z][\w .'-]*?)(?: State)? University$")


def _schools(spans: list[Span]) -> None:
    """An organisation the NER found that the KB does not know, with a country (its own, or
    that of a place its name starts with: "the Chicago Police Department" USA), takes the
    sector its words give (`descriptors.phrase_sector`: COP; "the Russian Orthodox Church"
    REL); a university is EDU, of the country of the place its name gives when the name has
    none ("the University of Oxford": GBR). Without a country the name stays the event
    coder's, whose place rules give it one ("a crackdown on the Catholic Church")."""
    for span in spans:
        ref = span._.actor_ref or {}
        if span.label_ != "ORG" or ref.get("sector") or str(ref.get("id", "")).startswith("kb:"):
            continue
        school = bool(_UNIVERSITY_OF.match(span.text) or _PLACE_UNIVERSITY.match(span.text))
        sector = "EDU" if school else _org_sector(span)
        if sector is None:
            continue
        country = ref.get("country") or (_school_country(span.text) if school else None)
        country = country or (_place_prefix(span) if not school else None)
        entry = actor_table(span.doc).get(ref.get("id", ""))
        if entry is None or country is None:
            continue
        entry["country"], entry["sector"] = country, sector
        span._.actor_ref = ref_of(entry)


def _org_sector(span: Span) -> str | None:
    words = [t.text for t in span if t.lower_ not in ("the", "'s", "’s")]
    return phrase_sector(words) if words and span[-1].pos_ in ("PROPN", "NOUN") else None


def _place_prefix(span: Span) -> str | None:
    """The country of a city or a state that starts a body's name ("Chicago Police", "New
    York Police Department"): up to three words, the body's own word left after them."""
    words = [t for t in span if t.lower_ != "the"]
    for size in (3, 2, 1):
        if len(words) > size and words[0].ent_type_ in ("", "ORG", "GPE"):
            place = resolve_place(" ".join(t.text for t in words[:size]))
            if place is not None and place.kind in ("city", "admin1"):
                return place.country
    return None


def _school_country(name: str) -> str | None:
    if (found := _UNIVERSITY_OF.match(name)) is not None:
        place = resolve_place(found.group(1))
        return place.country if place is not None else None
    if (found := _PLACE_UNIVERSITY.match(name)) is not None:
        place = resolve_place(found.group(1))
        return place.country if place is not None and place.kind != "city" else None
    return None


def _national_bodies(spans: list[Span]) -> None:
    """ "the Senate", "Parliament" (NER organisations under a bare body name) in a document
    about another country are that country's body: the span points to an entry named and
    identified by the body's name and that country (`groups.yaml` national_bodies)."""
    data = load_groups()
    bodies = [s for s in spans if s.label_ == "ORG" and _bare(s) in data.national_bodies]
    if not bodies:
        return
    ids = {id(s) for s in bodies}
    others = [s for s in spans if id(s) not in ids]
    country = dominant_country(span_countries(others), share=data.dominant_share)
    if country is None:
        return
    for span in bodies:
        ref = span._.actor_ref or {}
        if ref.get("country") == country or _sentence_names_other(span, others, country):
            continue
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        entry: dict[str, Any] = {
            "id": content_id("act", "organization", org_key(name), country),
            "name": name,
            "type": "organization",
            "country": country,
            "sector": data.national_bodies[_bare(span)],
            "roles": [],
            "kb": False,
        }
        table = actor_table(span.doc)
        entry = table.setdefault(entry["id"], entry)
        span._.actor_ref = ref_of(entry)
        if ref.get("id") and not any((s._.actor_ref or {}).get("id") == ref["id"] for s in spans):
            table.pop(ref["id"], None)  # no mention left: it must not lend its country on


def _bare(span: Span) -> str:
    text = span.text.lower()
    return text[4:] if text.startswith("the ") else text


def _sentence_names_other(span: Span, others: list[Span], country: str) -> bool:
    sent = span.root.sent
    return any(
        sent.start <= s.start < sent.end
        and (s._.actor_ref or {}).get("country") not in (None, country)
        for s in others
    )


def _claim(
    span: Span, taken: dict[int, Span], out: list[Span], replaced: list[Span], soft: set[int]
) -> None:
    """Keep `span` when it overlaps no span but soft (unresolved NER) organisations."""
    under = {id(s): s for i in range(span.start, span.end) if (s := taken.get(i)) is not None}
    if any(key not in soft for key in under):
        return
    replaced.extend(under.values())
    out.append(span)
    taken.update((i, span) for i in range(span.start, span.end))


def _soft(span: Span) -> bool:
    ref = span._.actor_ref
    return (
        span.label_ == "ORG"
        and ref is not None
        and not ref["id"].startswith("kb:")
        and not ref.get("country")
        and not ref.get("sector")
    )


# --- party members ------------------------------------------------------------------------


def _party_spans(doc: Doc, taken: dict[int, Span], counts: dict[str, int]) -> Iterable[Span]:
    parties = _parties()
    members = load_groups().members
    for tok in doc:
        party = parties.get(tok.text)
        if party is None or (tok.i in taken and not _soft(taken[tok.i])):
            continue
        head = tok.head
        sector = _member_sector(head, members) if tok.dep_ in _MODIFIER_DEPS else None
        if sector is not None and _before_name(head):
            continue  # "Labour leader Keir Starmer": a title of the person named after it
        if sector is not None and head.i > tok.i:
            end = head.i + 1
        elif party.bare and tok.dep_ in _ARGUMENT_DEPS and tok.pos_ in ("PROPN", "NOUN"):
            sector, end = "PTY", tok.i + 1
        else:
            continue
        country = _party_country(party, counts)
        if country is not None:
            yield _group(doc, tok.i, end, country, sector, noun=party.word)


def _before_name(head: Token) -> bool:
    doc = head.doc
    return head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"


def _party_names(doc: Doc, spans: list[Span], counts: dict[str, int]) -> Iterable[Span]:
    """ "the Communist Party", "the Labour Party": an organisation the NER found whose name
    several countries' parties share is the party of the country the document names most."""
    for span in spans:
        if not _soft(span):
            continue
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        word = _parties().get(name)  # "Labour": a party word of groups.yaml
        if word is None and not name.lower().endswith((" party", " parties")):
            continue
        family = word.word if word else _family_of(name.lower(), _country_words())
        found = _families().get(family or "", {})
        if len(found) < 2 and word is None:
            continue  # one country: the actor matcher resolved it already, or none
        word = word or _Party(name, frozenset(found), None, bare=False)
        country = _party_country(word, counts)
        party = found.get(country) if country is not None else None
        if party is None or country is None:
            continue
        entry: dict[str, Any] = {
            "id": f"kb:{party.id}",
            "name": party.name,
            "type": "organization",
            "country": country,
            "sector": "PTY",
            "roles": [],
            "kb": True,
        }
        entry = actor_table(doc).setdefault(entry["id"], entry)
        mention = Span(doc, span.start, span.end, label="ORG")
        mention._.actor_ref = ref_of(entry)
        yield mention


def _member_sector(head: Token, members: dict[str, str]) -> str | None:
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for word in (head.lower_, head.lemma_.lower(), _singular(head.lower_)):
        if word in members:
            return members[word]
    return None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _party_country(party: _Party, counts: dict[str, int]) -> str | None:
    """The candidate country the document names most; the default when it names none, or
    when it names two candidates as often."""
    here = {c: n for c, n in counts.items() if c in party.candidates}
    if not here:
        return party.default if party.default in party.candidates else None
    top = max(here.values())
    best = sorted(c for c, n in here.items() if n == top)
    if len(best) == 1:
        return best[0]
    return party.default if party.default in best else None


# --- described groups: a role noun with the state its phrase names ----------------------------

_STATES = frozenset({"COUNTRY", "NORP", "METONYM"})
#: Sectors a group placed by "in <country>" takes that country for: the troops, diplomats,
#: refugees or reporters in a country are often another's ("US troops in Iraq").
_IN_SECTORS = frozenset(
    {
        "UAF",
        "CRM",
        "CVL",
        "AGR",
        "LAB",
        "EDU",
        "HLH",
        "REL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "BUS",
    }
)


def _described_spans(doc: Doc, spans: list[Span], taken: dict[int, Span]) -> Iterable[Span]:
    """ "Indian farmers", "Argentine unions", "farmers in Kenya", "refugees from Syria": an
    argument headed by a role noun whose modifiers name one state (a demonym or a country) or
    that an "in"/"from" phrase after it places in one; the state's own span stays beside the
    group's. Nouns that name a state body ("Libyan rebels", "Kenyan police") are made
    institutions before, by the people component. A hyphened demonym is no nationality
    ("Russian-language website", "Iranian-backed militias")."""
    states = [s for s in spans if s.label_ in _STATES and (s._.actor_ref or {}).get("country")]
    foreign = frozenset(load_groups().not_domestic)
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ not in _ARGUMENT_DEPS or tok.i in taken:
            continue
        if _before_name(tok) or _apposed_to_name(tok) or _definite_one(tok):
            continue  # "U.S. car maker Chrysler", "Chrysler, the U.S. car maker": the name's
        start = _phrase_start(tok)
        inside = [s for s in states if start <= s.start and s.end <= tok.i]
        named = {i for s in inside for i in range(s.start, s.end)}  # "South African" is one
        if len(inside) > 1 or any(
            t.lower_ in foreign for t in doc[start : tok.i] if t.i not in named
        ):
            continue
        if inside:
            ref, words, end = inside[0], doc[inside[0].end : tok.i + 1], tok.i + 1
            free = range(ref.end, tok.i + 1)
            if doc[ref.end].text in _HYPHENS:
                continue
        else:
            placed = _placed_by(tok, states)
            if placed is None:
                continue
            ref, words, end = placed, doc[start : tok.i + 1], placed.end
            free = range(start, tok.i + 1)
        if any(i in taken for i in free):
            continue
        sector = head_sector(words) if len(words) else None
        if sector is None or (not inside and not _may_place(ref, sector)):
            continue
        country = ref._.actor_ref["country"]
        yield _group(doc, start, end, country, sector, noun=tok.lemma_.lower())


_HYPHENS = frozenset({"-", "–"})


_DEFINITE = frozenset({"the", "this", "that"})


def _definite_one(tok: Token) -> bool:
    """ "the Italian company", "this American carmaker": one definite actor is most often
    one the text named before (coreference's to resolve), not a new group."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)


def _apposed_to_name(tok: Token) -> bool:
    """Whether the noun and a proper name are in apposition ("Ryanair, the Irish airline")."""
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children)


def _placed_by(tok: Token, states: list[Span]) -> Span | None:
    """The state span an "in"/"from" phrase right after `tok` names as its one object
    ("warships from Russia and China" name two states: none)."""
    doc = tok.doc
    prep = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prep is None or prep.head.i != tok.i or prep.lower_ not in ("in", "from"):
        return None
    found = next(  # "in Kenya", "in eastern Ukraine": the object of the preposition
        (s for s in states if prep.i < s.start <= prep.i + 2 and s.root.head.i == prep.i), None
    )
    if found is None or any(c.dep_ == "conj" for c in found.root.children):
        return None
    return found


def _may_place(ref: Span, sector: str) -> bool:
    """Whether "<noun> in/from <ref>" gives the group the state's country: "from" says where
    people come from; "in" only a country's own people of a placed sector, and only a
    country's name (the event coder reads a city or a capital as the event's place)."""
    if ref.doc[ref.start - 1].lower_ == "from":
        return True
    return ref.label_ == "COUNTRY" and sector in _IN_SECTORS


# --- state bodies of the document's country -------------------------------------------------


def _placed_spans(
    doc: Doc, spans: list[Span], taken: dict[int, Span], counts: dict[str, int]
) -> Iterable[Span]:
    data = load_groups()
    sectors = frozenset(data.placed_sectors)
    body_words = frozenset(data.body_words)
    foreign = frozenset(data.not_domestic)
    victim_verbs = frozenset(data.victim_verbs)
    dominant = dominant_country(counts, share=data.dominant_share)
    for tok in doc:
        # a name the NER found ("the Supreme Court") stays the name it is: placed in one
        # document and not in another, its mentions would no longer meet across documents
        if not _body_head(tok, body_words) or tok.i in taken:
            continue
        start, end = _phrase_start(tok), tok.i + 1
        if any(i in taken for i in range(start, tok.i)):
            continue  # "Kenyan police", "Hamas fighters": the phrase names its own
        if any(t.lower_ in foreign for t in tok.subtree):
            continue  # "an international tribunal", "foreign troops": not the state's own
        sector = head_sector(doc[start : tok.i + 1])
        if sector not in sectors or _named_before(tok, spans):
            continue
        if sector in _ACTING_ONLY and _victims(tok, victim_verbs):
            continue  # "Israeli strikes killed civilians": victims are often the other side's
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None:  # "his government": the country of the person he is
            country = _owner_country(owner, spans)
        else:
            country = sector_country(spans, sector, before=tok.i) or dominant
            if country is not None and _other_country(tok, spans, country):
                continue
        if country is not None:
            yield _group(doc, start, end, country, sector, noun=tok.lemma_.lower())


def _titled_spans(
    doc: Doc,
    spans: list[Span],
    taken: dict[int, Span],
    roles: Mapping[int, RoleMatch],
    counts: dict[str, int],
) -> Iterable[Span]:
    """ "the opposition leader", "the interior minister": a definite title with no country
    and no name is the holder of that office in the document's country, an unnamed
    role-holder as the people component makes of "the Iranian foreign minister"."""
    data = load_groups()
    sectors = frozenset(data.placed_sectors)
    dominant = dominant_country(counts, share=data.dominant_share)
    for match in roles.values():
        title = match.title
        if title is None or title.sector not in sectors or match.start == 0:
            continue
        if doc[match.start - 1].lower_ != "the" or any(i in taken for i in range(*_of(match))):
            continue
        after = doc[match.end] if match.end < len(doc) else None
        if after is not None and (after.pos_ == "PROPN" or after.lower_ in _WHOSE):
            continue  # "the minister Kamal", "the president of the company": not the state's
        tok = doc[match.end - 1]
        country = title.country or sector_country(spans, title.sector, before=match.start)
        country = country or dominant
        if country is None or (not title.country and _other_country(tok, spans, country)):
            continue
        yield _role_holder(doc, match.start - 1, match.end, country, title)


#: Words after a title that say whose office it is ("the president of Boeing").
_WHOSE = frozenset({"of", "for", "at", "to", "'s", "’s"})


def _of(match: RoleMatch) -> tuple[int, int]:
    return match.start - 1, match.end


def _role_holder(doc: Doc, start: int, end: int, country: str, title: Title) -> Span:
    """An unnamed holder of `title` in `country`, as `people._role_only` makes one."""
    state = packaged_kb().country_actor(country)
    role = {
        "title": title.title,
        "key": title.key,
        "country": country,
        "sector": title.sector,
        "past": False,
    }
    entry: dict[str, Any] = {
        "id": content_id("act", "role", country, title.key, False),
        "name": f"{title.title} ({state.name if state else country})",
        "type": "person",
        "country": country,
        "sector": title.sector,
        "roles": [role],
        "role_only": role,
        "kb": False,
    }
    entry = actor_table(doc).setdefault(entry["id"], entry)
    span = Span(doc, start, end, label="DESC")  # a person, as the people component labels one
    span._.actor_ref = ref_of(entry)
    return span


#: Sectors not placed in the document's country where they are the victims of violence.
_ACTING_ONLY = frozenset({"CVL"})


def _victims(tok: Token, verbs: frozenset[str]) -> bool:
    """Whether the group ("thousands of civilians" too) is the object or the passive subject
    of a verb of violence ("killed civilians", "civilians were wounded")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    if tok.dep_ in ("dobj", "nsubjpass"):
        return tok.head.lemma_.lower() in verbs
    return False


def _body_head(tok: Token, body_words: frozenset[str]) -> bool:
    """A noun heading an argument that can name a body: a plural ("officials", "Protesters"
    at the start of a sentence) or a body word ("the commission"), not a person or a place
    ("the lawyer", "prison") nor a named entity other than an organisation."""
    if tok.dep_ not in _ARGUMENT_DEPS or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.ent_type_ and tok.ent_type_ != "ORG":
        return False
    if tok.pos_ == "PROPN" and tok.tag_ != "NNPS" and tok.lower_ not in body_words:
        return False
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in body_words


_PERSONAL = frozenset({"his", "her"})


def _owner_country(owner: Token, spans: list[Span]) -> str | None:
    """ "Saakashvili said his government ...": the country of the last person named before
    the pronoun in its sentence; None for any other owner ("their", "the country's")."""
    if owner.lower_ not in _PERSONAL:
        return None
    sent = owner.sent
    before = [
        s for s in spans if s.label_ == "PERSON" and sent.start <= s.start and s.end <= owner.i
    ]
    last = max(before, key=lambda s: s.start, default=None)
    return (last._.actor_ref or {}).get("country") if last is not None else None


def _phrase_start(tok: Token) -> int:
    """First word of the modifiers before the head ("the ruling party", "riot police")."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _MODIFIER_DEPS and child.i < start:
            start = child.left_edge.i
    return start


def _named_before(tok: Token, spans: list[Span]) -> bool:
    """ "the court" after "the International Court of Justice": the body named before."""
    head = tok.lemma_.lower()
    return any(
        s.end <= tok.i and s.label_ != "PERSON" and s.root.lemma_.lower() == head for s in spans
    )


def _other_country(tok: Token, spans: list[Span], country: str) -> bool:
    """Whether the sentence names a country other than `country` (or a place the actor
    spans do not resolve)."""
    sent = tok.sent
    for span in spans:
        if sent.start <= span.start < sent.end:
            found = (span._.actor_ref or {}).get("country") or _place_country(span)
            if found and found != country:
                return True
    return any(e.label_ == "GPE" and not _covered(e, spans) for e in sent.ents)


def _place_country(span: Span) -> str | None:
    """The country of a place name the NER took for a person or an organisation, when it is
    the object of a preposition ("marched through central Lyon": Lyon read as PERSON)."""
    if span.root.dep_ != "pobj" or span.label_ not in ("PERSON", "ORG"):
        return None
    place = resolve_place(span.text)
    return place.country if place is not None else None


def _covered(ent: Span, spans: list[Span]) -> bool:
    """Whether an actor span resolves the place entity ("Hong Kong" in "Hong Kong's")."""
    return any(s.start < ent.end and ent.start < s.end for s in spans)


def _group(doc: Doc, start: int, end: int, country: str, sector: str, *, noun: str) -> Span:
    span = Span(doc, start, end, label=LABEL)
    entry: dict[str, Any] = {
        "id": f"desc:{country}:{sector}:{noun}",
        "name": span.text,
        "type": "group",
        "country": country,
        "sector": sector,
        "roles": [],
        "kb": True,
    }
    entry = actor_table(doc).setdefault(entry["id"], entry)
    span._.actor_ref = {
        "id": entry["id"],
        "name": span.text,
        "country": country,
        "sector": sector,
        "kb_id": None,
    }
    return span
