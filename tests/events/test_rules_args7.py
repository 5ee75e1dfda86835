"""Round-7 argument rules (#11, args7) on hand-built parses: the place a gathering is held in
is no party to an act done at it; a force sent toward a party is aimed at it."""

from __future__ import annotations

import pytest

from eventline.errors import ResourceError
from eventline.events.candidate import EventCandidate
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, candidates_of, names, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Santiago": ("kb:CHL", "Chile", "CHL", "GOV", "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row], ents: list[tuple[int, int, str]] | None = None) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE, ents or []))


def of_type(cands: list[EventCandidate], etype: str) -> EventCandidate:
    (found,) = [c for c in cands if c.type == etype]
    return found


def vetoed_at(noun: str, lemma: str, prep: str, place: str) -> list[Row]:
    """ "Peru vetoed the plan at a <noun> <prep> <place> ." """
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("vetoed", 1, "ROOT", "VERB", "VBD", "veto"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("plan", 1, "dobj", "NOUN", "NN", "plan"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("a", 6, "det", "DET", "DT", "a"),
        (noun, 4, "pobj", "NOUN", "NN", lemma),
        (prep, 6, "prep", "ADP", "IN", prep),
        (place, 7, "pobj", "PROPN", "NNP", place),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_the_town_a_meeting_is_held_in_is_no_recipient() -> None:
    veto = of_type(coded(vetoed_at("meeting", "meeting", "in", "Santiago")), "REJECT")
    assert names(veto.actor) == ["Peru"]
    assert veto.recipient == ()


def test_the_country_a_summit_is_held_in_is_no_recipient_either() -> None:
    veto = of_type(coded(vetoed_at("summit", "summit", "in", "Chile")), "REJECT")
    assert veto.recipient == ()


def test_a_party_named_by_a_non_gathering_noun_stays_the_recipient() -> None:
    """ "at the request of Chile": "request" is no gathering, Chile is whom it answers."""
    veto = of_type(coded(vetoed_at("request", "request", "of", "Chile")), "REJECT")
    assert names(veto.recipient) == ["Chile"]


def test_a_venue_named_before_the_gathering_noun_is_no_recipient() -> None:
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("vetoed", 1, "ROOT", "VERB", "VBD", "veto"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("plan", 1, "dobj", "NOUN", "NN", "plan"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("Santiago", 7, "compound", "PROPN", "NNP", "Santiago"),
        ("talks", 4, "pobj", "NOUN", "NNS", "talk"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    veto = of_type(coded(rows, [(6, 7, "GPE")]), "REJECT")
    assert veto.recipient == ()


def sent_ships(prep: str, on_object: bool) -> list[Row]:
    """ "Peru sent warships <prep> Chile .", the direction hung on the verb or the object."""
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("sent", 1, "ROOT", "VERB", "VBD", "send"),
        ("warships", 1, "dobj", "NOUN", "NNS", "warship"),
        (prep, 2 if on_object else 1, "prep", "ADP", "IN", prep),
        ("Chile", 3, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


@pytest.mark.parametrize("prep", ["toward", "towards"])
@pytest.mark.parametrize("on_object", [False, True])
def test_a_force_sent_toward_a_party_is_aimed_at_it(prep: str, on_object: bool) -> None:
    move = of_type(coded(sent_ships(prep, on_object)), "MOBILIZE")
    assert names(move.actor) == ["Peru"]
    assert names(move.recipient) == ["Chile"]


def test_a_force_sent_past_a_party_is_not_aimed_at_it() -> None:
    move = of_type(coded(sent_ships("past", False)), "MOBILIZE")
    assert "Chile" not in names(move.recipient)


def test_the_new_word_lists_are_read_and_a_missing_one_is_an_error() -> None:
    assert {"meeting", "summit", "sidelines"} <= lexicon().cue("gathering_nouns")
    assert "visit" not in lexicon().cue("gathering_nouns")
    assert lexicon().cue("heading_preps") == {"toward", "towards"}
    with pytest.raises(ResourceError):
        lexicon().cue("no_such_list")


def test_a_force_moved_closer_to_a_border_is_aimed_at_the_party_across_it() -> None:
    """ "Peru moved tanks closer to the border with Chile ." """
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("moved", 1, "ROOT", "VERB", "VBD", "move"),
        ("tanks", 1, "dobj", "NOUN", "NNS", "tank"),
        ("closer", 1, "advmod", "ADV", "RBR", "close"),
        ("to", 3, "prep", "ADP", "IN", "to"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("border", 4, "pobj", "NOUN", "NN", "border"),
        ("with", 6, "prep", "ADP", "IN", "with"),
        ("Chile", 7, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    move = of_type(coded(rows), "MOBILIZE")
    assert names(move.recipient) == ["Chile"]
