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


def test_fresh_articles_load_in_two_halves_and_the_held_out_half_lists_no_misses() -> None:
    from eventline.eval.runner import SECTIONS
    from eventline.eval.timex_examples import (
        FRESH_RESOURCE,
        FRESH_SECTIONS,
        score_timex_fresh,
    )

    dev, test = load_examples(FRESH_RESOURCE, "dev"), load_examples(FRESH_RESOURCE, "test")
    assert len(dev) >= 10 and len(test) >= 10
    assert {s.text for s in dev}.isdisjoint(s.text for s in test)
    assert all(s.anchor and s.timexes for s in dev + test)
    assert set(FRESH_SECTIONS) <= set(SECTIONS)
    held_out = score_timex_fresh("timex-fresh-test")
    assert held_out.misses == () and held_out.metric("value_f1").value > 0.5
