"""Take the relative time words that dated a mention out of its title.

A title is read under its date column, so "The ferry sank yesterday" or "the council will vote
next week" reads wrong there: the column already says when. When the expression that dated the
mention is a relative one (a day named from the news day, "last month", "this morning", "two
weeks ago"), it is cut from the sentence the title is made from, with the preposition that
introduced it, and the commas around it tidied. A calendar date ("on 4 March", "in 2019") stays;
so does a time word that is part of a phrase ("Tuesday's vote", "since last week", "the day's
catch"), or one inside quoted words.
"""

from __future__ import annotations

import re

from timeline.ingest.reader.title_cuts import has_verb
from timeline.store.dates import WEEKDAY_NAMES

_WEEKDAY = "|".join(WEEKDAY_NAMES)
_PART = r"morning|afternoon|evening|night|lunchtime"
_UNIT = r"day|week|fortnight|month|year|weekend|summer|winter|spring|autumn|fall"
_COUNT = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d{1,2}"
RELATIVE_TIME = re.compile(
    rf"(?:(?:earlier|later|late|early)\s+)?(?:"
    rf"(?:today|tonight|tomorrow|yesterday)(?:\s+(?:{_PART}))?|"
    rf"(?:(?:this|last|next)\s+|this\s+past\s+|the\s+past\s+)?(?:{_WEEKDAY})(?:\s+(?:{_PART}))?|"
    rf"(?:this|last|next|this\s+past)\s+(?:{_PART}|{_UNIT})|"
    rf"(?:the\s+)?weekend|"
    rf"(?:nearly\s+|almost\s+|about\s+|some\s+|just\s+|only\s+)?(?:{_COUNT})\s+(?:{_UNIT})s?\s+ago)",
    re.IGNORECASE,
)
"""An expression that names a time only from the day it is read on: "yesterday", "on Tuesday
night", "last month", "earlier this week", "two weeks ago"."""
_BEFORE = re.compile(
    r"(?:\b(?:earlier|later|late|early)\s+)?(?:\b(?:on|at|over|during|in)\s+)?$", re.I
)
"""What introduces the expression and goes with it: "on", "at the weekend", "earlier on"."""
_PHRASE_BEFORE = re.compile(
    r"\b(?:since|until|till|by|from|to|into|through|throughout|before|after|of|for|between|than|"
    r"and|or|the|every|each|same|spent|spend|spends|spending|passed)\s+$",
    re.I,
)
"""A word that makes the time part of a phrase ("since last week", "ahead of Friday", "the
Thursday before last"): kept."""
_PHRASE_AFTER = re.compile(
    rf"^(?:['’]|\s*of\b|\s*,\s*when\b|\s*(?:and|or|to|through|until|-|–|—)\s*"
    rf"(?:{_WEEKDAY}|early|late|last|next|this|the\s+(?:next|following)\b))",
    re.IGNORECASE,
)
"""What binds the time to the words after it: "Tuesday's vote", "Monday and Tuesday",
"last Monday, when ..." (the clause tells of the time)."""

_CLOCK_BEFORE = re.compile(
    r"(?:\b\d{1,2}[:.]?\d{2}|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\b(?:noon|midnight|dawn|dusk))"
    r"(?:\s+(?:GMT|BST|EST|EDT|ET|UTC|local\s+time))?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
"""A clock time just before the day ("at 10am on Friday", "by 0300 on Monday"): one time, cut
whole or not at all."""

_LONE_OPENER = re.compile(
    r"(?P<mark>[(\[“\"‘']?)\s*(?:(?:also|just|only|even|and|but|then|so)\b,?)?", re.IGNORECASE
)
"""A word left alone before the time at the start of a sentence ("Just this week, ..."): it
goes with the time; an opening bracket or quotation mark stays."""

_CLAUSE_START = re.compile(r"(?:^|\b(?:that|and|but|because|as|when|while|if|so|where)\s+)$")
"""Where a clause begins, so the time after it may be its subject."""


def without_time_words(sentence: str, span: tuple[int, int]) -> str:
    """The sentence without the relative time expression at `span` (offsets in it) that dated
    its mention, tidied ("The ferry sank yesterday." -> "The ferry sank."); the sentence as it
    was when the expression is no relative time, is bound into a phrase, or is quoted."""
    start, end = span
    if not RELATIVE_TIME.fullmatch(sentence[start:end].strip()) or _quoted(sentence, start):
        return sentence
    left, right = sentence[:start], sentence[end:]
    if _PHRASE_BEFORE.search(left) or _PHRASE_AFTER.match(right):
        return sentence
    if re.search(r"\bin\s+$", left, re.I) and re.match(r"\s+[a-z]", right):
        return sentence  # "in Tuesday trading", "in Friday night's ...": it names a session
    if _CLOCK_BEFORE.search(left):
        return sentence  # "by 0300 on Monday": the day goes with the clock before it
    left = left[: _BEFORE.search(left).start()]  # type: ignore[union-attr]
    right = re.sub(r"^\s+ago\b", "", right)
    if _CLAUSE_START.search(left) and _opens_on_verb(right):
        return sentence  # "... and that today would be the last day": the time is the subject
    opener = _LONE_OPENER.fullmatch(left.strip())
    if opener is not None:  # "Also on Sunday, crews ...": "Crews ..."
        if _opens_on_verb(right):
            return sentence  # "Last week saw ...": the time was the subject
        rest = right.lstrip(" ,")
        joined = opener["mark"] + rest[:1].upper() + rest[1:]
    elif right.lstrip().startswith(",") and (
        left.rstrip().endswith(",") or _CLAUSE_START.search(left)
    ):
        # "The mayor, on Monday, said", "said that on Monday, the pier ..."
        joined = left.rstrip(" ,") + " " + right.lstrip(" ,")
    elif re.match(r"\s*(?:[.,;:!?)”\"]|$)", right):
        joined = left.rstrip() + right.lstrip()
    else:
        joined = left.rstrip() + " " + right.lstrip()
    return joined if has_verb(joined) and len(joined.split()) >= 3 else sentence


def _opens_on_verb(right: str) -> bool:
    """Whether the words after the time open on a verb, no comma between ("saw the", "would
    be"): the time is the subject of that verb."""
    rest = right.lstrip()
    return not rest.startswith(",") and has_verb(rest.split(" ", 1)[0] + " the")


def _quoted(sentence: str, at: int) -> bool:
    """Whether `at` falls inside quoted words, which a title keeps as they were said."""
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
