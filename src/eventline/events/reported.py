"""What a reporting verb reports: its clausal complement, or the clause a parenthetical
attribution sits in, with the parser's usual misattachments repaired (events/quotes.py).

A "that" clause hung on a noun after the verb ("said in a statement that ..."), a noun phrase
made the verb's object right after the clause ("..., the first round since March"), a
participle clause added by the reporter (", setting up a primary fight"), "warned against
...", and the charge of an accusing verb ("accused X of Y") are handled here; questions
("asked whether ...") are not statements.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventline.events.args import children, first
from eventline.events.intervals import Intervals
from eventline.events.patterns import EventLexicon, lexicon
from eventline.events.speakers import quote_cues

_MARKS = {'"', "“", "”", "«", "»", "„"}


def _complement(verb: Token) -> Span | None:
    """What a reporting verb reports: its clausal complement (the one after it when the parse
    gives two), a "that" clause the parse hung on a noun after the verb ("said in a statement
    that ...", "told lawmakers before the vote that ..."), "warned against ...", or the charge
    of an accusing verb ("accused his opponent of voting to raise taxes")."""
    comps = [c for c in children(verb, "ccomp") if c.i > verb.i or _fronted(c, verb)]
    comp = next((c for c in comps if c.i > verb.i), comps[0] if comps else None)
    comp = comp if comp is not None else _that_clause(verb)
    if comp is None:
        return _against(verb) or _charge(verb) or _pointed_cause(verb)
    # sorted: a non-projective parse yields a subtree out of text order
    tokens = sorted(
        (t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)), key=lambda t: t.i
    )
    tokens += _split_rest(comp, comps) + _dangling_rest(verb, comp)
    tokens = _without_trailing_participle(comp, tokens) + _stray_apposition(verb, comp)
    tokens = _without_other_speech(comp, tokens) + _modal_sequel(verb, comp)
    tokens = _without_own_attribution(_without_coordinated_act(comp, tokens))
    tokens = _without_outer_sequel(verb, comp, tokens)
    tokens = _without_speakers_next_act(verb, comp, tokens)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct and tokens[0].text not in _MARKS:
        tokens.pop(0)  # 'saying that, "..."': the comma is no part of what was said
    opening = tokens[0] if len(tokens) > 1 else None
    if opening is not None and opening.lower_ == "that" and opening.dep_ == "nsubj":
        tokens = tokens[1:] if _inverted_condition(comp) else tokens  # a misparsed "that"
    return verb.doc[tokens[0].i : tokens[-1].i + 1] if tokens else None


def _split_rest(comp: Token, comps: list[Token]) -> list[Token]:
    """ "admitted that the share of calls dropped on the new phone was higher": the parse may
    cut one clause in two complements of the verb, the second starting right after the first
    (no punctuation between); the second is the rest of the clause."""
    end = max(t.i for t in comp.subtree)
    rest = [c for c in comps if c.i > comp.i and min(t.i for t in c.subtree) == end + 1]
    return sorted(rest[0].subtree, key=lambda t: t.i) if rest else []


_SUBORDINATORS = frozenset(
    {"since", "because", "if", "although", "though", "while", "when", "unless", "once", "as"}
)


def _dangling_rest(verb: Token, comp: Token) -> list[Token]:
    """ "said that the drop is worrying since without that support, traders may fear ...":
    the parse may end the clause on a subordinator left without its verb and make the rest
    of the sentence, after a comma, the head the reporting verb hangs on. That rest is the
    subordinate clause's main clause, still what was said."""
    doc, end = verb.doc, comp.right_edge.i
    node = verb
    while node.dep_ == "xcomp" and node.head != node:
        node = node.head  # "went on to say that ..."
    head = node.head
    if node.dep_ != "ccomp" or head.i <= end + 1 or head.pos_ not in ("VERB", "AUX"):
        return []
    if doc[end + 1].text != "," or verb.i > comp.i or head.left_edge.i > node.left_edge.i:
        return []
    if _inverted_condition(comp):  # "said that should a buyer pay the fee, he would agree"
        return list(doc[end + 1 : head.right_edge.i + 1])
    openers = [t for t in comp.subtree if t.i > comp.i and t.lower_ in _SUBORDINATORS]
    if not openers or any(t.pos_ in ("VERB", "AUX") for t in openers[-1].subtree):
        return []
    return list(doc[end + 1 : head.right_edge.i + 1])


def _inverted_condition(comp: Token) -> bool:
    """ "should a buyer pay the fee", "had the talks failed": a condition opened by its
    auxiliary before the subject, which needs a main clause after it."""
    auxes = [c for c in comp.children if c.dep_ == "aux" and c.lower_ in ("should", "had", "were")]
    subjects = [c.i for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
    return (
        bool(auxes) and auxes[0].i <= comp.left_edge.i + 1 and any(i > auxes[0].i for i in subjects)
    )


def _without_coordinated_act(comp: Token, tokens: list[Token]) -> list[Token]:
    """ "saying that the board “was asleep” and called for it to resign": a verb of speech,
    naming or accusing coordinated with the reported clause without a subject of its own is
    the speaker's next act, not more of what was said."""
    cues = quote_cues()
    acts = lexicon().cue("speech_verbs") | cues["reporting_verbs"] | cues["naming_verbs"]
    acts |= cues["accusing_verbs"]
    for conj in children(comp, "conj"):
        if conj.i < comp.i or conj.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        if conj.lemma_.lower() not in acts or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children
        ):
            continue
        joins = [c.i for c in children(comp, "cc") if c.i < conj.i]
        start = min([conj.left_edge.i, *joins])
        return [t for t in tokens if t.i < start]
    return tokens


def _without_outer_sequel(verb: Token, comp: Token, tokens: list[Token]) -> list[Token]:
    """ "said the ministry had told him that it had no wish to run the firm and that he
    expected ...": in a statement reported inside another, a second "that" clause coordinated
    with the inner one goes on with the outer speaker's words."""
    if verb.dep_ != "ccomp" or not _is_speech(verb.head):
        return tokens
    for conj in (t for t in comp.subtree if t.dep_ == "conj" and t.i > comp.i):
        that = [c for c in conj.children if c.dep_ == "mark" and c.lower_ == "that"]
        if that and that[0].i == conj.left_edge.i:  # the parse may hang it on a lower verb
            joins = [c.i for c in children(conj.head, "cc") if c.i < that[0].i]
            start = min([that[0].i, *joins])
            return [t for t in tokens if t.i < start]
    return tokens


_SEQUENCE = frozenset({"before", "after"})


def _without_speakers_next_act(verb: Token, comp: Token, tokens: list[Token]) -> list[Token]:
    """What the speaker did next is no part of what was said: "said they were “very good”
    before launching into another attack" (a state reported, then a participle of time: only
    the speaker acts), "saying talks would not resume and calling the hope “senseless”" (a
    participle joined to what a participle of saying reports, with no subject of its own, is
    the next thing the speaker did)."""
    stative = comp.lemma_.lower() == "be" or comp.pos_ == "ADJ"
    for tok in tokens:
        if tok.tag_ != "VBG" or tok.i <= comp.i or tok.doc[tok.i - 1].lower_ not in _SEQUENCE:
            continue
        if stative and tok.head.i in (comp.i, tok.i - 1):
            start = tok.i - 1 - (tok.doc[tok.i - 2].text == ",")
            return [t for t in tokens if t.i < start]
    if verb.tag_ != "VBG":
        return tokens
    for tok in tokens:
        if tok.tag_ != "VBG" or tok.dep_ != "conj" or tok.head.tag_ == "VBG" or tok.i <= comp.i:
            continue
        joins = [c.i for c in tok.head.children if c.dep_ == "cc" and c.i == tok.left_edge.i - 1]
        if not joins or tok.doc[joins[0]].lower_ != "and":
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
            continue
        start = joins[0] - (tok.doc[joins[0] - 1].text == ",")
        return [t for t in tokens if t.i < start]
    return tokens


def _is_speech(tok: Token) -> bool:
    speech = lexicon().cue("speech_verbs") | quote_cues()["reporting_verbs"]
    return tok.pos_ == "VERB" and tok.lemma_.lower() in speech


def _speaks_in_relative(relcl: Token) -> bool:
    """ "included a drill in recaptured areas, which it claims shows ...": a relative clause
    whose verb is a speaker's own reporting verb with a subject of its own."""
    return _is_speech(relcl) and any(c.dep_ == "nsubj" and c.tag_ != "WDT" for c in relcl.children)


def _without_own_attribution(tokens: list[Token]) -> list[Token]:
    """ "rose to 444,000, which, according to the Times, is near a record": a relative clause
    carrying an attribution of its own ("according to", or "which it claims ...") is
    another statement."""
    for tok in tokens:
        if tok.dep_ != "relcl" or tok.left_edge.i == 0:
            continue
        according = any(t.lower_ == "according" and t.nbor().lower_ == "to" for t in tok.subtree)
        if according or _speaks_in_relative(tok):
            start = tok.left_edge.i
            start -= tok.doc[start - 1].text == ","
            return [t for t in tokens if t.i < start]
    return tokens


# verbs whose object is the one addressed, not what was said ("told reporters")
_ADDRESSING = frozenset(
    {"tell", "warn", "assure", "inform", "remind", "advise", "brief", "caution"}
)
_MODALS = {"would", "could", "may", "might", "will", "can", "should", "must"}


def _modal_sequel(verb: Token, comp: Token) -> list[Token]:
    """ "said GM had submitted a plan to close five plants, and this may be increased": a
    clause the parse coordinated with the reporting verb right after its complement, with a
    subject and a modal of its own and no speech in it, goes on with what was said (a
    reporter's own sequel is narrated, not modal: ", and the union protested")."""
    doc, end = verb.doc, comp.right_edge.i
    while end > comp.i and doc[end].is_punct:
        end -= 1  # the parse may hang the comma on the clause
    for conj in children(verb, "conj"):
        if conj.left_edge.i < end + 2 or doc[end + 1].text != ",":
            continue
        if doc[end + 2].lower_ not in ("and", "but") or conj.left_edge.i != end + 3:
            continue
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in conj.children)
        speech = lexicon().cue("speech_verbs") | quote_cues()["reporting_verbs"]
        if own and modal and not any(_reports(t, speech) for t in conj.subtree):
            return sorted(doc[end + 1 : conj.right_edge.i + 1], key=lambda t: t.i)
    return []


