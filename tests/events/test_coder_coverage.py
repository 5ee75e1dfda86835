"""Vocabulary and argument rules added for broader news coverage, on sentences written for
these tests: each construction that must yield an event, and near misses that must not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.eval.plover_gsr import plover_type
from eventline.events.document import CodedDoc, code_doc
from eventline.events.patterns import lexicon
from eventline.model import EventMention

pytestmark = pytest.mark.slow

Parse = Callable[[str], Doc]


def code(parse: Parse, text: str, *, published: str = "2024-03-14") -> CodedDoc:
    return code_doc(parse(text), article_id="t", published=published)


def of_type(events: list[EventMention], etype: str) -> list[EventMention]:
    return [e for e in events if e.type == etype]


def countries(refs: tuple) -> list[str | None]:
    return [r.country for r in refs]


@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Germany demolished dozens of homes near the border.", "COERCE", "seize"),
        ("Police in Poland dispersed the demonstrators on Sunday.", "COERCE", "restrict"),
        ("France dismissed the proposal from Germany.", "REJECT", None),
        ("Nigeria halted aid to the rebels.", "SANCTION", "discontinue"),
        ("Germany suspended part of its military aid to Poland.", "SANCTION", "discontinue"),
        ("Poland dispatched troops to the border.", "MOBILIZE", "troops"),
        ("Last week the rebels surrendered to Nigeria.", "RETREAT", "disarm"),
        ("Chile allowed access for the inspectors.", "RETREAT", "access"),
        ("Peru declared a unilateral ceasefire on Friday.", "RETREAT", "ceasefire"),  # CAMEO 0871
        ("Peru retook the town from the rebels.", "ASSAULT", "territory"),
        ("Velkor lauded Okafor for the reform.", "SUPPORT", None),
        ("Poland shared intelligence with Germany.", "COOPERATE", "intelligence"),
    ],
)
def test_new_vocabulary(parse: Parse, text: str, etype: str, mode: str | None) -> None:
    events = of_type(code(parse, text).events, etype)
    assert events, [(e.type, e.trigger) for e in code(parse, text).events]
    assert mode is None or mode in {e.mode for e in events} or mode in events[0].context


def test_partitive_object_needs_its_noun(parse: Parse) -> None:
    # "part of the budget" is no aid: the object condition looks through "part of".
    events = code(parse, "Germany suspended part of the budget debate.").events
    assert not of_type(events, "SANCTION")


def test_declined_to_is_reject_but_declined_alone_is_not(parse: Parse) -> None:
    assert of_type(code(parse, "Novak declined to resign.").events, "REJECT")
    assert not of_type(code(parse, "Exports from Poland declined sharply.").events, "REJECT")


def test_warning_of_future_action_is_threaten_not_a_forecast(parse: Parse) -> None:
    threat = code(parse, "France warned that it will expel the envoy from Peru.").events
    assert of_type(threat, "THREATEN")
    forecast = code(parse, "France warned that prices could rise.").events
    assert not of_type(forecast, "THREATEN")


def test_on_strike_is_a_labour_strike(parse: Parse) -> None:
    events = code(parse, "Nigerian teachers went on strike on Monday.").events
    assert of_type(events, "PROTEST") and not of_type(events, "ASSAULT")
    assert not of_type(code(parse, "France condemned the strikes on Peru.").events, "PROTEST")


def test_unnamed_protesters_take_the_country_of_the_protest(parse: Parse) -> None:
    ev = of_type(code(parse, "Thousands of students demonstrated in Chile.").events, "PROTEST")
    assert ev and countries(ev[0].actor) == ["CHL"]


def test_speech_obligation_is_a_request(parse: Parse) -> None:
    ev = of_type(code(parse, "Velkor said Germany must release the prisoners.").events, "REQUEST")
    assert ev and (countries(ev[0].actor), countries(ev[0].recipient)) == (["FRA"], ["DEU"])


def test_a_subjunctive_after_insisting_is_a_request(parse: Parse) -> None:
    text = "Velkor insisted that Germany release the prisoners."
    ev = of_type(code(parse, text).events, "REQUEST")
    assert ev and (countries(ev[0].actor), countries(ev[0].recipient)) == (["FRA"], ["DEU"])


@pytest.mark.parametrize(
    "text",
    [
        "Velkor insisted that Germany released the prisoners.",  # a reported fact, no demand
        "Velkor said France must act now.",  # the speaker's own obligation
        "Velkor did not say Germany must leave.",  # negated speech
        "Velkor said the weather must improve.",  # no one obliged
    ],
)
def test_no_request_without_someone_else_obliged(parse: Parse, text: str) -> None:
    assert not of_type(code(parse, text).events, "REQUEST")


def test_clashes_between_two_sides_name_both(parse: Parse) -> None:
    ev = of_type(code(parse, "Clashes between Peru and Chile left ten dead.").events, "ASSAULT")
    assert ev and sorted(countries(ev[0].actor)) == ["CHL", "PER"]


def test_it_from_the_previous_sentence_subject(parse: Parse) -> None:
    ev = of_type(code(parse, "Poland denied the report. It later arrested Novak.").events, "COERCE")
    assert ev and countries(ev[0].actor) == ["POL"]


def test_responder_is_the_recipient_of_an_attack(parse: Parse) -> None:
    text = "Peru began attacks on March 2 and Chile responded with rockets."
    ev = of_type(code(parse, text).events, "ASSAULT")
    assert ev and (countries(ev[0].actor), countries(ev[0].recipient)) == (["PER"], ["CHL"])


def test_no_event_under_negation_hypothesis_or_question(parse: Parse) -> None:
    neg = of_type(code(parse, "Germany did not dispatch troops to Poland.").events, "MOBILIZE")
    assert neg and all(e.modality == "negated" for e in neg)
    hyp = of_type(code(parse, "If Peru retakes the town, Chile will react.").events, "ASSAULT")
    assert all(e.modality != "asserted" for e in hyp)


def test_future_hostile_act_reduces_to_threaten(parse: Parse) -> None:
    ev = of_type(code(parse, "Germany will impose sanctions on Peru.").events, "SANCTION")
    assert ev and ev[0].modality == "planned" and plover_type(ev[0]) == "THREATEN"


def test_pattern_file_validates_new_keys() -> None:
    lex = lexicon()
    decline = [p for p in lex.verbs["decline"] if p.clausal == "xcomp"]
    assert decline and decline[0].specific
    assert any(p.under == frozenset({"on"}) for p in lex.nouns["strike"])
    assert all(p.sectors <= {"GOV", "MIL", "IGO", "LEG"} for p in lex.verbs["arrive"])


def test_pronoun_in_a_report_is_the_reporter(parse: Parse) -> None:
    text = "Poland, a close partner of Germany, said it would arrest Novak."
    ev = of_type(code(parse, text).events, "COERCE")
    assert ev and countries(ev[0].actor) == ["POL"]


def test_on_alert_is_mobilisation(parse: Parse) -> None:
    ev = of_type(code(parse, "Polish troops remained on alert near the border.").events, "MOBILIZE")
    assert ev and countries(ev[0].actor) == ["POL"]
