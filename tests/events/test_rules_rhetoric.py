"""Political rhetoric that event words misread (rules_rhetoric, and the topic, plural-leader,
danger and temptation rules of rules_meetings, rules_hedge and rules_not_events), on
sentences written for these tests: an attack with words is criticism, a campaign pledge is
no act toward the party it names, a chamber taken in an election is no assault, a failed
deal is no agreement, a question is no request, a topic discussed is no side of the talks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventline.model import EventMention
from tests.events.conftest import ACTORS, text_coder

pytestmark = pytest.mark.slow

TABLE = {
    **ACTORS,
    "Senate": ("b_senate", "Senate", "FRA", "LEG", "ORG"),
    "Hugo Marchal": ("p_marchal", "Hugo Marchal", "FRA", "LEG", "PERSON"),
}


@pytest.fixture(scope="module")
def code(nlp: Language) -> Callable[[str], list[EventMention]]:
    return text_coder(nlp, TABLE, None)


Code = Callable[[str], list[EventMention]]


def found(events: list[EventMention]) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {
        (e.type, tuple(sorted(a.name for a in e.actor)), tuple(sorted(r.name for r in e.recipient)))
        for e in events
    }


def types(events: list[EventMention]) -> set[str]:
    return {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Velkor attacked Brandt over his pension plan on Monday.",
        "Velkor hit back at Brandt, calling him a liar.",
        "At a rally in Lyon, Velkor attacked Germany over its trade surplus.",
    ],
)
def test_a_person_attacking_with_words_criticises(code: Code, text: str) -> None:
    events = code(text)
    assert "ASSAULT" not in types(events)
    assert "ACCUSE" in types(events)


def test_an_armed_attack_stays_an_assault(code: Code) -> None:
    assert "ASSAULT" in types(code("France attacked Germany with missiles on Monday."))


def test_a_campaign_pledge_is_no_act_toward_the_party_it_names(code: Code) -> None:
    assert "AGREE" not in types(code("At a rally in Lyon, Velkor pledged to work with Poland."))
    assert "AGREE" not in types(
        code("Velkor accepted the nomination on Friday, vowing to end the war in Chile.")
    )
    events = code("Velkor promised voters she would fight for Poland.")
    assert not types(events) & {"AGREE", "ASSAULT"}
    assert "AGREE" in types(code("Velkor pledged to work with Poland on energy."))


def test_a_pledge_reported_by_a_campaign_stays_a_pledge(code: Code) -> None:
    text = "Velkor pledged to sign a treaty with Poland next month, her campaign said."
    assert "AGREE" in types(code(text))


def test_a_chamber_taken_in_an_election_is_no_assault(code: Code) -> None:
    text = "Velkor's party stormed into control of the Senate in Sunday's election."
    assert not types(code(text)) & {"ASSAULT", "COERCE"}


def test_a_deal_that_fails_to_pass_is_the_chambers_rejection(code: Code) -> None:
    events = code("Velkor's pension deal fails to pass Senate")
    assert "AGREE" not in types(events)
    assert ("REJECT", ("Senate",), ()) in found(events)


def test_a_deal_that_collapsed_was_never_agreed(code: Code) -> None:
    assert "AGREE" not in types(code("The gas deal between France and Germany collapsed."))


def test_a_question_is_no_request(code: Code) -> None:
    assert "REQUEST" not in types(code("Velkor asked Brandt about the pension plan."))
    assert "REQUEST" not in types(code("Moderator Hugo Marchal asked Velkor why she left."))
    assert "REQUEST" in types(code("Velkor asked Brandt to send troops to Chile."))


def test_a_chamber_confirms_a_person_not_a_fact(code: Code) -> None:
    assert ("SUPPORT", ("Senate",), ("Tomas Brandt",)) in found(
        code("The Senate confirmed Brandt as ambassador on Friday.")
    )
    assert "SUPPORT" not in types(code("The Senate confirmed that the vote had been delayed."))


def test_calling_an_act_by_a_word_of_censure_criticises_its_owner(code: Code) -> None:
    events = code("Velkor called Brandt's pension plan reckless.")
    assert ("ACCUSE", ("Anna Velkor",), ("Tomas Brandt",)) in found(events)
    assert "ACCUSE" not in types(code("Velkor called Brandt's pension plan a good start."))


def test_a_topic_discussed_is_no_side_of_the_talks(code: Code) -> None:
    events = code("Velkor and Brandt discussed Poland on Monday.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults
    assert all("POL" not in {p.country for p in (*e.actor, *e.recipient)} for e in consults)
    events = code("Poland was discussed by Velkor and Brandt.")
    assert all("POL" not in {p.country for p in e.recipient} for e in events)


def test_the_two_leaders_are_the_two_named_before(code: Code) -> None:
    events = code("Velkor phoned Brandt on Monday. The two leaders discussed Poland.")
    consults = [e for e in events if e.type == "CONSULT" and e.trigger == "discussed"]
    assert consults
    assert {a.name for a in consults[0].actor} == {"Anna Velkor", "Tomas Brandt"}


def test_a_thing_that_endangers_a_party_makes_no_threat(code: Code) -> None:
    assert "THREATEN" not in types(code("Velkor's pension plan threatens Germany."))
    assert "THREATEN" in types(code("Velkor threatened Germany with sanctions."))


def test_yielding_to_a_temptation_concedes_nothing(code: Code) -> None:
    assert "CONCEDE" not in types(code("Velkor yielded to the temptation of Germany's money."))


def test_an_inquiry_into_allegations_is_aimed_at_the_party_they_name(code: Code) -> None:
    events = code(
        "Velkor said France was investigating allegations linking Nigerian agents to the fire."
    )
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations
    assert {"NGA"} <= {r.country for e in accusations for r in e.recipient}


def test_aid_withheld_to_a_state_names_it(code: Code) -> None:
    events = code("France withheld $40 million in military aid to Chile on Tuesday.")
    assert ("SANCTION", ("France",), ("Chile",)) in found(events)


def test_a_sentence_read_as_a_noun_keeps_its_doer(code: Code) -> None:
    events = code("Nigerian rebels handed over their last weapons to French monitors on Tuesday.")
    retreats = [e for e in events if e.type == "RETREAT"]
    assert retreats
    assert "NGA" in {a.country for a in retreats[0].actor}


def test_a_role_named_by_a_chain_of_compounds_is_placed_at_home(code: Code) -> None:
    events = code("Nigerian police opened an investigation into a student protest leader.")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations
    assert "NGA" in {r.country for r in accusations[0].recipient}


def test_forces_that_exchanged_fire_attacked(code: Code) -> None:
    events = code("French and German forces exchanged artillery fire along the border.")
    assert "ASSAULT" in types(events)


def test_criticism_an_act_draws_is_aimed_at_its_doer(code: Code) -> None:
    events = code("Chile tested a missile on Monday, drawing sharp criticism from Peru.")
    assert ("ACCUSE", ("Peru",), ("Chile",)) in found(events)


def test_aid_pledged_for_a_party_is_pledged_to_it(code: Code) -> None:
    events = code(
        "France pledged $2 billion in reconstruction aid for Chile at a conference in Paris."
    )
    agrees = [e for e in events if e.type == "AGREE"]
    assert agrees
    assert {r.country for r in agrees[0].recipient} == {"CHL"}


def test_people_beaten_by_police_at_an_electoral_office_were_assaulted(code: Code) -> None:
    text = "Chilean protesters were beaten by Nigerian police outside the electoral commission."
    assert "ASSAULT" in types(code(text))
    assert "ASSAULT" not in types(code("Velkor beat Brandt in the election on Sunday."))


def test_charges_announced_against_a_party_accuse_it(code: Code) -> None:
    events = code("Velkor announced charges against two Chilean officers on Wednesday.")
    assert "ACCUSE" in types(events)


def test_the_side_spoken_with_on_the_telephone_is_the_other_side(code: Code) -> None:
    events = code("Velkor spoke by telephone with Brandt about gas supplies, Paris said.")
    consults = [e for e in events if e.type == "CONSULT"]
    assert consults
    parties = {p.name for e in consults for p in (*e.actor, *e.recipient)}
    assert {"Anna Velkor", "Tomas Brandt"} <= parties


def test_suspects_handed_over_to_a_state_are_judicial_cooperation(code: Code) -> None:
    events = code("France handed over two suspected militants to Chile on Monday.")
    assert ("COOPERATE", ("France",), ("Chile",)) in found(events)


def test_a_cricket_win_by_runs_is_sport(code: Code) -> None:
    assert "ASSAULT" not in types(code("Chile beat Peru by 89 runs in Lima."))


def test_an_act_promised_if_elected_is_a_campaign_promise(code: Code) -> None:
    assert "COERCE" not in types(
        code("Velkor said she would arrest Brandt if she won the election.")
    )
    assert "COERCE" in types(code("Velkor said France would arrest Brandt on Monday."))


def test_campaigning_for_a_person_supports_that_person(code: Code) -> None:
    events = code("Velkor campaigned for Brandt in Lyon on Friday.")
    assert "REQUEST" not in types(events)


def test_politicians_clashing_over_a_topic_criticise_each_other(code: Code) -> None:
    events = code("Velkor and Brandt clashed over pensions in the televised debate.")
    assert "ASSAULT" not in types(events)


def test_what_a_candidate_tells_a_rally_others_keep_doing_is_a_claim(code: Code) -> None:
    text = "Velkor told supporters at a rally in Lyon that Germany was stealing French jobs."
    assert "COERCE" not in types(code(text))
    assert "COERCE" in types(code("Velkor said Germany was stealing French jobs."))
