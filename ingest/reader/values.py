"""Turn TIMEX3 values into the dates events get, at the precision the text gave.

Nothing here reads the clock: the publication date is passed in."""

from __future__ import annotations

import datetime as dt
import re

from timeline.ingest.types import ParsedDate
from timeline.store.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    MONTH_WORD,
    SEASON_MONTHS,
    astronomical,
    iso_year,
    precision_of,
)

_PARTS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}


def date_of_value(value: str, published: dt.date | None) -> ParsedDate | None:
    """Turn a TIMEX3 DATE/TIME value into the date an event gets, or None when unusable.

    Exact values keep their precision (`2022` year, `2022-08` month, `2022-08-31` day,
    `2022-08-31T14:30` minute). Weeks, quarters, halves, seasons and decades become approximate
    ranges. `PRESENT_REF`/`PAST_REF` are placed at publication, approximate. A value whose year is
    unknown (`XXXX-08-31`) takes the publication year, or the one before when that would be later.
    """
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2}))?|T(MO|AF|EV|NI|DT))?", value)
    if m:
        day = _valid_day(int(m[1]), int(m[2]), int(m[3]))
        if day is None:
            return None
        if m[4]:
            return _moment(day, int(m[4]), int(m[5] or 0))
        return ParsedDate(day.isoformat(), "day", approximate=bool(m[6]))
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return ParsedDate(value, "month")
    if re.fullmatch(r"\d{4}", value):
        return ParsedDate(value, "year")
    return _era_value(value) or _range_of_value(value) or _relative_value(value, published)


def out_of_range(value: str) -> bool:
    """Whether a TIMEX3 value names a year the store cannot keep ("12000 BC" is `BC12000`, "AD
    12000" is `12000`): its sentence has a date, just not one we can store."""
    m = re.fullmatch(r"(BC)?(\d{4,6})(?:-.*)?", value)
    if m is None:
        return False
    year = astronomical(int(m[2]), bool(m[1]))
    return not FIRST_YEAR <= year <= LAST_YEAR


def _era_value(value: str) -> ParsedDate | None:
    """Dates for years before the common era: `BC0044` (44 BCE, stored `-0043`), `BC0044-03-15`,
    and centuries (`BC04`, the 5th century BCE: 500 to 401 BCE)."""
    m = re.fullmatch(r"BC(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m:
        year = iso_year(astronomical(int(m[1]), True))
        iso = "-".join(part for part in (year, m[2], m[3]) if part)
        precision = precision_of(iso)
        return ParsedDate(iso, precision) if precision else None
    m = re.fullmatch(r"BC(\d{2})", value)
    if m:
        first, last = (int(m[1]) + 1) * 100, int(m[1]) * 100 + 1
        start, end = iso_year(astronomical(first, True)), iso_year(astronomical(last, True))
        return ParsedDate(start, "year", end, approximate=True)
    return None


def _moment(day: dt.date, hour: int, minute: int) -> ParsedDate | None:
    """A minute on `day`; None for a time no clock shows. TIMEX3's `T24:00` ("midnight on
    Monday") is Monday at day precision: news writes it for the night's first minutes as often
    as for its last ("shortly after midnight on 24 March"), so only the day is sure."""
    if (hour, minute) == (24, 0):
        return ParsedDate(day.isoformat(), "day")
    if hour > 23 or minute > 59:
        return None
    return ParsedDate(f"{day.isoformat()}T{hour:02d}:{minute:02d}", "minute")


def _range_of_value(value: str) -> ParsedDate | None:
    """Dates for weeks, weekends, quarters, halves, seasons, decades and centuries."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        try:
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6 if m[3] else 1)
        except ValueError:
            return None
        last = first + dt.timedelta(days=1 if m[3] else 6)
        return ParsedDate(first.isoformat(), "day", last.isoformat(), approximate=True)
    m = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)", value)
    if m:
        year = int(m[1])
        first_month, last_month = _PARTS.get(m[2]) or SEASON_MONTHS[m[2]]
        end_year = year + (last_month - 1) // 12
        end_month = (last_month - 1) % 12 + 1
        season = m[2] not in _PARTS  # a quarter is an exact span of months, a season is not
        return ParsedDate(
            f"{year}-{first_month:02d}", "month", f"{end_year}-{end_month:02d}", season
        )
    if re.fullmatch(r"\d{2,3}", value):
        width = 10 ** (4 - len(value))
        first_year = int(value) * width
        last_year = first_year + width - 1
        return ParsedDate(f"{first_year:04d}", "year", f"{last_year:04d}", approximate=True)
    return None


def _relative_value(value: str, published: dt.date | None) -> ParsedDate | None:
    """Dates for references to the present or past and for values missing their year."""
    if published is None:
        return None
    if value == "PRESENT_REF":
        return ParsedDate(published.isoformat(), "day", approximate=True)
    if value == "PAST_REF":
        return ParsedDate(f"{published.year:04d}", "year", approximate=True)
    m = re.fullmatch(r"XXXX-(\d{2})(?:-(\d{2}))?", value)
    if m:
        month, day = int(m[1]), int(m[2] or 1)
        year = published.year
        if _valid_day(year, month, day) is None or (month, day) > (published.month, published.day):
            year -= 1
        found = _valid_day(year, month, day)
        if found is None:
            return None
        start = found.isoformat() if m[2] else found.isoformat()[:7]
        return ParsedDate(start, "day" if m[2] else "month", approximate=True)
    return None


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers name no real day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def is_after(date: ParsedDate, published: dt.date | None) -> bool:
    """Whether a date begins after the publication day (compared at the date's own precision)."""
    if published is None:
        return False
    day = published.isoformat()
    return date.start[:10] > day[: len(date.start[:10])]


_MONTH_NAME = re.compile(rf"\b{MONTH_WORD}\b\.?", re.IGNORECASE)


def names_month_without_year(text: str) -> bool:
    """Whether a date expression names a month but no year ("5 September", "in February")."""
    return bool(_MONTH_NAME.search(text)) and not re.search(r"\d{4}|'\d{2}\b", text)


def most_recent(date: ParsedDate, published: dt.date | None) -> ParsedDate:
    """Move a date whose year was inferred back by whole years until it is not after publication."""
    for _ in range(2):
        if not is_after(date, published):
            break
        date = ParsedDate(
            _earlier_year(date.start),
            date.precision,
            _earlier_year(date.end) if date.end else None,
            date.approximate,
        )
    return date


def _earlier_year(iso: str) -> str:
    """The same ISO date one year earlier (29 February becomes 28 February)."""
    year = int(iso[:4]) - 1
    rest = iso[4:]
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def covers(date: ParsedDate, day: str) -> bool:
    """Whether a date (or its range) includes the given ISO day, at the date's own precision."""
    last = date.end or date.start
    return date.start[:10] <= day[: len(date.start[:10])] and day[: len(last[:10])] <= last[:10]
