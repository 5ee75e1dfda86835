"""Attachment rules on hand-built parses: a role noun under a recipient preposition is the
recipient, and the time the parser hangs on a participle describing the object dates the
clause verb."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.dating import FoundTimex, TimexIndex
from tests.events.conftest import Row, candidates_of, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Peruvian police": ("kb:PER.police", "Peru Police", "PER", "COP", "ORG"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
}

# "Peruvian police fired gas at farmers blocking a road on Tuesday ."
FIRED: list[Row] = [
    ("Peruvian", 1, "amod", "ADJ", "JJ", "peruvian"),
    ("police", 2, "nsubj", "NOUN", "NNS", "police"),
    ("fired", 2, "ROOT", "VERB", "VBD", "fire"),
    ("gas", 2, "dobj", "NOUN", "NN", "gas"),
    ("at", 2, "prep", "ADP", "IN", "at"),
    ("farmers", 4, "pobj", "NOUN", "NNS", "farmer"),
    ("blocking", 5, "acl", "VERB", "VBG", "block"),
    ("a", 8, "det", "DET", "DT", "a"),
    ("road", 6, "dobj", "NOUN", "NN", "road"),
    ("on", 6, "prep", "ADP", "IN", "on"),
    ("Tuesday", 9, "pobj", "PROPN", "NNP", "Tuesday"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "Chile condemned the strikes targeting villages on Friday ."
CONDEMNED: list[Row] = [
    ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
    ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("strikes", 1, "dobj", "NOUN", "NNS", "strike"),
    ("targeting", 3, "acl", "VERB", "VBG", "target"),
    ("villages", 4, "dobj", "NOUN", "NNS", "village"),
    ("on", 4, "prep", "ADP", "IN", "on"),
    ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def coded(doc: Doc) -> list[EventCandidate]:
    return candidates_of(doc)


def day(doc: Doc, i: int, date: str) -> FoundTimex:
    tok = doc[i]
    return FoundTimex(tok.idx, tok.idx + len(tok), tok.text, "DATE", date, None, date, "day")


def test_a_role_noun_under_the_recipient_preposition_is_the_recipient() -> None:
    doc = parsed_doc(FIRED, TABLE)
    (ev,) = [c for c in coded(doc) if c.type == "ASSAULT"]
    assert [r.name for r in ev.recipient] == ["farmers"]
    assert ev.recipient[0].sector == "AGR"


def test_the_time_of_a_participle_describing_the_object_dates_the_verb() -> None:
    doc = parsed_doc(FIRED, TABLE)
    tuesday = day(doc, 10, "2024-04-30")
    assert TimexIndex(doc, [tuesday]).of_clause(doc[2]) == tuesday


def test_the_time_of_a_participle_of_an_event_noun_is_the_events_own() -> None:
    doc = parsed_doc(CONDEMNED, TABLE)
    friday = day(doc, 7, "2024-04-26")
    assert TimexIndex(doc, [friday]).of_clause(doc[1]) is None


# "Chile massed thousands of troops near its border with Peru ."
MASSED: list[Row] = [
    ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
    ("massed", 1, "ROOT", "VERB", "VBD", "mass"),
    ("thousands", 1, "dobj", "NOUN", "NNS", "thousand"),
    ("of", 2, "prep", "ADP", "IN", "of"),
    ("troops", 3, "pobj", "NOUN", "NNS", "troop"),
    ("near", 2, "prep", "ADP", "IN", "near"),
    ("its", 7, "poss", "PRON", "PRP$", "its"),
    ("border", 5, "pobj", "NOUN", "NN", "border"),
    ("with", 7, "prep", "ADP", "IN", "with"),
    ("Peru", 8, "pobj", "PROPN", "NNP", "Peru"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_forces_massed_at_a_border_face_the_country_beyond_it() -> None:
    doc = parsed_doc(MASSED, {**TABLE, "Peru": ("kb:PER", "Peru", "PER", None, "GPE")})
    (ev,) = [c for c in coded(doc) if c.type == "MOBILIZE"]
    assert [r.name for r in ev.recipient] == ["Peru"]


def held(subject: str, lemma: str) -> list[Row]:
    """ "<subject> held drills on Monday ." """
    return [
        (subject, 1, "nsubj", "PROPN", "NNP", subject),
        ("held", 1, "ROOT", "VERB", "VBD", "hold"),
        ("drills", 1, "dobj", "NOUN", "NNS", lemma),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_drills_a_state_holds_are_military_without_a_military_word() -> None:
    (ev,) = coded(parsed_doc(held("Chile", "drill"), TABLE))
    assert (ev.type, [a.name for a in ev.actor]) == ("MOBILIZE", ["Chile"])


def test_drills_without_a_light_verb_or_by_a_school_are_no_event() -> None:
    school = [("Schools", 1, "nsubj", "NOUN", "NNS", "school"), *held("x", "drill")[1:]]
    assert coded(parsed_doc(school, TABLE)) == []
    bare: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("sold", 1, "ROOT", "VERB", "VBD", "sell"),
        ("drills", 1, "dobj", "NOUN", "NNS", "drill"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(parsed_doc(bare, TABLE))] == []


def test_a_verdict_of_guilty_is_a_conviction_of_the_one_found_guilty() -> None:
    rows: list[Row] = [
        ("A", 1, "det", "DET", "DT", "a"),
        ("court", 2, "nsubj", "NOUN", "NN", "court"),
        ("found", 2, "ROOT", "VERB", "VBD", "find"),
        ("rebels", 4, "nsubj", "NOUN", "NNS", "rebel"),
        ("guilty", 2, "ccomp", "ADJ", "JJ", "guilty"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE))
    assert (ev.type, ev.mode) == ("SANCTION", "convict")
    assert [r.sector for r in ev.recipient] == ["REB"]


def test_a_role_noun_agent_of_a_passive_is_the_actor() -> None:
    rows: list[Row] = [
        ("Protesters", 2, "nsubjpass", "NOUN", "NNS", "protester"),
        ("were", 2, "auxpass", "AUX", "VBD", "be"),
        ("beaten", 2, "ROOT", "VERB", "VBN", "beat"),
        ("by", 2, "agent", "ADP", "IN", "by"),
        ("police", 3, "pobj", "NOUN", "NNS", "police"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE))
    assert ev.type == "ASSAULT"
    assert ([a.sector for a in ev.actor], [r.sector for r in ev.recipient]) == (["COP"], ["OPP"])


def test_rioters_damaging_property_riot() -> None:
    rows: list[Row] = [
        ("Rioters", 1, "nsubj", "NOUN", "NNS", "rioter"),
        ("torched", 1, "ROOT", "VERB", "VBD", "torch"),
        ("cars", 1, "dobj", "NOUN", "NNS", "car"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Chile", 3, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE))
    assert (ev.type, ev.mode) == ("PROTEST", "riot")


def test_walking_off_the_job_is_a_strike() -> None:
    rows: list[Row] = [
        ("Nurses", 1, "nsubj", "NOUN", "NNS", "nurse"),
        ("walked", 1, "ROOT", "VERB", "VBD", "walk"),
        ("off", 1, "prep", "ADP", "IN", "off"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("job", 2, "pobj", "NOUN", "NN", "job"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE))
    assert (ev.type, ev.mode) == ("PROTEST", "strike")


def test_the_police_named_again_keep_the_country_given_before() -> None:
    rows: list[Row] = [
        ("Peruvian", 1, "amod", "ADJ", "JJ", "peruvian"),
        ("police", 2, "nsubj", "NOUN", "NNS", "police"),
        ("arrested", 2, "ROOT", "VERB", "VBD", "arrest"),
        ("rebels", 2, "dobj", "NOUN", "NNS", "rebel"),
        (".", 2, "punct", "PUNCT", ".", "."),
        ("Later", 7, "advmod", "ADV", "RB", "later"),
        ("police", 7, "nsubj", "NOUN", "NNS", "police"),
        ("beat", 7, "ROOT", "VERB", "VBD", "beat"),
        ("protesters", 7, "dobj", "NOUN", "NNS", "protester"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, TABLE)
    (beat,) = [c for c in coded(doc) if c.type == "ASSAULT"]
    assert [a.country for a in beat.actor] == ["PER"]


TABLE2 = {**TABLE, "Peru": ("kb:PER", "Peru", "PER", None, "GPE")}


def test_pressure_bowed_to_is_a_demand_addressed_to_who_bowed() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("bowed", 1, "ROOT", "VERB", "VBD", "bow"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("pressure", 2, "pobj", "NOUN", "NN", "pressure"),
        ("from", 3, "prep", "ADP", "IN", "from"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (req,) = [c for c in coded(parsed_doc(rows, TABLE2)) if c.type == "REQUEST"]
    assert ([a.name for a in req.actor], [r.name for r in req.recipient]) == (["Peru"], ["Chile"])


def test_a_missile_fired_into_the_sea_is_a_show_of_capability() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("fired", 1, "ROOT", "VERB", "VBD", "fire"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("missile", 1, "dobj", "NOUN", "NN", "missile"),
        ("into", 1, "prep", "ADP", "IN", "into"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("sea", 4, "pobj", "NOUN", "NN", "sea"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE2))
    assert (ev.type, ev.mode) == ("MOBILIZE", "weapons")


def test_forces_stationed_somewhere_are_their_own_states_mobilisation() -> None:
    rows: list[Row] = [
        ("Chilean", 1, "amod", "ADJ", "JJ", "chilean"),
        ("troops", 3, "nsubjpass", "NOUN", "NNS", "troop"),
        ("were", 3, "auxpass", "AUX", "VBD", "be"),
        ("stationed", 3, "ROOT", "VERB", "VBN", "station"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    table = {**TABLE2, "Chilean": ("kb:CHL", "Chile", "CHL", None, "NORP")}
    (ev,) = coded(parsed_doc(rows, table))
    assert (ev.type, [a.country for a in ev.actor]) == ("MOBILIZE", ["CHL"])


def test_supplies_flown_somewhere_are_aid_not_a_visit() -> None:
    rows: list[Row] = [
        ("Supplies", 2, "nsubjpass", "NOUN", "NNS", "supply"),
        ("were", 2, "auxpass", "AUX", "VBD", "be"),
        ("flown", 2, "ROOT", "VERB", "VBN", "fly"),
        ("to", 2, "prep", "ADP", "IN", "to"),
        ("Peru", 3, "pobj", "PROPN", "NNP", "Peru"),
        ("by", 2, "agent", "ADP", "IN", "by"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE2))
    assert (ev.type, [r.name for r in ev.recipient]) == ("AID", ["Peru"])


def gathered(subject: str, lemma: str) -> list[Row]:
    return [
        (subject, 1, "nsubj", "NOUN", "NNS", lemma),
        ("gathered", 1, "ROOT", "VERB", "VBD", "gather"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Peru", 2, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_activists_gathering_protest_and_ministers_gathering_do_not() -> None:
    (ev,) = coded(parsed_doc(gathered("Activists", "activist"), TABLE2))
    assert ev.type == "PROTEST"
    assert coded(parsed_doc(gathered("Ministers", "minister"), TABLE2)) == []


def test_them_is_no_single_person_nor_its_own_verbs_subject() -> None:
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("acted", 1, "ROOT", "VERB", "VBD", "act"),
        ("after", 4, "mark", "SCONJ", "IN", "after"),
        ("Velkor", 4, "nsubj", "PROPN", "NNP", "Velkor"),
        ("urged", 1, "advcl", "VERB", "VBD", "urge"),
        ("them", 4, "dobj", "PRON", "PRP", "they"),
        ("to", 7, "aux", "PART", "TO", "to"),
        ("act", 4, "xcomp", "VERB", "VB", "act"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    table = {**TABLE2, "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON")}
    doc = parsed_doc(rows, table)
    ref = ActorIndex(doc).pronoun(doc[5])
    assert ref is not None and ref.name == "Peru"


def test_they_in_what_role_nouns_said_are_those_role_nouns() -> None:
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("rebels", 2, "nsubj", "NOUN", "NNS", "rebel"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("army", 5, "nsubj", "NOUN", "NN", "army"),
        ("attacked", 2, "ccomp", "VERB", "VBD", "attack"),
        ("them", 5, "dobj", "PRON", "PRP", "they"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE2))
    assert [r.sector for r in ev.recipient] == ["REB"]


def test_the_place_a_withdrawal_leaves_is_its_recipient() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("completed", 1, "ROOT", "VERB", "VBD", "complete"),
        ("its", 3, "poss", "PRON", "PRP$", "its"),
        ("withdrawal", 1, "dobj", "NOUN", "NN", "withdrawal"),
        ("from", 3, "prep", "ADP", "IN", "from"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = [c for c in coded(parsed_doc(rows, TABLE2)) if c.type == "RETREAT"]
    assert ([a.name for a in ev.actor], [r.name for r in ev.recipient]) == (["Chile"], ["Peru"])


def test_a_counted_role_noun_object_is_the_recipient() -> None:
    rows: list[Row] = [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
        ("dozens", 1, "dobj", "NOUN", "NNS", "dozen"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("protesters", 3, "pobj", "NOUN", "NNS", "protester"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE2))
    assert [r.name for r in ev.recipient] == ["protesters"]


def test_they_in_what_coordinated_parties_said_is_all_of_them() -> None:
    rows: list[Row] = [
        ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("said", 3, "ROOT", "VERB", "VBD", "say"),
        ("they", 6, "nsubj", "PRON", "PRP", "they"),
        ("would", 6, "aux", "AUX", "MD", "would"),
        ("meet", 3, "ccomp", "VERB", "VB", "meet"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, TABLE2)
    assert sorted(r.name for r in ActorIndex(doc).refs(doc[4])) == ["Chile", "Peru"]


def test_people_a_state_detains_are_its_own_population() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("detained", 1, "ROOT", "VERB", "VBD", "detain"),
        ("two", 3, "nummod", "NUM", "CD", "two"),
        ("activists", 1, "dobj", "NOUN", "NNS", "activist"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(parsed_doc(rows, TABLE2))
    assert [(r.country, r.sector) for r in ev.recipient] == [("CHL", "OPP")]
