"""The one owner of dates: calendar words and stored ISO values (their precision, their years).

The store keeps a date as an ISO value cut to its precision with astronomical years (`0000` is
1 BCE, `-0043` is 44 BCE; see `precision_of`). Everything that names a month or reads a stored
value takes it from here, EDTF from `edtf` and dates written for people from `written_dates`, so
the tagger, ingest, the store, the exporters, the CLI and the app cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

# -- calendar words -----------------------------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first so the regex engine prefers full words."""
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""Months as written in headings (`August 2022`)."""

MONTH_ABBRS = tuple(name[:3] for name in MONTH_NAMES)
"""Months as written in dates for people (`31 Aug 2022`)."""

MONTHS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{abbr.lower(): number for number, abbr in enumerate(MONTH_ABBRS, 1)},
    "sept": 9,
}
"""Month number of every lower-case month name and abbreviation we read."""

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS: dict[str, int] = {
    **{name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)},
    **{name[:3].lower(): number for number, name in enumerate(WEEKDAY_NAMES)},
    "tues": 1,
    "thurs": 3,
}
"""Weekday number (Monday 0) of every lower-case weekday name and abbreviation we read."""

MONTH_NAME = rf"(?:{alternation(MONTH_NAMES)})"
"""Regex for a month's full name as written (`March`): a page's labels and furniture."""
MONTH_WRITTEN = rf"(?:{alternation({*MONTH_NAMES, *MONTH_ABBRS, 'Sept'})})"
"""Regex for a month's name or abbreviation as written (`March`, `Mar`, `Sept`)."""
WEEKDAY_NAME = rf"(?:{alternation(WEEKDAY_NAMES)})"
"""Regex for a weekday's full name as written (`Tuesday`)."""
WEEKDAY_WRITTEN = (
    rf"(?:{alternation({*WEEKDAY_NAMES, *(w[:3] for w in WEEKDAY_NAMES), 'Tues', 'Thurs'})})"
)
"""Regex for a weekday's name or abbreviation as written (`Tuesday`, `Tue`, `Tues`)."""
MONTH_WORD = rf"(?:{alternation(MONTHS)})"
"""Regex for a month name or abbreviation (use with IGNORECASE and word bounds)."""
WEEKDAY_WORD = rf"(?:{alternation(WEEKDAYS)})"
"""Regex for a weekday name or abbreviation (use with IGNORECASE and word bounds)."""

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
"""Season words and their TIMEX3 codes."""

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
"""First and last month of each season code (northern meteorological seasons; winter runs
into the next year, month 14 being February after)."""

DAYPART_CODES = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
"""Parts of the day and their TIMEX3 codes."""

FIXED_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17),
    "may day": (5, 1),
    "bastille day": (7, 14),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "armistice day": (11, 11),
    "remembrance day": (11, 11),
}
"""Holidays on the same month and day every year (the moving ones are computed by the tagger)."""

BEFORE_ERA = r"b\.\s?c\.(?:\s?e\.)?|bce|bc"
"""Regex for the words that mark a year before the common era: BC, B.C., BCE, B.C.E."""
COMMON_ERA = r"a\.\s?d\.|c\.\s?e\.|ad|ce"
"""Regex for the words that mark a year of the common era: AD, A.D., CE, C.E."""

FIRST_YEAR = -9999
"""Earliest astronomical year the store keeps (10000 BCE): its sort value counts from there."""
LAST_YEAR = 9999
"""Latest year the store keeps: ISO values have four year digits."""

UNDATED = "undated"
"""What a reader sees for an event without a date."""


class YearOutOfRange(ValueError):
    """A year the store cannot keep (after 9999 or before 10000 BCE); the message is one line."""


# -- ISO values -----------------------------------------------------------------------------------


def iso_year(year: int) -> str:
    """Write an astronomical year as the store does (`-43` -> `-0043`, `2022` -> `2022`).

    Raises:
        YearOutOfRange: the year is past 9999 or before 10000 BCE.
    """
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise YearOutOfRange(f"year {year_text(year)} is outside what can be stored")
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def astronomical(number: int, before: bool) -> int:
    """The astronomical year of a year counted by era: 44 BCE is -43, 1 BCE is 0, AD 79 is 79."""
    return 1 - number if before else number


def year_of(iso: str) -> str:
    """The year part of an ISO value (`-0043` of `-0043-03`, `2022` of `2022-08`)."""
    return iso[:5] if iso.startswith("-") else iso[:4]


def period_prefix(iso: str, width: int) -> str:
    """Cut an ISO value to a period: `width` 4 the year, 7 the month, whatever the year's sign."""
    return iso[: width + iso.startswith("-")]


@dataclass(frozen=True, slots=True)
class Parts:
    """The pieces of one stored ISO value; month, day, hour and minute are None when coarser."""

    year: int
    month: int | None
    day: int | None
    hour: int | None
    minute: int | None


