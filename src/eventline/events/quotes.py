"""Direct and indirect quotes with their speaker and addressee.

Direct quotes are found on the text, not the parse, because sentence splitters cut quotes
apart: straight (") and curly (“ ”) double marks and guillemets (« »), quotes running over
several sentences, and unbalanced marks (an opening mark with no close ends at the end of its
paragraph, the news convention for a quote continued in the next paragraph; a stray closing
mark is ignored). Quotes of fewer than four words are scare quotes ("a ‘crucial backer’"), not
statements, and are skipped here, unless a short statement of their own, a phrase a naming
verb governs, or an order a verb of saying quotes ("telling him to “control your client”");
short words inside a reported clause ("said the deal was “dead”") are the clause speaker's
partial quote, made with the clause in events/indirect.py.

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

A quote with no verb of saying is spoken by a person named right after it (`"…," Ann Roe, an
analyst.`) or by the person whose sentence ends on it after a comma or colon; a short quoted
sentence right before its attribution, and a short phrase a neutral naming verb governs
(`described the day as a "turning point"`), are statements too.

Quote spans on the text live in events/quote_spans.py, titles, slogans and naming verbs in
events/quote_kinds.py, what a reporting verb reports in events/reported.py, who a reporting
verb's speaker is in events/attribution.py, and who a speaker phrase names in
events/speakers.py.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventline.events.args import ActorIndex
from eventline.events.attribution import (
    MARKS,
    Attribution,
    Spans,
    according_to,
    attribute_token,
    attribute_verb,
    introducer,
    name_after,
    names_person,
    reporting_verbs,
    speaker_refs,
)
from eventline.events.doc_text import doc_text
from eventline.events.indirect import indirect_quotes
from eventline.events.intervals import Intervals
from eventline.events.patterns import EventLexicon, lexicon
from eventline.events.quote_kinds import is_title, named_fragment, naming_verb, ordered_words
from eventline.events.quote_spans import (
    QuoteSpan,
    _short,
    _short_sentence_after,
    find_quote_spans,
    in_headline,
)
from eventline.events.speakers import authorless, quote_cues, text_source
from eventline.model import ActorRef, Quote, content_id

__all__ = ["Attribution", "direct_quotes", "indirect_quotes", "reporting_verbs", "speaker_refs"]

_TAIL_WORDS = 3  # "…," she added / "…," Weiss said / "…," said the minister
_ATTRIBUTION_LEAD = 8  # "…," chief economist Ann Roe of Lakeport Capital said
_MAX_ATTRIBUTION_WORDS = 12  # "…," Sorensen said at a joint press conference in Lakeport. "…"
# "…," Engle said, raising her voice and telling both lawyers to sit down at once. "…"
_MAX_LONG_ATTRIBUTION = 30
_GOES_ON_CHARS = 200  # an unattributed quote this close after another is still its speaker's


def _attribute(
    span: QuoteSpan,
    doc: Doc,
    actors: ActorIndex,
    lex: EventLexicon,
    quoted: Spans,
    sentences: _Sents,
) -> Attribution | None:
    if (label := _speaker_label(doc, span, actors, quoted)) is not None:
        return label
    sents = sentences.around(span.start - 2, span.end + 2)
    if sents and sents[0].start > 0:
        before = doc[sents[0].start - 1].sent
        if before.text.rstrip().endswith(":"):
            sents.insert(0, before)
    if sents and sents[-1].end < len(doc):
        after = doc[sents[-1].end].sent
        if _cut_off(doc, span, after) or _attribution_after(doc, span, after, lex):
            sents.append(after)
    outside = [
        t for s in sents for t in s if not (span.start - 1 <= t.idx < span.end + 1) and t.is_alpha
    ]
    speech = reporting_verbs(lex)
    verbs = [
        t
        for t in outside
        if t.pos_ == "VERB"
        and (t.lemma_.lower() in speech or _document_reads(t))
        # "prices continued to rise"; the quoted words themselves may parse as the xcomp
        and not any(c.dep_ == "xcomp" and not span.start <= c.idx < span.end for c in t.children)
    ]
    # a quote opening its paragraph: its own attribution after it, not the last paragraph's
    # "…, Roe said.", when it has one
    paragraph = doc_text(doc).rfind("\n", 0, span.start) + 1
    verbs = [t for t in verbs if t.idx >= paragraph] or verbs
    naming = naming_verb(span, doc, outside)
    if (own := _governing(doc, span, [*verbs, *([naming] if naming else [])])) is not None:
        return attribute_verb(own, actors, quoted=quoted)
    if verbs:
        verb = min(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))
        return attribute_verb(verb, actors, quoted=quoted)
    if naming is not None:
        return attribute_verb(naming, actors, quoted=quoted)
    return (
        according_to(outside, actors)
        or name_after(doc, span.end, actors)
        or introducer(doc, span.start, span.end, actors, quoted=quoted)
        or _named_next(doc, span, actors, quoted, sentences)
        or _clause_speaker(doc, span, actors, quoted)
    )


def _clause_speaker(
    doc: Doc, span: QuoteSpan, actors: ActorIndex, quoted: Spans
) -> Attribution | None:
    """`The union's president, Carla Reyes, urged Congress not to “use our paychecks as
    bargaining chips.”`: words quoted at the end of a sentence that names no verb of saying
    are those of the person the sentence is about, the subject of the clause the quote
    closes, when that is a person (a body or a thing as subject says nothing)."""
    if doc_text(doc)[span.end : span.end + 80].split("\n")[0].strip(' "”».,;!?'):
        return None  # words after the quote: its sentence goes on
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner) or inner[0].i == inner[0].sent.start:
        return None
    verb = inner[0].head
    while verb.pos_ not in ("VERB", "AUX") or span.start <= verb.idx < span.end:
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    if verb.sent != inner[0].sent or verb.idx > span.start:
        return None
    found = attribute_verb(verb, actors, quoted=quoted)
    person = found.speaker is not None and actors.is_person_ref(found.speaker)
    return found if person else None


def _document_reads(verb: Token) -> bool:
    """`"…," read a statement from Haley's campaign`, `"…," it read`: "read" whose subject is
    a statement (or "it") quotes its author's words; a sign's or a law's "read" does not."""
    if verb.lemma_.lower() != "read":
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj")), None)
    if subj is None:
        return False
    return subj.lower_ == "it" or subj.lemma_.lower() in quote_cues()["document_nouns"]


