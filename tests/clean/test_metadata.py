from __future__ import annotations

import json

from eventline.clean import clean_document
from eventline.clean.metadata import clean_title, interview_outlet, read_dateline, read_kind
from eventline.model import Hints
from tests.clean.helpers import text_doc


def test_title_suffix_naming_the_outlet_is_cleaned_off() -> None:
    assert clean_title("Dam talks stall | Riverside Herald", outlet=None) == (
        "Dam talks stall",
        "Riverside Herald",
    )
    assert clean_title("Dam talks stall - BBC News", outlet=None) == ("Dam talks stall", "BBC")
    # a dash inside a headline that names no outlet stays
    assert clean_title("Dam talks stall - and farmers pay the price", outlet=None) == (
        "Dam talks stall - and farmers pay the price",
        None,
    )


def test_first_line_that_is_a_sentence_is_no_title() -> None:
    text = (
        "Farmers blocked the main road into the capital on Thursday, police said.\n"
        "They demanded lower diesel prices and faster subsidy payments.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.title is None
    assert article.body.startswith("Farmers blocked")


def test_dateline_place_date_and_wire() -> None:
    line = read_dateline("OSLO, March 4 (Reuters) - Norway said on Tuesday it would ...")
    assert line is not None
    assert (line.place, line.date, line.wire) == ("OSLO", "March 4", "Reuters")
    colon = read_dateline("NAIROBI: Kenya's parliament voted on Monday to ...")
    assert colon is not None and colon.place == "NAIROBI" and colon.wire is None
    assert read_dateline("Kenya's parliament voted on Monday to ...") is None
    assert read_dateline("The minister said: we will not resign.") is None


def test_outlet_from_interviews_needs_two_cues_and_ignores_citations() -> None:
    two = "The minister told CNN on Monday that talks would resume. When asked by CNN, he smiled."
    assert interview_outlet(two) == "CNN"
    assert interview_outlet("The minister told CNN on Monday that talks would resume.") is None
    cited = "According to AFP, the talks resumed. AFP reported that the talks resumed again."
    assert interview_outlet(cited) is None


def _kind(**overrides: object) -> str:
    args: dict[str, object] = {
        "title": "Port strike ends",
        "body": "Workers returned on Tuesday.",
        "section": None,
        "jsonld": (),
        "reasons": set(),
        "hinted": None,
    }
    args.update(overrides)
    return read_kind(**args)  # type: ignore[arg-type]


def test_kind_from_explicit_markers() -> None:
    assert _kind(title="Fact Check: No, the bridge was not sold") == "fact-check"
    assert _kind(body="Claim: The bridge was sold.\nRating: False. Records show otherwise.") == (
        "fact-check"
    )
    review = json.dumps({"@type": "ClaimReview", "claimReviewed": "The bridge was sold."})
    assert _kind(jsonld=(review,)) == "fact-check"
    assert _kind(title="Analysis: Why the port strike ended") == "analysis"
    assert _kind(section="Opinion") == "opinion"
    assert _kind(reasons={"editorial disclaimer"}) == "opinion"
    assert _kind(hinted="analysis") == "analysis"


def test_one_claim_line_alone_is_not_a_fact_check() -> None:
    body = "Claim: the union says the offer was never made.\nThe company disputes that account."
    assert _kind(body=body) == "news"


def test_columnist_voice_makes_opinion_but_a_quoted_opinion_does_not() -> None:
    column = (
        "I think the strike was avoidable. Of course, nobody listens. In short, we should have "
        "paid the workers what they asked."
    )
    assert _kind(body=column) == "opinion"
    news = (
        'The union leader wrote in a column: "I think the strike was avoidable. Of course, '
        'nobody listens. In short, we should have paid them." The company declined to comment.'
    )
    assert _kind(body=news) == "news"


def test_staff_reporter_bio_does_not_make_opinion() -> None:
    text = (
        "Port strike ends after nine days\n"
        "Dockworkers returned to work on Tuesday after accepting a pay offer from the operators.\n"
        "About the author. Ana Ruiz reports on shipping and trade from Rotterdam.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.kind == "news"
    assert article.author == "Ana Ruiz"


def test_hints_win_over_the_text() -> None:
    text = "Port strike ends after nine days | Harbour Weekly\nWorkers returned on Tuesday.\n"
    hints = Hints(
        title="Port strike ends after nine days | Harbour Weekly",
        outlet="Harbour Weekly",
        author="Ana Ruiz",
        section="Business",
    )
    article = clean_document(text_doc(text, hints=hints))[0][0]
    assert (article.title, article.outlet, article.author, article.section) == (
        "Port strike ends after nine days",
        "Harbour Weekly",
        "Ana Ruiz",
        "Business",
    )
    assert article.body == "Workers returned on Tuesday."


def test_byline_and_standfirst() -> None:
    text = (
        "Port strike ends after nine days\n"
        "Dockworkers accept a pay offer and the port reopens to container ships\n"
        "By Ana Ruiz\n"
        "Dockworkers returned to work on Tuesday after accepting a pay offer from the operators.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.author == "Ana Ruiz"
    assert article.standfirst == (
        "Dockworkers accept a pay offer and the port reopens to container ships"
    )
    assert "By Ana Ruiz" not in article.body


def test_title_skips_leading_page_chrome() -> None:
    text = (
        "Skip to main content\n"
        "Advertisement\n"
        "Port strike ends after nine days\n"
        "Dockworkers returned to work on Tuesday after accepting a pay offer.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.title == "Port strike ends after nine days"
    assert article.body == "Dockworkers returned to work on Tuesday after accepting a pay offer."


def test_byline_agency_is_a_wire_but_a_role_is_not() -> None:
    story = "Port strike ends\n{}\nDockworkers returned to work on Tuesday after a pay offer.\n"
    wired = clean_document(text_doc(story.format("By Ana Ruiz, Harbour Wire")))[0][0]
    assert (wired.author, wired.wire) == ("Ana Ruiz", "Harbour Wire")
    staff = clean_document(text_doc(story.format("By Ana Ruiz, Staff Writer")))[0][0]
    assert (staff.author, staff.wire) == ("Ana Ruiz", None)


def test_story_labels_are_not_datelines() -> None:
    assert read_dateline("BREAKING: The port reopened on Tuesday.") is None
    assert read_dateline("EXCLUSIVE - The minister resigned.") is None


def test_quoting_another_outlets_interview_does_not_make_it_the_outlet() -> None:
    body = "The minister told Reuters on Monday he would stay. He also told Reuters he was tired."
    assert interview_outlet(body) is None


def test_url_section_marks_the_kind() -> None:
    assert _kind(url="https://news.example/opinion/2025/05/port-strike") == "opinion"
    assert _kind(url="https://news.example/world/2025/05/port-strike") == "news"


def test_a_us_dateline_names_the_city_in_capitals_and_the_state_as_written() -> None:
    found = read_dateline("DES MOINES, Iowa — Voters braved the cold on Monday ...")
    assert found is not None and found.place == "DES MOINES, Iowa"
    abbreviated = read_dateline("MANCHESTER, N.H. (AP) — The governor said ...")
    assert abbreviated is not None and abbreviated.place == "MANCHESTER, N.H."
    cased_dash = read_dateline("Boise, Idaho — The governor signed the bill on Tuesday ...")
    assert cased_dash is not None and cased_dash.place == "Boise, Idaho"
    cased = read_dateline("Des Moines, Iowa (AP) — Voters braved the cold ...")
    assert cased is not None and (cased.place, cased.wire) == ("Des Moines, Iowa", "AP")
    assert read_dateline("Smith, Jones (2020) - a study found ...") is None


def test_a_running_case_dateline_with_a_dash_names_a_state_or_country_spelt_out() -> None:
    for line, place in (
        ("Tallahassee, Florida - Lawmakers voted on Friday ...", "Tallahassee, Florida"),
        ("Lviv, Ukraine — Russian drones struck ...", "Lviv, Ukraine"),
        ("Flagstaff, Arizona—The fire spread ...", "Flagstaff, Arizona"),
    ):
        found = read_dateline(line)
        assert found is not None and found.place == place
    assert read_dateline("NATO - the alliance said on Monday ...") is None
    assert read_dateline("Flagstaff, Arizona — a city of pines, burned.") is None
    assert read_dateline("Smith, Jones — The study found ...") is None  # no state or country
    assert read_dateline("Georgia, Armenia — The two neighbours ...") is None  # no city first
