"""The one owner of dates: calendar words, stored ISO values, EDTF, and dates written for people.

The store keeps a date as an ISO value cut to its precision with astronomical years (`0000` is
1 BCE, `-0043` is 44 BCE; see `store.models.precision_of`). Everything that names a month, writes
EDTF (in Python or in the fast export's SQL) or writes a date for a reader takes it from here, so
the tagger, ingest, the store, the exporters, the CLI and the app cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.store.models import precision_of

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


def is_bce(iso: str | None) -> bool:
    """True for a value before 1 CE (ISO year 0000 or negative)."""
    return bool(iso) and (iso[0] == "-" or iso[:4] == "0000")  # type: ignore[index]


def historical_year(year: int) -> int:
    """The year as historians number it, negative for BCE: ISO 0 is -1 (1 BCE), -43 is -44."""
    return year if year > 0 else year - 1


# -- EDTF -----------------------------------------------------------------------------------------

_EDTF_PART = re.compile(
    r"(?P<date>-?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?)?)?)"
    r"(?P<qual>[~?%]?)"
)


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A date read from EDTF, in the store's own form."""

    start: str
    precision: str
    end: str | None
    approximate: bool


def to_edtf(start: str | None, end: str | None, precision: str | None, approximate: bool) -> str:
    """Write a stored date as EDTF; minutes gain `:00` because EDTF times carry seconds."""
    if start is None:
        return ""
    mark = "~" if approximate else ""

    def one(value: str) -> str:
        return (value + ":00" if "T" in value else value) + mark

    return one(start) if end is None else f"{one(start)}/{one(end)}"


def edtf_sql(table: str = "e") -> str:
    """SQL computing `to_edtf` over an events table's columns, for exports SQLite writes itself.

    The same rules as `to_edtf`, written once more in SQL; a test runs both over every precision,
    range, approximate and BCE case. A plain date (the most common) is its start, decided first.
    """
    start, end = f"{table}.start", f'{table}."end"'
    mark = f"(CASE WHEN {table}.approximate THEN '~' ELSE '' END)"
    start_text = f"(CASE WHEN instr({start}, 'T') THEN {start} || ':00' ELSE {start} END)"
    end_text = f"(CASE WHEN instr({end}, 'T') THEN {end} || ':00' ELSE {end} END)"
    return (
        f"CASE WHEN {start} IS NULL THEN '' "
        f"WHEN {end} IS NULL AND NOT {table}.approximate AND NOT instr({start}, 'T') "
        f"THEN {start} ELSE {start_text} || {mark} || "
        f"CASE WHEN {end} IS NULL THEN '' ELSE '/' || {end_text} || {mark} END END"
    )


def from_edtf(text: str) -> EdtfDate | None:
    """Read the EDTF forms `to_edtf` writes (and `?`/`%` as approximate); None if not EDTF."""
    pieces = text.strip().split("/")
    if len(pieces) > 2:
        return None
    read = []
    for piece in pieces:
        match = _EDTF_PART.fullmatch(piece)
        if not match:
            return None
        date = match["date"]
        if "T" in date and date.count(":") == 2:
            if not date.endswith(":00"):
                return None
            date = date[:-3]
        if precision_of(date) is None:
            return None
        read.append((date, bool(match["qual"])))
    start, approx = read[0]
    end = read[1][0] if len(read) == 2 else None
    approx = approx or any(q for _, q in read[1:])
    return EdtfDate(start=start, precision=precision_of(start) or "", end=end, approximate=approx)


# -- written for people ---------------------------------------------------------------------------


def year_text(year: int, *, era: bool = True) -> str:
    """An astronomical year for readers: `2022`, `14`, `44 BCE` for -43 (`44` without `era`)."""
    if year > 0:
        return str(year)
    return f"{1 - year} BCE" if era else str(1 - year)


def year_label(year: str, *, era: bool = True) -> str:
    """`year_text` of a stored year (`-0043` -> `44 BCE`, `0000` -> `1 BCE`, `0014` -> `14`)."""
    return year_text(int(year), era=era)


def format_iso(iso: str) -> str:
    """One value as a reader says it: `2012`, `Aug 2022`, `31 Aug 2022 14:30`, `44 BCE`."""
    p = parts(iso)
    text = year_text(p.year)
    if p.month is not None:
        text = f"{MONTH_ABBRS[p.month - 1]} {text}"
    if p.day is not None:
        text = f"{p.day} {text}"
    if p.hour is not None:
        text = f"{text} {p.hour:02d}:{p.minute:02d}"
    return text