def _governing(doc: Doc, span: QuoteSpan, verbs: list[Token]) -> Token | None:
    """`He said the talks were “productive,” while she called them “a first step”`: of the
    verbs that govern the quoted words, the nearest in the tree (not in the text) says whose
    words they are; the closest "said" may be another person's."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    ruling = [v for v in verbs if v.is_ancestor(inner[0]) and v.sent == inner[0].sent]
    nearest = max(ruling, key=lambda v: len(list(v.ancestors)), default=None)
    if nearest is None or doc_text(doc)[: max(0, span.start - 1)].rstrip()[-1:] in (",", ":"):
        return nearest  # `Roe said Ray told her: “…”`: the inner speaker introduces it
    quoted_verb = span.start <= nearest.idx < span.end  # `… and “promised her …”`
    # `had spoken with her and “promised her …”`: the quote opens on a verb coordinated
    # with the nearest one, whose clause the outer verb reports
    head = inner.root
    quoted_verb |= head.pos_ == "VERB" and head.dep_ == "conj" and head.head.i == nearest.i
    if not quoted_verb and nearest.lemma_.lower() not in quote_cues()["thinking_verbs"]:
        return nearest  # `he said the government had stated to him that it had “…”`
    outer = [v for v in ruling if v is not nearest and _reports(v, nearest)]
    return min(outer, key=lambda v: len(list(v.ancestors)), default=nearest)


def _reports(outer: Token, inner: Token) -> bool:
    """Whether `inner` stands in what `outer` reports (`the office said Crane had concluded
    that the sentence was “grossly disproportionate”`, `the spokesperson said the president
    had called and “promised her full support”`): words quoted inside a reported clause,
    under a verb of thinking or taking in the verb itself, are the reporting speaker's, who
    is quoted; under another verb of saying ("had stated to him that it had “…”") they are
    that verb's speaker's. The reported clause may hang on the statement the verb names
    ("said in a statement that the president had spoken with her and “promised …”")."""
    tok, stated = inner, False
    while tok.head.i != outer.i:  # "…and promised": a conjunct within the reported clause
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in quote_cues()["document_nouns"]:
            stated = True  # "in a statement that ...": the statement's content
        elif not (tok.dep_ in ("ccomp", "conj", "xcomp") or (stated and tok.dep_ == "pobj")):
            return False
        tok = tok.head
    return tok.dep_ == "ccomp" or (stated and tok.dep_ == "prep")  # not a coordinated verb


_LABEL_WORDS = 6  # "Solicitor General Elizabeth Prelogar: “…”"


def _speaker_label(
    doc: Doc, span: QuoteSpan, actors: ActorIndex, quoted: Spans
) -> Attribution | None:
    """`Justice Samuel Alito: “So where is the limit?”`: a transcript's speaker label, a name
    of a few capitalised words and a colon opening the quote's paragraph, is its speaker."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start) + 1
    label = text[line_start : max(line_start, span.start - 1)].strip()
    if not label.endswith(":") or text[span.start - 1 : span.start] not in MARKS:
        return None
    words = label[:-1].split()
    if not 0 < len(words) <= _LABEL_WORDS or not all(w[:1].isupper() for w in words):
        return None
    name = doc.char_span(line_start, line_start + len(label) - 1, alignment_mode="contract")
    if name is None or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    found = attribute_token(name[-1], actors, quoted=quoted)
    if found.speaker is None and (earlier := _named_before(doc, name, quoted)) is not None:
        found = attribute_token(earlier, actors, quoted=quoted)
    if found.speaker is None:
        return None  # "Update: “…”", "Editor's note: “…”"
    return Attribution(found.speaker, name.text, None, None, (name.start_char, name.end_char))


