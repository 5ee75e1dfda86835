"""`eventline_line_breaks_v1` on hand-made text (tokenizer only, no model): the sentence
starts it sets are read from one copy of the text, whatever the number of lines."""

from __future__ import annotations

import spacy

from eventline.nlp.line_breaks import LineBreaks


def _starts(text: str) -> list[str]:
    doc = LineBreaks()(spacy.blank("en").make_doc(text))
    return [t.text for t in doc if t.is_sent_start]


def test_every_line_and_a_space_token_line_break_start_sentences() -> None:
    text = "Dam talks stall\nEgypt and Sudan met \n\n  Ethiopia stayed away\nNile states wait"
    assert _starts(text) == ["Dam", "Egypt", "Ethiopia", "Nile"]


def test_a_dateline_on_a_later_line_ends_before_its_lead() -> None:
    text = "Port deal\nSide note\nACCRA, June 2 (Reuters) - Ghana and Togo signed a port deal."
    starts = _starts(text)
    assert starts[:3] == ["Port", "Side", "ACCRA"]
    assert "Ghana" in starts and "Togo" not in starts


def test_one_line_without_a_dateline_sets_only_the_first_token() -> None:
    assert _starts("Ghana and Togo signed a port deal - Accra said.") == ["Ghana"]
