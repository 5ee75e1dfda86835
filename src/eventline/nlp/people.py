"""spaCy component `eventline_people_v1`: people, their roles, and who short mentions mean.

Runs after `eventline_actors_v1` and adds to `doc.spans["actors"]`:

    PERSON       a person's name ("Vladimir Putin", later "Putin")
    DESC         a role description standing for a person ("the Kremlin leader",
                 "his Iranian counterpart", "Iran's foreign minister")
    INSTITUTION  a state body named by its country ("Russia's foreign ministry")
    GROUP        party members and state bodies of the document's country ("Labour MPs",
                 "the electoral commission"; `groups.py`)

Titles before a name and appositives after it give the role, country and sector
("Hezbollah Secretary-General Hassan Nasrallah" -> LBN, REB); "then-"/"former" mark the role
as past. Within the document, surnames and descriptions resolve to the people named there;
descriptions with no named holder become role-only actors that `resolve` may match across
documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from eventline.model import content_id
from eventline.nlp.actor_kb import body
from eventline.nlp.context import dominant_country, host_country, needs_country, span_countries
from eventline.nlp.descriptors import head_sector
from eventline.nlp.extensions import SPAN_KEY, actor_table, ref_of
from eventline.nlp.groups import group_spans, load_groups
from eventline.nlp.holders import fill_known, load_holders
from eventline.nlp.kb import Title, load_roles
from eventline.nlp.lexicon import POSSESSIVES, REF_LABELS, STATE_LABELS, ActorLexicon, RoleMatch
from eventline.nlp.names import fold_part, name_parts, surname_key
from eventline.nlp.namesakes import read_namesakes
from eventline.nlp.place_names import locative, place_persons
from eventline.nlp.regions import (
    STATE_BODIES,
    STATE_OFFICES,
    country_after_name,
    country_before_title,
    party_state_tag,
    region_countries,
    us_state_namesake,
)
from eventline.nlp.who import kb_names, known_person_name, match_titled

#: NER labels a KB person's name is sometimes given ("Trump" as ORG or GPE).
_PERSON_LIKE = frozenset({"ORG", "GPE", "NORP"})
_DATE_LIKE = frozenset({"DATE", "TIME"})
_STOP_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
_MAX_NAME = 4


@dataclass
class _Person:
    start: int
    end: int
    name: str
    roles: list[dict[str, Any]] = field(default_factory=list)


class PeopleFinder:
    def __init__(self, nlp: Language) -> None:
        roles = load_roles()
        self.lex = ActorLexicon(nlp, roles)
        self.scene_words = frozenset(roles.scene_words)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        read_namesakes(doc, spans)  # "Congo" in a document about Brazzaville
        refs = {s.end: s for s in spans if s.label_ in REF_LABELS and s._.actor_ref}
        soft = [s for s in spans if s.label_ == "ORG" and not s._.actor_ref["id"].startswith("kb:")]
        taken = {i for s in spans if s not in soft for i in range(s.start, s.end)}
        roles = {
            k: m for k, m in self.lex.find(doc).items() if not taken & set(range(m.start, m.end))
        }
        people = _known_again(doc, _trim_fragments(self._names(doc, roles, taken)), soft)
        for person in people:
            self._titles(doc, person, roles, refs)
        self._hosts(doc, people, refs)
        descs, extra = self._descriptions(doc, roles, refs, people)
        entities = _group(people)
        _propagate(doc, people, entities, taken)
        fill_known(doc, _mentions(people, entities), refs.values(), day=doc._.published)
        _fill_titled(entities, day=doc._.published)
        _domestic(doc, entities, spans, self.lex.titles)
        table = actor_table(doc)
        # NER fragments inside a person or an institution ("Israel's Cabinet") are dropped
        personal = {i for p in people for i in range(p.start, p.end)}
        personal |= {i for s in extra for i in range(s.start, s.end)}
        remits = _remits(doc, people, roles)  # "Assistant Secretary for African Affairs"
        out = [
            s
            for s in spans
            if s not in soft
            or not (
                personal & set(range(s.start, s.end))
                or any(s.end <= r.end and s.start >= r.start for r in remits)
            )
        ]
        out += extra
        for person in people:
            entry = entities.get(surname_key(person.name), {}).get(person.name)
            if entry is None:
                continue
            table.setdefault(entry["id"], entry)
            out.append(_span(doc, person.start, person.end, "PERSON", entry))
        out.extend(self._resolve_descriptions(doc, descs, people, entities, table))
        groups, replaced = group_spans(doc, out, roles)  # parties, bodies of the doc's state
        doc.spans[SPAN_KEY] = [s for s in out if not any(s is r for r in replaced)] + groups
        return doc

    # --- names ---------------------------------------------------------------------------

    def _names(self, doc: Doc, roles: dict[int, RoleMatch], taken: set[int]) -> list[_Person]:
        """NER persons, capitalised names right after a title the NER model missed, and
        multi-word names of KB people (`who.kb_names`)."""
        in_role = {i for m in roles.values() for i in range(m.start, m.end)}
        candidates: list[Span] = []
        ents = [e for e in doc.ents if e.label_ == "PERSON"]
        places = place_persons(
            doc,
            ents,
            titled={m.end for m in roles.values() if m.title is not None},
            known=lambda text: _named_person(text, doc._.published),
        )
        for ent in ents:
            if ent.text not in places:
                start = ent.start
                while start < ent.end and _not_name(doc[start], in_role | taken):
                    start += 1
                end = ent.end - 1 if doc[ent.end - 1].text in POSSESSIVES else ent.end
                if start < end and doc[end - 1].is_stop:
                    continue
                if start < end and not any(i in taken for i in range(start, end)):
                    candidates.append(doc[start:end])
        for match in roles.values():
            if match.title is not None:
                end = _name_run(doc, match.end, taken | in_role)
                if end > match.end and not _names_a_body(doc[match.start : end]):
                    candidates.append(doc[match.end : end])
        blocked = in_role | taken  # KB and office-holder people the NER misses or cuts
        candidates += kb_names(doc, blocked, also=load_holders().name_list)
        candidates += _lone_surnames(doc, blocked)
        return [_Person(s.start, s.end, s.text) for s in filter_spans(candidates)]

    # --- titles and appositives ----------------------------------------------------------

    def _hosts(self, doc: Doc, people: list[_Person], refs: dict[int, Span]) -> None:
        """Country-less head-of-state and minister titles take the country of the scene a
        foreign visitor came to (`context.host_country`); the role keeps its tense."""
        pending = [p for p in people if needs_country(p.roles, self.lex.titles)]
        if not pending:
            return
        known: dict[str, str] = {}
        for person in people:
            country = next((r["country"] for r in person.roles if r["country"]), None)
            if country:
                known.setdefault(surname_key(person.name), country)
        visitors = [
            (p.start, known[surname_key(p.name)]) for p in people if surname_key(p.name) in known
        ]
        for person in pending:
            country = host_country(
                doc,
                person.start,
                refs=refs.values(),
                visitors=visitors,
                scene_words=self.scene_words,
            )
            for role in person.roles if country else ():
                role["country"] = country

    def _titles(
        self, doc: Doc, person: _Person, roles: dict[int, RoleMatch], refs: dict[int, Span]
    ) -> None:
        before = title_before(doc, person.start, roles)
        if before is not None and before.title is not None:
            role = self._role(doc, before, refs)
            if role["country"] is None:  # "Governor Tom Whitfield of Nebraska"
                role["country"] = _country_of(doc, person.end, refs)
            person.roles.append(role)
        elif before is None:
            described = _demonym_noun(doc, person.start, refs)
            if described is not None:
                person.roles.append(described)
        after = self._appositive(doc, person.end, roles, refs)
        if after is not None:
            person.roles.append(after)
        if party_state_tag(doc, person.end):
            person.roles.append(_congress_role(person.roles))

    def _role(self, doc: Doc, match: RoleMatch, refs: dict[int, Span]) -> dict[str, Any]:
        """Country, sector and tense of a title from the words just before it."""
        assert match.title is not None
        start = match.start
        marker = self._marker_before(doc, start)
        if marker:
            start = _skip_past(doc, start)
        ref = _ref_before(doc, start, refs)
        if ref is None and start > 0 and _modifier(doc[start - 1]):
            ref = _ref_before(doc, start - 1, refs)  # "Hamas military commander"
        if ref is not None and not marker:
            marker = self._marker_before(doc, ref.start)
        role = self._role_from(match, ref, bool(marker), then=marker == "then")
        if (
            ref is not None
            and ref.label_ == "COUNTRY"
            and ref.end == start
            and match.title.key in STATE_OFFICES
            and us_state_namesake(ref.text)
        ):
            role["country"] = "USA"  # "Georgia Gov. Brian Kemp"
        if ref is None and role["country"] is None:  # "Ohio Gov.", "Lagos State Governor"
            region = _region_before(doc, start)
            if region is not None:
                role["country"] = region[1]
                marker = marker or self._marker_before(doc, region[0])
                role["past"], role["then"] = bool(marker), marker == "then"
            elif start > 0 and (party := load_groups().parties.get(doc[start - 1].text)):
                role["country"] = party.default  # "Republican Senator Jane Doe"
        return role

    def _role_from(
        self, match: RoleMatch, ref: Span | None, past: bool, *, then: bool = False
    ) -> dict[str, Any]:
        """A role dict; `then` marks a past role the text puts at the time it reports
        ("then-President Raisi"): it still gives the person's sector for that report."""
        assert match.title is not None
        title = match.title
        country, sector = title.country, title.sector
        if ref is not None:
            data = ref._.actor_ref
            country = data["country"] or country
            if ref.label_ == "ORG" and data["sector"]:
                sector = data["sector"]
        return {
            "title": title.title,
            "key": title.key,
            "country": country,
            "sector": sector,
            "past": past,
            "then": then,
        }

    def _appositive(
        self, doc: Doc, end: int, roles: dict[int, RoleMatch], refs: dict[int, Span]
    ) -> dict[str, Any] | None:
        """ "Ali Akbar Ahmadian, secretary of Iran's Supreme National Security Council"."""
        if end >= len(doc) or doc[end].text != ",":
            return None
        i = end + 1
        past = then = False
        while i < len(doc) and (doc[i].lower_ in self.lex.determiners or doc[i].text == "-"):
            i += 1
        if i < len(doc) and doc[i].lower_ in self.lex.past:
            then = doc[i].lower_ == "then"
            past, i = True, _skip_past_forward(doc, i + 1)
        ref = next((r for r in refs.values() if r.start == i), None)
        if ref is not None:
            i = ref.end + (1 if ref.end < len(doc) and doc[ref.end].text in POSSESSIVES else 0)
        match = roles.get(i)
        if match is None or match.title is None:
            return None
        if ref is None:
            ref = _ref_after(doc, match.end, refs)
        return self._role_from(match, ref, past, then=then)

    def _past_before(self, doc: Doc, start: int) -> bool:
        return bool(self._marker_before(doc, start))

    def _marker_before(self, doc: Doc, start: int) -> str:
        """The past marker ("former", "then", "ex") just before token `start`, or ""."""
        j = start - 1
        if j >= 0 and doc[j].text == "-":
            j -= 1
        return doc[j].lower_ if j >= 0 and doc[j].lower_ in self.lex.past else ""

    # --- descriptions and institutions -----------------------------------------------------

    def _descriptions(
        self,
        doc: Doc,
        roles: dict[int, RoleMatch],
        refs: dict[int, Span],
        people: list[_Person],
    ) -> tuple[list[tuple[Span, RoleMatch, Span, bool]], list[Span]]:
        """Descriptions "REF('s) TITLE" with no name after them, and institutions."""
        starts = {p.start for p in people}
        descs: list[tuple[Span, RoleMatch, Span, bool]] = []
        institutions: list[Span] = []
        for ref in refs.values():
            pos = ref.end + (1 if ref.end < len(doc) and doc[ref.end].text in POSSESSIVES else 0)
            match = roles.get(pos)
            if match is None or match.end in starts:
                continue
            if match.institution is not None:
                if ref.label_ in STATE_LABELS:
                    past = self._marker_before(doc, ref.start) not in ("", "then")
                    institutions.append(self._institution(doc, ref, match, past=past))
                continue
            start = ref.start
            past = self._past_before(doc, start)
            start = _skip_past(doc, start) if past else start
            if start > 0 and doc[start - 1].lower_ in self.lex.determiners:
                start -= 1
            descs.append((doc[start : match.end], match, ref, past))
            self._apposed(doc, match, ref, past, people)
        return descs, institutions

    def _apposed(
        self, doc: Doc, match: RoleMatch, ref: Span, past: bool, people: list[_Person]
    ) -> None:
        """A description followed by ", Name" gives that person its role (or country)."""
        if match.end >= len(doc) or doc[match.end].text != ",":
            return
        person = next((p for p in people if p.start == match.end + 1), None)
        if person is None:
            return
        if match.title is not None:
            person.roles.append(self._role_from(match, ref, past))
        else:
            country = ref._.actor_ref["country"]
            person.roles.append(
                {"title": "", "key": "", "country": country, "sector": None, "past": past}
            )

    def _institution(self, doc: Doc, ref: Span, match: RoleMatch, *, past: bool) -> Span:
        """ "Russia's foreign ministry", "Kenyan police"; "former Afghan officials" are no
        body of the state but a group of former holders of its offices (ELI)."""
        assert match.institution is not None
        data = ref._.actor_ref
        country, name = data["country"], f"{data['name']} {match.institution.name}"
        key, sector = match.institution.key, match.institution.sector
        if _us_state_body(ref, match):  # "the Georgia Legislature": the US state's
            country, name = "USA", doc[ref.start : match.end].text
        entry = {
            "id": f"kb:{country}.{key}",
            "name": name,
            "type": "organization",
            "country": country,
            "sector": sector,
            "roles": [],
            "kb": True,
        }
        start = ref.start
        if past and sector in _OFFICE_SECTORS:
            start = _skip_past(doc, ref.start)  # the span takes "former" along
            entry = {
                **entry,
                "id": f"desc:{country}:ELI:{key}",
                "type": "group",
                "sector": "ELI",
            }
        entry = actor_table(doc).setdefault(entry["id"], entry)
        return _span(doc, start, match.end, "INSTITUTION", entry)

    def _resolve_descriptions(
        self,
        doc: Doc,
        descs: list[tuple[Span, RoleMatch, Span, bool]],
        people: list[_Person],
        entities: dict[str, dict[str, dict[str, Any]]],
        table: dict[str, dict[str, Any]],
    ) -> list[Span]:
        out: list[Span] = []
        for span, match, ref, past in descs:
            country = ref._.actor_ref["country"]
            entry = self._holder(span, match, country, past, people, entities)
            if entry is None:
                entry = _role_only(match, ref, past, table, self.lex)
            if entry is not None:
                table.setdefault(entry["id"], entry)
                out.append(_span(doc, span.start, span.end, "DESC", entry))
        return out

    def _holder(
        self,
        span: Span,
        match: RoleMatch,
        country: str | None,
        past: bool,
        people: list[_Person],
        entities: dict[str, dict[str, dict[str, Any]]],
    ) -> dict[str, Any] | None:
        """The named person the description means: an appositive name right after it, else
        the nearest person of that country holding a compatible role."""
        doc = span.doc
        for person in people:
            if person.start == span.end + 1 and doc[span.end].text == ",":
                return entities.get(surname_key(person.name), {}).get(person.name)
        best: tuple[int, dict[str, Any]] | None = None
        for person in people:
            entry = entities.get(surname_key(person.name), {}).get(person.name)
            if entry is None or entry["country"] != country:
                continue
            if not any(r["past"] == past and self.lex.compatible(match, r) for r in entry["roles"]):
                continue
            distance = abs(person.start - span.start) + (0 if person.start < span.start else 1000)
            if best is None or distance < best[0]:
                best = (distance, entry)
        return None if best is None else best[1]


