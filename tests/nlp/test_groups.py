"""Groups named by description (`nlp.groups`): party members and state bodies of the
document's country. The pure parts are tested without a model; the spans with it (slow)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from eventline.nlp.context import dominant_country
from eventline.nlp.groups import _family_of, _parties, _Party, _party_country

_STRIP = re.compile(r"\b(?:of (?:the )?)?(?:canada|australian)\b")


def test_party_family_is_the_name_less_its_country() -> None:
    assert _family_of("conservative party of canada", _STRIP) == "conservative"
    assert _family_of("australian labor party", _STRIP) == "labor"
    assert _family_of("labour", _STRIP) == "labour"
    assert _family_of("social democratic party", _STRIP) is None


def test_party_words_have_kb_countries() -> None:
    parties = _parties()
    assert {"USA", "BOL"} <= parties["Republican"].candidates
    assert "GBR" in parties["Labour"].candidates
    assert parties["Tory"].candidates == frozenset({"GBR", "CAN"})


def test_document_countries_choose_the_party() -> None:
    party = _Party("labour", frozenset({"GBR", "NZL", "IRL"}), "GBR", bare=True)
    assert _party_country(party, {"NZL": 3, "AUS": 1}) == "NZL"
    assert _party_country(party, {"ISR": 4}) == "GBR"  # no candidate named: the default
    assert _party_country(party, {"NZL": 2, "IRL": 2}) is None  # a tie without the default
    nameless = _Party("socialist", frozenset({"FRA"}), None, bare=True)
    assert _party_country(nameless, {"DEU": 2}) is None


def test_dominant_country_needs_a_clear_share() -> None:
    assert dominant_country({"KEN": 4, "UGA": 1}, share=0.75) == "KEN"
    assert dominant_country({"KEN": 2, "UGA": 2}, share=0.75) is None
    assert dominant_country({}, share=0.75) is None


def _groups(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    return {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"])
        for s in doc.spans["actors"]
        if s.label_ == "GROUP"
    }


@pytest.mark.slow
def test_party_members_take_country_and_sector(nlp: Language) -> None:
    found = _groups(nlp, "Tory ministers and Labour MPs clashed over the Welsh budget.")
    assert found == {"Tory ministers": ("GBR", "GOV"), "Labour MPs": ("GBR", "LEG")}
    found = _groups(nlp, "Republicans in Ohio rejected a proposal by Democratic senators.")
    assert found["Republicans"] == ("USA", "PTY")
    assert found["Democratic senators"] == ("USA", "LEG")


@pytest.mark.slow
def test_state_bodies_take_the_country_the_document_established(nlp: Language) -> None:
    text = (
        "Zambian opposition leaders called for calm. "
        "The election commission said counting would resume, and police were deployed."
    )
    found = _groups(nlp, text)
    assert found["election commission"] == ("ZMB", "GOV")
    assert found["police"] == ("ZMB", "COP")
    # a sentence naming another country, and a person's "lawyer", stay the coder's
    found = _groups(nlp, "Zambian officials met. Police in Malawi detained his lawyer.")
    assert "Police" not in found and "lawyer" not in found


@pytest.mark.slow
def test_owner_and_foreign_modifiers_decide(nlp: Language) -> None:
    found = _groups(nlp, "Peruvian President Ollanta Humala said his government would resign.")
    assert found["government"] == ("PER", "GOV")
    found = _groups(nlp, "Chilean officials met. Foreign troops and an international tribunal")
    assert "troops" not in " ".join(found) and "tribunal" not in " ".join(found)


@pytest.mark.slow
def test_a_definite_title_without_country_is_the_documents_office_holder(nlp: Language) -> None:
    doc = nlp(
        "Malawian police dispersed a rally on Friday. "
        "The opposition leader blamed the interior minister, "
        "and the president of the bank resigned."
    )
    found = {
        s.text: (s.label_, s._.actor_ref["country"], s._.actor_ref["sector"])
        for s in doc.spans["actors"]
    }
    assert found["The opposition leader"] == ("DESC", "MWI", "OPP")
    assert found["the interior minister"] == ("DESC", "MWI", "GOV")
    assert "the president" not in found  # "of the bank": whose office the text says


@pytest.mark.slow
def test_shared_party_names_take_the_documents_country(nlp: Language) -> None:
    doc = nlp("Labour leader Chris Hipkins spoke. The Labour Party lost in New Zealand.")
    found = {s.text: (s.label_, s._.actor_ref["country"]) for s in doc.spans["actors"]}
    assert found["Labour Party"] == ("ORG", "NZL")
    assert "Labour leader" not in found  # a title of the person named after it


@pytest.mark.slow
def test_civilians_struck_take_no_country_from_the_document(nlp: Language) -> None:
    found = _groups(nlp, "Ethiopian forces shelled the town and killed dozens of civilians.")
    assert "civilians" not in found
    found = _groups(nlp, "Ethiopian authorities freed hundreds of prisoners.")
    assert found["prisoners"] == ("ETH", "CVL")


@pytest.mark.slow
def test_a_role_noun_takes_the_state_its_phrase_names(nlp: Language) -> None:
    found = _groups(nlp, "Ghanaian cocoa farmers and Peruvian trade unions marched on Friday.")
    assert found["Ghanaian cocoa farmers"] == ("GHA", "AGR")
    assert found["Peruvian trade unions"] == ("PER", "LAB")
    found = _groups(nlp, "Nurses in Zambia and refugees from Eritrea joined the rally.")
    assert found["Nurses in Zambia"] == ("ZMB", "HLH")
    assert found["refugees from Eritrea"] == ("ERI", "REF")
    found = _groups(nlp, "South African nurses met rebels in western Ethiopia.")
    assert found["South African nurses"] == ("ZAF", "HLH")  # "African" names the state here
    assert found["rebels in western Ethiopia"] == ("ETH", "REB")


@pytest.mark.slow
def test_a_described_group_needs_one_state_of_its_own(nlp: Language) -> None:
    # troops "in" a country are often another's; two states, a language, a named company
    found = _groups(nlp, "Soldiers in Mali guarded sailors from Chile and Peru.")
    assert not any(k.startswith(("Soldiers", "sailors")) for k in found)
    found = _groups(nlp, "The Polish-language broadcaster quoted Fiat, the Italian carmaker.")
    assert not any("broadcaster" in k or "carmaker" in k for k in found)
    found = _groups(nlp, "Shares of Danish brewer Carlsberg fell.")
    assert not any("brewer" in k for k in found)
    # one definite actor is most often one named before: coreference's, not a new group
    found = _groups(nlp, "Carlsberg said the Danish brewer would cut jobs.")
    assert not any("brewer" in k for k in found)


def test_a_university_takes_the_country_of_its_place() -> None:
    from eventline.nlp.groups import _school_country

    assert _school_country("University of Nairobi") == "KEN"
    assert _school_country("the University of Edinburgh") == "GBR"
    assert _school_country("Arizona State University") == "USA"
    assert _school_country("Brown University") is None  # a name, not a state or a country


@pytest.mark.slow
def test_a_university_the_ner_finds_is_edu(nlp: Language) -> None:
    doc = nlp("Researchers at the University of Cape Town published the data.")
    found = {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"]) for s in doc.spans["actors"]
    }
    assert found["University of Cape Town"] == ("ZAF", "EDU")


def test_a_name_read_as_a_role_phrase() -> None:
    from eventline.nlp.descriptors import phrase_sector

    assert phrase_sector(["Ministry", "of", "Defence"]) == "MIL"
    assert phrase_sector(["Boston", "Police", "Department"]) == "COP"
    assert phrase_sector(["Anglican", "Church"]) == "REL"
    assert phrase_sector(["Boston", "Red", "Sox"]) is None


@pytest.mark.slow
def test_a_body_with_a_country_takes_the_sector_its_name_gives(nlp: Language) -> None:
    doc = nlp("The Boston Police Department and the Serbian Orthodox Church issued statements.")
    found = {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"]) for s in doc.spans["actors"]
    }
    assert found["Boston Police Department"] == ("USA", "COP")
    assert found["Serbian Orthodox Church"] == ("SRB", "REL")
    doc = nlp("Officials criticised a raid on the Anglican Church.")  # no country: the coder's
    found = {
        s.text: (s._.actor_ref["country"], s._.actor_ref["sector"]) for s in doc.spans["actors"]
    }
    assert found.get("Anglican Church", (None, None))[1] is None
