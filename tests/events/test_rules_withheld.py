"""Issue #11 triggers and rules on hand-built parses: aid named inside what a SANCTION
cuts off is no aid given; a bill withdrawn is a concession and troops withdrawn a retreat;
an arrest warrant issued is a threat of arrest."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[tuple[str, str | None]]:
    doc: Doc = parsed_doc(rows, TABLE)
    return sorted((c.type, c.mode) for c in candidates(doc, ActorIndex(doc), lexicon()))


def test_aid_withheld_is_a_sanction_not_aid_and_aid_sent_is_aid() -> None:
    # Chile withheld 5 million in aid from Peru.
    withheld: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("withheld", 1, "ROOT", "VERB", "VBD", "withhold"),
        ("5", 3, "compound", "NUM", "CD", "5"),
        ("million", 1, "dobj", "NUM", "CD", "million"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("aid", 4, "pobj", "NOUN", "NN", "aid"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert coded(withheld) == [("SANCTION", "discontinue")]
    # Chile sent aid to Peru.
    sent: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("sent", 1, "ROOT", "VERB", "VBD", "send"),
        ("aid", 1, "dobj", "NOUN", "NN", "aid"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Peru", 3, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _ in coded(sent)] == ["AID"]


def test_a_bill_withdrawn_is_a_concession_and_troops_withdrawn_a_retreat() -> None:
    # Chile withdrew the bill.
    bill: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("withdrew", 1, "ROOT", "VERB", "VBD", "withdraw"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("bill", 1, "dobj", "NOUN", "NN", "bill"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _ in coded(bill)] == ["CONCEDE"]
    troops = [*bill[:3], ("troops", 1, "dobj", "NOUN", "NNS", "troop"), bill[4]]
    assert [t for t, _ in coded(troops)] == ["RETREAT"]


def test_an_arrest_warrant_issued_is_a_threat_of_arrest() -> None:
    # Chile issued an arrest warrant.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("issued", 1, "ROOT", "VERB", "VBD", "issue"),
        ("an", 4, "det", "DET", "DT", "an"),
        ("arrest", 4, "compound", "NOUN", "NN", "arrest"),
        ("warrant", 1, "dobj", "NOUN", "NN", "warrant"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert ("THREATEN", "arrest") in coded(rows)
    search = [*rows[:3], ("search", 4, "compound", "NOUN", "NN", "search"), *rows[4:]]
    assert not any(t == "THREATEN" for t, _ in coded(search))


def test_a_walkout_called_off_is_a_concession_only_and_a_walkout_staged_a_protest() -> None:
    # Chile called off the walkout.
    called: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("off", 1, "prt", "ADP", "RP", "off"),
        ("its", 4, "poss", "PRON", "PRP$", "its"),
        ("walkout", 1, "dobj", "NOUN", "NN", "walkout"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _ in coded(called)] == ["CONCEDE"]
    staged = [called[0], ("staged", 1, "ROOT", "VERB", "VBD", "stage"),
              ("a", 3, "det", "DET", "DT", "a"), ("walkout", 1, "dobj", "NOUN", "NN", "walkout"),
              (".", 1, "punct", "PUNCT", ".", ".")]  # fmt: skip
    assert [t for t, _ in coded(staged)] == ["PROTEST"]


def test_a_curfew_ended_is_a_concession_and_a_season_ended_no_event() -> None:
    # Chile ended the curfew.
    curfew: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("ended", 1, "ROOT", "VERB", "VBD", "end"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("curfew", 1, "dobj", "NOUN", "NN", "curfew"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "CONCEDE" in [t for t, _ in coded(curfew)]
    season = [*curfew[:3], ("season", 1, "dobj", "NOUN", "NN", "season"), curfew[4]]
    assert coded(season) == []
    # Chile commuted the sentence.
    commuted = [curfew[0], ("commuted", 1, "ROOT", "VERB", "VBD", "commute"), curfew[2],
                ("sentence", 1, "dobj", "NOUN", "NN", "sentence"), curfew[4]]  # fmt: skip
    assert [t for t, _ in coded(commuted)] == ["CONCEDE"]
