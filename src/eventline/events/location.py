"""Where an event happened: the place its own clause names, else (with care) the dateline.

The text. `event_place` looks in the event's clause (not in clauses telling another event:
"after the US bombed sites in Iran", "as Iran braces for ..."; "when they blew themselves up
in Tel Aviv" is the same event) for:

1. the object of a place preposition ("met in Ashgabat, Turkmenistan", "shelling near
   Kharkiv"): the name itself, a venue's city ("at the White House", "in the Oval Office",
   "at the Kremlin", also "on Capitol Hill": `places.venue_place`), or the name a place noun
   holds ("in the Kursk region", "the Russian city of Kazan", "the outskirts of Kyiv", "the
   Iranian capital"; a name tagged as an adjective too: "the Kyiv region"), the seat city a
   body is named by ("met in Brussels", though "Brussels" as a subject or an object is the
   EU and names no place: `places.seat_place`), a square or a
   district the gazetteer lacks by the city owning it ("in Tel Aviv's Habima Square"), or a
   proper name the NER missed; never a name buried deeper in the phrase ("in his first trip
   after the invasion of Ukraine" names no place of the trip);
2. the destination of a travel verb ("visited Iran", "travelled to Tehran") or the object of
   a verb that reaches a place ("missiles hit Kyiv", "jets struck southern Lebanon");
3. a city or region named elsewhere in the clause, outside its subject and the words
   describing it ("strikes hit Kharkiv", "equipment sent to Tehran"; not "Florida Gov. Ron
   DeSantis met ...", "a senator from Virginia called ...") and phrases of time ("a week
   before the New Hampshire primary"), unless it is a capital standing for its state as the
   object of a verb that reaches no place ("criticised Moscow", "help Tehran"), or a word
   describing an office holder ("met a Texas senator"); a place naming its residents counts
   even in the subject ("Ohio voters rejected ...", "killed Gaza residents").

Among several, a city beats a region, which beats a country. Names are read with the
GeoNames gazetteer (`eventline.nlp.places`): among namesakes the city in the region named
beside it ("Columbus, Georgia"), then in a country the sentence names, then in the article's
main country (the country its actors most often belong to), else the most populous.
Demonyms ("Russian"), organisations, groupings and blocs ("BRICS", "the West") are never
places; a name the gazetteer lacks is kept with the country the text gives it. An event with
none of these in its clause looks in the clause an infinitive or subject-less participle
hangs from ("officials were in Tehran to discuss ..."), then in the clause a subject-less
verb is joined to ("raided a hideout in Sinaloa and arrested its leader", `source: context`).
An attack noun's "on"/"of"/"against"/"into" target is a place when the noun is the event, its
clause's subject or the object of a verb carrying it out ("a missile strike on Dnipro killed
...", "launched its attack on Israel"); an attack told by a noun under a speech act ("condemned
attacks on Iran's sites") is at its target (`_noun_targets`); the owner of a site an attack
reaches is its place ("struck Iran's nuclear sites", not "Israel's embassy"); a site or a
gathering named by its city or region is there ("struck a Kharkiv hospital", "at the Des Moines
rally", and an event told by such a noun: "the Doha talks collapsed"; never by a country: "the
Iran talks"); a name under a participle of where someone lives or is based ("an Ohio-based
company sued", "a man living in Haifa") says where they are, not the event's place; a catching
joined to a clause that places people acting is where they acted ("Thousands rallied in Tbilisi,
and police arrested dozens"); a month ("In March") is never a place.
Still nothing found, the place where the event's object did what a relative clause tells
("arrested activists who had blocked a road in Albany") or an "after" clause of a catching
tells ("arrested 12 people after protesters blocked a road in Albany", `_doers_scene`), then
the place a relative clause on the subject puts it in at the time ("Trump, who was campaigning
in Iowa, accused ...", `_subjects_scene`). A subject-less arrival under "after" ("After landing
in Milwaukee, Harris praised ...") and the destination of a visit framing the act ("On a visit
to Kyiv, ...", "X, on a tour of Kenya, signed ..." with the aside hung on a comma or on the
subject, "on the last day of his visit to Hanoi", "Visiting Lima, X ...", "X, who is on a visit
to Lima, ...") name the event's place; a state Capitol, a statehouse or "the state capital" is
the capital city of the state named or of the article's one state (`_capitol`,
`_state_capital`); a demonym's indefinite place noun ("a Lebanese village") is in its country; a
site the gazetteer lacks named after a region ("the Iowa State Fair") is in the region; a name
the document uses for a person ("Gov. Katie Hobbs" ... "accused Hobbs") is no place outside a
place preposition.

The visit. An event told by a visit noun ("a trip to Kyiv", "a tour of Kenya", "a stop in
Beirut") is at its destination, not where it was announced; a city of the destination's country
its clause names stays (`_visit_destinations`).

The context. `dateline_locations` first gives an event set at a gathering named before ("At the
town hall, X attacked ...") that gathering's place (`events/gathering_scene.py`), then carries
the scene of the sentence before to an event tied to it (`events/scene.py`, `source: context`),
then gives a lead that names no place the scene the next sentence sets for the same actor on the
same day ("X on Saturday accused Y ... | Speaking at a town hall in Nashua, X said ...",
`_lead_scene`), gives an event of a headline (a first line without a final stop) the place the
lead under it gives an event of the same type with an actor in common, and the other way round
(`_headline_scene`: "Russia and Ukraine hold talks | ISTANBUL - Russian and Ukrainian
delegations met in Istanbul"), then applies the dateline.

The dateline. A report's dateline ("KYIV, Oct 1 (Reuters) -") says where it was filed, not
where everything in it happened. `dateline_locations` gives the dateline's place (marked
`source: dateline`) only to an event that names no place and
- is asserted, happened on the report's day or the day before (dated by its report or so
  dated), and
- is told in a sentence's main clause (not inside reported speech or a subordinate clause),
  and
- has an actor of the dateline's country (a Ukrainian official in a Kyiv report speaks in
  Ukraine; a Russian strike reported from Kyiv did not happen in Kyiv; an actor given the
  country named like the dateline's region, "Georgia's top election official" in a report
  from Atlanta, is of the region's country), or only actors of no
  known country in an article whose actors mostly belong to the dateline's country (a
  candidate the actor KB lacks, in a report on a US campaign filed from Des Moines), or a
  body seated in the dateline's city (the EU in a report filed from Brussels), or only actors
  who are parties to a meeting the text itself places in the dateline's city near the report's
  day ("MOSCOW - Putin hosted Araqchi in Moscow ... Araqchi thanked Russia ...": `_guests`).
Nothing else is guessed: a country's capital is never a default.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

import pycountry
from spacy.tokens import Doc, Span, Token

from eventline.events.args import ActorIndex, children
from eventline.events.doc_text import doc_text
from eventline.events.gathering_scene import gathering_locations
from eventline.events.patterns import EventLexicon
from eventline.events.scene import context_locations, in_main_clause
from eventline.model import EventMention, Place

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CLAUSE_STOP = {"ccomp", "relcl", "conj", "csubj", "parataxis"}
_OWN_CLAUSE = {"advcl", "acl", "xcomp", "pcomp"}  # stop there when they have a subject
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_NAMES = ("NNP", "NNPS")
_SAME_TIME = frozenset({"when", "while", "as", "where", "whereupon"})
#: Prepositions under which a capital the actor stage reads as its state is the state ("sanctions
#: on Caracas", "talks with Beijing"), not a place ("from" is left out: "fled from Kyiv").
_STATE_PREPS = frozenset({"on", "with", "against", "over", "toward", "towards", "by"})
_RANK = {"city": 0, "admin1": 1, "country": 2, None: 3}
_DATELINE_DAYS = 1  # an event up to a day before the report was told from where it was filed


def _cues() -> dict[str, frozenset[str]]:
    from eventline.nlp.places import cues

    return cues()


def clause_tokens(verb: Token) -> Iterator[Token]:
    """Tokens of `verb`'s own clause, not descending into embedded clauses."""
    stack = [verb]
    while stack:
        tok = stack.pop()
        yield tok
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_STOP)


def own_clause(verb: Token, *, about: bool = False) -> Iterator[Token]:
    """Like `clause_tokens`, and not into a clause telling another event (`_another_event`:
    "after the US bombed sites in Iran"); a subject-less participle stays ("Speaking in
    London, X accused ..."), and so do conjoined noun phrases ("the governments of Canada and
    Ontario"). `about`: also into what a speech act is about ("accused X of shelling ...")."""
    stack = [verb]
    while stack:
        tok = stack.pop()
        yield tok
        for c in tok.children:
            if c.dep_ in _CLAUSE_STOP and not _nominal_conj(c, verb):
                continue
            if c.dep_ in _OWN_CLAUSE and _another_event(c, about=about):
                continue
            stack.append(c)


def _nominal_conj(tok: Token, verb: Token) -> bool:
    """A conjoined noun phrase inside the clause ("loans from the government of Canada and the
    provincial government of Ontario"), not a conjoined clause."""
    return tok.dep_ == "conj" and tok.head != verb and tok.pos_ in ("NOUN", "PROPN", "PRON")