def _mentions(
    people: list[_Person], entities: dict[str, dict[str, dict[str, Any]]]
) -> list[tuple[int, int, dict[str, Any]]]:
    found = ((p, entities.get(surname_key(p.name), {}).get(p.name)) for p in people)
    return [(p.start, p.end, entry) for p, entry in found if entry is not None]


def _trim_fragments(people: list[_Person]) -> list[_Person]:
    """Headline fragments: "Erdogan Condemn" is the known surname of "Recep Tayyip Erdogan"
    followed by a capitalised verb, so it is cut back to the surname."""
    out = []
    for person in people:
        words = person.name.split()
        others = [name_parts(p.name) for p in people if p.name != person.name]
        surnames = {parts[-1] for parts in others if len(parts) > 1}
        known = {part for parts in others for part in parts}
        if len(words) > 1 and words[0] in surnames and not known.intersection(words[1:]):
            person = _Person(person.start, person.start + 1, words[0], person.roles)
        out.append(person)
    return out


def _known_again(doc: Doc, people: list[_Person], soft: list[Span]) -> list[_Person]:
    """An NER "organisation" or place whose text is a person's name or surname known from this
    document, or a person the KB knows by that name ("Trump" read as ORG), is that person."""
    names = {p.name for p in people} | {
        name_parts(p.name)[-1] for p in people if len(name_parts(p.name)) > 1
    }
    used = {i for p in people for i in range(p.start, p.end)}
    spans = {(s.start, s.end): s for s in soft}
    covered = {
        i for s in doc.spans.get(SPAN_KEY, []) if s not in soft for i in range(s.start, s.end)
    }
    for ent in doc.ents:
        if ent.label_ in _DATE_LIKE:
            tail = _name_after_comma(ent)
            if tail is not None and not covered & set(range(tail.start, tail.end)):
                spans.setdefault((tail.start, tail.end), tail)
        elif ent.label_ in _PERSON_LIKE and not covered & set(range(ent.start, ent.end)):
            spans.setdefault((ent.start, ent.end), ent)
    for span in spans.values():
        if used & set(range(span.start, span.end)):
            continue
        text = _headline_case(span)
        if text not in names and span.label_ == "GPE" and locative(doc, span.start):
            continue  # "protesters gathered in Jackson": the place, not the justice
        if text in names or _named_person(text, doc._.published):
            people.append(_Person(span.start, span.end, span.text))
            used |= set(range(span.start, span.end))
    return people


