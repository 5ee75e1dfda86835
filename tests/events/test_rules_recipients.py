"""Who the parties of an event are, on hand-built parses (#11): co-recipients in coordinated
prepositional phrases, targets the parser hung out of an event noun's reach, what an inquiry
is about, the side of a meeting named by the act done during it, help for the party attacked,
"his country" read from the article's own account of who attacks whom, and the subject (not
the object) of a gerund under a temporal preposition."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventline.events.args import ActorIndex, subject
from eventline.events.candidate import EventCandidate
from tests.events.conftest import Row, candidates_of, names, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Chilean": ("kb:CHL", "Chile", "CHL", None, "NORP"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
    "Peruvian": ("kb:PER", "Peru", "PER", None, "NORP"),
    "Nigeria": ("kb:NGA", "Nigeria", "NGA", None, "GPE"),
    "ministry": ("kb:CHL.foreign_ministry", "Chile Foreign Ministry", "CHL", "GOV", "ORG"),
}


def doc_of(rows: list[Row]) -> Doc:
    return parsed_doc(rows, TABLE)


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(doc_of(rows))


def one(rows: list[Row], kind: str) -> EventCandidate:
    (found,) = [c for c in coded(rows) if c.type == kind]
    return found


@pytest.mark.parametrize("dep", ["conj", "prep"])
def test_a_coordinated_prepositional_phrase_adds_a_co_recipient(dep: str) -> None:
    # Chile granted aid to Peru in May, and to Nigeria in June ("to" a conjunct of the
    # verb, or a second preposition of it right after "and")
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("granted", 1, "ROOT", "VERB", "VBD", "grant"),
        ("aid", 1, "dobj", "NOUN", "NN", "aid"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Peru", 3, "pobj", "PROPN", "NNP", "Peru"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("May", 5, "pobj", "PROPN", "NNP", "May"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("to", 1, dep, "ADP", "IN", "to"),
        ("Nigeria", 9, "pobj", "PROPN", "NNP", "Nigeria"),
        ("in", 9, "prep", "ADP", "IN", "in"),
        ("June", 11, "pobj", "PROPN", "NNP", "June"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "AID")
    assert (names(ev.actor), names(ev.recipient)) == (["Chile"], ["Peru", "Nigeria"])


def test_a_target_hung_on_the_agent_is_the_attack_target() -> None:
    # the aggression by Chile against Peru ("against" attached to Chile)
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("aggression", 1, "dobj", "NOUN", "NN", "aggression"),
        ("by", 3, "prep", "ADP", "IN", "by"),
        ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
        ("against", 5, "prep", "ADP", "IN", "against"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ASSAULT")
    assert (names(ev.actor), names(ev.recipient)) == (["Chile"], ["Peru"])


def test_an_inquiry_into_a_partys_conduct_targets_that_party() -> None:
    # the investigation by Chile into Peru's subsidies
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("investigation", 2, "nsubj", "NOUN", "NN", "investigation"),
        ("continued", 2, "ROOT", "VERB", "VBD", "continue"),
        ("by", 1, "prep", "ADP", "IN", "by"),
        ("Chile", 3, "pobj", "PROPN", "NNP", "Chile"),
        ("into", 1, "prep", "ADP", "IN", "into"),
        ("Peru", 8, "poss", "PROPN", "NNP", "Peru"),
        ("'s", 6, "case", "PART", "POS", "'s"),
        ("subsidies", 5, "pobj", "NOUN", "NNS", "subsidy"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ACCUSE")
    assert (names(ev.actor), names(ev.recipient)) == (["Chile"], ["Peru"])


def test_an_inquiry_due_to_a_partys_act_targets_that_party() -> None:
    # an investigation by Chile due to Peru charging fees
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("investigation", 2, "nsubj", "NOUN", "NN", "investigation"),
        ("continued", 2, "ROOT", "VERB", "VBD", "continue"),
        ("by", 1, "prep", "ADP", "IN", "by"),
        ("Chile", 3, "pobj", "PROPN", "NNP", "Chile"),
        ("due", 1, "prep", "ADP", "IN", "due"),
        ("to", 5, "pcomp", "ADP", "IN", "to"),
        ("Peru", 8, "nsubj", "PROPN", "NNP", "Peru"),
        ("charging", 5, "pcomp", "VERB", "VBG", "charge"),
        ("fees", 8, "dobj", "NOUN", "NNS", "fee"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ACCUSE")
    assert names(ev.recipient) == ["Peru"]


def test_a_gerund_after_a_temporal_preposition_has_the_subject_as_its_subject() -> None:
    # the ministry condemned the Peruvian strikes after having warned against intervention
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("ministry", 2, "nsubj", "NOUN", "NN", "ministry"),
        ("condemned", 2, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("Peruvian", 5, "amod", "ADJ", "JJ", "peruvian"),
        ("strikes", 2, "dobj", "NOUN", "NNS", "strike"),
        ("after", 2, "prep", "ADP", "IN", "after"),
        ("having", 8, "aux", "AUX", "VBG", "have"),
        ("warned", 6, "pcomp", "VERB", "VBN", "warn"),
        ("against", 8, "prep", "ADP", "IN", "against"),
        ("intervention", 9, "pobj", "NOUN", "NN", "intervention"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = doc_of(rows)
    assert subject(doc[8])[0] == doc[1]
    ev = one(rows, "THREATEN")
    assert names(ev.actor) == ["Chile Foreign Ministry"]


def test_object_control_still_holds_under_of() -> None:
    # Chile accused Peru of shelling Nigeria: Peru shells
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
        ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("shelling", 3, "pcomp", "VERB", "VBG", "shell"),
        ("Nigeria", 4, "dobj", "PROPN", "NNP", "Nigeria"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = doc_of(rows)
    assert subject(doc[4])[0] == doc[2]


def test_the_act_done_during_a_meeting_names_its_other_side() -> None:
    # During the meeting, Velkor hailed relations with Peru.
    rows: list[Row] = [
        ("During", 5, "prep", "ADP", "IN", "during"),
        ("the", 2, "det", "DET", "DT", "the"),
        ("meeting", 0, "pobj", "NOUN", "NN", "meeting"),
        (",", 5, "punct", "PUNCT", ",", ","),
        ("Velkor", 5, "nsubj", "PROPN", "NNP", "Velkor"),
        ("hailed", 5, "ROOT", "VERB", "VBD", "hail"),
        ("relations", 5, "dobj", "NOUN", "NNS", "relation"),
        ("with", 6, "prep", "ADP", "IN", "with"),
        ("Peru", 7, "pobj", "PROPN", "NNP", "Peru"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "CONSULT")
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Peru"])


def test_help_with_no_party_named_goes_to_the_party_attacked() -> None:
    # Chile condemned the Nigerian attacks on Peru, but there was no offer of help.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
        ("attacks", 1, "dobj", "NOUN", "NNS", "attack"),
        ("by", 2, "prep", "ADP", "IN", "by"),
        ("Nigeria", 3, "pobj", "PROPN", "NNP", "Nigeria"),
        ("on", 2, "prep", "ADP", "IN", "on"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("but", 1, "cc", "CCONJ", "CC", "but"),
        ("there", 10, "expl", "PRON", "EX", "there"),
        ("was", 1, "conj", "AUX", "VBD", "be"),
        ("no", 12, "det", "DET", "DT", "no"),
        ("offer", 10, "attr", "NOUN", "NN", "offer"),
        ("of", 12, "prep", "ADP", "IN", "of"),
        ("help", 13, "pobj", "NOUN", "NN", "help"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    found = coded(rows)
    (attack,) = [c for c in found if c.type == "ASSAULT"]
    assert (names(attack.actor), names(attack.recipient)) == (["Nigeria"], ["Peru"])
    (offer,) = [c for c in found if c.type == "AGREE"]
    assert (names(offer.actor), names(offer.recipient)) == (["Chile"], ["Peru"])


def _told_about_bombing(*, evidence: bool) -> list[Row]:
    # Velkor told Okafor there was no justification for the Chilean bombing of his country
    # [and for the Chilean strikes on Nigeria]
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("him", 1, "dative", "PRON", "PRP", "he"),
        ("there", 4, "expl", "PRON", "EX", "there"),
        ("was", 1, "ccomp", "VERB", "VBD", "be"),
        ("no", 6, "det", "DET", "DT", "no"),
        ("justification", 4, "attr", "NOUN", "NN", "justification"),
        ("for", 6, "prep", "ADP", "IN", "for"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("Chilean", 10, "amod", "ADJ", "JJ", "chilean"),
        ("bombing", 7, "pobj", "NOUN", "NN", "bombing"),
        ("of", 10, "prep", "ADP", "IN", "of"),
        ("his", 13, "poss", "PRON", "PRP$", "his"),
        ("country", 11, "pobj", "NOUN", "NN", "country"),
    ]
    if evidence:
        rows += [
            ("and", 10, "cc", "CCONJ", "CC", "and"),
            ("Chilean", 16, "amod", "ADJ", "JJ", "chilean"),
            ("strikes", 10, "conj", "NOUN", "NNS", "strike"),
            ("on", 16, "prep", "ADP", "IN", "on"),
            ("Nigeria", 17, "pobj", "PROPN", "NNP", "Nigeria"),
        ]
    return [*rows, (".", 1, "punct", "PUNCT", ".", ".")]


def _with_listener(rows: list[Row]) -> list[Row]:
    # the listener named: "told Okafor"
    return [rows[0], rows[1], ("Okafor", 1, "dative", "PROPN", "NNP", "Okafor"), *rows[3:]]


def test_his_country_is_the_country_the_article_says_the_attacker_attacks() -> None:
    found = coded(_with_listener(_told_about_bombing(evidence=True)))
    bombing = next(c for c in found if c.trigger.text == "bombing")
    assert names(bombing.recipient) == ["Nigeria"]


def test_his_country_without_evidence_is_left_unnamed_when_two_people_could_be_meant() -> None:
    found = coded(_with_listener(_told_about_bombing(evidence=False)))
    bombing = next(c for c in found if c.trigger.text == "bombing")
    assert bombing.recipient == ()


def test_his_country_with_one_person_named_is_that_persons_country() -> None:
    # Velkor told him there was no justification for the Chilean bombing of his country
    found = coded(_told_about_bombing(evidence=False))
    bombing = next(c for c in found if c.trigger.text == "bombing")
    assert [r.country for r in bombing.recipient] == ["FRA"]


def test_an_object_stranded_by_a_reduced_relative_is_the_recipient() -> None:
    # Peru granted asylum to five Chilean officers holed up in an embassy.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("granted", 1, "ROOT", "VERB", "VBD", "grant"),
        ("asylum", 1, "dobj", "NOUN", "NN", "asylum"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("five", 6, "nummod", "NUM", "CD", "five"),
        ("Chilean", 6, "amod", "ADJ", "JJ", "chilean"),
        ("officers", 7, "nsubj", "NOUN", "NNS", "officer"),
        ("holed", 1, "advcl", "VERB", "VBN", "hole"),
        ("up", 7, "prt", "ADP", "RP", "up"),
        ("in", 7, "prep", "ADP", "IN", "in"),
        ("an", 11, "det", "DET", "DT", "an"),
        ("embassy", 9, "pobj", "NOUN", "NN", "embassy"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "AID")
    assert [r.country for r in ev.recipient] == ["CHL"]


def test_an_object_moved_past_an_as_phrase_names_the_accused() -> None:
    # Peru denounced as a crime Chile's suppression of protests.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("denounced", 1, "ROOT", "VERB", "VBD", "denounce"),
        ("as", 1, "prep", "ADP", "IN", "as"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("crime", 2, "pobj", "NOUN", "NN", "crime"),
        ("Chile", 7, "poss", "PROPN", "NNP", "Chile"),
        ("'s", 5, "case", "PART", "POS", "'s"),
        ("suppression", 4, "appos", "NOUN", "NN", "suppression"),
        ("of", 7, "prep", "ADP", "IN", "of"),
        ("protests", 8, "pobj", "NOUN", "NNS", "protest"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ACCUSE")
    assert names(ev.recipient) == ["Chile"]


def test_the_party_an_object_is_directed_at_is_the_recipient() -> None:
    # Velkor reneged on her commitment to Peru.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("reneged", 1, "ROOT", "VERB", "VBD", "renege"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("her", 4, "poss", "PRON", "PRP$", "her"),
        ("commitment", 2, "pobj", "NOUN", "NN", "commitment"),
        ("to", 4, "prep", "ADP", "IN", "to"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "REJECT")
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Peru"])


def test_a_spokesman_for_a_body_acts_for_that_body() -> None:
    # A spokesman for the ministry condemned the Peruvian decision.
    rows: list[Row] = [
        ("A", 1, "det", "DET", "DT", "a"),
        ("spokesman", 5, "nsubj", "NOUN", "NN", "spokesman"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("ministry", 2, "pobj", "NOUN", "NN", "ministry"),
        ("condemned", 5, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("Peruvian", 8, "amod", "ADJ", "JJ", "peruvian"),
        ("decision", 5, "dobj", "NOUN", "NN", "decision"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ACCUSE")
    assert (names(ev.actor), names(ev.recipient)) == (["Chile Foreign Ministry"], ["Peru"])


def test_a_counterpart_from_a_country_hung_on_the_verb_is_the_party_met() -> None:
    # Velkor met her counterpart from Peru in Lima.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("her", 3, "poss", "PRON", "PRP$", "her"),
        ("counterpart", 1, "dobj", "NOUN", "NN", "counterpart"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "CONSULT")
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Peru"])


def test_coordinated_owners_in_an_of_phrase_are_all_parties() -> None:
    # Velkor met the presidents of Peru and Nigeria.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("presidents", 1, "dobj", "NOUN", "NNS", "president"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        ("and", 5, "cc", "CCONJ", "CC", "and"),
        ("Nigeria", 5, "conj", "PROPN", "NNP", "Nigeria"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "CONSULT")
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Peru", "Nigeria"])


def test_a_possessive_pronoun_names_whose_people_were_attacked() -> None:
    # Peru condemned the assassination of its general by Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("assassination", 1, "dobj", "NOUN", "NN", "assassination"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("its", 6, "poss", "PRON", "PRP$", "its"),
        ("general", 4, "pobj", "NOUN", "NN", "general"),
        ("by", 3, "prep", "ADP", "IN", "by"),
        ("Chile", 7, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ASSAULT")
    assert names(ev.actor) == ["Chile"]
    assert [r.country for r in ev.recipient] == ["PER"]


def test_a_party_of_a_clause_inside_the_subject_is_not_the_actor() -> None:
    # The committee investigating Chile demanded documents from Peru.
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("committee", 4, "nsubj", "NOUN", "NN", "committee"),
        ("investigating", 1, "acl", "VERB", "VBG", "investigate"),
        ("Chile", 2, "dobj", "PROPN", "NNP", "Chile"),
        ("demanded", 4, "ROOT", "VERB", "VBD", "demand"),
        ("documents", 4, "dobj", "NOUN", "NNS", "document"),
        ("from", 4, "prep", "ADP", "IN", "from"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    assert not [c for c in coded(rows) if c.type == "REQUEST" and names(c.actor) == ["Chile"]]


def test_a_vow_to_respond_to_the_attack_threatens_the_attacker() -> None:
    # Chile shelled Peru, and Velkor vowed to respond to the attack.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("shelled", 1, "ROOT", "VERB", "VBD", "shell"),
        ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("Peruvian", 6, "amod", "ADJ", "JJ", "peruvian"),
        ("leaders", 7, "nsubj", "NOUN", "NNS", "leader"),
        ("vowed", 1, "conj", "VERB", "VBD", "vow"),
        ("to", 9, "aux", "PART", "TO", "to"),
        ("respond", 7, "xcomp", "VERB", "VB", "respond"),
        ("to", 9, "prep", "ADP", "IN", "to"),
        ("the", 12, "det", "DET", "DT", "the"),
        ("attack", 10, "pobj", "NOUN", "NN", "attack"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (threat,) = [c for c in coded(rows) if c.type == "THREATEN"]
    assert [r.country for r in threat.actor] == ["PER"]
    assert names(threat.recipient) == ["Chile"]


def test_a_name_after_and_hung_on_the_verb_is_a_co_recipient() -> None:
    # Velkor met with Okafor and Minister Novak and praised Peru.
    table_rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("with", 1, "prep", "ADP", "IN", "with"),
        ("Okafor", 2, "pobj", "PROPN", "NNP", "Okafor"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("Minister", 6, "compound", "PROPN", "NNP", "Minister"),
        ("Nigeria", 1, "conj", "PROPN", "NNP", "Nigeria"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("praised", 1, "conj", "VERB", "VBD", "praise"),
        ("Peru", 8, "dobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(table_rows, "CONSULT")
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Lena Okafor", "Nigeria"])


def test_an_attackers_help_is_not_for_its_target() -> None:
    # Chile attacked Peru and offered help.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("offered", 1, "conj", "VERB", "VBD", "offer"),
        ("help", 4, "dobj", "NOUN", "NN", "help"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    offers = [c for c in coded(rows) if c.type == "AGREE"]
    assert offers and all(c.recipient == () for c in offers)


def test_criticism_of_a_party_targets_it() -> None:
    # Chile voiced criticism of the Peruvian junta.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("voiced", 1, "ROOT", "VERB", "VBD", "voice"),
        ("criticism", 1, "dobj", "NOUN", "NN", "criticism"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("Peruvian", 6, "amod", "ADJ", "JJ", "peruvian"),
        ("junta", 3, "pobj", "NOUN", "NN", "junta"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    ev = one(rows, "ACCUSE")
    assert [r.country for r in ev.recipient] == ["PER"]


def test_an_offer_of_mediation_between_two_sides_is_made_to_both() -> None:
    # Chile's offer of mediation between Peru and Nigeria was welcome.
    rows: list[Row] = [
        ("Chile", 2, "poss", "PROPN", "NNP", "Chile"),
        ("'s", 0, "case", "PART", "POS", "'s"),
        ("offer", 9, "nsubj", "NOUN", "NN", "offer"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("mediation", 3, "pobj", "NOUN", "NN", "mediation"),
        ("between", 4, "prep", "ADP", "IN", "between"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        ("and", 6, "cc", "CCONJ", "CC", "and"),
        ("Nigeria", 6, "conj", "PROPN", "NNP", "Nigeria"),
        ("was", 9, "ROOT", "AUX", "VBD", "be"),
        ("welcome", 9, "acomp", "ADJ", "JJ", "welcome"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]
    (offer,) = [c for c in coded(rows) if c.trigger.text == "offer"]
    assert (names(offer.actor), names(offer.recipient)) == (["Chile"], ["Peru", "Nigeria"])


def test_their_after_a_coordinated_object_stands_for_both() -> None:
    # Velkor thanked Chile and Peru for their support.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("thanked", 1, "ROOT", "VERB", "VBD", "thank"),
        ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
        ("and", 2, "cc", "CCONJ", "CC", "and"),
        ("Peru", 2, "conj", "PROPN", "NNP", "Peru"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("their", 7, "poss", "PRON", "PRP$", "their"),
        ("support", 5, "pobj", "NOUN", "NN", "support"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = doc_of(rows)
    assert names(ActorIndex(doc).refs(doc[6])) == ["Chile", "Peru"]


def test_the_side_met_is_never_the_one_meeting() -> None:
    # The envoy held talks with Peru (the envoy known to no actor table).
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("envoy", 2, "nsubj", "NOUN", "NN", "envoy"),
        ("held", 2, "ROOT", "VERB", "VBD", "hold"),
        ("talks", 2, "dobj", "NOUN", "NNS", "talk"),
        ("with", 3, "prep", "ADP", "IN", "with"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert not [c for c in coded(rows) if c.type == "CONSULT" and names(c.actor) == ["Peru"]]