def _another_event(clause: Token, *, about: bool = False) -> bool:
    """An embedded clause telling another event: one with a subordinator of another time or
    reason ("after the US bombed ...", "because ..."), or with a subject of its own that is
    not a pronoun ("as Iran braces for ..."). "when they blew themselves up in Tel Aviv" tells
    the same event, and so does a subject-less participle."""
    if not about and clause.dep_ == "pcomp" and clause.tag_ == "VBG" and _about(clause.head):
        return True  # "accused Moscow of prolonging the war in Ukraine": what is said
    for child in clause.children:
        if child.dep_ == "mark" and child.lower_ not in _SAME_TIME:
            return True
        if child.dep_ in _SUBJECTS and child.pos_ != "PRON":
            return True
    return False


def _about(prep: Token) -> bool:
    """A preposition whose verb-ing phrase tells what a speech act is about (`cues.yaml`
    `content_prepositions`), not a means or a time ("by firing", "after meeting")."""
    return prep.dep_ == "prep" and prep.lower_ in _cues()["content_prepositions"]


@cache
def country_code(name: str) -> str | None:
    """ISO alpha-3 of a country name ("Turkmenistan" -> "TKM"), None if it is not one."""
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


class _DocPlaces:
    """Per-doc facts the place search reads: place entities by token, the article's main
    country and the dateline's tokens; built once per doc (`doc.ents` is costly)."""

    def __init__(self, doc: Doc, actors: ActorIndex) -> None:
        self.doc = doc
        self.ents = {
            i: e for e in doc.ents if e.label_ in _PLACE_LABELS for i in range(e.start, e.end)
        }
        seen = {id(span): ref for pairs in actors.by_token.values() for span, ref in pairs}
        counts = Counter(r.country for r in seen.values() if r.country)
        self.context = counts.most_common(1)[0][0] if counts else None
        found = find_dateline(doc)
        self.dateline = found[0] if found else None
        self.dateline_tokens = set(range(found[1].start, found[1].end)) if found else set()
        self.regions = _article_regions(doc, self.ents)


def _article_regions(doc: Doc, ents: dict[int, Span]) -> frozenset[tuple[str, str | None]]:
    """The regions an article names or is filed from ("New Hampshire" of "MANCHESTER, N.H."),
    which pick among namesake cities ("Concord")."""
    from eventline.nlp.places import is_grouping, resolve_place

    found: set[tuple[str, str | None]] = set()
    filed = dateline_place(doc)
    if filed is not None and filed.admin1 and filed.country:
        found.add((filed.country, filed.admin1))
    for ent in set(ents.values()):
        if ent.label_ == "GPE" and not is_grouping(ent.text):
            place = resolve_place(ent.text, region=_region_beside(ent))
            if place is not None and place.kind == "admin1" and place.country:
                found.add((place.country, place.admin1))
    return frozenset(found)


_LAST: list[Any] = [None, None]  # the last doc seen and its _DocPlaces


def _doc_places(doc: Doc, actors: ActorIndex) -> _DocPlaces:
    if _LAST[0] is not doc:
        _LAST[:] = [doc, _DocPlaces(doc, actors)]
    found: _DocPlaces = _LAST[1]
    return found


def find_dateline(doc: Doc) -> tuple[str, Span] | None:
    """The dateline's place and its tokens, when one of the doc's first lines opens with one
    ("MOSCOW, June 23 (Reuters) -", "KYIV:")."""
    from eventline.clean.metadata import read_dateline

    offset = 0
    for line in doc_text(doc).split("\n")[:4]:
        text = line.lstrip()
        start = offset + len(line) - len(text)
        offset += len(line) + 1
        if not text:
            continue
        found = read_dateline(text)
        if found is None:
            continue
        place = found.place
        span = doc.char_span(start, start + len(place), alignment_mode="expand")
        return (place, span) if span is not None else None
    return None


def event_place(
    verb: Token, actors: ActorIndex, lex: EventLexicon, *, about: bool = False
) -> Place | None:
    """Where the event happened, from the text alone (see the module docstring). `about`: also
    the place of what the event is about or dated by ("accused X of shelling Kharkiv", "after
    the strike in Damascus", "called for a truce in Gaza"), a hint of the country of its
    unnamed parties (events/rules_places.py), not its location."""
    finder = _PlaceFinder(verb, actors, lex, about=about)
    clause: Token | None = verb
    for _ in range(2):
        if clause is None:
            break
        found = finder.in_clause(clause)
        if found is not None:
            return found
        own_subject = any(c.dep_ in _SUBJECTS for c in clause.children)
        climb = clause.dep_ in ("xcomp", "advcl") and not own_subject
        clause = clause.head if climb else None
    return (
        _where(finder, verb)
        or _joined_scene(finder, verb)
        or _caught_in_joined_scene(finder, verb)
        or _doers_scene(finder, verb)
        or _subjects_scene(finder, verb)
    )


def _where(finder: _PlaceFinder, verb: Token) -> Place | None:
    """The place a "where" clause hangs from ("went on to Concord, where she met the governor",
    "a rally in Des Moines, where he attacked his rivals"): its antecedent when that names a
    place, else the place phrase of the antecedent, else, for a gathering or a time the parser
    hung the clause on ("held a rally in Des Moines on Friday night, where"), the place of the
    antecedent's clause; "a situation where ..." names none."""
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children
    ):
        return None
    noun = verb.head
    if (found := finder.phrase(noun)) is not None:
        return found
    for prep in children(noun, "prep"):
        if prep.lower_ in _cues()["prepositions"]:
            for pobj in children(prep, "pobj"):
                if (found := finder.phrase(pobj)) is not None:
                    return found
    if noun.ent_type_ not in ("DATE", "TIME") and noun.lemma_.lower() not in _cues()["gatherings"]:
        return None  # "a situation where ...": no place the clause around it names
    clause = noun
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    return finder.in_clause(clause) if clause.pos_ in ("VERB", "AUX") else None


def _joined_scene(finder: _PlaceFinder, verb: Token) -> Place | None:
    """The city or region of the clause a subject-less verb is joined to ("raided a hideout in
    Sinaloa and arrested its leader": the arrest is in Sinaloa), marked `source: context`; not
    for a verb that moves somewhere else ("met Xi in Beijing and returned home"), nor for what
    might happen ("would divert attention from the war in Ukraine and trigger ...")."""
    cues = _cues()
    lemma = verb.lemma_.lower()
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if lemma in cues["travel_verbs"] or lemma in cues["departure_verbs"]:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for v in (verb, verb.head) for c in v.children):
        return None
    found = finder.in_clause(verb.head)
    if found is None or found.kind not in ("city", "admin1"):
        return None
    return found.model_copy(update={"source": "context"})


def _caught_in_joined_scene(finder: _PlaceFinder, verb: Token) -> Place | None:
    """A catching told in a clause joined to one that places people acting ("Thousands rallied
    in Tbilisi on Friday, and police arrested dozens of them"; "protested across Iran, and
    security forces detained hundreds"): the catching is where they acted, as for a relative
    clause (`_doers_scene`), marked `source: context`. Only a catch verb (`cues.yaml`
    `catch_verbs`) with a subject of its own (a subject-less one is `_joined_scene`'s), neither
    clause modal, the first not a move elsewhere ("fled to Armenia, and police detained ...")."""
    cues = _cues()
    head = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or head.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in cues["catch_verbs"]:
        return None
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    if head.lemma_.lower() in cues["travel_verbs"] | cues["departure_verbs"]:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for v in (verb, head) for c in v.children):
        return None
    found = finder.in_clause(head)
    return found.model_copy(update={"source": "context"}) if found is not None else None


_RECENT = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today"}
    | {"yesterday", "tonight", "morning", "afternoon", "evening", "night", "earlier", "day"}
)


def _doers_scene(finder: _PlaceFinder, verb: Token) -> Place | None:
    """The city or region where the event's object (or passive subject) did what a relative
    clause tells, when the event's own clause names none: "police arrested nine activists who
    had blocked a road in Albany" (the arrest is where they blocked it). Only an act told in the
    past, by the one acted on ("who", "that"), dated as recently as the event or not at all
    ("who had attacked a family in London in 2019" is another day), in a sentence naming no
    other place; never where someone lives, works or goes ("a man who lives in Haifa",
    `cues.yaml` `residence_verbs`). Only for an event that catches people where they act (an
    arrest, a rescue: `catch_verbs`): "killed a commander who planned attacks in Tel Aviv" or
    "sanctioned officials who cracked down in Tehran" happened elsewhere. Likewise the place
    of a past act an "after"/"when"/"as" clause of the catching tells ("arrested 12 people after
    protesters blocked a road in Albany"), not a place someone went to or left."""
    cues = _cues()
    if verb.lemma_.lower() not in cues["catch_verbs"]:
        return None
    for clause in children(verb, "advcl"):  # "arrested 12 people after protesters blocked ..."
        if not any(c.dep_ == "mark" and c.lower_ in _CAUGHT_AT for c in clause.children):
            continue
        moved = clause.lemma_.lower() in cues["travel_verbs"] | cues["departure_verbs"]
        found = finder.in_clause(clause) if _doers_act(clause, who=False) and not moved else None
        if found is not None and found.kind in ("city", "admin1"):
            return None if _other_places(finder, clause) else found
    for noun in children(verb, "dobj", "nsubjpass"):
        for clause in children(noun, "relcl"):
            found = finder.in_clause(clause) if _doers_act(clause) else None
            if found is not None and found.kind in ("city", "admin1"):
                return None if _other_places(finder, clause) else found
    return None


#: Subordinators of an act the catching met at its place ("arrested them after they blocked a
#: road in Albany", "detained him as he was leaving", "when they stormed the building").
_CAUGHT_AT = frozenset({"after", "when", "as", "while"})


