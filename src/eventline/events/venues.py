"""The place a gathering is held in, read as no party to what is done at it (#11).

"Hungary vetoed the aid package at a meeting in Brussels", "urged restraint at a news
conference in Cairo", "signed the deal on the sidelines of a summit in Madrid": the town after
"in" on the gathering noun (or named before it, "at the Cairo conference") says where the act
happened. The actor index reads a noun's "in" phrase as whose it is ("students in Dhaka"), so
a recipient looked for under "at"/"on" would otherwise be the venue's state or the body seated
there. A party the gathering is held *with* ("at talks with Chile") stays a party, and a visit
is no gathering here: PLOVER makes a visit's host its recipient.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventline.events.patterns import lexicon

# Prepositions that place a gathering ("a summit in Madrid", "a meeting at the Kremlin").
_VENUE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# Entity labels of a place named before the gathering noun ("the Cairo conference").
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def is_gathering(tok: Token) -> bool:
    """Whether the word names a gathering an act can be done at."""
    words = lexicon().cue("gathering_nouns")
    return tok.lower_ in words or tok.lemma_.lower() in words


def venue_words(phrase: Token) -> set[int]:
    """Indices of the words under `phrase` that name where a gathering in it is held: the
    objects of a locative preposition on a gathering noun, and a place named as the noun's
    modifier, with their own modifiers and conjuncts."""
    found: set[int] = set()
    for noun in phrase.subtree:
        if noun.pos_ not in ("NOUN", "PROPN") or not is_gathering(noun):
            continue
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _VENUE_PREPS:
                found.update(t.i for p in child.children if p.dep_ == "pobj" for t in p.subtree)
            elif child.dep_ in ("compound", "nmod") and child.ent_type_ in _PLACE_LABELS:
                found.update(t.i for t in child.subtree)
    return found