def _fronted(comp: Token, verb: Token) -> bool:
    """A clause before its reporting verb ("The talks failed, Ruiz said"), not a sentence of
    its own the parse hung on the next one ("X will ship in May; Apple announced no new
    products"): a semicolon or a colon between them ends the reported clause."""
    between = comp.doc[comp.right_edge.i + 1 : verb.i]
    addressed = verb.lemma_.lower() in _ADDRESSING  # "…, Ruiz told reporters"
    if not addressed and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
        return False  # "sales slipped: Ford reported a 39% loss": the verb reports its object
    return not any(t.text in (";", ":") for t in between)


def _without_other_speech(comp: Token, tokens: list[Token]) -> list[Token]:
    """Cut the clause before a part the parse hung on it that reports speech of its own: ",
    with analyst X saying ...", ", but did not say whether ...". That part is another
    statement (or none), not the words of this one."""
    speech = lexicon().cue("speech_verbs") | quote_cues()["reporting_verbs"]
    for child in comp.children:
        if child.i <= comp.i or child.dep_ not in ("prep", "conj", "advcl"):
            continue
        start = child.left_edge.i
        if start == 0 or comp.doc[start - 1].text not in (",", "but", "and", ";"):
            continue
        if child.dep_ == "conj" and comp.doc[start].lower_ == "that":
            continue  # "said that she had called him and that he had told her ...": the
            # same speaker's next "that" clause, whatever it reports
        if any(_reports(t, speech) for t in child.subtree):
            return [t for t in tokens if t.i < start]
    return tokens


