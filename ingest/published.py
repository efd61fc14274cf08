"""The publication date an article gives itself: a date line near its top ("Wed 31 Aug 2022
10.05 BST", "Posted: March 4, 2024"), or an ISO date in its file name. Full dates only: nothing here
reads the clock."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from timeline.store.dates import MONTH_WORD, MONTHS, WEEKDAY_WORD

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")

_HEAD_LINES = 25
"""Date lines sit under the headline, at the top of an article; we look no further."""

_STAMP_CHARS = 1500
"""A date run in with a time of day counts only this near the start."""

_PUBLISHED_LINE = re.compile(
    r"^\W{0,3}(?:first\s+|last\s+)?(?:published|posted|updated|date(?:d|line)?)\b",
    re.IGNORECASE,
)

_WEEKDAY = rf"{WEEKDAY_WORD}\.?,?"

_FULL_DATE = re.compile(
    rf"(?:\b{_WEEKDAY}\s+)?(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{{month}})\.?,?"
    rf"|\b(?:{{month}})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+\d{{4}}\b"
    r"|(?<!\d)\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d:])"
    r"|(?<![\d/.])\d{1,2}([/.])\d{1,2}\1\d{4}(?![\d/.])",
    re.IGNORECASE,
)

_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")

_BYLINE = re.compile(
    r"^By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|al|and))*\s*[,|•·–—-]\s*"
)
"""A byline run into the date: "By Ilse Marrow, 14 March 2024", "By A. Ode | 3 May 2024"."""

_US_DATE = re.compile(r"\b(?:{month})\.?\s+\d{1,2},\s+\d{4}\b", re.IGNORECASE)

_WORLD_DATE = re.compile(r"\b\d{1,2}\s+(?:{month})\.?,?\s+\d{4}\b", re.IGNORECASE)

_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|UK time))?"

_LEFTOVER = re.compile(
    rf"{_CLOCK}|\b(?:{_WEEKDAY}|at|on|updated|last|local time|time|[A-Z]{{2,4}})\b|[\W_]+",
    re.IGNORECASE,
)

_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+")

_DATELINE_END = re.compile(r"^\s*(?:\([A-Za-z .]+\)\s*)?[-–—]")

_STAMP = re.compile(rf"^[\s,;|]*(?:{_CLOCK})\b|(?:{_CLOCK})[\s,;|]*$", re.IGNORECASE)


def month_first(text: str, language: str | None = None) -> bool:
    """Whether a numeric date on this page (`04/03/2024`) puts the month first.

    The page's own dates decide: those with month names ("March 4, 2024" against "4 March
    2024") and numeric ones whose order their numbers show ("01/29/2024" against "29/01/2024");
    failing those, its language (`en-US` writes the month first); else the day comes first, as in
    most of the world's English.
    """
    page = text[:20000]
    us, world = len(_US_DATE.findall(page)), len(_WORLD_DATE.findall(page))
    for first, second, _ in _NUMERIC_DATE.findall(page):
        us += int(first) <= 12 < int(second) <= 31
        world += int(second) <= 12 < int(first) <= 31
    if us != world:
        return us > world
    return (language or "").lower().replace("_", "-") in ("en-us", "en-ph")


def published_in_text(text: str, language: str | None = None) -> dt.date | None:
    """Find the publication date in a date line near the top of the text.

    A date line is a line that is mostly one full date ("January 09, 2008", "Wed 31 Aug 2022
    10.05 BST"), a line that starts with published/posted/updated, or a dateline ("TOKYO, August
    31, 2022 -"); failing those, a full date run in with a time of day near the start ("Tuesday 9
    March 2027 08.40 GMT"), as scraped pages print them. A date inside a sentence of the story is
    none of these. Only full dates count (day, month and year): resolving "2 hours ago" or a
    dateline without a year would need today's date. A byline may run into the date ("By Ilse
    Marrow | 14 March 2024"); a numeric date (`14/03/2024`) is read day first or month first
    as an impossible month, else the page (`month_first`), decides.

    Args:
        text: the article's text.
        language: the page's language tag (`en-GB`, `en-US`), when the page says it.
    """
    first = month_first(text, language)
    for number, line in enumerate(text.split("\n", _HEAD_LINES)):
        if number >= _HEAD_LINES:
            break
        found = _date_line(line.strip(), first)
        if found:
            return found
    head = text[:_STAMP_CHARS]
    for match in _FULL_DATE.finditer(head):
        before = head[max(0, match.start() - 30) : match.start()]
        after = head[match.end() : match.end() + 30]
        if _STAMP.search(before) or _STAMP.search(after):
            found = parse_full_date(match.group(), first)
            if found:
                return found
    return None


def _date_line(line: str, month_first: bool = False) -> dt.date | None:
    """The date of a date line, or None when the line is not one."""
    if len(line) > 120:
        return None
    if _PUBLISHED_LINE.match(line):
        for match in _FULL_DATE.finditer(line):
            return parse_full_date(match.group(), month_first)
        return None
    found = _FULL_DATE.search(line)
    if found is None:
        return None
    match = found
    after = line[match.end() :]
    lead = _DATELINE.match(line) or _BYLINE.match(line)
    rest = line[: match.start()] + " " + after
    if not _LEFTOVER.sub("", rest) or (
        lead is not None
        and lead.end() >= match.start()
        and (_DATELINE_END.match(after) or not _LEFTOVER.sub("", after))
    ):
        return parse_full_date(match.group(), month_first)
    return None


def parse_full_date(text: str, month_first: bool = False) -> dt.date | None:
    """Parse an absolute date with day, month and year ("31 August 2022", "Aug. 31, 2022 10:00",
    "14/03/2024"; a numeric date is day first unless `month_first` or its numbers say otherwise)."""
    text = re.split(r"\s[|•]\s", text, maxsplit=1)[0].strip()
    match = _ISO_DATE.search(text)
    if match:
        return _iso_date(match)
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        first, second, year = (int(part) for part in numeric.groups())
        if first > 12 or (second <= 12 and not month_first):
            return _valid_date(year, second, first)
        return _valid_date(year, first, second)
    found = _day_month_year(text)
    if found is not None:
        return found
    import dateparser  # slow to import: only when needed

    try:
        found = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"],
                "STRICT_PARSING": True,
            },
        )
    except (ValueError, OverflowError):
        return None
    return found.date() if found else None


_MONTH = MONTH_WORD

_FULL_DATE = re.compile(_FULL_DATE.pattern.replace("{month}", _MONTH), re.IGNORECASE)

_US_DATE = re.compile(_US_DATE.pattern.replace("{month}", _MONTH), re.IGNORECASE)

_WORLD_DATE = re.compile(_WORLD_DATE.pattern.replace("{month}", _MONTH), re.IGNORECASE)

_DAY_MONTH_YEAR = re.compile(
    rf"^(?:\w+day,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?|"
    rf"(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)


def _day_month_year(text: str) -> dt.date | None:
    """Read the common English forms "31 August 2022" and "Aug. 31, 2022" without dateparser."""
    match = _DAY_MONTH_YEAR.match(text)
    if not match:
        return None
    month = MONTHS[(match["m1"] or match["m2"]).lower()]
    return _valid_date(int(match["y"]), month, int(match["d1"] or match["d2"]))


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers name no real day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def published_in_name(name: str) -> dt.date | None:
    """Take the publication date from an ISO date (YYYY-MM-DD) in a file name."""
    match = _ISO_DATE.search(Path(name).name)
    return _iso_date(match) if match else None


def _iso_date(match: re.Match[str]) -> dt.date | None:
    """Build a date from a YYYY-MM-DD match, None when it is no real day."""
    return _valid_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
