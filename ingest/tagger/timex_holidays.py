"""Timex rules for named holidays: fixed ones (Christmas) and ones computed per year (Easter)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from timeline.ingest.tagger.timex_anchor import Anchor, year_of_month, year_text
from timeline.ingest.tagger.timex_grammar import Resolved, compile_rule, direction_of
from timeline.ingest.tagger.timex_lexicon import alternation

#: Holidays on the same month and day every year.
FIXED = {
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


def nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The n-th (1-based; -1 for the last) given weekday (0 = Monday) of a month."""
    if n > 0:
        first = datetime.date(year, month, 1)
        return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = following - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> datetime.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return datetime.date(year, month, day)


#: Holidays that move: month they fall in, and how to find the day in a given year.
MOVING: dict[str, tuple[int, Callable[[int], datetime.date]]] = {
    "thanksgiving": (11, lambda y: nth_weekday(y, 11, 3, 4)),
    "thanksgiving day": (11, lambda y: nth_weekday(y, 11, 3, 4)),
    "labor day": (9, lambda y: nth_weekday(y, 9, 0, 1)),
    "memorial day": (5, lambda y: nth_weekday(y, 5, 0, -1)),
    "mother's day": (5, lambda y: nth_weekday(y, 5, 6, 2)),
    "father's day": (6, lambda y: nth_weekday(y, 6, 6, 3)),
    "easter": (4, easter),
    "easter sunday": (4, easter),
    "easter monday": (4, lambda y: easter(y) + datetime.timedelta(days=1)),
    "good friday": (4, lambda y: easter(y) - datetime.timedelta(days=2)),
}

HOLIDAY = compile_rule(
    r"(?:(?P<rel>last|this|next)\s+)?"
    rf"(?P<name>{alternation(list(FIXED) + list(MOVING)).replace('.', '[.]')})"
    r"(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?"
)


_NAMED_AFTER = re.compile(r"\s+(?!(?:Day|Eve|Night|Weekend)\b)[A-Z][a-z]")


def resolve_holiday(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Christmas", "Easter 2019", "last Thanksgiving" as the day it falls on."""
    name_text = m.group("name")
    if not name_text[:1].isupper() or _NAMED_AFTER.match(m.string, m.end()):
        return None  # "christmas trees", "the Good Friday Agreement", "Easter Island"
    name = " ".join(name_text.lower().split()).replace("’", "'")
    month = FIXED[name][0] if name in FIXED else MOVING[name][0]
    if m.group("year"):
        year_value = m.group("year")
    elif m.group("rel") and anchor is not None:
        year_value = year_text(anchor.year + direction_of(m.group("rel")))
    else:
        year_value = year_of_month(anchor, month)
    if name in FIXED:
        return "DATE", f"{year_value}-{month:02d}-{FIXED[name][1]:02d}"
    if not year_value.isdigit() or not 1 <= int(year_value) <= 9998:
        return "DATE", "XXXX-XX-XX"
    return "DATE", MOVING[name][1](int(year_value)).isoformat()
