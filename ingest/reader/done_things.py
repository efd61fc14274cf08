"""A date naming a thing already done looks back, whatever the main clause's tense: "The
inquiry will look at the November 2 blast" is about last November's blast, not next one's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.ingest.reader.asides import names_a_thing
from timeline.ingest.reader.reference import Dating, Reference
from timeline.ingest.reader.values import is_after, most_recent, names_month_without_year
from timeline.ingest.reader.verb_forms import past_verbs
from timeline.ingest.types import Timex

_UNPLANNED = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:blast|explosion|blowout|spill|leak|fire|blaze|crash|collapse|"
    r"disaster|accident|attack|bombing|shooting|quake|earthquake|tsunami|storm|flood|flooding|"
    r"riot|massacre|killing|murder|sinking|derailment)s?\b",
    re.IGNORECASE,
)
"""A noun for a happening nobody schedules: named by a day, it is one already past."""
_DONE_AFTER = re.compile(
    r"^[^.;:“”\"]{0,80}?\b(?:that|which|who)\s+(?:(?:had|was|were)\b|(?P<verb>[a-z]+)\b)",
    re.IGNORECASE,
)
"""A relative clause after the named thing: done when its verb is past ("that killed four")."""


def done_looks_back(found: Dating, before: str, timex: Timex, after: str, ref: Reference) -> Dating:
    """A day without a year naming a thing already done ("will look at the November 2 blast")
    is the most recent such day, whatever the main clause's tense."""
    date = found.date
    assert date is not None
    if not (is_after(date, ref.published) and names_month_without_year(timex.text)):
        return found
    if not (names_a_thing(before, timex.text, after) and _a_done_thing(after)):
        return found
    return replace(found, date=most_recent(date, ref.published))


def _a_done_thing(after: str) -> bool:
    """Whether the thing a date names (what follows the date) is already done: a happening
    nobody schedules ("the November 2 blast") or one a past relative clause tells of ("the 3 May
    vote that ousted the mayor"). Its date looks back whatever the main clause's tense; a thing
    still to come ("the June 2 vote", "next week's hearing") keeps the sentence's direction."""
    if _UNPLANNED.match(after):
        return True
    found = _DONE_AFTER.match(after)
    if found is None:
        return False
    verb = found["verb"]
    return verb is None or bool(past_verbs(f"It {verb} it"))
