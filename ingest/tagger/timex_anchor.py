"""Calendar arithmetic that turns an anchor date plus an offset into a TIMEX3 value string.

Every function takes the anchor (the publication date) explicitly and returns an X-form value
(`XXXX-XX-XX`, `XXXX-WXX`, ...) when the anchor is unknown, so nothing here reads the clock.
"""

from __future__ import annotations

import datetime

Anchor = datetime.date | None

#: Placeholder values, by granularity, for when the anchor date is unknown.
UNKNOWN = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
#: Month in which each season mostly lies, to decide whether "last summer" is this year's.
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def day_value(day: datetime.date) -> str:
    """ISO date of a day."""
    return day.isoformat()


def week_value(day: datetime.date) -> str:
    """ISO week (`2022-W35`) containing a day."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The day `months` calendar months away, clamped to the first of the month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def quarter_of(day: datetime.date) -> int:
    """Quarter (1-4) a day falls in."""
    return (day.month - 1) // 3 + 1


def year_text(year: int) -> str:
    """Four-digit year, or XXXX for years TIMEX3 cannot write (before 0, after 9999)."""
    return f"{year:04d}" if 0 <= year <= 9999 else "XXXX"


def two_digit_year(anchor: Anchor, digits: int) -> int:
    """The year written "'99": the one of that ending nearest the anchor (19xx with no anchor)."""
    if anchor is None:
        return 1900 + digits
    base = anchor.year - anchor.year % 100 + digits
    return min((base - 100, base, base + 100), key=lambda year: (abs(year - anchor.year), year))


def two_digit_decade(anchor: Anchor, digit: int) -> str:
    """The decade written "the '20s": the latest such decade begun by the anchor's year."""
    if anchor is None:
        return f"19{digit}"
    start = anchor.year - anchor.year % 100 + 10 * digit
    return year_text(start if start <= anchor.year else start - 100)[:3]


def shifted(anchor: Anchor, unit: str, offset: int) -> str:
    """Value of the `unit` period `offset` units away from the anchor's own period.

    `unit` is one of day, week, weekend, month, quarter, half, year, decade, century.
    Periods beyond the calendar's range (year 1 to 9999) come back in X form.
    """
    if anchor is None:
        return UNKNOWN[unit]
    try:
        return _shifted(anchor, unit, offset)
    except (ValueError, OverflowError):
        return UNKNOWN[unit]


def _shifted(anchor: datetime.date, unit: str, offset: int) -> str:
    """`shifted` for a known anchor; raises when the result leaves the calendar."""
    if unit == "day":
        return day_value(anchor + datetime.timedelta(days=offset))
    if unit == "week":
        return week_value(anchor + datetime.timedelta(weeks=offset))
    if unit == "weekend":
        return week_value(anchor + datetime.timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        month = add_months(anchor, offset)
        return f"{month.year:04d}-{month.month:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + offset
        return f"{year_text(index // 4)}-Q{index % 4 + 1}"
    if unit == "half":
        index = anchor.year * 2 + (anchor.month - 1) // 6 + offset
        return f"{year_text(index // 2)}-H{index % 2 + 1}"
    if unit == "year":
        return year_text(anchor.year + offset)
    if unit == "decade":
        return year_text((anchor.year // 10 + offset) * 10)[:3]
    if unit == "century":
        return year_text((anchor.year // 100 + offset) * 100)[:2]
    raise ValueError(f"unknown unit {unit!r}")


#: A month named without a year is read within this many months before or after the anchor:
#: news looks back further than it looks ahead.
MONTHS_BACK, MONTHS_AHEAD = 8, 4


def year_of_month(anchor: Anchor, month: int) -> str:
    """Year of a month named without one ("in March"), read around the anchor."""
    if anchor is None:
        return "XXXX"
    ahead = month - anchor.month
    if ahead > MONTHS_AHEAD:
        return year_text(anchor.year - 1)
    if ahead < -MONTHS_BACK:
        return year_text(anchor.year + 1)
    return year_text(anchor.year)


def month_relative(anchor: Anchor, month: int, direction: int) -> str:
    """`YYYY-MM` of a named month: last (-1), this (0) or next (+1) occurrence from the anchor."""
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if direction < 0 and month >= anchor.month:
        year -= 1
    elif direction > 0 and month <= anchor.month:
        year += 1
    return f"{year_text(year)}-{month:02d}"


def weekday_date(anchor: Anchor, weekday: int, direction: int) -> str:
    """Date of a named weekday (0 = Monday) relative to the anchor.

    direction 0: the most recent such day, the anchor itself included (news usually reports
    what happened); -1: strictly before the anchor; +1: strictly after it; 2: the one in the
    anchor's own week ("this Friday"); 3: the next such day, the anchor itself included ("will
    meet Wednesday" in a Wednesday paper is that day: wire style names today by its weekday).
    """
    if anchor is None or not datetime.date(1, 1, 8) <= anchor <= datetime.date(9999, 12, 24):
        return f"XXXX-WXX-{weekday + 1}"
    back = (anchor.weekday() - weekday) % 7
    if direction == 2:
        return day_value(anchor + datetime.timedelta(days=weekday - anchor.weekday()))
    if direction == 3:
        return day_value(anchor + datetime.timedelta(days=(weekday - anchor.weekday()) % 7))
    if direction > 0:
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return day_value(anchor + datetime.timedelta(days=ahead))
    if direction < 0 and back == 0:
        back = 7
    return day_value(anchor - datetime.timedelta(days=back))


def season_value(anchor: Anchor, season: str, direction: int) -> str:
    """`YYYY-SU` style value of a season: last (-1), this (0) or next (+1) from the anchor."""
    if anchor is None:
        return f"XXXX-{season}"
    if season == "WI" and anchor.month in (12, 1, 2):
        # inside a winter, named by the year it began: January 2020 is in winter 2019
        current_winter = anchor.year if anchor.month == 12 else anchor.year - 1
        return f"{year_text(current_winter + max(-1, min(1, direction)))}-WI"
    year = anchor.year
    current = SEASON_MONTH[season] <= anchor.month
    if direction < 0 and not (current and SEASON_MONTH[season] + 2 < anchor.month):
        year -= 1
    elif direction > 0 and current:
        year += 1
    return f"{year_text(year)}-{season}"


def weekend_value(anchor: Anchor) -> str:
    """The weekend a report most likely means: the coming one from Friday, else the last one."""
    if anchor is None:
        return UNKNOWN["weekend"]
    return shifted(anchor, "weekend", 0 if anchor.weekday() >= 4 else -1)


def last_quarter(anchor: Anchor, years_back: int = 0) -> str:
    """The latest completed quarter (what earnings news calls "the quarter"), maybe a year back."""
    if anchor is None:
        return UNKNOWN["quarter"]
    index = anchor.year * 4 + quarter_of(anchor) - 2 - 4 * years_back
    return f"{year_text(index // 4)}-Q{index % 4 + 1}"
