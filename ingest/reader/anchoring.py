"""The anchoring model: which date an event gets, and what that date was counted from.

An event's date comes from, in order:

1. a date expression in its own sentence, resolved against the right reference: the text itself
   for absolute dates ("31 Aug 2022", "in 2012"); the publication date for news expressions
   ("yesterday", "on Tuesday", "last year"); the date the text was just narrating for narrative
   ones ("three days later", "the next day", "that evening", "a week after the talks");
2. for a sentence that reports a happening but has no date of its own, the reference time: the
   day the article is reporting (the publication date, or the recent day its lead named),
   marked approximate;
3. otherwise no event.

Tense decides direction: a past sentence never gets a date after publication, a future one may.
A date is never finer than its expression. Each result says how it was reached (`Dating.basis`,
the expression and what it was counted from) so a reader can check it. Nothing reads the clock.
Counts from another date ("three days later") are read in `counted`; a span or a time of day
written apart from its day is joined in `joined_dates`; where a sentence's second dated clause
begins (it is dated on its own) is found in `coordination`; where a sentence with no date of its
own goes (rule 2) is `undated`'s work, and a date naming a thing already done looks back
(`done_things`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from timeline.ingest.reader.asides import (
    about_the_subject,
    aims_at,
    in_aside,
    in_attribution,
    in_background_phrase,
    in_comparison,
    in_object_relative,
    in_participle_aside,
    in_reduced_relative,
    in_subject_relative,
    measured_against,
    names_a_thing,
    names_the_time,
    quotation_around,
    since_a_happening,
)
from timeline.ingest.reader.clauses import present_perfect, tense
from timeline.ingest.reader.coordination import second_clause
from timeline.ingest.reader.counted import (
    SHIFT_AFTER,
    SHIFT_BEFORE,
    from_narrative,
    occurrence,
    shifted,
    within,
)
from timeline.ingest.reader.done_things import done_looks_back
from timeline.ingest.reader.joined_dates import (
    ABOUT,
    ABOUT_START,
    clock_only,
    range_between,
    with_clock,
)
from timeline.ingest.reader.reference import RANK, Dating, Reference
from timeline.ingest.reader.time_clauses import in_time_clause
from timeline.ingest.reader.titles import FIRST_SINCE
from timeline.ingest.reader.undated import REPORT_THAT, at_reference
from timeline.ingest.reader.values import (
    date_of_value,
    is_after,
    most_recent,
    names_month_without_year,
    out_of_range,
)
from timeline.ingest.reader.verb_forms import past_verbs
from timeline.ingest.types import ParsedDate, Timex
from timeline.store.dates import (
    BEFORE_ERA,
    COMMON_ERA,
)

_NARRATIVE = re.compile(
    r"\bthe\s+(?:next|following|previous|preceding|same|day\s+(?:before|after))\b|\bthat\b",
    re.IGNORECASE,
)
"""Expressions counted from the narrated date ("the next day", "that evening"); "next month"
without "the" is counted from publication."""
_WOULD = re.compile(r"\b(?:would|will|shall|'ll|’ll|going\s+to|to\s+be)\b", re.IGNORECASE)
_ABSOLUTE = re.compile(
    r"\b\d{4}\b|'\d\d\b|’\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    rf"|(?:\b\d{{1,4}}|century)\s*(?:{BEFORE_ERA}|{COMMON_ERA})|\b(?:{COMMON_ERA})\s*\d",
    re.IGNORECASE,
)
_VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_CLAIMED = re.compile(
    r"\b(?:alleged|alleges|allege|testified|testifies|argued|argues|contended|contends|"
    r"accused|accuses|insisted|insists|told\s+(?:the\s+)?(?:jury|jurors|court|judge|hearing|"
    r"inquiry|panel))\b(?:\s+[\w,]+){0,5}?\s+that\b[^.;:“”\"]*$",
    re.IGNORECASE,
)
"""What a court, a trial or a dispute hears: an allegation, testimony, an argument. Saying it is
the news (JUDGING: "testimony"); a date inside what is claimed dates the claim's content."""
_CLOCKED = re.compile(r"\d[:.]\d\d")
_LOCAL_FUTURE = re.compile(r"\b(?:will|shall)\s+(?:[a-z]+\s+){0,6}$")
"""A "will" in the clause just before an expression, with no break: that clause looks ahead."""
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?P<clause>[^,;:()–—]{3,160})$", re.IGNORECASE)
"""A "since" clause still open before an expression ("missing since the tower fell on")."""


