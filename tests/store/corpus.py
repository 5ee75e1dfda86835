"""A small hand-built analysis (every record kind) for the store, migration and query tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventline.model import (
    Actor,
    ActorRef,
    Article,
    Claim,
    Document,
    DuplicateGroup,
    Event,
    EventMention,
    Evidence,
    Item,
    Mention,
    Piece,
    Place,
    Published,
    Quote,
    Related,
    Story,
    Timex,
)

RUS = ActorRef(id="act_rus", name="Russia", country="RUS")
IRN = ActorRef(id="act_irn", name="Iran", country="IRN")
USA = ActorRef(id="act_usa", name="United States", country="USA")
LAVROV = ActorRef(id="act_lavrov", name="Sergei Lavrov", country="RUS", sector="GOV")

BODIES = (
    (
        "Russia condemns strikes",
        "Russia condemned the US strikes on Iran on Saturday.",
        "2025-06-22",
    ),
    (
        "Moscow condemns strikes",
        "Russia condemned the US strikes on Iran on Saturday.",
        "2025-06-22",
    ),
    (
        "Talks in Tehran",
        'Lavrov said: "We will keep talking." Russia met Iran in July.',
        "2025-07-03",
    ),
    ("Fact check: the strikes", "The claim that Iran attacked first is false.", "2025-07-05"),
)


@dataclass
class Corpus:
    document: Document
    articles: list[Article]
    records: dict[str, list[object]] = field(default_factory=dict)


def build() -> Corpus:
    text = "\n\n".join(body for _t, body, _d in BODIES)
    raw = text.encode()
    doc = Document(
        id=Document.make_id(raw), source_path="feed.jsonl", format="jsonl", raw=raw, text=text,
        encoding="utf-8", items=tuple(Item(start=0, end=len(text)) for _ in BODIES),
    )  # fmt: skip
    arts = []
    for n, (title, body, day) in enumerate(BODIES, start=1):
        arts.append(
            Article(
                id=Article.make_id(doc.id, n), document_id=doc.id, source_path="feed.jsonl",
                item=n, title=title, body=body, outlet="Wire" if n < 3 else f"Outlet {n}",
                kind="fact-check" if n == 4 else "news", url=f"https://example.org/{n}",
                published=Published(value=day, precision="day", evidence="meta"),
                pieces=(Piece(body_start=0, doc_start=0, length=len(body)),),
            )
        )  # fmt: skip
    a1, a2, a3, a4 = (a.id for a in arts)

    def ev(article: str, start: int, end: int, text: str) -> Evidence:
        return Evidence(article=article, sentence=0, start=start, end=end, text=text)

    sentence = BODIES[0][1]
    m1 = EventMention(
        id="evm_1", type="ACCUSE", mode="disapprove", actor=(RUS,), recipient=(USA,),
        date="2025-06-21", date_precision="day", trigger="condemned",
        evidence=ev(a1, 0, len(sentence), sentence),
    )  # fmt: skip
    m2 = m1.model_copy(update={"id": "evm_2", "evidence": ev(a2, 0, len(sentence), sentence)})
    m3 = EventMention(
        id="evm_3", type="CONSULT", mode="visit", actor=(RUS, LAVROV), recipient=(IRN,),
        date="2025-07", date_precision="month", location=Place(name="Tehran", country="IRN"),
        trigger="met", evidence=ev(a3, 36, 62, "Russia met Iran in July."),
    )  # fmt: skip
    e1 = Event(
        **m1.model_dump(exclude={"id", "trigger", "evidence"}), id="evt_strike",
        mentions=(m1.evidence, m2.evidence), sources=1,
    )  # fmt: skip
    e2 = Event(
        **m3.model_dump(exclude={"id", "trigger", "evidence"}), id="evt_talks",
        mentions=(m3.evidence,), sources=1,
    )  # fmt: skip
    quote = Quote(
        id="quo_1", article=a3, speaker=LAVROV, speaker_text="Lavrov", text="We will keep talking.",
        direct=True, start=12, end=35,
    )  # fmt: skip
    actors = [
        Actor(id=r.id, name=r.name, type="country", country=r.country, aliases=(r.name,))
        for r in (RUS, IRN, USA)
    ] + [Actor(id=LAVROV.id, name=LAVROV.name, type="person", country="RUS", sector="GOV",
               aliases=("Lavrov", "Sergei Lavrov"))]  # fmt: skip
    mentions = [
        Mention(id="men_1", article=a1, start=0, end=6, text="Russia", label="GPE", actor=RUS),
        Mention(id="men_2", article=a3, start=0, end=6, text="Lavrov", label="PER", actor=LAVROV),
        Mention(id="men_3", article=a3, start=47, end=51, text="Iran", label="GPE", actor=IRN),
        Mention(id="men_4", article=a4, start=19, end=23, text="Iran", label="GPE", actor=IRN),
    ]  # fmt: skip
    timexes = [
        Timex(id="tmx_1", article=a1, start=42, end=50, text="Saturday", type="DATE",
              value="2025-06-21", anchor="2025-06-22"),
    ]  # fmt: skip
    group = DuplicateGroup(
        id="dup_1", canonical=a1, members=tuple(sorted((a1, a2))), similarity=1.0
    )
    story = Story(id="story_1", title="strikes", articles=(a1, a2, a4), start="2025-06-22",
                  end="2025-07-05")  # fmt: skip
    claim = Claim(
        id="clm_1", claim="Iran attacked first", claimant="a post", verdict="false",
        reviewer_article=a4, related=(Related(id="evt_strike", relation="contradicts"),),
    )  # fmt: skip
    return Corpus(
        document=doc,
        articles=arts,
        records={
            "actors": list(actors), "mentions": list(mentions), "timexes": list(timexes),
            "event_mentions": [m1, m2, m3], "quotes": [quote], "duplicate_groups": [group],
            "stories": [story], "events": [e1, e2], "claims": [claim],
        },
    )  # fmt: skip
