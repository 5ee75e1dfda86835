"""Error classes of the after12 review (#13), on sentences written for these tests: every
named member of a long list of bodies acting together is a party, even when the parser hangs
the second member on the first as an apposition ("the Bank of X, the Bank of Y, ... and the
Bank of Z announced")."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventline.events.document import code_doc
from eventline.model import EventMention
from tests.events.conftest import tag_actors, text_coder

pytestmark = pytest.mark.slow

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Federal Reserve": ("kb:USA_CB", "Federal Reserve", "USA", "GOV", "ORG"),
    "Bank of England": ("kb:GBR_CB", "Bank of England", "GBR", "GOV", "ORG"),
    "Bank of Japan": ("kb:JPN_CB", "Bank of Japan", "JPN", "GOV", "ORG"),
    "Bank of Korea": ("kb:KOR_CB", "Bank of Korea", "KOR", "GOV", "ORG"),
    "Reserve Bank of Australia": ("kb:AUS_CB", "Reserve Bank of Australia", "AUS", "GOV", "ORG"),
    "Anna Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "French foreign minister": ("kb:FRA_GOV", "France", "FRA", "GOV", "ORG"),
    "Tomas Brandt": ("p_brandt", "Tomas Brandt", "DEU", "GOV", "PERSON"),
}

Code = Callable[[str], list[EventMention]]


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(nlp, TABLE, "2021-03-10")


def names(event: EventMention) -> set[str]:
    return {a.name for a in event.actor}


BANKS = {"Bank of Korea", "Bank of England", "Reserve Bank of Australia", "Bank of Japan"}


def test_listed_banks_all_act(code: Code) -> None:
    text = (
        "The Bank of Korea, the Bank of England, the Reserve Bank of Australia and the "
        "Bank of Japan agreed on Tuesday to cooperate on payment systems."
    )
    (event,) = [e for e in code(text) if e.trigger == "agreed"]
    assert names(event) == BANKS


def test_listed_banks_behind_a_pronoun(code: Code) -> None:
    text = (
        "At noon, the Bank of Korea, the Bank of England, the Reserve Bank of Australia "
        "(RBA), the Federal Reserve and the Bank of Japan jointly announced that they "
        "would lend dollars to banks."
    )
    (event,) = [e for e in code(text) if e.trigger == "lend"]
    assert names(event) == BANKS | {"Federal Reserve"}


def test_apposition_naming_the_same_side_is_no_member(code: Code) -> None:
    text = "Anna Velkor, the French foreign minister, and Tomas Brandt agreed to meet in May."
    found = [e for e in code(text) if e.trigger == "agreed"]
    assert found
    assert {a.id for a in found[0].actor} <= {"p_velkor", "p_brandt"}


GOODS: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Air Meridia": ("act_am", "Air Meridia", "BRA", "BUS", "ORG"),
    "new Skyforge A400 jets": ("act_jets", "new Skyforge A400 jets", "CHN", "MIL", "ORG"),
    "Chinese": ("kb:CHN", "China", "CHN", None, "NORP"),
}


@pytest.fixture(scope="module")
def code_goods(nlp: Language) -> Code:
    def run(text: str) -> list[EventMention]:
        doc: Doc = tag_actors(nlp(text), GOODS)
        return code_doc(doc, article_id="t", published="2021-03-10").events

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Air Meridia to purchase twenty new Skyforge A400 jets",
        "Air Meridia will buy twenty new Chinese jets, the carrier said on Friday.",
    ],
)
def test_company_buying_goods_is_no_event(code_goods: Code, text: str) -> None:
    assert not code_goods(text)


def test_bought_goods_are_no_recipient(code_goods: Code) -> None:
    text = "The Chinese government agreed to purchase twenty new Skyforge A400 jets."
    for event in code_goods(text):
        assert all(r.id != "act_jets" for r in event.recipient)
