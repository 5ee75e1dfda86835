"""Rules added for PLOVER coding conventions (#11), on parses built by hand: failed acts,
unattributed attacks, documents that speak for their issuer, verbs that suppress the event
their object names, support nouns, stance participles, category adjectives in speech and
pronouns of coordinated speakers."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, parsed_doc, tag_actors

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "France": ("c_fra", "France", "FRA", None, "GPE"),
    "Germany": ("c_deu", "Germany", "DEU", None, "GPE"),
    "Peru": ("c_per", "Peru", "PER", None, "GPE"),
    "Chilean": ("c_chl", "Chile", "CHL", None, "NORP"),
    "French": ("c_fra", "France", "FRA", None, "NORP"),
    "Nigerian police": ("c_nga_cop", "Nigeria Police", "NGA", "COP", "ORG"),
    "Nigeria": ("c_nga", "Nigeria", "NGA", None, "GPE"),
    "Lima": ("c_per_cap", "Peru", "PER", "GOV", "GPE"),
    "the rebels": ("g_rebels", "Rebels", None, "REB", "ORG"),
}


def build(rows: list[Row], ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A parsed Doc from (word, head, dep, pos, tag, lemma) rows, with optional entities."""
    return parsed_doc(rows, TABLE, ents)


def coded(doc: Doc) -> list[tuple[str, list[str | None], list[str | None], str | None]]:
    found = candidates(doc, ActorIndex(doc), lexicon())
    return [
        (c.type, [a.country for a in c.actor], [r.country for r in c.recipient], c.content)
        for c in found
    ]


def types(doc: Doc) -> list[str]:
    return [t for t, *_ in coded(doc)]


