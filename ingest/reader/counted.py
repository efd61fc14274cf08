"""Dates counted from another date: "three days later", "the following week", "within days",
a two-day visit that ends on the reported day. Anchoring asks these when an expression is a count
rather than a date."""

from __future__ import annotations

import datetime as dt
import re

from timeline.ingest.reader.clauses import tense
from timeline.ingest.reader.reference import RANK, Dating, Reference
from timeline.ingest.reader.values import date_of_value
from timeline.ingest.tagger.timex_lexicon import parse_number
from timeline.ingest.types import ParsedDate, Timex
from timeline.store.dates import (
    SEASON_MONTHS,
    SEASONS,
    add_days,
    day_of,
    iso_year,
    parts,
)

EVENT_NOUN = re.compile(
    r"\W{0,2}(?:[a-z]+-day\s+|[a-z]+-week\s+)?(?:official\s+|state\s+|working\s+|long\s+)?"
    r"(?:visit|trip|tour|stay|summit|talks|conference|meeting|mission|session|journey|exercise|"
    r"festival|event|strike|ceasefire|truce|operation|offensive|siege|hearing|trial)",
    re.IGNORECASE,
)

_COMPLETED = re.compile(
    r"\b(?:completion|completed|concluded|conclusion|ended|wrapped up|wound up|end of|close of|"
    r"closing|final day|last day|came to an end|drew to a close)\b",
    re.IGNORECASE,
)

SHIFT_AFTER = re.compile(r"^\s*(?:later|afterwards?|after\b|on\b|into\b)", re.IGNORECASE)

SHIFT_BEFORE = re.compile(r"^\s*(?:earlier|before\b|previously|prior\b)", re.IGNORECASE)

_UNIT_DAYS = {"D": 1, "W": 7}

_FOLLOWING = re.compile(
    r"the\s+(?P<dir>next|following|previous|preceding)\s+"
    r"(?P<unit>day|week|month|year|spring|summer|autumn|fall|winter)",
    re.IGNORECASE,
)
"""A period counted from the narrated date: "the following week", "the next spring"."""

_COUNTED = re.compile(
    r"(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|afterwards|after|before)",
    re.IGNORECASE,
)
"""A date written as a count from the narrated date: "a month earlier", "two weeks later"."""

_UNIT_LETTERS = {"day": "D", "week": "W", "month": "M", "year": "Y"}

_WITHIN = re.compile(r"\bwithin\s+(?:a\s+few\s+|several\s+)?$", re.IGNORECASE)

_WITHIN_DAYS = {"D": 7, "W": 42}
"""How far "within days" and "within weeks" reach when no count is given."""


def from_narrative(timex: Timex, span: tuple[int, int], ref: Reference) -> Dating | None:
    """Date "the following week", "the next spring", "a month earlier" from the date the text
    was narrating, at the expression's own precision (a week is a week); None when there is no
    narrated date fine enough, and the tagger's reading (counted from publication) stands."""
    narrated = ref.counted
    if narrated is None or narrated.end:
        return None
    text = " ".join(timex.text.split())
    following = _FOLLOWING.fullmatch(text)
    counted = None if following else _COUNTED.fullmatch(text)
    if following is None and counted is None:
        return None
    date: ParsedDate | None
    if counted is not None:
        number = parse_number(counted["count"])
        if number is None:
            return None
        sign = 1 if counted["dir"].lower() in ("later", "afterwards", "after") else -1
        date = _shift(narrated, int(number) * sign, _UNIT_LETTERS[counted["unit"].lower()])
    else:
        assert following is not None
        sign = 1 if following["dir"].lower() in ("next", "following") else -1
        date = _next_period(narrated, following["unit"].lower(), sign)
    if date is None:
        return None
    return Dating(date, "narrative", timex.text, span, narrated.start)