def _in_since_clause(before: str) -> bool:
    """Whether an expression stands in a "since" clause with a verb of its own ("has been missing
    since the tower fell on Tuesday"): its day is the fall's, never what the main clause tells."""
    found = _SINCE_CLAUSE.search(before[-200:])
    return found is not None and bool(past_verbs(found["clause"]))


_PERFECT_STATE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been|stayed|remained|lived|worked|served|fought|"
    r"grown|risen|fallen|run|held|kept|led)\b",
    re.IGNORECASE,
)
"""A perfect that tells of a state lasting since a date ("has been closed since 2019")."""


LOOK_BACK = 400
"""Characters before an expression read for what governs it ("said it would", "since", "up
from"): a clause's reach. Reading the whole sentence before each expression made a sentence
of thousands of dates (a table flattened into one line) quadratic."""


def looking_back(text: str, at: int) -> str:
    """The text just before an offset, at most LOOK_BACK characters of it."""
    return text[max(0, at - LOOK_BACK) : at]


def date_sentence(
    text: str, start: int, timexes: Sequence[Timex], ref: Reference, happening: bool
) -> Dating | None:
    """Date one sentence by the anchoring model (see the module docstring).

    Args:
        text: the sentence.
        start: its offset in the article (timex offsets are article offsets).
        timexes: the timexes inside the sentence, in text order.
        ref: the article's reference dates so far (read, not changed: see Reference.advance).
        happening: whether the sentence reports a happening (for rule 2).

    Returns:
        The dating, or None when the sentence gives no event. A dating whose date is None is a
        relative expression we cannot place (no publication date).
    """
    split = second_clause(text, start, timexes)
    if split is not None:  # the second clause is a happening of its own (see `second_clause`)
        timexes = [t for t in timexes if t.start - start < split]
    direction = tense(text)
    best: Dating | None = None
    unresolved: Dating | None = None
    clock: Dating | None = None
    vetoed = False
    dated: list[tuple[Timex, Dating]] = []
    aside: ParsedDate | None = None
    attributed: Dating | None = None
    naming: Dating | None = None
    described: Dating | None = None
    named: set[ParsedDate] = set()
    for timex in timexes:
        before = looking_back(text, timex.start - start)
        point = timex.type in ("DATE", "TIME")
        if in_aside(before) or (
            point
            and (
                in_subject_relative(text, timex.start - start)
                or in_object_relative(text, timex.start - start)
                or in_reduced_relative(text, timex.start - start, timex.end - start)
            )
        ):
            aside = date_of_value(timex.value, ref.published) or aside
            continue  # "Obi, who joined in August, scored": August is background
        if aims_at(before):
            continue  # "the ferry, due to sail on Friday,": a plan's day, not what is told
        if in_participle_aside(before):
            # "Jobs, born on 24 February 1955, ...": a date of its own, and what a later
            # "two years later" in the same sentence counts from, never the main clause's
            aside = date_of_value(timex.value, ref.published) or aside
            describes = about_the_subject(before)
            if describes == "origin":
                continue
            if describes == "other":
                found = date_timex(text, start, timex, ref, direction, aside)
                if found is not None and found is not VETO and found.date is not None:
                    described = described or found  # "The cap, installed on Monday, is ...":
                continue  # the installing's day, only when the sentence has none of its own
        found = date_timex(text, start, timex, ref, direction, aside)
        if found is not None and found is not VETO and found.date is not None:
            found = done_looks_back(found, before, timex, text[timex.end - start :], ref)
        if found is VETO:
            vetoed = True
            continue
        if found is None:
            continue
        if found.date is None:
            unresolved = unresolved or found
            continue
        if clock_only(timex):
            if ABOUT.search(looking_back(text, timex.start - start)) or ABOUT_START.match(
                timex.text
            ):
                found = replace(found, date=replace(found.date, approximate=True))
            clock = clock or found
            continue
        if in_attribution(before):
            attributed = attributed or found  # the source's date: only when nothing else
            continue
        if in_background_phrase(before, timex.text):
            continue  # "their experience during Hurricane Kell in 2005": the storm's year
        if names_a_thing(before, timex.text, text[timex.end - start :]):
            if timex.type == "DATE" and found.date and found.date.precision == "day":
                named.add(found.date)
            if not measured_against(before) and names_the_time(
                before, timex.text, text[timex.end - start :]
            ):  # "The 1989 spill killed ...", "In a 2026 interview, ...": only when nothing else
                naming = naming or found
            continue  # "caused the 14 March blast": which blast, never when
        dated.append((timex, found))
        counted_in_sentence = aside is not None and found.counted_from == aside.start
        if best is None or counted_in_sentence or _finer(found.date, best.date):  # type: ignore[arg-type]
            best = found
    fallback = attributed or naming or described
    if fallback is not None and best is not None and _vaguer(best):
        best = fallback  # "the 2009 book ... in the 21st Century": a year beats a vague stretch
    best = best or fallback
    ranged = range_between(text, start, dated)
    if ranged is None and best is not None and dated and dated[-1][1] is not best:
        best = replace(best, last=dated[-1][1].date)
    best = ranged or best
    if clock is not None:
        best = with_clock(best, clock, ref)
    if best is not None:
        steps = direction == "past" and not REPORT_THAT.search(text) and not present_perfect(text)
        return replace(best, steps=steps) if steps else best
    if unresolved is not None:
        return unresolved
    if vetoed or not happening or direction == "future":
        return None
    dating = at_reference(text, ref)
    if dating is not None and len(named) == 1:
        dating = replace(dating, named=next(iter(named)))
    return dating


