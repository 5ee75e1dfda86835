"""Who said it: the speaker of a reporting verb and of "according to X" (events/quotes.py).

The speaker is the subject of the reporting verb, repaired where news syntax hides it: a
participle's main-clause subject ("..., saying the talks had saved lives"), the noun a
participle describes ("critics saying that ..."), the one "quoted as saying", a relative
"who"'s antecedent ("Ann Roe, who said ..."), a person named
right before or (inverted, "…," claims writer Ann Roe) right after the verb, a plural "they"'s
antecedent, and the person in apposition to a role ("Israel's defence minister, Avi Geller").
Who a speaker phrase names (a he/she, "the minister", "the ministry", a spokesperson) is
`speaker_refs`, which uses events/speakers.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventline.events.args import ActorIndex, children, first, is_person, subject
from eventline.events.doc_text import doc_text
from eventline.events.intervals import Intervals
from eventline.events.patterns import EventLexicon, lexicon
from eventline.events.quote_spans import find_quote_spans
from eventline.events.speakers import (
    apposed_person,
    body_speaker,
    compass_short,
    described_person,
    gender_of,
    named_later,
    pronoun_speaker,
    quote_cues,
    role_speaker,
    spoken_for,
    unnamed_speaker,
)
from eventline.model import ActorRef

MARKS = frozenset({'"', "“", "”", "«", "»", "„"})
_QUOTING = frozenset({"quote", "cite"})  # "quoted X as saying"


def reporting_verbs(lex: EventLexicon) -> frozenset[str]:
    """Verbs whose subject is a speaker: the coder's speech verbs, attribution-only ones and
    the quote stage's own reporting verbs."""
    return lex.cue("speech_verbs") | lex.cue("attribution_verbs") | quote_cues()["reporting_verbs"]


def _phrase_text(tok: Token) -> str:
    """A speaker's name as written: the head with its compounds and titles, and the body a
    spokesperson speaks for ("spokesperson for the Department of Homeland Security")."""
    start, end = _phrase_bounds(tok)
    words = tok.doc[start:end]
    return words.text.removeprefix("the ").removeprefix("The ")


