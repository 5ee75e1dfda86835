"""What kind of quoted words: a title, slogan, sign or label (not speech), or words a verb of
naming puts in someone's mouth (speech) (events/quotes.py).

Titles and slogans are announced by a title noun ("the slogan", "his book"), a sign word ("a
banner that read"), "so-called"/"known as", a label noun and "that" ("the principle that"), or
are written in Title Case without a sentence's punctuation. A verb of naming or characterising
("called the bill “a price control”", "described the day as a “defining moment”") makes its
subject the speaker of the words it governs, even of two or three words (`named_fragment`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventline.events.args import first
from eventline.events.doc_text import doc_text
from eventline.events.patterns import EventLexicon
from eventline.events.quote_spans import QuoteSpan
from eventline.events.speakers import quote_cues


def naming_verb(span: QuoteSpan, doc: Doc, outside: list[Token]) -> Token | None:
    """ "He called the bill “a price control dressed up as compassion”": a verb of naming or
    characterising that governs the quoted words makes its subject their speaker."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    naming = quote_cues()["naming_verbs"]
    for verb in outside:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in naming and verb.is_ancestor(inner[0]):
            # "what one called “a purge”": a free relative leaves the words' speaker open
            obj = first(verb, "dobj")
            if obj is None:  # "was described by critics as “…”": the agent named them
                return verb if first(verb, "agent") is not None else None
            return verb if obj.tag_ not in ("WP", "WDT") else None
    return None


def _verb_before(doc: Doc, span: QuoteSpan) -> bool:
    """Whether the word before the quote is a verb ("what one called “...”", "dubbed “...”")."""
    window = doc.char_span(max(0, span.start - 40), span.start, alignment_mode="contract")
    words = [t for t in window or () if t.is_alpha]
    return bool(words) and words[-1].pos_ in ("VERB", "AUX")


def is_title(doc: Doc, text: str, span: QuoteSpan, lex: EventLexicon) -> bool:
    """A named work or slogan, not a statement: announced by a title noun ("the slogan",
    "his book") or written in Title Case without a sentence's punctuation. `text` is the
    doc's text (spaCy rebuilds `Doc.text` on every access)."""
    before = text[max(0, span.start - 40) : span.start - 1].split()
    announcer = before[-1].strip(",:").lower() if before else ""
    quoted = text[span.start : span.end].strip()
    signs = {w.strip(",:").lower() for w in before[-4:]} & quote_cues()["sign_words"]
    if signs and not _signed(doc, span):
        return True  # a sign, banner or chant: "held a banner that read “...”"
    if announcer == "so-called" or [w.lower() for w in before[-2:]] == ["known", "as"]:
        return True  # a name: 'the so-called "Buy American" clause'
    if [w.lower() for w in before[-3:-1]] == ["known", "as"] and announcer in ("the", "a"):
        return True  # 'the bill, known as the "Clean Slate Act"'
    labels = lex.cue("title_nouns") | quote_cues()["label_nouns"]
    if announcer == "that" and _label_before(doc, span, labels):
        return True  # 'the company's principle that "we build where we sell"'

    if announcer in _READS and {w.strip(",:").lower() for w in before[-4:-1]} & _READ_NOUNS:
        return True  # "the paper's headline read “Senate passes ...”": a headline, no speech
    if announcer in _TITLE_VERBS and quoted[:1].isupper():
        return True  # 'an article headlined “Why we must not borrow”': a work's title
    if announcer in lex.cue("title_nouns") and (
        quoted[:1].isupper() or (_verb_before(doc, span) and not _first_person(quoted))
    ):
        return True  # "called the memoir “a work of fiction”" is a description, not the title
    if _modifier(doc, text, span):
        return True  # 'the "pay as you go" plan': a name used as a modifier
    words = [w for w in quoted.split() if w[:1].isalpha()]
    capital = sum(w[0].isupper() for w in words)
    if len(words) <= 8 and capital >= 0.75 * len(words) and not quoted.endswith((",", "?")):
        return True
    return _named_in_title_case(doc, span, quoted, announcer)


def _signed(doc: Doc, span: QuoteSpan) -> bool:
    """Whether the sign word before a quote is only the verb ("would sign the bill “the
    moment it hits my desk”"): signing names no sign whose words are quoted."""
    window = doc.char_span(max(0, span.start - 40), span.start, alignment_mode="contract")
    signs = [t for t in window or () if t.lower_ in quote_cues()["sign_words"]]
    return bool(signs) and all(t.pos_ == "VERB" for t in signs)


_FIRST_PERSON = frozenset(("i", "me", "my", "we", "us", "our", "i'm", "i’m", "we're", "we’re"))


def _first_person(quoted: str) -> bool:
    """Whether lower-case quoted words speak in the first person (`would sign the bill “the
    moment it hits my desk”`): someone's words about the thing named before, not its name."""
    return any(w.strip(".,!?;:\"'”“").lower() in _FIRST_PERSON for w in quoted.split())


#: Participles that give a work its name right before it ('an op-ed headlined “...”',
#: 'a report subtitled “...”'); "titled", "entitled" and "named" are title nouns already.
_TITLE_VERBS = frozenset(("headlined", "subtitled", "captioned", "headed"))

