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


def _doc(
    sentences: list[list[Word]],
    *,
    between: str = " ",
    ents: tuple[str, ...] = (),
    breaks: tuple[int, ...] = (0,),
) -> Doc:
    """Sentences parsed by hand (heads relative to each sentence's first token), joined by
    `between` ("\n": a paragraph break after each sentence numbered in `breaks`); `ents` are
    words labelled GPE (or DATE for weekdays)."""
    words, heads, deps, pos, lemmas, spaces = [], [], [], [], [], []
    for n, sent in enumerate(sentences):
        base = len(words)
        for k, (word, head, dep, tag, lemma) in enumerate(sent):
            words.append(word)
            heads.append(base + head)
            deps.append(dep)
            pos.append(tag)
            lemmas.append(lemma)
            spaces.append(k + 1 < len(sent) and sent[k + 1][2] != "punct")
        spaces[-1] = True
        if between != " " and n in breaks and n + 1 < len(sentences):
            spaces[-1] = False  # spaCy hangs the line break on the sentence's last token
            words.append("\n")
            heads.append(len(words) - 2)
            deps.append("dep")
            pos.append("SPACE")
            lemmas.append("\n")
            spaces.append(False)
    # sentences come from the parse: each root heads one
    doc = Doc(_VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    spans = []
    for tok in doc:
        if tok.text in ents:
            spans.append(
                Span(doc, tok.i, tok.i + 1, label="DATE" if tok.text.endswith("day") else "GPE")
            )
    doc.ents = spans
    return doc


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
    doc: Doc, *, actor: ActorRef = POLICE, scene: Place | None = LAGOS, at: int = 0
) -> Place | None:
    """The place the last sentence's arrest gets, the scene set by sentence `at`."""
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
    first = sents[at]
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


def test_not_across_a_quote_nor_into_a_new_paragraph_but_after_the_lead() -> None:
    quote: list[Word] = [
        ("“", 1, "punct", "PUNCT", "“"),
        ("Enough", 1, "ROOT", "ADJ", "enough"),
        ("”", 1, "punct", "PUNCT", "”"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    assert place_of_arrest(_doc([RALLY, quote, arrest("them")])) is None
    second = [*RALLY[:-1], ("again", 1, "advmod", "ADV", "again"), (".", 1, "punct", "PUNCT", ".")]
    # the lead sets the scene for the paragraph that follows it, not only its first sentence
    assert place_of_arrest(_doc([RALLY, arrest("them")], between="\n")) is not None
    assert place_of_arrest(_doc([RALLY, second, arrest("them")], between="\n")) is not None
    # another sentence's scene does not reach into the next paragraph, unless each paragraph
    # is one sentence (wire copy)
    later = [second, RALLY, arrest("them")]
    assert place_of_arrest(_doc(later, between="\n", breaks=(1,)), at=1) is None
    assert place_of_arrest(_doc(later, between="\n", breaks=(0, 1)), at=1) is not None


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


def test_the_region_around_the_scene_does_not_close_it() -> None:
    # "Students rallied in Des Moines. Iowa police arrested them." / "... Ohio police ..."
    des_moines = Place(name="Des Moines", country="USA", admin1="Iowa", kind="city")
    rally = [(w if w != "Lagos" else "Des Moines", h, d, p, lem) for w, h, d, p, lem in RALLY]

    def state_police(state: str) -> list[Word]:
        return [
            (state, 1, "compound", "PROPN", state),
            ("police", 2, "nsubj", "NOUN", "police"),
            ("arrested", 2, "ROOT", "VERB", "arrest"),
            ("them", 2, "dobj", "PRON", "them"),
            (".", 2, "punct", "PUNCT", "."),
        ]

    iowa = _doc([rally, state_police("Iowa")], ents=("Iowa",))
    assert place_of_arrest(iowa, scene=des_moines) is not None
    ohio = _doc([rally, state_police("Ohio")], ents=("Ohio",))
    assert place_of_arrest(ohio, scene=des_moines) is None  # another state: told elsewhere


def test_a_place_a_situation_noun_holds_does_not_close_the_scene() -> None:
    # "Students rallied in Lagos. They demanded a cease-fire in Abuja. Police arrested them."
    def demanded(noun: list[str]) -> list[Word]:
        head = 3 + len(noun) - 1  # the noun's last word heads it
        return [
            ("They", 1, "nsubj", "PRON", "they"),
            ("demanded", 1, "ROOT", "VERB", "demand"),
            ("a", head, "det", "DET", "a"),
            *[(w, head, "compound" if w != "-" else "punct", "NOUN", w) for w in noun[:-1]],
            (noun[-1], 1, "dobj", "NOUN", noun[-1]),
            ("in", head, "prep", "ADP", "in"),
            ("Abuja", head + 1, "pobj", "PROPN", "Abuja"),
            (".", 1, "punct", "PUNCT", "."),
        ]

    ceasefire = _doc([RALLY, demanded(["cease", "-", "fire"]), arrest("them")], ents=("Abuja",))
    assert place_of_arrest(ceasefire) is not None  # what they talk about, not where
    office = _doc([RALLY, demanded(["office"]), arrest("them")], ents=("Abuja",))
    assert place_of_arrest(office) is None  # another place