def _subjects_scene(finder: _PlaceFinder, verb: Token) -> Place | None:
    """The city or region a relative clause on the event's subject puts the subject in at the
    time ("Trump, who was campaigning in Iowa, accused ..."; "Haley, who held a town hall in
    Nashua on Tuesday, criticized ..."), marked `source: context`: the clause is progressive, or
    past and dated by a day as recent as the report ("on Tuesday", "today") while the event's
    own clause sets no other date; not where the subject lives or comes from (`residence_verbs`),
    nor a place someone went to, and not when the sentence names another city or region."""
    cues = _cues()
    for subject in children(verb, "nsubj"):
        for clause in children(subject, "relcl"):
            visiting = _on_visit_now(clause)
            moves = clause.lemma_.lower() in cues["residence_verbs"] | cues["travel_verbs"]
            if moves and not visiting:
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children):
                continue
            if not (visiting or _progressive(clause) or _recent_day(clause, verb)):
                continue
            found = finder.in_clause(clause)
            if found is not None and found.kind in ("city", "admin1"):
                if _other_places(finder, clause):
                    return None
                return found.model_copy(update={"source": "context"})
    return None


def _on_visit_now(clause: Token) -> bool:
    """ "X, who is visiting Buenos Aires, signed ...", "X, who was on a visit to Lima, said
    ...", "who is in Kyiv for a two-day visit", "who arrived in Lima for a visit": a relative
    clause that puts the subject on a visit at the time (not "who will visit", "who plans to
    visit")."""
    visits = _cues()["visit_nouns"]
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in clause.children):
        return False
    lemma = clause.lemma_.lower()
    if lemma in visits and _progressive(clause):
        return True
    if lemma != "be" and lemma not in _cues()["travel_verbs"]:
        return False  # "who arrived in Lima for a two-day visit" is there too
    return any(
        p.lemma_.lower() in visits
        for prep in children(clause, "prep")
        if prep.lower_ in _VISIT_PREPS | {"for"}
        for p in children(prep, "pobj")
    )


def _progressive(clause: Token) -> bool:
    """ "who was campaigning", "who is touring": an ongoing act, at the time of the event."""
    return clause.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "be" for c in clause.children
    )


def _recent_day(clause: Token, verb: Token) -> bool:
    """The clause is dated by a recent day ("on Tuesday", "today") and the event's own clause,
    outside it, by no other date."""
    inside = {t.i for t in clause.subtree}
    dates = [e for e in verb.doc.ents if e.label_ in ("DATE", "TIME") and e.sent == verb.sent]
    own = [e for e in dates if e.start in inside]
    if not own or not all(any(t.lower_.rstrip("s") in _RECENT for t in e) for e in own):
        return False
    texts = {e.text.casefold() for e in own}
    return all(e.text.casefold() in texts for e in dates if e.start not in inside)


def _doers_act(clause: Token, *, who: bool = True) -> bool:
    """A relative clause telling a past act of its antecedent ("who had blocked a road");
    `who=False`: any past clause ("after protesters blocked a road")."""
    if clause.lemma_.lower() in _cues()["residence_verbs"] or clause.tag_ not in ("VBD", "VBN"):
        return False
    if who and not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in clause.children):
        return False
    inside = {t.i for t in clause.subtree}
    dates = [e for e in clause.doc.ents if e.label_ in ("DATE", "TIME") and e.start in inside]
    return all(any(t.lower_.rstrip("s") in _RECENT for t in e) for e in dates)


def _other_places(finder: _PlaceFinder, clause: Token) -> bool:
    """The sentence names a city or region outside the relative clause ("Police in London
    arrested a man who had fought in Aleppo"): which one is the event's is unclear."""
    inside = {t.i for t in clause.subtree}
    for ent in {id(e): e for e in finder.ents.values()}.values():
        if ent.sent != finder.verb.sent or ent.start in inside:
            continue
        place = finder.place(ent)
        if place is not None and place.kind in ("city", "admin1"):
            return True
    return False


