"""Claims from fact-checks (JSON-LD, fields, conclusion wording) and their links."""

from __future__ import annotations

import json

import pytest

from eventline.corpus.claims import (
    claim_field,
    conclusion_verdict,
    extract_claims,
    merge_reviews,
    rating_field,
    rating_verdict,
)
from eventline.corpus.claims_link import claim_frame, link_claims
from eventline.eval.claims import score_claims
from eventline.eval.gold import Gold
from eventline.model import (
    ActorRef,
    Article,
    Claim,
    Event,
    EventMention,
    Evidence,
    Mention,
    Published,
    Quote,
    Review,
)


def article(body: str, *, kind: str = "fact-check", title: str | None = None) -> Article:
    return Article(
        id="art_fc", document_id="doc", source_path="fc.txt", item=0, kind=kind,  # type: ignore[arg-type]
        title=title, body=body,
        published=Published(value="2030-05-14", precision="day", evidence="test"),
    )  # fmt: skip


REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "Freedonia closed its border with Sylvania",
    "datePublished": "2030-05-14",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A Blogger"},
        "datePublished": "2030-05-10",
    },
    "reviewRating": {"@type": "Rating", "alternateName": "Mostly False", "ratingValue": 2},
}


def test_claim_review_json_ld_wins_over_text() -> None:
    art = article("Claim: something else entirely. Rating: True")
    [claim] = extract_claims(art, jsonld=[json.dumps({"@graph": [{"@type": "WebPage"}, REVIEW]})])
    assert claim.claim == "Freedonia closed its border with Sylvania"
    assert claim.claimant == "A Blogger"
    assert claim.date == "2030-05-10"
    assert claim.verdict == "false"
    assert claim.reviewer_article == "art_fc"


def test_json_ld_on_a_news_article_and_broken_blocks() -> None:
    news = article("Plain report.", kind="news")
    assert extract_claims(news, jsonld=["{not json", json.dumps([REVIEW])])[0].verdict == "false"
    assert extract_claims(news) == []  # no JSON-LD: only fact-checks are read


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ({"ratingValue": 5, "bestRating": 5, "worstRating": 1}, "true"),
        ({"ratingValue": 1}, "false"),
        ({"ratingValue": "3", "bestRating": "5"}, "mixed"),
        ({"alternateName": "Half True", "ratingValue": 5}, "mixed"),
        ({"alternateName": "Our own wording", "ratingValue": 1, "bestRating": 1}, None),
        ({"ratingValue": 0, "bestRating": 10, "worstRating": 0}, "false"),
        ("not a mapping", None),
    ],
)
def test_rating_value_relative_to_best_and_worst(rating: object, verdict: str | None) -> None:
    assert rating_verdict(rating) == verdict


def test_claim_and_rating_fields() -> None:
    body = (
        "Claim: The mayor of Lowtown banned bicycles on Sundays.\n"
        "Rating: Mostly false\n"
        "Posts by @cyclefan99 said the ban began last week."
    )
    [claim] = extract_claims(article(body))
    assert claim.claim == "The mayor of Lowtown banned bicycles on Sundays"
    assert claim.verdict == "false"
    assert claim.claimant == "@cyclefan99"
    assert claim.date == "2030-05-14"  # no date in the claim: the review's


def test_missing_rating_label_falls_back_to_conclusion_wording() -> None:
    body = (
        "Claim: Freedonia stopped all grain exports in March 2030. Rating: As prices rose, "
        "posts claimed that the exports had ended. Customs figures show shipments continued. "
        "The claim that exports stopped is baseless.\n\n"
        "Officials published the monthly figures.\n\n"
        "In sum, there is no record of any export halt."
    )
    assert rating_field(body) is None
    [claim] = extract_claims(article(body))
    assert claim.claim == "Freedonia stopped all grain exports in March 2030"
    assert claim.date == "2030-03"
    assert claim.verdict == "false"


def test_rating_line_cut_short_does_not_crash() -> None:
    assert extract_claims(article("Claim: x happened. Rating:"))[0].verdict is None
    assert claim_field("Rating: False") is None


def test_conclusion_wording_weighs_the_end() -> None:
    mixed_end = (
        "Some readers said the photo was fake.\n\n"
        "The picture is real but was taken years earlier.\n\n"
        "Overall, the post is misleading: the photo lacks context."
    )
    assert conclusion_verdict(mixed_end) == "mixed"
    true_end = "Several users doubted it.\n\nWe checked the records.\n\nThe claim is accurate."
    assert conclusion_verdict("The claim is not accurate.") == "false"
    assert conclusion_verdict(true_end) == "true"
    assert conclusion_verdict("Nothing here gives a judgement.") is None


def test_claim_text_from_prose_and_title() -> None:
    body = "Claims that the bridge in Eastville collapsed spread online on Monday. It stands."
    [claim] = extract_claims(article(body, title="Fact check: Eastville bridge still stands"))
    assert claim.claim == "the bridge in Eastville collapsed"
    [titled] = extract_claims(article("No claim wording here.", title="Fact Check: X did Y"))
    assert titled.claim == "X did Y"