def _format_range(start: str, end: str) -> str:
    """Write a range, sharing the year and month between its ends when they agree."""
    s, e = parts(start), parts(end)
    if s.hour is not None or e.hour is not None:
        return f"{format_iso(start)} – {format_iso(end)}"
    if s.month is None and e.month is None:
        if (s.year > 0) != (e.year > 0):
            return f"{year_text(s.year)} – {e.year} CE"
        return f"{year_text(s.year, era=False)}–{year_text(e.year)}"
    if s.year != e.year or (s.day is None) != (e.day is None):
        return f"{format_iso(start)} – {format_iso(end)}"
    if s.day is None and s.month is not None and e.month is not None:
        return f"{MONTH_ABBRS[s.month - 1]}–{format_iso(end)}"
    if s.month == e.month:
        return f"{s.day}–{format_iso(end)}"
    return f"{s.day} {MONTH_ABBRS[(s.month or 1) - 1]} – {format_iso(end)}"


def format_date(
    start: str | None, end: str | None = None, approximate: bool = False, undated: str = UNDATED
) -> str:
    """The one way a stored date is written for people, in the app, `list` and human exports.

    Args:
        start: ISO value cut to its precision, or None for an undated event.
        end: ISO value of the end of a range, if any.
        approximate: prefix the result with `c.`.
        undated: what to write when there is no date (a heading says `Undated`).

    Returns:
        `31 Aug 2022`, `Aug 2022`, `2012`, `44 BCE`, `c. Aug 2022`, `30–31 Aug 2022` or `undated`.
    """
    if not start:
        return undated
    try:
        text = _format_range(start, end) if end and end != start else format_iso(start)
    except (ValueError, IndexError):
        # a row another program wrote ("2020-13-45"): shown as stored, never a traceback
        text = start if not end or end == start else f"{start}/{end}"
    return f"c. {text}" if approximate else text


def period_label(period: str) -> str:
    """A heading for a period key: `2022` stays, `2022-08` becomes `August 2022`."""
    p = parts(period)
    if p.month is None:
        return year_text(p.year)
    return f"{MONTH_NAMES[p.month - 1]} {year_text(p.year)}"


def year_heading(iso: str | None) -> str:
    """The year a value is grouped under: `2022`, `44 BCE`, or `Undated`."""
    return year_text(parts(iso).year) if iso else UNDATED.capitalize()


def month_heading(iso: str | None) -> str | None:
    """The month a value is grouped under (`August`), None for a year or an undated value."""
    month = parts(iso).month if iso else None
    return MONTH_NAMES[month - 1] if month else None


# -- read back what we wrote for people ------------------------------------------------------------

_ONE = re.compile(
    r"(?:(?P<day>[0-9]{1,2})\s+)?(?:(?P<month>[A-Za-z]{3})\s+)?"
    r"(?P<year>[0-9]{1,5})(?:\s+(?P<era>BCE|CE))?(?:\s+(?P<hh>[0-9]{2}):(?P<mm>[0-9]{2}))?"
)


def _read_one(text: str) -> Parts | None:
    """Read one value as `format_iso` writes it, or None."""
    m = _ONE.fullmatch(text)
    if m is None:
        return None
    month = MONTHS.get(m["month"].lower()) if m["month"] else None
    if m["month"] and month is None:
        return None
    number = int(m["year"])
    year = astronomical(number, m["era"] == "BCE")
    return Parts(
        year,
        month,
        int(m["day"]) if m["day"] else None,
        int(m["hh"]) if m["hh"] else None,
        int(m["mm"]) if m["mm"] else None,
    )


def _read_head(text: str, tail: Parts) -> Parts | None:
    """Read the first end of a range that shares its year (or month, or era) with `tail`."""
    full = _read_one(text)
    if full is not None and (full.month is not None or tail.month is None):
        if tail.month is None and tail.year <= 0 and full.year > 0:  # `44–40 BCE`
            return Parts(astronomical(full.year, True), None, None, None, None)
        return full
    words = text.split()
    if len(words) == 1 and words[0].isdigit() and tail.day is not None:
        return Parts(tail.year, tail.month, int(words[0]), None, None)
    if len(words) == 1 and words[0].lower() in MONTHS:
        return Parts(tail.year, MONTHS[words[0].lower()], None, None, None)
    if len(words) == 2 and words[0].isdigit() and words[1].lower() in MONTHS:
        return Parts(tail.year, MONTHS[words[1].lower()], int(words[0]), None, None)
    return None


def read_for_people(text: str) -> tuple[str | None, str | None, bool] | None:
    """Read a date as `format_date` writes it back to (start, end, approximate); None if not one.

    `undated` reads as (None, None, False). This is the inverse of `format_date`, which a test
    checks over every kind of date the store keeps.
    """
    text = " ".join(text.split())
    if text == UNDATED:
        return None, None, False
    approximate = text.startswith("c. ")
    if approximate:
        text = text[3:]
    if " – " in text:
        head_text, _, tail_text = text.partition(" – ")
    elif "–" in text:
        head_text, _, tail_text = text.partition("–")
    else:
        one = _read_one(text)
        return None if one is None else (iso_of(one), None, approximate)
    tail = _read_one(tail_text)
    head = _read_head(head_text, tail) if tail is not None else None
    if head is None or tail is None:
        return None
    return iso_of(head), iso_of(tail), approximate
