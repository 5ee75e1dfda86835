"""Who speaks when the speaker phrase names no one (issue #11, quotes6): "the Swedish company",
"the campaign", "the statement" and he/she resolved to the nearest earlier actor that fits by
type, gender and number; a reporter's question is not the official's words; on passages
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from tests.events.conftest import Parse, quotes, speaker, tag_actors

# name as written -> (id, canonical name, country, sector, label), as the nlp stage would tag
_ACTORS: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Orlen Motors": ("o_orlen", "Orlen Motors", "SWE", "BUS", "ORG"),
    "Swedish": ("c_swe", "Sweden", "SWE", None, "NORP"),
    "Nikki Haley": ("p_haley", "Nikki Haley", "USA", "GOV", "PERSON"),
    "White House": ("o_wh", "White House", "USA", "GOV", "ORG"),
    "Gazprom": ("o_gazprom", "Gazprom", "RUS", "BUS", "ORG"),
    "Pentagon": ("o_dod", "Pentagon", "USA", "MIL", "ORG"),
    "Rachel Voss": ("p_voss", "Rachel Voss", "USA", "GOV", "PERSON"),
    "Voss": ("p_voss", "Rachel Voss", "USA", "GOV", "PERSON"),
    "Okonkwo": ("p_okonkwo", "Okonkwo", "USA", "GOV", "PERSON"),
    "Ray Ellison": ("p_ellison", "Ray Ellison", "USA", "GOV", "PERSON"),
    "Mark Delaney": ("p_delaney", "Mark Delaney", "USA", "GOV", "PERSON"),
    "Delaney": ("p_delaney", "Mark Delaney", "USA", "GOV", "PERSON"),
    "Kari Lake": ("p_lake", "Kari Lake", "USA", "GOV", "PERSON"),
    "Lake": ("p_lake", "Kari Lake", "USA", "GOV", "PERSON"),
    "Katie Hobbs": ("p_hobbs", "Katie Hobbs", "USA", "GOV", "PERSON"),
    "Meta Platforms": ("o_meta", "Meta Platforms", "USA", "BUS", "ORG"),
    "Marcus Delaney": ("p_mdelaney", "Marcus Delaney", "USA", "GOV", "PERSON"),
    "Mitchell Crane": ("p_crane", "Mitchell Crane", "USA", "GOV", "PERSON"),
    "Anthony Russo": ("p_russo", "Anthony Russo", "USA", "GOV", "PERSON"),
    "Kevin Tran": ("p_tran", "Kevin Tran", "USA", "GOV", "PERSON"),
    "Wade Dalton": ("p_dalton", "Wade Dalton", "USA", "GOV", "PERSON"),
    "Farm Bureau": ("o_farm", "Farm Bureau", "USA", "BUS", "ORG"),
    "Senate": ("o_senate", "Senate", "USA", "LEG", "ORG"),
    "Ana Ruiz": ("p_ruiz", "Ana Ruiz", "USA", "GOV", "PERSON"),
    "Carl Webb": ("p_webb", "Carl Webb", "USA", "GOV", "PERSON"),
    "Carla Reyes": ("p_reyes", "Carla Reyes", "USA", "LAB", "PERSON"),
    "Families First Coalition": ("o_fff", "Families First Coalition", "USA", "NGO", "ORG"),
    "Craig Benning": ("p_benning", "Craig Benning", "USA", "GOV", "PERSON"),
}


@pytest.fixture(scope="module")
def tagged(nlp: Language) -> Callable[[str], Doc]:
    return lambda text: tag_actors(nlp(text), _ACTORS)


def _who(parse: Parse, text: str) -> dict[str, str | None]:
    return {q.text: speaker(q) for q in quotes(parse, text)}


@pytest.mark.slow
def test_a_described_company_is_the_business_named_before_not_its_country(tagged: Parse) -> None:
    text = (
        "Orlen Motors, the Swedish carmaker, cut 2,000 jobs on Tuesday. Unions protested "
        "outside its plant. “The cuts are necessary to stay competitive,” the Swedish "
        "company said in a statement."
    )
    assert _who(tagged, text)["The cuts are necessary to stay competitive"] == "Orlen Motors"


@pytest.mark.slow
def test_the_campaign_named_after_its_candidate_speaks_for_the_candidate(tagged: Parse) -> None:
    text = (
        "Nikki Haley's campaign raised $24 million in January. “Voters want a new "
        "generation of leadership,” the campaign said in a statement."
    )
    found = _who(tagged, text)
    assert found["Voters want a new generation of leadership"] == "Nikki Haley"


@pytest.mark.slow
def test_a_body_named_inside_a_quote_is_never_the_body_noun_speaking(tagged: Parse) -> None:
    text = (
        "The White House announced new sanctions on Monday. “These measures will hold "
        "Gazprom accountable,” the administration said."
    )
    assert _who(tagged, text)["These measures will hold Gazprom accountable"] == "White House"


@pytest.mark.slow
def test_the_statement_is_the_one_a_body_released_before(tagged: Parse) -> None:
    text = (
        "The Pentagon released a statement late Tuesday. “The strikes targeted weapons "
        "depots used by the militia,” the statement said."
    )
    found = _who(tagged, text)
    assert found["The strikes targeted weapons depots used by the militia"] == "Pentagon"


@pytest.mark.slow
def test_a_question_someone_was_asked_is_not_their_statement(tagged: Parse) -> None:
    text = (
        "Governor Rachel Voss held a news conference on Friday. “Will you sign the bill?” "
        "she was asked. “Not in its current form,” Voss said."
    )
    found = {q.text: q.speaker for q in quotes(tagged, text)}
    assert "Will you sign the bill?" not in found  # a reporter's question, no statement
    assert found["Not in its current form"] is not None
    assert found["Not in its current form"].name == "Rachel Voss"


@pytest.mark.slow
def test_she_is_the_woman_of_the_sentence_not_a_man_of_unknown_name(tagged: Parse) -> None:
    text = (
        "Ms. Okonkwo, a county commissioner, sued the state after Attorney General Ray "
        "Ellison rejected her request. “We had no other choice,” she said."
    )
    assert _who(tagged, text)["We had no other choice"] == "Okonkwo"


@pytest.mark.slow
def test_she_skips_a_man_known_by_his_given_name(tagged: Parse) -> None:
    text = (
        "Senator Mark Delaney met Governor Rachel Voss in Albany on Monday. Delaney praised "
        "the budget deal. “This is a good day for the state,” she said."
    )
    assert _who(tagged, text)["This is a good day for the state"] == "Rachel Voss"


@pytest.mark.slow
def test_a_described_person_is_the_subject_named_before(tagged: Parse) -> None:
    text = (
        "Kari Lake, the Republican nominee, lost the race to Katie Hobbs. Lake refused to "
        "concede. “The election was stolen,” the former TV anchor said."
    )
    assert _who(tagged, text)["The election was stolen"] == "Kari Lake"


@pytest.mark.slow
def test_a_described_giant_is_the_company_named_before(tagged: Parse) -> None:
    text = (
        "Meta Platforms reported strong earnings on Wednesday. “We had a good quarter,” "
        "the social media giant said."
    )
    assert _who(tagged, text)["We had a good quarter"] == "Meta Platforms"


@pytest.mark.slow
def test_a_statement_that_reads_quotes_its_author(tagged: Parse) -> None:
    text = (
        "Senator Mark Delaney issued a statement after the vote. “Today the Senate failed "
        "the American people,” it read."
    )
    assert _who(tagged, text)["Today the Senate failed the American people"] == "Mark Delaney"


@pytest.mark.slow
def test_his_office_speaks_for_the_man_named_before(tagged: Parse) -> None:
    text = (
        "Attorney General Marcus Delaney opened the inquiry in April. His office said on "
        "Wednesday that the resignation would not change the pace of its work."
    )
    found = [q for q in quotes(tagged, text) if not q.direct]
    assert [(q.speaker.name if q.speaker else None, q.speaker_text) for q in found] == [
        ("Marcus Delaney", "His office")
    ]


@pytest.mark.slow
def test_words_quoted_under_a_verb_of_thinking_are_the_reporting_speakers(
    tagged: Parse,
) -> None:
    text = (
        "Governor Mitchell Crane pardoned the official on Monday. In a statement, the "
        "governor's office said Crane had concluded that the sentence was “grossly "
        "disproportionate to those given to others.”"
    )
    direct = [q for q in quotes(tagged, text) if q.direct]
    assert [q.speaker_text for q in direct] == ["governor's office"]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Mitchell Crane"


@pytest.mark.slow
def test_words_quoted_under_another_verb_of_saying_are_that_speakers(tagged: Parse) -> None:
    text = (
        "Senator Ana Ruiz said Carl Webb told her the plan was “dead on arrival in the "
        "House of Representatives.”"
    )
    direct = [q for q in quotes(tagged, text) if q.direct]
    assert [speaker(q) for q in direct] == ["Carl Webb"]


@pytest.mark.slow
def test_a_surname_left_untagged_is_the_person_named_in_full_before(tagged: Parse) -> None:
    text = (
        "Mayor Denise Okoro praised Council President Anthony Russo. Russo, who faces "
        "Diane McAllister and Kevin Tran, thanked the mayor. He said the homicide rate "
        "could be cut in half.\n\n"
        "“You really think you can cut it in half?” a reporter asked.\n\n"
        "“I do, and we will fund the programs,” Russo said."
    )
    found = {q.text: speaker(q) for q in quotes(tagged, text)}
    assert found["the homicide rate could be cut in half"] == "Anthony Russo"
    assert found["I do, and we will fund the programs"] == "Anthony Russo"
    assert "You really think you can cut it in half?" not in found  # a reporter's question


@pytest.mark.slow
def test_an_unattributed_quote_going_on_takes_the_speaker_of_its_next_part(
    tagged: Parse,
) -> None:
    text = (
        "Speaking to reporters outside the room, Wade Dalton struck a conciliatory tone. "
        "“We did not lose this election because our ideas were wrong.\n\n"
        "“That ends today,” he continued."
    )
    direct = [q for q in quotes(tagged, text) if q.direct]
    assert len(direct) == 1
    assert speaker(direct[0]) == "Wade Dalton"


@pytest.mark.slow
def test_a_body_modifying_an_object_is_not_the_body_speaking(tagged: Parse) -> None:
    text = (
        "The Farm Bureau welcomed the Senate vote. “This gives growers the certainty they "
        "need to plan,” the group said in a statement."
    )
    assert _who(tagged, text)["This gives growers the certainty they need to plan"] == (
        "Farm Bureau"
    )


@pytest.mark.slow
def test_a_memo_with_no_author_makes_no_statement(tagged: Parse) -> None:
    text = (
        "Agencies have begun preparing for a lapse. According to a memo circulated on "
        "Friday, about 800,000 workers would be sent home, and the memo urges agencies to "
        "“communicate early and often with every affected worker.”"
    )
    assert quotes(tagged, text) == []


@pytest.mark.slow
def test_words_closing_a_sentence_about_a_person_are_that_persons(tagged: Parse) -> None:
    text = (
        "Federal unions have warned of hardship. The president of the largest union, "
        "Carla Reyes, urged Congress not to “use our paychecks as bargaining chips.”"
    )
    assert _who(tagged, text)["use our paychecks as bargaining chips."] == "Carla Reyes"


@pytest.mark.slow
def test_what_someone_had_said_inside_a_statement_is_part_of_it(tagged: Parse) -> None:
    text = (
        "Rachel Voss spoke after the vote. She said Mark Delaney had concluded that the "
        "bill was unaffordable."
    )
    found = [(speaker(q), q.text) for q in quotes(tagged, text)]
    assert found == [("Rachel Voss", "Mark Delaney had concluded that the bill was unaffordable")]


@pytest.mark.slow
def test_a_body_named_between_commas_after_a_body_noun_speaks(tagged: Parse) -> None:
    text = (
        "Opponents vowed to fight. The main opposition group, Families First Coalition, "
        "said in a statement that the amendment went far beyond what voters wanted."
    )
    found = [q for q in quotes(tagged, text) if not q.direct]
    assert [q.speaker.name if q.speaker else None for q in found] == ["Families First Coalition"]


@pytest.mark.slow
def test_words_quoted_from_a_ballot_summary_are_no_statement(tagged: Parse) -> None:
    text = (
        "The amendment will appear on the ballot. Its official ballot summary asks voters "
        "whether they want to establish “a right to make decisions about their own care.”"
    )
    assert [q for q in quotes(tagged, text) if q.direct] == []


@pytest.mark.slow
def test_words_after_signing_a_bill_are_speech_not_a_sign(tagged: Parse) -> None:
    text = (
        "Governor Craig Benning said in a statement that he would sign the bill “the "
        "moment it hits my desk.”"
    )
    direct = [q for q in quotes(tagged, text) if q.direct]
    assert [speaker(q) for q in direct] == ["Craig Benning"]


@pytest.mark.slow
def test_words_a_proposal_describes_are_no_statement(tagged: Parse) -> None:
    text = (
        "The agency proposed to roll back the rule. The proposal describes the current "
        "limit as “technically infeasible for a substantial share of existing units.”"
    )
    assert [q for q in quotes(tagged, text) if q.direct] == []


@pytest.mark.slow
def test_a_second_that_clause_is_the_same_statement_even_when_it_reports(
    tagged: Parse,
) -> None:
    text = (
        "Rachel Voss took questions in Albany. She added that she had spoken to Mark "
        "Delaney on Tuesday night and that he had told her the decision was his alone."
    )
    found = [q.text for q in quotes(tagged, text) if not q.direct]
    assert found == [
        "she had spoken to Mark Delaney on Tuesday night and that he had told her the "
        "decision was his alone"
    ]
