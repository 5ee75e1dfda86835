"""Review fixes to session 24's rules (#11, types9), on hand-built parses and sentences written
for these tests: a force moves MOBILIZE only to a place, as an armed party, and not for a
courtesy call; an "of" phrase naming an armed body keeps a force a force; a fighter is a
person before a jet; a police role alone needs a party for its routine work; the article's
country of a role noun is a place it names, never a state that speaks."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventline.events.candidate import EventCandidate
from eventline.events.patterns import lexicon
from eventline.events.rules_places import _anaphoric_object
from tests.events.conftest import ACTORS, Code, Row, candidates_of, parsed_doc, text_coder

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Kadugli": ("kb:SDN", "Sudan", "SDN", None, "GPE"),
    "Lisbon": ("kb:PRT", "Portugal", "PRT", "GOV", "GPE"),
    "navy ship": ("act_ship", "navy ship", None, None, "ORG"),
    "Acme vessel": ("act_acme", "Acme vessel", None, None, "ORG"),
    "Delta Brigades": ("act_delta", "Delta Brigades", None, "REB", "ORG"),
}


def coded(rows: list[Row], ents: list[tuple[int, int, str]] | None = None) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE, ents or []))


def moves(cands: list[EventCandidate]) -> list[EventCandidate]:
    return [c for c in cands if c.type == "MOBILIZE"]


def moved_into(subj: list[Row], verb: str, lemma: str, prep: str, obj: list[Row]) -> list[Row]:
    """<subject rows> <verb> <prep> <object rows> . — the subject's last row is its head, the
    object's last row its head; heads inside the rows are relative to the row's own block."""
    n = len(subj)
    rows: list[Row] = [(w, n if h == -1 else h, d, p, t, lm) for w, h, d, p, t, lm in subj]
    rows.append((verb, n, "ROOT", "VERB", "VBD", lemma))
    rows.append((prep, n, "prep", "ADP", "IN", prep))
    base = n + 2
    last = base + len(obj) - 1
    for w, h, d, p, t, lm in obj:
        rows.append((w, n + 1 if h == -1 else base + h, d, p, t, lm))
    rows.append((".", n, "punct", "PUNCT", ".", "."))
    assert rows[last][2] == "pobj"
    return rows


TROOPS: list[Row] = [("Troops", -1, "nsubj", "NOUN", "NNS", "troop")]
THE_TOWN: list[Row] = [
    ("the", 1, "det", "DET", "DT", "the"),
    ("town", -1, "pobj", "NOUN", "NN", "town"),
]
NEXT_PHASE: list[Row] = [
    ("the", 2, "det", "DET", "DT", "the"),
    ("next", 2, "amod", "ADJ", "JJ", "next"),
    ("phase", -1, "pobj", "NOUN", "NN", "phase"),
]


def test_a_force_moves_only_to_a_place() -> None:
    assert moves(coded(moved_into(TROOPS, "moved", "move", "into", THE_TOWN)))
    assert not moves(coded(moved_into(TROOPS, "moved", "move", "into", NEXT_PHASE)))
    assert not moves(coded(moved_into(TROOPS, "moved", "move", "to", NEXT_PHASE)))


def test_a_named_place_is_a_place() -> None:
    town = [("Kadugli", -1, "pobj", "PROPN", "NNP", "Kadugli")]
    assert moves(coded(moved_into(TROOPS, "advanced", "advance", "into", town), [(3, 4, "GPE")]))


def test_fighters_are_armed_men_not_jets() -> None:
    subj: list[Row] = [
        ("Rebel", 1, "amod", "ADJ", "JJ", "rebel"),
        ("fighters", 2, "nsubj", "NOUN", "NNS", "fighter"),
    ]
    subj = [(w, h, d, p, t, lm) for w, h, d, p, t, lm in subj]
    (move,) = moves(coded(moved_into(subj, "advanced", "advance", "into", THE_TOWN)))
    assert move.mode == "troops"
    jets: list[Row] = [
        ("Fighter", 1, "compound", "NOUN", "NN", "fighter"),
        ("jets", 2, "nsubj", "NOUN", "NNS", "jet"),
    ]
    found = moves(coded(moved_into(jets, "moved", "move", "toward", THE_TOWN)))
    assert all(m.mode == "weapons" for m in found)


def _of_subject(head: str, lemma: str, det: str, of_words: list[tuple[str, str, str]]) -> list[Row]:
    """ "<det> <head> of <words...>": the of-object's last word is its head."""
    rows: list[Row] = []
    if det:
        rows.append((det, 1, "det", "DET", "DT", det.lower()))
    h = len(rows)
    rows.append((head, -1, "nsubj", "NOUN", "NN", lemma))
    rows.append(("of", h, "prep", "ADP", "IN", "of"))
    obj_head = h + 1 + len(of_words)
    for i, (w, pos, lm) in enumerate(of_words):
        last = i == len(of_words) - 1
        dep = "pobj" if last else ("det" if pos == "DET" else "compound")
        rows.append((w, h + 1 if last else obj_head, dep, pos, "NN", lm))
    return rows


