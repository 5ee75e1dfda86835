"""Which time expression dates which clause (`TimexIndex`), on parses built by hand, and
story time for past events without a timex of their own (model-parsed, marked slow)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventline.events.dating import FoundTimex, TimexIndex
from eventline.events.document import code_doc
from eventline.model import EventMention

Row = tuple[str, int, str, str, str]  # word, head, dep, pos, tag


def build(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))]
    return Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
    )


def timex(doc: Doc, first: int, last: int, date: str | None, precision: str | None) -> FoundTimex:
    span = doc[first : last + 1]
    value = date if date else "XXXX-WXX-5"
    return FoundTimex(
        span.start_char, span.end_char, span.text, "DATE", value, None, date, precision
    )


# "Velkor met Brandt Friday in a meeting since Brandt 's election in July ."
MET: list[Row] = [
    ("Velkor", 1, "nsubj", "PROPN", "NNP"),
    ("met", 1, "ROOT", "VERB", "VBD"),
    ("Brandt", 1, "dobj", "PROPN", "NNP"),
    ("Friday", 1, "npadvmod", "PROPN", "NNP"),
    ("in", 1, "prep", "ADP", "IN"),
    ("a", 6, "det", "DET", "DT"),
    ("meeting", 4, "pobj", "NOUN", "NN"),
    ("since", 6, "prep", "ADP", "IN"),
    ("Brandt", 10, "poss", "PROPN", "NNP"),
    ("'s", 8, "case", "PART", "POS"),
    ("election", 7, "pobj", "NOUN", "NN"),
    ("in", 10, "prep", "ADP", "IN"),
    ("July", 11, "pobj", "PROPN", "NNP"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_time_of_another_event_in_the_clause_does_not_date_it() -> None:
    doc = build(MET)
    index = TimexIndex(doc, [timex(doc, 12, 12, "2024-07", "month")])
    assert index.of_clause(doc[1]) is None


def test_the_verbs_own_time_dates_it() -> None:
    doc = build(MET)
    own = timex(doc, 3, 3, "2024-10-11", "day")
    index = TimexIndex(doc, [own, timex(doc, 12, 12, "2024-07", "month")])
    assert index.of_clause(doc[1]) == own


def test_an_unresolved_own_time_leaves_the_clause_to_its_report() -> None:
    doc = build(MET)
    index = TimexIndex(doc, [timex(doc, 3, 3, None, None), timex(doc, 12, 12, "2024-07", "month")])
    assert index.of_clause(doc[1]) is None


# "Paris condemned the strikes on Saturday ."
CONDEMNED: list[Row] = [
    ("Paris", 1, "nsubj", "PROPN", "NNP"),
    ("condemned", 1, "ROOT", "VERB", "VBD"),
    ("the", 3, "det", "DET", "DT"),
    ("strikes", 1, "dobj", "NOUN", "NNS"),
    ("on", 3, "prep", "ADP", "IN"),
    ("Saturday", 4, "pobj", "PROPN", "NNP"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_time_on_the_object_dates_the_clause_when_nothing_better() -> None:
    doc = build(CONDEMNED)
    sat = timex(doc, 5, 5, "2025-06-21", "day")
    index = TimexIndex(doc, [sat])
    assert index.of_clause(doc[1]) == sat
    assert index.in_phrase(doc[3]) == sat
    assert index.story_time(doc[0:7]) == sat


# "Peru left two days after the vote on Monday ."
AFTER: list[Row] = [
    ("Peru", 1, "nsubj", "PROPN", "NNP"),
    ("left", 1, "ROOT", "VERB", "VBD"),
    ("two", 3, "nummod", "NUM", "CD"),
    ("days", 4, "npadvmod", "NOUN", "NNS"),
    ("after", 1, "prep", "ADP", "IN"),
    ("the", 6, "det", "DET", "DT"),
    ("vote", 4, "pobj", "NOUN", "NN"),
    ("on", 6, "prep", "ADP", "IN"),
    ("Monday", 7, "pobj", "PROPN", "NNP"),
    (".", 1, "punct", "PUNCT", "."),
]


def test_a_time_of_the_event_related_to_is_not_the_clauses_nor_the_story_time() -> None:
    doc = build(AFTER)
    index = TimexIndex(doc, [timex(doc, 8, 8, "2025-06-23", "day")])
    assert index.of_clause(doc[1]) is None
    assert index.story_time(doc[0:10]) is None


Parse = Callable[[str], Doc]


def coded(parse: Parse, text: str, published: str = "2024-03-14") -> list[EventMention]:
    return code_doc(parse(text), article_id="t", published=published).events


@pytest.mark.slow
def test_a_past_event_continues_the_story_time(parse: Parse) -> None:
    text = "On Monday, Peru attacked Chile. Velkor has condemned the attack by Peru."
    found = [e for e in coded(parse, text) if e.type == "ACCUSE"]
    assert found and all((e.date, e.date_precision) == ("2024-03-11", "day") for e in found)


@pytest.mark.slow
def test_a_future_event_keeps_its_report_date(parse: Parse) -> None:
    text = "On Monday, Peru attacked Chile. Germany will impose sanctions on Peru."
    found = [e for e in coded(parse, text) if e.type == "SANCTION"]
    assert found and all(e.date_precision == "report" for e in found)


@pytest.mark.slow
def test_the_sayings_date_is_not_the_reported_events(parse: Parse) -> None:
    text = "Velkor said on Monday that Peru had attacked Chile."
    found = [e for e in coded(parse, text) if e.type == "ASSAULT"]
    assert found and all(e.date != "2024-03-11" for e in found)


@pytest.mark.slow
def test_a_weekday_against_a_year_less_date_tied_to_a_weekday(parse: Parse) -> None:
    text = "Velkor flew to Berlin on Sunday (March 10). On Saturday, France condemned Peru."
    found = [e for e in coded(parse, text, published="--03-11") if e.type == "ACCUSE"]
    assert found and all(e.date == "--03-09" for e in found)


def test_an_event_nouns_phrase_time_is_not_that_of_an_event_it_relates_to() -> None:
    doc = build(MET)
    july = timex(doc, 12, 12, "2024-07", "month")
    index = TimexIndex(doc, [july])
    assert index.in_phrase(doc[6]) is None  # "meeting since Brandt's election in July"
    assert index.in_phrase(doc[10]) == july  # "election in July"
