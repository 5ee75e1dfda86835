"""The example-sentence timex scorer: both packaged sets load and are reported."""

from __future__ import annotations

from eventline.eval.timex_examples import TIMEML_RESOURCE, load_examples, score_timex_examples


def test_the_timeml_set_loads_with_every_gold_expression_in_its_sentence() -> None:
    sentences = load_examples(TIMEML_RESOURCE)
    assert len(sentences) >= 80
    for sentence in sentences:
        for start, end, value in sentence.timexes:
            assert 0 <= start < end <= len(sentence.text) and value
    assert any(not s.timexes for s in sentences)  # sentences that guard precision


def test_the_section_reports_both_sets() -> None:
    names = {m.name for m in score_timex_examples().metrics}
    assert {"span_f1", "value_f1", "timeml_span_f1", "timeml_value_f1"} <= names