def test_failing_to_reach_an_agreement_is_a_rejection_with_the_act_as_content() -> None:
    doc = build(
        [
            ("France", 1, "nsubj", "PROPN", "NNP", "France"),
            ("failed", 1, "ROOT", "VERB", "VBD", "fail"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("reach", 1, "xcomp", "VERB", "VB", "reach"),
            ("an", 5, "det", "DET", "DT", "an"),
            ("agreement", 3, "dobj", "NOUN", "NN", "agreement"),
            ("with", 3, "prep", "ADP", "IN", "with"),
            ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    found = coded(doc)
    assert found and {t for t, *_ in found} == {"REJECT"}
    assert found[0][1] == ["FRA"] and found[0][3] == "reach an agreement with Peru"


def test_reaching_an_agreement_stays_an_agreement() -> None:
    doc = build(
        [
            ("France", 1, "nsubj", "PROPN", "NNP", "France"),
            ("reached", 1, "ROOT", "VERB", "VBD", "reach"),
            ("an", 3, "det", "DET", "DT", "an"),
            ("agreement", 1, "dobj", "NOUN", "NN", "agreement"),
            ("with", 1, "prep", "ADP", "IN", "with"),
            ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert "AGREE" in types(doc) and "REJECT" not in types(doc)


def _bomb_rows(place: str) -> list[Row]:
    return [
        ("A", 1, "det", "DET", "DT", "a"),
        ("bomb", 2, "nsubj", "NOUN", "NN", "bomb"),
        ("killed", 2, "ROOT", "VERB", "VBD", "kill"),
        ("two", 5, "nummod", "NUM", "CD", "two"),
        ("Nigerian", 5, "amod", "ADJ", "JJ", "nigerian"),
        ("soldiers", 2, "dobj", "NOUN", "NNS", "soldier"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        (place, 6, "pobj", "PROPN", "NNP", place),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]


def test_an_attack_by_a_weapon_has_an_unidentified_attacker_of_the_place() -> None:
    doc = build(_bomb_rows("Lima"), ents=((7, 8, "GPE"),))
    found = [c for c in coded(doc) if c[0] == "ASSAULT"]
    assert found and found[0][1] == ["PER"]


def test_an_attack_by_a_weapon_with_no_place_has_no_actor() -> None:
    doc = build(_bomb_rows("town"))
    assert "ASSAULT" not in types(doc)


def test_a_declaration_speaks_for_whoever_issued_it() -> None:
    doc = build(
        [
            ("the", 1, "det", "DET", "DT", "the"),
            ("rebels", 2, "nsubj", "NOUN", "NNS", "rebel"),
            ("issued", 2, "ROOT", "VERB", "VBD", "issue"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("statement", 2, "dobj", "NOUN", "NN", "statement"),
            ("demanding", 4, "acl", "VERB", "VBG", "demand"),
            ("that", 8, "mark", "SCONJ", "IN", "that"),
            ("France", 8, "nsubj", "PROPN", "NNP", "France"),
            ("withdraw", 5, "ccomp", "VERB", "VB", "withdraw"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    found = [c for c in coded(doc) if c[0] == "REQUEST"]
    assert found and found[0][1] == [None] and found[0][2] == ["FRA"]


def test_a_prevented_demonstration_is_coercion_by_the_preventer_not_its_protest() -> None:
    doc = build(
        [
            ("Nigerian", 1, "compound", "ADJ", "JJ", "nigerian"),
            ("police", 2, "nsubj", "NOUN", "NNS", "police"),
            ("prevented", 2, "ROOT", "VERB", "VBD", "prevent"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("demonstration", 2, "dobj", "NOUN", "NN", "demonstration"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    found = coded(doc)
    assert ("COERCE", ["NGA"], ["NGA"], None) in found  # aimed at the own population
    assert not any(t == "PROTEST" and "NGA" in a for t, a, _, _ in found)


def test_a_mediation_effort_is_the_mediation() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("launched", 1, "ROOT", "VERB", "VBD", "launch"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("mediation", 4, "compound", "NOUN", "NN", "mediation"),
            ("effort", 1, "dobj", "NOUN", "NN", "effort"),
            ("between", 4, "prep", "ADP", "IN", "between"),
            ("France", 5, "pobj", "PROPN", "NNP", "France"),
            ("and", 6, "cc", "CCONJ", "CC", "and"),
            ("Germany", 6, "conj", "PROPN", "NNP", "Germany"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert ("CONSULT", ["PER"], ["FRA", "DEU"], None) in coded(doc)


def test_being_opposed_to_a_proposal_is_the_subjects_rejection() -> None:
    doc = build(
        [
            ("France", 2, "nsubjpass", "PROPN", "NNP", "France"),
            ("is", 2, "auxpass", "AUX", "VBZ", "be"),
            ("opposed", 2, "ROOT", "VERB", "VBN", "oppose"),
            ("to", 2, "prep", "ADP", "IN", "to"),
            ("Chilean", 5, "amod", "ADJ", "JJ", "chilean"),
            ("mediation", 3, "pobj", "NOUN", "NN", "mediation"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    # what is opposed is the rejection's content, not a mediation that happened
    assert coded(doc) == [("REJECT", ["FRA"], ["CHL"], "Chilean mediation")]


def _speech_rows(adj: str, noun: str, lemma: str) -> list[Row]:
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("France", 3, "nsubj", "PROPN", "NNP", "France"),
        ("ordered", 1, "ccomp", "VERB", "VBD", "order"),
        (adj, 5, "amod", "ADJ", "JJ", adj),
        (noun, 3, "dobj", "NOUN", "NNS", lemma),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_a_disapproving_adjective_naming_a_category_accuses_no_one() -> None:
    assert "ACCUSE" not in types(build(_speech_rows("illegal", "migrants", "migrant")))


def test_a_disapproving_adjective_judging_an_act_still_accuses() -> None:
    assert "ACCUSE" in types(build(_speech_rows("illegal", "strikes", "strike")))


def test_a_pronoun_in_what_a_coordinated_speaker_said_is_that_speaker() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
            ("a", 4, "det", "DET", "DT", "a"),
            ("Chilean", 4, "amod", "ADJ", "JJ", "chilean"),
            ("plan", 1, "dobj", "NOUN", "NN", "plan"),
            ("and", 1, "cc", "CCONJ", "CC", "and"),
            ("said", 1, "conj", "VERB", "VBD", "say"),
            ("it", 8, "nsubj", "PRON", "PRP", "it"),
            ("opposed", 6, "ccomp", "VERB", "VBD", "oppose"),
            ("the", 10, "det", "DET", "DT", "the"),
            ("deployment", 8, "dobj", "NOUN", "NN", "deployment"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    opposed = [c for c in coded(doc) if c[0] == "REJECT" and c[2] != ["CHL"]]
    assert opposed and opposed[0][1] == ["PER"]


COMPANIES: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Acme": ("o_acme", "Acme", None, None, "ORG"),
    "Globex": ("o_globex", "Globex", None, "BUS", "ORG"),
}


def test_an_offer_between_companies_is_commercial_not_political() -> None:
    rows: list[Row] = [
        ("Acme", 1, "nsubj", "PROPN", "NNP", "Acme"),
        ("offered", 1, "ROOT", "VERB", "VBD", "offer"),
        ("discounts", 1, "dobj", "NOUN", "NNS", "discount"),
        ("to", 1, "dative", "ADP", "IN", "to"),
        ("Globex", 3, "pobj", "PROPN", "NNP", "Globex"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "AGREE" not in types(tag_actors(build(rows), {**TABLE, **COMPANIES}))
    rows[2] = ("aid", 1, "dobj", "NOUN", "NN", "aid")
    rows[4] = ("France", 3, "pobj", "PROPN", "NNP", "France")
    assert "AGREE" in types(tag_actors(build(rows), {**TABLE, **COMPANIES}))  # aid to a state


def test_a_possessive_in_a_reported_clause_is_that_clauses_subject() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("France", 4, "nsubj", "PROPN", "NNP", "France"),
            ("must", 4, "aux", "AUX", "MD", "must"),
            ("end", 1, "ccomp", "VERB", "VB", "end"),
            ("its", 6, "poss", "PRON", "PRP$", "its"),
            ("strikes", 4, "dobj", "NOUN", "NNS", "strike"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    index = ActorIndex(doc)
    ref = index.pronoun(doc[5])
    assert ref is not None and ref.country == "FRA"


def test_a_possessive_in_the_speakers_own_subject_is_the_speaker() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("its", 3, "poss", "PRON", "PRP$", "its"),
            ("forces", 4, "nsubj", "NOUN", "NNS", "force"),
            ("withdrew", 1, "ccomp", "VERB", "VBD", "withdraw"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    ref = ActorIndex(doc).pronoun(doc[2])
    assert ref is not None and ref.country == "PER"


def test_regret_over_another_partys_attack_accuses_the_attacker() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("expressed", 1, "ROOT", "VERB", "VBD", "express"),
            ("regret", 1, "dobj", "NOUN", "NN", "regret"),
            ("over", 1, "prep", "ADP", "IN", "over"),
            ("French", 5, "amod", "ADJ", "JJ", "french"),
            ("strikes", 3, "pobj", "NOUN", "NNS", "strike"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    found = coded(doc)
    assert ("ACCUSE", ["PER"], ["FRA"], None) in found
    assert "CONCEDE" not in [t for t, *_ in found]


def test_taking_delivery_from_a_party_makes_that_party_the_giver() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("took", 1, "ROOT", "VERB", "VBD", "take"),
            ("delivery", 1, "dobj", "NOUN", "NN", "delivery"),
            ("of", 2, "prep", "ADP", "IN", "of"),
            ("drones", 3, "pobj", "NOUN", "NNS", "drone"),
            ("from", 1, "prep", "ADP", "IN", "from"),
            ("France", 5, "pobj", "PROPN", "NNP", "France"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert ("AID", ["FRA"], ["PER"], None) in coded(doc)


def test_allowing_a_party_to_act_is_a_concession_to_it() -> None:
    doc = build(
        [
            ("France", 1, "nsubj", "PROPN", "NNP", "France"),
            ("allowed", 1, "ROOT", "VERB", "VBD", "allow"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("rebels", 5, "nsubj", "NOUN", "NNS", "rebel"),
            ("to", 5, "aux", "PART", "TO", "to"),
            ("rally", 1, "ccomp", "VERB", "VB", "rally"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert [c for c in coded(doc) if c[0] == "CONCEDE" and c[1] == ["FRA"]]


def test_allowing_without_a_party_and_its_action_is_no_concession() -> None:
    doc = build(
        [
            ("France", 1, "nsubj", "PROPN", "NNP", "France"),
            ("allowed", 1, "ROOT", "VERB", "VBD", "allow"),
            ("it", 1, "dobj", "PRON", "PRP", "it"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert "CONCEDE" not in types(doc)


def test_preparing_an_attack_is_a_mobilization_against_its_target() -> None:
    doc = build(
        [
            ("France", 1, "nsubj", "PROPN", "NNP", "France"),
            ("prepared", 1, "ROOT", "VERB", "VBD", "prepare"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("attack", 1, "xcomp", "VERB", "VB", "attack"),
            ("Peru", 3, "dobj", "PROPN", "NNP", "Peru"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    found = coded(doc)
    assert ("MOBILIZE", ["FRA"], ["PER"], "attack Peru") in found
    assert "ASSAULT" not in [t for t, *_ in found]


def test_those_disarmed_in_a_passive_report_are_the_ones_retreating() -> None:
    doc = build(
        [
            ("the", 1, "det", "DET", "DT", "the"),
            ("rebels", 4, "nsubjpass", "NOUN", "NNS", "rebel"),
            ("have", 4, "aux", "AUX", "VBP", "have"),
            ("been", 4, "auxpass", "AUX", "VBN", "be"),
            ("disarmed", 4, "ROOT", "VERB", "VBN", "disarm"),
            (".", 4, "punct", "PUNCT", ".", "."),
        ]
    )
    found = [c for c in coded(doc) if c[0] == "RETREAT"]
    assert found and found[0][1] == [None] and found[0][2] == []


def test_unresolved_parties_are_no_evidence_of_commerce() -> None:
    rows: list[Row] = [
        ("Acme", 1, "nsubj", "PROPN", "NNP", "Acme"),
        ("urged", 1, "ROOT", "VERB", "VBD", "urge"),
        ("Initech", 1, "dobj", "PROPN", "NNP", "Initech"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("reopen", 1, "xcomp", "VERB", "VB", "reopen"),
        ("talks", 4, "dobj", "NOUN", "NNS", "talk"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    rows[2] = ("France", 1, "dobj", "PROPN", "NNP", "France")
    doc = tag_actors(build(rows), {**TABLE, **COMPANIES})
    # an unresolved actor urging a state; between unresolved names only, political_parties
    # drops the event (tests/events/test_rules_political.py)
    assert "REQUEST" in types(doc)


def test_a_condemnation_reported_as_another_partys_act_is_not_the_speakers() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("France", 3, "nsubj", "PROPN", "NNP", "France"),
            ("condemned", 1, "ccomp", "VERB", "VBD", "condemn"),
            ("Chilean", 5, "amod", "ADJ", "JJ", "chilean"),
            ("strikes", 3, "dobj", "NOUN", "NNS", "strike"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    accusers = [a for t, a, _, _ in coded(doc) if t == "ACCUSE"]
    assert accusers == [["FRA"]]
