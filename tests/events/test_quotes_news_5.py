"""US political news quote styles (issue #11, real-page yardstick benchmarks/real_quotes.py):
questions in a hearing attributed in the next sentence, a quote opening its paragraph with its
speaker in the next sentence, role nouns and pronouns; on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.events.conftest import Parse, quotes, speaker


def _who(parse: Parse, text: str) -> list[tuple[str | None, str]]:
    """(the speaker's surname, the words) per quote."""
    return [(_surname(speaker(q)), q.text) for q in quotes(parse, text)]


def _surname(name: str | None) -> str | None:
    return name.split()[-1] if name else None


@pytest.mark.slow
def test_a_quoted_question_is_spoken_by_the_one_who_asked_not_the_one_asked(
    parse: Parse,
) -> None:
    text = (
        "The lawyer pressed on with the questions. “Did you sign every page of the filing?” "
        "Lena Okafor asked Tomas Brandt.\n\n"
        "“I signed what they put in front of me,” Brandt replied."
    )
    assert _who(parse, text) == [
        ("Okafor", "Did you sign every page of the filing?"),
        ("Brandt", "I signed what they put in front of me"),
    ]


@pytest.mark.slow
def test_a_quote_opening_its_paragraph_is_spoken_by_the_next_sentences_subject(
    parse: Parse,
) -> None:
    text = (
        "The chamber voted late on Friday.\n\n"
        "“We kept the lights on, and that is the least people expect of us.” Senator Lena "
        "Okafor made the remark on the floor after the vote."
    )
    said = _who(parse, text)
    assert said[0] == (
        "Okafor",
        "We kept the lights on, and that is the least people expect of us.",
    )


@pytest.mark.slow
def test_a_quote_opening_its_paragraph_before_a_sentence_on_something_else_is_not_given_to_it(
    parse: Parse,
) -> None:
    text = (
        "The chamber voted late on Friday.\n\n"
        "“We kept the lights on, and that is the least people expect of us.” The measure now "
        "goes to the House."
    )
    assert [s for s, _ in _who(parse, text)] == [None]


@pytest.mark.slow
def test_he_after_a_role_noun_subject_is_the_person_that_role_names(parse: Parse) -> None:
    text = (
        "Former President Tomas Brandt spoke in Ohio on Monday. Senator Marek Novak "
        "criticized the speech.\n\n"
        "The former president also attacked the prosecutors. “They are coming after me "
        "because I am winning,” he said."
    )
    said = dict((t, s) for s, t in _who(parse, text))
    assert said["They are coming after me because I am winning"] == "Brandt"


@pytest.mark.slow
def test_a_role_noun_is_never_a_person_the_text_gives_another_office(parse: Parse) -> None:
    text = (
        "Rep. Marek Novak asked the panel to delay the vote. The governor, who spoke to "
        "reporters in the capital, said the state would not comply."
    )
    said = _who(parse, text)
    assert said == [(said[0][0], "the state would not comply")]
    assert said[0][0] != "Novak"


@pytest.mark.slow
def test_a_quote_split_by_a_long_attribution_that_opens_on_its_verb_is_one_statement(
    parse: Parse,
) -> None:
    text = (
        "“I am not here to listen to speeches,” Okafor said, raising her voice and telling "
        "the defense lawyer and his two partners to sit down at once. “We are here to hear "
        "answers, and most of the time we are not getting them.”"
    )
    assert _who(parse, text) == [
        (
            "Okafor",
            "I am not here to listen to speeches We are here to hear answers, and most of the "
            "time we are not getting them.",
        )
    ]


@pytest.mark.slow
def test_a_doubled_opening_mark_opens_the_quote_once(parse: Parse) -> None:
    text = "Brandt weighed in. “”This is a very unfair trial, and the public is watching,” he said."
    assert _who(parse, text) == [
        ("Brandt", "This is a very unfair trial, and the public is watching")
    ]


@pytest.mark.slow
def test_speech_someone_was_asked_for_is_not_their_statement(parse: Parse) -> None:
    text = (
        "The lawyer ended by asking Brandt to confirm that he had never seen the ballots. "
        "Novak urged Okafor to say that the count was fair."
    )
    assert _who(parse, text) == []


@pytest.mark.slow
def test_words_after_an_inverted_attribution_are_not_the_speakers_clause(parse: Parse) -> None:
    text = (
        "“I hit the ice and then I was spinning,” said Tomas Brandt, among the dozens of "
        "drivers in the county sent sliding when their cars hit icy bridges."
    )
    assert _who(parse, text) == [("Brandt", "I hit the ice and then I was spinning")]


@pytest.mark.slow
def test_he_after_an_unnamed_speaker_is_that_speaker_not_someone_named_before(
    parse: Parse,
) -> None:
    text = (
        "Senator Marek Novak argued the order would stifle growth. A senior administration "
        "official said the order had been months in the making. He said the president had "
        "been personally involved."
    )
    said = dict((t, s) for s, t in _who(parse, text))
    assert said["the president had been personally involved"] == "official"


@pytest.mark.slow
def test_he_after_an_unnamed_person_who_said_nothing_is_still_the_named_one(
    parse: Parse,
) -> None:
    text = (
        "Tomas Brandt left the company in May. A federal judge ordered him to stop work. "
        "He said no secrets had been disclosed."
    )
    said = dict((t, s) for s, t in _who(parse, text))
    assert said["no secrets had been disclosed"] == "Brandt"


@pytest.mark.slow
def test_a_relative_clause_with_its_own_reporting_verb_ends_the_reported_clause(
    parse: Parse,
) -> None:
    text = (
        "Novak said that the drill included a mock landing in occupied towns, which he claims "
        "to be evidence that the drill is aimed at an invasion."
    )
    said = [t for _, t in _who(parse, text)]
    assert said[0] == "the drill included a mock landing in occupied towns"


@pytest.mark.slow
def test_show_titles_and_law_names_in_title_case_are_not_speech(parse: Parse) -> None:
    text = (
        "Novak told CNN’s Dana Bash on “State of the Union” that the party needed a new "
        "approach. Okafor appeared on NBC’s “Meet the Press with Kristen Welker” on Sunday.\n\n"
        "The bill, known as the “Clean Water Funding Act of 2024,” passed along party lines. "
        "“This is a moment of real danger for our towns,” Okafor said."
    )
    said = [t for _, t in _who(parse, text)]
    assert said == [
        "the party needed a new approach",
        "This is a moment of real danger for our towns",
    ]


@pytest.mark.slow
def test_the_words_of_a_law_are_quoted_text_not_a_statement(parse: Parse) -> None:
    text = (
        "The 14th Amendment says that no state shall “deny to any person within its "
        "jurisdiction the equal protection of the laws.”\n\n"
        "The statute reads: “Any person who knowingly files a false report shall be fined.”\n\n"
        "The law says voters must show a photo ID at the polls. Okafor said the text was "
        "clear. “The statute says what it says,” she said."
    )
    assert _who(parse, text) == [
        ("Okafor", "the text was clear"),
        ("Okafor", "The statute says what it says"),
    ]


@pytest.mark.slow
def test_a_transcript_speaker_label_opening_the_paragraph_is_the_speaker(parse: Parse) -> None:
    text = (
        "The justices pressed the lawyers. An excerpt of the exchange:\n\n"
        "Justice Tomas Brandt: “So your position is that the agency has no limit at all?”\n\n"
        "Lena Okafor: “No, that is not our position, and it never was.”\n\n"
        "Update: “The hearing will resume on Monday at ten in the morning.”"
    )
    said = _who(parse, text)
    assert said[:2] == [
        ("Brandt", "So your position is that the agency has no limit at all?"),
        ("Okafor", "No, that is not our position, and it never was."),
    ]
    assert said[2][0] != "Update"


@pytest.mark.slow
def test_quotes_and_says_in_subheads_and_links_are_not_statements(parse: Parse) -> None:
    text = (
        "Okafor testified on Monday.\n\n"
        "Related: Brandt calls the hearing “a disgrace to the whole country” in testimony\n\n"
        "Related: Novak says he will appeal the ruling\n\n"
        "“It is a disgrace to the whole country,” Brandt told reporters."
    )
    assert _who(parse, text) == [("Brandt", "It is a disgrace to the whole country")]


def test_a_line_without_final_punctuation_is_a_headline() -> None:
    from eventline.events.quote_spans import in_headline

    text = "Roe says “we will win”\n\nRoe said: “We will win.”\n"
    assert in_headline(text, 10)
    assert not in_headline(text, text.index("We will"))


@pytest.mark.slow
def test_according_to_a_source_described_by_an_apposition_sources_the_main_clause(
    parse: Parse,
) -> None:
    text = (
        "According to Okafor, a lawyer who has tracked voting rules for a decade, the new "
        "maps were drawn to favor incumbents."
    )
    assert _who(parse, text) == [("Okafor", "the new maps were drawn to favor incumbents")]


@pytest.mark.slow
def test_the_former_president_and_the_president_are_told_apart(parse: Parse) -> None:
    text = (
        "Former President Tomas Brandt held a rally on Saturday. President Marek Novak spent "
        "the weekend at home.\n\n"
        "“We are going to win this state big,” the former president said.\n\n"
        "“I am focused on the job,” the president told reporters."
    )
    assert _who(parse, text) == [
        ("Brandt", "We are going to win this state big"),
        ("Novak", "I am focused on the job"),
    ]


@pytest.mark.slow
def test_a_quote_opening_its_paragraph_takes_its_own_attribution_not_the_last_ones(
    parse: Parse,
) -> None:
    text = (
        "Brandt spoke first, and the crowd cheered, Okafor said.\n\n"
        "“It was the loudest night of the campaign,” Novak told reporters."
    )
    said = dict((t, s) for s, t in _who(parse, text))
    assert said["It was the loudest night of the campaign"] == "Novak"


@pytest.mark.slow
def test_the_statement_speaks_for_who_was_said_to_issue_it(parse: Parse) -> None:
    text = (
        "Novak’s office said in a statement that he would fight the charges. “He has been "
        "falsely accused before, and he was cleared then,” the statement said."
    )
    said = dict((t, s) for s, t in _who(parse, text))
    assert said["He has been falsely accused before, and he was cleared then"] == "Novak"


@pytest.mark.slow
def test_a_name_modifying_a_body_is_no_antecedent_of_a_description(parse: Parse) -> None:
    text = (
        "“This is a sham,” the Brandt campaign said in a statement. The Democrat, who is "
        "running for reelection, told supporters that the race was too close to call."
    )
    said = dict((t, s) for s, t in _who(parse, text))
    assert said["the race was too close to call"] != "Brandt"
