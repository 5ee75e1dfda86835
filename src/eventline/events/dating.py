"""When and where an event happened: the timex and place of its own clause.

Dates. Temporal expressions come from the normaliser in `eventline.events.timex` (imported
lazily; without it the coder still runs and every event is dated by its report). An event takes
the date of a timex in its own clause: one whose syntactic head climbs to the event's clause
verb (or to a subject-less participle hanging from it: "Speaking in London on Sept. 10, X
accused ..."), or one inside the event noun's own phrase ("Saturday's US strikes"). An event
with no such timex is *dated by its report*: `date` is the article's publication date and
`date_precision` is "report", so that a reader can tell an inferred date from a stated one. A
publication date without a year ("--06-23") stays without one; nothing here guesses a year.

Places live in `location.py` (`event_place`, re-exported here for the coder and rules).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventline.errors import InputError
from eventline.events.args import children, clause_head, first
from eventline.events.dating_phrases import (
    names_noun,
    record_since_timex,
    shares_time,
)
from eventline.events.dating_years import past_year, year_from_month
from eventline.events.doc_text import doc_text
from eventline.events.location import clause_tokens, country_code, event_place

REPORT = "report"
__all__ = ["clause_tokens", "country_code", "event_place"]  # moved to location.py


@dataclass(frozen=True)
class FoundTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None
    date: str | None
    precision: str | None


def _normaliser() -> tuple[Callable[..., list[Any]], Callable[[str], tuple[Any, Any]]] | None:
    try:
        from eventline.events.timex import date_of, find_timexes
    except ImportError:  # the normaliser is optional: events are then dated by their report
        return None
    return find_timexes, date_of


def _tense_hint(doc: Doc) -> Callable[[int], str]:
    def hint(offset: int) -> str:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None or not len(span):
            return ""
        head = clause_head(span[0])
        if any(c.lower_ in {"will", "shall", "'ll"} for c in head.children):
            return "future"
        if head.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in head.children):
            return "past"
        return "present" if head.tag_ in ("VBZ", "VBP", "VBG") else ""

    return hint


def find_doc_timexes(doc: Doc, *, published: str | None) -> list[FoundTimex]:
    """Every temporal expression of the doc, normalised against the publication date."""
    found = _normaliser()
    if found is None:
        return []
    find, date_of = found
    try:
        matches = find(doc_text(doc), anchor=published, tense_hint=_tense_hint(doc))
    except InputError:  # an anchor the normaliser cannot read: normalise without one
        matches = find(doc_text(doc), anchor=None, tense_hint=_tense_hint(doc))
    out = []
    hint = _tense_hint(doc)
    for m in matches:
        value = year_from_month(m.value, published)
        value = past_year(value, m.text, published, hint(m.start))
        iso, precision = date_of(value)
        out.append(FoundTimex(m.start, m.end, m.text, m.type, value, m.anchor, iso, precision))
    return out


@dataclass(frozen=True)
class _Attached:
    """A timex as one clause sees it: `rank` 0 when it modifies the clause verb itself ("met
    Friday", "on Oct. 1, X launched"), 1 when it modifies one of the verb's arguments ("the
    strikes on Saturday", which often means the verb's time too)."""

    tx: FoundTimex
    rank: int


def _attachment(root: Token, relation: frozenset[str]) -> tuple[Token, int] | None:
    """(the clause verb, rank) a timex headed by `root` dates, or None when it dates something
    else: a noun the clause merely mentions ("since Pezeshkian's election in late July", "a
    reprisal for the attack earlier this month"), or an event the clause is put in relation to
    ("two weeks after the vote on Monday"). A preposition in `relation` (since, after, ...)
    puts what it governs outside the clause's time. A possessive time belongs to its noun
    alone ("condemned Saturday's strikes": the condemning may be later; `TimexIndex.in_phrase`
    dates the strikes) unless that noun is the clause's subject ("Saturday's strikes hit")."""
    noun = root.head
    if root.dep_ == "poss" and noun.pos_ == "NOUN" and noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if names_noun(root) and not shares_time(noun):
        return None  # "quit the 2015 nuclear deal": the year is the deal's, not the quitting's
    node, rank = root, 0
    for _ in range(12):
        head = node.head
        if head == node:
            return None
        if node.dep_ in ("pobj", "pcomp") and _preposition(head):
            if head.text.lower() in relation and node is not root:
                return None
            node = head
            continue
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
            return head, rank
        if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            return None
        if node is not root and not _preposition(node) and not _argument(node, root):
            return None  # inside a noun that is itself no argument of the clause
        node, rank = head, 1
    return None


def _related_noun(span: Span, relation: frozenset[str]) -> Token | None:
    """ "have strengthened ties since Brazil's invasion of Bolivia in February 2012": the
    parser often hangs the date on the clause verb (or on a noun before the relation phrase),
    but a date that directly follows a relation phrase (since, after, ...) of the same head
    dates the event that phrase names, not the head, whose own time the relation phrase
    already gives. Returns that event noun."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or not _preposition(prep) or prep.i == 0:
        return None
    host = prep.head
    before = span.doc[prep.i - 1]
    for sibling in host.children:
        if sibling.i >= prep.i or not _preposition(sibling):
            continue
        if sibling.text.lower() not in relation or sibling.right_edge != before:
            continue
        noun = first(sibling, "pobj")
        if noun is not None and noun.pos_ == "NOUN":
            return noun
    return None


def _preposition(tok: Token) -> bool:
    """A preposition, however tagged ("since" is often SCONJ)."""
    return tok.pos_ == "ADP" or tok.dep_ == "prep"


def _argument(noun: Token, root: Token) -> bool:
    """A noun the clause is about (subject, object, ...), not someone's other act ("X's
    election"): no possessor besides the timex itself."""
    return noun.dep_ in _ARGUMENT_DEPS and not any(
        c.dep_ == "poss" and c != root and root not in c.subtree for c in noun.children
    )


_UNRESOLVED = re.compile(r"XXXX-(?:WXX-\d|XX-XX)$")  # a weekday or day the anchor cannot place
_WEEKDAY = re.compile(r"XXXX-WXX-\d$")
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "npadvmod", "appos", "oprd"}


