"""What the story layer reads and returns: mentions, the date an event takes, and day spans.

A *mention* is one source's sentence telling a happening, with the date as that sentence gives it;
an *event* is the happening, one or more mentions and the date their evidence supports.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

REPORT_WINDOW_DAYS = 3
"""A 'report' mention (no date of its own, placed at its news day) may tell a happening dated up
to this many days before its news day: news reports what happened in the last few days."""

BASIS_RANK = {"": 4, "expression": 3, "publication": 2, "narrative": 2, "report": 1}
"""Weight of evidence by where a date came from: typed by a person, written in the sentence,
counted from publication or from the narrated date, or only the day the news told it."""

PRECISION_RANK = {"year": 0, "month": 1, "day": 2, "minute": 3}
"""Precisions from coarse to fine, as the store names them."""


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What the store hands the story layer for each mention.

    `start`/`end` are ISO values cut to `precision` (the store's names: 'year', 'month', 'day',
    'minute'). `basis` is '' (typed), 'expression', 'publication', 'narrative' or 'report'.
    `held_event` is set when a person put the mention in an event by hand: it must stay there.
    `kept` is whether the reader's filter kept the sentence as an event (kind "event"), not
    only as support.
    """

    id: int
    source_id: int | None
    published: str | None
    start: str | None
    end: str | None
    precision: str | None
    approximate: bool
    basis: str
    quote: str
    title: str
    position: int
    held_event: int | None = None
    kept: bool = True


@dataclass(frozen=True, slots=True)
class DateChoice:
    """The date an event takes and why: the mention it follows and a reason for every mention.

    `conflict` is True when some mention disagrees beyond its precision (a 'report' mention later
    than the date is no conflict: it only says "by then"). `reasons` pairs mention ids with text.
    """

    start: str | None
    end: str | None
    precision: str | None
    approximate: bool
    mention: int
    conflict: bool
    reasons: tuple[tuple[int, str], ...]

    def day(self) -> dt.date | None:
        """The event's day when it is dated to a day or finer, else None."""
        if self.start is None or PRECISION_RANK.get(self.precision or "", 0) < 2:
            return None
        return dt.date.fromisoformat(self.start[:10])


def span(start: str | None, end: str | None, precision: str | None) -> tuple[dt.date, dt.date]:
    """First and last day a date at its precision can mean (a year: its whole year).

    Raises:
        ValueError: `start` is None or not an ISO date.
    """
    if start is None:
        raise ValueError("an undated mention has no span")
    first, _ = _bounds(start, precision)
    _, last = _bounds(end or start, precision)
    return first, max(first, last)


@functools.lru_cache(maxsize=4096)
def _bounds(value: str, precision: str | None) -> tuple[dt.date, dt.date]:
    """First and last day of one ISO value cut to a precision."""
    by_length = 2 if len(value) >= 10 else 1 if len(value) >= 7 else 0
    rank = PRECISION_RANK.get(precision or "", by_length)
    year = int(value[:4])
    if rank == 0 or len(value) < 7:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(value[5:7])
    if rank == 1 or len(value) < 10:
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), after - dt.timedelta(days=1)
    day = dt.date.fromisoformat(value[:10])
    return day, day


def mention_span(mention: MentionFacts) -> tuple[dt.date, dt.date] | None:
    """The days a mention's date may mean; a 'report' mention reaches back a few days.

    None when the mention is undated.
    """
    if mention.start is None:
        return None
    first, last = span(mention.start, mention.end, mention.precision)
    if mention.basis == "report":
        first -= dt.timedelta(days=REPORT_WINDOW_DAYS)
    return first, last


def published_day(mention: MentionFacts) -> dt.date | None:
    """The day the mention's article was published, if known."""
    return dt.date.fromisoformat(mention.published[:10]) if mention.published else None
