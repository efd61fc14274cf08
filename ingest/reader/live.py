"""Live pages: updates that open on a time stamp ("2.01 pm: ...", "Update 14:05 GMT - ...").

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
LIVE_MIN = 3
"""Stamped lines a page needs to be read as a live page."""


def is_live(text: str) -> bool:
    """Whether a page is a live page: at least LIVE_MIN lines open on a time stamp."""
    count = 0
    for line in text.split("\n"):
        end, clock = stamp_of(line)
        count += clock is not None and not line[end : end + 1].isdigit()
        if count >= LIVE_MIN:
            return True
    return False


def stamp_of(sentence: str) -> tuple[int, str | None]:
    """Where a sentence's opening stamp ends, and its clock as "HH:MM" (None when it names no
    valid time); (0, None) when the sentence opens on none."""
    match = STAMP.match(sentence)
    if match is None:
        return 0, None
    hour, minute = int(match["hour"]), int(match["minute"])
    half = (match["half"] or "").lower()[:1]
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return 0, None
    return match.end(), f"{hour:02d}:{minute:02d}"


def strip_stamp(title: str) -> str:
    """A title without a time stamp it opens on."""
    end, clock = stamp_of(title)
    return title[end:] if clock is not None and end < len(title) else title
