"""The event stage's data files: one ontology, cue lists that are all read, generated verbs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventline.errors import ResourceError
from eventline.events.ontology import ontology
from eventline.events.patterns import lexicon

EVENTS = Path(__file__).resolve().parents[2] / "src" / "eventline" / "events"


def test_an_unknown_cue_name_is_an_error() -> None:
    with pytest.raises(ResourceError, match="no cue list named 'speach_verbs'"):
        lexicon().cue("speach_verbs")


def test_every_cue_list_is_read_by_the_code_and_every_name_read_exists() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in EVENTS.rglob("*.py"))
    used = set(re.findall(r"""cue\(\s*["']([a-z_]+)["']\s*\)""", source))
    defined = set(lexicon().cues)
    assert used - defined == set()
    assert defined - used == set(), "cue lists nobody reads (a Python twin elsewhere?)"


def test_the_ontology_knows_types_modes_scores_and_cameo_codes() -> None:
    onto = ontology()
    assert len(onto.types) == 16
    assert onto.types["ASSAULT"].quad == "material-conflict"
    assert onto.types["AID"].recipient_required
    assert onto.score("CONSULT", "visit") == 4.0 and onto.score("CONSULT", None) == 2.5
    assert onto.score("RETREAT", "ease") == 6.5  # a mode without a score takes the type's
    assert onto.cameo("CONSULT", "phone") == "041"
    assert onto.cameo("ACCUSE", None) in {"090", "110"}
    assert onto.cameo("THREATEN", "no-such-mode") == "130"
    assert onto.goldstein("ASSAULT") == -10.0


def test_a_mode_outside_the_ontology_is_an_error() -> None:
    with pytest.raises(ResourceError, match="'carpet' is not a mode of ASSAULT"):
        ontology().check("ASSAULT", "carpet", where="test", path="patterns.yaml")
    with pytest.raises(ResourceError, match="not a PLOVER event type"):
        ontology().check("FIGHT", None, where="test", path="patterns.yaml")


def test_generated_vocabulary_is_broad_and_typed() -> None:
    generated = lexicon().generated
    assert len(generated) > 500
    assert generated["apprehend"].type == "COERCE" and generated["apprehend"].mode == "arrest"
    assert generated["belittle"].type == "ACCUSE" and generated["belittle"].cameo == "111"
    assert "kidnap" not in generated  # a curated verb keeps its curated pattern only
    assert all(p.type in ontology().types for p in generated.values())
    assert "say" not in generated and "face" not in generated  # the deny list holds
