"""Office holders, demonyms and named bodies: data rules without a model, then the components
on sentences written for these tests (including cases where the knowledge must not apply)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from spacy.language import Language

from eventline.errors import ResourceError
from eventline.nlp.holders import Holder, HolderIndex, HoldersFile, load_holders
from eventline.nlp.kb import load_kb
from eventline.nlp.kb_build import demonym_plurals


def test_plural_rule_skips_uncountable_and_name_like_forms() -> None:
    adjectives = ["Ugandan", "Israeli", "Filipino", "Chinese", "Irish", "French", "U.S."]
    adjectives += ["Myanmar", "Icelandic", "Kyrgyz"]
    assert demonym_plurals(adjectives, ["Myanmar"]) == ["Ugandans", "Israelis", "Filipinos"]


def test_demonyms_and_rule_plurals_reach_countries_that_lacked_them() -> None:
    kb = load_kb()
    for code, adjective, plural in [
        ("UGA", "Ugandan", "Ugandans"),
        ("GHA", "Ghanaian", "Ghanaians"),
        ("LBR", "Liberian", "Liberians"),
        ("PSE", "Palestinian", "Palestinians"),
        ("IRQ", "Iraqi", "Iraqis"),
        ("MKD", "Macedonian", "Macedonians"),
        ("GBR", "British", "Britons"),
    ]:
        forms = kb.actors[code].adjectives
        assert adjective in forms and plural in forms, code


def test_bodies_have_sectors() -> None:
    kb = load_kb()
    sectors = {a.name: a.sector for a in kb.actors.values()}
    assert sectors["European Community"] == "IGO"
    assert sectors["Asia-Pacific Economic Cooperation"] == "IGO"
    assert sectors["Human Rights Watch"] == "NGO"
    assert sectors["Xinhua"] == "MED"


def test_lookup_needs_an_unambiguous_surname_and_a_matching_first_name() -> None:
    index = load_holders()
    putin = index.lookup("Putin")
    assert putin is not None and putin.country == "RUS"
    assert index.lookup("Vladimir Putin") == putin
    assert index.lookup("Igor Putin") is None  # another first name: another person
    assert index.lookup("Hussein") is None  # Iraq's Saddam and Jordan's king
    assert index.lookup("Johnson") is None  # too common a surname to use bare
    bush = index.lookup("Bush")
    assert bush is not None and bush.country == "USA" and len(bush.names) == 2
    annan = index.lookup("Kofi Annan")
    assert annan is not None and annan.country is None and annan.sector == "IGO"


def test_bad_holder_records_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Holder(name="A B", country="RUS", offices=["president 2010-2001"])
    with pytest.raises(ValidationError):
        Holder(name="A B", country="XXX", offices=["president 2010-"])
    with pytest.raises(ValidationError):
        Holder(name="A B", country=None, offices=["president 2010-"])
    data = HoldersFile(
        version=1, holders=[Holder(name="A B", country="RUS", offices=["astronaut 2001-"])]
    )
    with pytest.raises(ResourceError):
        HolderIndex(data)


def _found(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    out = {}
    for span in doc.spans["actors"]:
        actor = span._.actor
        out[span.text] = (actor.country, actor.sector) if actor else (None, None)
    return out


@pytest.mark.slow
def test_titled_and_bare_leaders_take_their_country(nlp: Language) -> None:
    found = _found(nlp, "President Yoweri Museveni opened the new bridge on Monday.")
    assert found["Yoweri Museveni"] == ("UGA", "GOV")
    found = _found(nlp, "Putin told reporters on Friday that the talks had failed.")
    assert found["Putin"][0] == "RUS"
    found = _found(nlp, "British Defence Secretary Alan Fenwick visited the base in Oslo.")
    assert found["Alan Fenwick"] == ("GBR", "MIL")


@pytest.mark.slow
def test_known_leader_is_not_forced_on_another_person(nlp: Language) -> None:
    found = _found(nlp, "Igor Putin, a footballer, scored twice. Putin said he was happy.")
    assert found["Putin"][0] is None and found["Igor Putin"][0] is None
    found = _found(nlp, "Serbian striker Putin scored twice on Saturday.")
    assert found["Putin"][0] == "SRB"  # the demonym's country (a striker), never Russia's
    found = _found(nlp, "Michael Jordan scored 40 points on Sunday. Jordan said he was tired.")
    assert all(country != "JOR" for country, _ in found.values())


@pytest.mark.slow
def test_peoples_groups_and_bodies(nlp: Language) -> None:
    found = _found(nlp, "Palestinians protested while Ghanaian authorities deported traders.")
    assert found["Palestinians"][0] == "PSE"
    assert found["Ghanaian authorities"] == ("GHA", "GOV")
    found = _found(nlp, "Amnesty International and Human Rights Watch criticised the EC.")
    assert found["Amnesty International"] == (None, "NGO")
    assert found["Human Rights Watch"] == (None, "NGO")
    found = _found(nlp, "Iraqi soldiers and Palestinian protesters faced Russian officials.")
    assert found["Iraqi soldiers"] == ("IRQ", "MIL")
    assert found["Palestinian protesters"] == ("PSE", "CVL")
    assert found["Russian officials"] == ("RUS", "GOV")
    found = _found(nlp, "Ethnic Albanians marched through the town in Serbia.")
    assert "Albanians" not in found


# Territories without a demonym of their own, and two states whose demonym is another's
# ("Congolese" is DR Congo's, "Dominican" the Dominican Republic's).
_NO_DEMONYM = {"ALA", "ATA", "ATF", "BES", "BLM", "BVT", "CCK", "COG", "CXR", "DMA", "GGY"}
_NO_DEMONYM |= {"GUF", "HMD", "IMN", "IOT", "JEY", "MAF", "MSR", "MYT", "NFK", "NIU", "PCN"}
_NO_DEMONYM |= {"REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TKL", "UMI", "WLF"}


def test_every_other_country_has_a_demonym() -> None:
    kb = load_kb()
    missing = {a.id for a in kb.actors.values() if a.type == "country" and not a.adjectives}
    assert missing <= _NO_DEMONYM


@pytest.mark.slow
def test_institution_swallows_an_ner_fragment(nlp: Language) -> None:
    found = _found(nlp, "Israel's Cabinet met on Sunday and approved the new budget.")
    assert found["Israel's Cabinet"] == ("ISR", "GOV")
    assert "Cabinet" not in found