def _phrase_bounds(tok: Token) -> tuple[int, int]:
    """The speaker phrase: the head with its compounds and titles, up to the body it speaks
    for, and a singular common noun's "of" phrase ("a group of Ohio lawmakers", "the premier
    of the state of Hesse": the last word then names who is meant; "organizers of the march"
    are the organizers)."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "det", "case")]
    start = min([tok.i, *(t.left_edge.i for t in left)])
    body = spoken_for(tok)
    end = body.right_edge.i + 1 if body is not None else tok.i + 1
    of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if body is None and tok.tag_ == "NN" and of and of[0].i == tok.i + 1:
        end = of[0].right_edge.i + 1
    end = max(end, _coordinated_end(tok))
    if body is None:
        end = max(end, _described_end(tok, tok.doc[end - 1]))
    return start, end


_FROM_WHERE = frozenset({"from", "in", "at"})
_TITLED = frozenset({"of", "for", "on", "and", "the"})


def _described_end(tok: Token, head: Token) -> int:
    """Where a speaker phrase's own description ends: an unnamed person's "from" place or
    participle right after the noun ("a doctor from Hebron", "analysts working in the
    region"), and a body's name going on in title case
    ("the Office for the Coordination of Humanitarian Affairs"), up to a comma; else right
    after `head`, the phrase's last word (`tok`'s or its last conjunct's)."""
    doc, end = head.doc, head.i + 1
    nxt = doc[end] if end < len(doc) else None
    if nxt is None or nxt.head.i not in (head.i, tok.i):
        return end
    head = nxt.head
    if head.pos_ == "PROPN" and head.lemma_.lower() in quote_cues()["body_nouns"]:
        if nxt.dep_ == "prep" and nxt.lower_ in ("of", "for", "on"):
            words = doc[nxt.i + 1 : nxt.right_edge.i + 1]
            if words and all(w.is_title or w.lower_ in _TITLED for w in words):
                return nxt.right_edge.i + 1
        return end
    vague = head.lower_ in _VAGUE and nxt.dep_ == "amod" and nxt.tag_ == "JJ"
    if vague and nxt.right_edge.i > nxt.i:  # "people familiar with the situation"
        return nxt.right_edge.i + 1
    if head.pos_ != "NOUN" or head.lemma_.lower() in quote_cues()["body_nouns"]:
        return end
    place = nxt.dep_ == "prep" and nxt.lower_ in _FROM_WHERE
    speech = nxt.lemma_.lower() in quote_cues()["reporting_verbs"] | lexicon().cue("speech_verbs")
    described = nxt.dep_ == "acl" and nxt.tag_ == "VBG" and not speech  # not "critics saying"
    if place or described:
        commas = [t.i for t in doc[nxt.i : nxt.right_edge.i + 1] if t.text in (",", ";", "(")]
        return commas[0] if commas else nxt.right_edge.i + 1
    return end


def _coordinated_end(tok: Token) -> int:
    """ "The Times and the Associated Press both report": a speaker coordinated with "and"
    speaks together with the first; the phrase runs to the last one's name."""
    chain, todo = [tok], [tok]  # "A, B, C and D": the parse may chain D on C, C on B, and
    while todo:  # make B a name in apposition to A
        nxt = [
            c
            for c in todo.pop().children
            if (c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"))
            or (c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN")
        ]
        chain += nxt
        todo += nxt
    ands = sorted(c.i for t in chain for c in t.children if c.dep_ == "cc" and c.lower_ == "and")
    names = sorted((c for c in chain[1:] if ands and c.i > ands[0]), key=lambda c: c.i)
    if not names:
        return tok.i + 1
    end = names[-1].i + 1  # the last one's own conjuncts ("Lakeport Trust & Co.")
    while end <= names[-1].right_edge.i and tok.doc[end].dep_ in ("cc", "conj", "compound"):
        end += 1
    return end


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
    start, end = _phrase_bounds(tok)
    last = tok.doc[end - 1]
    return tok.doc[start].idx, last.idx + len(last.text)


#: Direct quotes' character ranges (`Intervals`: a lookup per token must not scan them all).
Spans = Intervals


def _across_relative(verb: Token) -> Token | None:
    """ "A statement on the website, the front page of which shows ..., states: ...": the
    parse may take the relative clause between subject and verb for a clause the verb reports,
    with the verb's subject as its first of two subjects."""
    for comp in children(verb, "ccomp"):
        subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if comp.i > verb.i or len(subjects) < 2:
            continue
        relative = any(t.tag_ in ("WDT", "WP", "WP$") for t in subjects[1].subtree)
        if relative and verb.doc[subjects[1].left_edge.i - 1].text == ",":
            return subjects[0]
    return None


def _speaker_token(verb: Token, actors: ActorIndex) -> Token | None:
    """The subject of a reporting verb: its own (a dateline passed over; of two, the person
    or else the one next to the verb: "USAF's chief of staff General Ann Roe stated"), the
    main clause's for a participle ("..., saying the talks had saved lives"), the noun a
    participle describes ("critics saying that ..."), the object of "quoted X as saying", the
    inherited one along control and coordination, a person named right before it ("X, whose
    aide, Y, said") or, for an inverted attribution the parse missed, right after it ("…,"
    claims writer Ann Roe)."""
    agent = _agent(verb)  # "was described by critics as ...": the critics
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp")
    subj = subject(verb.sent.root)[0] if participle and not subjects else None
    if len(subjects) > 1:
        persons = [c for c in subjects if names_person(c, actors)]
        subj = (persons or subjects)[-1]
    elif not subjects:
        subj = _quoted_as_saying(verb) or _described_speaker(verb) or _across_relative(verb) or subj
    subj = subj if subj is not None else subject(verb)[0]
    if subj is None:
        before = [t for t in verb.doc[verb.sent.start : verb.i] if not t.is_punct][-1:]
        found = actors.by_token.get(before[0].i, ()) if before else ()
        subj = before[0] if any(is_person(span) for span, _ in found) else None
    if subj is None:
        subj = _named_after(verb, actors)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subj = verb.head  # "Ann Roe, who said ...": the relative's antecedent
    if subj is not None and subj.lower_ == "they" and subj.pos_ == "PRON":
        subj = _plural_antecedent(subj) or subj
    if subj is not None and subj.lemma_.lower() == "source":
        subj = _cited_before(subj) or subj
    if subj is not None and (person := apposed_person(subj, actors)) is not None:
        return person
    if subj is not None and (person := _set_off_before(verb, subj, actors)) is not None:
        return person
    return subj


#: Heads of an unnamed source's phrase that say nothing without their description
#: ("people familiar with the talks", "someone close to the family").
_VAGUE = frozenset({"people", "person", "someone", "somebody", "persons", "insiders", "insider"})


def _cited_before(source: Token) -> Token | None:
    """ "Citing people familiar with the situation, the Journal reported ... The sources
    claimed ...": "the source(s)" are the unnamed people cited in the sentence or the two
    before."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in source.children):
        return None
    start = source.sent.start
    for _ in range(2):
        start = source.doc[start - 1].sent.start if start else 0
    found = None
    for tok in source.doc[start : source.sent.start]:
        if tok.lower_ in _VAGUE and not any(c.lower_ == "the" for c in tok.children):
            found = tok
    return found


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb ("It was announced by the ministry that ...")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return first(child, "pobj")
    return None


def _set_off_before(verb: Token, subj: Token, actors: ActorIndex) -> Token | None:
    """ "Apple's vice-president of marketing for the iPod, Greg Joswiak, indicated": a person
    set off by commas right before the verb, after a subject that names no one, is the role's
    holder (the parse often hangs the name on the last noun of the role's phrase); after a
    body noun ("the main opposition group, Missouri Stands for Life, said"), a named body."""
    doc = verb.doc
    if subj.i >= verb.i or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if names_person(subj, actors) or subj.pos_ == "PRON":
        return None
    body = subj.lemma_.lower() in quote_cues()["body_nouns"]
    for span, _ in actors.by_token.get(verb.i - 2, ()):
        # "The main opposition group, Missouri Stands for Life, said": a body noun's name
        named = is_person(span) or (body and span.label_ == "ORG")
        if named and span.start > subj.i + 1 and doc[span.start - 1].text == ",":
            return span.root
    return None


def _plural_antecedent(they: Token) -> Token | None:
    """ "Analysts said ... They added that ...": the last plural subject of a main clause
    before a "they" in its sentence or the two before, outside quotes (whose words are talked
    about)."""
    doc = they.doc
    start = they.sent.start
    for _ in range(2):
        start = doc[start - 1].sent.start if start > 0 else 0
    quoted = find_quote_spans(doc_text(doc)[: they.idx], min_words=1)
    inside = Intervals((q.start, q.end) for q in quoted)
    found = [
        t
        for t in doc[start : they.i]
        if t.dep_ == "nsubj"
        and t.head.dep_ == "ROOT"  # a main clause's subject, not a reported one's
        and t.tag_ in ("NNS", "NNPS")
        and not inside.covers(t.idx)
    ]
    return found[-1] if found else None


def names_person(tok: Token, actors: ActorIndex) -> bool:
    """Whether the entity layer takes `tok` for part of a person's name."""
    return any(is_person(span) for span, _ in actors.by_token.get(tok.i, ()))


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Detik.com quoted Djamal as saying", "Djamal was quoted as saying": the one quoted is
    the speaker."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in _QUOTING:
        return None
    return first(prep.head, "dobj", "nsubjpass")  # "He was quoted as saying"


def _described_speaker(verb: Token) -> Token | None:
    """ "In response to critics saying that ...": a participle describing a noun makes that
    noun the speaker, unless the noun is a document ("released a statement saying ...": the
    statement's author speaks)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return None if verb.head.lemma_.lower() in quote_cues()["document_nouns"] else verb.head


def _named_after(verb: Token, actors: ActorIndex) -> Token | None:
    """A person named right after a verb that follows a quote ("…," claims writer Ann Roe)."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in MARKS | {","}:
        return None
    for tok in doc[verb.i + 1 : verb.i + 8]:
        if tok.is_punct:
            break
        for span, _ in actors.by_token.get(tok.i, ()):
            if is_person(span):
                return span.root
    return None


#: Verbs whose passive subject is the one asked, not the speaker ("“…?” she was asked").
_ASKING = frozenset({"ask", "question", "press"})


def attribute_verb(verb: Token, actors: ActorIndex, *, quoted: Spans) -> Attribution:
    asked_one = first(verb, "nsubjpass") if verb.lemma_.lower() in _ASKING else None
    if asked_one is not None and _agent(verb) is None:
        asked = actors.refs(asked_one)  # a reporter's question, its asker not named
        return Attribution(None, None, asked[0] if asked else None, verb, None)
    subj = _speaker_token(verb, actors)
    refs = speaker_refs(subj, actors, quoted=quoted)
    addressee_tok = first(verb, "dobj", "dative")
    if addressee_tok is None:
        to = next((c for c in children(verb, "prep") if c.lower_ == "to"), None)
        addressee_tok = first(to, "pobj") if to is not None else None
    addressee = actors.refs(addressee_tok)
    unnamed = _unnamed(subj, actors, quoted) if not refs else None
    return Attribution(
        speaker=refs[0] if refs else None,
        speaker_text=_phrase_text(unnamed or subj) if subj is not None else None,
        addressee=addressee[0] if addressee else None,
        verb=verb,
        speaker_span=_span_of(subj),
    )


def _unnamed(subj: Token | None, actors: ActorIndex, quoted: Spans) -> Token | None:
    """The unnamed person a he/she subject refers to ("a senior official")."""
    if subj is None or subj.pos_ != "PRON" or subj.lower_ not in lexicon().cue("person_pronouns"):
        return None
    return unnamed_speaker(subj, actors, quoted=quoted)


def speaker_refs(tok: Token | None, actors: ActorIndex, *, quoted: Spans) -> tuple[ActorRef, ...]:
    """Who a speaker phrase names: a he/she, "the minister", "the ministry" and a spokesperson
    resolved as events/speakers.py says; any other phrase through the actor index."""
    if tok is None:
        return ()
    lex = lexicon()
    if tok.pos_ == "PRON" and tok.lower_ in lex.cue("person_pronouns"):
        if unnamed_speaker(tok, actors, quoted=quoted) is not None:
            return ()  # "A senior official said ... He added": no one named
        found = pronoun_speaker(tok, actors, quoted=quoted)
        return (found,) if found is not None else _same_gender(tok, actors.refs(tok), actors)
    if _partitive(tok):
        return ()  # "one of them told Raju": an unnamed member, never the one told
    if tok.lower_ == "it" and tok.pos_ == "PRON":
        if (issuer := _issued_before(tok, actors, quoted)) is not None:
            return issuer  # "Delaney issued a statement. “…,” it read": Delaney
        # "The ministry said ... It said 43 were detained"
        found = body_speaker(tok, actors, quoted=quoted)
        return (found,) if found is not None else actors.refs(tok)
    own = actors.refs(tok)
    if not own and (state := compass_short(tok, actors)) is not None:
        return (state,)
    if not own and (author := _author(tok, actors)) is not None:
        return (author,)
    if not own and (earlier := _issued_before(tok, actors, quoted)) is not None:
        return earlier
    alone = not own or (len(own) == 1 and own[0].name.lower() == tok.lower_)
    if alone and (person := _surname_with_an_s(tok, actors)) is not None:
        return (person,)
    if not own and (person := _surname_again(tok, actors)) is not None:
        return (person,)
    if (owner := _office_of(tok, actors, quoted)) is not None:
        return (owner,)
    if (body := spoken_for(tok)) is not None and not own:
        named = actors.refs(body)
        if not named and (org := body_speaker(body, actors, quoted=quoted)) is not None:
            return (org,)  # "the ministry's spokesman": the ministry named before
        return named
    the = any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children)
    definite = tok.pos_ == "NOUN" and the
    if definite and (person := role_speaker(tok, actors, quoted=quoted)) is not None:
        return (person,)
    if definite and not own and (org := body_speaker(tok, actors, quoted=quoted)) is not None:
        return (org,)
    if definite and (org := _described_body(tok, own, actors, quoted)) is not None:
        return (org,)
    own_person = any(is_person(span) for span, _ in actors.by_token.get(tok.i, ()))
    described = the and tok.pos_ in ("NOUN", "PROPN", "ADJ") and not own_person
    if described and (person := described_person(tok, actors, quoted=quoted)) is not None:
        return (person,)
    if (later := named_later(tok, actors, own)) is not None:
        return (later,)
    return own


def _described_body(
    tok: Token, own: tuple[ActorRef, ...], actors: ActorIndex, quoted: Spans
) -> ActorRef | None:
    """ "Orlen Motors ... “…,” the Swedish company said": a body noun whose only actor is
    its modifier's state ("Swedish") describes a body named before, when one of that
    state or of none the actor layer knows is there to be meant; the state said nothing."""
    if actors.by_token.get(tok.i) or tok.tag_ != "NN":
        return None
    found = body_speaker(tok, actors, quoted=quoted)
    if found is None or any(found.id == ref.id for ref in own):
        return None
    countries = {ref.country for ref in own if ref.country}
    return found if found.country is None or not countries or found.country in countries else None


_PARTITIVES = frozenset(("one", "some", "several", "many", "few", "two", "three", "most"))


def _partitive(tok: Token) -> bool:
    """ "one of them", "two of the senators": a number of a group said it, and the group's
    members are not named by the words; any name the actor layer hangs on "one" is a guess."""
    return tok.lower_ in _PARTITIVES and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    )


def _issued_before(tok: Token, actors: ActorIndex, quoted: Spans) -> tuple[ActorRef, ...] | None:
    """ "Roe's office said in a statement that ... “…,” the statement said": "the statement"
    is the one a speaker was said to make in its sentence or the two before; its speaker
    speaks."""
    nouns = quote_cues()["document_nouns"]
    noun = tok.lemma_.lower()
    the = any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children)
    it = tok.lower_ == "it" and tok.pos_ == "PRON"  # "it read": the document issued before
    if not it and (not the or tok.pos_ != "NOUN" or noun not in nouns):
        return None
    start = tok.sent.start
    for _ in range(2):
        start = tok.doc[start - 1].sent.start if start > 0 else 0
    speech = reporting_verbs(lexicon())
    issuing = quote_cues()["issuing_verbs"]
    for word in reversed(tok.doc[start : tok.sent.start]):
        if word.lemma_.lower() != noun and not (it and word.lemma_.lower() in nouns):
            continue
        verb = word.head.head if word.dep_ == "pobj" and word.head.dep_ == "prep" else None
        if word.dep_ == "dobj" and word.head.lemma_.lower() in issuing | speech:
            verb = word.head  # "The Pentagon released a statement ... the statement said"
        if word.dep_ == "nsubj" and word.head.lemma_.lower() in speech:
            return speaker_refs(word, actors, quoted=quoted) or None  # "A statement from X said"
        if verb is None:
            continue
        if verb.pos_ == "VERB" and verb.lemma_.lower() in speech | issuing:
            refs = speaker_refs(_speaker_token(verb, actors), actors, quoted=quoted)
            return refs or None
    return None


def _surname_again(tok: Token, actors: ActorIndex) -> ActorRef | None:
    """ "“I do,” Russo said" after "Council President Anthony Russo": a lone surname the
    actor layer left untagged is the person it named in full before with that surname."""
    if tok.pos_ != "PROPN" or not tok.is_title or actors.by_token.get(tok.i):
        return None
    return next(
        (
            ref
            for i, ref in reversed(actors.persons)
            if i < tok.i and len(ref.name.split()) > 1 and ref.name.split()[-1] == tok.text
        ),
        None,
    )


#: A person's own office or campaign speaks for the person ("the governor's office said").
_OFFICES = frozenset(("office", "campaign"))


def _office_of(tok: Token, actors: ActorIndex, quoted: Spans) -> ActorRef | None:
    """ "the governor's office said", "Ortega's campaign said", "His office said": the person
    whose office or campaign it is (the role's holder named before, the named person, or the
    one a his/her refers to); the phrase keeps its words as the speaker text."""
    if tok.lemma_.lower() not in _OFFICES:
        return None
    owners = [
        c
        for c in tok.children
        if c.dep_ == "poss" and (c.pos_ in ("PROPN", "NOUN") or c.lower_ in ("his", "her"))
    ]
    if not owners:
        return None
    owner = owners[0]
    refs = speaker_refs(owner, actors, quoted=quoted)
    return refs[0] if len(refs) == 1 and actors.is_person_ref(refs[0]) else None


def _surname_with_an_s(tok: Token, actors: ActorIndex) -> ActorRef | None:
    """ "said Clements" after "Tony Clement": a lone surname the actor index does not know,
    spelt with an extra final "s", is the person last named before with that surname."""
    if tok.pos_ != "PROPN" or not tok.lower_.endswith("s") or len(tok) < 5:
        return None
    if any(c.dep_ in ("compound", "flat") for c in tok.children):
        return None
    stem = tok.lower_[:-1]
    before = [ref for i, ref in actors.persons if i < tok.i and len(ref.name.split()) > 1]
    return next((r for r in reversed(before) if r.name.split()[-1].lower() == stem), None)


def _same_gender(
    pronoun: Token, refs: tuple[ActorRef, ...], actors: ActorIndex
) -> tuple[ActorRef, ...]:
    """The actors a he/she was linked to, without those of the other gender (a "she" is
    never a man the text or his given name shows to be one)."""
    gender = "female" if pronoun.lower_ in lexicon().cue("female_pronouns") else "male"
    return tuple(r for r in refs if gender_of(r, actors) in (None, gender))


def _author(tok: Token, actors: ActorIndex) -> ActorRef | None:
    """ "A statement by the company given by its spokesman Ed Ray said": the last person
    named in a document noun's phrase wrote it; with no person, the body it is by, from or on
    ("A statement on Apple's website states")."""
    if tok.lemma_.lower() not in quote_cues()["document_nouns"]:
        return None
    inside = {t.i for t in tok.subtree}
    named = [ref for i, ref in actors.persons if i in inside]
    if named:
        return named[-1]
    # "a statement on Apple's website", "a letter from the ministry": the body it comes from
    for t in tok.subtree:
        ref = actors.covering(t) if t.dep_ == "poss" or t.head.lower_ in _FROM_BODY else None
        if t.i != tok.i and ref is not None:
            return ref
    for t in tok.subtree:  # "a statement from the campaign": the campaign named before
        the = any(c.lower_ == "the" for c in t.children)
        if t.dep_ == "pobj" and t.head.lower_ in _FROM_BODY and t.head.head.i == tok.i and the:
            return body_speaker(t, actors)
    return None


def according_to(tokens: list[Token], actors: ActorIndex) -> Attribution | None:
    """ "according to X": X is the source, or, for a document or figures, who made them
    ("according to figures released by NPD Group", "according to a report in the Tribune",
    "according to Fiat's announcement", "according to company statistics": the company
    named before)."""
    for tok in tokens:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            obj = first(tok.nbor(), "pobj")
            if obj is not None:
                obj = _made_by(obj) or _owner(obj) or obj
                if obj.lemma_.lower() in quote_cues()["body_nouns"] and not actors.refs(obj):
                    body = body_speaker(obj, actors)  # "according to company statistics"
                    text = _phrase_text(obj)
                    return Attribution(body, text, None, None, _span_of(obj))
                refs = actors.refs(obj)
                text = _phrase_text(obj)
                return Attribution(refs[0] if refs else None, text, None, None, _span_of(obj))
    return None


_SOURCE_PREPS = ("by", "from", "in")
_FROM_BODY = frozenset({"by", "from", "on", "of"})  # "a statement from/on/of X"


def _owner(obj: Token) -> Token | None:
    """Whose document or figures: the possessor ("Fiat's announcement") or a body noun set
    before it ("company statistics", "the company website")."""
    cues = quote_cues()
    if obj.lemma_.lower() not in cues["document_nouns"] | cues["evidence_nouns"]:
        return None
    owner = first(obj, "poss")
    if owner is not None and owner.pos_ != "PRON":
        return owner
    bodies = [
        c for c in obj.lefts if c.dep_ == "compound" and c.lemma_.lower() in cues["body_nouns"]
    ]
    return bodies[-1] if bodies else None


def _made_by(obj: Token) -> Token | None:
    """The maker of a document or of figures: the first proper name after "by", "from" or
    "in" in its phrase ("a report in the Tribune", "figures released April 3 by NPD Group")."""
    cues = quote_cues()
    if obj.lemma_.lower() not in cues["document_nouns"] | cues["evidence_nouns"]:
        return None
    for tok in obj.subtree:
        prep = tok.head
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "an analysis released in June": when, not by whom
        if tok.dep_ in ("pobj",) and tok.pos_ == "PROPN" and prep.lower_ in _SOURCE_PREPS:
            return tok
    return None


def name_after(doc: Doc, end: int, actors: ActorIndex) -> Attribution | None:
    """`"…," Ann Roe, an analyst at Lakeport Capital.`: a person named right after a quote,
    with nothing after the name but a role or the sentence's end, is its speaker (news
    sometimes drops the verb)."""
    after = doc.char_span(end, min(len(doc_text(doc)), end + 200), alignment_mode="contract")
    tokens = list(after or ())
    while tokens and (tokens[0].text in MARKS or tokens[0].text == ","):
        tokens.pop(0)
    found = actors.by_token.get(tokens[0].i, ()) if tokens else ()
    person = next((span for span, _ in found if is_person(span)), None)
    if person is None or person.start != tokens[0].i:
        return None
    for tok in doc[person.end : tokens[-1].i + 1]:
        if tok.text in (".", "\n") or "\n" in tok.text or tok.is_sent_end:
            break
        if tok.pos_ in ("VERB", "AUX") or tok.text in MARKS:
            return None
    ref = actors.covering(person.root)
    where = (person.start_char, person.end_char)
    return Attribution(ref, person.text, None, None, where)


def introducer(
    doc: Doc, start: int, end: int, actors: ActorIndex, *, quoted: Spans
) -> Attribution | None:
    """`Roe sent a note to the staff: "…"`: a quote that ends its sentence after a colon or a
    comma, with no verb of saying, is spoken by the sentence's subject when that is a person
    (a named one, or a he/she): the quote is what the sentence says that person put forward."""
    before = doc.char_span(max(0, start - 80), start, alignment_mode="contract")
    words = [t for t in before or () if t.text not in MARKS]
    if not words or words[-1].text not in (",", ":"):
        return None
    tail = doc_text(doc)[end : end + 80].split("\n")[0]
    if tail.strip(' "”».,;!?'):
        return None  # words after the quote: its sentence goes on
    if len(words) < 2:
        return None
    node = words[-2]  # the clause before the mark, up to its verb (the parse may hang that
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.head.idx < start:
        node = node.head  # verb on the quote's)
    subj = subject(node)[0] if node.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.i > words[-1].i:
        return None
    pronoun = subj.pos_ == "PRON" and subj.lower_ in lexicon().cue("person_pronouns")
    if not (pronoun or names_person(subj, actors)):
        return None
    return attribute_token(subj, actors, quoted=quoted)


def attribute_token(tok: Token, actors: ActorIndex, *, quoted: Spans) -> Attribution:
    """The speaker a phrase names, without a reporting verb ("Apple's argument that ...")."""
    refs = speaker_refs(tok, actors, quoted=quoted)
    return Attribution(refs[0] if refs else None, _phrase_text(tok), None, None, _span_of(tok))
