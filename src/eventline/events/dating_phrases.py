"""Which noun a time expression names rather than the clause it stands in (`dating.py`): a
time written before a noun ("quit the 2015 nuclear deal", "condemned the June 13 strikes") and
a "since" phrase measuring a record ("its biggest attack since 2022")."""

from __future__ import annotations

from spacy.tokens import Token

# Modifiers written before a noun ("the 2015 nuclear deal", "the June 13 strikes"): the time
# names that noun, the way a possessive time does ("Saturday's strikes").
_PRENOMINAL = frozenset({"nummod", "compound", "nmod", "amod"})
# Prepositions that put a clause inside the time of the noun they govern ("clashed during the
# 2009 election protests"), and verbs whose act is the time of their object ("won the 2024
# election", "hosted the 2023 summit").
_FRAMING = frozenset({"during", "in", "at", "amid", "throughout"})
_TAKING_PART = frozenset(
    {"win", "lose", "hold", "host", "attend", "contest", "boycott", "stage", "skip"}
)


def names_noun(root: Token) -> bool:
    """Whether a timex headed by `root` is a modifier before a noun that is not the clause's
    subject ("threatened to quit the 2015 nuclear deal", "condemned the June 13 strikes"): it
    tells which deal or strikes, not when the clause's act happened; an event noun is dated by
    it through `TimexIndex.in_phrase`. A subject keeps it ("the 2015 deal collapsed")."""
    noun = root.head
    return (
        root.dep_ in _PRENOMINAL
        and root.i < noun.i
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ not in ("nsubj", "nsubjpass", "ROOT")
    )


def shares_time(noun: Token) -> bool:
    """Whether the clause happens at the time of a noun it names: within it ("during the 2009
    protests") or by taking part in it ("won the 2024 election")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _FRAMING:
        return True
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _TAKING_PART


# Modifiers that make a noun a record measured over a span ("its biggest attack since 2022",
# "the first visit since 2019", "the lowest level in a decade").
_RECORD_WORDS = frozenset({"first", "last", "only", "biggest", "largest", "worst", "best"})


def _record(noun: Token) -> bool:
    return any(
        c.dep_ == "amod" and (c.tag_ in ("JJS", "RBS") or c.lower_ in _RECORD_WORDS)
        for c in noun.children
    )


def record_since_timex(root: Token) -> bool:
    """Whether a timex headed by `root`, after "since", measures a record (`record_since`)."""
    return root.dep_ == "pobj" and record_since(root.head)


def record_since(prep: Token) -> bool:
    """Whether a "since" phrase measures a record ("launched its biggest attack since 2022 on
    Monday", "the first visit since 2019", "rose at the fastest pace since March"): it says
    since when nothing matched the act, not when the act happened or began. The parser hangs
    the phrase on the record noun or on the clause verb with that noun as an argument."""
    if prep.lower_ != "since" or prep.head == prep:
        return False
    host = prep.head
    if host.pos_ in ("NOUN", "PROPN"):
        return _record(host)
    args = [c for c in host.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")]
    args += [p for c in host.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(_record(a) for a in args)
