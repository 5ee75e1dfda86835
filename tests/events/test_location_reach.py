"""Places an event reaches beyond its own clause's phrases (issue 9): the scene of what the
people it acts on did (a relative clause), the owner of a site it strikes, and the target of an
attack told by a noun. Parses are built by hand; names are invented or common places."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.location import dateline_locations
from eventline.model import ActorRef, EventMention, Evidence, Place
from tests.events.conftest import Row
from tests.events.test_location import build, place_of

_ARRESTED: list[Row] = [
    ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
    ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
    ("activists", 1, "dobj", "NOUN", "NNS", "activist"),
    ("who", 5, "nsubj", "PRON", "WP", "who"),
    ("had", 5, "aux", "AUX", "VBD", "have"),
]


def _arrest(act: list[Row], ents: list[tuple[int, int, str]]) -> Place | None:
    """ "Velkor arrested activists who had <act>": the act's verb is token 5."""
    return place_of(build([*_ARRESTED, *act], ents), 1)


def test_where_the_people_acted_on_did_what_the_relative_clause_tells_is_the_place() -> None:
    # "Velkor arrested activists who had blocked a road in Lyon on Monday"
    blocked: list[Row] = [
        ("blocked", 2, "relcl", "VERB", "VBN", "block"),
        ("a", 7, "det", "DET", "DT", "a"),
        ("road", 5, "dobj", "NOUN", "NN", "road"),
        ("in", 5, "prep", "ADP", "IN", "in"),
        ("Lyon", 8, "pobj", "PROPN", "NNP", "Lyon"),
        ("on", 5, "prep", "ADP", "IN", "on"),
        ("Monday", 10, "pobj", "PROPN", "NNP", "Monday"),
    ]
    place = _arrest(blocked, [(9, 10, "GPE"), (11, 12, "DATE")])
    assert place is not None and (place.name, place.country, place.source) == (
        "Lyon",
        "FRA",
        "text",
    )


def test_where_they_live_or_acted_another_year_is_not_the_place() -> None:
    # "... activists who had lived in Lyon": a residence, not an act
    lived: list[Row] = [
        ("lived", 2, "relcl", "VERB", "VBN", "live"),
        ("in", 5, "prep", "ADP", "IN", "in"),
        ("Lyon", 6, "pobj", "PROPN", "NNP", "Lyon"),
    ]
    assert _arrest(lived, [(7, 8, "GPE")]) is None
    # "... activists who had blocked roads in Lyon in 2019": another day
    blocked: list[Row] = [
        ("blocked", 2, "relcl", "VERB", "VBN", "block"),
        ("roads", 5, "dobj", "NOUN", "NNS", "road"),
        ("in", 5, "prep", "ADP", "IN", "in"),
        ("Lyon", 7, "pobj", "PROPN", "NNP", "Lyon"),
        ("in", 5, "prep", "ADP", "IN", "in"),
        ("2019", 9, "pobj", "NUM", "CD", "2019"),
    ]
    assert _arrest(blocked, [(8, 9, "GPE"), (10, 11, "DATE")]) is None


def test_a_relative_clause_gives_no_place_when_the_sentence_names_another() -> None:
    # "Nice police arrested men who had attacked a family in Lyon": which city is unclear
    doc = build(
        [
            ("Nice", 1, "compound", "PROPN", "NNP", "Nice"),
            ("police", 2, "nsubj", "NOUN", "NNS", "police"),
            ("arrested", 2, "ROOT", "VERB", "VBD", "arrest"),
            ("men", 2, "dobj", "NOUN", "NNS", "man"),
            ("who", 6, "nsubj", "PRON", "WP", "who"),
            ("had", 6, "aux", "AUX", "VBD", "have"),
            ("attacked", 3, "relcl", "VERB", "VBN", "attack"),
            ("a", 8, "det", "DET", "DT", "a"),
            ("family", 6, "dobj", "NOUN", "NN", "family"),
            ("in", 6, "prep", "ADP", "IN", "in"),
            ("Lyon", 9, "pobj", "PROPN", "NNP", "Lyon"),
        ],
        [(0, 1, "GPE"), (10, 11, "GPE")],
    )
    assert place_of(doc, 2) is None
    attacked = place_of(doc, 6)  # the attack itself is in Lyon
    assert attacked is not None and attacked.name == "Lyon"


def test_the_owner_of_a_site_an_attack_reaches_is_the_place_but_not_of_an_embassy() -> None:
    # "Russian jets struck Iran's nuclear sites" / "... struck Iran's embassy"
    def struck(noun: str) -> Place | None:
        doc = build(
            [
                ("Russian", 1, "amod", "ADJ", "JJ", "russian"),
                ("jets", 2, "nsubj", "NOUN", "NNS", "jet"),
                ("struck", 2, "ROOT", "VERB", "VBD", "strike"),
                ("Iran", 6, "poss", "PROPN", "NNP", "Iran"),
                ("'s", 3, "case", "PART", "POS", "'s"),
                ("nuclear", 6, "amod", "ADJ", "JJ", "nuclear"),
                (noun, 2, "dobj", "NOUN", "NNS", noun.rstrip("s")),
            ],
            [(3, 4, "GPE")],
        )
        return place_of(doc, 2)

    sites = struck("sites")
    assert sites is not None and (sites.name, sites.country, sites.kind) == (
        "Iran",
        "IRN",
        "country",
    )
    assert struck("embassy") is None  # an embassy stands abroad


