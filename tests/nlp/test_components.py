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
