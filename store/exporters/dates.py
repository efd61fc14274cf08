"""Dates as exporters write them: reader's text (`31 Aug 2022`, `44 BCE`) and the parts of a value.

Stored years follow ISO 8601 and EDTF: astronomical numbering, so `0000` is 1 BCE and `-0043`
is 44 BCE. Every format that writes a year for people converts it here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LONG_MONTHS = (
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
UNDATED = "Undated"


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


def is_bce(iso: str | None) -> bool:
    """True for a value before 1 CE (ISO year 0000 or negative)."""
    return bool(iso) and (iso[0] == "-" or iso[:4] == "0000")  # type: ignore[index]


def historical_year(year: int) -> int:
    """The year as historians number it, negative for BCE: ISO 0 is -1 (1 BCE), -43 is -44."""
    return year if year > 0 else year - 1


def year_text(year: int) -> str:
    """`2022`, or `44 BCE` for ISO year -43."""
    return str(year) if year > 0 else f"{1 - year} BCE"


def format_iso(iso: str) -> str:
    """One value as a reader says it: `2012`, `Aug 2022`, `31 Aug 2022 14:30`, `44 BCE`."""
    p = parts(iso)
    text = year_text(p.year)
    if p.month is not None:
        text = f"{MONTHS[p.month - 1]} {text}"
    if p.day is not None:
        text = f"{p.day} {text}"
    if p.hour is not None:
        text = f"{text} {p.hour:02d}:{p.minute:02d}"
    return text


def format_date(start: str | None, end: str | None, approximate: bool) -> str:
    """A stored date for reading: `31 Aug 2022`, `30–31 Aug 2022`, `c. Aug 2022`, `Undated`."""
    if not start:
        return UNDATED
    text = format_iso(start)
    if end and end != start:
        s, e = parts(start), parts(end)
        same_month = s.year == e.year and s.month == e.month and s.month is not None
        if s.day is not None and e.day is not None and s.hour is None and e.hour is None:
            text = f"{s.day}–{format_iso(end)}" if same_month else f"{text} – {format_iso(end)}"
        else:
            text = f"{text} – {format_iso(end)}"
    return f"c. {text}" if approximate else text


def year_heading(iso: str | None) -> str:
    """The year a value is grouped under: `2022`, `44 BCE`, or `Undated`."""
    return year_text(parts(iso).year) if iso else UNDATED


def month_heading(iso: str | None) -> str | None:
    """The month a value is grouped under (`August`), None for a year or an undated value."""
    month = parts(iso).month if iso else None
    return LONG_MONTHS[month - 1] if month else None