def _vaguer(dating: Dating) -> bool:
    """Whether a dating is vaguer than a bare year: a century or decade, or "the year"."""
    date = dating.date
    if date is None or RANK[date.precision] > RANK["year"]:
        return False
    return bool(date.end) or dating.text.lower().startswith("the ")


def _finer(date: ParsedDate, than: ParsedDate | None) -> bool:
    """Whether a date is a better dating than another: finer, or as fine and exact."""
    if than is None or RANK[date.precision] != RANK[than.precision]:
        return than is None or RANK[date.precision] > RANK[than.precision]
    return bool(than.approximate or than.end) and not (date.approximate or date.end)


VETO = Dating(None, "veto")
"""A timex that says the sentence is no dated occurrence: a length of time ("grew for three
years"), a repetition ("every week"), or a date on the wrong side of publication for the
sentence's tense. Such a sentence is not placed at the reference. ("Since 2012" is no veto: it
dates the start of what the sentence tells of.)"""


def date_timex(
    text: str,
    start: int,
    timex: Timex,
    ref: Reference,
    direction: str,
    aside: ParsedDate | None = None,
) -> Dating | None:
    """Date a sentence from one of its timexes; None when the timex says nothing of the date
    ("now", a future plan inside a past report), VETO when it rules the sentence out."""
    local = timex.start - start
    span = (timex.start, timex.end)
    after = text[timex.end - start :]
    before = looking_back(text, local)
    if timex.type == "DURATION":
        if timex.value.startswith("PT"):
            return None  # "after 17 minutes", "an hour after lift-off": within the day
        shift = SHIFT_AFTER.match(after) or SHIFT_BEFORE.match(after)
        if shift and quotation_around(text, local) is not None:
            return None  # "“a year after launching it, we ...”": the speaker's time, not ours
        if shift and in_time_clause(before):
            return None  # "since he flew out two days after the blast": the flight's day
        found = (
            shifted(timex, span, after, aside or ref.counted)
            or (direction == "past" and within(timex, span, before, aside or ref.counted))
            or occurrence(text, timex, span, after, ref)
        )
        if found is not None or REPORT_THAT.search(before) or REPORT_THAT.search(after):
            return found  # a length inside what someone said does not rule out the saying
        return VETO
    if timex.type not in ("DATE", "TIME"):
        return VETO
    if timex.value in _VAGUE_VALUES:
        return None
    if direction == "past" and _in_future_report(before):
        return None  # "announced that it would ship in 2007": the announcement is the event
    if _in_guess_report(before):
        return None  # "said up to 900 may have died in last week's storm": the saying is news
    if _WINDOW_WORDS.match(timex.text) and _WINDOW_BEFORE.search(before) and present_perfect(text):
        return None  # "has risen by $2bn in the last month": a stretch up to now, not a day
    if _CLAIMED.search(before[-300:]) and timex.type == "DATE" and not _CLOCKED.search(timex.text):
        return None  # "the prosecution alleged that the drug caused his death in June 2029":
        # the allegation is the news, on its own day; the date is what it is about
    if direction == "past" and _LOCAL_FUTURE.search(before):
        direction = "future"  # "was refused bail and will learn his sentence on 29 November": ahead
    first = FIRST_SINCE.search(before)  # "the first visit since 2009": the last visit's year
    if _SINCE.search(before) and not _PERFECT_STATE.search(text) and not first:
        return None  # "his fifth trip since the April 20 explosion": a count, not a date
    if (_in_since_clause(before) or since_a_happening(before)) and not first:
        return None  # "missing since the tower fell on Tuesday", "has leaked since the blast on
        # 14 March": the fall's or the blast's day, not the state's
    if in_time_clause(before) and not first:
        return None  # "Until the leak was capped on 9 May, the board kept ...": the capping's day
    if in_comparison(before) and not first:
        return None  # "up from 14 in 2018": the yardstick, not the happening
    quoted = quotation_around(text, local)
    if quoted is not None and direction == "past" and tense(quoted) == "future":
        return None  # "“The second half will be tougher,” she said": the saying is the event
    narrative = from_narrative(timex, span, ref)
    if narrative is not None:
        return narrative
    published = ref.published
    date = date_of_value(timex.value, published)
    if date is not None and date.approximate and _WHOLE_DECADE.fullmatch(timex.text):
        date = replace(date, approximate=False)  # "the 1990s" is its ten years, as typed
    if date is None and out_of_range(timex.value):
        return VETO  # "in 12000 BC": a date we cannot store, never the news day instead
    if date is None:
        if published is None and ("X" in timex.value or timex.value.endswith("_REF")):
            return Dating(None, "publication", timex.text, span)
        return None
    looks_back = direction == "past" or _SINCE.search(before) is not None
    if looks_back and is_after(date, published):  # "since the April 20 blowout" looks back
        if re.search(r"\b(?:for|until|till|to|by)\s+(?:\w+\s*(?:,|and|or)\s+)?$", before):
            return None  # "cancelled sailings for Thursday", "delayed the trial until May":
            # the date named is a target; the cancelling or delaying is the event
        if not names_month_without_year(timex.text):
            return VETO
        date = most_recent(date, published)
    return _basis(timex, span, date, ref)


