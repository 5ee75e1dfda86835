"""Type classes of issue #11 (types5), on sentences written for these tests: a signing and
its pact are one act, a visit told as an aside of another act is coded too (as are a
leader's tour and a stop on the way), an agreement asked of another party is the request,
and a poll's figures or a firm's fight for customers are no events."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventline.model import EventMention
from tests.events.conftest import ACTORS, candidates_of, parsed_doc, text_coder

pytestmark = pytest.mark.slow

TABLE = {
    **ACTORS,
    "Argentina": ("c_arg", "Argentina", "ARG", None, "GPE"),
    "Buenos Aires": ("c_arg", "Argentina", "ARG", "GOV", "GPE"),
    "Senegal": ("c_sen", "Senegal", "SEN", None, "GPE"),
    "Dakar": ("c_sen", "Senegal", "SEN", "GOV", "GPE"),
    "Kenya": ("c_ken", "Kenya", "KEN", None, "GPE"),
    "Nairobi": ("c_ken", "Kenya", "KEN", "GOV", "GPE"),
    "Ohio": ("c_usa", "United States", "USA", None, "GPE"),
    "Senator Hale": ("p_hale", "Mark Hale", "USA", "LEG", "PERSON"),
    "Acme": ("b_acme", "Acme", None, "BUS", "ORG"),
    "United Nations": ("kb:UN", "United Nations", None, "IGO", "ORG"),
    "NATO": ("kb:NATO", "NATO", None, "IGO", "ORG"),
    "US Senate": ("g_senate", "United States Senate", "USA", "LEG", "ORG"),
}

Code = Callable[[str], list[EventMention]]


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(nlp, TABLE, "2023-03-14")


def types(events: list[EventMention]) -> list[str]:
    return sorted(e.type for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Chile signed an accord with Argentina on Tuesday.",
        "Tomas Brandt signed an accord with Poland in Warsaw.",
        "Peru and Chile signed an accord on fishing rights.",
    ],
)
def test_a_signed_pact_is_one_support(code: Code, text: str) -> None:
    assert types(code(text)) == ["SUPPORT"]


def test_a_pact_of_another_party_stays_its_own(code: Code) -> None:
    got = types(code("Chile welcomed the accord reached by Peru and Argentina."))
    assert "SUPPORT" in got


def _aside_rows() -> list[tuple[str, int, str, str, str, str]]:
    # "Brandt , on a visit to Warsaw , signed a deal .": the parser hangs "on" on the comma
    return [
        ("Brandt", 9, "nsubj", "PROPN", "NNP", "Brandt"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("visit", 2, "pobj", "NOUN", "NN", "visit"),
        ("to", 4, "prep", "ADP", "IN", "to"),
        ("Warsaw", 5, "pobj", "PROPN", "NNP", "Warsaw"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("then", 9, "advmod", "ADV", "RB", "then"),
        ("signed", 9, "ROOT", "VERB", "VBD", "sign"),
        ("a", 11, "det", "DET", "DT", "a"),
        ("deal", 9, "dobj", "NOUN", "NN", "deal"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ]


def test_an_aside_visit_hung_on_a_comma_is_coded() -> None:
    doc = parsed_doc(_aside_rows(), TABLE, ents=((0, 1, "PERSON"), (6, 7, "GPE")))
    visits = [c for c in candidates_of(doc) if c.type == "CONSULT"]
    assert len(visits) == 1
    assert [a.name for a in visits[0].actor] == ["Tomas Brandt"]
    assert [r.country for r in visits[0].recipient] == ["POL"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean foreign minister, on a two-day visit to Buenos Aires, signed a deal.",
        "Tomas Brandt, during a stop in Dakar, announced new aid for Senegal.",
        "Anna Velkor, on a tour of Kenya, praised the government.",
    ],
)
def test_aside_visits_are_consult_visits(code: Code, text: str) -> None:
    visits = [e for e in code(text) if e.type == "CONSULT"]
    assert visits and visits[0].mode == "visit"
    assert visits[0].recipient


def test_a_stop_at_home_is_no_visit(code: Code) -> None:
    got = code("Senator Hale, during a campaign stop in Ohio, criticised the plan.")
    assert "CONSULT" not in types(got)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brandt began a tour of Kenya on Monday.",
        "Anna Velkor toured Nigeria last week.",
    ],
)
def test_a_leaders_tour_is_a_visit(code: Code, text: str) -> None:
    assert "CONSULT" in types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Germany pressed Poland to agree to the compromise.",
        "France pushed Nigeria to agree to new inspections.",
        "Germany wants Chile to agree to its conditions.",
        "Poland demanded that Germany agree to talks.",
    ],
)
def test_an_agreement_asked_for_is_the_request(code: Code, text: str) -> None:
    events = code(text)
    assert types(events) == ["REQUEST"]
    assert events[0].recipient


def test_an_own_wish_to_agree_stays_agree(code: Code) -> None:
    assert "REQUEST" not in types(code("Germany agreed to the compromise with Poland."))


@pytest.mark.parametrize(
    "text",
    [
        "58 percent of Germans support the new law, a survey showed.",
        "A poll found that most Chileans back the plan.",
    ],
)
def test_poll_figures_are_no_events(code: Code, text: str) -> None:
    assert code(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Acme cut prices in Germany to fight off its rivals.",
        "Acme is battling for subscribers in Kenya.",
    ],
)
def test_a_firms_fight_for_customers_is_no_attack(code: Code, text: str) -> None:
    assert "ASSAULT" not in types(code(text))


def test_a_chamber_confirming_a_role_noun_supports_a_person(code: Code) -> None:
    got = code("The US Senate voted to confirm the new defence secretary.")
    assert "SUPPORT" in types(got)


def test_a_confirmed_fact_is_no_support(code: Code) -> None:
    assert "SUPPORT" not in types(code("The ministry confirmed the report on Tuesday."))


@pytest.mark.parametrize(
    "text",
    [
        "NATO defence ministers met in Brussels on Tuesday.",
        "United Nations envoys met in Warsaw to discuss the crisis.",
    ],
)
def test_a_bodys_members_meeting_is_a_consultation(code: Code, text: str) -> None:
    assert "CONSULT" in types(code(text))


def test_one_side_talking_is_no_consultation(code: Code) -> None:
    assert "CONSULT" not in types(code("Tomas Brandt talked about the weather."))


@pytest.mark.parametrize(
    "text",
    [
        "In a telephone call with Anna Velkor, Tomas Brandt urged France to lift the ban.",
        "During a phone call with Lena Okafor, Marek Novak urged Nigeria to free the prisoners.",
    ],
)
def test_a_call_in_which_an_act_is_done_is_a_consultation(code: Code, text: str) -> None:
    calls = [e for e in code(text) if e.type == "CONSULT"]
    assert calls and calls[0].mode == "phone"
    assert calls[0].modality == "asserted"  # the call happened, whatever was asked in it
    assert "REQUEST" in types(code(text))


def test_a_call_beside_an_act_aimed_elsewhere_is_left_to_the_act(code: Code) -> None:
    got = code("Tomas Brandt condemned the rebels in a phone call with Anna Velkor.")
    assert "CONSULT" not in types(got)


@pytest.mark.parametrize(
    "text",
    [
        "Lena Okafor apologised on Monday for her government's handling of the floods.",
        "Tomas Brandt apologised to German farmers for the new rules.",
    ],
)
def test_an_apology_at_home_is_a_concession(code: Code, text: str) -> None:
    assert types(code(text)) == ["CONCEDE"]


def test_an_apology_to_another_state_stays_support(code: Code) -> None:
    assert types(code("Chile apologised to Peru for the border incident.")) == ["SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "Germany sent 20 warplanes and three frigates toward Poland.",
        "Chile dispatched two destroyers to the coast of Peru.",
    ],
)
def test_warplanes_and_warships_sent_are_mobilization(code: Code, text: str) -> None:
    assert "MOBILIZE" in types(code(text))


def test_what_the_two_leaders_do_together_is_both_theirs(code: Code) -> None:
    events = code("Anna Velkor met Tomas Brandt in Paris. The two leaders signed an accord.")
    signed = [e for e in events if e.type == "SUPPORT"]
    assert signed
    assert {a.name for a in signed[0].actor} == {"Anna Velkor", "Tomas Brandt"}


@pytest.mark.parametrize(
    "text",
    [
        "Lena Okafor toured the flood damage on Monday.",
        "The Polish army gave journalists a tour of the destroyed village.",
    ],
)
def test_a_tour_of_a_site_is_no_visit(code: Code, text: str) -> None:
    assert "CONSULT" not in types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "NATO welcomed the signing of a peace deal between Chile and the rebels.",
        "The ratification of the treaty by Poland angered the rebels.",
    ],
)
def test_a_signing_named_as_a_noun_is_the_signers_support(code: Code, text: str) -> None:
    signers = [e for e in code(text) if e.type == "SUPPORT" and e.actor[0].id != "kb:NATO"]
    assert signers
