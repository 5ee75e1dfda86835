"""Round-5 argument rules (#11, args5) on hand-built parses: a demand to let people go is
addressed to their holder; an event noun keeps the target the parser hung on its verb; a
reduced passive relative names its patient and agent; people placed by a city are those
people, not the state."""

from __future__ import annotations

from pathlib import Path

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.syntax import subject
from tests.events.conftest import Row, candidates_of, parsed_doc

EVENTS = Path(__file__).resolve().parents[2] / "src" / "eventline" / "events"

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Chilean": ("kb:CHL", "Chile", "CHL", None, "NORP"),
    "Santiago": ("kb:CHL", "Chile", "CHL", "GOV", "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
    "Peruvian": ("kb:PER", "Peru", "PER", None, "NORP"),
    "Bolivian": ("kb:BOL", "Bolivia", "BOL", None, "NORP"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def of_type(cands: list[EventCandidate], etype: str) -> EventCandidate:
    (found,) = [c for c in cands if c.type == etype]
    return found


def demanded_release(holding: str, prep: str, holder: list[Row]) -> list[Row]:
    """ "Peru demanded the release of fishermen <holding> <prep> <holder> ." """
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("release", 1, "dobj", "NOUN", "NN", "release"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("fishermen", 4, "pobj", "NOUN", "NNS", "fisherman"),
        (holding, 5, "acl", "VERB", "VBN", holding.removesuffix("ed").removesuffix("e")),
        (prep, 6, "agent" if prep == "by" else "prep", "ADP", "IN", prep),
    ]
    return [*rows, *holder, (".", 1, "punct", "PUNCT", ".", ".")]


def test_a_demand_for_release_goes_to_the_agent_holding_them() -> None:
    rows = demanded_release("detained", "by", [("Chile", 7, "pobj", "PROPN", "NNP", "Chile")])
    rows[6] = ("detained", 5, "acl", "VERB", "VBN", "detain")
    request = of_type(coded(rows), "REQUEST")
    assert [r.country for r in request.recipient] == ["CHL"]


def test_a_demand_for_release_goes_to_the_owner_of_the_jails() -> None:
    rows = demanded_release(
        "held",
        "in",
        [
            ("Chilean", 9, "amod", "ADJ", "JJ", "chilean"),
            ("jails", 7, "pobj", "NOUN", "NNS", "jail"),
        ],
    )
    rows[6] = ("held", 5, "acl", "VERB", "VBN", "hold")
    request = of_type(coded(rows), "REQUEST")
    assert [r.country for r in request.recipient] == ["CHL"]


def test_people_held_nowhere_named_leave_the_demand_alone() -> None:
    rows = demanded_release("held", "for", [("months", 7, "pobj", "NOUN", "NNS", "month")])
    rows[6] = ("held", 5, "acl", "VERB", "VBN", "hold")
    request = of_type(coded(rows), "REQUEST")
    assert "CHL" not in {r.country for r in request.recipient}


def condemned_strikes(prep: str, adjacent: bool) -> list[Row]:
    """ "Peru condemned the Bolivian strikes on Santiago ." with "on" hung on the verb; or
    "Peru condemned the Bolivian strikes yesterday on Santiago" (not adjacent)."""
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("Bolivian", 4, "amod", "ADJ", "JJ", "bolivian"),
        ("strikes", 1, "dobj", "NOUN", "NNS", "strike"),
    ]
    if not adjacent:
        rows.append(("yesterday", 1, "npadvmod", "NOUN", "NN", "yesterday"))
    at = len(rows)
    rows += [
        (prep, 1, "prep", "ADP", "IN", prep),
        ("Santiago", at, "pobj", "PROPN", "NNP", "Santiago"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    return rows


def test_a_noun_keeps_the_target_hung_on_its_verb() -> None:
    strike = of_type(coded(condemned_strikes("on", adjacent=True)), "ASSAULT")
    assert [r.country for r in strike.actor] == ["BOL"]
    assert [r.country for r in strike.recipient] == ["CHL"]


def test_a_target_across_another_word_is_the_verbs() -> None:
    strike = of_type(coded(condemned_strikes("on", adjacent=False)), "ASSAULT")
    assert "CHL" not in {r.country for r in strike.recipient}


def test_the_accusation_still_targets_the_attacker() -> None:
    accuse = of_type(coded(condemned_strikes("on", adjacent=True)), "ACCUSE")
    assert [r.country for r in accuse.recipient] == ["BOL"]


def responded_with(noun: str, lemma: str, verb: str = "responded") -> list[Row]:
    """ "Peru <verb> with air <noun> on Chile ." """
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        (verb, 1, "ROOT", "VERB", "VBD", verb.removesuffix("ed").removesuffix("d")),
        ("with", 1, "prep", "ADP", "IN", "with"),
        ("air", 4, "compound", "NOUN", "NN", "air"),
        (noun, 2, "pobj", "NOUN", "NNS", lemma),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_responding_with_strikes_is_striking() -> None:
    rows = responded_with("strikes", "strike")
    rows[1] = ("responded", 1, "ROOT", "VERB", "VBD", "respond")
    strike = of_type(coded(rows), "ASSAULT")
    assert [r.country for r in strike.actor] == ["PER"]
    assert [r.country for r in strike.recipient] == ["CHL"]


def test_retaliating_with_strikes_is_striking() -> None:
    rows = responded_with("strikes", "strike")
    rows[1] = ("retaliated", 1, "ROOT", "VERB", "VBD", "retaliate")
    strike = of_type(coded(rows), "ASSAULT")
    assert [r.country for r in strike.actor] == ["PER"]


def test_strikes_with_any_verb_are_no_response() -> None:
    rows = responded_with("strikes", "strike")
    rows[1] = ("agreed", 1, "ROOT", "VERB", "VBD", "agree")
    assert not [c for c in coded(rows) if c.type == "ASSAULT" and c.trigger.i == 4]


def released_by(agent: bool) -> list[Row]:
    """ "Peru freed soldiers released by Chile ." or "... soldiers released yesterday ." """
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("welcomed", 1, "ROOT", "VERB", "VBD", "welcome"),
        ("Peruvian", 3, "amod", "ADJ", "JJ", "peruvian"),
        ("prisoners", 1, "dobj", "NOUN", "NNS", "prisoner"),
        ("released", 3, "acl", "VERB", "VBN", "release"),
    ]
    if agent:
        rows += [
            ("by", 4, "agent", "ADP", "IN", "by"),
            ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        ]
    else:
        rows.append(("yesterday", 4, "npadvmod", "NOUN", "NN", "yesterday"))
    return [*rows, (".", 1, "punct", "PUNCT", ".", ".")]


def test_a_reduced_passive_with_an_agent_has_the_noun_as_its_subject() -> None:
    doc = parsed_doc(released_by(agent=True), TABLE)
    assert subject(doc[4]) == (doc[3], True)
    release = [c for c in candidates_of(doc) if c.trigger.i == 4]
    assert release and [r.country for r in release[0].actor] == ["CHL"]
    assert [r.country for r in release[0].recipient] == ["PER"]


def test_a_participle_with_no_agent_stays_subjectless() -> None:
    doc = parsed_doc(released_by(agent=False), TABLE)
    assert subject(doc[4]) == (None, False)


def people_in(noun: str, lemma: str, place: str, dep: str = "dobj") -> list[Row]:
    """ "Police beat <noun> in <place> ." with the noun as object (or as `dep`)."""
    return [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("beat", 1, "ROOT", "VERB", "VBD", "beat"),
        (noun, 1, dep, "NOUN", "NNS", lemma),
        ("in", 2, "prep", "ADP", "IN", "in"),
        (place, 3, "pobj", "PROPN", "NNP", place),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_students_in_a_capital_are_that_countrys_students() -> None:
    doc = parsed_doc(people_in("students", "student", "Santiago"), TABLE)
    (ref,) = ActorIndex(doc).refs(doc[2])
    assert (ref.country, ref.sector, ref.id.startswith("desc:")) == ("CHL", "EDU", True)


def test_fighting_in_a_country_is_still_the_country() -> None:
    doc = parsed_doc(people_in("fighting", "fighting", "Chile"), TABLE)
    assert [r.id for r in ActorIndex(doc).refs(doc[2])] == ["kb:CHL"]


def test_a_crowd_as_subject_stays_the_state() -> None:
    doc = parsed_doc(people_in("students", "student", "Santiago", dep="nsubj"), TABLE)
    assert [r.id for r in ActorIndex(doc).refs(doc[2])] == ["kb:CHL"]


def told_to(obj: list[Row], verb: str = "told", lemma: str = "tell") -> list[Row]:
    """ "Peru <verb> <obj> to leave ." with the object's rows given from index 2."""
    at = 2 + len(obj)
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        (verb, 1, "ROOT", "VERB", "VBD", lemma),
        *obj,
        ("to", at + 1, "aux", "PART", "TO", "to"),
        ("leave", 1, "xcomp", "VERB", "VB", "leave"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_telling_another_party_to_act_is_a_request() -> None:
    request = of_type(coded(told_to([("Chile", 1, "dobj", "PROPN", "NNP", "Chile")])), "REQUEST")
    assert [r.country for r in request.actor] == ["PER"]
    assert [r.country for r in request.recipient] == ["CHL"]


def test_instructing_another_party_is_a_request_too() -> None:
    rows = told_to([("Chile", 1, "dobj", "PROPN", "NNP", "Chile")], "instructed", "instruct")
    assert [c.type for c in coded(rows)] == ["REQUEST"]


def test_telling_ones_own_people_is_no_request() -> None:
    own = [
        ("its", 3, "poss", "PRON", "PRP$", "its"),
        ("diplomats", 1, "dobj", "NOUN", "NNS", "diplomat"),
    ]
    assert not [c for c in coded(told_to(own)) if c.type == "REQUEST"]


def test_telling_without_an_infinitive_is_no_request() -> None:
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
        ("nothing", 1, "dobj", "PRON", "NN", "nothing"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert not [c for c in coded(rows) if c.type == "REQUEST"]


def condemned_the_attacks(agent: list[Row]) -> list[Row]:
    """ "Peru condemned the attacks <agent rows, from index 4> ." """
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("attacks", 1, "dobj", "NOUN", "NNS", "attack"),
        *agent,
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_an_agent_hung_on_the_verb_is_the_one_accused() -> None:
    rows = condemned_the_attacks(
        [("by", 1, "prep", "ADP", "IN", "by"), ("Chile", 4, "pobj", "PROPN", "NNP", "Chile")]
    )
    accuse = of_type(coded(rows), "ACCUSE")
    assert [r.country for r in accuse.recipient] == ["CHL"]


def test_the_victim_after_the_noun_is_not_accused() -> None:
    rows = condemned_the_attacks(
        [("on", 1, "prep", "ADP", "IN", "on"), ("Chile", 4, "pobj", "PROPN", "NNP", "Chile")]
    )
    accuse = of_type(coded(rows), "ACCUSE")
    assert accuse.recipient == ()


def test_the_attacks_just_told_name_the_accused() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        ("Bolivia", 1, "dobj", "PROPN", "NNP", "Bolivia"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("Peru", 5, "nsubj", "PROPN", "NNP", "Peru"),
        ("condemned", 1, "conj", "VERB", "VBD", "condemn"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("attacks", 5, "dobj", "NOUN", "NNS", "attack"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    table = {**TABLE, "Bolivia": ("kb:BOL", "Bolivia", "BOL", None, "GPE")}
    accuse = of_type(candidates_of(parsed_doc(rows, table)), "ACCUSE")
    assert [r.country for r in accuse.recipient] == ["CHL"]


def test_a_participle_on_no_named_party_is_no_event() -> None:
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("welcomed", 1, "ROOT", "VERB", "VBD", "welcome"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("bill", 1, "dobj", "NOUN", "NN", "bill"),
        ("released", 3, "acl", "VERB", "VBN", "release"),
        ("by", 4, "agent", "ADP", "IN", "by"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert not [c for c in coded(rows) if c.trigger.i == 4]


def vowed_revenge(after: bool) -> list[Row]:
    """ "Peru vowed revenge after Chile attacked Bolivia ." or "... while Chile ..." """
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("vowed", 1, "ROOT", "VERB", "VBD", "vow"),
        ("revenge", 1, "dobj", "NOUN", "NN", "revenge"),
        ("after" if after else "while", 5, "mark", "SCONJ", "IN", "after" if after else "while"),
        ("Chile", 5, "nsubj", "PROPN", "NNP", "Chile"),
        ("attacked", 1, "advcl", "VERB", "VBD", "attack"),
        ("Bolivia", 5, "dobj", "PROPN", "NNP", "Bolivia"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_a_vow_of_revenge_is_aimed_at_the_attacker_it_answers() -> None:
    table = {**TABLE, "Bolivia": ("kb:BOL", "Bolivia", "BOL", None, "GPE")}
    threats = [
        c for c in candidates_of(parsed_doc(vowed_revenge(True), table)) if c.type == "THREATEN"
    ]
    assert threats and [r.country for r in threats[0].recipient] == ["CHL"]


def test_an_attack_in_another_clause_is_no_answer() -> None:
    table = {**TABLE, "Bolivia": ("kb:BOL", "Bolivia", "BOL", None, "GPE")}
    threats = [
        c for c in candidates_of(parsed_doc(vowed_revenge(False), table)) if c.type == "THREATEN"
    ]
    assert all("CHL" not in {r.country for r in c.recipient} for c in threats)


def they_after_a_person(subject: Row) -> list[Row]:
    """ "<subject> fought in Chile with Brandt , and they attacked Peru .": the nearest name
    before "they" is a person, so the pronoun looks further back."""
    return [
        subject,
        ("fought", 1, "ROOT", "VERB", "VBD", "fight"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Chile", 2, "pobj", "PROPN", "NNP", "Chile"),
        ("with", 1, "prep", "ADP", "IN", "with"),
        ("Brandt", 4, "pobj", "PROPN", "NNP", "Brandt"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("they", 9, "nsubj", "PRON", "PRP", "they"),
        ("attacked", 1, "conj", "VERB", "VBD", "attack"),
        ("Peru", 9, "dobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


PEOPLE = {**TABLE, "Brandt": ("p_brandt", "Tomas Brandt", "DEU", "GOV", "PERSON")}


def test_they_looks_past_a_state_named_as_a_location() -> None:
    rows = they_after_a_person(("Parents", 1, "nsubj", "NOUN", "NNS", "parent"))
    doc = parsed_doc(rows, PEOPLE)
    assert "kb:CHL" not in {r.id for r in ActorIndex(doc).refs(doc[8])}


def test_they_falls_back_to_the_role_noun_subject_before_it() -> None:
    doc = parsed_doc(they_after_a_person(("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel")), PEOPLE)
    assert [r.sector for r in ActorIndex(doc).refs(doc[8])] == ["REB"]


def agreed_at(prep: str, noun: str, lemma: str) -> list[Row]:
    """ "Peru agreed to cooperate <prep> <noun> with Chile ." """
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("agreed", 1, "ROOT", "VERB", "VBD", "agree"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("cooperate", 1, "xcomp", "VERB", "VB", "cooperate"),
        (prep, 3, "prep", "ADP", "IN", prep),
        (noun, 4, "pobj", "NOUN", "NNS", lemma),
        ("with", 5, "prep", "ADP", "IN", "with"),
        ("Chile", 6, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_an_act_done_at_talks_is_towards_the_other_side() -> None:
    agree = of_type(coded(agreed_at("during", "talks", "talk")), "AGREE")
    assert [r.country for r in agree.recipient] == ["CHL"]


def test_an_act_done_at_no_meeting_takes_no_party_from_it() -> None:
    agree = of_type(coded(agreed_at("during", "storms", "storm")), "AGREE")
    assert "CHL" not in {r.country for r in agree.recipient}


def banned_then_judged(summing: str, lemma: str) -> list[Row]:
    """ "Chile banned the group , a <summing> Peru denounced ." """
    return [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("banned", 1, "ROOT", "VERB", "VBD", "ban"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("group", 1, "dobj", "NOUN", "NN", "group"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("a", 6, "det", "DET", "DT", "a"),
        (summing, 1, "npadvmod", "NOUN", "NN", lemma),
        ("Peru", 8, "nsubj", "PROPN", "NNP", "Peru"),
        ("denounced", 6, "relcl", "VERB", "VBD", "denounce"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_a_judged_move_is_aimed_at_the_author_of_the_act_it_sums_up() -> None:
    accuse = of_type(coded(banned_then_judged("move", "move")), "ACCUSE")
    assert [r.country for r in accuse.actor] == ["PER"]
    assert [r.country for r in accuse.recipient] == ["CHL"]


def test_a_noun_that_sums_up_nothing_gives_no_author() -> None:
    accuse = of_type(coded(banned_then_judged("song", "song")), "ACCUSE")
    assert "CHL" not in {r.country for r in accuse.recipient}


def test_the_decision_is_the_act_told_before_it() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("banned", 1, "ROOT", "VERB", "VBD", "ban"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("group", 1, "dobj", "NOUN", "NN", "group"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"),
        ("denounced", 1, "conj", "VERB", "VBD", "denounce"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("decision", 6, "dobj", "NOUN", "NN", "decision"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    accuse = of_type(coded(rows), "ACCUSE")
    assert [r.country for r in accuse.recipient] == ["CHL"]


def met_and_urged(second: Row | None) -> list[Row]:
    """ "Brandt met Novak and urged him to leave ." (or "Brandt met <second> and ...")."""
    met = second or ("Novak", 1, "dobj", "PROPN", "NNP", "Novak")
    return [
        ("Brandt", 1, "nsubj", "PROPN", "NNP", "Brandt"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        met,
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("urged", 1, "conj", "VERB", "VBD", "urge"),
        ("him", 4, "dobj", "PRON", "PRP", "he"),
        ("to", 7, "aux", "PART", "TO", "to"),
        ("leave", 4, "xcomp", "VERB", "VB", "leave"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


TWO_PEOPLE = {**PEOPLE, "Novak": ("p_novak", "Marek Novak", "POL", "GOV", "PERSON")}


def test_an_object_him_is_the_other_person_not_the_subject() -> None:
    doc = parsed_doc(met_and_urged(None), TWO_PEOPLE)
    assert [r.id for r in ActorIndex(doc).refs(doc[5])] == ["p_novak"]


def test_an_object_him_with_no_other_person_names_no_one() -> None:
    doc = parsed_doc(met_and_urged(("Chile", 1, "dobj", "PROPN", "NNP", "Chile")), TWO_PEOPLE)
    assert ActorIndex(doc).refs(doc[5]) == ()


def sentenced_including(on_verb: bool) -> list[Row]:
    """ "Peru sentenced 30 people , including two Chileans ." with "including" on the verb
    or on the object."""
    head = 1 if on_verb else 3
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("sentenced", 1, "ROOT", "VERB", "VBD", "sentence"),
        ("30", 3, "nummod", "NUM", "CD", "30"),
        ("people", 1, "dobj", "NOUN", "NNS", "people"),
        (",", head, "punct", "PUNCT", ",", ","),
        ("including", head, "prep", "VERB", "VBG", "include"),
        ("two", 7, "nummod", "NUM", "CD", "two"),
        ("Chileans", 5, "pobj", "PROPN", "NNPS", "Chileans"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_parties_included_among_the_people_acted_on_are_recipients() -> None:
    table = {**TABLE, "Chileans": ("kb:CHL", "Chile", "CHL", None, "NORP")}
    for on_verb in (True, False):
        cands = candidates_of(parsed_doc(sentenced_including(on_verb), table))
        sentence = [c for c in cands if c.trigger.i == 1]
        assert sentence and "CHL" in {r.country for r in sentence[0].recipient}


def declined_request(verb: str, lemma: str) -> list[Row]:
    """ "Peru declined a request to <verb> Chile ." """
    return [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("declined", 1, "ROOT", "VERB", "VBD", "decline"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("request", 1, "dobj", "NOUN", "NN", "request"),
        ("to", 5, "aux", "PART", "TO", "to"),
        (verb, 3, "acl", "VERB", "VB", lemma),
        ("Chile", 5, "dobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_declining_a_request_to_meet_someone_answers_their_side() -> None:
    reject = [c for c in coded(declined_request("meet", "meet")) if c.type == "REJECT"]
    assert reject and [r.country for r in reject[0].recipient] == ["CHL"]


def test_a_request_to_do_something_else_names_no_party_by_it() -> None:
    reject = [c for c in coded(declined_request("paint", "paint")) if c.type == "REJECT"]
    assert all("CHL" not in {r.country for r in c.recipient} for c in reject)


def test_an_infinitive_passive_on_a_noun_is_no_done_act() -> None:
    rows = released_by(agent=True)
    rows[4:4] = [("to", 6, "aux", "PART", "TO", "to"), ("be", 6, "auxpass", "AUX", "VB", "be")]
    rows = [(w, h + 2 if h >= 4 else h, d, p, t, lm) for w, h, d, p, t, lm in rows]
    rows[4] = ("to", 6, "aux", "PART", "TO", "to")
    rows[5] = ("be", 6, "auxpass", "AUX", "VB", "be")
    doc = parsed_doc(rows, TABLE)
    assert doc[6].lower_ == "released" and doc[6].dep_ == "acl"
    assert subject(doc[6])[0] != doc[3]


def test_a_move_hung_on_a_noun_of_the_clause_still_sums_up_its_act() -> None:
    rows = banned_then_judged("move", "move")
    rows[6] = ("move", 3, "appos", "NOUN", "NN", "move")  # parsed onto "group"
    accuse = of_type(coded(rows), "ACCUSE")
    assert [r.country for r in accuse.recipient] == ["CHL"]


def test_parties_included_in_the_subject_act_too() -> None:
    rows: list[Row] = [
        ("Governments", 3, "nsubj", "NOUN", "NNS", "government"),
        ("including", 0, "prep", "VERB", "VBG", "include"),
        ("Chile", 1, "pobj", "PROPN", "NNP", "Chile"),
        ("condemned", 3, "ROOT", "VERB", "VBD", "condemn"),
        ("Peru", 3, "dobj", "PROPN", "NNP", "Peru"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    accuse = of_type(coded(rows), "ACCUSE")
    assert "CHL" in {r.country for r in accuse.actor}
    assert [r.country for r in accuse.recipient] == ["PER"]


def test_an_unplaced_judge_takes_the_country_of_the_act_it_judges() -> None:
    rows = banned_then_judged("move", "move")
    rows[7] = ("Rebels", 8, "nsubj", "NOUN", "NNS", "rebel")
    accuse = of_type(coded(rows), "ACCUSE")
    assert [(r.sector, r.country) for r in accuse.actor] == [("REB", "CHL")]
    assert [r.country for r in accuse.recipient] == ["CHL"]
