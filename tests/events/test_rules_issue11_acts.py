"""Issue #11 triggers and acts on hand-built parses: a vow of revenge is a threat, a refusal
phrased as "ruled out" or "would not accept" is a REJECT, a pledge with a to-infinitive is
an AGREE, protesters' demands are the protest's content, unnamed crowds and juries are
coded by their role, troops moved are a mobilization, and particles tagged as adverbs still
make phrasal verbs."""

from __future__ import annotations

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, candidates_of, names, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def types(rows: list[Row]) -> list[str]:
    return sorted(c.type for c in coded(rows))


def test_a_vow_of_revenge_is_a_threat_and_another_vow_an_agreement() -> None:
    # Chile vowed swift revenge.
    revenge: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("vowed", 1, "ROOT", "VERB", "VBD", "vow"),
        ("swift", 3, "amod", "ADJ", "JJ", "swift"),
        ("revenge", 1, "dobj", "NOUN", "NN", "revenge"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert types(revenge) == ["THREATEN"]
    # Chile vowed swift reforms.
    reforms = [*revenge[:3], ("reforms", 1, "dobj", "NOUN", "NNS", "reform"), revenge[4]]
    assert types(reforms) == ["AGREE"]


def test_talks_ruled_out_are_refused_not_held() -> None:
    # Velkor ruled out talks with Okafor.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("ruled", 1, "ROOT", "VERB", "VBD", "rule"),
        ("out", 1, "prt", "ADP", "RP", "out"),
        ("talks", 1, "dobj", "NOUN", "NNS", "talk"),
        ("with", 3, "prep", "ADP", "IN", "with"),
        ("Okafor", 4, "pobj", "PROPN", "NNP", "Okafor"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, names(ev.actor), names(ev.recipient)) == (
        "REJECT",
        ["Anna Velkor"],
        ["Lena Okafor"],
    )


def test_a_ruling_that_will_not_be_accepted_is_rejected() -> None:
    # Peru said it would not accept the court's ruling.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("it", 5, "nsubj", "PRON", "PRP", "it"),
        ("would", 5, "aux", "AUX", "MD", "would"),
        ("not", 5, "neg", "PART", "RB", "not"),
        ("accept", 1, "ccomp", "VERB", "VB", "accept"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("court", 9, "poss", "NOUN", "NN", "court"),
        ("'s", 7, "case", "PART", "POS", "'s"),
        ("ruling", 5, "dobj", "NOUN", "NN", "ruling"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows) if c.trigger.lower_ == "accept"] == ["REJECT"]


def test_committing_to_an_action_is_an_agreement() -> None:
    # Okafor committed to lower tariffs on Chile.
    rows: list[Row] = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
        ("committed", 1, "ROOT", "VERB", "VBD", "commit"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("lower", 1, "xcomp", "VERB", "VB", "lower"),
        ("tariffs", 3, "dobj", "NOUN", "NNS", "tariff"),
        ("on", 4, "prep", "ADP", "IN", "on"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "AGREE" in types(rows)


def _street_protest(purpose: list[Row]) -> list[Row]:
    # Thousands of students took to the streets of Peru PURPOSE.
    return [
        ("Thousands", 3, "nsubj", "NOUN", "NNS", "thousand"),
        ("of", 0, "prep", "ADP", "IN", "of"),
        ("students", 1, "pobj", "NOUN", "NNS", "student"),
        ("took", 3, "ROOT", "VERB", "VBD", "take"),
        ("to", 3, "prep", "ADP", "IN", "to"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("streets", 4, "pobj", "NOUN", "NNS", "street"),
        ("of", 6, "prep", "ADP", "IN", "of"),
        ("Peru", 7, "pobj", "PROPN", "NNP", "Peru"),
        *purpose,
        (".", 3, "punct", "PUNCT", ".", "."),
    ]


def test_taking_to_the_streets_is_a_protest_whose_demand_is_its_content() -> None:
    rows = _street_protest(
        [
            ("to", 10, "aux", "PART", "TO", "to"),
            ("demand", 3, "advcl", "VERB", "VB", "demand"),
            ("reforms", 10, "dobj", "NOUN", "NNS", "reform"),
        ]
    )
    (ev,) = coded(rows)
    assert ev.type == "PROTEST" and ev.content is not None and "reforms" in ev.content
    assert {a.country for a in ev.actor} == {"PER"}


def test_taking_something_to_a_place_is_no_protest() -> None:
    # Okafor took the plan to Peru.
    rows: list[Row] = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
        ("took", 1, "ROOT", "VERB", "VBD", "take"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("plan", 1, "dobj", "NOUN", "NN", "plan"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "PROTEST" not in types(rows)


def test_a_crowd_counted_by_thousands_marching_through_a_country_is_coded_there() -> None:
    # Hundreds of protesters marched through Chile.
    rows: list[Row] = [
        ("Hundreds", 3, "nsubj", "NOUN", "NNS", "hundred"),
        ("of", 0, "prep", "ADP", "IN", "of"),
        ("protesters", 1, "pobj", "NOUN", "NNS", "protester"),
        ("marched", 3, "ROOT", "VERB", "VBD", "march"),
        ("through", 3, "prep", "ADP", "IN", "through"),
        ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert ev.type == "PROTEST"
    assert [(a.country, a.sector) for a in ev.actor] == [("CHL", "OPP")]


def test_a_particle_tagged_as_an_adverb_still_makes_the_phrasal_verb() -> None:
    # Okafor stepped down.
    rows: list[Row] = [
        ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
        ("stepped", 1, "ROOT", "VERB", "VBD", "step"),
        ("down", 1, "advmod", "ADV", "RB", "down"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, ev.mode) == ("RETREAT", "resign")


def test_troops_moved_and_massed_in_the_thousands_are_a_mobilization() -> None:
    # Chile moved tens of thousands of troops toward Peru.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("moved", 1, "ROOT", "VERB", "VBD", "move"),
        ("tens", 4, "quantmod", "NOUN", "NNS", "ten"),
        ("of", 4, "quantmod", "ADP", "IN", "of"),
        ("thousands", 1, "dobj", "NOUN", "NNS", "thousand"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("troops", 5, "pobj", "NOUN", "NNS", "troop"),
        ("toward", 1, "prep", "ADP", "IN", "toward"),
        ("Peru", 7, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert types(rows) == ["MOBILIZE"]
    # Chile moved its headquarters: no troops, no event.
    office = [rows[0], rows[1], ("offices", 1, "dobj", "NOUN", "NNS", "office"), rows[-1]]
    office[-1] = (".", 1, "punct", "PUNCT", ".", ".")
    assert types(office) == []


def test_a_grand_jury_indicting_is_a_judicial_accusation() -> None:
    # A grand jury indicted Okafor.
    rows: list[Row] = [
        ("A", 2, "det", "DET", "DT", "a"),
        ("grand", 2, "amod", "ADJ", "JJ", "grand"),
        ("jury", 3, "nsubj", "NOUN", "NN", "jury"),
        ("indicted", 3, "ROOT", "VERB", "VBD", "indict"),
        ("Okafor", 3, "dobj", "PROPN", "NNP", "Okafor"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, [a.sector for a in ev.actor]) == ("ACCUSE", ["JUD"])
    assert names(ev.recipient) == ["Lena Okafor"]


def test_a_curated_particle_verb_does_not_silence_the_generated_ones_of_its_lemma() -> None:
    lex = lexicon()
    assert any(p.prep == "to" and p.needs for p in lex.verbs["take"])
    assert "take over" in lex.generated  # PETRARCH's seizure pattern stays
    assert "take" not in lex.generated  # the plain lemma is the curated verb's


def test_police_using_water_cannon_to_disperse_a_crowd_is_crowd_control_force() -> None:
    # Riot police used water cannon to disperse marchers in Chile.
    rows: list[Row] = [
        ("Riot", 1, "compound", "NOUN", "NN", "riot"),
        ("police", 2, "nsubj", "NOUN", "NNS", "police"),
        ("used", 2, "ROOT", "VERB", "VBD", "use"),
        ("water", 4, "compound", "NOUN", "NN", "water"),
        ("cannon", 2, "dobj", "NOUN", "NN", "cannon"),
        ("to", 6, "aux", "PART", "TO", "to"),
        ("disperse", 2, "xcomp", "VERB", "VB", "disperse"),
        ("protesters", 6, "dobj", "NOUN", "NNS", "protester"),
        ("in", 6, "prep", "ADP", "IN", "in"),
        ("Chile", 8, "pobj", "PROPN", "NNP", "Chile"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, ev.mode) == ("ASSAULT", "crowd-control")
    assert [(a.country, a.sector) for a in ev.actor] == [("CHL", "COP")]


def test_leaders_of_a_body_named_by_its_kind_act_for_it() -> None:
    # Leaders of the opposition coalition agreed to postpone the rally in Chile.
    rows: list[Row] = [
        ("Leaders", 5, "nsubj", "NOUN", "NNS", "leader"),
        ("of", 0, "prep", "ADP", "IN", "of"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("opposition", 4, "compound", "NOUN", "NN", "opposition"),
        ("coalition", 1, "pobj", "NOUN", "NN", "coalition"),
        ("agreed", 5, "ROOT", "VERB", "VBD", "agree"),
        ("to", 7, "aux", "PART", "TO", "to"),
        ("postpone", 5, "xcomp", "VERB", "VB", "postpone"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("rally", 7, "dobj", "NOUN", "NN", "rally"),
        ("in", 9, "prep", "ADP", "IN", "in"),
        ("Chile", 10, "pobj", "PROPN", "NNP", "Chile"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    agree = [c for c in coded(rows) if c.type == "AGREE"]
    assert [a.sector for c in agree for a in c.actor] == ["OPP"]
    # Leaders of the ruling coalition ...: a body of no known kind names no one.
    ruling = [*rows[:3], ("ruling", 4, "amod", "VERB", "VBG", "rule"), *rows[4:]]
    assert [c for c in coded(ruling) if c.type == "AGREE"] == []


def _raid(target: tuple[str, str]) -> list[Row]:
    # Chilean police raided TARGET.
    return [
        ("Chilean", 1, "amod", "ADJ", "JJ", "chilean"),
        ("police", 2, "nsubj", "NOUN", "NNS", "police"),
        ("raided", 2, "ROOT", "VERB", "VBD", "raid"),
        (target[0], 2, "dobj", target[1], "NN", target[0].lower()),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]


def test_a_domestic_measure_on_an_unplaced_target_is_aimed_at_the_own_population() -> None:
    table = {**TABLE, "Chilean police": ("kb:CHL.police", "Chile Police", "CHL", "COP", "ORG")}
    table["Zorvex"] = ("act_zorvex", "Zorvex", None, None, "ORG")
    doc = parsed_doc(_raid(("Zorvex", "PROPN")), table)
    (ev,) = candidates(doc, ActorIndex(doc), lexicon())
    assert ev.type == "COERCE" and [(r.name, r.country) for r in ev.recipient] == [
        ("Zorvex", "CHL")
    ]
    # ... raided Peru: a target with its own country keeps it.
    doc = parsed_doc(_raid(("Peru", "PROPN")), table)
    (ev,) = candidates(doc, ActorIndex(doc), lexicon())
    assert [r.country for r in ev.recipient] == ["PER"]


def test_troops_massed_at_a_border_face_the_country_across_it() -> None:
    # Chile massed troops near its border with Peru.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("massed", 1, "ROOT", "VERB", "VBD", "mass"),
        ("troops", 1, "dobj", "NOUN", "NNS", "troop"),
        ("near", 1, "prep", "ADP", "IN", "near"),
        ("its", 5, "poss", "PRON", "PRP$", "its"),
        ("border", 3, "pobj", "NOUN", "NN", "border"),
        ("with", 5, "prep", "ADP", "IN", "with"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, names(ev.recipient)) == ("MOBILIZE", ["Peru"])


def test_a_body_at_its_own_meeting_consults_no_one() -> None:
    # Chile will decide at its meeting.
    rows: list[Row] = [
        ("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"),
        ("will", 2, "aux", "AUX", "MD", "will"),
        ("decide", 2, "ROOT", "VERB", "VB", "decide"),
        ("at", 2, "prep", "ADP", "IN", "at"),
        ("its", 5, "poss", "PRON", "PRP$", "its"),
        ("meeting", 3, "pobj", "NOUN", "NN", "meeting"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows)] == []
    # Chile will decide at its meeting with Peru: a side met.
    rows[6:] = [
        ("with", 5, "prep", "ADP", "IN", "with"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows)] == ["CONSULT"]


def test_a_match_score_marks_sport() -> None:
    # Zorvex stormed to a 4-1 win.
    table = {**TABLE, "Zorvex": ("act_zorvex", "Zorvex", None, None, "ORG")}
    rows: list[Row] = [
        ("Zorvex", 1, "nsubj", "PROPN", "NNP", "Zorvex"),
        ("stormed", 1, "ROOT", "VERB", "VBD", "storm"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("4-1", 5, "nummod", "NUM", "CD", "4-1"),
        ("win", 2, "pobj", "NOUN", "NN", "win"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, table)
    assert candidates(doc, ActorIndex(doc), lexicon()) == []
    # Zorvex stormed to the square: no score, still an act.
    rows[4:6] = [("square", 2, "pobj", "NOUN", "NN", "square")]
    rows[3] = ("the", 4, "det", "DET", "DT", "the")
    rows[-1] = (".", 1, "punct", "PUNCT", ".", ".")
    doc = parsed_doc(rows, table)
    assert [c.type for c in candidates(doc, ActorIndex(doc), lexicon())] == ["ASSAULT"]


def test_an_act_the_accused_is_said_to_have_done_is_the_accusation_content() -> None:
    # Chile accused Peru of shelling villages.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("accused", 1, "ROOT", "VERB", "VBD", "accuse"),
        ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("shelling", 3, "pcomp", "VERB", "VBG", "shell"),
        ("villages", 4, "dobj", "NOUN", "NNS", "village"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, names(ev.recipient)) == ("ACCUSE", ["Peru"])
    assert ev.content is not None and "shelling" in ev.content


def test_a_rally_that_is_the_setting_of_an_endorsement_is_no_protest() -> None:
    # Velkor endorsed Okafor at a rally.
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("endorsed", 1, "ROOT", "VERB", "VBD", "endorse"),
        ("Okafor", 1, "dobj", "PROPN", "NNP", "Okafor"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("rally", 3, "pobj", "NOUN", "NN", "rally"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert types(rows) == ["SUPPORT"]


def test_protesters_hit_during_a_protest_are_the_protest_actor() -> None:
    # Chilean troops shot Peruvians during protests.
    table = {**TABLE, "Chilean troops": ("kb:CHL.mil", "Chile Army", "CHL", "MIL", "ORG")}
    table["Peruvians"] = ("kb:PER", "Peru", "PER", None, "NORP")
    rows: list[Row] = [
        ("Chilean", 1, "amod", "ADJ", "JJ", "chilean"),
        ("troops", 2, "nsubj", "NOUN", "NNS", "troop"),
        ("shot", 2, "ROOT", "VERB", "VBD", "shoot"),
        ("Peruvians", 2, "dobj", "PROPN", "NNPS", "Peruvians"),
        ("during", 2, "prep", "ADP", "IN", "during"),
        ("protests", 4, "pobj", "NOUN", "NNS", "protest"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, table)
    found = {c.type: c for c in candidates(doc, ActorIndex(doc), lexicon())}
    assert [a.country for a in found["ASSAULT"].actor] == ["CHL"]
    assert [a.country for a in found["PROTEST"].actor] == ["PER"]


def _blocked(subject: list[Row]) -> list[Row]:
    # SUBJECT blocked the roads.
    n = len(subject)
    return [
        *subject,
        ("blocked", n, "ROOT", "VERB", "VBD", "block"),
        ("the", n + 2, "det", "DET", "DT", "the"),
        ("roads", n, "dobj", "NOUN", "NNS", "road"),
        (".", n, "punct", "PUNCT", ".", "."),
    ]


def test_a_state_blocking_roads_coerces_and_protesters_blocking_them_protest() -> None:
    state = _blocked([("Chile", 1, "nsubj", "PROPN", "NNP", "Chile")])
    doc = parsed_doc(state, TABLE, ents=[(0, 1, "GPE")])
    assert [c.type for c in candidates(doc, ActorIndex(doc), lexicon())] == ["COERCE"]
    crowd = _blocked(
        [
            ("Protesters", 3, "nsubj", "NOUN", "NNS", "protester"),
            ("in", 0, "prep", "ADP", "IN", "in"),
            ("Chile", 1, "pobj", "PROPN", "NNP", "Chile"),
        ]
    )
    doc = parsed_doc(crowd, TABLE, ents=[(2, 3, "GPE")])
    assert [c.type for c in candidates(doc, ActorIndex(doc), lexicon())] == ["PROTEST"]


def test_house_arrest_and_a_state_of_emergency_are_coercion() -> None:
    # Chile placed Velkor under house arrest.
    arrest: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("placed", 1, "ROOT", "VERB", "VBD", "place"),
        ("Velkor", 1, "dobj", "PROPN", "NNP", "Velkor"),
        ("under", 1, "prep", "ADP", "IN", "under"),
        ("house", 5, "compound", "NOUN", "NN", "house"),
        ("arrest", 3, "pobj", "NOUN", "NN", "arrest"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(arrest)
    assert (ev.type, ev.mode, names(ev.recipient)) == ("COERCE", "arrest", ["Anna Velkor"])
    # Chile declared a state of emergency.
    emergency: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("declared", 1, "ROOT", "VERB", "VBD", "declare"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("state", 1, "dobj", "NOUN", "NN", "state"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("emergency", 4, "pobj", "NOUN", "NN", "emergency"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, c.mode) for c in coded(emergency)] == [("COERCE", "martial-law")]


def test_barred_from_entering_is_refused_entry_and_barred_from_school_a_restriction() -> None:
    def barred(action: str, lemma: str) -> list[Row]:
        # Chile barred Velkor from ACTION.
        return [
            ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
            ("barred", 1, "ROOT", "VERB", "VBD", "bar"),
            ("Velkor", 1, "dobj", "PROPN", "NNP", "Velkor"),
            ("from", 1, "prep", "ADP", "IN", "from"),
            (action, 3, "pcomp", "VERB", "VBG", lemma),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]

    assert types(barred("entering", "enter")) == ["REJECT"]
    assert types(barred("teaching", "teach")) == ["COERCE"]


def test_a_loan_approved_and_a_weapons_package_announced_are_aid() -> None:
    # Chile approved a loan to Peru.
    loan: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("approved", 1, "ROOT", "VERB", "VBD", "approve"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("loan", 1, "dobj", "NOUN", "NN", "loan"),
        ("to", 3, "prep", "ADP", "IN", "to"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, names(c.recipient)) for c in coded(loan)] == [("AID", ["Peru"])]
    # Chile approved a plan: still an approval (SUPPORT), no aid.
    plan = [*loan[:3], ("plan", 1, "dobj", "NOUN", "NN", "plan"), loan[-1]]
    assert "AID" not in types(plan)
    # Chile announced a weapons package for Peru.
    package: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("weapons", 4, "compound", "NOUN", "NNS", "weapon"),
        ("package", 1, "dobj", "NOUN", "NN", "package"),
        ("for", 4, "prep", "ADP", "IN", "for"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, names(c.recipient)) for c in coded(package)] == [("AID", ["Peru"])]


def test_money_given_in_aid_to_a_party_names_it_as_recipient() -> None:
    # Chile provided $5 million in aid to Peru.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("provided", 1, "ROOT", "VERB", "VBD", "provide"),
        ("$", 4, "nmod", "SYM", "$", "$"),
        ("5", 4, "compound", "NUM", "CD", "5"),
        ("million", 1, "dobj", "NUM", "CD", "million"),
        ("in", 4, "prep", "ADP", "IN", "in"),
        ("aid", 5, "pobj", "NOUN", "NN", "aid"),
        ("to", 6, "prep", "ADP", "IN", "to"),
        ("Peru", 7, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    aid = [c for c in coded(rows) if c.type == "AID"]
    assert aid and all(names(c.recipient) == ["Peru"] for c in aid)


def test_a_team_of_rescuers_sent_is_aid() -> None:
    # Chile sent a team of rescuers to Peru.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("sent", 1, "ROOT", "VERB", "VBD", "send"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("team", 1, "dobj", "NOUN", "NN", "team"),
        ("of", 3, "prep", "ADP", "IN", "of"),
        ("rescuers", 4, "pobj", "NOUN", "NNS", "rescuer"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, names(c.recipient)) for c in coded(rows)] == [("AID", ["Peru"])]


def test_withdrawing_from_a_pact_is_a_sanction_not_a_retreat() -> None:
    # Chile withdrew from the Lima agreement.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("withdrew", 1, "ROOT", "VERB", "VBD", "withdraw"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("Peru", 5, "compound", "PROPN", "NNP", "Peru"),
        ("agreement", 2, "pobj", "NOUN", "NN", "agreement"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, ev.mode, ev.recipient) == ("SANCTION", "withdraw", ())
    # Chile withdrew from Peru: troops leaving a country stay a RETREAT.
    country = [*rows[:3], ("Peru", 2, "pobj", "PROPN", "NNP", "Peru"), rows[-1]]
    country[-1] = (".", 1, "punct", "PUNCT", ".", ".")
    assert types(country) == ["RETREAT"]


def test_a_court_sentence_is_a_conviction_and_suspended_talks_a_sanction() -> None:
    # Chile's court sentenced Velkor.
    table = {**TABLE, "court": ("kb:CHL.judiciary", "Chile Judiciary", "CHL", "JUD", "ORG")}
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("court", 2, "nsubj", "NOUN", "NN", "court"),
        ("sentenced", 2, "ROOT", "VERB", "VBD", "sentence"),
        ("Velkor", 2, "dobj", "PROPN", "NNP", "Velkor"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, table)
    found = candidates(doc, ActorIndex(doc), lexicon())
    assert [(c.type, c.mode) for c in found] == [("SANCTION", "convict")]
    # Chile suspended talks with Peru (the lemma of "talks" is "talk").
    talks: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("suspended", 1, "ROOT", "VERB", "VBD", "suspend"),
        ("talks", 1, "dobj", "NOUN", "NNS", "talk"),
        ("with", 2, "prep", "ADP", "IN", "with"),
        ("Peru", 3, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, names(c.recipient)) for c in coded(talks)] == [("SANCTION", ["Peru"])]


def test_a_meeting_announced_in_a_televised_address_is_still_a_meeting() -> None:
    # Chile and Peru will hold talks, Velkor said in a televised address.
    rows: list[Row] = [
        ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("will", 4, "aux", "AUX", "MD", "will"),
        ("hold", 8, "ccomp", "VERB", "VB", "hold"),
        ("talks", 4, "dobj", "NOUN", "NNS", "talk"),
        (",", 8, "punct", "PUNCT", ",", ","),
        ("Velkor", 8, "nsubj", "PROPN", "NNP", "Velkor"),
        ("said", 8, "ROOT", "VERB", "VBD", "say"),
        ("in", 8, "prep", "ADP", "IN", "in"),
        ("a", 12, "det", "DET", "DT", "a"),
        ("televised", 12, "amod", "VERB", "VBN", "televise"),
        ("address", 9, "pobj", "NOUN", "NN", "address"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    assert "CONSULT" in types(rows)
    # Chile and Peru will hold talks on a televised show: a programme, no meeting.
    show = [*rows[:6], ("on", 4, "prep", "ADP", "IN", "on"), ("a", 9, "det", "DET", "DT", "a")]
    show += [("televised", 9, "amod", "VERB", "VBN", "televise")]
    show += [("show", 6, "pobj", "NOUN", "NN", "show"), (".", 4, "punct", "PUNCT", ".", ".")]
    show[4] = ("hold", 4, "ROOT", "VERB", "VB", "hold")
    assert "CONSULT" not in types(show)