def _named_before(doc: Doc, label: Span, quoted: Spans) -> Token | None:
    """`KAGAN: “…”`: a transcript labels its speakers by surname in capitals, which the
    tagger rarely takes for a name; the label is the person named earlier, outside the
    quotes, with that surname."""
    word = label[-1]
    if not word.is_upper or len(word.text) < 3:
        return None
    same = [
        t
        for t in doc[: label.start]
        if t.lower_ == word.lower_ and t.is_title and not quoted.covers(t.idx)
    ]
    return same[-1] if same else None


def _named_next(
    doc: Doc, span: QuoteSpan, actors: ActorIndex, quoted: Spans, sentences: _Sents
) -> Attribution | None:
    """`"We kept the government open." Schumer made the remarks after the vote.`: a closed
    quote of whole sentences that opens its paragraph, with no attribution, is spoken by the
    person the next sentence of the paragraph opens on as its subject."""
    text = doc_text(doc)
    if not span.closed or text[: max(0, span.start - 1)].rstrip(" ")[-1:] not in ("", "\n"):
        return None
    if not text[span.start : span.end].rstrip().endswith((".", "!", "?")):
        return None
    rest = text[span.end : span.end + 3].lstrip('"”» ')
    if not rest[:1].isupper():
        return None
    after = sentences.around(span.end, span.end + 4)
    sent = next((s for s in after if s.start_char > span.end), None)
    if sent is None or "\n" in text[span.end : sent.start_char]:
        return None
    subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.head.dep_ != "ROOT" or subj.i - sent.start > 6:
        return None
    pronoun = subj.pos_ == "PRON" and subj.lower_ in lexicon().cue("person_pronouns")
    described = subj.pos_ == "NOUN" and subj.tag_ == "NN"
    if not (pronoun or described or names_person(subj, actors)):
        return None
    found = attribute_token(subj, actors, quoted=quoted)
    return found if found.speaker is not None or not described else None


def _cut_off(doc: Doc, span: QuoteSpan, after: Span) -> bool:
    """`"…collapse." said Harper`: the splitter ended the sentence at the closing mark, and
    the next one, right after it in lower case, is the quote's attribution."""
    return after[0].is_lower and not doc_text(doc)[span.end : after.start_char].strip(" \"”»'.,")