def test_the_target_of_an_attack_a_verb_carries_out_is_the_place() -> None:
    # "Velkor launched an attack on Iran" / "Velkor condemned an attack on Iran"
    def attack(verb: str, lemma: str) -> Doc:
        return build(
            [
                ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
                (verb, 1, "ROOT", "VERB", "VBD", lemma),
                ("an", 3, "det", "DET", "DT", "an"),
                ("attack", 1, "dobj", "NOUN", "NN", "attack"),
                ("on", 3, "prep", "ADP", "IN", "on"),
                ("Iran", 4, "pobj", "PROPN", "NNP", "Iran"),
            ],
            [(5, 6, "GPE")],
        )

    launched = place_of(attack("launched", "launch"), 1)
    assert launched is not None and (launched.name, launched.kind) == ("Iran", "country")
    condemned = attack("condemned", "condemn")
    assert place_of(condemned, 1) is None  # the condemnation is not in Iran
    # the attack told by the noun under "condemned" is: at its target
    events = [
        _mention(condemned, "ACCUSE", "condemned"),
        _mention(condemned, "ASSAULT", "attack"),
    ]
    placed = [e.location for e in dateline_locations(condemned, events, published=None)]
    assert placed[0] is None
    assert placed[1] is not None and (placed[1].name, placed[1].source) == ("Iran", "text")


def _mention(doc: Doc, kind: str, trigger: str) -> EventMention:
    return EventMention(
        id=f"e{kind}",
        type=kind,
        trigger=trigger,
        actor=(ActorRef(id="p_velkor", name="Anna Velkor", country="FRA"),),
        date="2025-06-23",
        date_precision="report",
        evidence=Evidence(article="a", sentence=0, start=0, end=len(doc.text)),
    )


def test_a_square_the_gazetteer_lacks_is_placed_by_the_city_owning_it() -> None:
    # "Israelis rallied in Tel Aviv's Habima Square": Tel Aviv, with its coordinates
    doc = build(
        [
            ("Israelis", 1, "nsubj", "PROPN", "NNPS", "Israelis"),
            ("rallied", 1, "ROOT", "VERB", "VBD", "rally"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("Tel", 4, "compound", "PROPN", "NNP", "Tel"),
            ("Aviv", 7, "poss", "PROPN", "NNP", "Aviv"),
            ("'s", 4, "case", "PART", "POS", "'s"),
            ("Habima", 7, "compound", "PROPN", "NNP", "Habima"),
            ("Square", 2, "pobj", "PROPN", "NNP", "Square"),
        ],
        [(3, 6, "GPE"), (6, 8, "FAC")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country, place.kind) == (
        "Tel Aviv",
        "ISR",
        "city",
    )
    assert place.latitude is not None


def test_a_region_name_tagged_as_an_adjective_still_names_the_region() -> None:
    # "Forces shot down drones over the Kyiv region" (the tagger read "Kyiv" as JJ); "the
    # Russian region" names none
    def over(word: str) -> Place | None:
        doc = build(
            [
                ("Forces", 1, "nsubj", "NOUN", "NNS", "force"),
                ("shot", 1, "ROOT", "VERB", "VBD", "shoot"),
                ("down", 1, "prt", "ADP", "RP", "down"),
                ("drones", 1, "dobj", "NOUN", "NNS", "drone"),
                ("over", 3, "prep", "ADP", "IN", "over"),
                ("the", 7, "det", "DET", "DT", "the"),
                (word, 7, "amod", "ADJ", "JJ", word.lower()),
                ("region", 4, "pobj", "NOUN", "NN", "region"),
            ]
        )
        return place_of(doc, 1)

    kyiv = over("Kyiv")
    assert kyiv is not None and (kyiv.country, kyiv.kind) == ("UKR", "admin1")
    assert over("Russian") is None


def test_a_compass_part_of_a_country_is_in_the_country() -> None:
    # "Gunmen attacked a mosque in Mali's north" (the NER took the "'s" into the name)
    doc = build(
        [
            ("Gunmen", 1, "nsubj", "NOUN", "NNS", "gunman"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("a", 3, "det", "DET", "DT", "a"),
            ("mosque", 1, "dobj", "NOUN", "NN", "mosque"),
            ("in", 3, "prep", "ADP", "IN", "in"),
            ("Mali", 7, "poss", "PROPN", "NNP", "Mali"),
            ("'s", 5, "case", "PART", "POS", "'s"),
            ("north", 4, "pobj", "NOUN", "NN", "north"),
        ],
        [(5, 7, "GPE")],
    )
    place = place_of(doc, 1)
    assert place is not None and (place.name, place.country, place.kind) == (
        "Mali",
        "MLI",
        "country",
    )


def test_a_relative_clause_places_only_an_event_that_catches_people() -> None:
    # "Velkor killed activists who had blocked a road in Lyon": the killing may be anywhere
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
        ("activists", 1, "dobj", "NOUN", "NNS", "activist"),
        ("who", 5, "nsubj", "PRON", "WP", "who"),
        ("had", 5, "aux", "AUX", "VBD", "have"),
        ("blocked", 2, "relcl", "VERB", "VBN", "block"),
        ("roads", 5, "dobj", "NOUN", "NNS", "road"),
        ("in", 5, "prep", "ADP", "IN", "in"),
        ("Lyon", 7, "pobj", "PROPN", "NNP", "Lyon"),
    ]
    assert place_of(build(rows, [(8, 9, "GPE")]), 1) is None
