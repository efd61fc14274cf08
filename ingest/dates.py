"""Dates typed by a person (`31 Aug 2022`, `Aug 2022`, `2012`, `last Tuesday`), read to the
precision they were written with. Used by the CLI's `add`/`edit`/`list`, CSV import and the TUI.

ISO forms are read by our own patterns; everything else goes through dateparser with the
reference day passed in, never the wall clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from ingest.types import ParsedDate

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?")
_RANGE_SPLIT = re.compile(r"\s*(?:\.\.|–|—|\s+to\s+|\s+-\s+)\s*")
_APPROX = re.compile(r"^(?:~|c\.\s*|circa\s+|about\s+|around\s+)", re.IGNORECASE)


class BadDate(ValueError):
    """A date that cannot be read; the message is one line naming what was typed."""


@lru_cache(maxsize=4)
def _parser(today: date) -> object:
    """A dateparser parser anchored on `today` (cached: building one costs ~50 ms)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(today.year, today.month, today.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def _iso(text: str) -> ParsedDate | None:
    """Read `2012`, `2022-08`, `2022-08-31` or `2022-08-31T14:30`, checking the calendar."""
    match = _ISO.fullmatch(text)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        if hour is not None:
            moment = datetime(int(year), int(month), int(day), int(hour), int(minute))
            return ParsedDate(moment.strftime("%Y-%m-%dT%H:%M"), "minute")
        if day is not None:
            return ParsedDate(date(int(year), int(month), int(day)).isoformat(), "day")
        if month is not None:
            date(int(year), int(month), 1)
            return ParsedDate(f"{year}-{month}", "month")
    except ValueError:
        raise BadDate(f"{text!r} is not a date in the calendar") from None
    return ParsedDate(year, "year")


def _natural(text: str, today: date) -> ParsedDate:
    """Read a natural-language date through dateparser, keeping the precision it was written to."""
    data = _parser(today).get_date_data(text)  # type: ignore[attr-defined]
    moment = data.date_obj
    if moment is None:
        raise BadDate(f"cannot read {text!r} as a date")
    period = data.period
    if period == "year":
        return ParsedDate(f"{moment.year:04d}", "year")
    if period == "month":
        return ParsedDate(f"{moment.year:04d}-{moment.month:02d}", "month")
    if period == "week":
        monday = moment.date() - timedelta(days=moment.weekday())
        return ParsedDate(monday.isoformat(), "day", (monday + timedelta(days=6)).isoformat())
    if period == "time":
        return ParsedDate(moment.strftime("%Y-%m-%dT%H:%M"), "minute")
    return ParsedDate(moment.date().isoformat(), "day")


def _single(text: str, today: date) -> ParsedDate:
    """One date, ISO first, then natural language."""
    return _iso(text) or _natural(text, today)


def parse_date(text: str, today: date) -> ParsedDate:
    """Read a date (or a range `a..b`) as typed by a person, relative to `today`.

    A leading `~`, `c.`, `about` or `around` marks it approximate. Raises BadDate.
    """
    text = " ".join(text.split())
    if not text:
        raise BadDate("no date given")
    approximate = False
    mark = _APPROX.match(text)
    if mark:
        approximate = True
        text = text[mark.end() :]
    if text.endswith("~"):
        approximate = True
        text = text[:-1].rstrip()
    parts = [part for part in _RANGE_SPLIT.split(text) if part] if not _ISO.fullmatch(text) else []
    iso_halves = text.split("/")
    if len(iso_halves) == 2 and all(_ISO.fullmatch(half) for half in iso_halves):
        parts = iso_halves
    if len(parts) == 2:
        first, last = _single(parts[0], today), _single(parts[1], today)
        end = last.end or last.start
        if end < first.start:
            raise BadDate(f"{text!r}: the end comes before the start")
        return ParsedDate(first.start, first.precision, end, approximate)
    parsed = _single(text, today)
    return ParsedDate(parsed.start, parsed.precision, parsed.end, approximate)


def parse_range(text: str, today: date) -> tuple[str | None, str | None]:
    """Read a filter range (`2022`, `Aug 2022..Sep 2022`, `2012..`) as inclusive ISO prefixes."""
    text = text.strip()
    if not text:
        raise BadDate("no date range given")
    if ".." in text:
        left, _, right = text.partition("..")
        start = parse_date(left, today).start if left.strip() else None
        end_date = parse_date(right, today) if right.strip() else None
        end = (end_date.end or end_date.start) if end_date else None
        if start and end and end < start:
            raise BadDate(f"{text!r}: the end comes before the start")
        return start, end
    parsed = parse_date(text, today)
    return parsed.start, parsed.end or parsed.start


def describe(parsed: ParsedDate) -> str:
    """A short human reading of a parsed date, e.g. for the form's live preview."""
    label = f"{parsed.start}–{parsed.end}" if parsed.end else parsed.start
    return f"{'~' if parsed.approximate else ''}{label} · {parsed.precision}"
