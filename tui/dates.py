"""Dates in the app: the store's one writer of dates for people, and the typed-date reader.

Writing (`31 Aug 2022`, `c. Aug 2022`, `44 BCE`) belongs to `timeline.store.dates`; the names are
imported here so the screens keep one import. Reading what a person typed is ingest's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from timeline.store.dates import UNDATED, iso_year, period_prefix, year_of
from timeline.store.written_dates import format_date, format_iso, period_label, year_label

if TYPE_CHECKING:
    from timeline.ingest.types import ParsedDate

__all__ = [
    "UNDATED",
    "format_date",
    "format_iso",
    "format_preview",
    "iso_year",
    "parse_typed",
    "period_label",
    "period_prefix",
    "year_label",
    "year_of",
]


def format_preview(start: str, precision: str, end: str | None, approximate: bool) -> str:
    """Write a parsed date as the form's preview: `→ 31 Aug 2022 · day`."""
    return f"→ {format_date(start, end, approximate)} · {precision}"


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