@pytest.mark.parametrize(
    ("subj", "ents"),
    [
        (  # "Fighters of the Delta Brigades pushed into the town."
            _of_subject(
                "Fighters",
                "fighter",
                "",
                [
                    ("the", "DET", "the"),
                    ("Delta", "PROPN", "Delta"),
                    ("Brigades", "PROPN", "Brigades"),
                ],
            ),
            [(2, 5, "ORG")],
        ),
        (  # "A column of troops rolled into the town."
            _of_subject("column", "column", "A", [("troops", "NOUN", "troop")]),
            [],
        ),
    ],
)
def test_an_of_phrase_naming_an_armed_body_keeps_a_force(
    subj: list[Row], ents: list[tuple[int, int, str]]
) -> None:
    assert moves(coded(moved_into(subj, "pushed", "push", "into", THE_TOWN), ents))


def test_an_army_of_volunteers_is_no_force() -> None:
    subj = _of_subject("army", "army", "An", [("volunteers", "NOUN", "volunteer")])
    assert not moves(coded(moved_into(subj, "headed", "head", "to", THE_TOWN)))


NAVY_SHIP: list[Row] = [
    ("The", 2, "det", "DET", "DT", "the"),
    ("navy", 2, "compound", "NOUN", "NN", "navy"),
    ("ship", -1, "nsubj", "NOUN", "NN", "ship"),
]
LISBON: list[Row] = [("Lisbon", -1, "pobj", "PROPN", "NNP", "Lisbon")]


def _with_purpose(rows: list[Row], words: list[tuple[str, str]]) -> list[Row]:
    """Insert "for a <words>" before the final period, hung on the verb."""
    verb = next(i for i, r in enumerate(rows) if r[2] == "ROOT")
    end = len(rows) - 1
    added: list[Row] = [
        ("for", verb, "prep", "ADP", "IN", "for"),
        ("a", end + 1 + len(words), "det", "DET", "DT", "a"),
    ]
    for i, (w, lm) in enumerate(words):
        last = i == len(words) - 1
        added.append(
            (
                w,
                end if last else end + 1 + len(words),
                "pobj" if last else "compound",
                "NOUN",
                "NN",
                lm,
            )
        )
    return [*rows[:end], *added, (".", verb, "punct", "PUNCT", ".", ".")]


def test_a_navy_ship_moving_is_a_force_but_not_on_a_port_visit() -> None:
    ents = [(4, 5, "GPE")]
    assert moves(coded(moved_into(NAVY_SHIP, "sailed", "sail", "to", LISBON), ents))
    visit = _with_purpose(
        moved_into(NAVY_SHIP, "sailed", "sail", "to", LISBON),
        [("port", "port"), ("visit", "visit")],
    )
    assert not moves(coded(visit, ents))


def test_an_unknown_party_of_no_armed_kind_is_no_force() -> None:
    vessel: list[Row] = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
        ("vessel", -1, "nsubj", "NOUN", "NN", "vessel"),
    ]
    assert not moves(coded(moved_into(vessel, "sailed", "sail", "to", LISBON), [(4, 5, "GPE")]))


def _police(verb: str, lemma: str, obj: list[Row], subj: str = "Police") -> list[Row]:
    """ "<subj> <verb> <object rows> ." with the object's last row its head."""
    rows: list[Row] = [
        (subj, 1, "nsubj", "NOUN", "NNS", subj.lower()),
        (verb, 1, "ROOT", "VERB", "VBD", lemma),
    ]
    head = 2 + len(obj) - 1
    for w, h, d, p, t, lm in obj:
        rows.append((w, 1 if h == -1 else 2 + h, d, p, t, lm))
    assert rows[head][2] == "dobj"
    rows.append((".", 1, "punct", "PUNCT", ".", "."))
    return rows