class _PlaceFinder:
    """One event's place search: entities, sentence countries and answers computed once."""

    def __init__(
        self, verb: Token, actors: ActorIndex, lex: EventLexicon, *, about: bool = False
    ) -> None:
        self.verb, self.actors, self.lex, self.about = verb, actors, lex, about
        self.facts = _doc_places(verb.doc, actors)
        self.ents = self.facts.ents
        self.memo: dict[int, Place | None] = {}
        self._hints: set[str] | None = None

    def hints(self) -> set[str]:
        """The countries of the sentence: its actors' and those it names ("the governments of
        Canada and Ontario": the province)."""
        from eventline.nlp.places import country_of_name

        if self._hints is None:
            covering = (self.actors.covering(t) for t in self.verb.sent)
            self._hints = {r.country for r in covering if r is not None and r.country}
            named = (e for e in self.verb.sent.ents if e.label_ == "GPE")
            self._hints |= {c for e in named if (c := country_of_name(e.text))}
        return self._hints

    def place(self, ent: Span) -> Place | None:
        from eventline.nlp.places import is_grouping, resolve_place

        if ent.start not in self.memo:
            found = None
            ent = _without_possessive(ent)  # "Burkina Faso's" as the NER may mark it
            if _someone(ent):
                pass  # "accused Hobbs of ..." after "Gov. Katie Hobbs": the person, no town
            elif not is_grouping(ent.text) and ent.start not in self.facts.dateline_tokens:
                country = _country_for(ent, self.actors, self.lex, self.ents)
                hints = {country} if country else self.hints()
                if country and self._capital_read(ent):
                    hints = self._other_countries(ent) or hints
                found = resolve_place(
                    ent.text,
                    hints=hints,
                    context=self.facts.context,
                    region=_region_beside(ent),
                    near=self.facts.regions,
                )
                if found is None:
                    found = self._region_entity(ent)
                if found is None:
                    found = self._owner(ent)
                if found is None and ent.label_ in ("FAC", "LOC"):
                    found = self._region_in_name(ent)
                if found is None and (country or ent.label_ in ("LOC", "FAC")):
                    found = Place(name=ent.text, country=country)
            self.memo[ent.start] = found
        return self.memo[ent.start]

    def _seat(self, ent: Span) -> Place | None:
        """The city a body is named after, its seat ("met in Brussels": the city, though the
        actor stage reads "Brussels" as the European Union, and no place comes of it as a
        subject or an object: "Brussels warned Budapest"). Asked only for the object of a place
        preposition, a destination or a target (`phrase`): there the name is the venue."""
        from eventline.nlp.places import seat_place

        if ent.start in self.facts.dateline_tokens:
            return None
        return seat_place(_without_possessive(ent).text)

    def _owner(self, ent: Span) -> Place | None:
        """The city or region owning a square, a street or a district the gazetteer lacks ("in
        Tel Aviv's Habima Square"): its coordinates are the owner's."""
        from eventline.nlp.places import resolve_place

        for owner in children(ent.root, "poss"):
            other = self.ents.get(owner.i)
            if other is None or other == ent:
                continue
            other = _without_possessive(other)
            found = resolve_place(
                other.text, hints=self.hints(), context=self.facts.context, near=self.facts.regions
            )
            if found is not None and found.kind in ("city", "admin1"):
                return found
        return None

    def _region_in_name(self, ent: Span) -> Place | None:
        """A facility or site the gazetteer lacks whose name opens with a region's ("at the Iowa
        State Fair", "the Ohio Expo Center"): in that region. Only a region (a state, a
        province), not a city: "the Hoover Dam" is not in Hoover, Alabama."""
        from eventline.nlp.places import resolve_place

        words = [t for t in ent if t.lower_ != "the"]
        for n in range(len(words) - 1, 0, -1):
            if any(t.tag_ not in _NAMES for t in words[:n]):
                continue
            text = ent.doc[words[0].i : words[n - 1].i + 1].text
            found = resolve_place(text, hints=self.hints(), context=self.facts.context, towns=False)
            if found is not None and found.kind == "admin1":
                return found
        return None

    def _region_entity(self, ent: Span) -> Place | None:
        """An entity that holds its region noun ("Ghor province", "the Sumy region")."""
        from eventline.nlp.places import resolve_region

        last = ent[-1]
        if len(ent) < 2 or last.lemma_.lower() not in _cues()["region_nouns"]:
            return None
        name = ent[:-1].text
        found = resolve_region(name, hints=self.hints(), context=self.facts.context)
        return found.model_copy(update={"name": ent.text}) if found is not None else None

    def _capital_read(self, ent: Span) -> bool:
        """The actor stage read the name as a capital standing for its state (a METONYM):
        its country is the name's most famous namesake's, no evidence of which is meant."""
        return any(span.label_ == "METONYM" for span, _ in self.actors.by_token.get(ent.root.i, ()))

    def _other_countries(self, ent: Span) -> set[str]:
        """The countries of the sentence's other actors, when a namesake city of the name
        lies in one of them ("Lebanese troops clashed with gunmen in Tripoli": Lebanon's)."""
        from eventline.nlp.places import gazetteer

        words = range(ent.start, ent.end)
        refs = (self.actors.covering(t) for t in self.verb.sent if t.i not in words)
        others = {r.country for r in refs if r is not None and r.country}
        cities = gazetteer().cities.get(ent.text.casefold().removeprefix("the "))
        return {c.country for c in cities if c.country in others}

    def in_clause(self, verb: Token) -> Place | None:
        """The best place of the clause: a city before a region before a country."""
        cues = _cues()
        tokens = list(own_clause(verb, about=self.about))
        found: list[Place | None] = []
        lemma = verb.lemma_.lower()
        travel = lemma in cues["travel_verbs"] or lemma in cues["object_place_verbs"]
        for tok in tokens:
            if tok.dep_ != "prep":
                continue
            if not self.about and (_dated_by(tok, verb) or _topic(tok.head) or _matter(tok, verb)):
                continue  # "after the strike on its consulate in Damascus": another happening
            if not self.about and _resident_at(tok, verb):
                continue  # "a company based in Ohio sued ...": where it is, not where it sued
            destination = (
                tok.lower_ == "to"
                and tok.head.pos_ in ("VERB", "AUX")  # not "a return to Myanmar"
                and tok.head.lemma_.lower() in cues["travel_verbs"]
            ) or _on_a_visit(tok, verb)
            airspace = tok.lower_ == "over" and tok.head.lemma_.lower() in cues["over_heads"]
            if tok.lower_ in cues["prepositions"] or destination or airspace or _target(tok, verb):
                found.extend(self.phrase(pobj) for pobj in children(tok, "pobj"))
            elif tok.lower_ == "on":  # "on Capitol Hill", "on Red Square": a venue's city only
                found.extend(_venue(pobj) for pobj in children(tok, "pobj"))
        if travel:
            found.extend(self.phrase(obj) for obj in children(verb, "dobj"))
        for tok in tokens:
            if tok != verb and _visiting(tok, verb):
                found.extend(self.phrase(obj) for obj in children(tok, "dobj"))
        for tok in tokens:
            ent = self.ents.get(tok.i)
            if ent is None:
                continue
            if not _of_residents(ent) and (
                _in_subject(tok, verb) or _describes(tok) or _dated_by(tok, verb)
            ):
                continue
            if not self.about and _matter(tok, verb):
                continue
            if self._as_state(tok, verb) or (not self.about and _resident_at(tok, verb)):
                continue  # "an Ohio-based company sued ..."
            if _outside_the_visit(tok):
                continue  # "on the eve of a visit to Hanoi": not there yet
            if tok.head.lemma_.lower() in cues["region_nouns"]:
                continue  # "the Kursk region" names the region, read under its preposition
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in cues["departure_verbs"]:
                continue  # "left Tehran for the meeting": the place it did not happen
            other = self.place(ent)
            if other is not None and (other.kind in ("city", "admin1") or _of_residents(ent)):
                found.append(other)
        places = [p for p in found if p is not None]
        return min(places, key=lambda p: _RANK.get(p.kind, 3)) if places else None

    def _as_state(self, tok: Token, verb: Token) -> bool:
        """A capital the actor stage reads as a metonym stands for its state as the object of a
        verb that does not reach a place ("criticised Moscow", "help Tehran"), as a possessor
        ("condemned Tokyo's decision") and under a preposition of no place ("sanctions on
        Caracas", "talks with Beijing"; not "in Tokyo", "an attack on Kyiv", "sent to Tehran")."""
        cues = _cues()
        head = tok.head
        if tok.dep_ in ("dobj", "dative"):
            if head.lemma_.lower() in cues["object_place_verbs"]:
                return False
        elif tok.dep_ == "pobj":
            if head.lower_ not in _STATE_PREPS or _target(head, verb):
                return False
        elif tok.dep_ != "poss" or _a_place(head):
            return False
        return any(
            span.root == tok and span.label_ == "METONYM"
            for span, _ in self.actors.by_token.get(tok.i, ())
        )

    def phrase(self, tok: Token, *, depth: int = 0) -> Place | None:
        """The place a preposition's object names (see the module docstring, step 1)."""
        from eventline.nlp.places import is_grouping, resolve_place

        if depth > 3 or tok.i in self.facts.dateline_tokens:
            return None
        if (venue := _venue(tok)) is not None:
            for prep in children(tok, "prep"):  # "at the Capitol in Denver": the city named
                if prep.lower_ == "in":
                    for pobj in children(prep, "pobj"):
                        if (found := self.phrase(pobj, depth=depth + 1)) is not None:
                            return found
            return venue
        if (capitol := self._capitol(tok)) is not None:
            return capitol
        ent = self.ents.get(tok.i)
        if ent is not None:
            return self.place(ent) or self._seat(ent)
        lemma = tok.lemma_.lower()
        if lemma in _cues()["place_nouns"]:
            return self._place_noun(tok, lemma, depth=depth)
        if lemma in _cues()["site_nouns"]:  # "struck Iran's nuclear sites": the owner's place
            for owner in children(tok, "poss"):
                if owner.i in self.ents and (found := self.place(self.ents[owner.i])):
                    return found
        if (found := self._named_site(tok)) is not None:
            return found
        if lemma in _cues()["demonym_site_nouns"] and (found := _demonym_site(tok)) is not None:
            return found  # "struck three Iranian nuclear sites": in Iran
        name, towns = _misread_name(tok), True
        if name is None:
            name = _proper_name(tok)
        elif not self._maybe_place(tok, name):
            name = None
        else:  # a town only "in" it: "at Cornell" is the university, "struck Sumy" a city
            towns = _under_place_preposition(tok) and tok.head.lower_ != "at"
        if name is not None and not is_grouping(name.text):
            found = resolve_place(
                name.text,
                hints=self.hints(),
                context=self.facts.context,
                region=_region_beside(name),  # "returned to Butler, Pennsylvania"
                near=self.facts.regions,
                towns=towns,
            )
            if found is not None:
                return found
        for conj in children(tok, "conj", "appos"):
            if (found := self.phrase(conj, depth=depth + 1)) is not None:
                return found
        return None

    def _named_site(self, tok: Token) -> Place | None:
        """A site or a gathering named by the city or region it is in, as the object of a place
        preposition or of a verb reaching a place ("struck a Kharkiv hospital", "raided the
        Jenin camp", "spoke at the Des Moines rally": `cues.yaml` `named_site_nouns`): that
        city or region. Not a country ("the US embassy" stands abroad, "the Iran talks" are
        about Iran; but a truce holds where it is named: "the Gaza ceasefire"), nor a name the
        actor stage reads as a state."""
        from eventline.nlp.places import is_grouping, resolve_place

        if tok.lemma_.lower() not in _cues()["named_site_nouns"]:
            return None
        for mod in children(tok, "compound", "nmod", "amod"):
            ent = self.ents.get(mod.i)
            if ent is not None:
                if ent.root != mod or self._capital_read(ent):
                    continue
                found = self.place(ent)
            else:  # "the Kyiv attack" with "Kyiv" read as a person's name
                name = _misread_name(mod)
                if name is None or len(name) != 1 or not self._maybe_place(mod, name):
                    continue
                if is_grouping(name.text) or self.actors.covering(mod) is not None:
                    continue
                found = resolve_place(
                    name.text, hints=self.hints(), context=self.facts.context, towns=False
                )
            if found is None:
                continue
            truce = tok.lemma_.lower() in _cues()["truce_nouns"]  # "the Gaza ceasefire"
            if found.kind in ("city", "admin1") or (truce and found.kind == "country"):
                return found
        return None

    def _maybe_place(self, tok: Token, name: Span) -> bool:
        """A name the NER took for a person or an organisation may be a place ("a rally in
        Hialeah", "a diner in Nashua", "missiles struck Sumy") when nothing in the document says
        it is someone: no person of the actor KB on it, no longer person's name ending in it
        ("Gov. Brian Kemp" ... "attacked Kemp") and no title before it ("Mr. Fairfax")."""
        ref = self.actors.covering(tok)
        return not (ref is not None and ref.kb_id) and not _person_evidence(name)

    def _place_noun(self, tok: Token, lemma: str, *, depth: int) -> Place | None:
        """ "the city of Kazan", "the Kursk region", "the Iranian capital"."""
        from eventline.nlp.places import (
            capital_city,
            country_of_name,
            demonym_country,
            resolve_region,
        )

        if lemma in _cues()["region_nouns"] and (found := self._region_of(tok)) is not None:
            return found
        if lemma == "state" and _bare(tok):
            return self._article_state()
        if lemma == "capital" and (found := self._state_capital(tok)) is not None:
            return found
        for prep in children(tok, "prep"):
            if prep.lower_ == "of":
                for pobj in children(prep, "pobj"):
                    if lemma == "capital" and (code := self._country_named(pobj)):
                        return capital_city(code)
                    if (found := self.phrase(pobj, depth=depth + 1)) is not None:
                        return found
        for mod in children(tok, "compound", "amod", "nmod", "poss"):
            text = self.ents[mod.i].text if mod.i in self.ents else mod.text
            if lemma == "capital":
                code = demonym_country(mod.text) or country_of_name(text) or self._ref_country(mod)
                if code:
                    return capital_city(code)
            elif lemma in _cues()["region_nouns"] and (mod.i in self.ents or _name_word(mod)):
                found = resolve_region(text, hints=self.hints(), context=self.facts.context)
                if found is not None:
                    return found.model_copy(update={"name": f"{text} {tok.text}"})
            elif mod.i in self.ents:
                return self.place(self.ents[mod.i])
        return _demonym_place(tok, lemma)

    def _state_capital(self, tok: Token) -> Place | None:
        """ "in the state capital", "the state's capital": the capital of the article's one US
        state; "the Texas capital", "the Georgia capital" in a report on a US state: that state's
        (not the country's capital, nor Tbilisi)."""
        from eventline.nlp.places import resolve_place, state_capital

        for mod in children(tok, "compound", "amod", "nmod", "poss"):
            if mod.lower_ == "state":
                state = self._article_state()
                return state_capital(state.admin1 or state.name) if state is not None else None
            name = self.ents[mod.i].text if mod.i in self.ents else mod.text
            if mod.tag_ not in _NAMES and mod.i not in self.ents:
                continue
            if ("USA", name) in self.facts.regions:  # "Georgia" in a report from Atlanta
                return state_capital(name)
            found = resolve_place(
                name, hints=self.hints(), context=self.facts.context, near=self.facts.regions
            )
            if found is not None and found.kind == "admin1" and found.country == "USA":
                return state_capital(found.admin1 or name)
        return None

    def _capitol(self, tok: Token) -> Place | None:
        """The city of a Capitol or statehouse (`cues.yaml` `capitol_nouns`): the capital of the
        state named in it ("the Texas Capitol", "the Georgia State Capitol"), of the article's one
        state for "the state Capitol", "the statehouse" (`_article_state`); a bare "the Capitol"
        is the city the article is filed from when that is its state's capital or Washington
        (the US Capitol), else unknown. A city named with it wins ("at the Capitol in Denver")."""
        from eventline.nlp.places import resolve_place, state_capital

        cues = _cues()
        words = {c.lower_ for c in tok.children if c.dep_ == "compound"}
        if tok.lemma_.lower() not in cues["capitol_nouns"] and not (
            tok.lower_ == "house" and "state" in words
        ):
            return None
        if any(p.lower_ == "in" for p in children(tok, "prep")):
            return None
        left = tok.doc[tok.left_edge.i : tok.i]
        name = " ".join(t.text for t in left if t.tag_ in _NAMES and t.lower_ != "state")
        named = resolve_place(name, hints={"USA"}) if name else None
        if named is not None and named.kind == "admin1" and named.country == "USA":
            return state_capital(named.admin1 or name)  # "the Georgia State Capitol"
        if "state" in {t.lower_ for t in left} or tok.lemma_.lower() != "capitol":
            state = self._article_state()
            return state_capital(state.admin1 or state.name) if state is not None else None
        filed = dateline_place(tok.doc)
        if filed is None or filed.country != "USA" or filed.kind != "city":
            return None
        capital = state_capital(filed.admin1) if filed.admin1 else None
        washington = filed.admin1 == "District of Columbia"
        if washington or (capital is not None and capital.geonames_id == filed.geonames_id):
            return filed.model_copy(update={"source": "text"})
        return None

    def _article_state(self) -> Place | None:
        """ "in the state": the one US state the article names or is filed from ("two rallies in
        the state" in a report from Des Moines is Iowa); None when it names several or none."""
        from eventline.nlp.places import resolve_place

        states = {name for country, name in self.facts.regions if country == "USA" and name}
        if len(states) != 1:
            return None
        (name,) = states
        found = resolve_place(name, hints={"USA"})
        return found if found is not None and found.kind == "admin1" else None

    def _region_of(self, tok: Token) -> Place | None:
        """ "the Amhara region of Ethiopia", "Mexico's Guerrero state": the region its name
        holds, in the country of its "of" phrase or possessor (a country alone there is read by
        the caller)."""
        from eventline.nlp.places import resolve_region

        names = [
            m for m in children(tok, "compound", "nmod") if m.i in self.ents or m.tag_ in _NAMES
        ]
        of = [prep for prep in children(tok, "prep") if prep.lower_ == "of"]
        owners = [*(o for prep in of for o in children(prep, "pobj")), *children(tok, "poss")]
        countries = {code for o in owners if (code := self._country_named(o))}
        if not names or not countries:
            return None
        start = min(m.left_edge.i for m in names)  # "North Kivu": the whole name
        text = tok.doc[start : tok.i].text
        found = resolve_region(text, hints=countries, context=self.facts.context)
        if found is None or found.country not in countries:
            return None
        return found.model_copy(update={"name": text})

    def _country_named(self, tok: Token) -> str | None:
        from eventline.nlp.places import country_of_name

        ent = self.ents.get(tok.i)
        return country_of_name(ent.text) if ent is not None else None

    def _ref_country(self, tok: Token) -> str | None:
        ref = self.actors.covering(tok)
        return ref.country if ref is not None and ref.country else None


