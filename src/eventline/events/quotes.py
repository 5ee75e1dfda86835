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
speaker. Pronoun subjects are resolved by `ActorIndex`, and a he/she only to a person of that gender
when the article shows one (an honorific, a gendered role noun next to the name), never to a
person named inside a direct quote; "the minister" is the person last named with that role
(`speaker_refs`). Indirect speech is a reporting verb (speech verbs and `attribution_verbs`:
"informed the council that ...") with a clausal complement that is not a question ("asked
whether ..."), "warned against ...", a parenthetical attribution ("The repairs, Salo said,
would cost millions"), or a sentence attributed with "according to X".

One statement, one quote: `"X," she said. "Y."` (a second part right after the first with
only its attribution between them) and a quote continued in the next paragraph (an unclosed
paragraph followed by one that opens with a quote mark) are merged. Titles, slogans and
named works ("the slogan “Make America Great Again”", a quoted book title in Title Case) are
not speech. Each quote keeps where its speaker is named (`speaker_start`/`speaker_end`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventline.events.args import ActorIndex, children, first
from eventline.events.intervals import Intervals
from eventline.events.patterns import EventLexicon, lexicon
from eventline.model import ActorRef, Quote, content_id

_OPEN = {"“": "”", "«": "»", "„": "“"}
_CLOSE = {"”", "»"}
_MIN_WORDS = 4
_TAIL_WORDS = 3  # "…," she added / "…," Weiss said / "…," said the minister
_MAX_ATTRIBUTION_WORDS = 12  # "…," Sorensen said at a joint press conference in Lakeport. "…"


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


def reporting_verbs(lex: EventLexicon) -> frozenset[str]:
    """Verbs whose subject is a speaker: the coder's speech verbs and attribution-only ones."""
    return lex.cue("speech_verbs") | lex.cue("attribution_verbs")


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
    speaker_span: tuple[int, int] | None = None


def _span_of(tok: Token | None) -> tuple[int, int] | None:
    """Character span of a speaker phrase: the head with its compounds and titles."""
    if tok is None:
        return None
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "det", "case")]
    start = min([tok.i, *(t.left_edge.i for t in left)])
    return tok.doc[start].idx, tok.idx + len(tok.text)


#: Direct quotes' character ranges (`Intervals`: a lookup per token must not scan them all).
Spans = Intervals


def _attribute_verb(verb: Token, actors: ActorIndex, *, quoted: Spans) -> Attribution:
    subj = first(verb, "nsubj")
    if subj is None and verb.dep_ in ("advcl", "conj", "xcomp"):
        subj = first(verb.head, "nsubj", "nsubjpass")  # "X was quoted as saying ..."
    refs = speaker_refs(subj, actors, quoted=quoted)
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
        speaker_span=_span_of(subj),
    )


def speaker_refs(tok: Token | None, actors: ActorIndex, *, quoted: Spans) -> tuple[ActorRef, ...]:
    """Who a speaker phrase names. A he/she is the last person of compatible gender named
    before it as a subject (else anywhere) outside direct quotes: a name inside someone's
    quote is talked about, not talking. "The minister" is the last person named before with
    that role ("Defence Minister Ana Ruiz", "the army chief, Karl Hoffmann")."""
    if tok is None:
        return ()
    lex = lexicon()
    low = tok.lower_
    role = tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children)
    if not (tok.pos_ == "PRON" and low in lex.cue("person_pronouns")) and not role:
        return actors.refs(tok)
    gender = "female" if low in lex.cue("female_pronouns") else "male"
    people = [
        (i, ref) for i, ref in actors.persons if i < tok.i and not quoted.covers(tok.doc[i].idx)
    ]
    if role:
        titled = [(i, ref) for i, ref in people if tok.lemma_.lower() in _roles(tok.doc[i])]
        return (titled[-1][1],) if titled else actors.refs(tok)
    people = [(i, ref) for i, ref in people if actors.genders.get(ref.id, gender) == gender]
    subjects = [(i, ref) for i, ref in people if tok.doc[i].dep_ in _NAMED_AS_SUBJECT]
    pool = subjects or people
    return (pool[-1][1],) if pool else actors.refs(tok)


