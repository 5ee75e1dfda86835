"""Who speaks and where a reported clause ends (issue #11, quotes helper, sixth pass): "the
North" for a state named before as "North …", a he/she over several sentences about one
unnamed speaker, an unnamed speaker's description ("a pilot from Tulsa", "farmers living
near the dam"), a body's whole title-case name, a list of bodies, and what the speaker did
next ("before storming out", "and calling …"); on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events.document import code_doc
from tests.events.conftest import ACTORS, Parse, quotes, speaker, tag_actors

_KOREAS = {
    **ACTORS,
    "North Korea": ("c_prk", "North Korea", "PRK", None, "GPE"),
    "South Korea": ("c_kor", "South Korea", "KOR", None, "GPE"),
}


def _who(parse: Parse, text: str) -> list[tuple[str | None, str]]:
    return [(speaker(q), q.text) for q in quotes(parse, text)]


@pytest.mark.slow
def test_the_north_is_the_state_named_before_as_north(nlp: Language) -> None:
    text = (
        "North Korea fired two missiles into the sea on Monday, South Korea said.\n\n"
        "The North warned that it would hold more launches unless the drills stopped."
    )
    doc = tag_actors(nlp(text), _KOREAS)
    found = [(speaker(q), q.text) for q in code_doc(doc, article_id="t", published=None).quotes]
    assert ("North Korea", "it would hold more launches unless the drills stopped") in found


@pytest.mark.slow
def test_a_he_goes_on_meaning_the_unnamed_speaker_over_sentences_naming_no_one(
    parse: Parse,
) -> None:
    text = (
        "Maria Velez, a historian, has studied the river towns for years.\n\n"
        "“We keep losing the old houses,” says a pilot from Tulsa. After her night flight, "
        "she explains that she grew up near the levee. Most weekends, she drives back to "
        "check on her aunt. Two neighbours have already sold their homes. “Nobody is "
        "coming to help us,” she says."
    )
    speakers = [who for who, _ in _who(parse, text)]
    assert speakers and all(who == "a pilot from Tulsa" for who in speakers)
    assert "Maria Velez" not in speakers


@pytest.mark.slow
def test_an_unnamed_speakers_description_is_part_of_the_speaker(parse: Parse) -> None:
    text = (
        "Water prices have tripled since the spring, according to farmers living near the "
        "dam.\n\n"
        "Critics saying the plan came too late were not invited to the hearing."
    )
    found = _who(parse, text)
    assert found[0] == ("farmers living near the dam", "Water prices have tripled since the spring")
    assert all(not (who or "").startswith("Critics saying") for who, _ in found)


@pytest.mark.slow
def test_a_body_is_named_with_its_whole_title_case_name(parse: Parse) -> None:
    text = (
        "At least 40 schools were closed by the floods, according to the Office for the "
        "Protection of Rural Schools."
    )
    (who,) = [q.speaker_text for q in quotes(parse, text)]
    assert who == "Office for the Protection of Rural Schools"


@pytest.mark.slow
def test_a_list_of_bodies_speaks_together(parse: Parse) -> None:
    text = (
        "The Bank of Norway, the Bank of Iceland, the Central Bank of Chile, and the Reserve "
        "Bank of Fiji jointly announced that they would lower their rates."
    )
    (q,) = quotes(parse, text)
    assert q.speaker_text is not None and q.speaker_text.endswith("Reserve Bank of Fiji")


@pytest.mark.slow
def test_what_the_speaker_did_next_is_not_what_was_said(parse: Parse) -> None:
    text = (
        "The mayor said the budget was “balanced” before launching into a long attack on "
        "the council.\n\n"
        "A spokesman for the union issued a statement on Friday, saying members would not "
        "return to work and calling the offer an insult."
    )
    texts = [q.text for q in quotes(parse, text)]
    assert any(t.startswith("the budget was") and "launching" not in t for t in texts)
    assert "members would not return to work" in texts


@pytest.mark.slow
def test_a_clause_about_something_that_acts_keeps_its_participle(parse: Parse) -> None:
    text = "She said the river would keep rising and flooding the lower town."
    (q,) = quotes(parse, text)
    assert q.text == "the river would keep rising and flooding the lower town"


@pytest.mark.slow
def test_the_company_of_a_story_about_one_is_the_business_it_names_most(nlp: Language) -> None:
    table = {**ACTORS, "Lakeport Motors": ("b_lake", "Lakeport Motors", None, "BUS", "ORG")}
    text = (
        "Lakeport Motors recalled 4,000 vans on Tuesday. Lakeport Motors said the fault "
        "was in the brakes.\n\n"
        "Drivers in three states had reported the problem. Dealers were told to stop sales. "
        "Some owners were angry.\n\n"
        "According to company figures, about one in 50 vans needed new brakes."
    )
    doc = tag_actors(nlp(text), table)
    found = [(speaker(q), q.text) for q in code_doc(doc, article_id="t", published=None).quotes]
    assert any(who == "Lakeport Motors" and "one in 50" in words for who, words in found)


@pytest.mark.slow
def test_a_body_described_first_is_the_one_named_speaking_next(nlp: Language) -> None:
    table = {**ACTORS, "the Coastal Courier": ("m_cc", "Coastal Courier", "PER", "MED", "ORG")}
    text = (
        "Peru's official newspaper attacked Chile on Monday, warning that Santiago would "
        "regret the new border fees.\n\n"
        "The fees took effect at midnight.\n\n"
        "“This is an insult to every trader in the south,” the Coastal Courier said in "
        "an editorial."
    )
    doc = tag_actors(nlp(text), table)
    found = [(speaker(q), q.text) for q in code_doc(doc, article_id="t", published=None).quotes]
    assert found[0] == ("Coastal Courier", "Santiago would regret the new border fees")


@pytest.mark.slow
def test_the_sources_are_the_unnamed_people_cited_before(parse: Parse) -> None:
    text = (
        "Citing people close to the negotiations, the newspaper reported that the deal had "
        "collapsed. The sources said that the buyers had walked away on Sunday."
    )
    found = _who(parse, text)
    assert ("people close to the negotiations", "the buyers had walked away on Sunday") in found
