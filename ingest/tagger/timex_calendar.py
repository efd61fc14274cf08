"""Timex rules for calendar days and months: "31 August 2022", "May 5", "early March", "August
last year", "2022-08-31", "8/31/2022". A year and longer is read in `timex_years`, quarters and
halves in `timex_quarters`."""

from __future__ import annotations

import datetime
import re

from timeline.ingest.tagger.timex_anchor import (
    Anchor,
    month_relative,
    shifted,
    two_digit_year,
    year_of_month,
    year_text,
)
from timeline.ingest.tagger.timex_grammar import (
    Resolved,
    capitalised,
    compile_rule,
    deadline,
    direction_of,
    future_tense,
    month_number,
    past_tense,
    year_number,
)
from timeline.ingest.tagger.timex_lexicon import (
    MONTH,
    ORDINAL_DAY,
    SPOKEN_YEAR_WORDS,
    WEEKDAY,
    ordinal_day,
)

DAY_OF_MONTH = rf"(?P<day>[0-3]?\d(?:st|nd|rd|th)?(?![\d%,.]\d)|{ORDINAL_DAY}(?![-\w]))"
_YEAR = rf"(?P<year>1[5-9]\d\d|20\d\d|['’]\d\d|{SPOKEN_YEAR_WORDS})(?![\d%])"
MONTH_DATE = compile_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
    rf"(?P<mon>{MONTH})(?:\s+{DAY_OF_MONTH})?(?:(?:,\s*|\s+|\s+of\s+){_YEAR})?"
)
DAY_MONTH = compile_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?{DAY_OF_MONTH}\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH})(?:,?\s+{_YEAR})?"
)
#: Words before a bare month name that show it is a month ("in May"), not a verb or name.
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|through|before|after|during|from|to|and|or|early|late|"
    r"mid|last|this|next|each|every|between|throughout|end|beginning|start|middle)[\s-]+|,\s*)$",
    re.IGNORECASE,
)


