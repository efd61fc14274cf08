"""EDTF (Library of Congress, ISO 8601-2) for the dates we store: `2012`, `2022-08~`, `a/b`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.store.models import precision_of

_PART = re.compile(
    r"(?P<date>-?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?)?)?)(?P<qual>[~?%]?)"
)


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A date read from EDTF, in the store's own form."""

    start: str
    precision: str
    end: str | None
    approximate: bool


def to_edtf(start: str | None, end: str | None, precision: str | None, approximate: bool) -> str:
    """Write a stored date as EDTF; minutes gain `:00` because EDTF times carry seconds."""
    if start is None:
        return ""
    mark = "~" if approximate else ""

    def one(value: str) -> str:
        return (value + ":00" if "T" in value else value) + mark

    return one(start) if end is None else f"{one(start)}/{one(end)}"


def from_edtf(text: str) -> EdtfDate | None:
    """Read the EDTF forms `to_edtf` writes (and `?`/`%` as approximate); None if not EDTF."""
    parts = text.strip().split("/")
    if len(parts) > 2:
        return None
    read = []
    for part in parts:
        match = _PART.fullmatch(part)
        if not match:
            return None
        date = match["date"]
        if "T" in date and date.count(":") == 2:
            if not date.endswith(":00"):
                return None
            date = date[:-3]
        if precision_of(date) is None:
            return None
        read.append((date, bool(match["qual"])))
    start, approx = read[0]
    end = read[1][0] if len(read) == 2 else None
    approx = approx or any(q for _, q in read[1:])
    return EdtfDate(start=start, precision=precision_of(start) or "", end=end, approximate=approx)
