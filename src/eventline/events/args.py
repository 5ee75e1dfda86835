"""Who is meant by a clause argument: actors read from the nlp stage, found through the parse.

The nlp stage marks actor mentions in `doc.spans["actors"]`, each with `span._.actor` (an
`ActorRef` or None). This module is the only reader of that contract in the event stage: given
a token that heads an argument (a subject, an object, a prepositional object) it returns the
actors that phrase names, following appositives ("Peskov, the Kremlin spokesman"), coordination
("X and Y" is a compound actor), possessives and adjectives ("Israel's strike", "Iranian
officials"), relative pronouns and a few pronouns (he/she: the last person named as a subject;
I/we inside a direct quote: the quote's speaker).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from eventline.events.patterns import lexicon
from eventline.events.short_names import earlier_full_names
from eventline.events.syntax import SUBJECTS
from eventline.events.syntax import children as children  # re-exported: the rules' imports
from eventline.events.syntax import clause_head as clause_head
from eventline.events.syntax import depth as depth
from eventline.events.syntax import first as first
from eventline.events.syntax import prep_objects as prep_objects
from eventline.events.syntax import reduced_passive as reduced_passive
from eventline.events.syntax import stranded_object as stranded_object
from eventline.events.syntax import subject as subject
from eventline.model import ActorRef

SPAN_KEY = "actors"
_MODIFIERS = ("poss", "compound", "amod", "nmod", "npadvmod")
_OF_PREPS = ("of", "from", "in", "by")
# Prepositions that place people rather than name whose they are ("students in Dhaka").
_PLACE_PREPS = frozenset({"in", "from"})
_ACTED_ON = frozenset({"dobj", "pobj", "nsubjpass", "dative"})
# Prepositions that name where something is or happened, not who.
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
_RELATIVE = {"which", "who", "whom", "that", "whose"}
PERSON_LABELS = {"PERSON", "person", "PER"}
# Nouns for a person who stands for a state or body ("his counterpart", "the envoy").
COUNTERPARTS = frozenset(
    {"counterpart", "envoy", "ambassador", "minister", "president", "official", "diplomat"}
)
# Nouns that, owned by a pronoun, name the owner's state ("his country", "their homeland").
HOMELAND_NOUNS = frozenset({"country", "nation", "homeland", "motherland", "fatherland"})


def _span_actor(span: Span) -> ActorRef | None:
    if not Span.has_extension("actor"):
        return None
    ref = span._.actor
    return ref if isinstance(ref, ActorRef) else None


def unique(refs: Iterable[ActorRef]) -> tuple[ActorRef, ...]:
    seen: dict[str, ActorRef] = {}
    for ref in refs:
        seen.setdefault(ref.id, ref)
    return tuple(seen.values())


_PLURAL = frozenset({"they", "their", "them"})
_HYPHENS = frozenset({"-", "\u2013", "\u2010", "/"})


def hyphen_joined(mod: Token) -> list[Token]:
    """ "French-German strikes", "US-Israeli talks": modifiers joined by a hyphen are parsed
    as a chain (French modifies German), but each names a party of the phrase."""
    out = [mod]
    for child in mod.children:
        if (
            child.dep_ in _MODIFIERS
            and child.right_edge.i + 2 == mod.i
            and mod.doc[child.right_edge.i + 1].text in _HYPHENS
        ):
            out.extend(hyphen_joined(child))
    return out


class ActorIndex:
    """Per-document lookup from tokens to the actor spans that cover them."""

    def __init__(self, doc: Doc, *, quote_speakers: dict[int, ActorRef] | None = None) -> None:
        self.doc = doc
        self.by_token: dict[int, list[tuple[Span, ActorRef]]] = {}
        self.persons: list[tuple[int, ActorRef]] = []
        self.genders: dict[str, str] = {}  # actor id -> "male" / "female", when the text says
        self.quote_speakers = quote_speakers or {}
        for span in doc.spans.get(SPAN_KEY, ()):
            ref = _span_actor(span)
            if ref is None:
                continue
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, []).append((span, ref))
            if is_person(span):
                self.persons.append((span.root.i, ref))
                if (gender := _gender_near(span)) is not None:
                    self.genders.setdefault(ref.id, gender)
        self.persons.sort(key=lambda pair: pair[0])  # spans come in component order, not text
        named = [(s, r) for s in doc.spans.get(SPAN_KEY, ()) if (r := _span_actor(s)) is not None]
        people = frozenset(s.start for s, _ in named if is_person(s))
        fuller = earlier_full_names(named, person=people)
        for span in (s for s, _ in named if s.start in fuller):
            full = fuller[span.start]  # "the Air Force": the body named in full before
            for i in range(span.start, span.end):
                pairs = self.by_token[i]
                self.by_token[i] = [(s, full if s.start == span.start else r) for s, r in pairs]

    def covering(self, tok: Token) -> ActorRef | None:
        """The narrowest actor span covering `tok`."""
        found = self.by_token.get(tok.i)
        if not found:
            return None
        return min(found, key=lambda pair: len(pair[0]))[1]

    def refs(self, tok: Token | None) -> tuple[ActorRef, ...]:
        """Actors named by the phrase headed by `tok`, its conjuncts included."""
        if tok is None:
            return ()
        heads = [tok, *tok.conjuncts, *self.listed_apposition(tok)]
        return unique(ref for head in heads for ref in self._phrase(head, depth=0))

    def listed_apposition(self, tok: Token) -> list[Token]:
        """ "the Bank of Korea, the Bank of England, the Reserve Bank and the Bank of Japan
        agreed": a coordinated list of named bodies whose second member the parser hangs on
        the first as an apposition (the rest being its conjuncts). When the first and the
        apposition are both named, as different actors, and the apposition's list goes on
        with "and"/"or", every member is a party, not a second name of the first (#13)."""
        own = self.covering(tok)
        if own is None:
            return []
        for child in tok.children:
            ref = self.covering(child) if child.dep_ == "appos" else None
            if (
                ref is None
                or ref.id == own.id
                or (ref.country, ref.sector) == (own.country, own.sector)
            ):
                continue  # "Putin, the Russian president, and ...": the same side named twice
            members = [child, *child.conjuncts]
            listed = [tok, *members, *tok.conjuncts]
            if len(listed) > 2 and any(c.dep_ == "cc" for m in listed for c in m.children):
                return members
        return []

    def _phrase(self, tok: Token, *, depth: int) -> list[ActorRef]:
        if tok.lower_ in _RELATIVE and (antecedent := relative_antecedent(tok)) is not None:
            named = self._phrase(antecedent, depth=depth)
            near = preceding_phrase(tok)
            if named or near is None or near == antecedent:
                return named
            return self._phrase(near, depth=depth)
        if tok.lower_ in _PLURAL and (both := self.coordinated_subject(tok)):
            return list(both)
        if (pronoun := self.pronoun(tok)) is not None:
            return [pronoun]
        if (ref := self.covering(tok)) is not None:
            return [ref]
        for child in tok.children:
            if child.dep_ == "appos" and (ref := self.covering(child)) is not None:
                # "the three automakers - A, B and C - pleaded": every member of the list
                return [ref, *(r for x in child.conjuncts if (r := self.covering(x)) is not None)]
        if tok.dep_ == "appos" and depth == 0 and (ref := self.covering(tok.head)) is not None:
            return [ref]
        if (home := self.homeland(tok)) is not None:
            return [home]
        found: list[ActorRef] = []
        for child in tok.children:
            if child.dep_ in _MODIFIERS:
                mods = (*hyphen_joined(child), *child.conjuncts)
                found.extend(r for c in mods if (r := self.covering(c)))
        if found or depth >= 2:
            return self.described(tok, found)
        by_place = True
        for child in tok.children:
            if child.dep_ == "prep" and (
                child.lower_ in _OF_PREPS or (child.lower_ == "for" and speaks_for(tok))
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":  # "the presidents of Iran and Turkey": both
                        for head in (pobj, *pobj.conjuncts):
                            found.extend(self._phrase(head, depth=depth + 1))
                            by_place = by_place and child.lower_ in _PLACE_PREPS
        return self.placed_people(tok, found) if by_place else found

    def placed_people(self, tok: Token, found: list[ActorRef]) -> list[ActorRef]:
        """ "students in Dhaka", "protesters from Kenya": people named by a role noun and
        placed by a state or city are those people of that country, not the state itself
        (the state is where they are, not who was acted on); a phrase naming no role noun
        ("the fighting in Gaza") keeps the place. Only the people acted on: a subject
        ("demonstrators in Baghdad blocked a road") stays the state, which the crowd rules
        read as the people of the place."""
        if tok.dep_ not in _ACTED_ON:
            return found
        one = found[0] if len(found) == 1 else None
        if one is None or not one.country or not one.id.startswith("kb:"):
            return found
        ref = descriptor(tok, country=one.country)
        return [ref] if ref is not None else found

    def bound_owner(self, tok: Token) -> tuple[ActorRef, ...]:
        """ "Iran condemned the assassination of its general": the actor a possessive
        pronoun of `tok` stands for when it is bound by the subject of its clause (a named
        actor); nothing for a counterpart, who is by definition the other side's."""
        poss = first(tok, "poss")
        if poss is None or poss.pos_ != "PRON" or tok.lemma_.lower() == "counterpart":
            return ()
        subj = subject(clause_head(tok))[0]
        if subj is None or subj.pos_ == "PRON" or tok in subj.subtree:
            return ()
        found = self._phrase(subj, depth=1)
        return tuple(found) if len(found) == 1 else ()

    def homeland(self, tok: Token) -> ActorRef | None:
        """ "the bombing of his country", "their nation": the state of the person or body a
        possessive pronoun stands for."""
        if tok.lemma_.lower() not in HOMELAND_NOUNS:
            return None
        poss = first(tok, "poss")
        if poss is None or poss.pos_ != "PRON":
            return None
        owner = self.pronoun(poss)
        return self.state(owner.country) if owner is not None and owner.country else None

    def state(self, country: str) -> ActorRef:
        """The state `country` as a party: the document's own mention of it when there is one
        (its id is `kb:<country>`), else a bare reference with the code as its name."""
        sid = f"kb:{country}"
        for pairs in self.by_token.values():
            for _, ref in pairs:
                if ref.id == sid:
                    return ref
        return ActorRef(id=sid, name=country, country=country)

    def described(self, tok: Token, found: list[ActorRef]) -> list[ActorRef]:
        """ "Palestinian youths", "Kenyan farmers": one country named by an adjective and a
        role noun give the country and the noun's sector."""
        one = found[0] if len(found) == 1 else None
        if one is None or not one.country or one.sector is not None:
            return found
        ref = descriptor(tok, country=one.country)
        return [ref] if ref is not None else found

    def descriptor(self, tok: Token | None) -> tuple[ActorRef, ...]:
        """The last resort for an argument naming no actor: its role noun ("the authorities",
        "rebel fighters"); never a pronoun or a word inside an actor span."""
        if tok is None or self.covering(tok) is not None:
            return ()
        if (named := self.named_before(tok)) is not None:
            return (named,)
        ref = descriptor(tok, country=None)
        return (ref,) if ref is not None else ()

    def named_before(self, tok: Token) -> ActorRef | None:
        """ "filed a case at the International Court of Justice and asked the court to ...":
        a bare definite noun ("the court", "the agency") is the one body named before it in
        the article whose name has that noun as its head, not a new, countryless role."""
        dets = [x for x in tok.children if x.dep_ == "det"]
        if tok.pos_ != "NOUN" or len(dets) != len(list(tok.children)) or not dets:
            return None
        if dets[0].lower_ != "the":
            return None
        head = tok.lemma_.lower()
        found = {
            ref.id: ref
            for span in self.doc.spans.get(SPAN_KEY, ())
            if span.end <= tok.i
            and not is_person(span)
            and span.root.lemma_.lower() == head
            and (ref := _span_actor(span)) is not None
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def pronoun(self, tok: Token) -> ActorRef | None:
        """he/she: the last person named as a subject before; I/we in a quote: its speaker."""
        if tok.pos_ != "PRON":
            return None
        low, lex = tok.lower_, lexicon()
        if low in lex.cue("first_person"):
            return self.quote_speakers.get(tok.i)
        if low in lex.cue("person_pronouns"):
            gender = "female" if low in lex.cue("female_pronouns") else "male"
            found = self.last_person(tok.i, gender=gender)
        elif low in {"it", "they", "its", "their", "them"}:
            found = (
                self.purpose_beneficiary(tok)
                or self.local_subject(tok)
                or self.reporting_subject(tok)
            )
            if found is None and (nearest := self.last_in_sentence(tok)) is not None:
                # the nearest name: "it"/"its" is never a person ("he" is), though a
                # subject phrase may name a body by its head ("Obama's administration")
                person = low in ("it", "its") and self.is_person_ref(nearest)
                found = None if person else nearest
                if low in _PLURAL and nearest is not None and self._misfit(tok, nearest):
                    found = self.plural_before(tok)
        else:
            return None
        if found is not None and self._own_subject(tok, found):
            if low in lex.cue("person_pronouns"):
                return self.other_person(tok, found)
            return None
        return found

    def other_person(self, tok: Token, subject_ref: ActorRef) -> ActorRef | None:
        """ "Macron spoke with Putin, urging him to order a ceasefire": an object he/him that
        cannot be its own verb's subject is the other person named before it in its sentence
        (the one person there besides the subject), of the pronoun's gender."""
        low = tok.lower_
        gender = "female" if low in lexicon().cue("female_pronouns") else "male"
        others = {
            ref.id: ref
            for i, ref in self.persons
            if tok.sent.start <= i < tok.i
            and ref.id != subject_ref.id
            and self.genders.get(ref.id, gender) == gender
        }
        return next(iter(others.values())) if len(others) == 1 else None

    def _misfit(self, tok: Token, ref: ActorRef) -> bool:
        """A plural pronoun does not stand for one person, nor for its own verb's subject."""
        return self.is_person_ref(ref) or self._own_subject(tok, ref)

    def plural_before(self, tok: Token) -> ActorRef | None:
        """ "Senate Republicans blocked the bill days after Trump urged them to reject it":
        they/them is the nearest body before it in its sentence that is no single person and
        not the subject of the pronoun's own verb, nor a state named only as where something
        was ("the parents of a soldier killed in Iraq, after they criticised him")."""
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            ref = self.covering(self.doc[i])
            if ref is not None and not self._misfit(tok, ref) and not self._located(i, ref):
                return ref
            if ref is None and (role := self._plural_role(self.doc[i])) is not None:
                return role  # "the rebels attacked a base in Mali, and they ...": unnamed
        return None

    def _plural_role(self, word: Token) -> ActorRef | None:
        """A plural role noun that is a subject ("the rebels"), as the antecedent of "they"."""
        if word.tag_ != "NNS" or word.dep_ not in SUBJECTS:
            return None
        return descriptor(word, country=None)

    def _located(self, i: int, ref: ActorRef) -> bool:
        """A state named as the place of something ("killed in Iraq", "talks at Geneva")."""
        word = self.doc[i]
        head = word
        while head.dep_ in ("compound", "amod", "flat") and head.head != head:
            head = head.head
        return (
            ref.id.startswith("kb:") and head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPS
        )

    def is_person_ref(self, ref: ActorRef) -> bool:
        return any(p.id == ref.id for _, p in self.persons)

    def _own_subject(self, tok: Token, ref: ActorRef) -> bool:
        """ "Aso asked them to ...": an object pronoun is not its own verb's subject (that
        would be "themselves")."""
        if tok.dep_ not in ("dobj", "dative", "pobj"):
            return False
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subj = subject(verb)[0]
        return subj is not None and subj != tok and ref in self._phrase(subj, depth=1)

    def coordinated_subject(self, tok: Token) -> tuple[ActorRef, ...]:
        """ "the IMF and the World Bank held their meetings": a plural pronoun in a clause
        whose subject coordinates named actors stands for all of them, not the last one."""
        clause = tok.head
        for _ in range(6):
            if clause.pos_ in ("VERB", "AUX") or clause.head == clause:
                break
            clause = clause.head
        subj = first(clause, "nsubj", "nsubjpass")
        if subj is not None and tok in subj.subtree and clause.dep_ == "ccomp":
            subj = first(clause.head, "nsubj")  # "Iran and Iraq said they would meet"
        if subj is not None and subj.pos_ != "PRON" and tok not in subj.subtree:
            # "the ministers of Russia and Ukraine held their talks": the parties coordinated
            # inside the subject's "of" phrase are the "their" as much as conjoined subjects
            both = self._all_named(subj)
            if both or subj.conjuncts:
                return both
        # "Pezeshkian thanked Putin and Xi for their support": else the coordinated object
        # before the pronoun (one subject is no "they")
        obj = first(clause, "dobj", "dative")
        if obj is None or obj.pos_ == "PRON" or obj.i > tok.i or not obj.conjuncts:
            return ()
        return self._all_named(obj)

    def _all_named(self, head: Token) -> tuple[ActorRef, ...]:
        heads = (head, *head.conjuncts, *self.listed_apposition(head))
        found = unique(r for h in heads for r in self._phrase(h, depth=1))
        return found if len(found) > 1 else ()

    def purpose_beneficiary(self, tok: Token) -> ActorRef | None:
        """ "agreed to supply Peru with drones for its offensive", "sent Kyiv missiles for
        their air defence": a possessive in the "for" purpose of a giving act stands for the
        party given to (what is given is for the receiver's use), not for the giver."""
        if tok.dep_ != "poss" or tok.head.dep_ != "pobj" or tok.head.head.lower_ != "for":
            return None
        verb = tok.head.head.head
        giving = lexicon().verbs.get(verb.lemma_.lower(), ())
        if verb.pos_ != "VERB" or not any(p.type == "AID" for p in giving):
            return None
        heads = [first(verb, "dative"), *(p for _, p in prep_objects(verb, ("to",)))]
        if any(x.dep_ == "prep" and x.lower_ == "with" for x in verb.children):
            heads.append(first(verb, "dobj"))  # "supply Peru with drones"
        for head in heads:
            if head is not None and head.pos_ != "PRON":
                found = self._phrase(head, depth=1)
                if len(found) == 1:
                    return found[0]
        return None

    def local_subject(self, tok: Token) -> ActorRef | None:
        """ "Iran said the US must stop its strikes": a possessive in what was said stands for
        the subject of its own reported clause, not for the speaker, when that subject is a
        named actor and does not hold the pronoun itself."""
        if tok.dep_ != "poss":
            return None
        clause = tok.head
        for _ in range(6):
            if clause.pos_ in ("VERB", "AUX") or clause.head == clause:
                break
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            return None
        subj = first(clause, "nsubj", "nsubjpass")
        if subj is None or subj.pos_ == "PRON" or tok in subj.subtree:
            return None
        found = self._phrase(subj, depth=1)
        return found[0] if len(found) == 1 else None

    def reporting_subject(self, tok: Token) -> ActorRef | None:
        """ "Iran, a close ally of X, said it would ...": a pronoun in the complement of a verb
        stands for that verb's subject, not for the nearest name before it."""
        node = tok
        for _ in range(4):
            if node.head == node:
                return None
            if node.dep_ in ("ccomp", "xcomp") and node.head.pos_ in ("VERB", "AUX"):
                # "X rejected the plan and said they ...": the speaker shared by coordination
                subj = first(node.head, "nsubj") or subject(node.head)[0]
                if subj is None or subj.pos_ == "PRON":
                    return None
                found = self._phrase(subj, depth=1)
                if not found and tok.lower_ in _PLURAL and subj.tag_ == "NNS":
                    # "the rebels said the army attacked them": a role noun, unnamed
                    found = list(self.descriptor(subj))
                return found[0] if len(found) == 1 else None
            node = node.head
        return None

    def last_in_sentence(self, tok: Token) -> ActorRef | None:
        """it/they: the nearest actor before the pronoun in its own sentence, else the actor
        that was the previous sentence's main subject ("Iran denied it. It said ...")."""
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            if (ref := self.covering(self.doc[i])) is not None:
                return ref
        if tok.sent.start == 0:
            return None
        root = self.doc[tok.sent.start - 1].sent.root
        subj = first(root, "nsubj", "nsubjpass")
        if subj is None or subj.pos_ == "PRON":
            return None
        found = self._phrase(subj, depth=1)
        return found[0] if len(found) == 1 else None

    def nearest_before(self, verb: Token, subj: Token | None) -> tuple[ActorRef, ...]:
        """Subject fallback when the parse names no actor as subject: an actor inside the
        subject phrase however deep ("workers of the Serbian union"), else, when the parse
        found no subject at all, the nearest actor before the verb in its own clause. Places
        under a preposition ("in Moscow, ...") are never taken as the actor."""
        if subj is not None:
            pool = [
                t
                for t in subj.subtree
                if not _under_place_prep(t, subj) and not _in_clause_below(t, subj)
            ]
        else:
            pool = [
                t
                for t in verb.sent
                if t.i < verb.i and clause_head(t) == verb and not _under_place_prep(t, verb)
            ]
            pool.reverse()
        for tok in pool:
            if tok.pos_ != "PRON" and (ref := self.covering(tok)) is not None:
                return (ref,)
        return ()

    def last_person(self, before: int, *, gender: str | None = None) -> ActorRef | None:
        """The last person actor mentioned as a subject (else anywhere) before token `before`;
        with a pronoun's `gender`, never a person the text shows to be of the other one."""
        people = [
            (i, ref)
            for i, ref in self.persons
            if i < before and self.genders.get(ref.id, gender) == gender
        ]
        subjects = [
            (i, ref) for i, ref in people if self.doc[i].dep_ in (*SUBJECTS, "appos", "compound")
        ]
        pool = subjects or people
        return pool[-1][1] if pool else None


def speaks_for(tok: Token) -> bool:
    """A role noun that stands for a body ("a spokesman for the ministry", "his counterpart",
    "the envoy"): its "for"/"from" phrase names whom it represents."""
    low = tok.lemma_.lower()
    return low in COUNTERPARTS or low in lexicon().cue("role_heads")


def _gender_near(span: Span) -> str | None:
    """ "Mr. Brandt", "Ms Velkor", "Velkor, the first woman to ...", "his wife, Anna": the
    gender the words next to a person's name give, if any."""
    lex = lexicon()
    doc = span.doc
    window = [doc[i] for i in range(max(0, span.start - 2), span.start)]
    window += [t for t in span.root.children if t.dep_ in ("appos", "compound", "amod")]
    window += [t for a in span.root.children if a.dep_ == "appos" for t in a.children]
    words = {t.lower_.rstrip(".") for t in window}
    if words & lex.cue("female_words"):
        return "female"
    if words & lex.cue("male_words"):
        return "male"
    return None


def descriptor(tok: Token, *, country: str | None) -> ActorRef | None:
    """An actor named by a role noun only ("the authorities", "rebel fighters"), coded by the
    descriptor with its sector, and the country when the text gives one."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_:
        return None
    lex = lexicon()
    table = lex.descriptors
    sector = table.get(tok.lemma_.lower()) or table.get(tok.lower_)
    words = [t for t in tok.subtree if t == tok or (t.head == tok and t.dep_ in _MODIFIERS)]
    if sector is None and tok.lemma_.lower() in lex.cue("role_heads"):
        # "the opposition leader": the body a generic role head belongs to gives the sector
        mods = [t for t in words if t.dep_ in ("compound", "amod") and t != tok]
        # "a student protest leader": a chain of compounds names the body ("student")
        mods += [x for t in mods for x in t.children if x.dep_ == "compound"]
        # "members of a people-smuggling network": the body the role is of, and its kind
        bodies = [p for prep in tok.children if prep.lower_ == "of" for p in prep.children]
        bodies = [p for p in bodies if p.dep_ == "pobj" and not p.ent_type_]
        mods += [
            *bodies,
            *(x for b in bodies for x in b.children if x.dep_ in ("compound", "amod")),
        ]
        sector = next(
            (s for t in mods if (s := table.get(t.lemma_.lower()) or table.get(t.lower_))), None
        )
    if sector is None:
        return None
    name = " ".join(t.text for t in sorted(words, key=lambda t: t.i) if t.dep_ != "poss")
    for mod in (t for t in words if t.dep_ == "compound"):
        sector = table.get(mod.lemma_.lower(), sector)  # "rebel fighters": the rebels
    key = f"{country or '-'}:{sector}:{tok.lemma_.lower()}"
    return ActorRef(id=f"desc:{key}", name=name, country=country, sector=sector)


def _in_clause_below(tok: Token, top: Token) -> bool:
    """Whether `tok` sits in a clause inside the phrase of `top` ("the committee investigating
    X", "officials who met X"): a party of that clause, not of the phrase's own act."""
    node = tok
    for _ in range(12):
        if node == top or node.head == node:
            return False
        if node.dep_ in ("acl", "relcl", "advcl", "ccomp"):
            return True
        node = node.head
    return False


def _under_place_prep(tok: Token, top: Token) -> bool:
    """Whether `tok` sits under a preposition other than "of"/"from" below `top`."""
    node = tok
    for _ in range(8):
        if node == top or node.head == node:
            return False
        if node.dep_ == "pobj" and node.head.lower_ not in ("of", "from"):
            return True
        node = node.head
    return False


def is_person(span: Span) -> bool:
    return span.label_ in PERSON_LABELS or span.root.ent_type_ == "PERSON"


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("an ally with which ..." -> ally)."""
    node = tok
    for _ in range(3):
        node = node.head
        if node.dep_ == "relcl":
            return node.head
        if node.head == node:
            return None
    return None


def preceding_phrase(pronoun: Token) -> Token | None:
    """ "in conjunction with the governments of A and B (which he thanked ...)": the parser
    hangs the relative clause on a word that names no party; the noun phrase right before
    the pronoun is the other reading. Climbs from the last noun to its phrase head over
    conjuncts and "of" ("the governments of A and B" -> governments)."""
    i = pronoun.i - 1
    while i >= pronoun.sent.start and pronoun.doc[i].is_punct:
        i -= 1
    if i < pronoun.sent.start or pronoun.doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    node = pronoun.doc[i]
    for _ in range(6):
        if node.dep_ == "conj" or node.dep_ in ("compound", "flat"):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
        else:
            break
    return node


def companions(prep: Token) -> list[Token]:
    """The objects of "along with", "together with", "alongside", "joined by"."""
    word = prep.text.lower()
    if word == "alongside":
        return list(children(prep, "pobj"))
    if word in ("along", "together"):
        return [
            p
            for w in children(prep, "prep")
            if w.text.lower() == "with"
            for p in children(w, "pobj")
        ]
    if word == "with" and any(
        x.text.lower() in ("along", "together") for x in children(prep, "advmod")
    ):
        return list(children(prep, "pobj"))
    return []
