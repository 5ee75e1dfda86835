"""Descriptors: a noun phrase gives a country and a sector. Docs are built by hand (words,
heads, dependency labels, lemmas), so no model is loaded and a model upgrade cannot change
what these tests mean."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from eventline.nlp.descriptors import descriptor_actor

_VOCAB = spacy.blank("en").vocab


def _phrase(
    words: list[str], heads: list[int], deps: list[str], *, lemmas: list[str] | None = None
) -> Span:
    """A doc of `words` and its whole span (head indices are absolute)."""
    doc = Doc(_VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas or words)
    return doc[:]


def test_demonym_and_role_noun() -> None:
    span = _phrase(["Kenyan", "farmers"], [1, 1], ["amod", "ROOT"], lemmas=["Kenyan", "farmer"])
    assert descriptor_actor(span) == ("KEN", "AGR")
    span = _phrase(["a", "Brazilian", "judge"], [2, 2, 2], ["det", "amod", "ROOT"])
    assert descriptor_actor(span) == ("BRA", "JUD")


def test_named_body_gives_both_codes() -> None:
    span = _phrase(["the", "Pentagon"], [1, 1], ["det", "ROOT"])
    assert descriptor_actor(span) == ("USA", "MIL")
    span = _phrase(["Hamas", "fighters"], [1, 1], ["compound", "ROOT"])
    assert descriptor_actor(span) == ("PSE", "REB")


def test_country_after_the_head_and_multiword_roles() -> None:
    words = ["judges", "in", "Brazil"]
    span = _phrase(words, [0, 0, 1], ["ROOT", "prep", "pobj"], lemmas=["judge", "in", "Brazil"])
    assert descriptor_actor(span) == ("BRA", "JUD")
    span = _phrase(["French", "riot", "police"], [2, 2, 2], ["amod", "compound", "ROOT"])
    assert descriptor_actor(span) == ("FRA", "COP")


def test_no_state_no_country_and_plain_nouns_no_actor() -> None:
    span = _phrase(["the", "refugees"], [1, 1], ["det", "ROOT"], lemmas=["the", "refugee"])
    assert descriptor_actor(span) == (None, "REF")
    span = _phrase(["the", "weather"], [1, 1], ["det", "ROOT"])
    assert descriptor_actor(span) == (None, None)
    span = _phrase(
        ["Russian", "and", "Chinese", "diplomats"], [3, 0, 0, 3], ["amod", "cc", "conj", "ROOT"]
    )
    assert descriptor_actor(span)[0] is None  # two states: no single country


def test_role_nouns_the_agents_file_lacks() -> None:
    span = _phrase(["Peruvian", "miners"], [1, 1], ["amod", "ROOT"], lemmas=["Peruvian", "miner"])
    assert descriptor_actor(span) == ("PER", "LAB")
