"""The spaCy components on sentences written for these tests (model loaded once)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.model import Article
from eventline.nlp import docs_from_bytes, docs_to_bytes, extract_actors

pytestmark = pytest.mark.slow


def _actors(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    doc = nlp(text)
    out = {}
    for span in doc.spans["actors"]:
        actor = span._.actor
        out[span.text] = (actor.name, actor.country, actor.sector) if actor else (None, None, None)
    return out


def test_titles_give_country_sector_and_short_names_resolve(nlp: Language) -> None:
    found = _actors(
        nlp,
        "Brazilian Foreign Minister Carla Menezes arrived in Lisbon on Tuesday. "
        "Menezes later met Portugal's defence minister, Rui Albuquerque.",
    )
    assert found["Carla Menezes"] == ("Carla Menezes", "BRA", "GOV")
    assert found["Menezes"][0] == "Carla Menezes"
    assert found["Rui Albuquerque"][1:] == ("PRT", "MIL")
    assert found["Lisbon"][1:] == ("PRT", "GOV")


def test_past_roles_groups_and_descriptions(nlp: Language) -> None:
    doc = nlp(
        "Hamas military commander Yusuf Darwish met then-Prime Minister Anil Varma of India. "
        "The Kremlin said the Indian prime minister had left."
    )
    table = doc._.actor_table
    people = {e["name"]: e for e in table.values() if e["type"] == "person"}
    assert people["Yusuf Darwish"]["country"] == "PSE"
    assert people["Yusuf Darwish"]["sector"] == "REB"
    assert any(r["past"] for r in people["Anil Varma"]["roles"])
    kremlin = [s for s in doc.spans["actors"] if s.text == "The Kremlin"]
    assert kremlin and kremlin[0]._.actor.country == "RUS"


def test_institutions_and_no_person_from_a_headline_verb(nlp: Language) -> None:
    found = _actors(
        nlp, "Germany's foreign ministry summoned the envoy. Officials Say It Was Calm."
    )
    assert found["Germany's foreign ministry"][1:] == ("DEU", "GOV")
    assert not any(k.endswith("Was Calm") for k in found)


def test_cross_document_variants_merge_and_cache_round_trips(nlp: Language) -> None:
    bodies = [
        "Iranian Foreign Minister Abbas Araghchi flew to Oslo.",
        "Abbas Araqchi said talks would continue. The Iranian foreign minister smiled.",
        "The Iranian foreign minister was tired. Later the Iranian minister left.",
    ]
    articles = [
        Article(id=f"a{i}", document_id="d", source_path="x", item=i, body=b)
        for i, b in enumerate(bodies)
    ]
    result = extract_actors(nlp, articles)
    ids = {
        m.actor.id
        for m in result.mentions
        if m.actor and m.label in ("PERSON", "DESC") and m.actor.country == "IRN"
    }
    assert len(ids) == 1
    actor = next(a for a in result.actors if a.id in ids)
    assert {"Abbas Araghchi", "Abbas Araqchi"} <= set(actor.aliases)
    back = docs_from_bytes(nlp, docs_to_bytes(result.docs))
    assert back[1]._.article == "a1"
    assert [s._.actor for s in back[1].spans["actors"]] == [
        s._.actor for s in result.docs[1].spans["actors"]
    ]


def test_product_names_do_not_resolve_to_their_maker(nlp: Language) -> None:
    found = _actors(
        nlp,
        "Boeing said its 787 fleet was grounded. Airbus A380 jets flew to Dubai. "
        "NATO 32 members met. Toyota 500 workers went on strike.",
    )
    assert "Boeing" in found
    assert "Airbus" not in found
    assert found["NATO"][0] is not None
    assert "Toyota" in found


def test_country_less_title_takes_the_scene_a_foreign_visitor_came_to(nlp: Language) -> None:
    found = _actors(
        nlp,
        "Canadian Foreign Minister Anne Dubois flew to Nairobi on Monday. "
        "Dubois met then-President Peter Mwangi and Foreign Minister Grace Otieno.",
    )
    assert found["Peter Mwangi"][1:] == ("KEN", "GOV")
    assert found["Grace Otieno"][1] == "KEN"
    assert found["Dubois"] == ("Anne Dubois", "CAN", "GOV")
    alone = _actors(nlp, "President Lena Ortiz arrived in Warsaw on Monday. She met reporters.")
    assert alone["Lena Ortiz"][1] is None  # the traveller herself: no host is implied


def test_headline_fragment_is_cut_back_to_a_known_surname(nlp: Language) -> None:
    found = _actors(
        nlp,
        "Turkish President Recep Tayyip Erdogan spoke on Monday.\n\n"
        "Putin and Erdogan Condemn Israeli Actions in Phone Call",
    )
    assert found["Erdogan"] == ("Recep Tayyip Erdogan", "TUR", "GOV")
    assert not any(k.startswith("Erdogan ") for k in found)


def test_relatives_and_namesakes_in_other_documents_stay_apart(nlp: Language) -> None:
    bodies = [
        "Senator Mara Kellner of Ohio spoke in Congress on Monday.",
        "Her brother, the banker Tobias Kellner, declined to comment.",
        "German Chancellor Jonas Weber met Austrian Chancellor Lukas Weber in Vienna.",
    ]
    articles = [
        Article(id=f"k{i}", document_id="d", source_path="x", item=i, body=b)
        for i, b in enumerate(bodies)
    ]
    result = extract_actors(nlp, articles)
    ids = {m.text: m.actor.id for m in result.mentions if m.actor and m.label == "PERSON"}
    assert ids["Mara Kellner"] != ids["Tobias Kellner"]
    assert ids["Jonas Weber"] != ids["Lukas Weber"]


def test_a_country_before_a_currency_sign_is_money_not_a_party(nlp: Language) -> None:
    found = _actors(
        nlp,
        "The central bank offered 60 billion rubles (US $2.6 billion) to three banks. "
        "Canada lent the carmaker C$ 400 million, and the United States criticised the loan.",
    )
    assert "US" not in found and "C" not in found, found
    assert found["Canada"][1] == "CAN"
    assert [c for text, (_, c, _) in found.items() if "United States" in text] == ["USA"]