THE_STREETS: list[Row] = [
    ("the", 1, "det", "DET", "DT", "the"),
    ("streets", -1, "dobj", "NOUN", "NNS", "street"),
]
THE_CASE: list[Row] = [
    ("the", 1, "det", "DET", "DT", "the"),
    ("case", -1, "dobj", "NOUN", "NN", "case"),
]


@pytest.mark.parametrize(
    "rows",
    [
        _police("patrolled", "patrol", THE_STREETS),
        _police("investigated", "investigate", THE_CASE),
        _police("urged", "urge", [("calm", -1, "dobj", "NOUN", "NN", "calm")]),
    ],
)
def test_police_routine_work_with_no_party_is_no_event(rows: list[Row]) -> None:
    assert not [c for c in coded(rows) if c.actor and not c.recipient]


def test_soldiers_patrolling_stay_a_show_of_force() -> None:
    rows = _police("patrolled", "patrol", THE_STREETS, subj="Soldiers")
    rows[0] = ("Soldiers", 1, "nsubj", "NOUN", "NNS", "soldier")
    assert moves(coded(rows))


def test_the_role_alone_lists_are_cues() -> None:
    cue = lexicon().cue
    assert "request" not in cue("role_alone_types")
    assert {"assault", "coerce", "mobilize"} <= cue("role_alone_types")
    assert cue("police_target_types") <= cue("role_alone_types")
    for name in (
        "anaphoric_pronouns",
        "group_share_words",
        "member_of_preps",
        "force_formations",
        "follower_words",
        "movement_place_nouns",
        "force_visit_words",
    ):
        assert cue(name), name


def _two_objects(first: list[Row], second: list[Row]) -> Doc:
    """ "Police detained <first> <second> ." with both hung on the verb as objects."""
    rows: list[Row] = [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("detained", 1, "ROOT", "VERB", "VBD", "detain"),
    ]
    for block in (first, second):
        base = len(rows)
        for w, h, d, p, t, lm in block:
            rows.append((w, 1 if h == -1 else base + h, d, p, t, lm))
    rows.append((".", 1, "punct", "PUNCT", ".", "."))
    return parsed_doc(rows, TABLE)


LEADER_OF_THE_GROUP: list[Row] = [
    ("the", 1, "det", "DET", "DT", "the"),
    ("leader", -1, "dobj", "NOUN", "NN", "leader"),
    ("of", 1, "prep", "ADP", "IN", "of"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("group", 2, "pobj", "NOUN", "NN", "group"),
]


def test_a_later_pronoun_object_is_read_after_a_definite_of_group() -> None:
    lex = lexicon()
    them: list[Row] = [("them", -1, "dobj", "PRON", "PRP", "they")]
    assert _anaphoric_object(_two_objects(LEADER_OF_THE_GROUP, them)[1], lex)
    others: list[Row] = [
        ("two", 1, "nummod", "NUM", "CD", "two"),
        ("men", -1, "dobj", "NOUN", "NNS", "man"),
    ]
    assert not _anaphoric_object(_two_objects(LEADER_OF_THE_GROUP, others)[1], lex)


# -- sentences parsed by the model: rules that read the whole article ------------------------


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(
        nlp,
        {**ACTORS, "United States": ("c_usa", "United States", "USA", None, "GPE")},
        "2025-01-10",
    )


@pytest.mark.slow
def test_a_state_that_speaks_gives_no_country_to_the_roles_of_the_next_sentence(code: Code) -> None:
    events = code(
        "The United States called for calm on Monday. Rebel fighters attacked an army base."
    )
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks
    assert all(a.country is None for e in attacks for a in e.actor)


@pytest.mark.slow
def test_a_place_the_article_names_still_places_them(code: Code) -> None:
    events = code("Fighting continued in Nigeria on Monday. Rebel fighters attacked an army base.")
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks and {a.country for a in attacks[0].actor} == {"NGA"}


@pytest.mark.slow
def test_a_force_moving_in_its_own_country_has_no_target(code: Code) -> None:
    events = code("Nigerian troops moved through the streets of Abuja on Saturday.")
    found = [e for e in events if e.type == "MOBILIZE"]
    assert found and {a.country for a in found[0].actor} == {"NGA"}
    assert not found[0].recipient


@pytest.mark.slow
def test_the_country_a_force_enters_is_its_target_not_its_home(code: Code) -> None:
    events = code("Troops of the 82nd Airborne Division moved into Nigeria on Saturday.")
    found = [e for e in events if e.type == "MOBILIZE"]
    assert found and all(a.country is None for a in found[0].actor)
    assert {r.country for r in found[0].recipient} == {"NGA"}
