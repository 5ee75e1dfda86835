"""Type classes of issue #11 (types6), on sentences written for these tests: an assent that
is the content of a demand is the demand (REQUEST by the one who asks), a tour or a visit
made by a thing is no visit, and a firm's offer to its own workforce is no event."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventline.model import EventMention
from tests.events.conftest import ACTORS, text_coder

pytestmark = pytest.mark.slow

TABLE = {
    **ACTORS,
    "Acme": ("b_acme", "Acme", None, "BUS", "ORG"),
    "Globex": ("b_globex", "Globex", "DEU", "BUS", "ORG"),
    "the union": ("l_union", "Union", None, "LAB", "ORG"),
    "the rail union": ("l_union", "Union", None, "LAB", "ORG"),
    "the ministry": ("g_min", "Ministry", "FRA", "GOV", "ORG"),
    "the government": ("g_gov", "Government", "POL", "GOV", "ORG"),
    "Republican leaders": ("g_rep", "Republicans", "USA", "LEG", "NORP"),
    "IMF": ("kb:IMF", "IMF", None, "IGO", "ORG"),
    "Initech": ("o_initech", "Initech", None, None, "ORG"),
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
        "Republican leaders insisted that the union agree to deeper wage cuts.",
        "Poland demanded that Germany accept the new border checks.",
        "France asked that Nigeria sign the treaty before June.",
        "Germany required that Poland approve the deal.",
        "Chile proposed that Peru agree to a joint fund.",
        "Germany insisted that the rebels accept the ceasefire.",
        "France called for Nigeria to accept the refugees.",
        "France called on Nigeria to sign the accord.",
        "Chile conditioned the loan on Peru agreeing to pension cuts.",
        "Poland made it a condition that Germany sign the pact.",
    ],
)
def test_an_assent_demanded_is_the_request(code: Code, text: str) -> None:
    events = code(text)
    assert types(events) == ["REQUEST"]
    asked_by = {a.name for a in events[0].actor}
    assert events[0].recipient and not asked_by & {r.name for r in events[0].recipient}


@pytest.mark.parametrize(
    "text",
    [
        "Officials said that Germany agreed to the wage cuts.",
        "Tomas Brandt insisted that Poland had agreed to the plan.",
        "Marek Novak said that Chile would sign the treaty.",
    ],
)
def test_an_agreement_reported_in_a_that_clause_stays(code: Code, text: str) -> None:
    assert "REQUEST" not in types(code(text))
    assert code(text)


def test_a_demand_by_no_party_drops_the_assent(code: Code) -> None:
    assert code("The law required that the ministry approve every contract.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The departure of the new airliner on a tour of Asia was delayed.",
        "The departure from Chile of the new airliner on a tour of Asia was delayed.",
        "The band began a tour of Japan on Monday.",
        "The exhibition will go on a tour of Nigeria next year.",
        "The cruise ship arrived in Peru on a visit.",
        "Acme sent its new jet on a tour of Chile.",
    ],
)
def test_a_things_tour_is_no_visit(code: Code, text: str) -> None:
    assert "CONSULT" not in types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brandt began a tour of Kenya on Monday.",
        "The departure of Tomas Brandt on a tour of Nigeria was delayed.",
        "Anna Velkor, on a visit to Warsaw, signed a deal.",
    ],
)
def test_a_persons_tour_stays_a_visit(code: Code, text: str) -> None:
    assert "CONSULT" in types(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Acme announced it will offer voluntary buyouts to 22,000 employees.",
        "Globex offered early retirement to 5,000 workers.",
        "Globex offered its employees a bonus.",
        "Acme will give its staff a pay raise.",
        "Initech announced it will offer voluntary buyouts to 9,000 employees.",
    ],
)
def test_a_firms_offer_to_its_workforce_is_no_event(code: Code, text: str) -> None:
    assert code(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Globex offered Germany a new factory.",
        "Acme offered Poland a loan.",
        "Initech offered Poland a loan.",
    ],
)
def test_a_firms_offer_to_a_state_stays(code: Code, text: str) -> None:
    assert "AGREE" in types(code(text))
