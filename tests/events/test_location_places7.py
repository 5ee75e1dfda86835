"""Places an event's sentence names in other ways (issue #9 item 6, places7): the "against" or
"into" target of an attack noun, a catching joined to a clause that places people acting, a
site or an event noun named by its city, and names that say where someone is based (no place).
Also the broad measure of `eval/places.py`: which sentences name a place at all. Parses are
built by hand; the sentences are written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from eventline.eval.places import sentence_names_place
from eventline.events.args import ActorIndex
from eventline.events.location import dateline_locations, event_place
from eventline.events.patterns import lexicon
from eventline.model import ActorRef, EventMention, Evidence, Place
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Armenia": ("c_arm", "Armenia", "ARM", None, "GPE"),
    "Lithuania": ("c_ltu", "Lithuania", "LTU", None, "GPE"),
}


def build(rows: list[Row], ents: list[tuple[int, int, str]]) -> Doc:
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))]
    return parsed_doc(rows, TABLE, ents, spaces)


def place_of(doc: Doc, verb: int, *, about: bool = False) -> Place | None:
    return event_place(doc[verb], ActorIndex(doc), lexicon(), about=about)


def test_an_attack_noun_s_against_target_is_the_place() -> None:
    # "A drone attack against Lithuania killed two people."
    doc = build(
        [
            ("A", 2, "det", "DET", "DT", "a"),
            ("drone", 2, "compound", "NOUN", "NN", "drone"),
            ("attack", 5, "nsubj", "NOUN", "NN", "attack"),
            ("against", 2, "prep", "ADP", "IN", "against"),
            ("Lithuania", 3, "pobj", "PROPN", "NNP", "Lithuania"),
            ("killed", 5, "ROOT", "VERB", "VBD", "kill"),
            ("two", 7, "nummod", "NUM", "CD", "two"),
            ("people", 5, "dobj", "NOUN", "NNS", "people"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        [(4, 5, "GPE")],
    )
    found = place_of(doc, 5)
    assert found is not None and (found.country, found.kind) == ("LTU", "country")


def _rally(verb: str, lemma: str, *, modal: bool = False) -> Doc:
    # "Thousands rallied in Yerevan, and police arrested dozens." (or "... police may arrest")
    rows: list[Row] = [
        ("Thousands", 1, "nsubj", "NOUN", "NNS", "thousand"),
        (verb, 1, "ROOT", "VERB", "VBD", lemma),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Yerevan", 2, "pobj", "PROPN", "NNP", "Yerevan"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("police", 8 if modal else 7, "nsubj", "NOUN", "NNS", "police"),
    ]
    if modal:
        rows += [
            ("may", 8, "aux", "AUX", "MD", "may"),
            ("arrest", 1, "conj", "VERB", "VB", "arrest"),
        ]
    else:
        rows += [("arrested", 1, "conj", "VERB", "VBD", "arrest")]
    obj = len(rows)
    rows += [
        ("dozens", obj - 1, "dobj", "NOUN", "NNS", "dozen"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    return build(rows, [(3, 4, "GPE")])


def test_a_catching_joined_to_a_placed_act_is_where_the_people_acted() -> None:
    doc = _rally("rallied", "rally")
    found = place_of(doc, 7)
    assert found is not None and (found.name, found.country) == ("Yerevan", "ARM")
    assert found.source == "context"


def test_no_joined_scene_for_a_modal_catching_or_after_a_move() -> None:
    assert place_of(_rally("rallied", "rally", modal=True), 8) is None
    moved = _rally("returned", "return")  # "Thousands returned to ... , and police arrested"
    assert place_of(moved, 7) is None


def _based(before: bool) -> Doc:
    # "An Ohio-based firm sued the state." / "A firm based in Ohio sued the state."
    if before:
        rows: list[Row] = [
            ("An", 4, "det", "DET", "DT", "an"),
            ("Ohio", 3, "npadvmod", "PROPN", "NNP", "Ohio"),
            ("-", 3, "punct", "PUNCT", "HYPH", "-"),
            ("based", 4, "amod", "VERB", "VBN", "base"),
            ("firm", 5, "nsubj", "NOUN", "NN", "firm"),
            ("sued", 5, "ROOT", "VERB", "VBD", "sue"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("state", 5, "dobj", "NOUN", "NN", "state"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ]
        return parsed_doc(rows, TABLE, [(1, 2, "GPE")], [True, False, False] + [True] * 5 + [False])
    rows = [
        ("A", 1, "det", "DET", "DT", "a"),
        ("firm", 5, "nsubj", "NOUN", "NN", "firm"),
        ("based", 1, "acl", "VERB", "VBN", "base"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("Ohio", 3, "pobj", "PROPN", "NNP", "Ohio"),
        ("sued", 5, "ROOT", "VERB", "VBD", "sue"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("state", 5, "dobj", "NOUN", "NN", "state"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    return build(rows, [(4, 5, "GPE")])


def test_where_someone_is_based_is_no_place_of_their_act() -> None:
    assert place_of(_based(True), 5) is None
    assert place_of(_based(False), 5) is None
    # as a hint of the parties' country (`about`), where the firm is based still counts
    hinted = place_of(_based(False), 5, about=True)
    assert hinted is not None and hinted.admin1 == "Ohio"


def _struck(modifier: str, label: str) -> Doc:
    # "Missiles struck a Kharkiv hospital." / "Officials met at the Armenia talks."
    return build(
        [
            ("Missiles", 1, "nsubj", "NOUN", "NNS", "missile"),
            ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
            ("a", 4, "det", "DET", "DT", "a"),
            (modifier, 4, "compound", "PROPN", "NNP", modifier),
            ("hospital", 1, "dobj", "NOUN", "NN", "hospital"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(3, 4, label)],
    )


def test_a_site_named_by_its_city_is_in_that_city_not_by_a_country() -> None:
    found = place_of(_struck("Kharkiv", "GPE"), 1)
    assert found is not None and (found.name, found.country, found.kind) == (
        "Kharkiv",
        "UKR",
        "city",
    )
    assert place_of(_struck("Armenia", "GPE"), 1) is None  # "an Armenia hospital": whose


def _talks(city: str) -> tuple[Doc, EventMention]:
    # "The Vilnius talks collapsed on Tuesday."
    doc = build(
        [
            ("The", 2, "det", "DET", "DT", "the"),
            (city, 2, "compound", "PROPN", "NNP", city),
            ("talks", 3, "nsubj", "NOUN", "NNS", "talk"),
            ("collapsed", 3, "ROOT", "VERB", "VBD", "collapse"),
            ("on", 3, "prep", "ADP", "IN", "on"),
            ("Tuesday", 4, "pobj", "PROPN", "NNP", "Tuesday"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        [(1, 2, "GPE")],
    )
    event = EventMention(
        id="e1",
        type="CONSULT",
        trigger="talks",
        date="2025-06-24",
        date_precision="day",
        evidence=Evidence(article="a", sentence=0, start=0, end=len(doc.text)),
    )
    return doc, event


def test_an_event_told_by_a_noun_a_city_names_is_in_that_city() -> None:
    doc, event = _talks("Vilnius")
    (placed,) = dateline_locations(doc, [event], published="2025-06-24")
    assert placed.location is not None and placed.location.name == "Vilnius"
    doc, event = _talks("Lithuania")  # "the Lithuania talks": about it, maybe held elsewhere
    (placed,) = dateline_locations(doc, [event], published="2025-06-24")
    assert placed.location is None


def test_the_broad_measure_counts_places_not_parties() -> None:
    # "Armenia thanked Lithuania for its help." names no place; "Protests spread across
    # Armenia." does.
    parties = build(
        [
            ("Armenia", 1, "nsubj", "PROPN", "NNP", "Armenia"),
            ("thanked", 1, "ROOT", "VERB", "VBD", "thank"),
            ("Lithuania", 1, "dobj", "PROPN", "NNP", "Lithuania"),
            ("for", 1, "prep", "ADP", "IN", "for"),
            ("its", 5, "poss", "PRON", "PRP$", "its"),
            ("help", 3, "pobj", "NOUN", "NN", "help"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE")],
    )
    assert not sentence_names_place(parties[:])
    spread = build(
        [
            ("Protests", 1, "nsubj", "NOUN", "NNS", "protest"),
            ("spread", 1, "ROOT", "VERB", "VBD", "spread"),
            ("across", 1, "prep", "ADP", "IN", "across"),
            ("Armenia", 2, "pobj", "PROPN", "NNP", "Armenia"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(3, 4, "GPE")],
    )
    assert sentence_names_place(spread[:])


def test_an_event_noun_under_a_phrase_of_time_keeps_its_own_place() -> None:
    # "Speaking after talks at Vilnius, the envoy praised the host." (the clause's search skips
    # the time phrase; the talks' own "at" phrase is theirs)
    doc = build(
        [
            ("Speaking", 7, "advcl", "VERB", "VBG", "speak"),
            ("after", 0, "prep", "ADP", "IN", "after"),
            ("talks", 1, "pobj", "NOUN", "NNS", "talk"),
            ("at", 2, "prep", "ADP", "IN", "at"),
            ("Vilnius", 3, "pobj", "PROPN", "NNP", "Vilnius"),
            (",", 7, "punct", "PUNCT", ",", ","),
            ("envoys", 7, "nsubj", "NOUN", "NNS", "envoy"),
            ("praised", 7, "ROOT", "VERB", "VBD", "praise"),
            ("them", 7, "dobj", "PRON", "PRP", "they"),
            (".", 7, "punct", "PUNCT", ".", "."),
        ],
        [(4, 5, "GPE")],
    )
    event = EventMention(
        id="e1",
        type="CONSULT",
        trigger="talks",
        date="2025-06-24",
        date_precision="day",
        evidence=Evidence(article="a", sentence=0, start=0, end=len(doc.text)),
    )
    (placed,) = dateline_locations(doc, [event], published="2025-06-24")
    assert placed.location is not None and placed.location.name == "Vilnius"


def _headline_doc() -> tuple[Doc, list[EventMention]]:
    # "Envoys hold talks\nFirst round\nEnvoys met in Vilnius." (a headline has no final stop; a
    # verbless subhead between headline and lead is skipped)
    rows: list[Row] = [
        ("Envoys", 1, "nsubj", "NOUN", "NNS", "envoy"),
        ("hold", 1, "ROOT", "VERB", "VBP", "hold"),
        ("talks", 1, "dobj", "NOUN", "NNS", "talk"),
        ("\n", 2, "dep", "SPACE", "_SP", "\n"),
        ("First", 5, "amod", "ADJ", "JJ", "first"),
        ("round", 5, "ROOT", "NOUN", "NN", "round"),
        ("\n", 5, "dep", "SPACE", "_SP", "\n"),
        ("Envoys", 8, "nsubj", "NOUN", "NNS", "envoy"),
        ("met", 8, "ROOT", "VERB", "VBD", "meet"),
        ("in", 8, "prep", "ADP", "IN", "in"),
        ("Vilnius", 9, "pobj", "PROPN", "NNP", "Vilnius"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    n = 7
    spaces = [True, True, False, False, True, False, False, True, True, True, False, False]
    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i in (0, 4, n) for i in range(len(rows))],
        ents=["B-GPE" if i == 10 else "O" for i in range(len(rows))],
    )
    envoys = ActorRef(id="kb:envoys", name="envoys")
    head = doc[0:4]
    lead = doc[n:]

    def event(trigger: str, sent: Span, sentence: int, where: Place | None) -> EventMention:
        return EventMention(
            id=f"e_{trigger}",
            type="CONSULT",
            trigger=trigger,
            actor=(envoys,),
            date="2025-06-24",
            date_precision="report",
            location=where,
            evidence=Evidence(
                article="a", sentence=sentence, start=sent.start_char, end=sent.end_char
            ),
        )

    vilnius = Place(name="Vilnius", country="LTU", kind="city", source="text")
    return doc, [event("talks", head, 0, None), event("met", lead, 2, vilnius)]


def test_a_headline_takes_the_place_its_lead_gives_the_same_happening() -> None:
    doc, events = _headline_doc()
    placed = dateline_locations(doc, events, published="2025-06-24")
    assert placed[0].location is not None and placed[0].location.name == "Vilnius"
    assert placed[0].location.source == "context"
    doc, events = _headline_doc()  # the lead's meeting is someone else's
    other = ActorRef(id="kb:others", name="others")
    events[1] = events[1].model_copy(update={"actor": (other,)})
    placed = dateline_locations(doc, events, published="2025-06-24")
    assert placed[0].location is None


def _struck_demonym(noun: str, lemma: str) -> Doc:
    # "Jets struck Armenian fuel depots." / "Jets struck an Armenian air base."
    return build(
        [
            ("Jets", 1, "nsubj", "NOUN", "NNS", "jet"),
            ("struck", 1, "ROOT", "VERB", "VBD", "strike"),
            ("Armenian", 3, "amod", "ADJ", "JJ", "armenian"),
            (noun, 1, "dobj", "NOUN", "NNS", lemma),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(2, 3, "NORP")],
    )


def test_a_demonym_places_a_site_an_attack_reaches_in_its_country_not_a_base() -> None:
    found = place_of(_struck_demonym("depots", "depot"), 1)
    assert found is not None and (found.country, found.kind) == ("ARM", "country")
    assert place_of(_struck_demonym("bases", "base"), 1) is None  # may stand abroad


def _visit_report(guest_country: str) -> tuple[Doc, list[EventMention]]:
    # "VILNIUS, June 23 - ... | Novak hosted Brandt in Vilnius. | Brandt praised the host."
    doc = build(
        [
            ("Brandt", 1, "nsubj", "PROPN", "NNP", "Brandt"),
            ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
            ("Novak", 1, "dobj", "PROPN", "NNP", "Novak"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ],
        [(0, 1, "PERSON"), (2, 3, "PERSON")],
    )
    vilnius = Place(name="Vilnius", country="LTU", kind="city", source="text", geonames_id=593116)
    novak = ActorRef(id="p_novak", name="Novak", country="LTU")
    brandt = ActorRef(id="p_brandt", name="Brandt", country="DEU")
    guest = brandt if guest_country == "DEU" else ActorRef(id="p_x", name="X", country="FRA")

    def event(kind: str, actor: ActorRef, recipient: ActorRef, where: Place | None) -> EventMention:
        return EventMention(
            id=f"e_{kind}",
            type=kind,
            actor=(actor,),
            recipient=(recipient,),
            date="2025-06-23",
            date_precision="report",
            location=where,
            evidence=Evidence(article="a", sentence=0, start=0, end=len(doc.text)),
        )

    return doc, [event("CONSULT", novak, guest, vilnius), event("SUPPORT", brandt, novak, None)]


def test_a_guest_of_a_meeting_in_the_dateline_s_city_acts_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import eventline.events.location as location

    dateline = Place(name="Vilnius", country="LTU", kind="city", source="dateline")
    monkeypatch.setattr(location, "dateline_place", lambda doc: dateline)
    monkeypatch.setattr(location, "in_main_clause", lambda doc, event: True)
    doc, events = _visit_report("DEU")
    placed = location.dateline_locations(doc, events, published="2025-06-23")
    assert placed[1].location is not None and placed[1].location.source == "dateline"
    doc, events = _visit_report("FRA")  # Brandt took no part in the meeting there
    placed = location.dateline_locations(doc, events, published="2025-06-23")
    assert placed[1].location is None


def test_a_truce_is_where_the_country_named_before_it_is_unlike_talks() -> None:
    _, event = _talks("Lithuania")
    truce = build(
        [
            ("The", 2, "det", "DET", "DT", "the"),
            ("Lithuania", 2, "compound", "PROPN", "NNP", "Lithuania"),
            ("ceasefire", 3, "nsubj", "NOUN", "NN", "ceasefire"),
            ("collapsed", 3, "ROOT", "VERB", "VBD", "collapse"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ],
        [(1, 2, "GPE")],
    )
    held = event.model_copy(
        update={
            "trigger": "ceasefire",
            "type": "RETREAT",
            "evidence": Evidence(article="a", sentence=0, start=0, end=len(truce.text)),
        }
    )
    (placed,) = dateline_locations(truce, [held], published="2025-06-24")
    assert placed.location is not None and placed.location.country == "LTU"
