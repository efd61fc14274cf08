"""Dates written for people: `2012`, `Aug 2022`, `31 Aug 2022`, `30–31 Aug 2022`, `~Aug 2022`,
`15 Mar 44 BCE` (the store keeps astronomical years: `-0043` is 44 BCE, `0000` is 1 BCE)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.ingest.types import ParsedDate

from timeline.store.exporters.dates import LONG_MONTHS, MONTHS

UNDATED = "undated"


def _parts(iso: str) -> tuple[str, str | None, str | None, str | None]:
    """Split an ISO value cut to its precision into year, month, day and time."""
    date_part, _, time_part = iso.partition("T")
    sign = "-" if date_part.startswith("-") else ""
    pieces = date_part.lstrip("-").split("-")
    year = sign + pieces[0]
    month = pieces[1] if len(pieces) > 1 else None
    day = pieces[2] if len(pieces) > 2 else None
    return year, month, day, (time_part[:5] or None)


def is_bce(year: str) -> bool:
    """Whether an astronomical year (`-0043`, `0000`) falls before 1 AD."""
    return year.startswith("-") or year == "0000"


def year_label(year: str, *, era: bool = True) -> str:
    """Write an astronomical year for people: `-0043` -> `44 BCE`, `0000` -> `1 BCE`.

    With `era` False a BCE year is written without its era, for a range that names it once.
    """
    if not is_bce(year):
        return f"{int(year)} CE" if year.startswith("0") else year
    number = f"{1 - int(year)}"
    return f"{number} BCE" if era else number


def year_of(period: str) -> str:
    """The year part of an ISO period (`-0043` of `-0043-03`, `2022` of `2022-08`)."""
    return period[:5] if period.startswith("-") else period[:4]


def period_prefix(iso: str, width: int) -> str:
    """Cut an ISO date to a period: `width` 4 the year, 7 the month, whatever the year's sign."""
    return iso[: width + iso.startswith("-")]


def iso_year(year: int) -> str:
    """Write an astronomical year as the store does (`-43` -> `-0043`, `2022` -> `2022`)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _month_name(month: str) -> str:
    """Return `Aug` for `08`, or the text itself when it is not a month number."""
    try:
        return MONTHS[int(month) - 1]
    except (ValueError, IndexError):
        return month


def format_iso(iso: str) -> str:
    """Write one ISO value (`2022-08-31`) the way a reader says it (`31 Aug 2022`)."""
    year, month, day, clock = _parts(iso)
    label = year_label(year)
    if month is None:
        return label
    if day is None:
        return f"{_month_name(month)} {label}"
    text = f"{int(day) if day.isdigit() else day} {_month_name(month)} {label}"
    return f"{text} {clock}" if clock else text


def _format_range(start: str, end: str) -> str:
    """Write a range, sharing the year and month between its ends when they agree."""
    s_year, s_month, s_day, s_clock = _parts(start)
    e_year, e_month, e_day, e_clock = _parts(end)
    if s_clock or e_clock:
        return f"{format_iso(start)} – {format_iso(end)}"
    if s_month is None and e_month is None:
        if is_bce(s_year) and not is_bce(e_year):
            return f"{year_label(s_year)} – {int(e_year)} CE"
        return f"{year_label(s_year, era=False)}–{year_label(e_year)}"
    if s_day is None and e_day is None and s_month and e_month:
        if s_year == e_year:
            return f"{_month_name(s_month)}–{_month_name(e_month)} {year_label(s_year)}"
        return f"{format_iso(start)} – {format_iso(end)}"
    if s_day and e_day and s_year == e_year:
        if s_month == e_month:
            month = _month_name(s_month or "")
            return f"{int(s_day)}–{int(e_day)} {month} {year_label(s_year)}"
        return f"{int(s_day)} {_month_name(s_month or '')} – {format_iso(end)}"
    return f"{format_iso(start)} – {format_iso(end)}"


def format_date(start: str | None, end: str | None = None, *, approximate: bool = False) -> str:
    """Write a stored date (start, optional end) for display.

    Args:
        start: ISO value cut to its precision, or None for an undated event.
        end: ISO value of the end of a range, if any.
        approximate: Prefix the result with `~`.

    Returns:
        Text such as `2012`, `Aug 2022`, `30–31 Aug 2022` or `~Aug 2022`.
    """
    if not start:
        return UNDATED
    text = _format_range(start, end) if end and end != start else format_iso(start)
    return f"~{text}" if approximate else text


def format_preview(start: str, precision: str, end: str | None, approximate: bool) -> str:
    """Write a parsed date as the form's preview: `→ 31 Aug 2022 · day`."""
    return f"→ {format_date(start, end, approximate=approximate)} · {precision}"


def period_label(period: str) -> str:
    """Write a heading for a period key: `2022` stays, `2022-08` becomes `August 2022`."""
    year, month, _, _ = _parts(period)
    if month is None:
        return year_label(year)
    long_names = LONG_MONTHS
    try:
        return f"{long_names[int(month) - 1]} {year_label(year)}"
    except (ValueError, IndexError):
        return period


def parse_typed(text: str, today: date, now: datetime | None = None) -> ParsedDate:
    """Read a date a person typed (CLI, form): ingest's parse_date, after the store's rules
    for what cannot be kept as written (seconds, time zones, two-digit years).

    Raises:
        BadDate: the text is no date, or would lose something it says.
    """
    from timeline.ingest.dates import BadDate, parse_date
    from timeline.store.validation import date_text_problem

    for part in text.split(".."):
        problem = date_text_problem(part.lstrip("~").strip())
        if problem:
            raise BadDate(problem)
    return parse_date(text, today, now)


def years_ago(start: str | None, year: int) -> str:
    """`8 years ago`, `this year`, `in 2 years`: an event's start seen from `year`."""
    if not start:
        return ""
    gap = year - (int(start[:5]) if start.startswith("-") else int(start[:4]))
    if gap == 0:
        return "this year"
    if gap < 0:
        return f"in {-gap} year{'s' * (gap != -1)}"
    return f"{gap} year{'s' * (gap != 1)} ago"