#: Nouns for written words that "read" or "said" quoted words ("the headline read “...”",
#: "the caption said “...”"), and those verbs.
_READ_NOUNS = frozenset(
    ("headline", "headlines", "caption", "captions", "slogan", "motto", "tagline", "hashtag")
)
_READS = frozenset(("read", "reads", "reading", "said", "says", "saying", "was", "is"))

#: Words a title leaves in lower case ("State of the Union", "Meet the Press").
_MINOR = frozenset(
    ("a", "an", "the", "of", "and", "or", "for", "with", "in", "on", "at", "to", "by", "from")
)
#: Words before a name of a show, a law or a work ('on "Face the Nation"', 'NBC's "Meet the
#: Press"', 'the "Clean Slate Act of 2024"', 'titled "..."').
_NAME_BEFORE = frozenset(("on", "'s", "’s", "the", "titled", "entitled", "named", "dubbed"))


_TITLE_WITH_PERIOD = 6  # "Face the Nation." yes; a long title-case sentence after "on" no


def _named_in_title_case(doc: Doc, span: QuoteSpan, quoted: str, announcer: str) -> bool:
    """'told CNN's Dana Bash on “State of the Union” that ...', 'the “Inflation Reduction Act
    of 2022,”': words in title case (every word but a, of, the, with ... capitalised) of a
    show, a law or a work, set after "on", a possessive, "the" or "titled", or holding no
    verb: a name, not speech."""
    words = [w.strip(",.:;!?") for w in quoted.split()]
    words = [w for w in words if w]
    major = [w for w in words if w.lower() not in _MINOR]
    if not 2 <= len(words) <= 10 or not major or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() for w in major):
        return False
    if quoted.rstrip(",").endswith(("!", "?")):
        return False  # a sentence: "Get Out Now!" is shouted
    possessive = announcer.endswith(("'s", "’s"))
    name_before = announcer in _NAME_BEFORE or possessive
    if quoted.rstrip(",").endswith("."):
        # 'told Dana Bash on “State of the Union.”': the sentence's period set inside the
        # marks after a show's name; without such a word before it, a sentence
        return name_before and len(words) <= _TITLE_WITH_PERIOD
    if name_before:
        return True
    inner = doc.char_span(span.start, span.end, alignment_mode="expand") or ()
    return not any(t.pos_ in ("VERB", "AUX") for t in inner)


_MODIFIED_BY = frozenset({"DET", "ADJ"})


def _modifier(doc: Doc, text: str, span: QuoteSpan) -> bool:
    """'the "pay as you go" plan', 'its new "buy one get one free" offer': quoted words
    between a determiner, possessive or adjective and the noun they modify, with no
    punctuation of a sentence, name a thing; nobody is quoted."""
    if text[span.start : span.end].rstrip()[-1:] in ".,;:!?":
        return False
    before = doc.char_span(max(0, span.start - 30), span.start, alignment_mode="contract")
    after = doc.char_span(span.end, min(len(text), span.end + 30), alignment_mode="contract")
    left = [t for t in before or () if t.text not in ('"', "“", "«", "„")]
    right = [t for t in after or () if t.text not in ('"', "”", "»")]
    if not left or not right or text[span.end + 1 : span.end + 2] != " ":
        return False
    possessive = left[-1].tag_ in ("POS", "PRP$")
    opener = left[-1].pos_ in _MODIFIED_BY and left[-1].lower_ not in ("that", "this", "which")
    return (opener or possessive) and right[0].pos_ == "NOUN"


def _label_before(doc: Doc, span: QuoteSpan, labels: frozenset[str]) -> bool:
    """Whether the word before the "that" announcing a quote is a label noun ("the principle
    that"), not a verb spelled like one ("by saying that, “...”" reports speech)."""
    window = doc.char_span(max(0, span.start - 60), span.start, alignment_mode="contract")
    words = [t for t in window or () if t.is_alpha]
    return len(words) > 1 and words[-2].lower_ in labels and words[-2].pos_ in ("NOUN", "PROPN")


_FRAGMENT_WORDS = 2  # one quoted word after "called" is a label ("called it “self-serving”")
_INDEFINITE = frozenset({"one", "some", "someone", "many", "others", "few"})
_OBJECT_WORDS = frozenset({"as", "it", "them", "this", "that", "him", "her", "a", "an", "the"})
# verbs that name neutrally: the subject's own words ("described it as a “turning point”");
# a verb of dismissal or praise ("dismissed the plan as a “cash grab”") may quote the phrase
# others use, so only a longer quote is its subject's statement
_NAMING = frozenset({"call", "describe", "term", "dub", "label", "characterize", "characterise"})


