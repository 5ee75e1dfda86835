"""Issue #11, fifth review, on hand-built parses: companies going to court is private
litigation, the place of a demanded act is no party to the demand, a relative clause the
parser hung on the wrong word still names its antecedent, helping with a task is no aid, and
a clause "during which" a dated event happened takes that event's date."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.dating import TimexIndex
from tests.events.conftest import Row, candidates_of, names, parsed_doc
from tests.events.test_dating_attach import build, timex

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
    "Nigeria": ("kb:NGA", "Nigeria", "NGA", None, "GPE"),
    "Zentrix": ("o_zentrix", "Zentrix", None, "BUS", "ORG"),
    "Morvale": ("o_morvale", "Morvale", None, "BUS", "ORG"),
    "court": ("desc:court", "court", None, "JUD", "ORG"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def _ask_court(first: str, second: str) -> list[Row]:
    # FIRST and SECOND will ask a court to settle the dispute.
    return [
        (first, 4, "nsubj", "PROPN", "NNP", first),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        (second, 0, "conj", "PROPN", "NNP", second),
        ("will", 4, "aux", "AUX", "MD", "will"),
        ("ask", 4, "ROOT", "VERB", "VB", "ask"),
        ("a", 6, "det", "DET", "DT", "a"),
        ("court", 4, "dobj", "NOUN", "NN", "court"),
        ("to", 8, "aux", "PART", "TO", "to"),
        ("settle", 4, "xcomp", "VERB", "VB", "settle"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("dispute", 8, "dobj", "NOUN", "NN", "dispute"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]


def test_companies_asking_a_court_is_private_litigation() -> None:
    assert not [c for c in coded(_ask_court("Zentrix", "Morvale")) if c.type == "REQUEST"]


def test_a_state_asking_a_court_stays_an_event() -> None:
    (ev,) = [c for c in coded(_ask_court("Chile", "Peru")) if c.type == "REQUEST"]
    assert names(ev.recipient) == ["court"]


def _demand(obliged: str) -> list[Row]:
    # Velkor demanded that OBLIGED lower their prices in Chile.
    det = [("the", 4, "det", "DET", "DT", "the")] if obliged == "retailers" else []
    o = len(det)
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
        ("that", 4 + o, "mark", "SCONJ", "IN", "that"),
        *det,
        (obliged, 4 + o, "nsubj", "NOUN" if det else "PROPN", "NNS", obliged),
        ("lower", 1, "ccomp", "VERB", "VB", "lower"),
        ("their", 6 + o, "poss", "PRON", "PRP$", "their"),
        ("prices", 4 + o, "dobj", "NOUN", "NNS", "price"),
        ("in", 6 + o, "prep", "ADP", "IN", "in"),
        ("Chile", 7 + o, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    return rows


def test_the_place_of_a_demanded_act_is_no_recipient() -> None:
    for ev in (c for c in coded(_demand("retailers")) if c.type == "REQUEST"):
        assert "Chile" not in names(ev.recipient)


def test_the_subject_of_a_demanded_act_is_the_recipient() -> None:
    (ev,) = [c for c in coded(_demand("Peru")) if c.type == "REQUEST"]
    assert names(ev.recipient) == ["Peru"]


def test_a_relative_clause_hung_on_a_partyless_word_names_the_phrase_before_it() -> None:
    # Okafor spoke in conjunction with the governments of Chile and Peru (which Velkor
    # thanked).
    rows: list[Row] = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
        ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("conjunction", 2, "pobj", "NOUN", "NN", "conjunction"),
        ("with", 3, "prep", "ADP", "IN", "with"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("governments", 4, "pobj", "NOUN", "NNS", "government"),
        ("of", 6, "prep", "ADP", "IN", "of"),
        ("Chile", 7, "pobj", "PROPN", "NNP", "Chile"),
        ("and", 8, "cc", "CCONJ", "CC", "and"),
        ("Peru", 8, "conj", "PROPN", "NNP", "Peru"),
        ("(", 3, "punct", "PUNCT", "-LRB-", "("),
        ("which", 14, "dobj", "PRON", "WDT", "which"),
        ("Velkor", 14, "nsubj", "PROPN", "NNP", "Velkor"),
        ("thanked", 3, "relcl", "VERB", "VBD", "thank"),
        (")", 14, "punct", "PUNCT", "-RRB-", ")"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = [c for c in coded(rows) if c.type == "SUPPORT"]
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Chile", "Peru"])


def _sent_to_assist(rest: list[Row]) -> list[Row]:
    # Nigeria sent officers to assist REST.
    return [
        ("Nigeria", 1, "nsubj", "PROPN", "NNP", "Nigeria"),
        ("sent", 1, "ROOT", "VERB", "VBD", "send"),
        ("officers", 1, "dobj", "NOUN", "NNS", "officer"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("assist", 1, "advcl", "VERB", "VB", "assist"),
        *rest,
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_helping_with_a_task_is_no_aid() -> None:
    rows = _sent_to_assist(
        [
            ("with", 4, "prep", "ADP", "IN", "with"),
            ("the", 7, "det", "DET", "DT", "the"),
            ("situation", 5, "pobj", "NOUN", "NN", "situation"),
        ]
    )
    assert not [c for c in coded(rows) if c.type == "AID"]


def test_helping_a_named_party_is_aid() -> None:
    rows = _sent_to_assist([("Chile", 4, "dobj", "PROPN", "NNP", "Chile")])
    (ev,) = [c for c in coded(rows) if c.type == "AID"]
    assert names(ev.recipient) == ["Chile"]


# "On May 3 Velkor arrived for a visit , during which she held talks with Brandt ."
VISIT: list[tuple[str, int, str, str, str]] = [
    ("On", 3, "prep", "ADP", "IN"),
    ("May", 0, "pobj", "PROPN", "NNP"),
    ("Velkor", 3, "nsubj", "PROPN", "NNP"),
    ("arrived", 3, "ROOT", "VERB", "VBD"),
    ("for", 3, "prep", "ADP", "IN"),
    ("a", 6, "det", "DET", "DT"),
    ("visit", 4, "pobj", "NOUN", "NN"),
    (",", 3, "punct", "PUNCT", ","),
    ("during", 11, "prep", "ADP", "IN"),
    ("which", 8, "pobj", "PRON", "WDT"),
    ("she", 11, "nsubj", "PRON", "PRP"),
    ("held", 3, "advcl", "VERB", "VBD"),
    ("talks", 11, "dobj", "NOUN", "NNS"),
    (".", 3, "punct", "PUNCT", "."),
]


@pytest.mark.parametrize(("word", "framed"), [("during", True), ("after", False)])
def test_a_clause_during_a_dated_event_takes_its_date(word: str, framed: bool) -> None:
    rows = [(word, *r[1:]) if i == 8 else r for i, r in enumerate(VISIT)]
    doc = build(rows)
    own = timex(doc, 1, 1, "2024-05-03", "day")
    index = TimexIndex(doc, [own])
    assert index.of_clause(doc[3]) == own
    assert (index.of_clause(doc[11]) == own) is framed


@pytest.mark.parametrize("companion", ["along", "together"])
def test_a_party_the_subject_is_accompanied_by_is_a_co_actor(companion: str) -> None:
    # Velkor, COMPANION with Okafor, called on Chile to withdraw.
    if companion == "along":
        words: list[Row] = [
            ("along", 6, "prep", "ADP", "IN", "along"),
            ("with", 2, "prep", "ADP", "IN", "with"),
        ]
    else:
        words = [
            ("together", 3, "advmod", "ADV", "RB", "together"),
            ("with", 6, "prep", "ADP", "IN", "with"),
        ]
    rows: list[Row] = [
        ("Velkor", 6, "nsubj", "PROPN", "NNP", "Velkor"),
        (",", 0, "punct", "PUNCT", ",", ","),
        *words,
        ("Okafor", 3, "pobj", "PROPN", "NNP", "Okafor"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("called", 6, "ROOT", "VERB", "VBD", "call"),
        ("on", 6, "prep", "ADP", "IN", "on"),
        ("Chile", 7, "pobj", "PROPN", "NNP", "Chile"),
        ("to", 10, "aux", "PART", "TO", "to"),
        ("withdraw", 6, "xcomp", "VERB", "VB", "withdraw"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = [c for c in coded(rows) if c.type == "REQUEST"]
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor", "Lena Okafor"], ["Chile"])


def test_every_member_of_an_apposed_list_is_an_actor() -> None:
    # The neighbours, Chile, Peru and Nigeria, condemned the coup.
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("neighbours", 9, "nsubj", "NOUN", "NNS", "neighbour"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("Chile", 1, "appos", "PROPN", "NNP", "Chile"),
        (",", 3, "punct", "PUNCT", ",", ","),
        ("Peru", 3, "conj", "PROPN", "NNP", "Peru"),
        ("and", 5, "cc", "CCONJ", "CC", "and"),
        ("Nigeria", 5, "conj", "PROPN", "NNP", "Nigeria"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("condemned", 9, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 11, "det", "DET", "DT", "the"),
        ("coup", 9, "dobj", "NOUN", "NN", "coup"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = [c for c in coded(rows) if c.type == "ACCUSE"]
    assert names(ev.actor) == ["Chile", "Peru", "Nigeria"]


def test_it_never_stands_for_the_nearest_person() -> None:
    # Velkor arrived and it coordinated the move with Chile.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("arrived", 1, "ROOT", "VERB", "VBD", "arrive"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("it", 4, "nsubj", "PRON", "PRP", "it"),
        ("coordinated", 1, "conj", "VERB", "VBD", "coordinate"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("move", 4, "dobj", "NOUN", "NN", "move"),
        ("with", 4, "prep", "ADP", "IN", "with"),
        ("Chile", 7, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc: Doc = parsed_doc(rows, TABLE)
    assert ActorIndex(doc).pronoun(doc[3]) is None
    for ev in coded(rows):
        assert "Anna Velkor" not in names(ev.actor)


def test_an_action_requested_in_a_purpose_clause_is_the_requests_content() -> None:
    # Velkor called on Chile to investigate the attack ("to investigate" parsed as advcl).
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Chile", 2, "pobj", "PROPN", "NNP", "Chile"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("investigate", 1, "advcl", "VERB", "VB", "investigate"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("attack", 5, "dobj", "NOUN", "NN", "attack"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    found = coded(rows)
    assert [c.type for c in found] == ["REQUEST"]
    assert names(found[0].recipient) == ["Chile"]