def _demonym_place(noun: Token, lemma: str) -> Place | None:
    """The country a demonym gives an indefinite place noun that names no place ("shelled a
    Syrian town", "in an Afghan province", "struck Russian territory": Syria, Afghanistan,
    Russia), as a Place of kind country: the text says no more. Not a border or a coast (either
    side), nor a definite "the Russian region" (one named before, left to the scene rules)."""
    from eventline.nlp.places import country_place, demonym_country

    if lemma not in _cues()["demonym_place_nouns"]:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None  # "over the Russian region": one named before, which the text may not say
    for mod in children(noun, "amod", "compound", "nmod"):
        if (code := demonym_country(mod.text)) is not None:
            return country_place(code)
    return None


def _demonym_site(noun: Token) -> Place | None:
    """The country a demonym gives a site an attack reaches ("struck three Iranian nuclear
    sites", "hit Ukrainian power plants"), as a Place of kind country (`cues.yaml`
    `demonym_site_nouns`: sites on their country's soil; not a base or an embassy, which may
    stand abroad: "a Russian air base in Syria")."""
    from eventline.nlp.places import country_place, demonym_country

    for mod in children(noun, "amod", "compound", "nmod"):
        if (code := demonym_country(mod.text)) is not None:
            return country_place(code)
    return None


def _without_possessive(ent: Span) -> Span:
    """An entity without the possessive ending the NER may take in ("Tel Aviv's")."""
    if len(ent) > 1 and ent[-1].lower_ in ("'s", "’s", "'", "’"):
        return ent[:-1]
    return ent


def _name_word(tok: Token) -> bool:
    """A proper name the tagger may have read as an adjective ("the Kyiv region" tagged JJ), not
    a demonym ("the Russian region") nor a sentence's first word."""
    from eventline.nlp.places import demonym_country

    if tok.tag_ in _NAMES:
        return True
    first = tok.i == tok.sent.start
    return tok.text[:1].isupper() and not first and demonym_country(tok.text) is None


def _bare(noun: Token) -> bool:
    """A place noun with "the" and nothing naming it ("in the state", not "the state of Ohio",
    "the Ohio state", "a state")."""
    kids = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
        return False
    return not any(c.dep_ in ("compound", "amod", "nmod", "poss", "prep", "appos") for c in kids)


def _in_subject(tok: Token, verb: Token) -> bool:
    """`tok` is the clause's subject, its head's modifier, or in a "from" phrase inside it
    ("a senator from Virginia called ...": where someone comes from). "Residents of Kharkiv
    fled" keeps Kharkiv: an "of" phrase of the subject may be the scene."""
    if tok.dep_ in _SUBJECTS or tok.head.dep_ in _SUBJECTS:
        return True
    origin = False
    while tok != verb and tok.head != tok:
        if tok.dep_ in _SUBJECTS:
            return origin
        origin = origin or (tok.dep_ == "prep" and tok.lower_ == "from")
        tok = tok.head
    return False


def _a_place(noun: Token) -> bool:
    """A noun standing where a place stands: the object of a verb that reaches a place
    ("occupied Bangkok's airport"), of a place preposition ("in Tokyo's Shibuya district"), or
    a place noun ("Gaza's border")."""
    cues = _cues()
    if noun.lemma_.lower() in cues["place_nouns"]:
        return True
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in cues["object_place_verbs"]
    return noun.dep_ == "pobj" and noun.head.lower_ in cues["prepositions"]


def _matter(tok: Token, verb: Token) -> bool:
    """`tok` is inside the matter of a phrase of reason ("expelled a diplomat over the killing
    of a leader in Surrey"): it names another happening. The name right under the preposition
    stays ("shot down drones over Kyiv")."""
    reasons = _cues()["reason_prepositions"]
    child, node = tok, tok.head
    while node != verb and node.head != node:
        if node.dep_ == "prep" and node.lower_ in reasons and child is not tok:
            return True
        child, node = node, node.head
    return False


def _topic(noun: Token) -> bool:
    """A situation named as an object ("called for a ceasefire in Gaza", "discussed the war in
    Ukraine"): a place under it is what is talked about, not where the event happens."""
    return noun.dep_ in ("dobj", "pobj") and noun.lemma_.lower() in _cues()["topic_nouns"]


def _of_residents(ent: Span) -> bool:
    """A place naming the people who live there ("Ohio voters", "Gaza residents"): where
    they act, even as the subject."""
    root = ent.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in _cues()["resident_nouns"]


def _dated_by(tok: Token, verb: Token) -> bool:
    """`tok` is in a phrase of time ("a week before the New Hampshire primary"): it names the
    happening the event is dated by, not where the event happened. Not the place its subject
    arrived at right before ("After landing in Milwaukee, Harris praised ...": `_arrival`)."""
    times = _cues()["time_prepositions"]
    arrived = False
    before: Token | None = None
    while tok != verb and tok.head != tok:
        if tok.dep_ == "prep" and tok.lower_ in times:
            return not (arrived and tok.lower_ == "after" and tok.head == verb)
        arrived = arrived or (before is not None and _arrival(tok, before))
        before, tok = tok, tok.head
    return False


