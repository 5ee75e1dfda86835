"""Event locations (events/location.py) on parses built by hand: the place the event's own
clause names, place nouns, clauses of other events, and the dateline fallback."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.location import dateline_locations, dateline_place, event_place
from eventline.events.patterns import lexicon
from eventline.model import ActorRef, EventMention, Evidence, Place
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Putin": ("p_putin", "Vladimir Putin", "RUS", "GOV", "PERSON"),
    "Zelensky": ("p_zel", "Volodymyr Zelensky", "UKR", "GOV", "PERSON"),
    "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Iran": ("c_irn", "Iran", "IRN", None, "GPE"),
    "Iranian": ("c_irn", "Iran", "IRN", None, "NORP"),
    "Russian": ("c_rus", "Russia", "RUS", None, "NORP"),
}


def build(
    rows: list[Row],
    ents: list[tuple[int, int, str]] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A parsed Doc from (word, head, dep, pos, tag, lemma) rows with the given entities."""
    if spaces is None:
        spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    return parsed_doc(rows, TABLE, ents or (), spaces)


def place_of(doc: Doc, verb: int) -> Place | None:
    return event_place(doc[verb], ActorIndex(doc), lexicon())


def test_the_object_of_a_place_preposition_is_the_place() -> None:
    doc = build(
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("met", 1, "ROOT", "VERB", "VBD", "meet"),
            ("Velkor", 1, "dobj", "PROPN", "NNP", "Velkor"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Sochi", 3, "pobj", "PROPN", "NNP", "Sochi"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(4, 5, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country, place.kind) == ("Sochi", "RUS", "city")
    assert place.latitude is not None and place.source == "text"
    assert place.admin1 is not None and not place.admin1.startswith("RU.")  # a region's name


def test_a_place_noun_holds_the_place() -> None:
    # "Putin spoke in the Kursk region" / "... in the city of Kazan" / "... in the Iranian capital"
    def spoke_in(*words: Row, ents: list[tuple[int, int, str]]) -> Place | None:
        rows: list[Row] = [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            *words,
        ]
        return place_of(build(rows, ents), 1)

    region = spoke_in(
        ("the", 5, "det", "DET", "DT", "the"),
        ("Kursk", 5, "compound", "PROPN", "NNP", "Kursk"),
        ("region", 2, "pobj", "NOUN", "NN", "region"),
        ents=[(4, 5, "GPE")],
    )
    assert region is not None and (region.country, region.kind, region.admin1) == (
        "RUS",
        "admin1",
        "Kursk",
    )
    assert region.latitude is not None  # the region's point (scripts/build_admin1.py)
    city = spoke_in(
        ("the", 4, "det", "DET", "DT", "the"),
        ("city", 2, "pobj", "NOUN", "NN", "city"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Kazan", 5, "pobj", "PROPN", "NNP", "Kazan"),
        ents=[(6, 7, "GPE")],
    )
    assert city is not None and (city.name, city.kind, city.admin1) == (
        "Kazan",
        "city",
        "Tatarstan",
    )
    capital = spoke_in(
        ("the", 5, "det", "DET", "DT", "the"),
        ("Iranian", 5, "amod", "ADJ", "JJ", "iranian"),
        ("capital", 2, "pobj", "NOUN", "NN", "capital"),
        ents=[(4, 5, "NORP")],
    )
    assert capital is not None and (capital.name, capital.country) == ("Tehran", "IRN")


def test_a_demonym_or_a_name_deep_in_the_phrase_is_no_place() -> None:
    # "Putin spoke in his first trip after the invasion of Iran": no place of the speech
    doc = build(
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("his", 4, "poss", "PRON", "PRP$", "his"),
            ("trip", 2, "pobj", "NOUN", "NN", "trip"),
            ("after", 4, "prep", "ADP", "IN", "after"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("invasion", 5, "pobj", "NOUN", "NN", "invasion"),
            ("of", 7, "prep", "ADP", "IN", "of"),
            ("Iran", 8, "pobj", "PROPN", "NNP", "Iran"),
        ],
        [(9, 10, "GPE")],
    )
    assert place_of(doc, 1) is None
    doc = build(
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("to", 1, "prep", "ADP", "IN", "to"),
            ("Russian", 4, "amod", "ADJ", "JJ", "russian"),
            ("officials", 2, "pobj", "NOUN", "NNS", "official"),
        ],
        [(3, 4, "NORP")],
    )
    assert place_of(doc, 1) is None


def test_the_place_of_another_clause_with_its_own_subject_is_not_taken() -> None:
    # "Velkor left Paris after Iran struck sites in Isfahan": Isfahan is the strike's place
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("left", 1, "ROOT", "VERB", "VBD", "leave"),
            ("Paris", 1, "dobj", "PROPN", "NNP", "Paris"),
            ("after", 5, "mark", "SCONJ", "IN", "after"),
            ("Iran", 5, "nsubj", "PROPN", "NNP", "Iran"),
            ("struck", 1, "advcl", "VERB", "VBD", "strike"),
            ("sites", 5, "dobj", "NOUN", "NNS", "site"),
            ("in", 6, "prep", "ADP", "IN", "in"),
            ("Isfahan", 7, "pobj", "PROPN", "NNP", "Isfahan"),
        ],
        [(2, 3, "GPE"), (8, 9, "GPE")],
    )
    assert place_of(doc, 1) is None  # a place left behind is not where it happened
    strike = place_of(doc, 5)
    assert strike is not None and (strike.name, strike.country) == ("Isfahan", "IRN")


