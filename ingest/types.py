"""Plain values that ingest/ hands to its callers: temporal expressions and parsed dates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression found in a text, normalised as a TimeML TIMEX3.

    `start`/`end` are character offsets into the text (end exclusive); `type` is one of
    DATE, TIME, DURATION, SET; `value` is a TIMEX3 value such as `2022-08-31`, `P2D`, `PAST_REF`.
    """

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date as the store keeps it: ISO 8601 cut to its precision, with an optional end."""

    start: str
    precision: str  # year, month, day or minute
    end: str | None = None
    approximate: bool = False