class TimexIndex:
    """Timexes of one doc keyed by the clause verb they date (see `_attachment`), the verb's
    own before its arguments'. A clause whose own day cannot be resolved ("Friday" in an
    article known only to its month) takes no other timex: it is dated by its report."""

    def __init__(self, doc: Doc, timexes: list[FoundTimex]) -> None:
        from eventline.events.patterns import lexicon  # the coder's vocabulary, cached

        relation = self.relation = lexicon().cue("timex_relation_preps")
        self.event_nouns = frozenset(lexicon().nouns)
        self.by_clause: dict[int, list[_Attached]] = {}
        self.by_token: dict[int, FoundTimex] = {}
        self.by_sentence: dict[int, list[FoundTimex]] = {}
        self.by_noun: dict[int, FoundTimex] = {}  # event nouns a misattached timex dates
        # timexes that bound a clause's time (since/until/by X), by id: never a story's time
        self.bounds: dict[int, str] = {}
        for tx in timexes:
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if (bound := _bound(span.root)) is not None:
                self.bounds[id(tx)] = bound
            if tx.date is not None:
                for tok in span:
                    self.by_token[tok.i] = tx
            if record_since_timex(span.root):
                continue  # "its biggest attack since 2022": the record's span, not a time
            if (noun := _related_noun(span, relation)) is not None:
                if tx.date is not None:
                    self.by_noun[noun.i] = tx
                continue
            attached = _attachment(span.root, relation)
            if attached is not None and tx.date is not None and id(tx) not in self.bounds:
                self.by_sentence.setdefault(span.sent.start, []).append(tx)
            if attached is not None and (tx.date is not None or _UNRESOLVED.match(tx.value)):
                verb, rank = attached
                self.by_clause.setdefault(verb.i, []).append(_Attached(tx, rank))
        for found in self.by_clause.values():  # a clause's own time before its bounds
            found.sort(key=lambda a: (a.rank, id(a.tx) in self.bounds, a.tx.date is None))

    def _own(self, verb: Token) -> _Attached | None:
        """The best timex entry of `verb`'s clause (its date None when unresolved)."""
        found = self.by_clause.get(verb.i)
        return found[0] if found else None

    def undated_own(self, verb: Token) -> bool:
        """Whether `verb`'s clause has a time of its own that cannot be placed ("Friday" in an
        article known only to its month): such a clause borrows no other event's date."""
        own = self._own(verb)
        return own is not None and own.tx.date is None

    def past_weekday_own(self, verb: Token) -> bool:
        """Whether `verb`'s clause has a weekday the anchor cannot place ("on Saturday" in an
        article without a year): a past weekday lies within the week before publication."""
        own = self._own(verb)
        return own is not None and own.tx.date is None and _WEEKDAY.match(own.tx.value) is not None

    def in_phrase(self, tok: Token) -> FoundTimex | None:
        """A dated timex inside the phrase headed by `tok` ("Saturday's US strikes"), not one
        of another event the phrase relates it to ("a meeting since his election in July")."""
        if (tx := self.by_noun.get(tok.i)) is not None:
            return tx
        claimed = {id(found) for found in self.by_noun.values()}
        for t in tok.subtree:
            if t.i in self.by_token and clause_head(t) == clause_head(tok):
                if self._related(t, tok) or id(self.by_token[t.i]) in claimed:
                    continue
                return self.by_token[t.i]
        return None

    def _related(self, tok: Token, top: Token) -> bool:
        """Whether a relation preposition (since, after, ...) governing something other than
        the timex itself stands between a timex token and `top`."""
        own = self.by_token[tok.i]
        node = tok
        for _ in range(12):
            if node.i == top.i or node.head.i == node.i:
                return False
            head = node.head
            relation = _preposition(head) and head.text.lower() in self.relation
            if relation and self.by_token.get(node.i) is not own:
                return True
            node = head
        return False

    def of_clause(self, verb: Token, *, climb: bool = True) -> FoundTimex | None:
        """A dated timex of `verb`'s clause, or of a subject-less participle under it, or of
        a participle framing the clause ("In a deal signed in 2022, Iran agreed ..."); for an
        infinitive complement without one, its governor's ("agreed on Friday to supply").
        Only the clause's own time expression dates it: a complement's bound is its action's
        ("refused to accept cuts by next year": the deadline is the demanded cuts', not the
        refusal's), "until March" ends a state rather than dating it, and a past act is
        never dated after its report ("by next year" in a told past)."""
        if own := self._own(verb):
            if own.tx.date is None:
                return None
            return own.tx if self._dates(own.tx, verb) else None
        for child in children(verb, "advcl", "xcomp"):
            if first(child, "nsubj", "nsubjpass") is None and (found := self._own(child)):
                if found.tx.date is None or id(found.tx) in self.bounds:
                    return None
                return found.tx if self._dates(found.tx, verb) else None
        for prep in children(verb, "prep"):
            for pobj in children(prep, "pobj"):
                for part in children(pobj, "acl"):
                    if part.tag_ == "VBN" and (found := self._own(part)):
                        return found.tx if found.tx.date is not None else None
        if (found := self._of_ongoing_participle(verb)) is not None:
            return found.tx if self._dates(found.tx, verb) else None
        if climb and (verb.dep_ == "xcomp" or _framed(verb)) and verb.head.pos_ == "VERB":
            return self.of_clause(verb.head, climb=False)
        return None

    def _of_ongoing_participle(self, verb: Token) -> _Attached | None:
        """ "Police fired tear gas at farmers blocking a highway on Tuesday", "detained
        activists protesting outside the base last week": the parser hangs the clause's time
        on a present participle describing what the verb's object was doing at the time, so
        that time is the verb's too. Not a participle of an event noun ("condemned the
        strikes targeting civilians on Friday": the strikes' time), nor a bound ("since")."""
        args = [*children(verb, "dobj")]
        args += [p for prep in children(verb, "prep") for p in children(prep, "pobj")]
        for arg in args:
            if arg.lemma_.lower() in self.event_nouns:
                continue
            for part in children(arg, "acl"):
                if part.tag_ != "VBG" or first(part, "nsubj", "nsubjpass") is not None:
                    continue
                found = self._own(part)
                if found is None or found.tx.date is None or id(found.tx) in self.bounds:
                    continue
                return found
        return None

    def _dates(self, tx: FoundTimex, verb: Token) -> bool:
        """Whether `tx`, a timex of `verb`'s own clause, can be its date: not the end of a
        state ("until March") nor a time the act is put before or after ("met before June
        13"), and not after the report for a past act."""
        if self.bounds.get(id(tx)) in _ENDS:
            return False
        return not (_told_past(verb) and _after_report(tx))

    def story_time(self, sent: Span) -> FoundTimex | None:
        """The time a sentence is about: its main clause's timex, else the only dated timex
        that dates one of its clauses; never a bound ("since February 2022", "until March",
        "by next year": a demand's deadline does not date the refusal told next)."""
        if own := self._own(sent.root):
            if id(own.tx) in self.bounds:
                return None
            return own.tx if own.tx.date is not None else None
        dated = self.by_sentence.get(sent.start, [])
        return dated[0] if len(dated) == 1 else None