def _attribution_after(doc: Doc, span: QuoteSpan, after: Span, lex: EventLexicon) -> bool:
    """`“Are you aware of it?” Wallace asked.`: the splitter ended the sentence at a closing
    "?", "!" or "." and the next one, right after the mark, opens on its attribution (a
    reporting verb among its first words that reports nothing of its own)."""
    if (
        doc_text(doc)[span.end : after.start_char].strip(" \"”»'")
        or "\n" in doc_text(doc)[span.end : after.start_char]
    ):
        return False
    if not doc_text(doc)[span.start : span.end].rstrip().endswith(("?", "!", ".")):
        return False
    speech = reporting_verbs(lex)
    words = [t for t in after if not t.is_punct and not t.is_space][:_ATTRIBUTION_LEAD]
    return any(
        t.pos_ == "VERB"
        and t.lemma_.lower() in speech
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i for c in t.children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
        for t in words
    )


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


def _continues(
    doc: Doc, text: str, first_part: QuoteSpan, second: QuoteSpan, lex: EventLexicon
) -> bool:
    """Whether `second` goes on with the statement of `first_part`: the next paragraph of an
    unclosed quote, a part separated only by its attribution (`"X," she said. "Y."`) or by
    an ellipsis (`"X" ... "Y."`: words left out)."""
    gap = text[first_part.end : second.start]
    if not first_part.closed:
        return gap.strip() in ("", '"', "“", "«", "„")
    if "\n" not in gap and gap.strip(' "“”«»„') in ("...", "…", ". . ."):
        return True  # `"X" ... "Y."`: the reporter left words out between two parts
    if gap.strip().rstrip('"“«„').rstrip().endswith(":"):
        return False  # `"X," Ruiz said, though another paper gave it as: "Y"`: a new quote
    words = [w.strip('"“”«»,.:;') for w in gap.split()]
    words = [w for w in words if w]
    speech = reporting_verbs(lex)
    most = _MAX_ATTRIBUTION_WORDS
    if _leads_with_attribution(doc, first_part.end, speech):
        most = _MAX_LONG_ATTRIBUTION  # `"X," Ruiz said, raising her voice and ... "Y."`
    if not 0 < len(words) <= most or not _one_paragraph_on(gap):
        return False
    comma = text[first_part.start : first_part.end].rstrip().endswith(",")
    comma = comma or gap.lstrip('"”» ').startswith(",")  # the comma outside the marks
    between = doc.char_span(first_part.end, second.start, alignment_mode="expand") or ()
    return (
        comma
        and any(t.lemma_.lower() in speech for t in between)
        and not _attributed_after(doc, text, second, speech)
    )


def _leads_with_attribution(doc: Doc, end: int, speech: frozenset[str]) -> bool:
    """Whether the words right after a quote's closing mark open on its attribution: a
    reporting verb among the first three words (`said Ruiz`, `Ruiz said`, `the senator
    said`) with no clause of its own to report."""
    after = doc.char_span(end, min(len(doc_text(doc)), end + 80), alignment_mode="contract") or ()
    words = [t for t in after if t.is_alpha][: _TAIL_WORDS + 1]
    return any(
        t.lemma_.lower() in speech
        and t.pos_ == "VERB"
        and not any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i for c in t.children)
        for t in words
    )


def _one_paragraph_on(gap: str) -> bool:
    """Whether the attribution between two parts keeps them together: all in one paragraph,
    or ending the first part's paragraph with the next paragraph opening on the quote
    (`"X," said Ruiz.` / `"Y."`: news starts a paragraph for the next sentence of a quote)."""
    _, newline, after = gap.strip().partition("\n")
    return not newline or ("\n" not in after and after.strip() in ('"', "“", "«", "„"))


def _attributed_after(doc: Doc, text: str, span: QuoteSpan, speech: frozenset[str]) -> bool:
    """ "…," she added: a part followed by an attribution of its own is a statement of its own.
    The verb opens the tail, or, after a part that ends on a comma, closes an attribution that
    names its speaker first (`"…," analyst Ann Roe of Lakeport Capital said.`)."""
    tail = text[span.end : span.end + 120].split("\n")[0]
    after = doc.char_span(span.end, span.end + len(tail), alignment_mode="contract") or ()
    words = [t for t in after if t.is_alpha][:_TAIL_WORDS]
    if any(t.lemma_.lower() in speech and t.pos_ == "VERB" for t in words):
        return True
    comma = text[span.start : span.end].rstrip().endswith(",") or tail.lstrip('"”» ').startswith(
        ","
    )
    clause: list[Token] = []
    for tok in after:
        if not clause and (tok.text in MARKS or tok.text == ","):
            continue  # the closing mark and the comma after it
        if tok.text in (".", ";", "!", "?") or tok.text in MARKS:
            break
        clause.append(tok)
    said = [t for t in clause if t.lemma_.lower() in speech and t.pos_ == "VERB"]
    return comma and bool(said) and said[0].i - clause[0].i <= _ATTRIBUTION_LEAD