_NAMED_AS_SUBJECT = {"nsubj", "nsubjpass", "appos", "compound"}


def _roles(name: Token) -> set[str]:
    """Role words around a person's name: its title ("Defence Minister Ana Ruiz"), the noun it
    is in apposition to ("the army chief, Karl Hoffmann") or that stands in apposition to it."""
    words = {c.lemma_.lower() for c in name.children if c.dep_ in ("compound", "amod", "appos")}
    if name.dep_ == "appos":
        words.add(name.head.lemma_.lower())
    return words


def _according_to(tokens: list[Token], actors: ActorIndex) -> Attribution | None:
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            obj = first(tok.nbor(), "pobj")
            refs = actors.refs(obj)
            if obj is not None:
                text = _phrase_text(obj)
                return Attribution(refs[0] if refs else None, text, None, None, _span_of(obj))
    return None


def _attribute(
    span: QuoteSpan,
    doc: Doc,
    actors: ActorIndex,
    lex: EventLexicon,
    quoted: Spans,
    sentences: _Sents,
) -> Attribution | None:
    sents = sentences.around(span.start - 2, span.end + 2)
    if sents and sents[0].start > 0:
        before = doc[sents[0].start - 1].sent
        if before.text.rstrip().endswith(":"):
            sents.insert(0, before)
    outside = [
        t for s in sents for t in s if not (span.start - 1 <= t.idx < span.end + 1) and t.is_alpha
    ]
    speech = reporting_verbs(lex)
    verbs = [t for t in outside if t.pos_ == "VERB" and t.lemma_.lower() in speech]
    if verbs:
        verb = min(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))
        return _attribute_verb(verb, actors, quoted=quoted)
    return _according_to(outside, actors)


class _Sents:
    """A doc's sentences with their character bounds, so the sentences a quote touches are a
    binary search, not a walk over every sentence of the doc for every quote."""

    def __init__(self, doc: Doc) -> None:
        self.spans: Sequence[Span] = list(doc.sents)
        self.starts = [s.start_char for s in self.spans]
        self.ends = [s.end_char for s in self.spans]

    def around(self, lo: int, hi: int) -> list[Span]:
        """The sentences with start_char < hi and end_char > lo, in order."""
        return list(self.spans[bisect_right(self.ends, lo) : bisect_left(self.starts, hi)])


def _is_title(text: str, span: QuoteSpan, lex: EventLexicon) -> bool:
    """A named work or slogan, not a statement: announced by a title noun ("the slogan",
    "his book") or written in Title Case without a sentence's punctuation. `text` is the
    doc's text (spaCy rebuilds `Doc.text` on every access)."""
    before = text[max(0, span.start - 40) : span.start - 1].split()
    if before and before[-1].strip(",:").lower() in lex.cue("title_nouns"):
        return True
    words = [w for w in text[span.start : span.end].split() if w[:1].isalpha()]
    capital = sum(w[0].isupper() for w in words)
    text = text[span.start : span.end].rstrip()
    return len(words) <= 8 and capital >= 0.75 * len(words) and not text.endswith((".", ",", "?"))


def _continues(
    doc: Doc, text: str, first_part: QuoteSpan, second: QuoteSpan, lex: EventLexicon
) -> bool:
    """Whether `second` goes on with the statement of `first_part`: the next paragraph of an
    unclosed quote, or a part separated only by its attribution (`"X," she said. "Y."`)."""
    gap = text[first_part.end : second.start]
    if not first_part.closed:
        return gap.strip() in ("", '"', "“", "«", "„")
    words = [w.strip('"“”«»,.:;') for w in gap.split()]
    words = [w for w in words if w]
    if not 0 < len(words) <= _MAX_ATTRIBUTION_WORDS or "\n" in gap.strip():
        return False
    speech = reporting_verbs(lex)
    comma = text[first_part.start : first_part.end].rstrip().endswith(",")
    comma = comma or gap.lstrip('"”» ').startswith(",")  # the comma outside the marks
    between = doc.char_span(first_part.end, second.start, alignment_mode="expand") or ()
    return (
        comma
        and any(t.lemma_.lower() in speech for t in between)
        and not _attributed_after(doc, text, second, speech)
    )