def _domestic(
    doc: Doc,
    entities: dict[str, dict[str, dict[str, Any]]],
    spans: list[Span],
    titles: dict[str, Title],
) -> None:
    """A state office named without its country ("Gov. Ann Ostrow", "Sen. Bo Vandel") in a
    document about one country (`groups.yaml` dominant_share of the country mentions, people
    and party words included, and of its cities and regions: `regions.region_countries`) is
    that country's office; a document naming several countries leaves it be.
    Heads and single offices are left to `_hosts` ("President Ortiz arrived in Warsaw": the
    traveller is no Pole)."""
    entries = list({id(e): e for g in entities.values() for e in g.values()}.values())
    pending = [
        e
        for e in entries
        if not (e.get("country") or e.get("kb_person") or e.get("role_only"))
        and any(r.get("key") and r["sector"] in _OFFICE_SECTORS for r in e.get("roles", []))
        and not any(_head_or_single(titles.get(r.get("key") or "")) for r in e.get("roles", []))
    ]
    if not pending:
        return
    counts = span_countries(spans)
    taken = {i for s in spans for i in range(s.start, s.end)}
    for place, count in region_countries(doc, taken).items():
        counts[place] = counts.get(place, 0) + count
    for entry in entries:
        if entry.get("country"):
            counts[entry["country"]] = counts.get(entry["country"], 0) + 1
    parties = load_groups().parties  # "Democratic senators urged Rep. Tom Hollis": the US
    for token in doc:
        party = parties.get(token.text) if token.text[:1].isupper() else None
        if party is not None and party.default:
            counts[party.default] = counts.get(party.default, 0) + 1
    country = dominant_country(counts, share=load_groups().dominant_share)
    for entry in pending if country else ():
        entry["country"] = country
    for entry in pending if not country else ():
        implied = _abbreviated_title_country(doc, entry["name"])
        if implied is not None and set(counts) <= {implied}:
            entry["country"] = implied


