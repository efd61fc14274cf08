"""Where a sentence with no date of its own is placed: at the day the article reports,
approximately; in the days just before it when it tells of something "just returned" from; or,
for a past step told right after a sentence that named its own earlier day, on that day.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.ingest.reader.clauses import present_perfect
from timeline.ingest.reader.reference import Dating, Reference
from timeline.ingest.reader.verb_forms import past_verbs
from timeline.ingest.types import ParsedDate
from timeline.store.dates import day_of

_JUST_BEFORE = re.compile(
    r"\b(?:just|recently)\s+(?:returned|come\s+back|arrived\s+back|got\s+back|finished|"
    r"completed|wrapped\s+up)\b",
    re.IGNORECASE,
)
"""A stretch just before the reference day ("had just returned from")."""
REPORT_THAT = re.compile(
    r"\b(?:said|says|announced|announces|told\s+\w+(?:\s+\w+)?|predicted|promised|pledged|"
    r"confirmed|warned|expects|expected|hopes|hoped)\b(?:\s+that)?\s",
    re.IGNORECASE,
)
"""A saying with what was said after it: the saying is news of its own day."""


def at_reference(text: str, ref: Reference) -> Dating | None:
    """Rule 2: a happening with no date of its own is at the reference day, approximate; one
    "just returned" from is in the days before it; a past step told right after a sentence that
    named its own earlier day is on that day (see `_carried`)."""
    if ref.news is None:
        return None
    carried = _carried(text, ref)
    if carried is not None:
        return carried
    day = dt.date.fromisoformat(ref.news.start[:10])
    if _JUST_BEFORE.search(text):
        first = day - dt.timedelta(days=7)
        date = ParsedDate(first.isoformat(), "day", day.isoformat(), approximate=True)
    else:
        date = ParsedDate(day.isoformat(), "day", approximate=True)
    return Dating(date, "report", "", None, day.isoformat())


def _carried(text: str, ref: Reference) -> Dating | None:
    """A past sentence with no date of its own, right after one that named an earlier day
    ("Tests began on Wednesday, a day later than planned. The delay occurred as officials sought
    assurances."), goes on telling that day: approximately on it, counted from it. Not a report
    of what someone said (the saying is news of its own day), nor a present perfect, nor after a
    saying, a flashback, a sentence dated at the news day or another carried one: a lead keeps
    the news day."""
    narrated = ref.narrated
    if not ref.told or narrated is None or ref.news is None or narrated.approximate:
        return None
    day, news = day_of(narrated.start), day_of(ref.news.start)
    if day is None or news is None or not news - CARRY_WINDOW <= day < news:
        return None  # background ("the rig exploded on 20 April") is no passage of this story
    if not _tells_in_the_past(text) or present_perfect(text) or REPORT_THAT.search(text):
        return None  # "has stayed there since": up to now; "said": the saying's own day
    if _JUST_BEFORE.search(text):
        return None
    date = ParsedDate(day.isoformat(), "day", approximate=True)
    return Dating(date, "narrative", "", None, narrated.start)


CARRY_WINDOW = dt.timedelta(days=14)
"""How far before the news day a narrated day may be and still be a passage of the story being
told; an older one is background, and what follows it tells of the story again."""
_PRESENT_WORD = re.compile(
    r"\b(?:is|are|am|has|have|will|can|may|must|shall|should|does|do|says|say|that)\b|[“”\"]"
)
"""A present verb, a quotation or a "that" opening what someone holds: before the first past
verb, the sentence is no past step ("costs to date amount to ...", "estimate that ...")."""
_NOW = re.compile(r"\b(?:is|are|am|has|have|says|say|now)\b")
"""A present verb anywhere ("What first seemed a small spill is now rated serious", "marched
but say they were beaten"): the sentence speaks of now too."""
_FIRST_WORDS = 8
"""How far into a sentence its main past verb stands: later, it is some clause's, not the main."""


def _tells_in_the_past(text: str) -> bool:
    """Whether a sentence tells only in the past: its first past verb comes within its first
    words, with no quotation or "that" clause before it, and no present verb anywhere."""
    if "“" in text or '"' in text:
        return False
    verbs = past_verbs(text)
    if not verbs:
        return False
    head = text[: verbs[0].start()]
    if len(head.split()) >= _FIRST_WORDS or _PRESENT_WORD.search(head):
        return False
    return not _NOW.search(text)
