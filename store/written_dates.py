"""Dates written for people and read back from them: `31 Aug 2022`, `44 BCE`, `2009-2012`,
year and month headings, and the forms a person types into a date field."""

from __future__ import annotations

import re

from timeline.store.dates import (
    MONTH_ABBRS,
    MONTH_NAMES,
    MONTHS,
    UNDATED,
    Parts,
    astronomical,
    iso_of,
    parts,
    year_text,
)


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