def _abbreviated_title_country(doc: Doc, name: str) -> str | None:
    """The country an abbreviated title right before a mention of `name` implies ("Rep.
    Smith", "Lt. Gov. Ann Ostrow": the US), from `groups.yaml` title_abbreviations."""
    words = name.split()
    abbreviations = load_groups().title_abbreviations
    for token in doc[:-1]:
        country = abbreviations.get(token.text)
        if country is None:
            continue
        after = doc[token.i + 1 : token.i + 1 + len(words)]
        if [t.text for t in after] == words or after[:1].text == words[-1]:
            return country
    return None


def _modifier(token: Any) -> bool:
    """A lower-case word between a body and a title that modifies the title ("Hamas military
    commander"), not a verb ("France met Chancellor Merkel")."""
    return bool(token.is_lower and token.is_alpha and not token.tag_.startswith("VB"))


def _congress_role(roles: list[dict[str, Any]]) -> dict[str, Any]:
    """The role a US party-state tag gives ("Sen. Ann Ostrow (R-Ohio)"): the country, and the
    legislature's sector when no title gave one; past with a past title ("former Rep.")."""
    titled = [r for r in roles if r.get("key")]
    past = bool(titled) and all(r["past"] for r in titled)
    return {
        "title": "",
        "key": "",
        "country": "USA",
        "sector": None if titled else "LEG",
        "past": past,
        "then": any(r.get("then") for r in titled),
    }


