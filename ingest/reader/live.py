"""Live pages: updates that open on a time stamp ("2.01 pm: ...", "Update 14:05 GMT - ...", or a
bare 24-hour "1415 Crews reached ..." when the page's four-digit openings cannot all be years).

A page with several stamped updates is a live page. Each update is dated by the page's own day
(its publication date) and its stamp; a day one update names dates that update's sentence only,
never the updates after it. The stamp itself is never part of a title.
"""

from __future__ import annotations

import re

STAMP = re.compile(
    r"^\W{0,3}(?:(?:update|updated|breaking)\s*(?:at\s+)?:?\s*)?"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<half>[ap]\.?m\.?)?"
    r"(?:\s*(?:GMT|BST|UTC|CET|[ECMP][SD]?T|local(?:\s+time)?))?\s*(?:[:–—-]|\s-)\s*",
    re.IGNORECASE,
)
"""A time stamp opening an update: a clock time, then a colon or a dash."""
BARE_STAMP = re.compile(r"^\W{0,3}(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?=[A-Z“\"‘'])")
"""A bare 24-hour stamp opening an update ("0915 Rescuers ..."): four digits, then a capital.
Four digits opening a line are as often a year, so a page is read this way only as a whole
(`bare_stamps`)."""
LIVE_MIN = 3
"""Stamped lines a page needs to be read as a live page."""
FIRST_YEAR = 1900
"""Four digits below this open a line as a clock, not as the year of a modern report."""


def is_live(text: str, year: int | None = None) -> bool:
    """Whether a page is a live page: at least LIVE_MIN lines open on a time stamp, with or
    without a separator (see `bare_stamps`; `year` is the page's publication year)."""
    count = 0
    for line in text.split("\n"):
        end, clock = stamp_of(line)
        count += clock is not None and not line[end : end + 1].isdigit()
        if count >= LIVE_MIN:
            return True
    return bare_stamps(text, year)


def bare_stamps(text: str, year: int | None) -> bool:
    """Whether a page's updates open on bare 24-hour stamps ("1609 Aid flights ..."): at least
    LIVE_MIN lines do, and at least half of those cannot be the year of a report published in
    `year` (before FIRST_YEAR or after it), so a chronology listing "1998 ...", "2004 ..." is
    never read as a clock."""
    values = [int(m[1] + m[2]) for m in map(BARE_STAMP.match, text.split("\n")) if m is not None]
    if len(values) < LIVE_MIN:
        return False
    latest = year if year is not None else 9999
    clocks = sum(1 for value in values if value < FIRST_YEAR or value > latest)
    return 2 * clocks >= len(values)


def stamp_of(sentence: str, bare: bool = False) -> tuple[int, str | None]:
    """Where a sentence's opening stamp ends, and its clock as "HH:MM" (None when it names no
    valid time); (0, None) when the sentence opens on none. `bare` also takes a stamp with no
    separator ("1415 Crews ..."), for a page `bare_stamps` reads as stamped."""
    match = STAMP.match(sentence) or (BARE_STAMP.match(sentence) if bare else None)
    if match is None:
        return 0, None
    hour, minute = int(match["hour"]), int(match["minute"])
    half = (match.groupdict().get("half") or "").lower()[:1]
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return 0, None
    return match.end(), f"{hour:02d}:{minute:02d}"


def strip_stamp(title: str, bare: bool = False) -> str:
    """A title without a time stamp it opens on (`bare` as in `stamp_of`)."""
    end, clock = stamp_of(title, bare)
    return title[end:] if clock is not None and end < len(title) else title
