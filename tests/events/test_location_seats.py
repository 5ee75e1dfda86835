"""A body's seat city as the place of an event (issue #9, brussels): the actor stage reads
"Brussels" as the European Union, so no place came of "met in Brussels"; under a place
preposition, as a destination or in a dateline the name is the city, while as a subject or an
object it stays the body and names no place. Parses are built by hand."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.location import dateline_locations, dateline_place, event_place
from eventline.events.patterns import lexicon
from eventline.model import ActorRef, EventMention, Evidence, Place
from eventline.nlp.places import resolve_place, seat_place
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Novak": ("p_novak", "Marek Novak", "POL", "GOV", "PERSON"),
    "Brandt": ("p_brandt", "Tomas Brandt", "DEU", "GOV", "PERSON"),
    "Brussels": ("IGO.eu", "European Union", None, "IGO", "ORG"),
    "BRUSSELS": ("IGO.eu", "European Union", None, "IGO", "ORG"),
    "Warsaw": ("c_pol", "Poland", "POL", None, "METONYM"),
    "Moscow": ("c_rus", "Russia", "RUS", None, "METONYM"),
    "Polish": ("c_pol", "Poland", "POL", None, "NORP"),
    "Czech": ("c_cze", "Czechia", "CZE", None, "NORP"),
}


def build(
    rows: list[Row], ents: list[tuple[int, int, str]], spaces: list[bool] | None = None
) -> Doc:
    if spaces is None:
        spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    return parsed_doc(rows, TABLE, ents, spaces)


def place_of(doc: Doc, verb: int) -> Place | None:
    return event_place(doc[verb], ActorIndex(doc), lexicon())


def _brussels(place: Place | None) -> bool:
    return place is not None and (place.name, place.country, place.kind) == (
        "Brussels",
        "BEL",
        "city",
    )


def test_a_body_named_by_its_seat_is_the_city_under_a_place_preposition() -> None:
    # "Polish and Czech ministers met in Brussels on Thursday."
    doc = build(
        [
            ("Polish", 3, "amod", "ADJ", "JJ", "polish"),
            ("and", 0, "cc", "CCONJ", "CC", "and"),
            ("Czech", 0, "conj", "ADJ", "JJ", "czech"),
            ("ministers", 4, "nsubj", "NOUN", "NNS", "minister"),
            ("met", 4, "ROOT", "VERB", "VBD", "meet"),
            ("in", 4, "prep", "ADP", "IN", "in"),
            ("Brussels", 5, "pobj", "PROPN", "NNP", "Brussels"),
            ("on", 4, "prep", "ADP", "IN", "on"),
            ("Thursday", 7, "pobj", "PROPN", "NNP", "Thursday"),
            (".", 4, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "NORP"), (2, 3, "NORP"), (6, 7, "GPE"), (8, 9, "DATE")],
    )
    place = place_of(doc, 4)
    assert _brussels(place)
    assert place is not None and place.latitude is not None and place.source == "text"


def test_a_seat_under_a_venue_noun_and_as_a_destination() -> None:
    # "Novak met Brandt at the alliance's headquarters in Brussels."
    doc = build(
        [
            ("Novak", 1, "nsubj", "PROPN", "NNP", "Novak"),
            ("met", 1, "ROOT", "VERB", "VBD", "meet"),
            ("Brandt", 1, "dobj", "PROPN", "NNP", "Brandt"),
            ("at", 1, "prep", "ADP", "IN", "at"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("alliance", 7, "poss", "NOUN", "NN", "alliance"),
            ("'s", 5, "case", "PART", "POS", "'s"),
            ("headquarters", 3, "pobj", "NOUN", "NN", "headquarters"),
            ("in", 7, "prep", "ADP", "IN", "in"),
            ("Brussels", 8, "pobj", "PROPN", "NNP", "Brussels"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(9, 10, "GPE")],
    )
    assert _brussels(place_of(doc, 1))
    # "Novak travelled to Brussels."
    doc = build(
        [
            ("Novak", 1, "nsubj", "PROPN", "NNP", "Novak"),
            ("travelled", 1, "ROOT", "VERB", "VBD", "travel"),
            ("to", 1, "prep", "ADP", "IN", "to"),
            ("Brussels", 2, "pobj", "PROPN", "NNP", "Brussels"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(3, 4, "GPE")],
    )
    assert _brussels(place_of(doc, 1))


def test_a_seat_acting_as_its_body_names_no_place() -> None:
    # "Brussels warned Warsaw on Monday.": the EU warned Poland, nowhere said
    doc = build(
        [
            ("Brussels", 1, "nsubj", "PROPN", "NNP", "Brussels"),
            ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
            ("Warsaw", 1, "dobj", "PROPN", "NNP", "Warsaw"),
            ("on", 1, "prep", "ADP", "IN", "on"),
            ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE"), (4, 5, "DATE")],
    )
    assert place_of(doc, 1) is None
    # "Warsaw criticised Brussels.": the object of a verb reaching no place
    doc = build(
        [
            ("Warsaw", 1, "nsubj", "PROPN", "NNP", "Warsaw"),
            ("criticised", 1, "ROOT", "VERB", "VBD", "criticise"),
            ("Brussels", 1, "dobj", "PROPN", "NNP", "Brussels"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE")],
    )
    assert place_of(doc, 1) is None


def test_a_capital_standing_for_its_state_is_still_the_city_under_in() -> None:
    # "Novak signed the treaty in Moscow.": a metonym capital under a place preposition
    doc = build(
        [
            ("Novak", 1, "nsubj", "PROPN", "NNP", "Novak"),
            ("signed", 1, "ROOT", "VERB", "VBD", "sign"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("treaty", 1, "dobj", "NOUN", "NN", "treaty"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Moscow", 4, "pobj", "PROPN", "NNP", "Moscow"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(5, 6, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country, place.kind) == (
        "Moscow",
        "RUS",
        "city",
    )


def test_a_seat_city_dateline_is_where_the_report_was_filed() -> None:
    # "BRUSSELS (Reuters) - Novak spoke."
    doc = build(
        [
            ("BRUSSELS", 0, "ROOT", "PROPN", "NNP", "Brussels"),
            ("(", 2, "punct", "PUNCT", "-LRB-", "("),
            ("Reuters", 0, "appos", "PROPN", "NNP", "Reuters"),
            (")", 2, "punct", "PUNCT", "-RRB-", ")"),
            ("-", 0, "punct", "PUNCT", ":", "-"),
            ("Novak", 6, "nsubj", "PROPN", "NNP", "Novak"),
            ("spoke", 6, "ROOT", "VERB", "VBD", "speak"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "GPE")],
        [True, False, False, True, True, True, False, False],
    )
    assert doc.text == "BRUSSELS (Reuters) - Novak spoke."
    place = dateline_place(doc)
    assert _brussels(place)
    assert place is not None and place.source == "dateline"


def test_seat_place_reads_only_big_seat_cities_of_bodies() -> None:
    assert resolve_place("Brussels") is None  # the body, unless the caller knows better
    seat = seat_place("Brussels")
    assert seat is not None and (seat.country, seat.kind) == ("BEL", "city")
    assert seat_place("Toyota") is None  # a company named like its town: the company
    assert seat_place("Xinhua") is None  # a medium
    assert seat_place("Whitehall") is None  # a London street; the namesake is a small US town
    assert seat_place("Geneva") is None  # no body's name: `resolve_place` reads it


def test_a_body_seated_in_the_dateline_city_is_told_from_there() -> None:
    # "BRUSSELS (Reuters) - Brussels warned Warsaw.": the EU, of no country, acts at its seat
    doc = build(
        [
            ("BRUSSELS", 0, "ROOT", "PROPN", "NNP", "Brussels"),
            ("(", 2, "punct", "PUNCT", "-LRB-", "("),
            ("Reuters", 0, "appos", "PROPN", "NNP", "Reuters"),
            (")", 2, "punct", "PUNCT", "-RRB-", ")"),
            ("-", 0, "punct", "PUNCT", ":", "-"),
            ("Brussels", 6, "nsubj", "PROPN", "NNP", "Brussels"),
            ("warned", 6, "ROOT", "VERB", "VBD", "warn"),
            ("Warsaw", 6, "dobj", "PROPN", "NNP", "Warsaw"),
            (".", 6, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")],
        [True, False, False, True, True, True, True, False, False],
    )
    sentence = doc[5:9]

    def warned(actor: ActorRef) -> EventMention:
        return EventMention(
            id=f"e_{actor.id}",
            type="THREATEN",
            actor=(actor,),
            date="2025-06-23",
            date_precision="report",
            evidence=Evidence(
                article="a", sentence=0, start=sentence.start_char, end=sentence.end_char
            ),
        )

    events = [
        warned(ActorRef(id="kb:IGO.eu", name="European Union")),
        warned(ActorRef(id="kb:IGO.nato", name="NATO")),  # not seated there by its name
    ]
    placed = [e.location for e in dateline_locations(doc, events, published="2025-06-23")]
    assert _brussels(placed[0]) and placed[0] is not None and placed[0].source == "dateline"
    assert placed[1] is None
