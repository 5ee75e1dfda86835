"""Issue #11, seventh review, on sentences written for these tests: the parties a request,
a deal or a coordinated target names are not dropped; an event is dated by the time that
governs it, not by a bound ("since", "until", "by") or the anchor of another clause; an act
told as the object of outrage is coded as the criticism it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.document import code_doc
from eventline.model import ActorRef, EventMention
from tests.events.coded import events
from tests.events.conftest import ACTORS, Row, Table, parsed_doc, tag_actors

TABLE: Table = {
    **ACTORS,
    "Bolivia": ("c_bol", "Bolivia", "BOL", None, "GPE"),
    "Chilean Navy": ("m_chl", "Chilean Navy", "CHL", "MIL", "ORG"),
    "Peruvian navy": ("m_per", "Peruvian Navy", "PER", "MIL", "ORG"),
    "Peruvian army": ("m_per_army", "Peruvian Army", "PER", "MIL", "ORG"),
    "Zentrix": ("o_zentrix", "Zentrix", None, "BUS", "ORG"),
    "Ana Rojas": ("p_rojas", "Ana Rojas", "CHL", "LEG", "PERSON"),
    "Senate leaders": ("g_senate", "Senate", "CHL", "LEG", "ORG"),
}


@pytest.fixture(scope="module")
def parse(nlp: Language) -> Callable[[str], Doc]:
    def run(text: str) -> Doc:
        return tag_actors(nlp(text), TABLE)

    return run


def _names(refs: tuple[ActorRef, ...]) -> list[str]:
    return sorted(r.name for r in refs)


def _one(found: list[EventMention], kind: str, trigger: str) -> EventMention:
    hits = [e for e in found if e.type == kind and e.trigger == trigger]
    assert len(hits) == 1, [(e.type, e.trigger) for e in found]
    return hits[0]


# --- named parties -------------------------------------------------------------------------


def test_a_request_is_addressed_to_the_owner_of_what_it_asks_to_redo(parse) -> None:
    text = "Peru's audit office called for a re-run of the bidding for the Chilean Navy contract."
    ev = _one(events(parse, text), "REQUEST", "called")
    assert _names(ev.recipient) == ["Chilean Navy"]


def test_a_request_for_a_review_of_an_owned_purchase_names_the_owner(parse) -> None:
    text = "Chile urged a review of the Peruvian navy's frigate purchase."
    ev = _one(events(parse, text), "REQUEST", "urged")
    assert _names(ev.recipient) == ["Peruvian Navy"]


def test_a_request_naming_no_owned_content_keeps_no_recipient(parse) -> None:
    ev = _one(events(parse, "Chile called for calm."), "REQUEST", "called")
    assert ev.recipient == ()


def test_a_second_target_coordinated_with_the_first_is_kept(parse) -> None:
    text = "The rebels came under heavy Peruvian attack in Chile and Bolivia."
    ev = _one(events(parse, text), "ASSAULT", "attack")
    assert _names(ev.recipient) == ["Bolivia", "Chile"]


def test_a_killed_deal_names_the_company_it_favoured(parse) -> None:
    text = (
        "Senators rejected the plan, although analysts say the lease had been killed by the "
        "Peruvian navy because of audits showing that the lease had favored Zentrix."
    )
    ev = _one(events(parse, text), "REJECT", "killed")
    assert _names(ev.recipient) == ["Zentrix"]


def test_a_short_name_means_the_body_named_in_full_before() -> None:
    # "The Chilean Air Force thanked Peru . The Air Force thanked Peru ."
    rows: list[Row] = [
        ("The", 3, "det", "DET", "DT", "the"),
        ("Chilean", 3, "compound", "PROPN", "NNP", "Chilean"),
        ("Air", 3, "compound", "PROPN", "NNP", "Air"),
        ("Force", 4, "nsubj", "PROPN", "NNP", "Force"),
        ("thanked", 4, "ROOT", "VERB", "VBD", "thank"),
        ("Peru", 4, "dobj", "PROPN", "NNP", "Peru"),
        (".", 4, "punct", "PUNCT", ".", "."),
        ("The", 9, "det", "DET", "DT", "the"),
        ("Air", 9, "compound", "PROPN", "NNP", "Air"),
        ("Force", 10, "nsubj", "PROPN", "NNP", "Force"),
        ("thanked", 10, "ROOT", "VERB", "VBD", "thank"),
        ("Peru", 10, "dobj", "PROPN", "NNP", "Peru"),
        (".", 10, "punct", "PUNCT", ".", "."),
    ]
    table: Table = {
        "Chilean Air Force": ("m_chl_af", "Chilean Air Force", "CHL", "MIL", "ORG"),
        "Air Force": ("act_af", "Air Force", None, None, "ORG"),  # unknown to the KB
        "Peru": ("c_per", "Peru", "PER", None, "GPE"),
    }
    doc = parsed_doc(rows, table)
    assert [r.name for r in ActorIndex(doc).refs(doc[9])] == ["Chilean Air Force"]


def test_a_short_name_of_two_earlier_bodies_stays_as_it_is() -> None:
    # "The Chilean Air Force and the Peruvian Air Force met . The Air Force left ."
    rows: list[Row] = [
        ("The", 3, "det", "DET", "DT", "the"),
        ("Chilean", 3, "compound", "PROPN", "NNP", "Chilean"),
        ("Air", 3, "compound", "PROPN", "NNP", "Air"),
        ("Force", 9, "nsubj", "PROPN", "NNP", "Force"),
        ("and", 3, "cc", "CCONJ", "CC", "and"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("Peruvian", 8, "compound", "PROPN", "NNP", "Peruvian"),
        ("Air", 8, "compound", "PROPN", "NNP", "Air"),
        ("Force", 3, "conj", "PROPN", "NNP", "Force"),
        ("met", 9, "ROOT", "VERB", "VBD", "meet"),
        (".", 9, "punct", "PUNCT", ".", "."),
        ("The", 13, "det", "DET", "DT", "the"),
        ("Air", 13, "compound", "PROPN", "NNP", "Air"),
        ("Force", 14, "nsubj", "PROPN", "NNP", "Force"),
        ("left", 14, "ROOT", "VERB", "VBD", "leave"),
        (".", 14, "punct", "PUNCT", ".", "."),
    ]
    table: Table = {
        "Chilean Air Force": ("m_chl_af", "Chilean Air Force", "CHL", "MIL", "ORG"),
        "Peruvian Air Force": ("m_per_af", "Peruvian Air Force", "PER", "MIL", "ORG"),
        "Air Force": ("act_af", "Air Force", None, None, "ORG"),
    }
    doc = parsed_doc(rows, table)
    assert [r.name for r in ActorIndex(doc).refs(doc[13])] == ["Air Force"]


# --- dates ---------------------------------------------------------------------------------


def test_a_since_bound_does_not_date_the_next_sentence(parse) -> None:
    text = (
        "Since March 2019, Chile has stationed troops in Bolivia. "
        "Peru has reportedly supplied Chile with rifles."
    )
    supplied = _one(events(parse, text), "AID", "supplied")
    assert (supplied.date, supplied.date_precision) == ("2024-03-14", "report")


def test_a_deadline_of_a_demand_does_not_date_the_refusal(parse) -> None:
    text = (
        "Senate leaders insisted that the rebels agree to disarm by next year. "
        "Days later, the rebels refused to meet the demands."
    )
    refused = _one(events(parse, text), "REJECT", "refused")
    assert (refused.date, refused.date_precision) == ("2024-03-14", "report")


def test_a_past_agreement_is_not_dated_by_its_deadline(parse) -> None:
    agreed = _one(events(parse, "Chile agreed to cut tariffs on Peru by 2026."), "AGREE", "agreed")
    assert (agreed.date, agreed.date_precision) == ("2024-03-14", "report")


def test_a_planned_act_takes_its_deadline(parse) -> None:
    found = events(parse, "Chile will withdraw its troops from Peru by next year.")
    assert [e.date for e in found if e.trigger == "withdraw"] == ["2025"]


def test_a_since_date_of_the_event_itself_is_its_start(parse) -> None:
    found = events(parse, "Since March 2021, Chile has supplied Peru with rifles.")
    assert _one(found, "AID", "supplied").date == "2021-03"


# --- criticism ------------------------------------------------------------------------------


def test_a_supply_told_as_an_outrage_is_the_criticism(parse) -> None:
    text = (
        "Ana Rojas said she was outraged that the Peruvian navy had picked a Korean firm to "
        "supply trucks to the Chilean Navy."
    )
    found = events(parse, text)
    accuse = _one(found, "ACCUSE", "outraged")
    assert (_names(accuse.actor), _names(accuse.recipient)) == (["Ana Rojas"], ["Peruvian Navy"])
    assert not [e for e in found if e.type == "AID"]


def test_an_act_told_as_an_outrage_stays_beside_the_criticism(parse) -> None:
    text = "Ana Rojas said she was appalled that Peru had sent troops to Bolivia."
    found = events(parse, text)
    assert _names(_one(found, "ACCUSE", "appalled").recipient) == ["Peru"]
    assert [e.type for e in found if e.trigger == "sent"] == ["MOBILIZE"]


# --- conjecture ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It is unlikely that Velkor flew to Warsaw just to condemn Peru.",
        "Chile is unlikely to attack Peru.",
        "Would Chile really send troops to defend Peru?",
    ],
)
def test_a_writers_conjecture_is_no_event(parse, text: str) -> None:
    assert events(parse, text) == []


def test_an_act_the_doubted_clause_presupposes_stays(parse) -> None:
    text = "Peru attacked Chile on Monday. It is unlikely that Chile will forgive the attack."
    assert [e.trigger for e in events(parse, text) if e.type == "ASSAULT"] == ["attacked"]


def test_a_hedged_report_is_still_an_event(parse) -> None:
    found = events(parse, "Chile has reportedly supplied Peru with rifles.")
    assert [(e.type, e.modality) for e in found] == [("AID", "alleged")]


# --- name clashes ----------------------------------------------------------------------------

CLASH: Table = {
    "Zentrix": ("o_zentrix", "Zentrix", None, "BUS", "ORG"),
    "Vexo": ("act_vexo", "Vexo", None, None, "ORG"),
    "KDU": ("act_kdu", "KDU", "POL", "PTY", "ORG"),  # a party of Poland, matched by its letters
    "Poland": ("c_pol", "Poland", "POL", None, "GPE"),
}


def test_a_party_of_a_country_the_article_never_names_beside_a_company_is_a_clash(
    nlp: Language,
) -> None:
    doc = tag_actors(nlp("Vexo and KDU agreed to a deal on films for Zentrix."), CLASH)
    assert code_doc(doc, article_id="t", published="2024-03-14").events == []


def test_a_party_of_a_country_the_article_names_stays_political(nlp: Language) -> None:
    text = "Poland welcomed the plan. Vexo and KDU agreed to a deal on films for Zentrix."
    doc = tag_actors(nlp(text), CLASH)
    found = code_doc(doc, article_id="t", published="2024-03-14").events
    assert [e.type for e in found if e.trigger == "agreed"] == ["AGREE"]
