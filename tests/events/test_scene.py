"""A place carried over from context (events/scene.py) on Docs built by hand: the scene of the
sentence before reaches an event tied to it, and not across another place, a quote, a new
paragraph, another day or a change of topic."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from eventline.events.scene import context_locations
from eventline.model import ActorRef, EventMention, Evidence, Place

LAGOS = Place(name="Lagos", country="NGA", kind="city", latitude=6.45, longitude=3.39)
POLICE = ActorRef(id="g_police", name="Nigerian police", country="NGA", sector="COP")
# (word, head offset within its sentence, dep, pos, lemma)
Word = tuple[str, int, str, str, str]
_VOCAB = spacy.blank("en").vocab


def _doc(sentences: list[list[Word]], *, between: str = " ", ents: tuple[str, ...] = ()) -> Doc:
    """Sentences parsed by hand (heads relative to each sentence's first token), joined by
    `between`; `ents` are words labelled GPE (or DATE for weekdays)."""
    words, heads, deps, pos, lemmas, spaces = [], [], [], [], [], []
    for sent in sentences:
        base = len(words)
        for k, (word, head, dep, tag, lemma) in enumerate(sent):
            words.append(word)
            heads.append(base + head)
            deps.append(dep)
            pos.append(tag)
            lemmas.append(lemma)
            spaces.append(k + 1 < len(sent) and sent[k + 1][2] != "punct")
        spaces[-1] = True
    # sentences come from the parse: each root heads one
    doc = Doc(_VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    if between != " ":
        return _with_paragraph_break(doc)
    spans = []
    for tok in doc:
        if tok.text in ents:
            spans.append(
                Span(doc, tok.i, tok.i + 1, label="DATE" if tok.text.endswith("day") else "GPE")
            )
    doc.ents = spans
    return doc


def _with_paragraph_break(doc: Doc) -> Doc:
    """The same parse with a line break after the first sentence (a new paragraph)."""
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    first_end = next(s.end for s in doc.sents)
    out = Doc(
        _VOCAB,
        words=[*words[:first_end], "\n", *words[first_end:]],
        spaces=[*spaces[: first_end - 1], False, False, *spaces[first_end:]],
        heads=[
            *[t.head.i for t in doc[:first_end]],
            first_end - 1,
            *[t.head.i + 1 for t in doc[first_end:]],
        ],
        deps=[*[t.dep_ for t in doc[:first_end]], "dep", *[t.dep_ for t in doc[first_end:]]],
        pos=[*[t.pos_ for t in doc[:first_end]], "SPACE", *[t.pos_ for t in doc[first_end:]]],
        lemmas=[*[t.lemma_ for t in doc[:first_end]], "\n", *[t.lemma_ for t in doc[first_end:]]],
    )
    assert "\n" in out.text
    return out


RALLY: list[Word] = [
    ("Students", 1, "nsubj", "NOUN", "student"),
    ("rallied", 1, "ROOT", "VERB", "rally"),
    ("in", 1, "prep", "ADP", "in"),
    ("Lagos", 2, "pobj", "PROPN", "Lagos"),
    (".", 1, "punct", "PUNCT", "."),
]


def arrest(obj: str = "them", *, opener: list[Word] | None = None) -> list[Word]:
    """ "[opener] Police arrested <obj> ." """
    lead = opener or []
    n = len(lead)
    return [
        *lead,
        ("Police", n + 1, "nsubj", "NOUN", "police"),
        ("arrested", n + 1, "ROOT", "VERB", "arrest"),
        (obj, n + 1, "dobj", "PRON" if obj == "them" else "NOUN", obj.lower()),
        (".", n + 1, "punct", "PUNCT", "."),
    ]


def place_of_arrest(
    doc: Doc, *, actor: ActorRef = POLICE, scene: Place | None = LAGOS
) -> Place | None:
    sents = list(doc.sents)
    last = sents[-1]
    event = EventMention(
        id="e1",
        type="COERCE",
        actor=(actor,),
        evidence=Evidence(
            article="a", sentence=len(sents) - 1, start=last.start_char, end=last.end_char
        ),
    )
    first = sents[0]
    out = context_locations(
        doc,
        [event],
        scene_of=lambda s: scene if s.start == first.start else None,
        participants=lambda s: set(),
    )
    return out[0].location


def test_the_scene_of_the_sentence_before_reaches_an_event_that_refers_back() -> None:
    place = place_of_arrest(_doc([RALLY, arrest("them")]))
    assert place is not None and (place.name, place.source) == ("Lagos", "context")
    assert place.latitude == LAGOS.latitude


def test_a_shared_noun_or_an_actor_of_the_scene_country_ties_a_material_event() -> None:
    assert place_of_arrest(_doc([RALLY, arrest("students")])) is not None
    stranger = ActorRef(id="g_x", name="Ghanaian police", country="GHA", sector="COP")
    assert place_of_arrest(_doc([RALLY, arrest("dozens")])) is not None  # NGA police
    assert place_of_arrest(_doc([RALLY, arrest("dozens")]), actor=stranger) is None


def test_no_scene_without_a_place_in_the_sentence_before() -> None:
    assert place_of_arrest(_doc([RALLY, arrest("them")]), scene=None) is None


def test_not_across_a_change_of_topic_another_place_or_another_day() -> None:
    separately: list[Word] = [
        ("Separately", 0, "advmod", "ADV", "separately"),
        (",", 0, "punct", "PUNCT", ","),
    ]
    shifted = arrest("them", opener=separately)
    shifted = [
        (w, 3 if d != "ROOT" and w in ("Separately", ",") else h, d, p, lem)
        for w, h, d, p, lem in shifted
    ]
    assert place_of_arrest(_doc([RALLY, shifted])) is None
    in_abuja: list[Word] = [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("arrested", 1, "ROOT", "VERB", "arrest"),
        ("them", 1, "dobj", "PRON", "them"),
        ("near", 1, "prep", "ADP", "near"),
        ("Abuja", 3, "pobj", "PROPN", "Abuja"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    assert place_of_arrest(_doc([RALLY, in_abuja], ents=("Abuja",))) is None
    monday: list[Word] = [("Monday", 2, "npadvmod", "PROPN", "Monday")]
    dated = arrest("them", opener=monday)
    assert place_of_arrest(_doc([RALLY, dated], ents=("Monday",))) is None


def test_not_across_a_quote_or_into_a_new_paragraph_after_the_lead() -> None:
    quote: list[Word] = [
        ("“", 1, "punct", "PUNCT", "“"),
        ("Enough", 1, "ROOT", "ADJ", "enough"),
        ("”", 1, "punct", "PUNCT", "”"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    assert place_of_arrest(_doc([RALLY, quote, arrest("them")])) is None
    second = [*RALLY[:-1], ("again", 1, "advmod", "ADV", "again"), (".", 1, "punct", "PUNCT", ".")]
    # the lead sets the scene for the paragraph that follows it; a later paragraph does not
    assert place_of_arrest(_doc([RALLY, arrest("them")], between="\n")) is not None
    assert place_of_arrest(_doc([RALLY, second, arrest("them")], between="\n")) is None


def test_the_scenes_own_name_in_the_next_sentence_does_not_close_it() -> None:
    lagos_police: list[Word] = [
        ("Lagos", 1, "compound", "PROPN", "Lagos"),
        ("police", 2, "nsubj", "NOUN", "police"),
        ("arrested", 2, "ROOT", "VERB", "arrest"),
        ("them", 2, "dobj", "PRON", "them"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    place = place_of_arrest(_doc([RALLY, lagos_police], ents=("Lagos",)))
    assert place is not None and place.name == "Lagos"
