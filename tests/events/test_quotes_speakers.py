"""Speaker resolution and reported-speech constructions on hand-built parses (no model): a
pronoun by gender, a role noun by office, a body noun, a spokesperson's body, a charge."""

from __future__ import annotations

from eventline.events.args import ActorIndex
from eventline.events.intervals import Intervals
from eventline.events.patterns import lexicon
from eventline.events.quote_spans import _headline_end
from eventline.events.quotes import indirect_quotes, speaker_refs
from eventline.events.speakers import name_gender, quote_cues
from tests.events.conftest import Row, parsed_doc

TABLE = {
    "Linda Okafor": ("p_okafor", "Linda Okafor", "USA", "GOV", "PERSON"),
    "Tom Haines": ("p_haines", "Tom Haines", "USA", "GOV", "PERSON"),
    "Laura Benning": ("p_benning", "Laura Benning", "USA", "LEG", "PERSON"),
    "Mark Rourke": ("p_rourke", "Mark Rourke", "USA", "JUD", "PERSON"),
    "World Food Programme": ("o_wfp", "World Food Programme", None, "IGO", "ORG"),
    "State Department": ("o_state", "State Department", "USA", "GOV", "ORG"),
    "Carl Jennings": ("p_jennings", "Carl Jennings", "USA", "LEG", "PERSON"),
}


def _met_then(pronoun: str) -> list[Row]:
    """ "Linda Okafor met Tom Haines . <pronoun> said the audit would start ." """
    return [
        ("Linda", 1, "compound", "PROPN", "NNP", "Linda"),
        ("Okafor", 2, "nsubj", "PROPN", "NNP", "Okafor"),
        ("met", 2, "ROOT", "VERB", "VBD", "meet"),
        ("Tom", 4, "compound", "PROPN", "NNP", "Tom"),
        ("Haines", 2, "dobj", "PROPN", "NNP", "Haines"),
        (".", 2, "punct", "PUNCT", ".", "."),
        (pronoun, 7, "nsubj", "PRON", "PRP", pronoun.lower()),
        ("said", 2, "conj", "VERB", "VBD", "say"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("audit", 11, "nsubj", "NOUN", "NN", "audit"),
        ("would", 11, "aux", "AUX", "MD", "would"),
        ("start", 7, "ccomp", "VERB", "VB", "start"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]


def test_given_names_give_a_gender_and_unknown_names_none() -> None:
    assert name_gender("Linda Okafor") == "female"
    assert name_gender("Gov. Tom Haines") == "male"
    assert name_gender("Okafor") is None  # a bare surname says nothing
    assert name_gender("Jordan Lee") is None  # a name used for both is not listed


def test_she_skips_a_more_recent_man_and_he_takes_him() -> None:
    for pronoun, want in (("She", "Linda Okafor"), ("He", "Tom Haines")):
        doc = parsed_doc(_met_then(pronoun), TABLE)
        refs = speaker_refs(doc[6], ActorIndex(doc), quoted=Intervals())
        assert [r.name for r in refs] == [want], pronoun


def test_a_role_noun_names_the_person_holding_that_office() -> None:
    rows: list[Row] = [
        ("Representative", 2, "compound", "PROPN", "NNP", "Representative"),
        ("Laura", 2, "compound", "PROPN", "NNP", "Laura"),
        ("Benning", 3, "nsubj", "PROPN", "NNP", "Benning"),
        ("met", 3, "ROOT", "VERB", "VBD", "meet"),
        ("Judge", 6, "compound", "PROPN", "NNP", "Judge"),
        ("Mark", 6, "compound", "PROPN", "NNP", "Mark"),
        ("Rourke", 3, "dobj", "PROPN", "NNP", "Rourke"),
        ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("congresswoman", 10, "nsubj", "NOUN", "NN", "congresswoman"),
        ("spoke", 3, "conj", "VERB", "VBD", "speak"),
    ]
    doc = parsed_doc(rows, TABLE)
    assert [r.name for r in speaker_refs(doc[9], ActorIndex(doc), quoted=Intervals())] == [
        "Laura Benning"
    ]


def test_the_agency_is_the_body_named_before_and_a_spokesperson_speaks_for_one() -> None:
    rows: list[Row] = [
        ("The", 3, "det", "DET", "DT", "the"),
        ("World", 2, "compound", "PROPN", "NNP", "World"),
        ("Food", 3, "compound", "PROPN", "NNP", "Food"),
        ("Programme", 4, "nsubj", "PROPN", "NNP", "Programme"),
        ("warned", 4, "ROOT", "VERB", "VBD", "warn"),
        (";", 4, "punct", "PUNCT", ":", ";"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("agency", 8, "nsubj", "NOUN", "NN", "agency"),
        ("spoke", 4, "conj", "VERB", "VBD", "speak"),
        ("and", 4, "cc", "CCONJ", "CC", "and"),
        ("a", 11, "det", "DET", "DT", "a"),
        ("spokesperson", 15, "nsubj", "NOUN", "NN", "spokesperson"),
        ("for", 11, "prep", "ADP", "IN", "for"),
        ("State", 14, "compound", "PROPN", "NNP", "State"),
        ("Department", 12, "pobj", "PROPN", "NNP", "Department"),
        ("agreed", 4, "conj", "VERB", "VBD", "agree"),
    ]
    doc = parsed_doc(rows, TABLE)
    actors = ActorIndex(doc)
    assert [r.name for r in speaker_refs(doc[7], actors, quoted=Intervals())] == [
        "World Food Programme"
    ]
    assert [r.name for r in speaker_refs(doc[11], actors, quoted=Intervals())] == [
        "State Department"
    ]


def test_accused_x_of_y_reports_the_charge() -> None:
    rows: list[Row] = [
        ("Carl", 1, "compound", "PROPN", "NNP", "Carl"),
        ("Jennings", 2, "nsubj", "PROPN", "NNP", "Jennings"),
        ("accused", 2, "ROOT", "VERB", "VBD", "accuse"),
        ("his", 4, "poss", "PRON", "PRP$", "his"),
        ("opponent", 2, "dobj", "NOUN", "NN", "opponent"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("raising", 5, "pcomp", "VERB", "VBG", "raise"),
        ("taxes", 6, "dobj", "NOUN", "NNS", "tax"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, TABLE)
    found = indirect_quotes(doc, article_id="a", actors=ActorIndex(doc), lex=lexicon(), direct=[])
    assert [(q.speaker.name if q.speaker else None, q.text) for q in found] == [
        ("Carl Jennings", "his opponent of raising taxes")
    ]


def test_a_headline_line_ends_before_the_article() -> None:
    text = "Moscow says it expelled two diplomats\n\nMOSCOW — Russia expelled two diplomats."
    assert _headline_end(text) == len("Moscow says it expelled two diplomats")
    assert _headline_end("Russia expelled two diplomats.\n\nMore followed.") == 0
    assert _headline_end("One line only") == 0


def test_every_quote_cue_list_is_loaded() -> None:
    cues = quote_cues()
    assert "accuse" in cues["accusing_verbs"] and "banner" in cues["sign_words"]
    assert any("congresswoman" in group and "representative" in group for group in cues.roles)
