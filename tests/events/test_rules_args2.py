"""Who the actor and recipient are (#11 items 1-2), on hand-built parses: the party a thing
or person is handed over to, the patient of an act noun with an owner, the sides of what a
request asks for, the host of an invitation, a role noun owned by a pronoun, and the
unnamed target of the police or the courts."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Italy": ("kb:ITA", "Italy", "ITA", None, "GPE"),
    "Turkish": ("kb:TUR", "Turkey", "TUR", None, "NORP"),
    "Germany": ("kb:DEU", "Germany", "DEU", None, "GPE"),
    "Japan": ("kb:JPN", "Japan", "JPN", None, "GPE"),
    "Tokyo": ("kb:JPN", "Japan", "JPN", None, "GPE"),
    "Chinese": ("kb:CHN", "China", "CHN", None, "NORP"),
    "Sudan": ("kb:SDN", "Sudan", "SDN", None, "GPE"),
    "Chad": ("kb:TCD", "Chad", "TCD", None, "GPE"),
    "Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Modi": ("p_modi", "Narendra Modi", "IND", "GOV", "PERSON"),
    "Sarkissian": ("p_sark", "Armen Sarkissian", "ARM", "GOV", "PERSON"),
    "Kenyan police": ("kb:KEN.police", "Kenya Police", "KEN", "COP", "ORG"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row], kind: str) -> EventCandidate:
    doc: Doc = parsed_doc(rows, TABLE)
    found = [c for c in candidates(doc, ActorIndex(doc), lexicon()) if c.type == kind]
    assert found, kind
    return found[0]


def countries(c: EventCandidate) -> tuple[list[str | None], list[str | None]]:
    return [a.country for a in c.actor], [r.country for r in c.recipient]


def test_the_party_a_suspect_is_extradited_to_is_the_recipient_not_his_nationality() -> None:
    rows: list[Row] = [
        ("Italy", 1, "nsubj", "PROPN", "NNP", "Italy"),
        ("extradited", 1, "ROOT", "VERB", "VBD", "extradite"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("Turkish", 4, "amod", "ADJ", "JJ", "turkish"),
        ("banker", 1, "dobj", "NOUN", "NN", "banker"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Germany", 5, "pobj", "PROPN", "NNP", "Germany"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert countries(coded(rows, "COOPERATE")) == (["ITA"], ["DEU"])


def test_an_owned_act_noun_is_done_to_its_of_phrase() -> None:
    rows: list[Row] = [
        ("Japan", 2, "poss", "PROPN", "NNP", "Japan"),
        ("'s", 0, "case", "PART", "POS", "'s"),
        ("expulsion", 6, "nsubj", "NOUN", "NN", "expulsion"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("Chinese", 5, "amod", "ADJ", "JJ", "chinese"),
        ("diplomats", 3, "pobj", "NOUN", "NNS", "diplomat"),
        ("drew", 6, "ROOT", "VERB", "VBD", "draw"),
        ("protests", 6, "dobj", "NOUN", "NNS", "protest"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    assert countries(coded(rows, "SANCTION")) == (["JPN"], ["CHN"])


def test_a_call_for_a_truce_between_two_sides_is_addressed_to_both() -> None:
    rows: list[Row] = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
        ("called", 1, "ROOT", "VERB", "VBD", "call"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("truce", 2, "pobj", "NOUN", "NN", "truce"),
        ("between", 4, "prep", "ADP", "IN", "between"),
        ("Sudan", 5, "pobj", "PROPN", "NNP", "Sudan"),
        ("and", 6, "cc", "CCONJ", "CC", "and"),
        ("Chad", 6, "conj", "PROPN", "NNP", "Chad"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert countries(coded(rows, "REQUEST")) == (["NGA"], ["SDN", "TCD"])


def test_an_accepted_invitation_is_from_the_host_of_the_visit() -> None:
    rows: list[Row] = [
        ("Modi", 1, "nsubj", "PROPN", "NNP", "Modi"),
        ("accepted", 1, "ROOT", "VERB", "VBD", "accept"),
        ("an", 3, "det", "DET", "DT", "an"),
        ("invitation", 1, "dobj", "NOUN", "NN", "invitation"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("visit", 3, "acl", "VERB", "VB", "visit"),
        ("Tokyo", 5, "dobj", "PROPN", "NNP", "Tokyo"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert countries(coded(rows, "AGREE")) == (["IND"], ["JPN"])


def _inquiry(actor: list[Row]) -> list[Row]:
    n = len(actor)
    return [
        *actor,
        ("opened", n, "ROOT", "VERB", "VBD", "open"),
        ("an", n + 2, "det", "DET", "DT", "an"),
        ("investigation", n, "dobj", "NOUN", "NN", "investigation"),
        ("into", n, "prep", "ADP", "IN", "into"),
        ("a", n + 6, "det", "DET", "DT", "a"),
        ("union", n + 6, "compound", "NOUN", "NN", "union"),
        ("leader", n + 3, "pobj", "NOUN", "NN", "leader"),
        (".", n, "punct", "PUNCT", ".", "."),
    ]


def test_the_police_investigate_people_of_their_own_state() -> None:
    rows = _inquiry(
        [
            ("Kenyan", 1, "amod", "ADJ", "JJ", "kenyan"),
            ("police", 2, "nsubj", "NOUN", "NNS", "police"),
        ]
    )
    assert countries(coded(rows, "ACCUSE")) == (["KEN"], ["KEN"])


def test_a_state_investigating_gives_an_unnamed_target_no_country() -> None:
    rows = _inquiry([("Peru", 1, "nsubj", "PROPN", "NNP", "Peru")])
    assert [r.country for r in coded(rows, "ACCUSE").recipient] in ([], [None])


def _asked_the(noun: str) -> list[Row]:
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("went", 1, "ROOT", "VERB", "VBD", "go"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("Permanent", 5, "compound", "PROPN", "NNP", "Permanent"),
        ("Court", 2, "pobj", "PROPN", "NNP", "Court"),
        ("of", 5, "prep", "ADP", "IN", "of"),
        ("Arbitration", 6, "pobj", "PROPN", "NNP", "Arbitration"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("asked", 1, "conj", "VERB", "VBD", "ask"),
        ("the", 11, "det", "DET", "DT", "the"),
        (noun, 9, "dobj", "NOUN", "NN", noun),
        ("to", 13, "aux", "PART", "TO", "to"),
        ("rule", 9, "xcomp", "VERB", "VB", "rule"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_the_court_is_the_court_named_in_full_before() -> None:
    table = {**TABLE, "Permanent Court of Arbitration": ("kb:pca", "PCA", None, "JUD", "ORG")}
    doc = parsed_doc(_asked_the("court"), table)
    assert [r.id for r in ActorIndex(doc).descriptor(doc[11])] == ["kb:pca"]
    other = parsed_doc(_asked_the("tribunal"), table)
    assert "kb:pca" not in [r.id for r in ActorIndex(other).descriptor(other[11])]


def test_their_talks_are_of_the_parties_coordinated_in_the_subjects_of_phrase() -> None:
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("ministers", 6, "nsubj", "NOUN", "NNS", "minister"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("Sudan", 2, "pobj", "PROPN", "NNP", "Sudan"),
        ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("Chad", 3, "conj", "PROPN", "NNP", "Chad"),
        ("held", 6, "ROOT", "VERB", "VBD", "hold"),
        ("their", 8, "poss", "PRON", "PRP$", "their"),
        ("talks", 6, "dobj", "NOUN", "NNS", "talk"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, TABLE)
    assert [r.country for r in ActorIndex(doc).refs(doc[7])] == ["SDN", "TCD"]
