"""Dates typed by a person (`31 Aug 2022`, `Aug 2022`, `2012`, `last Tuesday`), read to the
precision they were written with. Used by the CLI's `add`/`edit`/`list`, CSV import and the TUI.

ISO forms, decades (`the 1990s`) and quarters (`Q3 2022`) are
read by our own patterns; everything else goes through dateparser with the reference day passed
in, never the wall clock. What dateparser returns is only trusted when the text holds something
that names a date (a month, a weekday, a year, a relative word, a numeric day and month or a time
of day): it happily reads `$11` as November, and we would rather say we cannot read it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline.ingest.tagger.timex_calendar import day_span
from timeline.ingest.types import ParsedDate
from timeline.store.dates import (
    BEFORE_ERA,
    COMMON_ERA,
    MONTH_WORD,
    MONTHS,
    WEEKDAY_WORD,
    YearOutOfRange,
    astronomical,
    iso_year,
    precision_of,
)
from timeline.store.models import sort_key
from timeline.store.written_dates import read_for_people

_ISO = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?", re.ASCII)
_RANGE_SPLIT = re.compile(
    r"\s*(?:\.\.|–|—|\s+to\s+|\s+-\s+|(?<=\d{4})-(?=\d{4}\b)|(?<=\d{4})\s*-\s*(?=\d{4}\b))\s*",
    re.ASCII,
)
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


# -- our own patterns -----------------------------------------------------------------------


def _iso(text: str) -> ParsedDate | None:
    """Read `2012`, `2022-08`, `2022-08-31` or `2022-08-31T14:30`, checking the calendar.

    Years are astronomical, as the store keeps them: `0000` is 1 BCE, `-0043` is 44 BCE.

    Raises:
        BadDate: no such day or time, or `-0000` (no such year).
    """
    match = _ISO.fullmatch(text)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    if year == "-0000":
        raise BadDate(f"{text!r}: there is no year -0000 (0000 is 1 BCE)")
    value = "-".join(part for part in (year, month, day) if part is not None)
    if precision_of(value) is None:
        raise BadDate(f"{text!r} is not a date in the calendar")
    if hour is not None:
        if int(hour) > 23 or int(minute) > 59:
            raise BadDate(f"{text!r} is not a time of day")
        return ParsedDate(f"{value}T{hour}:{minute}", "minute")
    return ParsedDate(value, ("year", "month", "day")[value.count("-", 1)])


_ERA_YEAR = re.compile(
    r"(?:(?:(?P<day>\d{1,2})\s+)?(?P<month>[a-z]{3,9})\.?\s+)?(?P<year>\d{1,6})\s*"
    rf"(?P<era>{BEFORE_ERA}|{COMMON_ERA})",
    re.IGNORECASE,
)
_AD_FIRST = re.compile(rf"(?:{COMMON_ERA})\s*(?P<year>\d{{1,6}})", re.IGNORECASE)
_LONG_YEAR = re.compile(r"-?\d{5,}")


def _era(text: str) -> ParsedDate | None:
    """Read a year with its era: `44 BC`, `44 BCE`, `300 B.C.`, `15 March 44 BC`, `AD 14`, `14 CE`.

    A year BC/BCE is stored astronomically: 1 BC is `0000`, 44 BC `-0043`.

    Raises:
        BadDate: year 0 with an era, a year the store cannot keep, an unknown month or a day
            the month does not have.
    """
    if _LONG_YEAR.fullmatch(text):
        raise BadDate(f"{text!r}: year {int(text)} is outside what can be stored")
    match = _ERA_YEAR.fullmatch(text)
    ad = _AD_FIRST.fullmatch(text)
    if match is None and ad is None:
        return None
    number = int((match or ad)["year"])  # type: ignore[index]
    if number == 0:
        raise BadDate(f"{text!r}: there is no year 0 in BC/AD counting")
    before = match is not None and match["era"].lower().startswith("b")
    try:
        value = iso_year(astronomical(number, before))
    except YearOutOfRange as exc:
        raise BadDate(f"{text!r}: {exc}") from None
    if match is not None and match["month"]:
        month = MONTHS.get(match["month"].lower())
        if month is None:
            raise BadDate(f"cannot read {match['month']!r} in {text!r} as a month")
        value += f"-{month:02d}"
        if match["day"]:
            value += f"-{int(match['day']):02d}"
    elif match is not None and match["day"]:
        return None
    precision = precision_of(value)
    if precision is None:
        raise BadDate(f"{text!r} is not a date in the calendar")
    return ParsedDate(value, precision)


_BARE_QUARTER = re.compile(r"[qh][1-4]", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:next|coming|this)\b", re.IGNORECASE)
"""Words that send a month without its year ahead of today ("next March") in a typed date."""
_LEFT_OVER = frozenset({"", "in", "on", "at", "during", "from", "since", "by"})
"""Words a typed date may keep around the expression the tagger found ("in spring 2019")."""


def _tagged(text: str, today: date) -> ParsedDate | None:
    """Read the text as ingest reads an article's dates: the tagger, valued as events are.

    This is what makes seasons, holidays, `mid-2019`, `early 2020`, `late March` and
    `the 3rd century BC` mean the same typed as they do in an article. Only a text that is one
    temporal expression (give or take a leading `in`) is read this way.
    """
    from timeline.ingest.reader.values import date_of_value, most_recent, names_month_without_year
    from timeline.ingest.tagger.timex import find_timexes

    found = find_timexes(text, today)
    # clock times and counts from now keep their own reading (`_time`); a bare `Q3` says no year
    if len(found) != 1 or found[0].type != "DATE" or found[0].value.endswith("_REF"):
        return None
    if _BARE_QUARTER.fullmatch(text) or _CLOCK_UNIT.search(text):
        return None
    timex = found[0]
    left_over = (text[: timex.start] + text[timex.end :]).strip(" ,.").lower()
    if left_over not in _LEFT_OVER:
        return None
    try:
        date = date_of_value(timex.value, today)
    except YearOutOfRange as exc:
        raise BadDate(f"{text!r}: {exc}") from None
    if date is not None and names_month_without_year(timex.text) and not _AHEAD.search(text):
        return most_recent(date, today)  # "late March" as "March": the last one, as in a past
        # sentence, not the nearer one ahead
    return date


_DECADE = re.compile(r"(?:the\s+)?(\d{3})0(?:'|’)?s", re.IGNORECASE)


def _decade(text: str) -> ParsedDate | None:
    """Read a decade (`1990s`, `the 1990s`) as its ten years, at year precision."""
    match = _DECADE.fullmatch(text)
    if not match:
        return None
    first = int(match[1]) * 10
    return ParsedDate(f"{first:04d}", "year", f"{first + 9:04d}")


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_ORDINAL = "|".join(_ORDINALS)
_QUARTER = re.compile(
    r"(?:the\s+)?(?:"
    r"q(?P<q1>[1-4])(?:\s+of)?[\s/-]*(?P<y1>\d{4})|"
    r"(?P<y2>\d{4})[\s/-]*q(?P<q2>[1-4])|"
    rf"(?P<word>{_ORDINAL})\s+quarter(?:\s+of)?,?\s+(?P<y3>\d{{4}})"
    r")",
    re.IGNORECASE,
)


def _quarter(text: str) -> ParsedDate | None:
    """Read a quarter (`Q3 2022`, `2022-Q3`, `third quarter of 2022`) as its three months."""
    match = _QUARTER.fullmatch(text)
    if not match:
        return None
    number = int(match["q1"] or match["q2"] or _ORDINALS[match["word"].lower()])
    year = match["y1"] or match["y2"] or match["y3"]
    first = 3 * number - 2
    return ParsedDate(f"{year}-{first:02d}", "month", f"{year}-{first + 2:02d}")


# -- what a natural-language date must contain ----------------------------------------------

_MONTH_WORD = re.compile(rf"\b{MONTH_WORD}\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY_WORD}s?\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\w)\d{4}(?!\w)")
_NUMERIC_DAY = re.compile(r"\b\d{1,2}([/.-])\d{1,2}\1\d{2,4}\b|\b\d{1,2}/\d{1,2}\b")
_DAY_WORD = re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)
_RELATIVE_WORD = re.compile(
    r"\b(?:ago|last|next|this|previous|past|coming|now|hence)\b|"
    r"\bin\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]+\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:[ap]\.?m\b\.?)|\b(?:noon|midday|midnight|o'clock)\b",
    re.IGNORECASE,
)
_CLOCK_UNIT = re.compile(r"\b(?:sec|secs|seconds?|mins?|minutes?|hrs?|hours?|now)\b", re.I)
_DAY_UNIT = re.compile(r"\b(?:days?|weeks?|fortnights?|months?|years?|decades?)\b", re.I)
_FOREIGN_SIGN = re.compile(r"[^\w\s,./:'’-]")
"""Signs no typed date holds (`$`, `€`, `%`...): dateparser skips them and misreads the rest."""


def _names_a_day(text: str) -> bool:
    """Whether the text says which day it means (else a time in it means today)."""
    return any(
        pattern.search(text)
        for pattern in (_MONTH_WORD, _WEEKDAY_WORD, _YEAR, _NUMERIC_DAY, _DAY_WORD, _DAY_UNIT)
    )


def _check_readable(text: str) -> None:
    """Refuse text that dateparser would only half read: money, bare numbers, stray symbols.

    Raises:
        BadDate: the text holds a symbol no date has, or nothing that names a date.
    """
    sign = _FOREIGN_SIGN.search(text)
    if sign:
        raise BadDate(f"cannot read {text!r} as a date ({sign.group()!r} is not part of a date)")
    anchors = (_MONTH_WORD, _WEEKDAY_WORD, _YEAR, _NUMERIC_DAY, _DAY_WORD, _RELATIVE_WORD, _CLOCK)
    if not any(pattern.search(text) for pattern in anchors):
        raise BadDate(f"cannot read {text!r} as a date")


# -- natural language through dateparser ----------------------------------------------------


def _natural(text: str, today: date, now: datetime | None) -> ParsedDate:
    """Read a natural-language date through dateparser, keeping the precision it was written to."""
    _check_readable(text)
    if text.lower() == "now":
        if now is None:
            return ParsedDate(today.isoformat(), "day")
        return ParsedDate(now.replace(tzinfo=None).isoformat(timespec="minutes"), "minute")
    data = _parser(today).get_date_data(text)  # type: ignore[attr-defined]
    moment = data.date_obj
    if moment is None:
        raise BadDate(f"cannot read {text!r} as a date")
    moment = moment.replace(tzinfo=None)  # a time zone typed with a time is kept as written
    period = data.period
    if period == "year":
        return ParsedDate(f"{moment.year:04d}", "year")
    if period == "month":
        return ParsedDate(f"{moment.year:04d}-{moment.month:02d}", "month")
    if period == "week":
        monday = moment.date() - timedelta(days=moment.weekday())
        return ParsedDate(monday.isoformat(), "day", (monday + timedelta(days=6)).isoformat())
    if period == "time":
        return _time(text, moment, today, now)
    return ParsedDate(moment.date().isoformat(), "day")


def _time(text: str, moment: datetime, today: date, now: datetime | None) -> ParsedDate:
    """Settle a reading with a time of day; dateparser counts from midnight, which is wrong.

    A time with no day (`14:30`, `noon`) is that time today. A count of hours or minutes
    (`5 minutes ago`) is counted from `now`, and refused without it.

    Raises:
        BadDate: a count from the current time without `now`, or no time in the text at all.
    """
    if _names_a_day(text) and (_CLOCK.search(text) or not _CLOCK_UNIT.search(text)):
        return ParsedDate(moment.isoformat(timespec="minutes"), "minute")
    if _CLOCK_UNIT.search(text):
        if now is None:
            raise BadDate(f"{text!r} counts from the current time; give the date and time")
        midnight = datetime(today.year, today.month, today.day)
        moment = now.replace(tzinfo=None) + (moment - midnight)
        return ParsedDate(moment.isoformat(timespec="minutes"), "minute")
    if _CLOCK.search(text):
        on_today = datetime.combine(today, moment.time())
        return ParsedDate(on_today.isoformat(timespec="minutes"), "minute")
    raise BadDate(f"cannot read {text!r} as a date")


_DAY_SPAN = re.compile(day_span(r"\S+"), re.IGNORECASE)
"""Days of one month as a span, by the pattern articles are read with; any year is taken."""


def _day_span(text: str, today: date, now: datetime | None) -> ParsedDate | None:
    """Read days of one month written as a span, `30-31 Aug 2022`, `Aug 30-31, 2022` or
    `4 to 6 May`, as the range from the first day to the last (read alone, `30-31 Aug` was the
    30th only)."""
    match = _DAY_SPAN.fullmatch(text)
    if match is None:
        return None
    month = match["m1"] or match["m2"]
    year = f" {match['y1'] or match['y2']}" if match["y1"] or match["y2"] else ""
    first = _single(f"{match['d1'] or match['d3']} {month}{year}", today, now)
    last = _single(f"{match['d2'] or match['d4']} {month}{year}", today, now)
    if first.precision != "day" or last.start <= first.start:
        raise BadDate(f"{text!r}: the end comes before the start")
    return ParsedDate(first.start, "day", last.start)


def _single(text: str, today: date, now: datetime | None) -> ParsedDate:
    """One date: ISO, decade or quarter by our patterns first, then natural language."""
    return (
        _iso(text)
        or _era(text)
        or _decade(text)
        or _quarter(text)
        or _tagged(text, today)
        or _natural(text, today, now)
    )


# -- public ---------------------------------------------------------------------------------


def parse_date(text: str, today: date, now: datetime | None = None) -> ParsedDate:
    """Read a date (or a range `a..b`) as typed by a person, relative to `today`.

    A leading `~`, `c.`, `about` or `around` marks it approximate. A decade (`the 1990s`) is a
    range of years, a quarter (`Q3 2022`) a range of months. A time of day with no date
    (`14:30`, `noon`) is that time on `today`.

    Args:
        text: what was typed.
        today: the day relative dates (`yesterday`, `last Tuesday`) count from.
        now: the current time, for counts of hours and minutes (`5 minutes ago`); without it
            they are refused, since counting them from midnight would give the wrong day.

    Returns:
        The date at the precision it was written with.

    Raises:
        BadDate: the text is no date we can read; the message names the text.
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
    written = read_for_people(text) if "–" in text else None
    if written is not None and written[0] is not None:
        start = written[0]
        return ParsedDate(start, precision_of(start) or "year", written[1], approximate)
    span = _day_span(text, today, now)
    if span is not None:
        return ParsedDate(span.start, span.precision, span.end, approximate)
    parts = [part for part in _RANGE_SPLIT.split(text) if part] if not _ISO.fullmatch(text) else []
    iso_halves = text.split("/")
    if len(iso_halves) == 2 and all(_ISO.fullmatch(half) for half in iso_halves):
        parts = iso_halves
    if len(parts) == 2:
        try:
            first, last = _single(parts[0], today, now), _single(parts[1], today, now)
        except BadDate as exc:
            raise BadDate(f"{text!r}: {exc}") from None
        end = last.end or last.start
        if sort_key(end) < sort_key(first.start):
            raise BadDate(f"{text!r}: the end comes before the start")
        vague = approximate or first.approximate or last.approximate
        return ParsedDate(first.start, first.precision, end, vague)
    if not text:
        raise BadDate("no date given")
    parsed = _single(text, today, now)
    return ParsedDate(parsed.start, parsed.precision, parsed.end, approximate or parsed.approximate)


def parse_range(
    text: str, today: date, now: datetime | None = None
) -> tuple[str | None, str | None]:
    """Read a filter range (`2022`, `Aug 2022..Sep 2022`, `2012..`) as inclusive ISO prefixes.

    Raises:
        BadDate: either end cannot be read, or the end comes before the start.
    """
    text = text.strip()
    if not text:
        raise BadDate("no date range given")
    if ".." in text:
        left, _, right = text.partition("..")
        start = parse_date(left, today, now).start if left.strip() else None
        end_date = parse_date(right, today, now) if right.strip() else None
        end = (end_date.end or end_date.start) if end_date else None
        if start and end and sort_key(end) < sort_key(start):
            raise BadDate(f"{text!r}: the end comes before the start")
        return start, end
    parsed = parse_date(text, today, now)
    return parsed.start, parsed.end or parsed.start