_ARRIVAL_PREPS = frozenset({"in", "at", "to", "into"})


#: Prepositions that set an act inside a visit ("on a visit to Kyiv", "during a trip to
#: Michigan", "at the end of a tour of Kenya", "as part of a tour of Africa", "throughout").
_VISIT_PREPS = frozenset({"on", "during", "in", "at", "as", "throughout"})
#: Nouns of a part of a visit that an act is set in ("on the second day of his visit to Kyiv",
#: "at the start of a tour of Africa", "on the last leg of a trip to Asia"); not "the eve of a
#: visit" (before it) nor "ahead of" one.
_VISIT_PARTS = frozenset(
    {"day", "start", "beginning", "end", "close", "course", "leg", "part", "stage", "sideline"}
)


def _on_a_visit(prep: Token, verb: Token) -> bool:
    """ "On a visit to Kyiv, X pledged ...", "during a trip to Michigan", "X, on a tour of
    Kenya, signed ...", "on the second day of his visit to Kyiv": the destination of a visit
    (`cues.yaml` `visit_nouns`; its "to", or its "of" when that names a place entity: "the
    visit of the pope" names the visitor) under an "on"/"during"/"in"/"at" phrase of the
    event's own clause (`_hangs_on`) is where the event happened; "discussed a visit to
    Moscow" or "ahead of a visit" is not."""
    noun = prep.head
    if noun.lemma_.lower() not in _cues()["visit_nouns"] or not _destination(prep):
        return False
    outer = noun.head
    if outer.lower_ == "of" and outer.head.lemma_.lower() in _VISIT_PARTS:
        noun = outer.head  # "on the second day of his visit to Kyiv"
        outer = noun.head
    return (
        noun.dep_ == "pobj"
        and outer.lower_ in _VISIT_PREPS
        and outer.dep_ == "prep"
        and _hangs_on(outer, verb)
    )


def _outside_the_visit(tok: Token) -> bool:
    """`tok` is the destination of a visit framed by a time outside it ("on the eve of a visit
    to Hanoi", "in the weeks of his trip to Kyiv"): a part of the visit (`_VISIT_PARTS`: "on
    the last day of a visit to Hanoi") is in it."""
    prep = tok.head
    if tok.dep_ != "pobj" or not _destination(prep):
        return False
    noun = prep.head
    if noun.lemma_.lower() not in _cues()["visit_nouns"] or noun.dep_ != "pobj":
        return False
    outer = noun.head
    return (
        outer.lower_ == "of"
        and outer.head.pos_ == "NOUN"
        and outer.head.lemma_.lower() not in _VISIT_PARTS
    )


def _visiting(tok: Token, verb: Token) -> bool:
    """ "Visiting Buenos Aires on Monday, X signed ...", "X, touring Kenya, said ...": a
    subject-less participle of a visit verb set off beside the event's clause; its object is
    where the event happened."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ in ("advcl", "acl")
        and tok.lemma_.lower() in _cues()["visit_nouns"]
        and not any(c.dep_ in _SUBJECTS for c in tok.children)
        and _hangs_on(tok, verb)
    )


def _destination(prep: Token) -> bool:
    """`prep` names where a visit noun goes: "to Kyiv", or "of" a place entity ("a tour of
    Kenya")."""
    if prep.lower_ == "to":
        return True
    return prep.lower_ == "of" and any(p.ent_type_ in _PLACE_LABELS for p in children(prep, "pobj"))


def _hangs_on(phrase: Token, verb: Token) -> bool:
    """An aside phrase belongs to `verb`'s clause: it hangs on the verb, or, as the parser
    often hangs an aside set off by commas ("The minister, on a visit to Lima, signed ..."),
    on a comma or on the verb's subject."""
    host = phrase.head
    while host.pos_ == "PUNCT" and host.head != host:
        host = host.head
    return host == verb or (host.dep_ in ("nsubj", "nsubjpass") and host.head == verb)


def _arrival(node: Token, prep: Token) -> bool:
    """A subject-less arrival told by a gerund ("landing in Milwaukee", "arriving at the
    Kremlin", "returning to Washington"; `cues.yaml` `travel_verbs`): `prep` is its place."""
    return (
        node.dep_ == "pcomp"
        and node.tag_ == "VBG"
        and node.lemma_.lower() in _cues()["travel_verbs"]
        and prep.dep_ == "prep"
        and prep.lower_ in _ARRIVAL_PREPS
        and not any(c.dep_ in _SUBJECTS for c in node.children)
    )


def _describes(tok: Token) -> bool:
    """A name modifying a person, a group of a nationality or an office holder ("a Texas
    senator", "Florida Gov. Ron DeSantis") describes whom they represent, and names no place
    of the event (residents are apart: `_of_residents`)."""
    if tok.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    head = tok.head
    while True:  # up a chain of names and titles: "Florida Gov. Ron DeSantis"
        if head.ent_type_ in ("PERSON", "NORP") or _people(head):
            return True
        if head.dep_ != "compound" or head.head == head:
            return False
        head = head.head


def _resident_at(tok: Token, verb: Token) -> bool:
    """`tok` hangs from a participle describing a noun by where it lives, is based or comes from
    ("an Ohio-based company", "a man living in Haifa", "a group based in Gaza": `cues.yaml`
    `residence_verbs`): that says where the noun's owner is, not where the event happened."""
    node = tok
    while node != verb and node.head != node:
        if (
            node.dep_ in ("acl", "amod")
            and node.tag_ in ("VBN", "VBG")
            and node.lemma_.lower() in _cues()["residence_verbs"]
        ):
            return True
        node = node.head
    return False


def _people(noun: Token) -> bool:
    """A noun of office holders a place name describes (`cues.yaml` `people_nouns`:
    "senator", "Gov.", "lawmakers")."""
    people = _cues()["people_nouns"]
    return noun.lemma_.lower() in people or noun.lower_ in people


#: Prepositions of an attack noun's target: "a strike on Dnipro", "the siege of Mariupol", "an
#: attack against Israel", "the incursion into the Kursk region".
_TARGET_PREPS = frozenset({"on", "of", "against", "into"})


def _target(prep: Token, verb: Token) -> bool:
    """ "a missile strike on Dnipro", "the siege of Mariupol": the target of an attack noun that
    is the event itself, the subject of its clause or the object of a verb that carries it out
    ("launched an attack on Israel", `cues.yaml` `attack_verbs`) is where it happened (not an
    attack a speech act is about: "condemned the attack on Kyiv")."""
    noun = prep.head
    if prep.lower_ not in _TARGET_PREPS or noun.lemma_.lower() not in _cues()["target_nouns"]:
        return False
    if noun.head == verb and noun.dep_ == "dobj":  # "launched its attack on Israel"
        return verb.lemma_.lower() in _cues()["attack_verbs"]
    return noun == verb or (noun.head == verb and noun.dep_ in ("nsubj", "nsubjpass"))


def _region_beside(ent: Span) -> str | None:
    """A region or state named right after a place: "Columbus, Georgia"."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = doc[ent.end + 1]
        if nxt.tag_ in _NAMES:
            end = nxt.i + 1
            while end < len(doc) and doc[end].tag_ in _NAMES and end - nxt.i < 3:
                end += 1
            if any(t.dep_ in _SUBJECTS for t in doc[nxt.i : end]):
                return None  # "clashed in Kursk, Kyiv says": the name after the comma speaks
            return doc[nxt.i : end].text
    return None


def _country_for(
    ent: Span, actors: ActorIndex, lex: EventLexicon, ents: dict[int, Span]
) -> str | None:
    """The country the text gives a place: the actor on its words (capitals are metonyms of
    their state), the coder's place list, a country named beside it, or its own name."""
    ref = actors.covering(ent.root)
    if ref is not None and ref.country:
        return ref.country
    text = ent.text.removeprefix("the ").strip()
    if code := lex.places.get(text.casefold()):
        return code
    for tok in ent.root.children:
        near = ents.get(tok.i) if tok.dep_ in ("appos", "conj", "npadvmod", "compound") else None
        if near is not None and (code := country_code(near.text)):
            return code
    after = ent.doc[ent.end + 1] if ent.end + 1 < len(ent.doc) else None
    near = ents.get(after.i) if after is not None and ent.doc[ent.end].text == "," else None
    if near is not None and (code := country_code(near.text)):
        return code
    return country_code(text)


def _venue(tok: Token) -> Place | None:
    """The city of a venue a preposition's object names ("at the White House", "in the Oval
    Office"): the entity over it, else its compound name."""
    from eventline.nlp.places import venue_place

    ent = None
    if tok.ent_type_:
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return venue_place(ent.text)
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    start = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound")])
    return venue_place(tok.doc[start : tok.i + 1].text)


def _misread_name(tok: Token) -> Span | None:
    """The whole name of an organisation or person entity over `tok` ("in Cox's Bazar" read as
    an organisation): under a place preposition it may be a place the gazetteer knows."""
    if tok.ent_type_ not in ("ORG", "PERSON"):
        return None
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"})


def _under_place_preposition(tok: Token) -> bool:
    """The object of a place preposition, or of "to" after a travel verb ("returned to
    Butler")."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "to" and prep.head.lemma_.lower() in _cues()["visit_nouns"]:
        return True  # "on a visit to Ushuaia": a town the NER took for a person
    if prep.lower_ == "to":
        return (
            prep.head.pos_ in ("VERB", "AUX")
            and prep.head.lemma_.lower() in _cues()["travel_verbs"]
        )
    return prep.lower_ in _cues()["prepositions"]


def _person_evidence(name: Span) -> bool:
    """The document names someone by `name`: a longer person name ends in it ("Brian Kemp"), or
    a title stands before it ("Gov. Kemp", "Mr. Fairfax")."""
    doc, text = name.doc, name.text.casefold()
    words = len(name)
    titles = _TITLES | _cues()["people_nouns"]
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > words and ent[-words:].text.casefold() == text:
            return True
    for tok in doc:
        if tok.lower_ == name[0].lower_ and tok.i + words <= len(doc) and tok.i > 0:
            same = doc[tok.i : tok.i + words].text.casefold() == text
            if same and doc[tok.i - 1].lower_ in titles:
                return True
    return False


def _someone(ent: Span) -> bool:
    """A name the NER typed as a place that the document uses for a person ("Gov. Katie Hobbs"
    ... "accused Hobbs of ..."; Hobbs is also a town in New Mexico): outside a place preposition
    it is the person. "a rally in Hobbs" stays a place."""
    if _under_place_preposition(ent.root):
        return False
    return _person_evidence(ent)


def _proper_name(tok: Token) -> Span | None:
    """The proper-noun name `tok` ends ("Des Moines"), when it is one."""
    if tok.tag_ not in _NAMES or tok.ent_type_ in ("DATE", "TIME"):  # "In March, ..."
        return None
    start = tok.i
    while start > 0 and tok.doc[start - 1].tag_ in _NAMES:
        start -= 1
    return tok.doc[start : tok.i + 1]


# -- the dateline ------------------------------------------------------------------------------


def dateline_place(doc: Doc) -> Place | None:
    """The place a doc's dateline names, resolved ("MOSCOW" -> Moscow, RUS, with coordinates;
    "KYIV, Ukraine" -> Kyiv), marked `source: dateline`; None without a dateline."""
    from eventline.nlp.places import resolve_place, seat_place

    found = find_dateline(doc)
    if found is None:
        return None
    name, *rest = [p.strip() for p in found[0].split(",")]
    hint = country_code(rest[0]) if rest else None
    place = resolve_place(
        name.title() if name.isupper() else name,
        hints={hint} if hint else (),
        region=rest[0] if rest and hint is None else None,
    )
    if place is None:  # "BRUSSELS": the city filed from, though the name stands for the EU too
        place = seat_place(name.title() if name.isupper() else name)
    if place is None or place.kind == "country":  # "UNITED NATIONS", a country: no filing city
        return None
    return place.model_copy(update={"source": "dateline"})


def dateline_locations(
    doc: Doc,
    events: Sequence[EventMention],
    *,
    published: str | None,
    actors: ActorIndex | None = None,
) -> list[EventMention]:
    """`events` with document-level places: first a scene carried over from the sentence before
    (`events.scene`, `source: context`), then the dateline's place given to those the module
    docstring allows. `actors`: the coder's index of the doc's actors (without quote
    speakers), built here when not given; building one walks every actor span."""
    index = _LazyIndex(doc, actors)
    events = _visit_destinations(doc, events, index)
    if not any(e.location is None for e in events):
        return list(events)
    events = _noun_targets(doc, events, index)
    events = _named_event_nouns(doc, events, index)
    events = gathering_locations(doc, events, place_of=lambda n: _gathering_place(n, index.get()))
    events = _with_context(doc, events, index)
    events = _lead_scene(doc, events, index)
    events = _headline_scene(doc, events)
    if not any(e.location is None for e in events):
        return list(events)
    place = dateline_place(doc)
    if place is None:
        return list(events)
    counts = Counter(a.country for e in events for a in e.actor if a.country)
    main = counts.most_common(1)[0][0] if counts else None
    guests = _guests(events, place, published)
    return [
        e.model_copy(update={"location": place})
        if e.location is None
        and _told_from_dateline(doc, e, place, published, main=main, guests=guests)
        else e
        for e in events
    ]


def _guests(
    events: Sequence[EventMention], place: Place, published: str | None
) -> tuple[set[str], set[str]]:
    """The ids and countries of the parties to a meeting the text itself places in the
    dateline's city near the report's day ("MOSCOW - Putin hosted Araqchi in Moscow on
    Monday"): visitors there act there that day too ("Araqchi thanked Russia for ..."), though
    of another country than the dateline's."""
    ids: set[str] = set()
    countries: set[str] = set()
    for e in events:
        where = e.location
        if e.type != "CONSULT" or where is None or where.source == "dateline":
            continue
        if where.kind != "city" or (where.name, where.country) != (place.name, place.country):
            continue
        if e.modality != "asserted" or not _near_report(e, published):
            continue
        for party in (*e.actor, *e.recipient):
            ids.add(party.id)
            if party.country:
                countries.add(party.country)
    return ids, countries


def _gathering_place(noun: Token, actors: ActorIndex) -> Place | None:
    """The place the text gives a gathering noun (`events/gathering_scene.py`): its own place
    phrase ("a town hall in Concord"), else, when it is what its clause's verb does or hosts
    ("held a town hall in Concord", "the rally drew thousands in Erie", "spoke at a rally in
    Erie"), the place of that clause."""
    from eventline.events.patterns import lexicon

    finder = _PlaceFinder(noun, actors, lexicon())
    for prep in children(noun, "prep"):
        if prep.lower_ in _cues()["prepositions"]:
            for pobj in children(prep, "pobj"):
                if (found := finder.phrase(pobj)) is not None:
                    return found
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("at", "during", "for"):
        noun, head = head, head.head  # "joined them in Istanbul for a meeting": its place
    if noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "prep") or head.pos_ not in ("VERB", "AUX"):
        return None
    return finder.in_clause(head)