def _country_of(doc: Doc, end: int, refs: dict[int, Span]) -> str | None:
    """ "Defense Minister Ahmad Karimi of Afghanistan", "Governor Tom Whitfield of Nebraska":
    the country, or the region's country, "of" names right after a titled name."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    ref = refs.get(next((s.end for s in refs.values() if s.start == end + 1), -1))
    if ref is not None and ref.label_ == "COUNTRY":
        country: str | None = ref._.actor_ref["country"]
        return country
    return country_after_name(doc, end)


def _region_before(doc: Doc, start: int) -> tuple[int, str] | None:
    """(start token, country) of a region or city named right before a title at `start`."""
    country = country_before_title(doc, start)
    if country is None:
        return None
    start_of = start - 1
    while start_of > 0 and doc[start_of].ent_iob_ == "I":
        start_of -= 1
    return start_of, country


def _head_or_single(title: Title | None) -> bool:
    return title is not None and bool(title.head or title.single)


_MAX_NOUNS = 2  # "French tourist", "British aid worker"


def _demonym_noun(doc: Doc, start: int, refs: dict[int, Span]) -> dict[str, Any] | None:
    """ "French tourist Benjamin Briere": a demonym, then one or two common nouns no title
    list knows, then the name; the person is of the demonym's country (no title, no office;
    the sector of the noun where the role lists know it)."""
    j = start
    while j > 0 and start - j < _MAX_NOUNS and doc[j - 1].tag_ in ("NN", "NNS"):
        j -= 1
    ref = refs.get(j)
    if j == start or ref is None or ref.label_ != "NORP" or not ref._.actor_ref["country"]:
        return None
    return {
        "title": None,
        "key": None,
        "country": ref._.actor_ref["country"],
        "sector": head_sector(doc[j:start]),
        "past": False,
        "then": False,
    }


def _lone_surnames(doc: Doc, blocked: set[int]) -> list[Span]:
    """A lone proper noun the NER model left unlabelled that the KB lists as used alone for
    one notable person ("Pence criticised the deal"): the model reads some surnames as
    common words. Not inside a longer run of proper nouns (an unknown full name)."""
    out: list[Span] = []
    for tok in doc:
        if tok.ent_type_ or tok.tag_ != "NNP" or tok.i in blocked or len(tok.text) < 4:
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if before is not None and before.tag_ == "NNP" and before.i not in blocked:
            continue
        if after is not None and after.tag_ in ("NNP", "NNPS"):
            continue
        if known_person_name(tok.text):
            out.append(doc[tok.i : tok.i + 1])
    return out


def _name_after_comma(ent: Span) -> Span | None:
    """The capitalised words after the last comma of a date the NER model ran on into a name
    ("On Monday, Musk said": DATE "Monday, Musk"); None when there are none."""
    commas = [t.i for t in ent if t.text == ","]
    if not commas or ent.end - commas[-1] - 1 not in range(1, _MAX_NAME + 1):
        return None
    tail = ent.doc[commas[-1] + 1 : ent.end]
    return tail if all(t.text[:1].isupper() and t.is_alpha for t in tail) else None


def _headline_case(span: Span) -> str:
    """A name in an all-capitals headline ("TRUMP SAYS CHINA WILL PAY", read as ORG) as it is
    written in running text ("Trump"), so that the KB and the document's names are asked of it;
    other spans as they are (an upper-case name in mixed text is an acronym: "NATO")."""
    if not span.text.isupper():
        return span.text
    letters = [c for c in span.sent.text if c.isalpha()]
    if len(letters) < 12 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return span.text
    return span.text.title()


def _named_person(text: str, day: str | None) -> bool:
    """A person the KB or the office-holders file knows by this name (on `day`)."""
    return known_person_name(text) or load_holders().names_person(text, day)


def _names_a_body(span: Span) -> bool:
    """A title word that begins an organisation's name ("General Motors", "General Electric")
    is no title: the NER model reads the whole as ORG or the KB lists it as a body."""
    if body(span.text) is not None:
        return True
    return any(
        e.label_ == "ORG" and e.start <= span.start and span.end <= e.end for e in span.doc.ents
    )


#: Words inside the remit that may follow an office's title before the holder's name
#: ("Assistant Secretary of State for East and Pacific Affairs Jane Roe").
_REMIT_JOINERS = frozenset({"and", "&", ",", "of", "the", "-"})
_MAX_REMIT = 8


def _remits(doc: Doc, people: list[_Person], roles: dict[int, RoleMatch]) -> list[Span]:
    """The remits between offices and their holders' names ("for East Asian and Pacific
    Affairs"): an organisation the NER model finds inside one is part of the title."""
    out = []
    for person in people:
        title = title_before(doc, person.start, roles)
        if title is not None and title.end < person.start:
            out.append(doc[title.end : person.start])
    return out