def _attributed_after(doc: Doc, text: str, span: QuoteSpan, speech: frozenset[str]) -> bool:
    """ "…," she added: a part followed by an attribution of its own is a statement of its own."""
    tail = text[span.end : span.end + 40].split("\n")[0]
    after = doc.char_span(span.end, span.end + len(tail), alignment_mode="contract") or ()
    words = [t for t in after if t.is_alpha][:_TAIL_WORDS]
    return any(t.lemma_.lower() in speech and t.pos_ == "VERB" for t in words)


def direct_quotes(
    doc: Doc, *, article_id: str, actors: ActorIndex, lex: EventLexicon
) -> tuple[list[Quote], dict[int, ActorRef]]:
    """Direct quotes, and the speaker of each token inside one (for I/we resolution)."""
    quotes: list[Quote] = []
    speakers: dict[int, ActorRef] = {}
    previous: tuple[QuoteSpan, Attribution] | None = None
    full = doc.text
    spans = [s for s in find_quote_spans(full) if not _is_title(full, s, lex)]
    quoted = Intervals((s.start, s.end) for s in spans)
    sents = _Sents(doc)
    for span in spans:
        found = _attribute(span, doc, actors, lex, quoted, sents)
        if previous is not None and _continues(doc, full, previous[0], span, lex) and quotes:
            found = found if previous[1].speaker is None else previous[1]
            merged = quotes.pop()
            text = f"{merged.text} {_clean(full[span.start : span.end])}"
            quotes.append(_quote(article_id, merged.start, span.end, text, found))
        else:
            if found is None and previous is not None and span.start - previous[0].end < 200:
                found = previous[1]
            text = _clean(full[span.start : span.end])
            quotes.append(_quote(article_id, span.start, span.end, text, found))
        if found is not None:
            previous = (span, found)
            if found.speaker is not None:
                inner = doc.char_span(span.start, span.end, alignment_mode="expand")
                speakers.update({t.i: found.speaker for t in inner or ()})
    return quotes, speakers


def _clean(text: str) -> str:
    return text.strip().rstrip(",").strip()


def _quote(article_id: str, start: int, end: int, text: str, found: Attribution | None) -> Quote:
    where = found.speaker_span if found else None
    return Quote(
        id=content_id("quo", article_id, start, end),
        article=article_id,
        speaker=found.speaker if found else None,
        speaker_text=found.speaker_text if found else None,
        addressee=found.addressee if found else None,
        text=text,
        direct=True,
        start=start,
        end=end,
        speaker_start=where[0] if where else None,
        speaker_end=where[1] if where else None,
    )


def _complement(verb: Token) -> Span | None:
    comp = first(verb, "ccomp")
    if comp is None:
        against = next((c for c in children(verb, "prep") if c.lower_ == "against"), None)
        if against is None or verb.lemma_ not in ("warn", "caution"):
            return None
        return verb.doc[against.left_edge.i : against.right_edge.i + 1]
    tokens = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)]
    return verb.doc[tokens[0].i : tokens[-1].i + 1] if tokens else None


def _question(verb: Token, lex: EventLexicon) -> bool:
    """ "asked whether the deal could collapse": a question put to the subject, not a statement."""
    comp = first(verb, "ccomp")
    if comp is None:
        return False
    marks = {c.lower_ for c in comp.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & lex.cue("question_marks")) or (
        verb.lemma_.lower() == "ask" and comp.left_edge.tag_ in ("WDT", "WP", "WRB")
    )


