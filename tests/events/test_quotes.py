"""Direct and indirect quotes, speakers and addressees."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.document import code_doc
from eventline.events.quotes import find_quote_spans
from eventline.model import Quote


def quotes(parse: Callable[[str], Doc], text: str) -> list[Quote]:
    return code_doc(parse(text), article_id="t", published=None).quotes


def test_spans_straight_curly_and_unbalanced() -> None:
    text = 'He said "we will build four new bridges" and “the river will be crossed soon”.'
    assert [text[s.start : s.end] for s in find_quote_spans(text)] == [
        "we will build four new bridges",
        "the river will be crossed soon",
    ]
    broken = "“Our work is far from finished this year\nNext paragraph ” stray"
    spans = find_quote_spans(broken)
    assert len(spans) == 1 and not spans[0].closed
    assert broken[spans[0].start : spans[0].end] == "Our work is far from finished this year"


def test_scare_quotes_are_not_quotes() -> None:
    assert find_quote_spans("Paris called it a ‘crucial’ step and a “serious provocation”.") == []


@pytest.mark.slow
def test_direct_quote_with_speaker_and_addressee(parse: Callable[[str], Doc]) -> None:
    (q,) = quotes(parse, '"We will never abandon our partners in Africa," Velkor told Okafor.')
    assert q.direct and q.speaker is not None and q.speaker.name == "Anna Velkor"
    assert q.addressee is not None and q.addressee.name == "Lena Okafor"
    assert q.text == "We will never abandon our partners in Africa"


@pytest.mark.slow
def test_multi_sentence_quote_and_inverted_attribution(parse: Callable[[str], Doc]) -> None:
    text = "“The bridge is ready. We open it on Friday for all traffic,” said Brandt."
    (q,) = quotes(parse, text)
    assert q.speaker is not None and q.speaker.name == "Tomas Brandt"
    assert q.text.startswith("The bridge is ready. We open it")


@pytest.mark.slow
def test_pronoun_speaker_and_continued_quote(parse: Callable[[str], Doc]) -> None:
    text = (
        "Marek Novak spoke in Warsaw on Sunday. "
        "“Our farmers need new markets across the region,” he said. "
        "“Trade with Chile is only the first step.”"
    )
    got = quotes(parse, text)
    # one statement split by its attribution is one quote (issue 11), with the pronoun's speaker
    assert [q.speaker.name if q.speaker else None for q in got] == ["Marek Novak"]
    assert got[0].text.endswith("Trade with Chile is only the first step.")


@pytest.mark.slow
def test_indirect_speech(parse: Callable[[str], Doc]) -> None:
    got = quotes(parse, "Okafor told Brandt that Nigeria would double its grain exports.")
    (q,) = [q for q in got if not q.direct]
    assert q.speaker is not None and q.speaker.name == "Lena Okafor"
    assert q.addressee is not None and q.addressee.name == "Tomas Brandt"
    assert "Nigeria would double its grain exports" in q.text


@pytest.mark.slow
def test_a_quote_split_by_its_attribution_is_one_quote(parse: Callable[[str], Doc]) -> None:
    text = '"We will not retreat from the border," Velkor said. "It stays open to every trader."'
    (q,) = [q for q in quotes(parse, text) if q.direct]
    assert q.text == "We will not retreat from the border It stays open to every trader."
    assert q.speaker is not None and q.speaker.name == "Anna Velkor"
    assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end] == "Velkor"


@pytest.mark.slow
def test_a_quote_continued_in_the_next_paragraph_is_one_quote(
    parse: Callable[[str], Doc],
) -> None:
    text = (
        'Velkor said: "The talks will go on for as long as they need to.\n'
        '"Nobody in this government wants another closed border."'
    )
    direct = [q for q in quotes(parse, text) if q.direct]
    assert len(direct) == 1 and direct[0].text.endswith("another closed border.")


@pytest.mark.slow
def test_titles_and_slogans_are_not_speech(parse: Callable[[str], Doc]) -> None:
    text = 'Brandt repeated his slogan "A Strong Germany For All" at a rally in Berlin.'
    assert [q for q in quotes(parse, text) if q.direct] == []


@pytest.mark.slow
def test_she_is_never_resolved_to_a_man_the_text_names(parse: Callable[[str], Doc]) -> None:
    text = (
        "Ms. Okafor arrived in Berlin on Monday. Mr. Brandt welcomed the delegation. "
        '"We have come to finish this agreement today," she said.'
    )
    (q,) = [q for q in quotes(parse, text) if q.direct]
    assert q.speaker is not None and q.speaker.name == "Lena Okafor"


@pytest.mark.slow
def test_according_to_attributes_the_rest_of_the_sentence(parse: Callable[[str], Doc]) -> None:
    text = "According to Brandt, the border crossing will reopen next week."
    (q,) = quotes(parse, text)
    assert not q.direct and q.speaker is not None and q.speaker.name == "Tomas Brandt"
    assert q.text == "the border crossing will reopen next week"


def test_a_short_quoted_sentence_after_an_attribution_closes_the_statement() -> None:
    from eventline.events.quotes import QuoteSpan, _short_sentence_after

    text = (
        '"Every ballot was counted twice," Ashford said. "The result stands." '
        'And a "so-called" win.'
    )
    first_part = QuoteSpan(1, text.index(',"') + 1, closed=True)
    closing = QuoteSpan(text.index("The result"), text.index('stands."') + 7, closed=True)
    scare = QuoteSpan(text.index("so-called"), text.index('called"') + 6, closed=True)
    assert _short_sentence_after(text, first_part, closing)
    assert not _short_sentence_after(text, first_part, scare)


def test_it_speaks_for_the_body_behind_the_statement_before() -> None:
    from eventline.events.indirect import Attribution, _it_said

    before = Quote(
        id="q1",
        article="a",
        speaker=None,
        speaker_text="interior ministry",
        text="officers had acted within the law",
        direct=False,
        start=0,
        end=10,
    )
    it = Attribution(None, "It", None, None, (20, 22))
    assert _it_said(it, [before]).speaker_text == "interior ministry"
    assert _it_said(it, [before]).speaker_span == (20, 22)  # still where "It" is written
    person = before.model_copy(update={"speaker_text": "Nika Beridze"})
    assert _it_said(it, [person]).speaker_text == "It"