def title_before(doc: Doc, start: int, roles: dict[int, RoleMatch]) -> RoleMatch | None:
    """The title or institution right before a name starting at `start`: adjacent, or
    separated by its remit, "for" and capitalised words ("Under Secretary of Defense for Policy
    Colin Kahl", "Minister for Foreign Affairs Penny Wong")."""
    ends = {m.end: m for m in roles.values()}
    if start in ends:
        return ends[start]
    i = start - 1
    while i >= 0 and start - i <= _MAX_REMIT:
        token = doc[i]
        if token.lower_ == "for" and i < start - 1:
            match = ends.get(i)
            return match if match is not None and match.title is not None else None
        if not (token.text[:1].isupper() or token.lower_ in _REMIT_JOINERS):
            return None
        i -= 1
    return None


def _not_name(token: Any, blocked: set[int]) -> bool:
    return token.i in blocked or not token.text[:1].isupper() or token.text in POSSESSIVES


def _name_run(doc: Doc, start: int, blocked: set[int]) -> int:
    """End of a capitalised name starting at `start` (start itself if there is none)."""
    end = start
    while end < len(doc) and end - start < _MAX_NAME:
        token = doc[end]
        if end in blocked or token.ent_type_ in _STOP_ENTS or not token.text[:1].isupper():
            break
        if token.is_stop:
            break
        if not token.is_alpha and token.text not in (".",) and not token.text.endswith("."):
            break
        end += 1
    return end


