"""Rules of events/rules_hedge.py on hand-built parses: a deal "killed" is cancelled, not
attacked; aid asked for is a request, not aid; a habit is no act."""

from __future__ import annotations

from eventline.events.candidate import EventCandidate
from tests.events.conftest import Row, candidates_of, names, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def found(rows: list[Row]) -> list[tuple[str, list[str], list[str]]]:
    return [(c.type, names(c.actor), names(c.recipient)) for c in coded(rows)]


def test_a_deal_killed_by_a_state_is_cancelled_not_attacked() -> None:
    # Chile killed the pipeline deal with Peru.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("pipeline", 4, "compound", "NOUN", "NN", "pipeline"),
        ("deal", 1, "dobj", "NOUN", "NN", "deal"),
        ("with", 4, "prep", "ADP", "IN", "with"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert found(rows) == [("REJECT", ["Chile"], ["Peru"])]


def test_a_plan_killed_in_the_passive_is_cancelled_by_the_agent() -> None:
    # The merger plan was killed by Chile.
    rows: list[Row] = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("merger", 2, "compound", "NOUN", "NN", "merger"),
        ("plan", 4, "nsubjpass", "NOUN", "NN", "plan"),
        ("was", 4, "auxpass", "AUX", "VBD", "be"),
        ("killed", 4, "ROOT", "VERB", "VBN", "kill"),
        ("by", 4, "agent", "ADP", "IN", "by"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    assert [(t, a) for t, a, _ in found(rows)] == [("REJECT", ["Chile"])]


def test_hopes_crushed_are_no_event() -> None:
    # Chile crushed hopes of a settlement.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("crushed", 1, "ROOT", "VERB", "VBD", "crush"),
        ("hopes", 1, "dobj", "NOUN", "NNS", "hope"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("settlement", 3, "pobj", "NOUN", "NN", "settlement"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _, _ in found(rows)] == []


def test_a_plan_attacked_is_criticised() -> None:
    # Peru attacked the pension plan.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("pension", 4, "compound", "NOUN", "NN", "pension"),
        ("plan", 1, "dobj", "NOUN", "NN", "plan"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, ev.mode, names(ev.actor)) == ("ACCUSE", "disapprove", ["Peru"])


def test_a_border_post_attacked_stays_an_assault() -> None:
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("border", 4, "compound", "NOUN", "NN", "border"),
        ("post", 1, "dobj", "NOUN", "NN", "post"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _, _ in found(rows)] == ["ASSAULT"]


def test_aid_sought_is_a_request_to_the_party_asked() -> None:
    # Peru sought aid from Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("sought", 1, "ROOT", "VERB", "VBD", "seek"),
        ("aid", 1, "dobj", "NOUN", "NN", "aid"),
        ("from", 2, "prep", "ADP", "IN", "from"),
        ("Chile", 3, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert found(rows) == [("REQUEST", ["Peru"], ["Chile"])]


def test_aid_sought_by_an_unnamed_party_is_not_aid_from_the_party_asked() -> None:
    # Struggling firms sought federal aid from Chile.
    rows: list[Row] = [
        ("Struggling", 1, "amod", "ADJ", "JJ", "struggling"),
        ("firms", 2, "nsubj", "NOUN", "NNS", "firm"),
        ("sought", 2, "ROOT", "VERB", "VBD", "seek"),
        ("federal", 4, "amod", "ADJ", "JJ", "federal"),
        ("aid", 2, "dobj", "NOUN", "NN", "aid"),
        ("from", 4, "prep", "ADP", "IN", "from"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert "AID" not in [t for t, _, _ in found(rows)]


def test_help_appealed_for_names_the_party_asked() -> None:
    # Peru appealed for help from Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("appealed", 1, "ROOT", "VERB", "VBD", "appeal"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("help", 2, "pobj", "NOUN", "NN", "help"),
        ("from", 3, "prep", "ADP", "IN", "from"),
        ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert ("REQUEST", ["Peru"], ["Chile"]) in found(rows)
    assert "AID" not in [t for t, _, _ in found(rows)]


def _agree_rows(adverb: str | None, tag: str) -> list[Row]:
    # Chile and Peru (often) agree(d) on regional matters.
    verb = "agree" if tag == "VBP" else "agreed"
    rows: list[Row] = [
        ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        (adverb or "then", 4, "advmod", "ADV", "RB", adverb or "then"),
        (verb, 4, "ROOT", "VERB", tag, "agree"),
        ("on", 4, "prep", "ADP", "IN", "on"),
        ("regional", 7, "amod", "ADJ", "JJ", "regional"),
        ("matters", 5, "pobj", "NOUN", "NNS", "matter"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    return rows


def test_a_habit_of_agreeing_is_no_agreement() -> None:
    assert "AGREE" not in [t for t, _, _ in found(_agree_rows("often", "VBP"))]
    assert "AGREE" not in [t for t, _, _ in found(_agree_rows("usually", "VBP"))]


def test_an_agreement_reached_is_kept() -> None:
    assert "AGREE" in [t for t, _, _ in found(_agree_rows(None, "VBD"))]


def test_a_danger_to_security_is_no_threat_of_action() -> None:
    # Peru threatens the security of Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("threatens", 1, "ROOT", "VERB", "VBZ", "threaten"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("security", 1, "dobj", "NOUN", "NN", "security"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "THREATEN" not in [t for t, _, _ in found(rows)]


def test_a_threat_to_act_stays_a_threat() -> None:
    # Peru threatened to cut gas to Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("cut", 1, "xcomp", "VERB", "VB", "cut"),
        ("gas", 3, "dobj", "NOUN", "NN", "gas"),
        ("to", 3, "prep", "ADP", "IN", "to"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "THREATEN" in [t for t, _, _ in found(rows)]


def _beat_rows(place: str, lemma: str) -> list[Row]:
    # Chile beat Peru in the cup final / at the border.
    return [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("the", 5, "det", "DET", "DT", "the"),
        (place, 3, "pobj", "NOUN", "NN", lemma),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_teams_in_a_match_are_no_belligerents() -> None:
    assert found(_beat_rows("semifinal", "semifinal")) == []
    assert [t for t, _, _ in found(_beat_rows("north", "north"))] == ["ASSAULT"]