def _reports(tok: Token, speech: frozenset[str]) -> bool:
    """A reporting verb that reports something: it has a clause ("saying “...”", "did not
    say whether ..."), not an object ("suggesting a lack of conviction") nor a verb of its
    own ("continuing to sell")."""
    return (
        tok.pos_ == "VERB"
        and tok.lemma_.lower() in speech
        and any(c.dep_ == "ccomp" for c in tok.children)
    )


def _stray_apposition(verb: Token, comp: Token) -> list[Token]:
    """ "said that talks would resume next month, the first round since March": a noun phrase
    right after the reported clause and a comma, which the parse made the verb's object, is
    the clause's apposition."""
    end = comp.right_edge.i
    for obj in children(verb, "dobj"):
        if obj.left_edge.i == end + 1 and verb.doc[end].text == ",":
            return list(obj.subtree)
    return []


def _against(verb: Token) -> Span | None:
    against = next((c for c in children(verb, "prep") if c.lower_ == "against"), None)
    if against is None or verb.lemma_ not in ("warn", "caution"):
        return None
    return verb.doc[against.left_edge.i : against.right_edge.i + 1]


def _pointed_cause(verb: Token) -> Span | None:
    """ "points to rising prices as being the cause of the cuts": what is pointed to, with
    what the speaker says it is."""
    if verb.lemma_.lower() != "point":
        return None
    to = next((c for c in children(verb, "prep") if c.lower_ == "to" and c.i > verb.i), None)
    obj = first(to, "pobj") if to is not None else None
    if obj is None:
        return None
    inside = {t.i for t in verb.subtree}
    for tok in verb.doc[obj.i + 1 : verb.sent.end]:
        being = tok.nbor() if tok.i + 1 < verb.sent.end else None
        if tok.lower_ == "as" and tok.i in inside and being is not None and being.lower_ == "being":
            return verb.doc[obj.left_edge.i : tok.right_edge.i + 1]
    return None