def _skip_past(doc: Doc, start: int) -> int:
    j = start - 1
    if j >= 0 and doc[j].text == "-":
        j -= 1
    return j


def _skip_past_forward(doc: Doc, i: int) -> int:
    return i + 1 if i < len(doc) and doc[i].text == "-" else i


def _ref_before(doc: Doc, start: int, refs: dict[int, Span]) -> Span | None:
    if start > 0 and doc[start - 1].text in POSSESSIVES:
        return refs.get(start - 1)
    return refs.get(start)


def _ref_after(doc: Doc, start: int, refs: dict[int, Span]) -> Span | None:
    """A country or organisation within a few words after a title: "secretary of Iran's ..."."""
    for ref in refs.values():
        if start <= ref.start <= start + 6 and not any(
            doc[i].is_punct and doc[i].text not in POSSESSIVES for i in range(start, ref.start)
        ):
            return ref
    return None


def _span(doc: Doc, start: int, end: int, label: str, entry: dict[str, Any]) -> Span:
    span = Span(doc, start, end, label=label)
    span._.actor_ref = ref_of(entry)
    return span


#: Sectors of office: a person the text calls a former holder of one is ELI (PLOVER: "former
#: government officials who currently do not hold positions").
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def _us_state_body(ref: Span, match: RoleMatch) -> bool:
    """A country's name that is also a US state's, directly before the word a US state's
    legislature goes by ("Georgia Legislature", not "Georgia parliament"), names the state's."""
    return (
        ref.label_ == "COUNTRY"
        and ref.end == match.start
        and ref.doc[match.start : match.end].text.lower() in STATE_BODIES
        and us_state_namesake(ref.text)
    )


def _fill_titled(entities: dict[str, dict[str, dict[str, Any]]], *, day: str | None) -> None:
    """A titled bare surname the KB and the text left without a country ("Senator Warner")
    is the one KB person of that surname holding an office of the title's sector on `day`."""
    for group in entities.values():
        for entry in {id(e): e for e in group.values()}.values():
            if entry.get("country") or entry.get("kb_person") or entry.get("role_only"):
                continue
            sectors = {r["sector"] for r in entry.get("roles", []) if r.get("key") and r["sector"]}
            current = all(not r["past"] or r.get("then") for r in entry.get("roles", []))
            match = match_titled(entry["name"], sectors, day) if current else None
            if match is not None and match.person is not None:
                entry["country"], entry["kb_person"] = match.country, match.person.id


def _person_entry(name: str, roles: list[dict[str, Any]]) -> dict[str, Any]:
    """A doc-local person: country and sector from the current roles ("then-" roles count as
    current for the report); a person with only former offices is ELI of that country."""
    current = [r for r in roles if not r["past"] or r.get("then")]
    country = next((r["country"] for r in current or roles if r["country"]), None)
    sector = next((r["sector"] for r in current or roles if r["sector"]), None)
    if not current and sector in _OFFICE_SECTORS:
        sector = "ELI"
    folded = " ".join(fold_part(p) for p in name_parts(name))
    return {
        "id": content_id("act", "person", folded),
        "name": name,
        "type": "person",
        "country": country,
        "sector": sector,
        "roles": _unique_roles(roles),
        "kb": False,
    }