class _LazyIndex:
    """The doc's `ActorIndex`, built on first use when the caller gave none."""

    def __init__(self, doc: Doc, actors: ActorIndex | None) -> None:
        self.doc = doc
        self.actors = actors

    def get(self) -> ActorIndex:
        if self.actors is None:
            self.actors = ActorIndex(self.doc)
        return self.actors


def _noun_targets(
    doc: Doc, events: Sequence[EventMention], index: _LazyIndex
) -> list[EventMention]:
    """An attack told by a noun under another verb is where its target is ("the Kremlin
    condemned attacks on Iran's nuclear sites", "denounced the siege of Mariupol"): the place
    search of its clause reads the speech act's, which names none; the noun's own "on"/"of"
    phrase is the attack's place."""
    from eventline.events.patterns import lexicon

    out = list(events)
    for k, event in enumerate(events):
        if event.location is not None:
            continue
        noun = _trigger_noun(doc, event)
        if noun is None:
            continue
        finder = _PlaceFinder(noun, index.get(), lexicon())
        for prep in children(noun, "prep"):
            if prep.lower_ not in _TARGET_PREPS:
                continue
            found = next(filter(None, (finder.phrase(p) for p in children(prep, "pobj"))), None)
            if found is not None:
                out[k] = event.model_copy(update={"location": found})
                break
    return out


def _named_event_nouns(
    doc: Doc, events: Sequence[EventMention], index: _LazyIndex
) -> list[EventMention]:
    """An event told by a noun a city or region name modifies ("the Doha talks ended", "condemned
    the Kyiv attack", "the Minsk summit": `cues.yaml` `named_site_nouns`) is at that place, when
    its clause named none; not a country ("the Iran talks"), nor a capital read as its state.
    Else its own "in"/"at" phrase ("speaking after talks at Istanbul's Ciragan Palace": the
    clause's search skips a phrase of time, which holds the talks' own place)."""
    from eventline.events.patterns import lexicon

    out = list(events)
    for k, event in enumerate(events):
        if event.location is not None:
            continue
        noun = _trigger_noun(doc, event, "named_site_nouns")
        if noun is None:
            continue
        finder = _PlaceFinder(noun, index.get(), lexicon())
        found = finder._named_site(noun)
        for prep in children(noun, "prep") if found is None else ():
            if prep.lower_ in ("in", "at"):  # "after talks at Istanbul's Ciragan Palace"
                found = next(filter(None, (finder.phrase(p) for p in children(prep, "pobj"))), None)
                if found is not None:
                    break
        if found is not None:
            out[k] = event.model_copy(update={"location": found})
    return out


def _trigger_noun(doc: Doc, event: EventMention, kind: str = "target_nouns") -> Token | None:
    """The noun of a kind (`cues.yaml` `kind`: attack nouns by default) that is the event's
    trigger, when its evidence holds exactly one."""
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    if span is None:
        return None
    lemmas = _cues()[kind]
    nouns = [
        t
        for t in span
        if t.text == event.trigger and t.pos_ == "NOUN" and t.lemma_.lower() in lemmas
    ]
    return nouns[0] if len(nouns) == 1 else None


def _visit_destinations(
    doc: Doc, events: Sequence[EventMention], index: _LazyIndex
) -> list[EventMention]:
    """An event told by a visit noun (`cues.yaml` `visit_nouns`: "a two-day visit to Buenos
    Aires", "a tour of Kenya", "a stop in Beirut", "the Hanoi visit") is at its destination,
    whatever place the clause it sits in names ("announced in Washington a trip to Kyiv"; "X,
    on a visit to Lima, told reporters in Santiago ..."). The clause's place stays when it is a
    city or region of the destination's country ("began a visit to Lebanon in Beirut"), and
    so does any when the destination names no place ("a tour of Africa in Nairobi")."""
    from eventline.events.patterns import lexicon

    out = list(events)
    for k, event in enumerate(events):
        noun = _trigger_noun(doc, event, "visit_nouns")
        if noun is None:
            continue
        found = _visit_place(_PlaceFinder(noun, index.get(), lexicon()), noun)
        here = event.location
        if found is None or here == found:
            continue
        if here is not None and here.country == found.country and _more_precise(here, found):
            continue
        out[k] = event.model_copy(update={"location": found})
    return out