def _mostly_quoted(comp: Span, near: Intervals) -> bool:
    """Whether a reported clause is a direct quote's own words: it opens inside the quote
    (`near` holds each direct quote from two characters before its start). A clause that
    quotes a fragment after its own words ("told members the offer was “the best in a
    decade”") is reported speech with a partial quote, and is kept."""
    return near.covers(comp.start_char)


def _parenthetical(verb: Token) -> tuple[Span, str] | None:
    """ "The repairs, Salo said, would cost millions": a speech verb set inside the clause it
    reports (parsed as that clause's parataxis) reports the clause around it. Returns the
    clause's span and its words without the attribution."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or head == verb:
        return None
    inner = {t.i for t in verb.subtree}
    words = [t for t in head.subtree if t.i not in inner]
    while words and words[-1].is_punct:
        words.pop()
    if len(words) < 4 or words[0].i > verb.i:
        return None
    doc = verb.doc
    left = [t for t in words if t.i < min(inner)]
    right = [t for t in words if t.i > max(inner)]
    parts = [doc[p[0].i : p[-1].i + 1].text.rstrip(",") for p in (left, right) if p]
    return doc[words[0].i : words[-1].i + 1], " ".join(parts)


def indirect_quotes(
    doc: Doc, *, article_id: str, actors: ActorIndex, lex: EventLexicon, direct: list[Quote]
) -> list[Quote]:
    """Reported speech outside direct quotes: speech verb + clausal complement, or a speech
    verb set inside the clause it reports ("The repairs, Salo said, would cost millions")."""
    inside = Intervals((q.start, q.end) for q in direct)
    near = Intervals((q.start - 2, q.end) for q in direct)
    taken = Intervals()  # the reported clauses found so far
    speech = reporting_verbs(lex)
    quotes: list[Quote] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech:
            continue
        if inside.covers(verb.idx):
            continue
        comp = _complement(verb)
        text = comp.text if comp is not None else ""
        if comp is None and (around := _parenthetical(verb)) is not None:
            comp, text = around
        if comp is None or len(comp) < 3 or _question(verb, lex):
            continue
        if _mostly_quoted(comp, near) or taken.covers(verb.idx):
            continue
        who = _attribute_verb(verb, actors, quoted=inside)
        if who.speaker is None and who.speaker_text is None:
            continue
        quotes.append(
            Quote(
                id=content_id("quo", article_id, comp.start_char, comp.end_char),
                article=article_id,
                speaker=who.speaker,
                speaker_text=who.speaker_text,
                addressee=who.addressee,
                text=text,
                direct=False,
                start=comp.start_char,
                end=comp.end_char,
                speaker_start=who.speaker_span[0] if who.speaker_span else None,
                speaker_end=who.speaker_span[1] if who.speaker_span else None,
            )
        )
        taken.add(comp.start_char, comp.end_char)
    for quote in direct:
        taken.add(quote.start, quote.end)
    return quotes + _according_to_quotes(doc, article_id, actors, taken)


def _according_to_quotes(
    doc: Doc, article_id: str, actors: ActorIndex, taken: Intervals
) -> list[Quote]:
    """ "According to X, Y": the rest of the sentence is X's statement."""
    found = []
    for sent in doc.sents:
        if taken.overlaps(sent.start_char, sent.end_char):
            continue
        who = _according_to(list(sent), actors)
        if who is None or who.speaker_span is None:
            continue
        a, b = who.speaker_span
        rest = [t for t in sent if not t.is_punct and not (a <= t.idx < b)]
        rest = [t for t in rest if t.lower_ not in ("according", "to") or t.idx > b]
        if len(rest) < 4:
            continue
        start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
        found.append(
            Quote(
                id=content_id("quo", article_id, start, end),
                article=article_id,
                speaker=who.speaker,
                speaker_text=who.speaker_text,
                text=doc.text[start:end],
                direct=False,
                start=start,
                end=end,
                speaker_start=a,
                speaker_end=b,
            )
        )
    return found