def resolve_month_date(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Aug. 31, 2022", "31 August", "Aug 2022" or a bare month name."""
    mon_text = m.group("mon")
    if not capitalised(mon_text):
        return None
    month = month_number(mon_text)
    day = ordinal_day(m.group("day")) if m.group("day") else None
    year = year_number(m.group("year"), anchor) if m.group("year") else None
    if (day is not None and not 1 <= day <= 31) or (m.group("year") and year is None):
        return None
    if day is None and year is None and not m.group("wd"):
        before = m.string[max(0, m.start() - 12) : m.start()]
        bare = mon_text.lower().rstrip(".")
        ambiguous = bare in ("may", "march", "mar", "jan", "dec", "jun") or "." in mon_text
        if ambiguous and not _MONTH_CUES.search(before):
            return None
    if day is not None:
        try:
            datetime.date(year or 2000, month, day)
        except ValueError:
            return None
        year_value = f"{year:04d}" if year else year_of_month(anchor, month)
        if year is None and anchor is not None and future_tense(m.string, m.start()):
            year_value = year_text_ahead(anchor, month, day)
        return "DATE", f"{year_value}-{month:02d}-{day:02d}"
    year_value = f"{year:04d}" if year else year_of_month(anchor, month)
    if year is None and anchor is not None:
        if future_tense(m.string, m.start()) or deadline(m.string, m.start()):
            year_value = year_text_ahead(anchor, month, 1)
        elif past_tense(m.string, m.start()):
            year_value = year_text(anchor.year if month <= anchor.month else anchor.year - 1)
    return "DATE", f"{year_value}-{month:02d}"


_SPAN_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_SPAN_YEAR = r"(?:1[5-9]\d\d|20\d\d|['’]\d\d)(?![\d%])"


def day_span(year: str) -> str:
    """Pattern of days of one month written as a span: day first ("4-6 May", "4–6 May 2031",
    "4 to 6 May") or month first ("May 4-6", "May 4–6, 2031"), then a year matching `year`
    (no groups of its own). The tagger and typed dates (`ingest.dates`) both read spans by it."""
    return (
        rf"(?P<d1>{_SPAN_DAY})(?:\s*[-–]\s*|\s+(?P<to>to)\s+)(?P<d2>{_SPAN_DAY})\s+(?:of\s+)?"
        rf"(?P<m1>{MONTH})(?:,?\s+(?P<y1>{year}))?|"
        rf"(?P<m2>{MONTH})\s+(?P<d3>{_SPAN_DAY})\s*[-–]\s*(?P<d4>{_SPAN_DAY})"
        rf"(?:,?\s+(?P<y2>{year}))?"
    )


DAY_SPAN = compile_rule(day_span(_SPAN_YEAR))
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
"""A span of days with words ("from 4 to 6 May") opens on "from": "rose 4 to 6 May" is no span."""
_COUNTED_AFTER = re.compile(
    r"\s*(?:%|per\s*cent\b|percent\b|(?:hrs?|hours?|mins?|minutes?|days?|weeks?|years?)\b)",
    re.IGNORECASE,
)
"""A unit after the last number makes it a count ("Feb. 7 - 18 hrs ago"), not a day."""


def resolve_span_first(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value the first day of a span of days: "4" of "4-6 May 2031", "May 4" of "May 4-6".

    Each day is its own expression, as in "from 4 May to 6 May"; the reader joins them.
    """
    days = _span_days(m, anchor)
    if days is None:
        return None
    year, month, first, _ = days
    start, end = m.span("d1") if m.group("d1") else (m.start("m2"), m.end("d3"))
    return "DATE", f"{year}-{month:02d}-{first:02d}", start, end


def resolve_span_last(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value the last day of a span of days: "6 May 2031" of "4-6 May 2031", "6, 2031" of
    "May 4-6, 2031"."""
    days = _span_days(m, anchor)
    if days is None:
        return None
    year, month, _, last = days
    start = m.start("d2") if m.group("d2") else m.start("d4")
    return "DATE", f"{year}-{month:02d}-{last:02d}", start, m.end()


def _span_days(m: re.Match[str], anchor: Anchor) -> tuple[str, int, int, int] | None:
    """The year, month, first and last day of a span of days; None when the match is none (a
    lower-case "may", days out of order, a day the month lacks, "to" with no "from", a count)."""
    month_text = m.group("m1") or m.group("m2")
    if not capitalised(month_text):
        return None
    if m.group("to") and not _FROM.search(m.string, max(0, m.start() - 8), m.start()):
        return None
    if _COUNTED_AFTER.match(m.string, m.end()):
        return None
    month = month_number(month_text)
    first = ordinal_day(m.group("d1") or m.group("d3")) or 0
    last = ordinal_day(m.group("d2") or m.group("d4")) or 0
    written = m.group("y1") or m.group("y2")
    year = year_number(written, anchor) if written else None
    if not 1 <= first < last:
        return None
    try:
        datetime.date(year or 2000, month, last)
    except ValueError:
        return None
    if year is not None:
        return f"{year:04d}", month, first, last
    return _span_year(m, anchor, month, last), month, first, last


def _span_year(m: re.Match[str], anchor: Anchor, month: int, last: int) -> str:
    """Year of a span of days written without one, the same for both ends: ahead in a future
    clause, the last such days up to the anchor in a past one, else the month's nearest."""
    if anchor is None:
        return "XXXX"
    if future_tense(m.string, m.start()):
        return year_text_ahead(anchor, month, last)
    if past_tense(m.string, m.start()):
        done = (month, last) <= (anchor.month, anchor.day)
        return year_text(anchor.year if done else anchor.year - 1)
    return year_of_month(anchor, month)


MODIFIED_MONTH = compile_rule(
    rf"(?:the\s+)?(?:(?:early|late|mid|the\s+(?:middle|end|beginning|start)\s+of)[-\s]+|"
    rf"(?P<rel>last|this|next|this\s+past|this\s+coming|coming)\s+)"
    rf"(?P<mon>{MONTH})(?:,?\s+{_YEAR}|(?!\s+\d)(?:\s+(?P<ryear>last|this|next)\s+year)?)"
)


def resolve_modified_month(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "last April", "early September", "mid-November", "the end of November", and with
    a year, "late March 2020" or "early May last year" (the whole phrase, as without one)."""
    if not capitalised(m.group("mon")):
        return None
    month = month_number(m.group("mon"))
    if m.group("year"):
        year = year_number(m.group("year"), anchor)
        return ("DATE", f"{year:04d}-{month:02d}") if year is not None else None
    if m.group("ryear"):  # "late March last year": the year counted, as "March last year"
        return "DATE", f"{shifted(anchor, 'year', direction_of(m.group('ryear')))}-{month:02d}"
    if m.group("rel"):
        return "DATE", month_relative(anchor, month, direction_of(m.group("rel")))
    return "DATE", f"{year_of_month(anchor, month)}-{month:02d}"


_REL_DAY = rf"[0-3]?\d(?:st|nd|rd|th)?|{ORDINAL_DAY}"
MONTH_REL_YEAR = compile_rule(
    rf"(?:(?:the\s+)?(?P<dfirst>{_REL_DAY})\s+(?:of\s+)?)?(?P<mon>{MONTH})"
    rf"(?:\s+(?P<dlast>{_REL_DAY}),?)?\s+(?P<rel>last|this|next)\s+year"
)


def resolve_month_rel_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "June last year", "January this year", and with a day, "25 June last year" or
    "June 25 next year": the day stays, the year is counted from the anchor."""
    if not capitalised(m.group("mon")):
        return None
    year = shifted(anchor, "year", direction_of(m.group("rel")))
    month = month_number(m.group("mon"))
    day_text = m.group("dfirst") or m.group("dlast")
    if day_text is None:
        return "DATE", f"{year}-{month:02d}"
    day = ordinal_day(day_text)
    try:
        datetime.date(int(year), month, day or 0)
    except ValueError:
        return None
    return "DATE", f"{year}-{month:02d}-{day:02d}"


ISO_DATE = compile_rule(
    r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
SLASH_DATE = compile_rule(r"(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)")


def resolve_numeric_date(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "2022-08-31", "2022-08-31T10:00", US "8/31/2022", and "31/8/2022" when not US."""
    year = int(m.group("y"))
    if year < 100:
        year = two_digit_year(anchor, year) if anchor else year + (1900 if year > 40 else 2000)
    month, day_number = int(m.group("m")), int(m.group("d"))
    if month > 12 >= day_number:
        month, day_number = day_number, month
    try:
        day = datetime.date(year, month, day_number)
    except ValueError:
        return None
    if m.groupdict().get("hh") and int(m.group("hh")) < 24:
        return "TIME", f"{day.isoformat()}T{m.group('hh')}:{m.group('mm')}"
    return "DATE", day.isoformat()


def year_text_ahead(anchor: datetime.date, month: int, day: int) -> str:
    """Year of the next such month and day on or after the anchor (for future-tense clauses)."""
    ahead = (month, day) >= (anchor.month, anchor.day)
    return year_text(anchor.year if ahead else anchor.year + 1)
