"""Direct and indirect quotes with their speaker and addressee.

Direct quotes are found on the text, not the parse, because sentence splitters cut quotes
apart: straight (") and curly (“ ”) double marks and guillemets (« »), quotes running over
several sentences, and unbalanced marks (an opening mark with no close ends at the end of its
paragraph, the news convention for a quote continued in the next paragraph; a stray closing
mark is ignored). Quotes of fewer than four words are scare quotes ("a ‘crucial backer’"), not
statements, and are skipped.

The speaker is the subject of a speech verb outside the quote in the sentences the quote
touches ("…,” Putin told Araghchi; Peskov said: “…”; “…,” said Araghchi), the object of
"according to", or, for a quote with no attribution right after another quote, that quote's
speaker. Pronoun subjects are resolved by `ActorIndex`. Indirect speech is a speech verb with a
clausal complement ("told Putin that Iran was ...") or "warned against ...".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventline.events.args import ActorIndex, children, first
from eventline.events.patterns import Lexicon
from eventline.model import ActorRef, Quote, content_id

_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE = {"”", "»"}
_MIN_WORDS = 4


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a direct quote's text (marks excluded) and whether it was closed."""

    start: int
    end: int
    closed: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Direct-quote spans in `text`; never fails on unbalanced marks."""
    spans: list[QuoteSpan] = []
    opened: int | None = None
    closer = ""
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None:
            spans.append(QuoteSpan(opened, i, closed=False))
            opened = None
        elif opened is None and (ch in _OPEN or ch == '"'):
            opened, closer = i + 1, _OPEN.get(ch, '"')
        elif opened is not None and (ch == closer or ch in _CLOSE or ch == '"'):
            spans.append(QuoteSpan(opened, i, closed=True))
            opened = None
        elif opened is not None and ch in _OPEN:  # a new opening mark: the last one never closed
            spans.append(QuoteSpan(opened, i, closed=False))
            opened, closer = i + 1, _OPEN[ch]
    if opened is not None:
        spans.append(QuoteSpan(opened, len(text), closed=False))
    return [s for s in spans if len(text[s.start : s.end].split()) >= _MIN_WORDS]


def _phrase_text(tok: Token) -> str:
    """A speaker's name as written: the head with its compounds and titles."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "det", "case")]
    start = min([tok.i, *(t.left_edge.i for t in left)])
    words = tok.doc[start : tok.i + 1]
    return words.text.removeprefix("the ").removeprefix("The ")


@dataclass(frozen=True)
class Attribution:
    speaker: ActorRef | None
    speaker_text: str | None
    addressee: ActorRef | None
    verb: Token | None


def _attribute_verb(verb: Token, actors: ActorIndex) -> Attribution:
    subj = first(verb, "nsubj")
    if subj is None and verb.dep_ in ("advcl", "conj", "xcomp"):
        subj = first(verb.head, "nsubj")
    refs = actors.refs(subj)
    addressee_tok = first(verb, "dobj", "dative")
    if addressee_tok is None:
        to = next((c for c in children(verb, "prep") if c.lower_ == "to"), None)
        addressee_tok = first(to, "pobj") if to is not None else None
    addressee = actors.refs(addressee_tok)
    return Attribution(
        speaker=refs[0] if refs else None,
        speaker_text=_phrase_text(subj) if subj is not None else None,
        addressee=addressee[0] if addressee else None,
        verb=verb,
    )


def _according_to(tokens: list[Token], actors: ActorIndex) -> Attribution | None:
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            obj = first(tok.nbor(), "pobj")
            refs = actors.refs(obj)
            if obj is not None:
                text = _phrase_text(obj)
                return Attribution(refs[0] if refs else None, text, None, None)
    return None


def _attribute(span: QuoteSpan, doc: Doc, actors: ActorIndex, lex: Lexicon) -> Attribution | None:
    sents = [s for s in doc.sents if s.start_char < span.end + 2 and s.end_char > span.start - 2]
    if sents and sents[0].start > 0:
        before = doc[sents[0].start - 1].sent
        if before.text.rstrip().endswith(":"):
            sents.insert(0, before)
    outside = [
        t for s in sents for t in s if not (span.start - 1 <= t.idx < span.end + 1) and t.is_alpha
    ]
    speech = lex.cue("speech_verbs")
    verbs = [t for t in outside if t.pos_ == "VERB" and t.lemma_.lower() in speech]
    if verbs:
        verb = min(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))
        return _attribute_verb(verb, actors)
    return _according_to(outside, actors)


def direct_quotes(
    doc: Doc, *, article_id: str, actors: ActorIndex, lex: Lexicon
) -> tuple[list[Quote], dict[int, ActorRef]]:
    """Direct quotes, and the speaker of each token inside one (for I/we resolution)."""
    quotes: list[Quote] = []
    speakers: dict[int, ActorRef] = {}
    previous: tuple[QuoteSpan, Attribution] | None = None
    for span in find_quote_spans(doc.text):
        found = _attribute(span, doc, actors, lex)
        if found is None and previous is not None and span.start - previous[0].end < 200:
            found = previous[1]
        text = doc.text[span.start : span.end].strip().rstrip(",").strip()
        quotes.append(
            Quote(
                id=content_id("quo", article_id, span.start, span.end),
                article=article_id,
                speaker=found.speaker if found else None,
                speaker_text=found.speaker_text if found else None,
                addressee=found.addressee if found else None,
                text=text,
                direct=True,
                start=span.start,
                end=span.end,
            )
        )
        if found is not None:
            previous = (span, found)
            if found.speaker is not None:
                inner = doc.char_span(span.start, span.end, alignment_mode="expand")
                speakers.update({t.i: found.speaker for t in inner or ()})
    return quotes, speakers


def _complement(verb: Token) -> Span | None:
    comp = first(verb, "ccomp")
    if comp is None:
        against = next((c for c in children(verb, "prep") if c.lower_ == "against"), None)
        if against is None or verb.lemma_ not in ("warn", "caution"):
            return None
        return verb.doc[against.left_edge.i : against.right_edge.i + 1]
    tokens = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)]
    return verb.doc[tokens[0].i : tokens[-1].i + 1] if tokens else None


def indirect_quotes(
    doc: Doc, *, article_id: str, actors: ActorIndex, lex: Lexicon, direct: list[Quote]
) -> list[Quote]:
    """Reported speech outside direct quotes: speech verb + clausal complement."""
    inside = [(q.start, q.end) for q in direct]
    speech = lex.cue("speech_verbs")
    quotes = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech:
            continue
        if any(s <= verb.idx < e for s, e in inside):
            continue
        comp = _complement(verb)
        if comp is None or len(comp) < 3:
            continue
        if any(comp.start_char < e and comp.end_char > s for s, e in inside):
            continue
        who = _attribute_verb(verb, actors)
        if who.speaker is None and who.speaker_text is None:
            continue
        quotes.append(
            Quote(
                id=content_id("quo", article_id, comp.start_char, comp.end_char),
                article=article_id,
                speaker=who.speaker,
                speaker_text=who.speaker_text,
                addressee=who.addressee,
                text=comp.text,
                direct=False,
                start=comp.start_char,
                end=comp.end_char,
            )
        )
    return quotes
