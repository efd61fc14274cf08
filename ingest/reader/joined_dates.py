"""Dates written in two pieces in one sentence: a span ("from May to July 2009") and a time of day
joined to its day ("on Friday ... at 10:30"); anchoring joins them after choosing the best date."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from timeline.ingest.reader.reference import Dating, Reference
from timeline.ingest.reader.values import names_month_without_year
from timeline.ingest.types import ParsedDate, Timex

CLOCK_ONLY = re.compile(
    r"^(?:at\s+)?(?:(?:around|about|approximately|roughly|nearly|some)\s+)?(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h|hrs|GMT|UTC|BST|[ECMP][SD]?T)?|"
    r"[0-2]\d[0-5]\d\s*(?:h|hrs|GMT|UTC|BST|[ECMP][SD]?T|local\s+time)|"
    r"noon|midnight|[a-z]+\s+o'clock)(?:\s+(?:GMT|UTC|BST|[ECMP][SD]?T|local\s+time))?$",
    re.IGNORECASE,
)


def clock_only(timex: Timex) -> bool:
    """Whether a timex is a time of day written with no day ("at 10:30", "noon"); a bare day
    of a span ("4" of "4-6 May") is a DATE, never a clock."""
    return timex.type == "TIME" and bool(CLOCK_ONLY.match(timex.text.strip()))


ABOUT = re.compile(
    r"\b(?:around|about|approximately|roughly|nearly|some|shortly\s+(?:before|after)|"
    r"just\s+(?:before|after))\s+(?:at\s+)?$",
    re.IGNORECASE,
)

ABOUT_START = re.compile(r"^(?:at\s+)?(?:around|about|approximately|roughly|nearly|some)\b", re.I)

_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)

_DASH = re.compile(r"\s?[-–]\s?")
"""A dash between two dates is a span by itself ("2019-2020", "1914–1918"), with no "from"."""

_AND = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*$", re.IGNORECASE)


def range_between(text: str, start: int, dated: list[tuple[Timex, Dating]]) -> Dating | None:
    """A span written as two dates: "between 1970 and 2000", "from May to July 2009",
    "2019-2020"."""
    for (first, one), (second, other) in itertools.pairwise(dated):
        if one.date is None or other.date is None or one.date.precision != other.date.precision:
            continue
        if names_month_without_year(first.text) and not names_month_without_year(second.text):
            one = replace(
                one, date=replace(one.date, start=other.date.start[:4] + one.date.start[4:])
            )
        gap = text[first.end - start : second.start - start]
        between = _AND.match(gap) and _BETWEEN.search(text[: first.start - start])
        if not (between or _DASH.fullmatch(gap)):
            continue
        first_date, other_date = one.date, other.date
        assert first_date is not None and other_date is not None  # checked at the loop's top
        last = other_date.end or other_date.start
        if last <= first_date.start:
            continue
        date = ParsedDate(first_date.start, first_date.precision, last, first_date.approximate)
        written = text[first.start - start : second.end - start]
        return Dating(date, one.basis, written, (first.start, second.end), one.counted_from)
    return None


def with_clock(best: Dating | None, clock: Dating, ref: Reference) -> Dating:
    """Give a bare time of day ("at 10:30") the day beside it, else the day being narrated."""
    time = clock.date.start[10:] if clock.date and len(clock.date.start) > 10 else ""
    if best is not None and best.date is not None:
        if best.date.precision != "day" or best.date.end or not time:
            return best
        approximate = best.date.approximate or bool(clock.date and clock.date.approximate)
        date = ParsedDate(best.date.start + time, "minute", approximate=approximate)
        return Dating(date, best.basis, best.text, best.span, best.counted_from)
    day = ref.narrated if ref.narrated and ref.narrated.precision == "day" else ref.news
    if day is None or not time:
        return clock
    approximate = bool(clock.date and clock.date.approximate)
    date = ParsedDate(day.start[:10] + time, "minute", approximate=approximate)
    return Dating(date, "narrative", clock.text, clock.span, day.start)
