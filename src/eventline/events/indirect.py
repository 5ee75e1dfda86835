"""Reported speech: a reporting verb and what it reports, outside direct quotes
(events/quotes.py finds the direct ones first).

A reporting verb (speech verbs, `attribution_verbs`, the quote stage's reporting verbs, and
accusing verbs: "accused X of Y") with a clausal complement that is not a question; a
parenthetical attribution ("The repairs, Salo said, would cost millions"); an issuing verb
with a claim noun and its "that" clause ("issued a recommendation that ..."); and a sentence
attributed with "according to X". A clause hung on a possessor's claim noun ("agreed with
Apple's argument that ...") is the possessor's. Which clause a verb reports is
events/reported.py; who its speaker is, events/attribution.py.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventline.events.args import ActorIndex, first
from eventline.events.attribution import (
    MARKS,
    Attribution,
    according_to,
    attribute_token,
    attribute_verb,
    reporting_verbs,
)
from eventline.events.doc_text import doc_text
from eventline.events.intervals import Intervals
from eventline.events.patterns import EventLexicon
from eventline.events.quote_kinds import is_title, reported_fragment
from eventline.events.quote_spans import (
    QuoteSpan,
    _headline_end,
    _short,
    find_quote_spans,
    in_headline,
)
from eventline.events.reported import (
    _complement,
    _mostly_quoted,
    _parenthetical,
    _pointed_cause,
    _question,
    claim_noun,
    issued_clause,
)
from eventline.events.speakers import authorless, learn_genders, quote_cues, text_source
from eventline.model import Quote, content_id


def _it_said(who: Attribution, before: list[Quote]) -> Attribution:
    """ "The interior ministry said ... It said 43 people had been detained": an "it" the actor
    layer cannot resolve speaks for the body that made the previous statement."""
    if who.speaker is not None or (who.speaker_text or "").lower() != "it" or not before:
        return who
    last = before[-1]
    bodies = quote_cues()["body_nouns"]
    words = (last.speaker_text or "").lower().split()
    if last.speaker is not None or not words or words[-1] not in bodies:
        return who
    return replace(who, speaker_text=last.speaker_text)


def _quoted_parts(
    doc: Doc, clause: tuple[Token, Span, Quote], short: list[QuoteSpan], lex: EventLexicon
) -> dict[int, Quote]:
    """The partial quotes of a reported clause ("she said the deal was “dead”", "warned that
    her office would “closely monitor” the campaign") as direct quotes of the clause's
    speaker: the words the speaker is quoted as using inside the statement, which news
    annotators record next to the clause. Only words the clause's own verb reports
    (`reported_fragment`: not under a verb of naming or another verb's clause), and no
    title, name or headline. Only for a person the sentence names (`_sure_person`), and not
    under a verb by which an outlet passes on news ("the Times reported that the talks had
    “collapsed”"): the words a report quotes are its sources', not the outlet's."""
    verb, comp, quote = clause
    if verb.lemma_.lower() in lex.cue("outlet_report_verbs"):
        return {}
    text = doc_text(doc)
    speech, thinking = reporting_verbs(lex), quote_cues()["thinking_verbs"]
    parts: dict[int, Quote] = {}
    for span in short:
        if not comp.start_char <= span.start < comp.end_char or in_headline(text, span.start):
            continue
        if is_title(doc, text, span, lex):
            continue
        said = reported_fragment(doc, span, speech, thinking)
        if said is None or said.i != verb.i:
            continue
        parts[span.start] = quote.model_copy(
            update={
                "id": content_id("quo", quote.article, span.start, span.end),
                "text": text[span.start : span.end].strip().rstrip(",").strip(),
                "direct": True,
                "start": span.start,
                "end": span.end,
            }
        )
    return parts


def _sure_person(doc: Doc, who: Attribution, actors: ActorIndex, lex: EventLexicon) -> bool:
    """Whether a clause's speaker is a person named where the clause is ("Roe said", "the
    senator said" resolved to Roe, "Ann Roe praised the plan. She said ..."): the speakers
    whose partial quotes are recorded. A body's quoted words ("GM said the plan was
    “viable”") are a filing's or a spokesperson's, which annotators attribute variously, and
    a "he"/"she" whose person is not named in its sentence or the one before may be the
    wrong person; either would double a doubtful attribution the clause already carries."""
    if who.speaker is None or not actors.is_person_ref(who.speaker):
        return False
    if (who.speaker_text or "").lower() not in lex.cue("person_pronouns"):
        return True
    if who.speaker_span is None or not who.speaker.name.split():
        return False
    pronoun = doc.char_span(*who.speaker_span, alignment_mode="expand")
    if pronoun is None or not len(pronoun):
        return False
    sent = pronoun[0].sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    surname = who.speaker.name.split()[-1].lower()
    return any(t.lower_ == surname for t in doc[start : pronoun.start])


def indirect_quotes(
    doc: Doc, *, article_id: str, actors: ActorIndex, lex: EventLexicon, direct: list[Quote]
) -> list[Quote]:
    """Reported speech outside direct quotes: speech verb + clausal complement, or a speech
    verb set inside the clause it reports ("The repairs, Salo said, would cost millions")."""
    learn_genders(direct, actors)
    inside = Intervals((q.start, q.end) for q in direct)
    near = Intervals((q.start - 2, q.end) for q in direct)
    # the quoted words themselves: a statement merged over its attribution ("X," said Ruiz.
    # "Y.") spans that attribution, whose "Ruiz" is a speaker a later "he" may refer to
    words = Intervals((s.start, s.end) for s in find_quote_spans(doc_text(doc), min_words=1))
    taken = Intervals()  # the reported clauses found so far
    # quoted words the direct stage found to be no statement (titles, signs, headlines)
    unspoken = Intervals(
        (s.start - 2, s.end)
        for s in find_quote_spans(doc_text(doc), min_words=4)
        if not inside.covers(s.start)
    )
    reported: set[tuple[int, int]] = set()
    # short quoted words no direct quote took: the partial quotes a clause may hold
    full = doc_text(doc)
    short = [s for s in find_quote_spans(full, min_words=1)
             if not inside.covers(s.start) and _short(full, s)]  # fmt: skip
    parts: dict[int, Quote] = {}
    speech = reporting_verbs(lex) | quote_cues()["accusing_verbs"]
    quotes: list[Quote] = []
    headline = _headline_end(full)
    for verb in doc:
        if verb.pos_ != "VERB" or _pointing(verb):
            continue
        issued = issued_clause(verb) if verb.lemma_.lower() not in speech else None
        if verb.lemma_.lower() not in speech and issued is None:
            continue
        if verb.idx < headline or inside.covers(verb.idx) or in_headline(full, verb.idx):
            continue  # a headline, subhead or link ("Related: Roe says ...") restates the story
        comp = _without_that(issued or _complement(verb))
        text = comp.text if comp is not None else ""
        if comp is None and (around := _parenthetical(verb)) is not None:
            comp, text = around
        if comp is None and (comp := _coordinated_before(verb)) is not None:
            text = comp.text
        if comp is not None and (cut := _in_paragraph(comp, verb)) is not comp:
            comp, text = cut, cut.text if cut is not None else ""
        if comp is None or len(comp) < 3 or _question(verb, lex):
            continue
        if _mostly_quoted(comp, near) or (taken.covers(verb.idx) and not _nested(verb, speech)):
            continue
        if _mostly_quoted(comp, unspoken):  # 'a sign that said “everything must go”'
            continue
        if _spliced(verb, comp):
            continue  # "announced a phone, which ... in the US, Virgin will ... in the UK"
        if _unspoken(verb) or (comp.start_char, comp.end_char) in reported:
            continue  # "announced ..., where he promoted it by saying ...": one clause, once
        who = _it_said(attribute_verb(verb, actors, quoted=words), quotes)
        holder = _claim_holder(comp, verb)
        if holder is not None:  # "agreed with the company's argument that ...": the company's
            who = attribute_token(holder, actors, quoted=words)
        if who.speaker is None and (who.speaker_text is None or text_source(who.speaker_text)):
            continue  # nobody, or a text: "the law says voters must show an ID"
        if authorless(who.speaker, who.speaker_text):
            continue  # "a memo circulated on Friday says ...": a document of no one's
        if _speaker_inside(who, comp, verb):
            continue  # '"…," said Ann Roe, among the drivers sent sliding': no clause of hers
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
        reported.add((comp.start_char, comp.end_char))
        if _sure_person(doc, who, actors, lex):
            parts |= _quoted_parts(doc, (verb, comp, quotes[-1]), short, lex)
    found = quotes + _according_to_quotes(doc, article_id, actors, near, quotes)
    return found + list(parts.values())


def _without_that(comp: Span | None) -> Span | None:
    """'said that "…"': the "that" before a quote is no word of the clause, whose words are
    then the quote's own (a direct statement, not reported speech)."""
    if comp is not None and len(comp) > 2 and comp[0].lower_ == "that" and comp[1].text in MARKS:
        return comp[1:]
    return comp


def _coordinated_before(verb: Token) -> Span | None:
    """ "Sales will recover next year, chief executive Ann Roe told analysts": a reporting
    verb with its own subject, after a comma and no "and"/"but", that the parse coordinated
    with the main clause before it reports that clause."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ROOT" or head.i > verb.i:
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    start = next(t.i for t in verb.subtree if not t.is_punct)  # the parse may hang the comma
    if start == 0 or verb.doc[start - 1].text != ",":  # on the verb
        return None
    if any(c.dep_ in ("cc", "preconj") for c in head.children if c.i < verb.i):
        return None  # "The plant closed, and Roe said ...": two statements of fact
    tokens = [t for t in head.subtree if t.i < start - 1]
    return verb.doc[tokens[0].i : tokens[-1].i + 1] if len(tokens) > 2 else None


_TELLING = frozenset({"tell", "inform", "assure", "remind", "warn", "notify", "brief", "advise"})


def _spliced(verb: Token, comp: Span) -> bool:
    """A clause the parse hung on a verb whose object comes first, set off by a comma ("Apple
    announced a phone, which AT&T will sell in the US, Virgin will in the UK"): what the verb
    reports is its object, and the clause after the comma goes on about it. A verb of telling
    takes its hearer as object ("warned investors, the market will fall" is reported)."""
    if verb.lemma_.lower() in _TELLING or comp.start == 0:
        return False
    obj = first(verb, "dobj")
    before = verb.doc[comp.start - 1]
    return (
        obj is not None
        and obj.pos_ in ("NOUN", "PROPN")
        and verb.i < obj.i < comp.start
        and before.text == ","
        and obj.right_edge.i >= comp.start - 2  # the object's phrase runs up to the comma
    )


def _claim_holder(comp: Span, verb: Token) -> Token | None:
    """Whose claim a clause is when it hangs on a claim noun with a possessor ("rejected
    Apple's argument that ...": Apple's); a possessive pronoun is the verb's own subject."""
    noun = claim_noun(comp, verb)
    owner = first(noun, "poss") if noun is not None else None
    return owner if owner is not None and owner.pos_ != "PRON" else None


def _pointing(verb: Token) -> bool:
    """ "points to the rise in bond prices": "point" reports speech only as "point out", or
    as "points to X as being Y" (what the speaker says X is)."""
    return (
        verb.lemma_.lower() == "point"
        and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        and _pointed_cause(verb) is None
    )


def _in_paragraph(comp: Span, verb: Token) -> Span | None:
    """The part of a reported clause in its verb's paragraph: a clause never runs over a
    paragraph break (a headline line with no full stop is parsed into the next sentence)."""
    words = comp.text.strip()
    if "\n" not in words:
        return comp
    doc = comp.doc
    if comp.start_char < verb.idx:  # the clause before its verb: the part after the break
        start = doc_text(doc).rfind("\n", comp.start_char, min(verb.idx, comp.end_char)) + 1
        end = comp.end_char
    else:
        start = comp.start_char
        found = doc_text(doc).find("\n", comp.start_char, comp.end_char)
        end = found if found >= 0 else comp.end_char
    if start <= comp.start_char and end >= comp.end_char:
        return comp
    return doc.char_span(start, end, alignment_mode="contract")


def _speaker_inside(who: Attribution, comp: Span, verb: Token) -> bool:
    """Whether a clause after its verb opens on or holds the verb's own speaker (an inverted
    attribution the parse took for the verb's complement)."""
    where = who.speaker_span
    if where is None or comp.start_char <= verb.idx:
        return False
    if comp.start_char <= where[0] < comp.end_char:
        return True
    # '"…," said Ann Roe, among the drivers ...': after a quote and its inverted attribution
    before = doc_text(verb.doc)[max(0, verb.idx - 4) : verb.idx].rstrip(" ,")
    return verb.idx < where[0] <= comp.start_char and before.endswith(tuple(MARKS))


#: Verbs whose infinitive complement is speech that was asked for, refused or only planned.
_UNREALISED = frozenset(
    (
        *("ask", "urge", "press", "pressure", "push", "call", "demand", "request", "encourage"),
        *("invite", "challenge", "dare", "decline", "refuse", "fail", "plan", "intend", "want"),
    )
)


def _unspoken(verb: Token) -> bool:
    """A reporting verb asked for, refused or planned ("urged her to say that ..."), or one
    with no speaker: passive without a "by" agent ("Improvements were also
    announced": its subject is what was said), or with data for subject ("the flight data
    suggests that ...": evidence, not speech)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _UNREALISED:
        return True  # "asked Roe to confirm that ...": what she was asked, not what she said
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        return True
    subj = first(verb, "nsubj")
    return subj is not None and subj.lemma_.lower() in quote_cues()["evidence_nouns"]


def _nested(verb: Token, speech: frozenset[str]) -> bool:
    """ "The Times reported that a source said the talks had failed": a reporting verb with a
    subject of its own heading what another reports makes a statement of its own too."""
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    thought = verb.lemma_.lower() in quote_cues()["thinking_verbs"]
    if thought and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return False  # "the office said Crane had concluded that ...": what the outer
        # speaker says someone had thought is that speaker's statement, not a new one
    return own and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech


def _relative_clause(opener: Token) -> Token | None:
    """The relative clause an "according to X" sits in, if any."""
    node = opener
    while node.head != node:
        node = node.head
        if node.dep_ == "relcl":
            return node
    return None


def _phrase(opener: Token) -> set[int]:
    """The "according to X" phrase's tokens."""
    return {t.i for t in opener.subtree}


def _according_to_quotes(
    doc: Doc,
    article_id: str,
    actors: ActorIndex,
    quoted: Intervals,
    reported: list[Quote],
) -> list[Quote]:
    """ "According to X, Y": the rest of the sentence is X's statement, even when it holds a
    statement of its own ("According to Fiat, the company told the Treasury that ...": both
    are Fiat's) or a partial quote; a rest that opens on a direct quote is that quote. A
    trailing "according to X" after a reported clause ("The Times reports that jobs rose,
    according to research by ISM") sources that clause; one inside a reported clause ("NPD
    said that, according to those figures, ...") is part of what was reported, and one over
    another speaker's reported clause ("According to the Times, an insider claimed that
    ...") only names where that speaker's words appeared."""
    clauses = sorted((q.start, q.end) for q in reported)
    found = []
    for sent in doc.sents:
        openers = [t for t in sent if t.lower_ == "according" and t.i + 1 < sent.end]
        for opener in (t for t in openers if t.nbor().lower_ == "to"):
            if quoted.covers(opener.idx):
                continue  # '“We act according to international law,” he said': quoted words
            who = according_to(list(doc[opener.i : sent.end]), actors)
            if who is None or who.speaker_span is None:
                continue
            if authorless(who.speaker, who.speaker_text):
                continue  # "according to the latest filings": figures of no one's
            if any(a <= opener.idx < b for a, b in clauses):
                continue
            span = _source_span(opener, who.speaker_span, sent)
            rest = _according_rest(sent, opener, span, clauses, openers)
            quote = _according_quote(doc, article_id, who, span, rest, quoted, reported)
            found += [quote] if quote is not None else []
    return found


def _source_span(opener: Token, span: tuple[int, int], sent: Span) -> tuple[int, int]:
    """Where the source is named: the whole source phrase ("company statistics")."""
    source = first(opener.nbor(), "pobj")
    a, b = span
    if source is not None and source.right_edge.i < sent.end:
        b = max(b, source.right_edge.idx + len(source.right_edge))
    return a, b


def _cut_lead(sent: Span) -> list[Token]:
    """ "The co-founder of Fabrik Inc. Anna Berg has died": the splitter may end a sentence at
    an abbreviation ("Inc.") mid-line; a piece so cut off with no verb opens this sentence."""
    doc = sent.doc
    if sent.start == 0 or "\n" in doc[sent.start - 1].whitespace_:
        return []
    last = doc[sent.start - 1]
    before = doc[last.i].sent
    if len(last.text) < 3 or not last.text.endswith(".") or not last.text[0].isupper():
        return []
    if any(t.pos_ in ("VERB", "AUX") or "\n" in t.whitespace_ for t in before):
        return []
    return list(before)


def _according_rest(
    sent: Span,
    opener: Token,
    span: tuple[int, int],
    clauses: list[tuple[int, int]],
    openers: list[Token],
) -> list[Token]:
    """What "according to X" sources: the sentence on one side of it, the relative clause it
    sits in ("rose to 444,000, which, according to X, is near a record"), less a relative
    clause sourced by another "according to"."""
    a, b = span
    relative = _relative_clause(opener)
    if relative is not None:
        words = [t for t in relative.subtree if not t.is_punct]
        phrase = _phrase(opener)
        before = [t for t in words if t.i < opener.i]
        after = [t for t in words if t.i > opener.i and t.i not in phrase]
        return max(before, after, key=len)
    # the statement is the sentence on one side of "according to X": "Y, according to X"
    # or "According to X, Y" (the side with more words)
    # ("..., according to Halvorsen Research, a data firm": the firm is no statement)
    named = [t for t in sent if a <= t.idx < b]
    apposed = {s.i for t in named for c in t.children if c.dep_ == "appos" for s in c.subtree}
    left = [t for t in sent if not t.is_punct and t.i < opener.i]
    left = [t for t in _cut_lead(sent) if not t.is_punct] + left
    right = [t for t in sent if not t.is_punct and t.idx >= b and t.i not in apposed]
    right = _without_apposition(right, sent, b) if opener.i == _first_word(sent) else right
    sourced = [r for o in openers if o != opener and (r := _relative_clause(o)) is not None]
    if sourced:  # "X, which, according to Y, ...": Y's part is no part of this statement
        cut = min(r.left_edge.i for r in sourced)
        right = [t for t in right if t.i < cut] if cut > opener.i else right
    rest = max(left, right, key=len)
    if rest is left:
        inner = [(a, b) for a, b in clauses if left and left[0].idx <= a and b <= opener.idx]
        rest = [t for t in left if inner and inner[-1][0] <= t.idx < inner[-1][1]] or rest
    return rest


def _first_word(sent: Span) -> int:
    return next((t.i for t in sent if not t.is_space and not t.is_punct), sent.start)


def _without_apposition(right: list[Token], sent: Span, end: int) -> list[Token]:
    """ "According to Common Cause, a group that tracks voting rules, the maps were drawn to
    ...": a noun phrase opening on "a"/"an" set off by commas right after the source
    describes the source; the statement starts after it."""
    doc = sent.doc
    after = [t for t in sent if t.idx >= end and not t.is_space]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ not in ("a", "an"):
        return right
    comma = next((t for t in after[2:] if t.text == ","), None)
    if comma is None or comma.i >= sent.root.i or doc[comma.i + 1].pos_ in ("VERB", "AUX"):
        return right
    rest = [t for t in right if t.i > comma.i]
    return rest if len(rest) >= 4 else right


def _according_quote(
    doc: Doc,
    article_id: str,
    who: Attribution,
    span: tuple[int, int],
    rest: list[Token],
    quoted: Intervals,
    reported: list[Quote],
) -> Quote | None:
    """The statement `rest` sourced by "according to" `who`, unless too short, a direct quote,
    or holding another speaker's statement."""
    if len(rest) < 4 or quoted.covers(rest[0].idx):
        return None
    start, end = rest[0].idx, rest[-1].idx + len(rest[-1].text)
    others = [q for q in reported if start < q.start and q.end <= end]
    if any(q.speaker is None or q.speaker != who.speaker for q in others):
        return None
    a, b = span
    return Quote(
        id=content_id("quo", article_id, start, end),
        article=article_id,
        speaker=who.speaker,
        speaker_text=who.speaker_text,
        text=doc_text(doc)[start:end],
        direct=False,
        start=start,
        end=end,
        speaker_start=a,
        speaker_end=b,
    )
