"""Stored dates as EDTF and back (`2022-08~`, `1970/2000`): written in Python, and once more in SQL
for the exports SQLite writes itself; read by import."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.store.dates import precision_of

_EDTF_PART = re.compile(
    r"(?P<date>-?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?)?)?)"
    r"(?P<qual>[~?%]?)"
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


def edtf_sql(table: str = "e") -> str:
    """SQL computing `to_edtf` over an events table's columns, for exports SQLite writes itself.

    The same rules as `to_edtf`, written once more in SQL; a test runs both over every precision,
    range, approximate and BCE case. A plain date (the most common) is its start, decided first.
    """
    start, end = f"{table}.start", f'{table}."end"'
    mark = f"(CASE WHEN {table}.approximate THEN '~' ELSE '' END)"
    start_text = f"(CASE WHEN instr({start}, 'T') THEN {start} || ':00' ELSE {start} END)"
    end_text = f"(CASE WHEN instr({end}, 'T') THEN {end} || ':00' ELSE {end} END)"
    return (
        f"CASE WHEN {start} IS NULL THEN '' "
        f"WHEN {end} IS NULL AND NOT {table}.approximate AND NOT instr({start}, 'T') "
        f"THEN {start} ELSE {start_text} || {mark} || "
        f"CASE WHEN {end} IS NULL THEN '' ELSE '/' || {end_text} || {mark} END END"
    )


def from_edtf(text: str) -> EdtfDate | None:
    """Read the EDTF forms `to_edtf` writes (and `?`/`%` as approximate); None if not EDTF."""
    pieces = text.strip().split("/")
    if len(pieces) > 2:
        return None
    read = []
    for piece in pieces:
        match = _EDTF_PART.fullmatch(piece)
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