# --- linking ---------------------------------------------------------------------------

FRE = ActorRef(id="FRA", name="France", country="FRA")
DEU = ActorRef(id="DEU", name="Germany", country="DEU")
ESP = ActorRef(id="ESP", name="Spain", country="ESP")
MINISTER = ActorRef(id="p_min", name="Marie Ministre", country="FRA", sector="GOV")


def ev(eid: str, type_: str, actor: ActorRef, recipient: ActorRef | None, date: str) -> Event:
    return Event(
        id=eid, type=type_, actor=(actor,), recipient=(recipient,) if recipient else (),
        date=date, mentions=(Evidence(article="a", sentence=0, start=0, end=1, text="t"),),
    )  # fmt: skip


RUPTURE = Claim(
    id="clm_1",
    claim="France withdrew support from Germany in May 2030",
    date="2030-05",
    verdict="false",
    reviewer_article="art_fc",
)


def quote(qid: str, text: str, speaker: ActorRef) -> Quote:
    return Quote(id=qid, article="a", speaker=speaker, text=text, direct=True, start=0, end=1)


def test_rupture_claim_frame_from_keywords() -> None:
    frame = claim_frame(RUPTURE)
    assert frame.rupture and frame.actors == {"FRA"} and frame.targets == {"DEU"}


def test_rupture_contradicted_by_cooperation_defence_and_supportive_quotes() -> None:
    events = [
        ev("coop", "CONSULT", FRE, DEU, "2030-05-03"),
        ev("attack", "ASSAULT", ESP, DEU, "2030-05-01"),
        ev("condemn", "ACCUSE", MINISTER, ESP, "2030-05-02"),  # siding with Germany
        ev("old", "SUPPORT", FRE, DEU, "2027-01-01"),  # far outside the window
        ev("rift", "REJECT", FRE, DEU, "2030-05-05"),  # supports the claim
        ev("other", "SUPPORT", ESP, DEU, "2030-05-05"),  # not France
    ]
    quotes = [
        quote("q1", "Our partnership with Germany remains strong.", MINISTER),
        quote("q2", "We will not be an ally of Germany.", MINISTER),  # negated
        quote("q3", "Germany is a trusted partner.", ESP),  # not a French official
    ]
    [linked] = link_claims([RUPTURE], events=events, quotes=quotes)
    relations = {r.id: r.relation for r in linked.related}
    assert relations == {
        "coop": "contradicts",
        "condemn": "contradicts",
        "rift": "supports",
        "q1": "contradicts",
    }


def test_restated_claim_is_not_evidence_about_itself() -> None:
    restated = Event(
        id="restated", type="SUPPORT", actor=(FRE,), recipient=(DEU,), date="2030-05-04",
        mentions=(Evidence(article="art_fc", sentence=2, start=0, end=1,
                           text="posts implied that France withdrew support for Germany"),),
    )  # fmt: skip
    [linked] = link_claims([RUPTURE], events=[restated], quotes=[])
    assert linked.related == ()


def test_score_claims_against_gold() -> None:
    gold = Gold.model_validate(
        {
            "events": [{"id": "E1", "type": "CONSULT", "actor": ["FRA"], "recipient": ["DEU"],
                        "date": "2030-05-03"}],
            "claims": [{"claim": "France withdrew support from Germany", "reviewed_by": "fc",
                        "verdict": "false", "contradicted_by": ["E1"]}],
        }
    )  # fmt: skip
    arts = {"fc": article("x")}
    events = [ev("coop", "CONSULT", FRE, DEU, "2030-05-03")]
    [linked] = link_claims([RUPTURE], events=events, quotes=[])
    report = score_claims(gold, arts, [linked], events=events)
    assert report.passed and report.metric("contradiction_gold_event").value == 1.0
    wrong = score_claims(gold, arts, [RUPTURE.model_copy(update={"verdict": "true"})])
    assert wrong.metric("verdict_accuracy").value == 0.0
    assert wrong.metric("contradiction_linked").value == 0.0 and not wrong.passed
    other = RUPTURE.model_copy(update={"claim": "Spain hosted the games"})
    assert score_claims(gold, arts, [other]).metric("claims_found").value == 0.0


def test_caller_coded_claim_event_is_used() -> None:
    coded = EventMention(
        id="evm_c", type="SUPPORT", actor=(DEU,), recipient=(FRE,),
        evidence=Evidence(article="art_fc", sentence=0, start=0, end=1),
    )  # fmt: skip
    claim = RUPTURE.model_copy(update={"claim": "The two signed a deal in May 2030"})
    events = [ev("deal", "SUPPORT", DEU, FRE, "2030-05-09"), ev("x", "AID", DEU, FRE, "2030-05-09")]
    [linked] = link_claims([claim], events=events, quotes=[], claim_events={"clm_1": coded})
    assert [(r.id, r.relation) for r in linked.related] == [("deal", "supports")]
    [unlinked] = link_claims([claim], events=events, quotes=[])
    assert unlinked.related == ()  # no countries in the text, no coded event: nothing to link