def _unique_roles(roles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for role in roles:
        seen.setdefault((role["key"], role["country"], role["past"]), role)
    return list(seen.values())


def _group(people: list[_Person]) -> dict[str, dict[str, dict[str, Any]]]:
    """Doc-local people: surname key -> surface name -> shared entry. A bare surname joins the
    one full name that ends with it; with several, the one named first before it (`_earlier`);
    a bare family name written first joins its full name (`_family_first`)."""
    out = _group_by_surname(people)
    _earlier(people, out)
    _family_first(people, out)
    return out


def _earlier(people: list[_Person], out: dict[str, dict[str, dict[str, Any]]]) -> None:
    """A bare surname shared by several full names ("Hillary Rodham Clinton", "Bill Clinton")
    means the one the document named first, before the surname's first mention: the story's
    subject, whom later mentions call by surname alone. The other stays apart."""
    first: dict[str, int] = {}
    for person in people:
        first[person.name] = min(first.get(person.name, person.start), person.start)
    for key, names in out.items():
        long_names = sorted(
            (n for n in names if len(name_parts(n)) > 1), key=lambda n: first.get(n, 0)
        )
        if len({id(names[n]) for n in long_names}) < 2:
            continue
        for bare in [n for n in names if len(name_parts(n)) == 1]:
            before = [n for n in long_names if first.get(n, 0) < first.get(bare, 0)]
            if before:
                out[key][bare] = names[before[0]]


def _family_first(people: list[_Person], out: dict[str, dict[str, dict[str, Any]]]) -> None:
    """ "Moon" after "Moon Jae-in": a bare name that is no full name's surname, but the family
    name written first of exactly one full name whose given name is hyphenated or lower-case
    after the hyphen (Korean names), means that person."""
    full: dict[str, tuple[str, str]] = {}  # folded family name -> (full name, its key)
    seen: set[str] = set()
    for person in people:
        words = person.name.split()
        if len(words) == 2 and "-" in words[1] and words[0][:1].isupper():
            family = fold_part(words[0])
            if family in full and full[family][0] != person.name:
                seen.add(family)  # two people of that family: ambiguous
            full.setdefault(family, (person.name, surname_key(person.name)))
    for key, names in out.items():
        for bare in [n for n in names if len(name_parts(n)) == 1]:
            found = full.get(fold_part(bare))
            own_long = any(len(name_parts(n)) > 1 for n in names)
            if found is None or fold_part(bare) in seen or own_long:
                continue
            entry = out.get(found[1], {}).get(found[0])
            if entry is not None:
                out[key][bare] = entry


def _group_by_surname(people: list[_Person]) -> dict[str, dict[str, dict[str, Any]]]:
    """Surname key -> surface name -> entry; a bare surname joins the one full name ending
    with it."""
    full: dict[str, list[_Person]] = {}
    for person in people:
        full.setdefault(surname_key(person.name), []).append(person)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for key, members in full.items():
        long_names = {p.name for p in members if len(name_parts(p.name)) > 1}
        out[key] = {}
        canon = next(iter(long_names)) if len(long_names) == 1 else None
        if not long_names:
            canon = members[0].name
        roles = [r for p in members for r in p.roles]
        shared = _person_entry(canon, roles) if canon else None
        for person in members:
            if shared is not None:
                out[key][person.name] = shared
            else:
                mine = [r for p in members if p.name == person.name for r in p.roles]
                out[key][person.name] = _person_entry(person.name, mine)
    return out


def _propagate(
    doc: Doc,
    people: list[_Person],
    entities: dict[str, dict[str, dict[str, Any]]],
    taken: set[int],
) -> None:
    """Later bare surnames the NER model missed ("Putin-Araghchi meeting") join their person."""
    covered = taken | {i for p in people for i in range(p.start, p.end)}
    surnames: dict[str, str] = {}
    for person in people:
        parts = name_parts(person.name)
        entry = entities[surname_key(person.name)][person.name]
        shared = len({id(e) for e in entities[surname_key(person.name)].values()}) == 1
        # a lower-case last part ("Moon Jae-in") is no surname a later word can stand for
        if len(parts) > 1 and shared and entry.get("type") == "person" and parts[-1][:1].isupper():
            surnames[parts[-1]] = person.name
    for token in doc:
        if token.i in covered or token.text not in surnames:
            continue
        name = surnames[token.text]
        entities[surname_key(name)].setdefault(token.text, entities[surname_key(name)][name])
        people.append(_Person(token.i, token.i + 1, token.text))


def _role_only(
    match: RoleMatch,
    ref: Span,
    past: bool,
    table: dict[str, dict[str, Any]],
    lex: ActorLexicon,
) -> dict[str, Any] | None:
    """An unnamed role-holder ("the Iranian foreign minister"); a vaguer description in the
    same doc ("the Iranian minister") joins it."""
    data = ref._.actor_ref
    country = data["country"]
    for entry in table.values():
        role = entry.get("role_only")
        if (
            role
            and entry["country"] == country
            and role["past"] == past
            and lex.compatible(match, role)
        ):
            return entry
    if match.title is None:
        return None
    role = {
        "title": match.title.title,
        "key": match.title.key,
        "country": country,
        "sector": data["sector"] if ref.label_ == "ORG" and data["sector"] else match.title.sector,
        "past": past,
    }
    return {
        "id": content_id("act", "role", country, match.title.key, past),
        "name": f"{match.title.title} ({data['name']})",
        "type": "person",
        "country": country,
        # the office's sector even when "former": the event coder reads it (docs/evaluation.md,
        # actors helper: ELI here cost a held-out plover-fresh-3-test pair)
        "sector": role["sector"],
        "roles": [role],
        "role_only": role,
        "kb": False,
    }


@Language.factory(
    "eventline_people_v1",
    requires=["doc.ents", "doc.spans"],
    assigns=["doc.spans", "span._.actor", "doc._.actor_table"],
)
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    """Registry entry: `nlp.add_pipe("eventline_people_v1", after="eventline_actors_v1")`."""
    return PeopleFinder(nlp)
