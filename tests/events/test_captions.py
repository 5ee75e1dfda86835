"""Dated photo captions as evidence (`events.captions`), with hand-built parses and a stand-in
coder: which captions are parsed, which events they keep, how they are dated and marked."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventline.events.captions import caption_events, dated_caption
from eventline.events.document import CodedDoc
from eventline.model import Article, Caption, EventMention, Evidence, Published, Timex

WORDS = ["Minister", "Alba", "greets", "envoy", "Kato", "in", "Lima", "on", "May", "3", ",", "2021"]
TAGS = ["NNP", "NNP", "VBZ", "NN", "NNP", "IN", "NNP", "IN", "NNP", "CD", ",", "CD"]
HEADS = [1, 2, 2, 4, 2, 2, 5, 2, 7, 8, 8, 8]
DEPS = ["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "prep", "pobj"]
DEPS += ["nummod", "punct", "nummod"]


def _doc(tags: list[str] = TAGS) -> Doc:
    return Doc(Vocab(), words=WORDS, tags=tags, heads=HEADS, deps=DEPS)


def _article(*captions: str) -> Article:
    spans, start = [], 500
    for text in captions:
        spans.append(Caption(text=text, start=start, end=start + len(text)))
        start += len(text) + 2
    return Article(
        id="art1",
        document_id="d",
        source_path="t.txt",
        item=0,
        body="Body text.",
        published=Published(value="2021-05-07", precision="day", evidence="test"),
        captions=tuple(spans),
    )


def _event(date: str | None, precision: str | None, trigger: str = "greets") -> EventMention:
    return EventMention(
        id="evm_x",
        type="CONSULT",
        date=date,
        date_precision=precision,
        trigger=trigger,
        evidence=Evidence(article="art1", sentence=0, start=0, end=60),
    )


def _coder(events: list[EventMention], day: str | None = "2021-05-03") -> Any:
    value = day or ""
    timexes = [Timex(id="t", article="art1", start=0, end=1, text="d", type="DATE", value=value)]

    def code(doc: Doc, **_: Any) -> CodedDoc:
        return CodedDoc(events=list(events), timexes=timexes if day else [])

    return code


TEXT = "Minister Alba greets envoy Kato in Lima on May 3, 2021"


def test_only_captions_with_a_full_date_are_parsed() -> None:
    assert dated_caption(Caption(text=TEXT, start=0, end=1))
    assert dated_caption(Caption(text="Talks in Lima, 3 May 2021.", start=0, end=1))
    assert not dated_caption(
        Caption(text="Minister Alba greets envoy Kato in May.", start=0, end=1)
    )
    parsed: list[str] = []

    def parse(text: str) -> Doc:
        parsed.append(text)
        return _doc()

    caption_events(_article("A file photo of Lima.", TEXT), parse, code=_coder([]))
    assert parsed == [TEXT]


def test_a_present_tense_act_takes_the_captions_stated_day_and_is_marked() -> None:
    events = caption_events(
        _article(TEXT), lambda _t: _doc(), code=_coder([_event("2021-05-07", "report")])
    )
    assert len(events) == 1
    ev = events[0]
    assert (ev.date, ev.date_precision) == ("2021-05-03", "day")
    assert ev.evidence.caption and ev.evidence.start == 500
    assert ev.id != "evm_x"  # no body event can share a caption event's id


def test_an_own_day_is_kept_and_a_past_tense_verb_is_not_coded() -> None:
    own = caption_events(
        _article(TEXT), lambda _t: _doc(), code=_coder([_event("2021-05-02", "day")])
    )
    assert own[0].date == "2021-05-02"
    past = [t if t != "VBZ" else "VBD" for t in TAGS]
    assert not caption_events(
        _article(TEXT), lambda _t: _doc(past), code=_coder([_event("2021-05-07", "report")])
    )


def test_a_caption_naming_no_single_day_dates_nothing() -> None:
    events = caption_events(
        _article(TEXT), lambda _t: _doc(), code=_coder([_event("2021-05", "report")], day=None)
    )
    assert events == []


def test_code_captions_takes_docs_parsed_with_the_body_and_parses_the_rest(
    monkeypatch: Any,
) -> None:
    from eventline.events import captions
    from eventline.nlp.extensions import register_extensions

    register_extensions()
    seen: list[Doc] = []

    def events(article: Article, parse: Any, **_: Any) -> list[EventMention]:
        seen.extend(parse(c.text) for c in captions.dated_captions(article))
        return []

    monkeypatch.setattr(captions, "caption_events", events)
    parsed: list[str] = []

    def nlp(text: str) -> Doc:
        parsed.append(text)
        return Doc(
            Vocab(), words=text.split(" "), spaces=[True] * (len(text.split(" ")) - 1) + [False]
        )

    article = _article("A file photo of Lima.", TEXT, "Talks in Lima , 3 May 2021")
    assert [c.text for c in captions.dated_captions(article)] == [TEXT, article.captions[2].text]
    ready = nlp(TEXT)
    parsed.clear()
    captions.code_captions(article, nlp, parsed=[ready])  # type: ignore[arg-type]
    assert seen[0] is ready and parsed == [article.captions[2].text]  # one missing: parsed here
    assert seen[1]._.article == "art1" and seen[1]._.published == "2021-05-07"