# What a bounding preposition makes of a timex: the start or the end of a state, or a
# deadline ("by next year").
# "before March" and "after March" place the clause on one side of that time, not at it
# (`relative_bounds` dates such a clause within the interval they give).
_BOUND_PREPS = {
    "since": "start",
    "until": "end",
    "till": "end",
    "by": "deadline",
    "before": "before",
    "after": "after",
    "following": "after",
}
_ENDS = frozenset({"end", "before", "after"})


def _bound(root: Token) -> str | None:
    """How a timex headed by `root` bounds a clause's time rather than dating it: "since
    March" (start), "until March" (end), "by next year" (deadline), "before March", "after
    March" (one side of it)."""
    head = root.head
    if root.dep_ == "pobj" and _preposition(head) and head.lower_ in _BOUND_PREPS:
        return _BOUND_PREPS[head.lower_]
    return None


def _told_past(verb: Token) -> bool:
    """A simple past with no modal ("refused", not "would refuse")."""
    return verb.tag_ == "VBD" and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children
    )


def _after_report(tx: FoundTimex) -> bool:
    """Whether a timex lies after the publication date it was normalised against, compared
    at the coarser of the two precisions ("2009" after "2008-12-12")."""
    if not tx.date or not tx.anchor or not tx.date[:4].isdigit() or not tx.anchor[:4].isdigit():
        return False
    size = min(len(tx.date), len(tx.anchor))
    return tx.date[:size] > tx.anchor[:size]


_FRAME_PREPS = frozenset({"during", "in", "at", "throughout", "amid"})


def _framed(verb: Token) -> bool:
    """ "On Monday X arrived for a visit, during which he held talks with Y": a clause
    opened by "during which" (or "when") happens within the event of the clause it hangs on,
    so it takes that clause's date when it has none of its own."""
    if verb.dep_ not in ("advcl", "relcl"):
        return False
    if any(x.dep_ == "advmod" and x.text.lower() == "when" for x in verb.children):
        return True
    return any(
        x.dep_ == "prep"
        and x.text.lower() in _FRAME_PREPS
        and any(p.dep_ == "pobj" and p.text.lower() in ("which", "whom") for p in x.children)
        for x in verb.children
    )


def report_date(published: str | None) -> tuple[str | None, str | None]:
    return (published, REPORT) if published else (None, None)