def test_a_visit_happens_at_its_destination() -> None:
    doc = build(
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("visited", 1, "ROOT", "VERB", "VBD", "visit"),
            ("Iran", 1, "dobj", "PROPN", "NNP", "Iran"),
        ],
        [(2, 3, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.country, place.kind) == ("IRN", "country")


def _event(
    doc: Doc, actor: str, *, start: int, end: int, precision: str = "report"
) -> EventMention:
    ref = ActorRef(id=actor, name=actor, country={"p_putin": "RUS", "c_irn": "IRN"}[actor])
    return EventMention(
        id=f"e{start}",
        type="ACCUSE",
        actor=(ref,),
        date="2025-06-23",
        date_precision=precision,
        evidence=Evidence(article="a", sentence=0, start=start, end=end),
    )


def _dateline_doc() -> Doc:
    return build(
        [
            ("MOSCOW", 0, "ROOT", "PROPN", "NNP", "Moscow"),
            (",", 0, "punct", "PUNCT", ",", ","),
            ("June", 0, "appos", "PROPN", "NNP", "June"),
            ("23", 2, "nummod", "NUM", "CD", "23"),
            ("(", 5, "punct", "PUNCT", "-LRB-", "("),
            ("Reuters", 0, "appos", "PROPN", "NNP", "Reuters"),
            (")", 5, "punct", "PUNCT", "-RRB-", ")"),
            ("-", 0, "punct", "PUNCT", ":", "-"),
            ("Putin", 9, "nsubj", "PROPN", "NNP", "Putin"),
            ("condemned", 9, "ROOT", "VERB", "VBD", "condemn"),
            ("the", 11, "det", "DET", "DT", "the"),
            ("strikes", 9, "dobj", "NOUN", "NNS", "strike"),
            ("that", 14, "dobj", "PRON", "WDT", "that"),
            ("Iran", 14, "nsubj", "PROPN", "NNP", "Iran"),
            ("reported", 11, "relcl", "VERB", "VBD", "report"),
            (".", 9, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "GPE"), (13, 14, "GPE")],
        # "MOSCOW, June 23 (Reuters) - Putin condemned the strikes that Iran reported."
        spaces=[False, True, True, True, False, False, True, True, *[True] * 6, False, False],
    )


def test_the_dateline_places_only_events_told_from_there() -> None:
    doc = _dateline_doc()
    place = dateline_place(doc)
    assert place is not None and (place.name, place.country, place.source) == (
        "Moscow",
        "RUS",
        "dateline",
    )
    sentence = doc[8:16]
    clause = doc[14:15]  # "reported": a relative clause, not the sentence's main clause
    events = [
        _event(doc, "p_putin", start=sentence.start_char, end=sentence.end_char),
        _event(doc, "c_irn", start=sentence.start_char, end=sentence.end_char),
        _event(doc, "p_putin", start=clause.start_char, end=clause.end_char),
        _event(doc, "p_putin", start=sentence.start_char, end=sentence.end_char, precision="year"),
    ]
    placed = [e.location for e in dateline_locations(doc, events, published="2025-06-23")]
    assert placed[0] is not None and placed[0].source == "dateline"
    assert placed[1:] == [None, None, None]  # foreign actor; embedded clause; another time


def test_no_dateline_no_fallback() -> None:
    doc = build(
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    event = _event(doc, "p_putin", start=0, end=len(doc.text))
    assert dateline_place(doc) is None
    assert dateline_locations(doc, [event], published="2025-06-23")[0].location is None


def test_a_verb_joined_without_a_subject_takes_the_place_of_its_clause() -> None:
    # "Police raided a house in Sinaloa and arrested him" / "... would raid ... and arrest him"
    def joined(*, modal: bool) -> Place | None:
        rows: list[Row] = [
            ("Police", 2 if modal else 1, "nsubj", "NOUN", "NNS", "police"),
            *([("would", 2, "aux", "AUX", "MD", "would")] if modal else []),
        ]
        n = len(rows)
        rows += [
            ("raided", n, "ROOT", "VERB", "VBD", "raid"),
            ("a", n + 2, "det", "DET", "DT", "a"),
            ("house", n, "dobj", "NOUN", "NN", "house"),
            ("in", n, "prep", "ADP", "IN", "in"),
            ("Sinaloa", n + 3, "pobj", "PROPN", "NNP", "Sinaloa"),
            ("and", n, "cc", "CCONJ", "CC", "and"),
            ("arrested", n, "conj", "VERB", "VBD", "arrest"),
            ("him", n + 6, "dobj", "PRON", "PRP", "he"),
        ]
        return place_of(build(rows, [(n + 4, n + 5, "GPE")]), n + 6)

    place = joined(modal=False)
    assert place is not None and (place.name, place.kind, place.source) == (
        "Sinaloa",
        "admin1",
        "context",
    )
    assert place.latitude is not None  # a region's point
    assert joined(modal=True) is None  # what might happen is not placed by its neighbour


def test_a_venue_stands_for_its_city() -> None:
    # "Putin met Velkor at the Kremlin." / "... in the Oval Office."
    def met_at(prep: str, words: list[str], ent: str | None) -> Place | None:
        n = len(words)
        rows: list[Row] = [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("met", 1, "ROOT", "VERB", "VBD", "meet"),
            ("Velkor", 1, "dobj", "PROPN", "NNP", "Velkor"),
            (prep, 1, "prep", "ADP", "IN", prep),
            ("the", 4 + n, "det", "DET", "DT", "the"),
            *[(w, 4 + n, "compound", "PROPN", "NNP", w) for w in words[:-1]],
            (words[-1], 3, "pobj", "PROPN", "NNP", words[-1]),
        ]
        ents = [(5, 5 + n, ent)] if ent else []
        return place_of(build(rows, ents), 1)

    kremlin = met_at("at", ["Kremlin"], "FAC")
    assert kremlin is not None and (kremlin.name, kremlin.country, kremlin.kind) == (
        "Moscow",
        "RUS",
        "city",
    )
    oval = met_at("in", ["Oval", "Office"], None)  # no entity: the compound name
    assert oval is not None and (oval.name, oval.country) == ("Washington", "USA")
    assert met_at("at", ["Town", "Hall"], None) is None
    hill = met_at("on", ["Capitol", "Hill"], "LOC")  # "on" reaches a venue only
    assert hill is not None and (hill.name, hill.country) == ("Washington", "USA")
    assert met_at("on", ["Monday"], "DATE") is None


def test_names_describing_the_subject_or_a_time_are_no_place() -> None:
    # "Florida Gov. Velkor met farmers in Iowa." (Florida describes the governor)
    rows: list[Row] = [
        ("Florida", 1, "compound", "PROPN", "NNP", "Florida"),
        ("Gov.", 2, "compound", "PROPN", "NNP", "Gov."),
        ("Velkor", 3, "nsubj", "PROPN", "NNP", "Velkor"),
        ("met", 3, "ROOT", "VERB", "VBD", "meet"),
        ("farmers", 3, "dobj", "NOUN", "NNS", "farmer"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("Iowa", 5, "pobj", "PROPN", "NNP", "Iowa"),
    ]
    place = place_of(build(rows, [(0, 1, "GPE"), (6, 7, "GPE")]), 3)
    assert place is not None and (place.name, place.kind) == ("Iowa", "admin1")
    # "Putin met Velkor a week before the Ohio primary." names when, not where
    rows = [
        ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("Velkor", 1, "dobj", "PROPN", "NNP", "Velkor"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("week", 5, "npadvmod", "NOUN", "NN", "week"),
        ("before", 1, "prep", "ADP", "IN", "before"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("Ohio", 8, "compound", "PROPN", "NNP", "Ohio"),
        ("primary", 5, "pobj", "NOUN", "NN", "primary"),
    ]
    assert place_of(build(rows, [(7, 8, "GPE")]), 1) is None
    # "Putin, with a senator from Ohio, met Velkor." names where the senator is from
    rows = [
        ("Putin", 7, "nsubj", "PROPN", "NNP", "Putin"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("with", 0, "prep", "ADP", "IN", "with"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("senator", 2, "pobj", "NOUN", "NN", "senator"),
        ("from", 4, "prep", "ADP", "IN", "from"),
        ("Ohio", 5, "pobj", "PROPN", "NNP", "Ohio"),
        ("met", 7, "ROOT", "VERB", "VBD", "meet"),
        ("Velkor", 7, "dobj", "PROPN", "NNP", "Velkor"),
    ]
    assert place_of(build(rows, [(6, 7, "GPE")]), 7) is None


def test_a_name_in_a_conjoined_noun_phrase_is_in_the_clause() -> None:
    # "Velkor got loans from the government and the government of Bavaria."
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("got", 1, "ROOT", "VERB", "VBD", "get"),
        ("loans", 1, "dobj", "NOUN", "NNS", "loan"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("government", 3, "pobj", "NOUN", "NN", "government"),
        ("and", 5, "cc", "CCONJ", "CC", "and"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("government", 5, "conj", "NOUN", "NN", "government"),
        ("of", 8, "prep", "ADP", "IN", "of"),
        ("Bavaria", 9, "pobj", "PROPN", "NNP", "Bavaria"),
    ]
    place = place_of(build(rows, [(10, 11, "GPE")]), 1)
    assert place is not None and (place.country, place.kind) == ("DEU", "admin1")


def test_the_dateline_places_actors_of_no_known_country_in_an_article_of_its_country() -> None:
    doc = _dateline_doc()
    sentence = doc[8:16]
    nobody = ActorRef(id="p_x", name="Ivan Unlisted", country=None)
    unknown = _event(doc, "p_putin", start=sentence.start_char, end=sentence.end_char)
    unknown = unknown.model_copy(update={"actor": (nobody,)})
    russian = _event(doc, "p_putin", start=sentence.start_char, end=sentence.end_char)
    placed = dateline_locations(doc, [unknown, russian], published="2025-06-23")
    assert placed[0].location is not None and placed[0].location.source == "dateline"
    alone = dateline_locations(doc, [unknown], published="2025-06-23")  # no main country
    assert alone[0].location is None
    nobody_at_all = unknown.model_copy(update={"actor": ()})  # no actor: nothing to go by
    placed = dateline_locations(doc, [nobody_at_all, russian], published="2025-06-23")
    assert placed[0].location is None


def test_a_place_naming_its_residents_is_where_they_act() -> None:
    # "Ohio voters rejected the amendment." / "Ohio senators rejected the amendment."
    def rejected_by(noun: str, lemma: str) -> Place | None:
        rows: list[Row] = [
            ("Ohio", 1, "compound", "PROPN", "NNP", "Ohio"),
            (noun, 2, "nsubj", "NOUN", "NNS", lemma),
            ("rejected", 2, "ROOT", "VERB", "VBD", "reject"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("amendment", 2, "dobj", "NOUN", "NN", "amendment"),
        ]
        return place_of(build(rows, [(0, 1, "GPE")]), 2)

    voters = rejected_by("voters", "voter")
    assert voters is not None and (voters.name, voters.kind) == ("Ohio", "admin1")
    assert rejected_by("senators", "senator") is None  # whom they represent, not where


def test_a_region_noun_with_an_of_country_names_the_region() -> None:
    # "Velkor spoke in the Tigray region of Ethiopia": the region, not only the country
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("Tigray", 5, "compound", "PROPN", "NNP", "Tigray"),
            ("region", 2, "pobj", "NOUN", "NN", "region"),
            ("of", 5, "prep", "ADP", "IN", "of"),
            ("Ethiopia", 6, "pobj", "PROPN", "NNP", "Ethiopia"),
        ],
        [(7, 8, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.country, place.kind, place.admin1) == (
        "ETH",
        "admin1",
        "Tigray",
    )


def test_places_of_what_is_said_or_of_a_time_phrase_are_not_the_events() -> None:
    # "Velkor accused Putin of bombing towns in Syria": the bombing's place, not the accusation's
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
            ("Putin", 1, "dobj", "PROPN", "NNP", "Putin"),
            ("of", 1, "prep", "ADP", "IN", "of"),
            ("bombing", 3, "pcomp", "VERB", "VBG", "bomb"),
            ("towns", 4, "dobj", "NOUN", "NNS", "town"),
            ("in", 5, "prep", "ADP", "IN", "in"),
            ("Syria", 6, "pobj", "PROPN", "NNP", "Syria"),
        ],
        [(7, 8, "GPE")],
    )
    assert place_of(doc, 1) is None
    about = event_place(doc[1], ActorIndex(doc), lexicon(), about=True)  # a hint of countries
    assert about is not None and about.country == "SYR"
    # "Velkor spoke after the talks in Geneva": the talks' place
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("after", 1, "prep", "ADP", "IN", "after"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("talks", 2, "pobj", "NOUN", "NNS", "talk"),
            ("in", 4, "prep", "ADP", "IN", "in"),
            ("Geneva", 5, "pobj", "PROPN", "NNP", "Geneva"),
        ],
        [(6, 7, "GPE")],
    )
    assert place_of(doc, 1) is None


def test_off_a_city_and_a_city_the_ner_took_for_an_organisation_are_places() -> None:
    # "Iran seized a tanker off Bandar Abbas" / "Velkor spoke in Kandahar" (Kandahar as ORG)
    doc = build(
        [
            ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
            ("seized", 1, "ROOT", "VERB", "VBD", "seize"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("tanker", 1, "dobj", "NOUN", "NN", "tanker"),
            ("off", 1, "prep", "ADP", "IN", "off"),
            ("Bandar", 6, "compound", "PROPN", "NNP", "Bandar"),
            ("Abbas", 4, "pobj", "PROPN", "NNP", "Abbas"),
        ],
        [(0, 1, "GPE"), (5, 7, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country) == ("Bandar Abbas", "IRN")
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Kandahar", 2, "pobj", "PROPN", "NNP", "Kandahar"),
        ],
        [(3, 4, "ORG")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.country, place.kind) == ("AFG", "city")


def test_a_capital_read_as_its_state_is_the_namesake_of_the_sentence_country() -> None:
    # "Lebanese police arrested a man in Tripoli": the actor stage reads "Tripoli" as Libya's
    # capital; the sentence's other actor says which Tripoli
    table = {
        **TABLE,
        "Tripoli": ("c_lby", "Libya", "LBY", None, "METONYM"),
        "Lebanese": ("c_lbn", "Lebanon", "LBN", None, "NORP"),
        "Libyan": ("c_lby", "Libya", "LBY", None, "NORP"),
    }

    def arrested_in_tripoli(adjective: str) -> Place | None:
        rows: list[Row] = [
            (adjective, 1, "amod", "ADJ", "JJ", adjective.lower()),
            ("police", 2, "nsubj", "NOUN", "NNS", "police"),
            ("arrested", 2, "ROOT", "VERB", "VBD", "arrest"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("man", 2, "dobj", "NOUN", "NN", "man"),
            ("in", 2, "prep", "ADP", "IN", "in"),
            ("Tripoli", 5, "pobj", "PROPN", "NNP", "Tripoli"),
        ]
        doc = parsed_doc(rows, table, [(0, 1, "NORP"), (6, 7, "GPE")])
        return place_of(doc, 2)

    lebanon, libya = arrested_in_tripoli("Lebanese"), arrested_in_tripoli("Libyan")
    assert lebanon is not None and (lebanon.country, lebanon.kind) == ("LBN", "city")
    assert libya is not None and (libya.country, libya.kind) == ("LBY", "city")


def test_an_entity_holding_its_region_noun_names_the_region() -> None:
    # "Velkor spoke in Kunar province": the NER takes the noun into the name
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Kunar", 4, "compound", "PROPN", "NNP", "Kunar"),
            ("province", 2, "pobj", "NOUN", "NN", "province"),
        ],
        [(3, 5, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.country, place.kind, place.admin1) == (
        "AFG",
        "admin1",
        "Kunar",
    )


def test_a_capital_for_its_state_and_a_topic_are_no_place() -> None:
    # "Velkor imposed sanctions on Minsk" (Minsk read as Belarus): no place of the sanctions
    table = {**TABLE, "Minsk": ("c_blr", "Belarus", "BLR", None, "METONYM")}
    doc = parsed_doc(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
            ("sanctions", 1, "dobj", "NOUN", "NNS", "sanction"),
            ("on", 2, "prep", "ADP", "IN", "on"),
            ("Minsk", 3, "pobj", "PROPN", "NNP", "Minsk"),
        ],
        table,
        [(4, 5, "GPE")],
    )
    assert place_of(doc, 1) is None
    # "Velkor marched through Lyon to demand a truce in Sudan": Lyon, not the truce's Sudan
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("marched", 1, "ROOT", "VERB", "VBD", "march"),
            ("through", 1, "prep", "ADP", "IN", "through"),
            ("Lyon", 2, "pobj", "PROPN", "NNP", "Lyon"),
            ("to", 5, "aux", "PART", "TO", "to"),
            ("demand", 1, "advcl", "VERB", "VB", "demand"),
            ("a", 7, "det", "DET", "DT", "a"),
            ("truce", 5, "dobj", "NOUN", "NN", "truce"),
            ("in", 7, "prep", "ADP", "IN", "in"),
            ("Sudan", 8, "pobj", "PROPN", "NNP", "Sudan"),
        ],
        [(3, 4, "GPE"), (9, 10, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country) == ("Lyon", "FRA")
    demand = place_of(doc, 5)  # demanded where they march; the truce's place is what is demanded
    assert demand is not None and demand.name == "Lyon"


def test_a_capital_owning_a_place_the_event_reaches_is_the_place() -> None:
    # "Protesters occupied Minsk's airport": the airport of Minsk, not Belarus's act
    table = {**TABLE, "Minsk": ("c_blr", "Belarus", "BLR", None, "METONYM")}
    doc = parsed_doc(
        [
            ("Protesters", 1, "nsubj", "NOUN", "NNS", "protester"),
            ("occupied", 1, "ROOT", "VERB", "VBD", "occupy"),
            ("Minsk", 4, "poss", "PROPN", "NNP", "Minsk"),
            ("'s", 2, "case", "PART", "POS", "'s"),
            ("airport", 1, "dobj", "NOUN", "NN", "airport"),
        ],
        table,
        [(2, 3, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country) == ("Minsk", "BLR")


def test_a_place_inside_the_matter_of_a_reason_is_another_happenings() -> None:
    # "Velkor expelled a diplomat over the killing of a man in Lyon": the killing's place
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("expelled", 1, "ROOT", "VERB", "VBD", "expel"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("diplomat", 1, "dobj", "NOUN", "NN", "diplomat"),
            ("over", 1, "prep", "ADP", "IN", "over"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("killing", 4, "pobj", "NOUN", "NN", "killing"),
            ("of", 6, "prep", "ADP", "IN", "of"),
            ("a", 9, "det", "DET", "DT", "a"),
            ("man", 7, "pobj", "NOUN", "NN", "man"),
            ("in", 9, "prep", "ADP", "IN", "in"),
            ("Lyon", 10, "pobj", "PROPN", "NNP", "Lyon"),
        ],
        [(11, 12, "GPE")],
    )
    assert place_of(doc, 1) is None


def test_a_region_noun_with_a_country_as_possessor_names_the_region() -> None:
    # "Velkor spoke in Mexico's Sonora state": Sonora, not the State of Mexico
    doc = build(
        [
            ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
            ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Mexico", 6, "poss", "PROPN", "NNP", "Mexico"),
            ("'s", 3, "case", "PART", "POS", "'s"),
            ("Sonora", 6, "compound", "PROPN", "NNP", "Sonora"),
            ("state", 2, "pobj", "NOUN", "NN", "state"),
        ],
        [(3, 4, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.country, place.admin1) == ("MEX", "Sonora")
