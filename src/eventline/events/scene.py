"""A place carried over from context: the scene the sentence before sets (issue 9).

News sets the scene once and tells what happened there in the next sentences: "Nigerian
students rallied in Lagos on Sunday. Police arrested dozens of them." The arrest's own clause
names no place; the sentence before does. `context_locations` gives such an event the scene's
place, marked `source: context`, only when the evidence says it is the same happening:

- the event names no place, is asserted and is told in its sentence's main clause (not in
  reported speech: "officials said troops attacked ..." may be anywhere), or is its speaker's
  own act told by a pronoun ("Police said they arrested 20 of them", `_self_report`);
- the scene is set by the sentence right before it (or the one before that, when the sentence
  between names no place either), in the same paragraph; or by the article's lead sentence when
  the event's sentence is in the next paragraph; or across paragraph breaks when each sentence
  from the scene's on is a paragraph of its own (wire copy: there a paragraph is a sentence);
- neither the event's sentence nor a sentence between names another place (any place name:
  "Iran condemned the strike" is told from elsewhere; not a place a situation noun holds:
  "stressed the need for a ceasefire in Gaza"), holds a quotation, tells its event in a
  message or medium ("in a post", "in a phone call"), opens with a change
  of topic ("Separately", "Meanwhile", `resources/places/cues.yaml` `topic_shifts`), or dates
  itself apart from the scene ("In March, he met ..."); but the event's own sentence, right
  after the scene's, may quote and name countries when every actor of the event is a
  participant of the scene sentence ("Putin hosted Araghchi in Moscow. '...,' Putin told
  Araghchi"; `_own_people`);
- and something in the event's text ties it to the scene: a participant of the scene sentence
  ("Modi arrived in Dhaka. Modi met ..."), a pronoun ("arrested dozens of them", "He met ..."),
  "there" or "also", a noun the scene sentence used ("farmers protested ... police arrested
  ten farmers"), or, for a material event (an attack, an arrest), an actor of the scene's
  country ("Kenyan supporters marched in Kisumu. Kenyan police fired tear gas ...").

The scene of a sentence is the text place of an event told in its main clause, else the place
its main clause names (`location.event_place` on its root: "Thousands gathered in Nairobi"
sets a scene though "gather" is not coded). A place carried over is itself a scene for the next
sentence, under the same conditions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from eventline.events.doc_text import doc_text
from eventline.model import EventMention, Place

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_QUOTES = frozenset('"“”«»„')
_BACK_REFERENCES = frozenset(
    {"he", "she", "they", "him", "her", "them", "his", "their", "its", "there", "also"}
)
_MATERIAL = frozenset({"material-conflict", "material-cooperation"})
#: Roles of a place name that acts or describes ("Moscow warned", "Iran's", "Iowa voters").
_ACTING = frozenset({"nsubj", "nsubjpass", "poss", "compound", "amod"})
_MAX_BACK = 2  # sentences: the scene is at most this far before the event


def _cues() -> dict[str, frozenset[str]]:
    from eventline.nlp.places import cues

    return cues()


class _Sentences:
    """The doc's sentences, with what the rule reads of each, computed on demand."""

    def __init__(self, doc: Doc, scene_of: Callable[[Span], Place | None]) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # `Doc.text` joins every token's text anew on each access
        self.sents = list(doc.sents)
        self.scene_of = scene_of
        self._names: dict[int, frozenset[tuple[str | None, str | None, str | None, str]]] = {}
        self._lead: int | None = None

    def paragraph_break(self, before: int, after: int) -> bool:
        """A line break between the end of sentence `before` and the start of `after`."""
        first = self.sents[before]
        start = first.start_char + len(first.text.rstrip())  # spaCy hangs "\n" on the sentence
        return "\n" in self.text[start : self.sents[after].start_char]

    def crossable(self, j: int, i: int) -> bool:
        """A scene set in sentence `j` may reach sentence `i`: both in one paragraph; or `j`
        is the article's lead and `i` in the paragraph after it; or every sentence from `j` on
        is a paragraph of its own (wire copy, where a paragraph is a sentence)."""
        breaks = [k for k in range(j, i) if self.paragraph_break(k, k + 1)]
        lead = self.lead()
        if not breaks or (j == lead and breaks == [lead]):
            return True
        alone = j == lead or self.paragraph_break(j - 1, j)
        return alone and len(breaks) == i - j

    def lead(self) -> int:
        """The lead sentence: the first with text, after a dateline the parser split off as a
        sentence of its own ("ATLANTA (AP) —")."""
        if self._lead is None:
            self._lead = lead_index(self.sents)
        return self._lead

    def places(self, i: int) -> frozenset[tuple[str | None, str | None, str | None, str]]:
        """(kind, country, region, folded name) of the places sentence `i` names."""
        if i not in self._names:
            from eventline.nlp.places import is_grouping, resolve_place

            found = set()
            for ent in self.sents[i].ents:
                if ent.label_ in _PLACE_LABELS and not is_grouping(ent.text) and not _topic(ent):
                    place = resolve_place(ent.text)
                    if place is not None:
                        found.add((place.kind, place.country, place.admin1, ent.text.casefold()))
            self._names[i] = frozenset(found)
        return self._names[i]

    def closed(self, i: int, scene: Place, *, quotes: bool = True) -> bool:
        """Sentence `i` cannot continue a scene: it names another place (the scene's own name,
        its region or its country do not count: "Lagos police", "Iowa voters" after a scene in
        Des Moines), quotes, changes topic."""
        sent = self.sents[i]
        if quotes and any(ch in _QUOTES for ch in sent.text):
            return True
        own = scene.name.casefold()
        quoted = set() if quotes else _quoted_names(sent)
        for kind, country, region, name in self.places(i):
            around = kind == "country" or (kind == "admin1" and region == scene.admin1)
            if name in quoted or (not quotes and kind == "country"):
                continue  # "'The aggression against Iran ...,' Putin told Araghchi"
            if name != own and not (around and country == scene.country):
                return True
        if any(_remote(t) for t in sent):
            return True
        first = [t.lower_ for t in sent if not t.is_space][:3]
        shifts = _cues()["topic_shifts"]
        return any(" ".join(first[:n]) in shifts for n in (1, 2, 3))