def parts(iso: str) -> Parts:
    """Split a stored ISO value (`-0043`, `2022-08`, `2022-08-31T14:30`) into numbers."""
    date_part, _, clock = iso.partition("T")
    sign = -1 if date_part.startswith("-") else 1
    pieces = date_part.lstrip("-").split("-")
    hour = minute = None
    if clock:
        hour, minute = int(clock[:2]), int(clock[3:5])
    return Parts(
        year=sign * int(pieces[0]),
        month=int(pieces[1]) if len(pieces) > 1 else None,
        day=int(pieces[2]) if len(pieces) > 2 else None,
        hour=hour,
        minute=minute,
    )


def iso_of(p: Parts) -> str:
    """Write parts back as a stored ISO value, as fine as the parts go (the inverse of `parts`)."""
    text = iso_year(p.year)
    if p.month is not None:
        text += f"-{p.month:02d}"
        if p.day is not None:
            text += f"-{p.day:02d}"
            if p.hour is not None:
                text += f"T{p.hour:02d}:{p.minute or 0:02d}"
    return text


def day_of(iso: str | None) -> dt.date | None:
    """The calendar day of a value written to the day or finer; None when coarser, undated or
    before 1 CE, which Python's dates cannot hold (so day arithmetic skips BCE dates)."""
    if not iso or iso[0] == "-" or len(iso) < 10 or iso[:4] == "0000":
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


GREGORIAN_CYCLE = 400
"""Years after which the Gregorian calendar repeats day for day (146,097 days, whole weeks)."""


def add_days(iso: str, days: int) -> str | None:
    """The day `days` after a value written to the day or finer (before it when negative), BCE
    too: a year before 1 CE is moved by whole Gregorian cycles into the years Python's dates
    hold, counted there and moved back. None when coarser than a day or outside what the store
    keeps."""
    p = parts(iso)
    if p.month is None or p.day is None:
        return None
    near = p.year <= GREGORIAN_CYCLE  # counting back from the first years may cross 1 CE
    cycles = (GREGORIAN_CYCLE - p.year) // GREGORIAN_CYCLE + 1 if near else 0
    try:
        day = dt.date(p.year + cycles * GREGORIAN_CYCLE, p.month, p.day)
        day += dt.timedelta(days=days)
        return iso_of(Parts(day.year - cycles * GREGORIAN_CYCLE, day.month, day.day, None, None))
    except (ValueError, OverflowError):  # a date no calendar has, or past what can be kept
        return None


def is_bce(iso: str | None) -> bool:
    """True for a value before 1 CE (ISO year 0000 or negative)."""
    return bool(iso) and (iso[0] == "-" or iso[:4] == "0000")  # type: ignore[index]


def historical_year(year: int) -> int:
    """The year as historians number it, negative for BCE: ISO 0 is -1 (1 BCE), -43 is -44."""
    return year if year > 0 else year - 1


def year_text(year: int, *, era: bool = True) -> str:
    """An astronomical year for readers: `2022`, `14`, `44 BCE` for -43 (`44` without `era`)."""
    if year > 0:
        return str(year)
    return f"{1 - year} BCE" if era else str(1 - year)


PRECISIONS = ("year", "month", "day", "minute")
"""Precisions a date may have, coarsest first."""


def _days_in_month(year: int, month: int) -> int:
    """Days of a month in the proleptic Gregorian calendar, for any astronomical year."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


_ISO_YEAR = r"-?[0-9]{4}"
_MM, _DD, _CLOCK = (
    r"-(?:0[1-9]|1[0-2])",
    r"-(?:0[1-9]|[12][0-9]|3[01])",
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]",
)
_ISO_MONTH = _ISO_YEAR + _MM
_ISO_DAY = _ISO_MONTH + _DD
_ISO_MINUTE = _ISO_DAY + _CLOCK
ISO_VALUE = rf"{_ISO_YEAR}(?:{_MM}(?:{_DD}(?:{_CLOCK})?)?)?"
"""Regex for a stored ISO value at any precision; a day it matches may still be no day of its
month (`2022-02-30`): `precision_of` checks the calendar."""
_ISO_BY_LENGTH = {
    4: ("year", re.compile(_ISO_YEAR)),
    7: ("month", re.compile(_ISO_MONTH)),
    10: ("day", re.compile(_ISO_DAY)),
    16: ("minute", re.compile(_ISO_MINUTE)),
}


@functools.lru_cache(maxsize=1 << 16)
def precision_of(iso: str) -> str | None:
    """Return the precision an ISO date string is written to, or None if it is not one of ours.

    Years are astronomical (`0000` is 1 BCE, `-0043` is 44 BCE; `-0000` is not a year).
    Days are checked against the proleptic Gregorian calendar (`2022-02-30`, `-0044-02-31`
    are not dates).
    """
    negative = iso[:1] == "-"
    entry = _ISO_BY_LENGTH.get(len(iso) - negative)
    if entry is None or not entry[1].fullmatch(iso):
        return None
    if negative and iso[1:5] == "0000":
        return None
    if entry[0] in ("day", "minute"):
        year = int(iso[: 4 + negative])
        month, day = int(iso[5 + negative : 7 + negative]), int(iso[8 + negative : 10 + negative])
        if day > _days_in_month(year, month):
            return None
    return entry[0]