def direct_quotes(
    doc: Doc, *, article_id: str, actors: ActorIndex, lex: EventLexicon
) -> tuple[list[Quote], dict[int, ActorRef]]:
    """Direct quotes, and the speaker of each token inside one (for I/we resolution)."""
    quotes: list[Quote] = []
    speakers: dict[int, ActorRef] = {}
    previous: tuple[QuoteSpan, Attribution] | None = None
    unsure = False  # the previous quote was left without a speaker: parts merged onto it too
    full = doc_text(doc)
    spans = [
        s
        for s in _not_titles(doc, full, find_quote_spans(full, min_words=1), lex)
        if not in_headline(full, s.start)
    ]
    quoted = Intervals((s.start, s.end) for s in spans)
    sents = _Sents(doc)
    for n, span in enumerate(spans):
        after = spans[n + 1] if n + 1 < len(spans) else None
        last = previous[0] if previous is not None and quotes else None
        named = named_fragment(doc, span) if _short(full, span) else None
        if named is None and _short(full, span):  # 'telling him to “control your client”'
            named = ordered_words(doc, span, reporting_verbs(lex))
        if (
            _short(full, span)
            and not named
            and not _short_part(doc, full, span, (last, after), lex)
        ):
            continue  # a scare quote
        if named is not None:  # "what Jobs described as “a nominal charge”"
            found: Attribution | None = attribute_verb(named, actors, quoted=quoted)
        else:
            found = _attribute(span, doc, actors, lex, quoted, sents)
        if _quoted_text(doc, span, found):
            continue  # 'the 14th Amendment says “...”': a law's words, nobody's statement
        if _reporters_question(found):
            continue  # '“You really think so?” a reporter asked': the story's, no statement
        if found is not None and authorless(found.speaker, found.speaker_text, direct=True):
            continue  # 'the memo urges agencies to “communicate early and often”': no one's
        joined = named is None  # words a verb in the gap governs are their own statement
        if (
            joined
            and previous is not None
            and _continues(doc, full, previous[0], span, lex)
            and quotes
        ):
            found = _merged_speaker(previous[1], found, unsure=unsure)
            merged = quotes.pop()
            text = f"{merged.text} {_clean(full[span.start : span.end])}"
            quotes.append(_quote(article_id, merged.start, span.end, text, found))
        else:
            unsure = False
            if (next_named := _named_in_next_paragraph(doc, span, actors, quoted)) is not None:
                found, unsure = next_named, next_named.speaker is None
            if found is None and previous is not None and _near(previous[0], span):
                if _goes_on(full, *previous, span):
                    found = previous[1]
                else:  # no speaker, but still the quote a next part may continue
                    previous, unsure = (span, previous[1]), True
            text = _clean(full[span.start : span.end])
            quotes.append(_quote(article_id, span.start, span.end, text, found))
            if found is None and not span.closed and (previous is None or previous[0] != span):
                # an unattributed quote going on in the next paragraph: the part there may
                # name its speaker (`“…` / `“That ends today,” he continued.`)
                previous, unsure = (span, _UNNAMED), True
        if found is not None:
            previous, unsure = (span, found), False
            if found.speaker is not None:
                inner = doc.char_span(span.start, span.end, alignment_mode="expand")
                speakers.update({t.i: found.speaker for t in inner or ()})
    return quotes, speakers


def _merged_speaker(
    first_part: Attribution, own: Attribution | None, *, unsure: bool
) -> Attribution | None:
    """Who speaks a statement merged from parts: the first part's attribution (`"X,"
    Zelenskyy said. "Y."`: the words between the parts), unless only a later part's own
    resolves the speaker, or the first part was left without one on purpose."""
    if unsure:
        return own
    if first_part.speaker is None and own is not None and own.speaker is not None:
        return own
    return first_part