def _quoted_names(sent: Span) -> set[str]:
    """The folded names of the place entities a sentence has only inside quotation marks."""
    inside: set[str] = set()
    outside: set[str] = set()
    text, base = sent.text, sent.start_char
    for ent in sent.ents:
        before = text[: ent.start_char - base]
        opened = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
        (inside if opened else outside).add(ent.text.casefold())
    return inside - outside


_MEDIUM_PREPS = frozenset({"in", "on", "via", "over", "through", "during", "by"})


def _remote(tok: Token) -> bool:
    """A message or medium the sentence tells its event in ("in a post", "on social media",
    "in a phone call"): sent from wherever its sender was, not from the scene before."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ in _MEDIUM_PREPS
        and tok.lemma_.lower() in _cues()["remote_media"]
    )


def _topic(ent: Span) -> bool:
    """A place a situation noun holds ("stressed the need for a ceasefire in Gaza", "the war in
    Ukraine"): what the sentence is about, not where it is told from."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "over"):
        return False
    noun = prep.head
    start = noun.i  # a hyphenated noun spaCy splits: "cease-fire" is "cease", "-", "fire"
    while start > 0 and (noun.doc[start - 1].text == "-" or noun.doc[start].text == "-"):
        start -= 1
    words = {noun.lemma_.lower(), "".join(t.lower_ for t in noun.doc[start : noun.i + 1])}
    return bool(words & _cues()["topic_nouns"])


def context_locations(
    doc: Doc,
    events: Sequence[EventMention],
    *,
    scene_of: Callable[[Span], Place | None],
    participants: Callable[[Span], set[str]],
) -> list[EventMention]:
    """`events` with a scene carried over to those the module docstring allows.

    `scene_of(sentence)`: the place a sentence's main clause names; `participants(sentence)`:
    the ids of the actors named in a sentence."""
    if all(e.location is not None for e in events):
        return list(events)
    sents = _Sentences(doc, scene_of)
    by_sentence: dict[int, list[int]] = {}
    for k, event in enumerate(events):
        by_sentence.setdefault(event.evidence.sentence, []).append(k)
    out = list(events)
    scenes: dict[int, Place | None] = {}

    def scene(i: int) -> Place | None:
        if i not in scenes:
            main = [
                out[k].location
                for k in by_sentence.get(i, ())
                if out[k].location is not None
                and out[k].location.source != "dateline"  # type: ignore[union-attr]
                and in_main_clause(doc, out[k])
            ]
            scenes[i] = main[0] if main else sents.scene_of(sents.sents[i])
        return scenes[i]

    for i in sorted(by_sentence):
        if i >= len(sents.sents):
            continue
        for k in by_sentence[i]:
            event = out[k]
            if event.location is not None or event.modality != "asserted":
                continue
            if not (in_main_clause(doc, event) or _self_report(doc, event)):
                continue
            found = _scene_before(sents, i, scene)
            if found is None:
                found = _own_people(sents, i, scene, event, participants)
            if found is None:
                continue
            j, place = found
            if not same_day(sents.sents[j], sents.sents[i]):
                continue
            if not _tied(doc, event, sents.sents[j], place, participants):
                continue
            carried = place.model_copy(update={"source": "context"})
            out[k] = event.model_copy(update={"location": carried})
            scenes.pop(i, None)
    return out


def _scene_before(
    sents: _Sentences, i: int, scene: Callable[[int], Place | None], *, quoted: bool = False
) -> tuple[int, Place] | None:
    """The sentence before `i` that sets its scene, and the scene's place; `quoted`: a quotation
    in sentence `i` itself does not close the scene."""
    for j in range(i - 1, max(-1, i - 1 - _MAX_BACK), -1):
        place = scene(j)
        if not sents.crossable(j, i):
            return None
        if place is not None:
            if any(sents.closed(n, place, quotes=not quoted or n < i) for n in range(j + 1, i + 1)):
                return None
            return j, place
    return None