def _basis(timex: Timex, span: tuple[int, int], date: ParsedDate, ref: Reference) -> Dating:
    """Say what a resolved expression was counted from."""
    if _ABSOLUTE.search(timex.text):
        return Dating(date, "expression", timex.text, span)
    if _NARRATIVE.search(timex.text) and ref.narrated is not None:
        return Dating(date, "narrative", timex.text, span, ref.narrated.start)
    counted = ref.published.isoformat() if ref.published else None
    return Dating(date, "publication", timex.text, span, counted)


_WHOLE_DECADE = re.compile(r"(?:the\s+)?(?:(?:1[0-9]|20)\d0|['’]\d0)['’]?s", re.IGNORECASE)
"""A decade named whole ("the 1990s", "the '90s"): exactly its ten years; "the mid-1990s" and
"the early '90s" stay approximate."""
_GUESS = re.compile(
    r"\b(?:may|might|could|must)\s+have\b|\b(?:assumption|assume|believed|feared|likely|"
    r"possible|possibly|probably)\b",
    re.IGNORECASE,
)
"""A guess about the past inside what someone said: "may have died", "a reasonable assumption"."""
_WINDOW_WORDS = re.compile(
    r"^(?:the\s+)?(?:last|past)\s+(?:few\s+|\w+\s+)?(?:days?|weeks?|months?|years?)$", re.I
)
_WINDOW_BEFORE = re.compile(r"\b(?:in|over|during|within|for)\s+(?:the\s+)?$", re.IGNORECASE)
"""A window up to now: "in the last month", "over the past few weeks"."""


def _in_guess_report(before: str) -> bool:
    """Whether an expression stands in a guess someone reported ("told reporters it was a fair
    assumption that 900 may have died in"): the date is the guess's, the news is the saying."""
    reports = list(REPORT_THAT.finditer(before))
    return bool(reports) and bool(_GUESS.search(before[reports[-1].end() :]))


def _in_future_report(before: str) -> bool:
    """Whether what precedes an expression is a report of something to come ("said it would")."""
    reports = list(REPORT_THAT.finditer(before))
    return bool(reports) and bool(_WOULD.search(before[reports[-1].end() :]))