def _that_clause(verb: Token) -> Token | None:
    """A clause opened by "that" under the verb's object or a prepositional phrase after it."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    preps = [p for p in children(verb, "prep") if p.i > verb.i]
    nouns += [obj for prep in preps for obj in children(prep, "pobj")]
    for noun in nouns:  # "insisted in a video posted online that ...": within the phrase
        for clause in noun.subtree:
            if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i for c in clause.children
            ):
                return clause
    return None


def _charge(verb: Token) -> Span | None:
    """ "accused X of Y", "blamed X for Y": the object and the charge."""
    if verb.lemma_.lower() not in quote_cues()["accusing_verbs"]:
        return None
    obj = first(verb, "dobj")
    heads = (verb, obj) if obj is not None else (verb,)  # "of" under the verb or its object
    preps = [c for h in heads for c in children(h, "prep") if c.lower_ in ("of", "for")]
    prep = preps[0] if preps else None
    if obj is None or prep is None or prep.i < obj.i or first(prep, "pcomp", "pobj") is None:
        return None
    charge = verb.doc[obj.left_edge.i : prep.right_edge.i + 1]
    # "accused the government of what one called “a purge”": the charge is a quoted term
    # whose speaker the sentence leaves open, not the subject's statement
    return None if any(t.text in _MARKS for t in charge) else charge


def _without_trailing_participle(comp: Token, tokens: list[Token]) -> list[Token]:
    """Drop a participle clause the parse hung at the end of the reported clause after a comma
    when the clause is about the speaker ("she would run for governor, setting up a primary
    fight"): the reporter's comment on the speaker's own move. Of a clause about something
    else it is the rest of what was said ("requirements would be cut, freeing up funds")."""
    tail = [c for c in comp.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > comp.i]
    if not tail or tail[-1].left_edge.i == 0:
        return tokens
    subj = first(comp, "nsubj", "nsubjpass")
    if subj is None or subj.tag_ != "PRP":
        return tokens
    start = tail[-1].left_edge.i
    if comp.doc[start - 1].text != "," or tail[-1].right_edge.i < tokens[-1].i - 1:
        return tokens
    return [t for t in tokens if t.i < start - 1]


def _question(verb: Token, lex: EventLexicon) -> bool:
    """ "asked whether the deal could collapse": a question put to the subject, not a statement."""
    comp = first(verb, "ccomp")
    if comp is None:
        return False
    marks = {c.lower_ for c in comp.children if c.dep_ in ("mark", "advmod")}
    return bool(marks & lex.cue("question_marks")) or _embedded_question(comp)


def _embedded_question(comp: Token) -> bool:
    """ "did not say where the cuts would fall", "declined to predict when it would return":
    a clause opened by a wh-word is what was (not) said, not a statement; a wh-word opening an
    adverbial clause inside it ("said when the talks end they will vote") does not count."""
    wh = comp.left_edge
    if wh.tag_ not in ("WDT", "WP", "WP$", "WRB"):
        return False
    node = wh
    while node != comp and node.head != node:
        if node.dep_ in ("advcl", "mark"):
            return False
        node = node.head
    return node == comp


_OWN_WORDS = 3  # words after a quoted opening that make the clause the reporter's


def _mostly_quoted(comp: Span, near: Intervals) -> bool:
    """Whether a reported clause is a direct quote's own words: it opens inside the quote
    (`near` holds each direct quote from two characters before its start) and goes on for
    fewer than three words past it. A clause that quotes a fragment after its own words
    ("told members the offer was “the best in a decade”") or opens on one and goes on in the
    reporter's words ("stressed that “the plant stays open” while talks go on") is reported
    speech with a partial quote, and is kept."""
    if not near.covers(comp.start_char):
        return False
    own = [t for t in comp if t.is_alpha and not near.covers(t.idx)]
    return len(own) < _OWN_WORDS


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


def claim_noun(comp: Span, verb: Token) -> Token | None:
    """The claim noun right before the "that" opening `comp` ("agreed with the company's
    argument that ...": the parse may hang the clause on the verb)."""
    doc = comp.doc
    that = comp.start if doc[comp.start].lower_ == "that" else comp.start - 1
    while that > 0 and doc[that].is_punct:
        that -= 1  # "argument that, while ...,"
    if that <= 0 or doc[that].lower_ != "that":
        return None
    noun = doc[that - 1]
    claims = quote_cues()["claim_nouns"]
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in claims and noun != verb else None


def issued_clause(verb: Token) -> Span | None:
    """ "The office issued a recommendation that the board re-open the bids": an issuing verb
    whose object is a claim noun followed by "that" reports the rest of the sentence."""
    if verb.lemma_.lower() not in quote_cues()["issuing_verbs"]:
        return None
    doc = verb.doc
    for obj in children(verb, "dobj"):
        if obj.lemma_.lower() not in quote_cues()["claim_nouns"] or obj.i + 2 >= len(doc):
            continue
        if doc[obj.i + 1].lower_ != "that":
            continue
        end = verb.sent.end
        while end > obj.i + 2 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return doc[obj.i + 2 : end] if end - obj.i - 2 >= 3 else None
    return None