def _own_people(
    sents: _Sentences,
    i: int,
    scene: Callable[[int], Place | None],
    event: EventMention,
    participants: Callable[[Span], set[str]],
) -> tuple[int, Place] | None:
    """The sentence right after the scene, told by the scene's own people ("Putin hosted
    Araghchi in Moscow. | '...,' Putin told Araghchi."; "... | During the talks, Erdogan praised
    Turkey's ties with Azerbaijan"): there, when every actor of the event is a participant of
    the scene's sentence. Its quotation, the place names inside it and the countries it names
    (which the scene's people speak of) do not close the scene; a city or region named outside
    the quotation does."""
    found = _scene_before(sents, i, scene, quoted=True)
    if found is None or found[0] != i - 1:
        return None
    ids = {a.id for a in event.actor}
    if ids and ids <= participants(sents.sents[i - 1]):
        return found
    return None


_DATELINE_END = ("—", "–", "-", "--", ":")


def lead_index(sents: Sequence[Span]) -> int:
    """The first sentence with text that is not a dateline split off on its own ("ATLANTA (AP)
    —", "KYIV:"): a sentence of at most eight words ending in a dash or colon."""
    first = next((k for k, sent in enumerate(sents) if sent.text.strip()), 0)
    head = sents[first].text.strip() if sents else ""
    if head.endswith(_DATELINE_END) and len(head.split()) <= 8 and first + 1 < len(sents):
        return first + 1
    return first


def lead_sentences(doc: Doc) -> tuple[int, int] | None:
    """The lead sentence and the next one, when the lead names no place (the dateline aside),
    quotes nothing, and the next is in its paragraph or the one after it; else None."""
    from eventline.nlp.places import is_grouping, resolve_place

    sents = list(doc.sents)
    lead = lead_index(sents)
    if lead + 1 >= len(sents) or not sents[lead].text.strip():
        return None
    body = sents[lead]
    text = body.text
    dashes = [k for k in (text.find(" — "), text.find(" - "), text.find(" -- ")) if k >= 0]
    dash = min(dashes, default=-1)
    start = body.start_char + dash + 3 if 0 <= dash < 60 else body.start_char  # the dateline
    if any(ch in _QUOTES for ch in text):
        return None
    for ent in body.ents:
        if ent.start_char >= start and ent.label_ in _PLACE_LABELS and not is_grouping(ent.text):
            if ent.root.dep_ in _ACTING:
                continue  # "that Moscow would help Iran": a state acting, no place named
            if resolve_place(ent.text) is not None:
                return None
    paragraphs = _Sentences(doc, lambda _: None)
    if not paragraphs.crossable(lead, lead + 1):
        return None
    return lead, lead + 1


def _span(doc: Doc, event: EventMention) -> Span | None:
    return doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")


def in_main_clause(doc: Doc, event: EventMention) -> bool:
    """Whether an event's evidence is the sentence's main clause (or a conjunct of it): an
    event told in a subordinate clause is background, not what the sentence reports."""
    span = _span(doc, event)
    if span is None:
        return False
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "ROOT"


_SELF = frozenset({"they", "he", "she", "it", "we"})


def _self_report(doc: Doc, event: EventMention) -> bool:
    """An event its speaker reports as its own act ("Police said they arrested 20 of them",
    "The army said it killed ..."): told in what the sentence's main verb says, by a pronoun
    subject standing for the speaker, it is news of the scene, not of somewhere else."""
    span = _span(doc, event)
    if span is None:
        return False
    head = span.root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ != "ccomp" or head.head.dep_ != "ROOT":
        return False
    speaker = [c for c in head.head.children if c.dep_ == "nsubj"]
    own = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(speaker) and len(own) == 1 and own[0].lower_ in _SELF


def same_day(scene: Span, sent: Span) -> bool:
    """The event's sentence sets no date of its own that the scene's sentence lacks."""
    scene_dates = {e.text.casefold() for e in scene.ents if e.label_ in ("DATE", "TIME")}
    own = {e.text.casefold() for e in sent.ents if e.label_ in ("DATE", "TIME") and _dates(e)}
    return own <= scene_dates


def _dates(ent: Span) -> bool:
    """A date entity that dates its clause, not one describing a noun ("the history of the 2020
    election", "last year's deal")."""
    return ent.root.dep_ not in ("compound", "amod", "nmod", "poss", "nummod")


def _tied(
    doc: Doc,
    event: EventMention,
    scene: Span,
    place: Place,
    participants: Callable[[Span], set[str]],
) -> bool:
    """Something in the event's text ties it to the scene (the module docstring's last rule)."""
    span = _span(doc, event)
    if span is None:
        return False
    ids = {a.id for a in (*event.actor, *event.recipient)}
    if ids & participants(scene):
        return True
    if any(t.lower_ in _BACK_REFERENCES for t in span):
        return True
    nouns = {t.lemma_.lower() for t in scene if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_}
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns for t in span):
        return True
    return _material(event.type) and any(a.country == place.country for a in event.actor)


def _material(event_type: str) -> bool:
    from eventline.events.ontology import ontology

    found = ontology().types.get(event_type)
    return found is not None and found.quad in _MATERIAL
