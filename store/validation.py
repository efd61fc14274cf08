"""What every way in (typed, CSV, JSON Lines, ingest) must satisfy, so that an export can
always be imported again exactly: no control bytes, dates that keep everything written, ids
SQLite holds."""

from __future__ import annotations

import re

from timeline.store.errors import BadEvent, quoted

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters refused in event text: all but tab, newline and carriage return."""

MAX_DATE_TEXT = 64
"""Longest text read as a date: longer is no date, and parsing it could take seconds."""

MAX_ID = 2**63 - 1 - 2**20
"""Largest event id taken from a file: any id SQLite holds, so that a database whose ids passed
2**53 exports a backup that imports again (Python reads big JSON numbers exactly), less a
million ids of room for SQLite's AUTOINCREMENT to add events after it."""

_SECONDS_OR_ZONE = re.compile(
    r"-?[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}"
    r"(?::(?P<seconds>[0-9]{2}(?:[.,][0-9]+)?))?\s*(?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?|UTC|GMT)?",
    re.IGNORECASE,
)
_TWO_DIGIT_YEAR = re.compile(r"[0-9]{1,2}([-/.])[0-9]{1,2}\1[0-9]{2}|'[0-9]{2}|[0-9]{2}-[0-9]{2}")


def control_problem(text: str) -> str | None:
    """Why a text cannot be stored (a control character, named with its position), or None."""
    found = CONTROL.search(text)
    if found is None:
        return None
    return f"control character U+{ord(found.group()):04X} at character {found.start() + 1}"


def date_text_problem(text: str) -> str | None:
    """Why a typed or imported date cannot be taken as written, or None.

    Seconds and time zones would be dropped (the store keeps minutes, local as written), and
    a two-digit year (`22-01-01`, `1/2/22`) is ambiguous.
    """
    text = text.strip()
    if len(text) > MAX_DATE_TEXT:
        return f"{quoted(text)} is too long for a date"
    lossy = _SECONDS_OR_ZONE.fullmatch(text)
    if lossy and (lossy["zone"] or (lossy["seconds"] and lossy["seconds"].strip("0.,"))):
        return (
            f"{quoted(text)}: seconds and time zones are not kept; "
            f"write the local time to the minute ({text[:16].replace(' ', 'T')})"
        )
    if _TWO_DIGIT_YEAR.fullmatch(text):
        return f"{quoted(text)}: a two-digit year is ambiguous; write the year in full"
    return None


def check_text(name: str, text: str) -> None:
    """Refuse text SQLite cannot store as UTF-8 (lone surrogates, e.g. from undecodable argv)
    and control characters other than tab and newline, which an export could not give back."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadEvent(
            f"the {name} is not valid UTF-8 text", name, "not valid UTF-8 text"
        ) from None
    problem = control_problem(text)
    if problem:
        raise BadEvent(f"the {name} holds a {problem}", name, problem)


TEXT_FIELDS = ("title", "details", "quote", "date_text")
"""An event's text fields, checked by check_text."""


def storable(text: str) -> bool:
    """Whether check_text would take this text: valid UTF-8, no control character."""
    if CONTROL.search(text):
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