# --- stated ratings, claimants, several reviews ------------------------------------------------


def test_stated_rating_wins_over_no_and_wrong_in_the_body() -> None:
    body = (
        "Sen. Ida Brandt said on a podcast on May 2 that Freedonia doubled its wheat exports.\n"
        "Some listeners wrote that Brandt was wrong. No, the figures back her up: exports "
        "rose from 1.1 to 2.3 million tonnes.\n"
        "We rate the statement True."
    )
    [claim] = extract_claims(article(body, title="No, Brandt did not make up the wheat figures"))
    assert (claim.verdict, claim.rating, claim.label) == ("true", "true", "True")
    assert claim.claim == "Freedonia doubled its wheat exports"
    assert claim.claimant == "Ida Brandt" and claim.claimant_kind == "person"
    assert claim.claimant_span is not None
    start, end = claim.claimant_span
    assert body[start:end] == "Ida Brandt"
    assert claim.date == "2030-05-02"


def test_no_stated_rating_and_no_judgement_is_unrated_not_guessed() -> None:
    body = (
        "Posts on X claim the Eastville dam was opened without warning.\n"
        "We looked at the operator's notices. They were published two days before. "
        "Wrong information spread fast, and no one was hurt."
    )
    [claim] = extract_claims(article(body))
    assert claim.rating == "unrated" and claim.verdict is None and claim.label is None
    assert claim.claimant == "social media posts" and claim.claimant_kind == "social-media"


def test_claim_review_keeps_the_printed_label_and_its_rating() -> None:
    [claim] = extract_claims(article("x"), jsonld=[json.dumps(REVIEW)])
    assert (claim.rating, claim.label, claim.verdict) == ("mostly-false", "Mostly False", "false")
    assert [r.article for r in claim.reviews] == ["art_fc"]


def _checked(art_id: str, text: str, verdict: str) -> Claim:
    return Claim(
        id=f"clm_{art_id}", claim=text, verdict=verdict, reviewer_article=art_id,  # type: ignore[arg-type]
        reviews=(Review(article=art_id, claim=text, verdict=verdict),),  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_claim_checked_by_several_fact_checkers_is_one_claim() -> None:
    first = _checked("a1", "Freedonia closed every border crossing with Sylvania in May", "false")
    second = _checked("a2", "Freedonia has closed every border crossing with Sylvania", "false")
    other = _checked("a3", "Sylvania banned Freedonian cheese imports", "true")
    same_outlet = _checked("a1", "Freedonia closed every border crossing with Sylvania", "false")
    merged = merge_reviews([first, second, other, same_outlet])
    assert [c.id for c in merged] == ["clm_a1", "clm_a3", "clm_a1"]
    assert [r.article for r in merged[0].reviews] == ["a1", "a2"]
    [linked, _, _] = link_claims([first, second, other, same_outlet], events=[], quotes=[])
    assert len(linked.reviews) == 2


def test_claim_review_claimant_span_and_a_missing_rating_read_from_the_text() -> None:
    bare = {k: v for k, v in REVIEW.items() if k != "reviewRating"}
    body = "A Blogger wrote that the border closed.\n\nWe rate this claim Pants on Fire!"
    [claim] = extract_claims(article(body), jsonld=[json.dumps(bare)])
    assert (claim.rating, claim.label) == ("pants-on-fire", "Pants on Fire")
    assert claim.claimant_kind == "person" and claim.claimant_span == (0, len("A Blogger"))


def test_claimant_resolved_to_the_actor_mentioned_at_its_span() -> None:
    claim = _checked("a1", "Freedonia closed every border crossing", "false")
    review = claim.reviews[0].model_copy(
        update={"claimant": "Ida Brandt", "claimant_span": (4, 14)}
    )
    claim = claim.model_copy(update={"reviews": (review,)})
    senator = ActorRef(id="p_brandt", name="Ida Brandt", country="FRA", sector="LEG")
    mentions = [
        Mention(id="m0", article="a1", start=30, end=40, text="Sylvania", label="GPE", actor=DEU),
        Mention(
            id="m1", article="a1", start=9, end=14, text="Brandt", label="PERSON", actor=senator
        ),
        Mention(
            id="m2", article="a2", start=4, end=14, text="Ida Brandt", label="PERSON", actor=DEU
        ),
    ]
    [linked] = link_claims([claim], events=[], quotes=[], mentions=mentions)
    assert linked.claimant_actor == senator and linked.reviews[0].claimant_actor == senator
    [alone] = link_claims([claim], events=[], quotes=[])
    assert alone.claimant_actor is None