def _next_period(narrated: ParsedDate, unit: str, sign: int) -> ParsedDate | None:
    """The day, week, month, year or season after (sign 1) or before (-1) a narrated date."""
    when = parts(narrated.start)
    if unit in ("day", "week"):
        day = day_of(narrated.start)
        if day is None:
            return None
        if unit == "day":
            return ParsedDate((day + dt.timedelta(days=sign)).isoformat(), "day")
        week = (day + dt.timedelta(weeks=sign)).isocalendar()
        return date_of_value(f"{week.year:04d}-W{week.week:02d}", None)
    if unit == "month":
        return _shift(narrated, sign, "M")
    if unit == "year":
        return _shift(narrated, sign, "Y")
    if when.month is None:
        return None
    code = SEASONS[unit]
    first, last = SEASON_MONTHS[code]
    year = when.year
    if sign > 0:
        year += 0 if when.month < first else 1
    else:
        year -= 1 if when.month <= last else 0
    return date_of_value(f"{year:04d}-{code}", None) if year > 0 else None


def within(
    timex: Timex, span: tuple[int, int], before: str, anchor: ParsedDate | None
) -> Dating | None:
    """Date "within days" / "within weeks" in a past telling as the stretch after the narrated
    day ("within 90 days" is a deadline, not a date, and is left alone)."""
    m = re.fullmatch(r"P(X)([DW])", timex.value)
    if m is None or anchor is None or not _WITHIN.search(before):
        return None
    day = day_of(anchor.start) if RANK[anchor.precision] >= RANK["day"] else None
    if day is None:
        return None
    reach = _WITHIN_DAYS[m[2]]
    first, last = day + dt.timedelta(days=1), day + dt.timedelta(days=reach)
    date = ParsedDate(first.isoformat(), "day", last.isoformat(), approximate=True)
    written = before[_WITHIN.search(before).start() :] + timex.text  # type: ignore[union-attr]
    return Dating(date, "narrative", written.strip(), span, anchor.start)


def shifted(
    timex: Timex, span: tuple[int, int], after: str, anchor: ParsedDate | None
) -> Dating | None:
    """Count "three days later" / "a week after the talks" / "two years earlier" from the date
    the text was narrating (or a date named just before in the same sentence)."""
    forward = SHIFT_AFTER.match(after)
    shift = forward or SHIFT_BEFORE.match(after)
    if anchor is None or shift is None:
        return None
    m = re.fullmatch(r"P(\d+)([DWMY])", timex.value)
    if m is None:
        return None
    date = _shift(anchor, int(m[1]) * (1 if forward else -1), m[2])
    if date is None:
        return None
    extra = len(after[: shift.end()].rstrip())
    written = timex.text + after[:extra]
    return Dating(date, "narrative", written, (span[0], span[1] + extra), anchor.start)


def _shift(anchor: ParsedDate, count: int, unit: str) -> ParsedDate | None:
    """Move a date by count days, weeks, months or years, never finer than both allow."""
    if unit in _UNIT_DAYS:
        if RANK[anchor.precision] < RANK["day"]:
            return None
        day = add_days(anchor.start, count * _UNIT_DAYS[unit])  # BCE days count too
        return ParsedDate(day, "day", approximate=unit == "W") if day else None
    when = parts(anchor.start)
    try:
        if unit == "Y":
            return ParsedDate(iso_year(when.year + count), "year")
        if when.month is None:
            return None
        months = when.year * 12 + when.month - 1 + count
        return ParsedDate(f"{iso_year(months // 12)}-{months % 12 + 1:02d}", "month")
    except ValueError:  # counted past what the store can keep
        return None


def occurrence(
    text: str, timex: Timex, span: tuple[int, int], after: str, ref: Reference
) -> Dating | None:
    """Date an occurrence given only by its length ("a two-day visit"): it ends at the reference
    day when the sentence is past (exact when it says the occurrence is over, else approximate)."""
    m = re.fullmatch(r"P(\d+)([DW])", timex.value)
    if m is None or ref.news is None or not EVENT_NOUN.match(after):
        return None
    days = int(m[1]) * _UNIT_DAYS[m[2]]
    completed = _COMPLETED.search(text)
    if not 0 < days <= 31 or (tense(text) != "past" and not completed):
        return None
    last = dt.date.fromisoformat(ref.news.start[:10])
    first = last - dt.timedelta(days=days - 1)
    date = ParsedDate(
        first.isoformat(),
        "day",
        last.isoformat() if days > 1 else None,
        approximate=not completed,
    )
    basis = "publication" if ref.published and last == ref.published else "narrative"
    return Dating(date, basis, timex.text, span, last.isoformat(), occurrence_at=timex.start)
