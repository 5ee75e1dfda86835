"""Reading a clause off the dependency parse, with no actor in view: a token's children by
relation, the objects of its prepositions, a verb's subject (inherited along control and
coordination) and the clause a token belongs to. `args` re-exports these; they live apart
so that the actor lookup stays a module of its own size."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from eventline.events.patterns import lexicon

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Prepositions through which a gerund takes the governing verb's object as its subject
# ("accused Tehran of sending", "blamed X for shelling", "stopped Y from entering"); under
# any other ("after having warned", "before meeting", "by sending") the subject controls.
_OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "into", "against"})


def children(tok: Token, *deps: str) -> Iterator[Token]:
    return (c for c in tok.children if c.dep_ in deps)


def first(tok: Token, *deps: str) -> Token | None:
    return next(children(tok, *deps), None)


def prep_objects(tok: Token, preps: Iterable[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under `tok` for the given prepositions, in text order."""
    wanted = set(preps)
    found = [
        (prep.i, prep.lower_, pobj)
        for prep in children(tok, "prep", "dative", "agent")
        if prep.lower_ in wanted
        for pobj in list(children(prep, "pobj", "pcomp")) or stranded_object(prep)
    ]
    found += [(mark.i, mark.lower_, obj) for mark, obj in _marked_objects(tok, wanted)]
    for _, prep_word, pobj in sorted(found, key=lambda f: (f[0], f[2].i)):
        yield prep_word, pobj


def _marked_objects(tok: Token, wanted: set[str]) -> Iterator[tuple[Token, Token]]:
    """ "pleaded before Congress to be given loans": the parser reads the preposition as the
    marker of the infinitive that follows and its object as that infinitive's subject. An
    infinitive ("to" + verb) takes no marker and no subject of its own, so a wanted
    preposition marking one, right before its subject, is a preposition of `tok`."""
    for clause in children(tok, "advcl"):
        if not any(x.dep_ == "aux" and x.lower_ == "to" for x in clause.children):
            continue
        for mark in children(clause, "mark"):
            subj = first(clause, "nsubj", "nsubjpass")
            if mark.lower_ in wanted and subj is not None and subj.left_edge.i == mark.i + 1:
                yield mark, subj


def stranded_object(prep: Token) -> list[Token]:
    """ "granted asylum to five officers holed up in an embassy": the parser leaves "to" with
    no object and makes its noun the subject of the reduced relative that follows; that
    subject, starting right after the preposition, is the preposition's object."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or prep.i + 1 >= prep.sent.end:
        return []
    return [
        t
        for t in prep.head.subtree
        if t.dep_ == "nsubj"
        and t.head.dep_ in ("advcl", "relcl", "acl", "ccomp", "conj")
        and t.i < t.head.i
        and t.left_edge.i == prep.i + 1
    ][:1]


def reduced_passive(verb: Token) -> bool:
    """Whether `verb` is a past participle with a "by" agent modifying a noun (a done act:
    "a captain detained by the coast guard")."""
    return _reduced_passive_noun(verb) is not None


def _reduced_passive_noun(verb: Token) -> Token | None:
    """ "prisoners released by Israel", "a captain detained by the Japanese coast guard": a
    past participle modifying a noun, with a "by" agent of its own, is a passive whose
    subject is the noun it modifies (the parser gives it none). Without the agent the
    participle may be an adjective ("the detained captain", "troops deployed there") and is
    left alone; so is a participle on an event noun ("a swap mediated by X", "strikes
    carried out by Y"), which says who took part in that event, not what befell a party."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.head.lemma_.lower() in lexicon().nouns:
        return None
    if any(c.dep_ in (*SUBJECTS, "aux", "auxpass") for c in verb.children):
        return None  # "prisoners to be released by X": an infinitive, not a done act
    if not any(c.dep_ == "agent" and c.lower_ == "by" for c in verb.children):
        return None
    return verb.head


def subject(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject token and whether the verb is passive.

    Subjects are inherited along control and coordination: "agreed to supply" (xcomp),
    "accused Tehran of sending" (object control through a gerund), "condemned X and warned Y"
    (conjoined verbs), "Speaking in London, Blinken said" (participial adverbials).
    """
    if (noun := _reduced_passive_noun(verb)) is not None:
        return noun, True  # "a captain detained by the coast guard": the captain was detained
    node = verb
    for _ in range(6):
        own = _nearest_subject(node)
        if own is not None:
            return own, node == verb and (own.dep_ == "nsubjpass" or _passive(verb))
        if any(c.dep_ == "auxpass" for c in node.children) and node == verb:
            return None, True
        governor = node.head
        if governor == node:
            return None, False
        if node.dep_ == "pcomp" and governor.dep_ == "prep":
            verb_above = governor.head
            obj = first(verb_above, "dobj")
            if obj is not None and governor.lower_ in _OBJECT_CONTROL_PREPS:
                return obj, False  # "accused Tehran of sending": Tehran sends
            node = verb_above  # "condemned X after having warned": the condemner warned
            continue
        if node.dep_ == "xcomp":
            obj = first(governor, "dobj")
            if obj is not None and governor.lemma_ not in {"promise", "offer"}:
                return obj, False
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") and (
            governor.pos_ in ("VERB", "AUX", "ADJ")
        ):
            node = governor
            continue
        if node.dep_ == "relcl":
            return governor, False
        if (issuer := _issuing_verb(node)) is not None:
            node = issuer  # "issued a declaration demanding ...": the issuer demands
            continue
        return None, False
    return None, False


def _issuing_verb(node: Token) -> Token | None:
    """The verb that issues the document a participle hangs on ("issued a statement
    condemning X", "in a letter urging Y"), whose subject speaks through it."""
    doc_noun = node.head
    if node.dep_ != "acl" or node.tag_ != "VBG" or doc_noun.pos_ != "NOUN":
        return None
    if doc_noun.lemma_.lower() not in lexicon().cue("statement_nouns"):
        return None
    if doc_noun.dep_ == "dobj" and doc_noun.head.pos_ == "VERB":
        return doc_noun.head
    if doc_noun.dep_ == "pobj" and doc_noun.head.head.pos_ == "VERB":
        return doc_noun.head.head  # "in a statement condemning ..., the ministry said"
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.dep_ == "acl" and (verb.tag_ == "VBN")
    )


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds `tok` (the token itself for verbs)."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "amod":
            return node
        if node.head == node:
            return node
        node = node.head
    return node


def depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok = tok.head
        d += 1
    return d


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's first subject, passing over a dateline the parse hung on the verb as a
    second subject ("MOSCOW, June 3 - Russia pledged ...": the place is no subject)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    real = [c for c in subjects if not _dateline(c)]
    pool = real or subjects
    return pool[0] if pool else None


def _dateline(tok: Token) -> bool:
    """A sentence-initial place in capitals followed by a comma or a bracket: a dateline."""
    doc = tok.doc
    return (
        tok.i == tok.sent.start
        and len(tok.text) > 1
        and tok.text.isupper()
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in (",", "(", "-", "—", "–")
    )
