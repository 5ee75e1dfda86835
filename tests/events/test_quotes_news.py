"""Frames of real news reporting (issue #11 item 5, MEANTIME dev misses), on sentences written
for these tests (model-parsed: marked slow)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events.document import code_doc
from tests.events.conftest import Parse, quotes, speaker, tag_actors


@pytest.mark.slow
def test_a_quote_going_on_in_the_next_paragraph_after_its_attribution(parse: Parse) -> None:
    text = (
        '"The harbour will reopen on Monday," said Velkor.\n'
        '"Ships that waited all week can then unload."\n'
        '"We objected from the start," Brandt replied.'
    )
    found = quotes(parse, text)
    assert [(speaker(q), q.direct) for q in found] == [
        ("Anna Velkor", True),
        ("Tomas Brandt", True),
    ]
    assert found[0].text.endswith("can then unload.")


@pytest.mark.slow
def test_a_new_paragraph_with_its_own_attribution_is_a_new_statement(parse: Parse) -> None:
    text = (
        '"The harbour will reopen on Monday," said Velkor.\n'
        'Brandt answered: "Nobody told the port workers."'
    )
    found = quotes(parse, text)
    assert [speaker(q) for q in found] == ["Anna Velkor", "Tomas Brandt"]


@pytest.mark.slow
def test_a_clause_opening_on_a_partial_quote_is_reported_speech(parse: Parse) -> None:
    text = 'Velkor stressed that "the plant stays open" while the talks with the buyers go on.'
    found = quotes(parse, text)
    indirect = [q for q in found if not q.direct]
    assert [speaker(q) for q in indirect] == ["Anna Velkor"]
    assert indirect[0].text.endswith("while the talks with the buyers go on")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Velkor did not say where the new factory would be built.",
        "Brandt declined to predict when the bridge would reopen to lorries.",
    ],
)
def test_a_wh_clause_is_not_a_statement(parse: Parse, sentence: str) -> None:
    assert quotes(parse, sentence) == []


@pytest.mark.slow
def test_a_clause_with_an_adverbial_wh_word_is_a_statement(parse: Parse) -> None:
    found = quotes(parse, "Velkor said when the strike ends, the trains will run again.")
    assert [speaker(q) for q in found] == ["Anna Velkor"]


@pytest.mark.slow
def test_a_clause_ends_before_speech_hung_on_it(parse: Parse) -> None:
    text = (
        "Velkor confirmed that the minister had resigned on Friday, but did not say "
        "whether she had been pushed out."
    )
    found = quotes(parse, text)
    assert [(speaker(q), q.text) for q in found] == [
        ("Anna Velkor", "the minister had resigned on Friday")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Germany's chief of staff General Tomas Brandt stated \"The convoy leaves at dawn "
            'and returns by night."',
            "Tomas Brandt",
        ),
        (
            '"The deal protects every plant we have," said the general secretary of the union '
            "Unite, Marek Novak.",
            "Marek Novak",
        ),
        (
            'A statement by the company given by its spokeswoman Lena Okafor said "We are '
            'deeply disappointed by the decision."',
            "Lena Okafor",
        ),
        (
            '"The border stays closed until the vote is counted," a local paper quoted Novak '
            "as saying.",
            "Marek Novak",
        ),
        (
            '"Nobody has ever built a bridge this long so quickly," claims writer Lena Okafor.',
            "Lena Okafor",
        ),
    ],
)
def test_the_person_meant_in_a_news_attribution(parse: Parse, text: str, who: str) -> None:
    found = quotes(parse, text)
    assert [(speaker(q), q.direct) for q in found] == [(who, True)]


@pytest.mark.slow
def test_a_noun_a_speech_participle_describes_is_the_speaker(parse: Parse) -> None:
    text = (
        "In response to critics saying that the ministry had acted too slowly, Velkor said "
        "the ministry had acted within hours."
    )
    found = {(q.speaker_text, q.text) for q in quotes(parse, text)}
    assert ("critics", "the ministry had acted too slowly") in found


@pytest.mark.slow
def test_a_collective_speaker_keeps_its_of_phrase(parse: Parse) -> None:
    text = (
        'A group of Ohio lawmakers released a statement saying "We will fight this decision '
        'in every court in the country."'
    )
    found = quotes(parse, text)
    assert [q.speaker_text for q in found] == ["A group of Ohio lawmakers"]


@pytest.mark.slow
def test_a_list_of_figures_stays_in_the_reported_clause(parse: Parse) -> None:
    text = (
        "Velkor said the firm expects to cut about 400 jobs in Lyon, 300 in Lille, 200 in "
        "Nice and 100 in Metz."
    )
    found = quotes(parse, text)
    assert [q.text for q in found] == [
        "the firm expects to cut about 400 jobs in Lyon, 300 in Lille, 200 in Nice and 100 in Metz"
    ]


@pytest.mark.slow
def test_a_verb_of_saying_with_an_object_does_not_end_the_clause(parse: Parse) -> None:
    text = (
        "Brandt pointed out that the market had not fallen as fast as in March, and volume "
        "was thin, suggesting a lack of conviction."
    )
    found = quotes(parse, text)
    assert [speaker(q) for q in found] == ["Tomas Brandt"]
    assert found[0].text.endswith("suggesting a lack of conviction")


@pytest.mark.slow
def test_a_he_after_a_split_quote_is_the_one_named_between_its_parts(parse: Parse) -> None:
    text = (
        "Brandt opened the harbour on Monday.\n"
        '"The port stays shut to tankers until Friday," said Novak. "Crews need the time to '
        'repair the cranes."\n'
        "He added that the cranes would be ready by May."
    )
    found = [q for q in quotes(parse, text) if not q.direct]
    assert [(speaker(q), q.text) for q in found] == [
        ("Marek Novak", "the cranes would be ready by May")
    ]


@pytest.mark.slow
def test_an_attribution_after_a_full_stop_inside_the_marks(parse: Parse) -> None:
    text = (
        '"We will rebuild the bridge before winter." said Velkor, the regional governor.\n'
        '"The money is already there." said Brandt.'
    )
    found = quotes(parse, text)
    assert [speaker(q) for q in found] == ["Anna Velkor", "Tomas Brandt"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Velkor revealed that phones would no longer need a computer for setup, allowing "
            "users to drop their cables.",
            "phones would no longer need a computer for setup, allowing users to drop their cables",
        ),
        (
            "Brandt said the tax on fuel would be cut, leaving drivers with more money.",
            "the tax on fuel would be cut, leaving drivers with more money",
        ),
    ],
)
def test_a_trailing_participle_about_the_reported_event_is_kept(
    parse: Parse, text: str, said: str
) -> None:
    assert [q.text for q in quotes(parse, text)] == [said]


@pytest.mark.slow
def test_a_report_of_what_someone_else_said_is_two_statements(parse: Parse) -> None:
    text = "The paper reported that Velkor said the budget for the bridge had doubled."
    found = {(speaker(q), q.text) for q in quotes(parse, text)}
    assert ("Anna Velkor", "the budget for the bridge had doubled") in found
    assert len(found) == 2


@pytest.mark.slow
def test_a_quote_introduced_by_a_colon_after_an_attribution_is_a_new_one(parse: Parse) -> None:
    text = (
        '"We will not buy ships from abroad while the ban stays," a radio station quoted Novak '
        'as saying, though a newspaper gave his words as: "As long as the ban holds, we buy '
        'nothing abroad."'
    )
    found = quotes(parse, text)
    assert len([q for q in found if q.direct]) == 2


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Changes to the ferry timetable were also announced; night boats now run hourly.",
        "The new bridge will open in the spring of 2027; Velkor announced no other projects.",
        "The flight data suggests that the engine had lost power before the landing.",
    ],
)
def test_no_speaker_no_statement(parse: Parse, text: str) -> None:
    assert [q.text for q in quotes(parse, text) if not q.direct] == []


@pytest.mark.slow
def test_a_modal_sequel_goes_on_with_what_was_said(parse: Parse) -> None:
    found = quotes(
        parse, "Velkor said the firm had closed two plants, and more may close next year."
    )
    assert [q.text for q in found] == [
        "the firm had closed two plants, and more may close next year"
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Velkor admitted that the share of trains delayed in the north was slightly higher "
            "than last year.",
            "the share of trains delayed in the north was slightly higher than last year",
        ),
        (
            "Brandt stressed that the port stays open during the strike, continuing to load "
            "and unload ships.",
            "the port stays open during the strike, continuing to load and unload ships",
        ),
    ],
)
def test_the_whole_reported_clause(parse: Parse, text: str, said: str) -> None:
    assert [q.text for q in quotes(parse, text)] == [said]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'Velkor defended the party\'s old principle that "every town keeps its own school" '
        "at the congress.",
        'Brandt voted against the so-called "no new roads without new rails" rule on Monday.',
        'The measure, known as "pay as you go for every new program", passed on Tuesday.',
    ],
)
def test_quoted_rules_and_names_are_not_speech(parse: Parse, text: str) -> None:
    assert [q.text for q in quotes(parse, text) if q.direct] == []


@pytest.mark.slow
def test_according_to_at_the_end_is_not_part_of_the_statement(parse: Parse) -> None:
    text = "The old bridge will close for repairs in June, according to Velkor."
    found = quotes(parse, text)
    assert [(speaker(q), q.text) for q in found] == [
        ("Anna Velkor", "The old bridge will close for repairs in June")
    ]


@pytest.mark.slow
def test_a_recommendation_is_a_statement(parse: Parse) -> None:
    found = quotes(parse, "Velkor recommended that towns should not buy diesel buses any more.")
    assert [(speaker(q), q.text) for q in found] == [
        ("Anna Velkor", "towns should not buy diesel buses any more")
    ]


@pytest.mark.slow
def test_a_verb_of_going_on_is_no_attribution(parse: Parse) -> None:
    text = (
        '"We will keep every line running through the winter," Velkor said on Monday, as '
        "prices continued to climb."
    )
    found = quotes(parse, text)
    assert [speaker(q) for q in found] == ["Anna Velkor"]


@pytest.mark.slow
def test_quoted_as_saying_in_the_passive(parse: Parse) -> None:
    found = quotes(parse, "Novak was quoted as saying that the new tariff would fail.")
    assert [(speaker(q), q.text) for q in found] == [("Marek Novak", "the new tariff would fail")]


@pytest.mark.slow
def test_they_is_the_group_that_spoke_before(parse: Parse) -> None:
    text = (
        "Port workers said the cranes were unsafe. They added that the night shift would stop "
        "on Friday."
    )
    found = quotes(parse, text)
    assert [q.speaker_text for q in found] == ["Port workers", "Port workers"]


@pytest.mark.slow
def test_more_verbs_of_saying(parse: Parse) -> None:
    text = '"The figures will look better by the summer," Velkor speculated.'
    assert [speaker(q) for q in quotes(parse, text)] == ["Anna Velkor"]


@pytest.mark.slow
def test_the_group_is_the_body_last_named_as_a_subject(nlp: Language) -> None:
    table = {
        "Road Safety Watch": ("o_rsw", "Road Safety Watch", None, "NGO", "ORG"),
        "Velmar Motors": ("o_velmar", "Velmar Motors", None, "BUS", "ORG"),
    }
    text = (
        "Road Safety Watch declined to give Velmar Motors' new van its top safety rating.\n"
        "The group said that the brakes needed more testing in wet weather."
    )
    found = code_doc(tag_actors(nlp(text), table), article_id="t", published=None).quotes
    assert [speaker(q) for q in found] == ["Road Safety Watch"]