def _visit_place(finder: _PlaceFinder, noun: Token) -> Place | None:
    """The best place a visit noun goes to: its "to" or "in" phrase, its "of" phrase naming a
    place entity ("a tour of Kenya"; "the visit of the pope" names the visitor), or a place
    entity modifying it ("the Hanoi visit")."""
    found: list[Place | None] = []
    for prep in children(noun, "prep"):
        if prep.lower_ == "in" or _destination(prep):
            found.extend(finder.phrase(p) for p in children(prep, "pobj"))
    for mod in children(noun, "compound", "nmod"):
        if (ent := finder.ents.get(mod.i)) is not None:
            found.append(finder.place(ent))
    places = [p for p in found if p is not None]
    return min(places, key=lambda p: _RANK.get(p.kind, 3)) if places else None


def _more_precise(one: Place, other: Place) -> bool:
    return _RANK.get(one.kind, 3) < _RANK.get(other.kind, 3)


def _lead_scene(doc: Doc, events: Sequence[EventMention], index: _LazyIndex) -> list[EventMention]:
    """A lead that names no place takes the scene the next sentence sets for the same happening
    ("Haley on Saturday accused Trump of ... | Speaking at a town hall in Nashua, Haley said
    ..."; "Putin told Iran's foreign minister on Monday ... | Putin hosted Araghchi in Moscow"),
    marked `source: context`, before any dateline: the lead's event is asserted and told in its
    main clause; the lead names no place and quotes nothing; the next sentence, in the lead's
    paragraph or the one after it, tells in its main clause an event placed by its own text
    (a city or region) whose parties include the lead event's actor, on the same day."""
    from eventline.events.scene import in_main_clause, lead_sentences, same_day

    found = lead_sentences(doc)
    if found is None:
        return list(events)
    lead, after = found
    if any(e.evidence.sentence == lead and e.location is not None for e in events):
        return list(events)
    scenes: list[tuple[Place, set[str], EventMention | None]] = []
    for e in events:
        where = e.location
        if e.evidence.sentence != after or where is None or where.source != "text":
            continue
        if where.kind in ("city", "admin1") and in_main_clause(doc, e):
            scenes.append((where, {a.id for a in (*e.actor, *e.recipient)}, e))
    if not scenes:  # "Speaking at a town hall in Nashua, Haley said ...": no event coded
        from eventline.events.patterns import lexicon

        sents = list(doc.sents)
        sent = sents[after]
        if not same_day(sents[lead], sent):  # "On Friday, speaking in Nashua, ...": another day
            return list(events)
        actors = index.get()
        root = sent.root
        where = event_place(root, actors, lexicon()) if root.pos_ in ("VERB", "AUX") else None
        if where is not None and where.kind in ("city", "admin1") and where.source == "text":
            named = {ref.id for t in sent for _, ref in actors.by_token.get(t.i, ())}
            scenes.append((where, named, None))
    out = list(events)
    for k, event in enumerate(events):
        if event.evidence.sentence != lead or event.location is not None:
            continue
        if event.modality != "asserted" or not in_main_clause(doc, event):
            continue
        ids = {a.id for a in event.actor}
        for where, parties, other in scenes:
            if ids and ids <= parties and (other is None or _same_date(event, other)):
                out[k] = event.model_copy(
                    update={"location": where.model_copy(update={"source": "context"})}
                )
                break
    return out


def _headline_scene(doc: Doc, events: Sequence[EventMention]) -> list[EventMention]:
    """A headline and the lead under it tell the same happening ("Russia and Ukraine hold first
    direct talks, agree prisoner swap | Russian and Ukrainian delegations met in Istanbul on
    Friday, agreeing to ..."): an event of one that names no place takes the place the other
    gives an event of the same type with an actor in common, on the same day (either dated by
    its report), marked `source: context`. The headline is the doc's first sentence when it is
    a line of its own without a final stop; the lead the next sentence with text (a dateline
    split off as a sentence of its own skipped). A dateline's place is never carried."""
    sents = list(doc.sents)
    first = next((k for k, sent in enumerate(sents) if sent.text.strip()), None)
    if first is None or first + 1 >= len(sents):
        return list(events)
    text = doc_text(doc)
    if not _title_line(text, sents, first):
        return list(events)
    lead = first + 1
    while lead + 1 < len(sents) and (
        _verbless(sents[lead]) or _title_line(text, sents, lead)  # a dateline piece, a subhead
    ):
        lead += 1
    pair = {first: lead, lead: first}
    out = list(events)
    for k, event in enumerate(events):
        other_sentence = pair.get(event.evidence.sentence)
        if other_sentence is None or event.location is not None or event.modality != "asserted":
            continue
        ids = {a.id for a in event.actor}
        for other in events:
            where = other.location
            if other.evidence.sentence != other_sentence or where is None:
                continue
            if where.source == "dateline" or other.type != event.type:
                continue
            if ids & {a.id for a in other.actor} and _same_date(event, other):
                out[k] = event.model_copy(
                    update={"location": where.model_copy(update={"source": "context"})}
                )
                break
    return out


def _title_line(text: str, sents: Sequence[Span], k: int) -> bool:
    """Sentence `k` is a line of its own without a final stop: a headline or a subhead."""
    if k + 1 >= len(sents):
        return False
    line = sents[k].text.rstrip()
    gap = text[sents[k].start_char + len(line) : sents[k + 1].start_char]
    return line.rstrip("\"'”’»")[-1:] not in (".", "!", "?", "") and "\n" in gap


def _verbless(sent: Span) -> bool:
    """A short piece with no verb: a dateline the parser split off ("KYIV, Nov 5 (Wire)", "—")
    or a byline, not the lead."""
    words = [t for t in sent if t.is_alpha]
    return len(words) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _same_date(one: EventMention, other: EventMention) -> bool:
    """Two events dated alike: the same day, or either dated only by its report."""
    if "report" in (one.date_precision, other.date_precision):
        return True
    return one.date is not None and one.date == other.date


def _with_context(
    doc: Doc, events: Sequence[EventMention], index: _LazyIndex
) -> list[EventMention]:
    from eventline.events.patterns import lexicon

    named: dict[int, set[str]] = {}  # a sentence's start: the actors it names

    def scene_of(sent: Span) -> Place | None:
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        return event_place(root, index.get(), lexicon())

    def participants(sent: Span) -> set[str]:
        """The ids of the actors a sentence names, and the states its office holders stand
        for ("Erdogan met Aliyev" names Turkey and Azerbaijan through their leaders)."""
        if (found := named.get(sent.start)) is None:
            by_token = index.get().by_token
            refs = [ref for i in range(sent.start, sent.end) for _, ref in by_token.get(i, ())]
            found = named[sent.start] = {ref.id for ref in refs} | {
                f"kb:{ref.country}" for ref in refs if ref.sector == "GOV" and ref.country
            }
        return found

    return context_locations(doc, events, scene_of=scene_of, participants=participants)


def _told_from_dateline(
    doc: Doc,
    event: EventMention,
    place: Place,
    published: str | None,
    *,
    main: str | None,
    guests: tuple[set[str], set[str]] = (set(), set()),
) -> bool:
    """The module docstring's conditions for the dateline; `main`: the country most of the
    article's actors belong to; `guests`: the parties to a meeting placed in the city
    (`_guests`)."""
    if event.modality != "asserted" or not _near_report(event, published):
        return False
    countries = {a.country for a in event.actor}
    namesake = _namesake_country(place)
    if namesake is not None and namesake in countries:
        countries = (countries - {namesake}) | {place.country}  # "Georgia's" filed from Atlanta
    unknown = countries == {None} and main == place.country  # actors, none of a known country
    ids, guest_countries = guests
    guest = bool(event.actor) and all(
        a.id in ids or (a.country is not None and a.country in guest_countries) for a in event.actor
    )
    here = place.country in countries or unknown or guest or _seated(event, place)
    return here and in_main_clause(doc, event)


def _seated(event: EventMention, place: Place) -> bool:
    """An actor of the event is a body seated in the dateline's city ("BRUSSELS" and the
    European Union, which the KB also names "Brussels"): it acts there, though of no country."""
    from eventline.nlp.places import seated_bodies

    seated = seated_bodies(place.name)
    return bool(seated) and any(a.id.removeprefix("kb:") in seated for a in event.actor)


def _namesake_country(place: Place) -> str | None:
    """The country named like the dateline's region ("Georgia" of "ATLANTA"): an actor the actor
    stage gave that country is the region's in a report filed from there."""
    from eventline.nlp.places import country_of_name

    code = country_of_name(place.admin1) if place.admin1 else None
    return code if code != place.country else None


def _near_report(event: EventMention, published: str | None) -> bool:
    if event.date_precision == "report":
        return True
    if published is None or event.date is None or event.date_precision != "day":
        return False
    try:
        day, report = date.fromisoformat(event.date[:10]), date.fromisoformat(published[:10])
    except ValueError:
        return False
    return report - timedelta(days=_DATELINE_DAYS) <= day <= report
