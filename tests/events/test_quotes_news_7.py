"""Who speaks, and whether anyone does (issue #11, quotes helper, seventh pass): a transcript's
speaker labels in capitals, the verb that governs a quote rather than the nearest "said",
signs and headlines listed or announced before quoted words, "according to" inside a quote,
a short quote a reporting verb introduces, "the paper" for a news outlet, and a quote
paragraph whose lead-in does not say who speaks; on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events.document import code_doc
from tests.events.conftest import ACTORS, Parse, quotes, speaker, tag_actors


def _who(parse: Parse, text: str) -> list[tuple[str | None, str, bool]]:
    return [(speaker(q), q.text, q.direct) for q in quotes(parse, text)]


@pytest.mark.slow
def test_a_transcript_label_in_capitals_is_the_person_named_before(parse: Parse) -> None:
    text = (
        "Judge Tomas Brandt pressed the lawyer, Lena Okafor, on the statute.\n\n"
        "BRANDT: “So your reading leaves the ministry no discretion at all?”\n\n"
        "OKAFOR: “My reading is that the text itself controls the outcome.”"
    )
    found = {t: who for who, t, _ in _who(parse, text)}
    assert found["So your reading leaves the ministry no discretion at all?"] == "Tomas Brandt"
    assert found["My reading is that the text itself controls the outcome."] == "Lena Okafor"


@pytest.mark.slow
def test_the_verb_governing_a_quote_names_its_speaker_not_the_nearest_said(
    parse: Parse,
) -> None:
    text = (
        "Tomas Brandt and Lena Okafor met on Tuesday. Brandt said the talks were "
        "“productive,” while Okafor called them “a first step at best.”"
    )
    found = {t: who for who, t, direct in _who(parse, text) if direct}
    assert found.get("a first step at best.") == "Lena Okafor"


@pytest.mark.slow
def test_quoted_words_listed_after_a_sign_are_no_statement(parse: Parse) -> None:
    text = (
        "Marek Novak spoke outside the court. Behind him, protesters held signs reading "
        "“Keep the clinic open” and “Our health is not for sale at any price.”"
    )
    assert not [q for q in quotes(parse, text) if q.direct]


@pytest.mark.slow
def test_a_headline_announced_by_headlined_is_no_statement(parse: Parse) -> None:
    text = (
        "Marek Novak set out his case in an op-ed headlined “Why we must not borrow our "
        "way out of this crisis,” which argued that cuts were unavoidable."
    )
    assert not [q for q in quotes(parse, text) if q.direct]


@pytest.mark.slow
def test_according_to_inside_a_quote_sources_nothing(parse: Parse) -> None:
    text = (
        "An army spokesman, Colonel Marek Novak, told reporters: “We are operating "
        "according to international law and we will go on doing so.”"
    )
    found = _who(parse, text)
    assert [d for _, _, d in found] == [True]
    assert found[0][0] == "Marek Novak"


@pytest.mark.slow
def test_a_short_quote_a_reporting_verb_introduces_is_a_statement(parse: Parse) -> None:
    text = (
        "Lena Okafor said her side would appeal. Asked whether the trial date would hold, "
        "Okafor said, “We'll see.”"
    )
    assert ("Lena Okafor", "We'll see.", True) in _who(parse, text)


@pytest.mark.slow
def test_the_paper_is_the_outlet_named_before_not_the_state_it_wrote_of(
    nlp: Language,
) -> None:
    table = {
        **ACTORS,
        "Lakeport Herald": ("m_herald", "Lakeport Herald", "DEU", "MED", "ORG"),
    }
    text = (
        "The Lakeport Herald said in an editorial that Berlin had badly misjudged the "
        "mood. The paper wrote: “Nobody should underestimate the anger of the voters.”"
    )
    doc = tag_actors(nlp(text), table)
    found = [(speaker(q), q.direct) for q in code_doc(doc, article_id="t", published=None).quotes]
    assert ("Lakeport Herald", True) in found
    assert ("Germany", True) not in found


@pytest.mark.slow
def test_a_later_paragraph_leading_into_its_quote_is_not_the_last_speakers(
    parse: Parse,
) -> None:
    text = (
        "“We will win this seat back,” Anna Velkor said.\n\n"
        "Then the screen above the stage lit up with one line: “Polls close at eight "
        "tonight in every district.”"
    )
    found = {t: who for who, t, _ in _who(parse, text)}
    assert found["We will win this seat back"] == "Anna Velkor"
    last = [who for t, who in found.items() if t.startswith("Polls close")]
    assert last != ["Anna Velkor"]


@pytest.mark.slow
def test_a_statement_in_two_parts_keeps_the_first_parts_unresolved_speaker(
    parse: Parse,
) -> None:
    text = (
        "“We need more air defence systems,” Halvard Strom said in his evening address. "
        "“Every single system saves lives.”"
    )
    found = quotes(parse, text)
    assert [q.speaker_text for q in found if q.direct] == ["Halvard Strom"]


@pytest.mark.slow
def test_a_headline_that_read_quoted_words_is_no_statement(parse: Parse) -> None:
    text = (
        "Marek Novak resigned on Friday. The Lakeport Herald's headline read “Minister "
        "quits after weeks of pressure over the contracts.”"
    )
    assert not [q for q in quotes(parse, text) if q.direct]


@pytest.mark.slow
def test_a_sign_that_said_quoted_words_reports_no_clause(parse: Parse) -> None:
    text = (
        "Lena Okafor opened the shop in May. The sign in its window, which said "
        "“everything must go by Friday,” drew long queues."
    )
    assert not quotes(parse, text)


@pytest.mark.slow
def test_a_quote_paragraph_followed_by_that_was_x_is_xs(parse: Parse) -> None:
    text = (
        "Anna Velkor criticised the plan on Monday. “They are turning our port into a "
        "dumping ground,” she said.\n\n"
        "“I have said it before and I will say it again: the government has abandoned us.”\n\n"
        "That was Tomas Brandt, speaking to reporters at the town hall later in the day."
    )
    found = {t: who for who, t, _ in _who(parse, text)}
    said = [who for t, who in found.items() if t.startswith("I have said it before")]
    assert said == ["Tomas Brandt"]


@pytest.mark.slow
def test_the_company_is_never_the_person_named_as_its_officer(nlp: Language) -> None:
    table = {
        **ACTORS,
        "Lakeport": ("b_lakeport", "Lakeport", "DEU", "BUS", "ORG"),
    }
    text = (
        "Lakeport's chief executive, Tomas Brandt, will step down at the end of the "
        "year, the company said on Monday."
    )
    doc = tag_actors(nlp(text), table)
    found = [speaker(q) for q in code_doc(doc, article_id="t", published=None).quotes]
    assert "Tomas Brandt" not in found


@pytest.mark.slow
def test_a_show_named_with_the_sentences_period_inside_is_no_part_of_a_quote(
    parse: Parse,
) -> None:
    text = (
        "Marek Novak said he would back the package. “We cannot abandon our friends now,” "
        "Novak told the host on “State of the Union.”"
    )
    direct = [q.text for q in quotes(parse, text) if q.direct]
    assert direct == ["We cannot abandon our friends now"]


@pytest.mark.slow
def test_one_of_a_group_is_never_the_person_told(parse: Parse) -> None:
    text = (
        "Lena Okafor reported that twenty deputies would vote against the bill. “It is "
        "dead on arrival,” one of them told Okafor."
    )
    direct = [speaker(q) for q in quotes(parse, text) if q.direct]
    assert "Lena Okafor" not in direct