def named_fragment(doc: Doc, span: QuoteSpan) -> Token | None:
    """The verb of naming whose subject spoke a short quoted phrase: the phrase is what the
    verb names ("what Jobs described as “a nominal charge”", "what the makers call “political
    interference”", "described the day as a “defining moment”"), of two words or more, and
    the subject is someone ("what one called “a purge”" leaves the speaker open)."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or len(doc_text(doc)[span.start : span.end].split()) < _FRAGMENT_WORDS:
        return None
    if inner[0].lower_ == "so" or "so-called" in inner.text.lower():
        return None  # 'what he called the “so-called experts”': a scare quote
    before = [t for t in doc[max(0, inner.start - 12) : inner.start] if not t.is_punct]
    for n in range(len(before) - 1, -1, -1):
        verb = before[n]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in quote_cues()["naming_verbs"]:
            if verb.lemma_.lower() not in _NAMING:
                return None
            between = before[n + 1 :]
            as_phrase = any(t.lower_ == "as" for t in between)
            objects = {t.i for o in verb.children if o.dep_ == "dobj" for t in o.subtree}
            # "called it “X”", "called the report “a total fabrication”"
            plain = all(t.lower_ in _OBJECT_WORDS or t.i in objects for t in between)
            subj = first(verb, "nsubj")
            if not ((as_phrase and between[-1].lower_ in _OBJECT_WORDS) or plain):
                return None
            if subj is None or subj.lower_ in _INDEFINITE or not verb.is_ancestor(inner[0]):
                return None
            return verb
    return None


def reported_fragment(
    doc: Doc, span: QuoteSpan, speech: frozenset[str], thinking: frozenset[str]
) -> Token | None:
    """The verb of saying whose reported clause holds short quoted words ("he said the deal
    was “dead”", "warned that her office would “closely monitor” the campaign", "said the
    timeline “speaks for itself.”"): words the speaker is quoted as using inside the
    statement, which news annotators record as a direct quote of that speaker
    (events/indirect.py makes the quote once it has the clause and its speaker).

    Walking up the tree from the words: under a verb of naming ("said critics had called it
    a “disaster”") they are `named_fragment`'s to judge, not the clause's; the first verb of
    saying must take them in its reported clause (clausal complement), not in its subject
    ("the “experts” said") or a phrase of its own ("said on “Meet the Press”"); a clause on
    the way that another verb governs is that verb's, but under a verb of thinking the
    words stay the reporting speaker's ("said Crane had concluded that it was “…”"). Another
    verb of saying between the verb and the words, off the way ("said they were “good”
    before an attack that prompted Roe to quip it sounded like a “broken record”": a parser
    hanging "sounded" on "said"), leaves the speaker in doubt: no quote. Words announced by
    "so-called" are a scare quote, words after ", or" another name for the thing before
    them, one quoted noun a term ("the “bailout”"); an adjective or a verb ("was
    “shocked”") is the speaker's own judgement."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner) or inner[0].lower_ == "so":
        return None
    before = doc_text(doc)[max(0, span.start - 12) : max(0, span.start - 1)].lower()
    if "so-called" in before or before.rstrip().endswith((", or", "(or")):
        return None  # 'a free case, or “bumper,”': another name for a thing, nobody's words
    words = [t for t in inner if t.is_alpha]
    if len(words) == 1 and words[0].pos_ in ("NOUN", "PROPN"):
        return None  # 'said the “bailout” would fail': a word for a thing, a term
    child, path = inner.root, [inner.root]
    while child.head.i != child.i:
        verb = child.head
        path.append(verb)
        if verb.sent != child.sent:
            return None
        outside = not span.start <= verb.idx < span.end
        lemma = verb.lemma_.lower()
        if outside and verb.pos_ == "VERB" and lemma in quote_cues()["naming_verbs"]:
            return None  # `named_fragment` decides whose words a verb of naming governs
        if outside and verb.pos_ == "VERB" and lemma in speech:
            if child.dep_ != "ccomp" or _speech_between(doc, verb, inner, path, speech):
                return None
            if not (lemma in thinking and verb.dep_ == "ccomp"):
                return verb  # (a thinking "concluded" inside a report: the reporter's words)
        if outside and child.dep_ == "ccomp" and lemma not in thinking:
            return None  # 'prompted Roe to believe ...': the clause is another verb's
        child = verb
    return None


def _speech_between(
    doc: Doc, verb: Token, inner: Span, path: list[Token], speech: frozenset[str]
) -> bool:
    """Whether a verb of saying off the way from the words to `verb` stands between them."""
    lo, hi = (verb.i + 1, inner.start) if verb.i < inner.start else (inner.end, verb.i)
    on_path = {t.i for t in path}
    return any(
        t.pos_ == "VERB" and t.lemma_.lower() in speech and t.i not in on_path for t in doc[lo:hi]
    )


def ordered_words(doc: Doc, span: QuoteSpan, speech: frozenset[str]) -> Token | None:
    """The verb of saying whose order or request the short quoted words are ("telling his
    lawyer to “control your client”", "asked them to “stand down”"): the words open on the
    infinitive that the verb takes after its addressee, so the verb's subject said them."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    head = inner.root
    if head.pos_ != "VERB" or head.dep_ != "xcomp" or head.i > inner.start + 1:
        return None  # the words open on the infinitive ("not" may come first)
    verb = head.head
    to = [t for t in head.children if t.dep_ == "aux" and t.lower_ == "to" and t.i < inner.start]
    addressee = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < head.i]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in speech or not to or not addressee:
        return None
    return verb