_LISTED = frozenset(("", ",", "and", ", and", "or", ", or", "/"))


def _not_titles(doc: Doc, text: str, spans: list[QuoteSpan], lex: EventLexicon) -> list[QuoteSpan]:
    """The quote spans that are no title, slogan or sign: `signs reading “Keep Trump on the
    ballot” and “No one is above the law”`: words listed right after a title or sign's words
    (only "and", "or" or a comma between) are of the same kind."""
    kept: list[QuoteSpan] = []
    last_title: QuoteSpan | None = None
    for span in spans:
        listed = last_title is not None and _listed_after(text, last_title, span)
        if listed or is_title(doc, text, span, lex):
            last_title = span
            continue
        kept.append(span)
    return kept


def _listed_after(text: str, before: QuoteSpan, span: QuoteSpan) -> bool:
    gap = text[before.end : max(before.end, span.start - 1)]
    return " ".join(gap.strip(" \"”»'").split()) in _LISTED and "\n" not in gap


_THAT_WAS = (("that", "was"), ("those", "were"), ("this", "was"), ("so", "said"))


def _named_in_next_paragraph(
    doc: Doc, span: QuoteSpan, actors: ActorIndex, quoted: Spans
) -> Attribution | None:
    """`“…the federal government has abandoned New York.”` / `That was Adams, speaking to
    reporters later.`: a paragraph that is one closed quote, followed by a paragraph opening
    on "That was" / "So said", is spoken by the person that paragraph names; nobody else's
    (no speaker when it names no one)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, span.start) + 1
    if not span.closed or text[line_start : span.start].strip() not in ('"', "“", "«", "„"):
        return None
    rest = text[span.end : span.end + 4].lstrip('"”» ')
    if not rest.startswith("\n"):
        return None
    nxt = doc.char_span(span.end, min(len(text), span.end + 200), alignment_mode="contract")
    words = [t for t in nxt or () if not t.is_space and not t.is_punct]
    if len(words) < 3 or (words[0].lower_, words[1].lower_) not in _THAT_WAS:
        return None
    person = next((t for t in words[2:6] if t.ent_type_ == "PERSON"), None)
    if person is None:
        return _UNNAMED
    name = person
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    return attribute_token(name, actors, quoted=quoted)


_UNNAMED = Attribution(None, None, None, None, None)


def _near(before: QuoteSpan, span: QuoteSpan) -> bool:
    return span.start - before.end < _GOES_ON_CHARS


def _goes_on(text: str, before: QuoteSpan, said: Attribution, span: QuoteSpan) -> bool:
    """Whether a quote with no attribution of its own goes on from the quote before it, and
    so is its speaker's: close after it, in the same paragraph, or opening the next one
    (`"X," Roe said.` / `"Y."`), or led into by words that name that speaker again (`Roe
    later added in an interview: “…”`). A later paragraph that leads into its quote with
    words of its own (`MURRAY: “…”`, `The screen read: “…”`) does not say who speaks."""
    gap = text[before.end : span.start]
    if "\n" not in gap:
        return True
    lead = gap.rsplit("\n", 1)[1]
    if lead.strip() in ("", '"', "“", "«", "„"):
        return True
    names = {w for w in (said.speaker_text or "").split() if w[:1].isupper()}
    if said.speaker is not None:
        names |= {said.speaker.name.split()[-1]} if said.speaker.name.split() else set()
    return bool(
        names & {w.strip(".,:;").removesuffix("'s").removesuffix("’s") for w in lead.split()}
    )


_ASKERS = frozenset(("reporter", "reporters", "journalist", "journalists", "interviewer"))


def _reporters_question(found: Attribution | None) -> bool:
    """Whether a quote is a question put by an unnamed reporter ('“So there will be a
    shutdown?” a reporter asked', '“Will you sign it?” she was asked'): the news gathering
    around a statement, not a statement anyone makes."""
    if found is None or found.speaker is not None:
        return False
    if found.speaker_text is None:
        return found.verb is not None and found.verb.lemma_.lower() in _ASKED
    words = found.speaker_text.lower().split()
    return bool(words) and words[-1] in _ASKERS


_ASKED = frozenset(("ask", "question", "press"))


def _quoted_text(doc: Doc, span: QuoteSpan, found: Attribution | None) -> bool:
    """Whether the quoted words are a written text's ("the statute reads: “...”", "Section 3
    states “...”"): attributed to a text, or set after a text as the subject of their
    sentence."""
    if found is not None and found.speaker is None and text_source(found.speaker_text):
        return True
    if found is not None and found.speaker is None and _a_sign(found.speaker_text):
        return True  # 'the sign in its window, which said “everything must go”'
    if found is not None and found.speaker is not None:
        return False
    before = doc.char_span(max(0, span.start - 80), span.start, alignment_mode="contract")
    # the words of the last one's sentence (sentences are contiguous: `.sent` once, not per word)
    first = before[-1].sent.start if before else 0
    words = [t for t in before if t.i >= first] if before else []
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and text_source(t.text)
        for t in words
    )


_PREPOSITIONS = frozenset(("in", "on", "at", "of", "outside", "above", "behind", "near"))


def _a_sign(speaker_text: str | None) -> bool:
    """Whether a speaker phrase names a sign, banner or chant ("sign in its window"): its
    head, the last word before a preposition, is a sign word."""
    words = [
        w.lower().strip(",.").removesuffix("'s").removesuffix("’s")
        for w in (speaker_text or "").split()
    ]
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    return bool(words[:cut]) and words[:cut][-1] in quote_cues()["sign_words"]


def _short_part(
    doc: Doc,
    text: str,
    span: QuoteSpan,
    around: tuple[QuoteSpan | None, QuoteSpan | None],
    lex: EventLexicon,
) -> bool:
    """Whether a quote of fewer than four words is part of a statement: a short sentence that
    closes the quote before it ("…," Ashford said. "The result stands."), a short first part
    that the next quote continues ("Every minute counts," she said. "Police …"), or a short
    sentence of its own before its attribution ("It's a disgrace," Ruiz said)."""
    before, after = around
    if before is not None and _short_sentence_after(text, before, span):
        return _continues(doc, text, before, span, lex)
    if after is not None and not _short(text, after) and _continues(doc, text, span, after, lex):
        return True
    speech = reporting_verbs(lex)
    return (_own_sentence(text, span) and _attributed_after(doc, text, span, speech)) or (
        _introduced(doc, text, span, speech)
    )


def _introduced(doc: Doc, text: str, span: QuoteSpan, speech: frozenset[str]) -> bool:
    """`Asked whether the date would hold, Lauro said, “We'll see.”`: short quoted words
    that close their sentence right after a reporting verb and a comma or colon (or the
    verb's addressee and a colon: `Wallace asked Trump: “Done?”`) are what the verb's
    subject said, not a scare quote."""
    words = text[span.start : span.end].strip()
    lead = text[max(0, span.start - 40) : max(0, span.start - 1)].rstrip()
    if not span.closed or not words.endswith((".", "!", "?")) or not lead.endswith((",", ":")):
        return False
    before = doc.char_span(max(0, span.start - 40), span.start, alignment_mode="contract")
    alpha = [t for t in before or () if t.is_alpha]
    if not alpha:
        return False
    verb = alpha[-1]
    if verb.dep_ in ("dobj", "dative") and verb.head.i < verb.i and lead.endswith(":"):
        verb = verb.head  # `Wallace asked Trump: “Done?”`, `she told reporters: “No.”`
    return verb.pos_ == "VERB" and verb.lemma_.lower() in speech


def _own_sentence(text: str, span: QuoteSpan) -> bool:
    """`"It's a disgrace," Ruiz said`: short quoted words that open their sentence (or their
    paragraph, after a quote that closed the one before: `“Done,” Trump said.`) and end on
    a comma, "!" or "?" before their attribution are a statement, not a scare quote."""
    opening = text[: max(0, span.start - 1)].rstrip(" \t")
    words = text[span.start : span.end].strip()
    return (
        not opening.strip() or opening.endswith("\n") or opening.endswith((".", "!", "?", ":"))
    ) and words.endswith((",", "!", "?"))


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
