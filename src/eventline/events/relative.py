"""Dates an event takes from another event of the same article, when its own clause has none.

An event without a timex of its own is first *dated by its report* (see `dating.py`). Two
kinds of evidence can do better, and both leave the event report-dated when they do not apply:

- **the same event named twice**: "the strikes" and, elsewhere, "Saturday's US strikes". A
  report-dated verb or definite noun ("the", "its": not "fresh sanctions") takes the stated
  date of events with the same trigger lemma, the same type and a shared actor country, when
  all of them agree on one date;
- **simultaneity**: "his remarks coincided with fresh sanctions": the sanctions take the date
  of the event the remarks stand for (the speaker's latest dated event before them);
- **an offset from another event**: "X, two days after Y" / "X, 48 hours before Y". When one
  side of the link is dated (by a timex of its clause, or by the rule above) and the other is
  not, the other is dated by adding or subtracting the offset. Only day-precision dates are
  shifted; hours are rounded to days;
- **before or after a dated time or happening**: "had met envoys before the June 13
  strikes" is dated within the interval the phrase gives (`relative_bounds`), before story
  time can give it the later time of the sentence before;
- **story time**: a past event of a main clause ("Netanyahu has vowed to respond", "Iran
  supplied drones") continues the time of the narrative: the timex of its own sentence's main
  clause (for a clause coordinated with it), else the time the sentence before it is about
  (`TimexIndex.story_time`); not a "fresh"/"new" one. A past event is never given the
  publication date as a stated date; with no story time it stays dated by its report. Present
  and future events, reported speech and subordinate clauses keep their report date;
- **continuation**: when the sentence before has no timex either, a past main-clause event
  that continues that sentence's dated main event (a pronoun subject, "there", "during the
  visit", or the same named person acting) takes its date, so dates chain through a narrative;
- **told events**: an event told in a report, statement or accusation ("the agency reported
  on Sunday that ... the aggression", "accused Peru on Feb. 3 of sending ...") happened no
  later than the telling: it takes the reporting act's time at that time's precision, or, for
  an undated past report of a main clause ("cited officials at the time as saying that X had
  begun ..."), the story time that report continues. Planned and hypothetical events, which
  may come after the telling, keep their report date;
- **before a dated act**: an event placed before a dated act ("condemned ... on Saturday,
  after having previously warned ...") takes that act's month, not the later publication
  date (a past weekday of a yearless article published on day 8 or later: the report month);
- **placed before, not dated**: a noun named as a cause or as an act a clause follows ("due
  to the EU ban", "talks following the aggression") and a past act marked as earlier than its
  telling ("during their most recent talks") take the month of the time they precede (the
  clause's, the telling's or the report's), never its day (`relative_prior`);
- **the same happening, other words**: once the rules above have run, a definite act noun
  ("the US attacks") takes the date of the stated events of its type and parties ("Saturday's
  US strikes") when they all agree on one.

A clause with a time of its own that cannot be placed ("Friday" in an article known only to
its month) borrows no date from anything else: it stays dated by its report.

Links between events (the same event, simultaneity, an offset, the same happening in other
words) live in `relative_links`; story time, continuation, told events and the dated act an
event precedes in `relative_story`; what they share in `relative_base`. `refine_dates` applies
them in the order above, which matters (a date found by one is evidence for the next).
"""

from __future__ import annotations

from eventline.events.args import ActorIndex
from eventline.events.dating import TimexIndex
from eventline.events.patterns import EventLexicon
from eventline.events.relative_base import Dated, redate, refers_back, shift
from eventline.events.relative_bounds import bounded_date
from eventline.events.relative_links import (
    apply_offset,
    date_from_phrase,
    same_event_date,
    simultaneous,
)
from eventline.events.relative_prior import (
    anchor_month,
    coarser,
    earlier_than_told,
    prior_items,
)
from eventline.events.relative_story import (
    before_anchor,
    continued_report,
    reported_date,
    story_date,
)
from eventline.model import EventMention

__all__ = ["Dated", "refine_dates", "shift"]


def refine_dates(
    items: list[Dated], timexes: TimexIndex, actors: ActorIndex, lex: EventLexicon
) -> list[EventMention]:
    """The events of `items`, report-dated ones dated from other events where the text allows."""
    for item in items:
        if not item.stated and (same := simultaneous(item, items, actors, lex)) is not None:
            item.event = redate(item.event, same.event.date, same.event.date_precision)
    stated = [d for d in items if d.stated]
    for item in items:
        if (
            not item.stated
            and refers_back(item.cand.trigger)
            and not timexes.undated_own(item.cand.clause)
            and (src := same_event_date(item, stated, lex)) is not None
        ):
            item.event = redate(item.event, src.date, src.date_precision)
    for item in items:
        if not item.stated and (moved := date_from_phrase(item, items, timexes, lex)) is not None:
            item.event = moved
    for item in items:
        apply_offset(item, items, timexes, lex)
    for item in items:
        if not item.stated and (bound := bounded_date(item, items, timexes)) is not None:
            item.event = redate(item.event, *bound)
    prior = prior_items(items, timexes)  # nouns named as a cause or an act followed
    for item in prior:
        if (month := anchor_month(item, timexes)) is not None:
            item.event = redate(item.event, *month)
    inherited = [item for item in prior if not item.stated]
    for item in items:
        if not item.stated and (story := story_date(item, items, timexes, lex)) is not None:
            item.event = redate(item.event, *story)
    for item in items:
        if not item.stated and (before := before_anchor(item, timexes)) is not None:
            item.event = redate(item.event, *before)
    for item in items:
        if item.stated:
            continue
        told = reported_date(item, items, timexes, lex) or continued_report(item, timexes, lex)
        if told is not None:
            item.event = redate(item.event, *told)
    for item in inherited:  # a cause or an act followed: before the day it inherited
        if item.stated and (month := coarser(item)) is not None:
            item.event = redate(item.event, *month)
    stated = [d for d in items if d.stated]
    for item in items:  # the same happening named again, now that story time dated more
        if (
            not item.stated
            and refers_back(item.cand.trigger)
            and not timexes.undated_own(item.cand.clause)
            and (src := same_event_date(item, stated, lex, other_lemmas=True)) is not None
        ):
            item.event = redate(item.event, src.date, src.date_precision)
    placed = {id(d) for d in inherited}
    for item in items:  # still dated by the report, yet placed before it
        if item.stated:
            continue
        month = coarser(item) if id(item) in placed else earlier_than_told(item, timexes)
        if month is not None:
            item.event = redate(item.event, *month)
    return [d.event for d in items]
