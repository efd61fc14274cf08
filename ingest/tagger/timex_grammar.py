"""Shared pieces of the timex grammar: the Rule type, pattern compiling, small word helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from timeline.ingest.tagger.timex_anchor import Anchor, two_digit_year
from timeline.ingest.tagger.timex_lexicon import MONTHS, spoken_year

#: What a resolver says of a match: None to reject it, else (type, value), or
#: (type, value, start) to report the timex from `start` on, leaving out a leading word, or
#: (type, value, start, end) to report one piece of the match (a day of "4-6 May").
Resolved = tuple[str, str] | tuple[str, str, int] | tuple[str, str, int, int] | None
#: Value a rule gives "a year earlier"-like phrases; the tagger fills it in from nearby quarters.
YEAR_EARLIER = "YEAR_EARLIER"
#: Prefix of the value a rule gives "that year"-like phrases; the tagger fills them in.
ANAPHOR_MARK = "@"


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the function that types and values its matches."""

    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Anchor], Resolved]
    #: Trigger categories (see `ingest.timex_lexicon.TRIGGERS`): every match holds such a word,
    #: so the pattern only runs near them.
    keys: tuple[str, ...]


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Compile a grammar pattern: case-insensitive, anchored at word starts."""
    return re.compile(rf"(?<![\w$€£¥.-])(?:{pattern})(?![\w])", re.IGNORECASE)


def month_number(word: str) -> int:
    """Month number of a month name or abbreviation (with or without its dot)."""
    return MONTHS[word.lower().rstrip(".")]


def capitalised(word: str) -> bool:
    """True for "May" and "MAY", false for "may": lower-case month names are ordinary words."""
    return word[:1].isupper()


DIRECTIONS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this past": -1,
    "preceding": -1,
    "prior": -1,
    "latest": -1,
    "this": 0,
    "current": 0,
    "same": 0,
    "present": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "this coming": 1,
    "upcoming": 1,
}


def direction_of(word: str | None) -> int:
    """-1, 0 or +1 for a relative word such as "last", "this", "next"."""
    return DIRECTIONS.get(" ".join((word or "this").lower().split()), 0)


def year_number(text: str, anchor: Anchor = None) -> int | None:
    """Year from "1998", "'98" (the century nearest the anchor) or "nineteen ninety-eight"."""
    digits = text.strip("'’")
    if not digits.isdigit():
        return spoken_year(digits)
    return int(digits) if len(digits) == 4 else two_digit_year(anchor, int(digits))


_QUANTITY_BEFORE = re.compile(
    r"(?:\d|\$|%|\b(?:million|billion|once|twice|times|per|cents?|seats|flights)\b)[^.;:\d]{0,25}$",
    re.IGNORECASE,
)


def counted_before(m: re.Match[str]) -> bool:
    """True when a quantity precedes the match in its clause: "$2 million a year" is a rate."""
    return bool(_QUANTITY_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]))


def clause_before(text: str, start: int, width: int = 60) -> str:
    """The text of the current clause up to `start`, at most `width` characters back."""
    window = text[max(0, start - width) : start]
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n"))
    return window[cut + 1 :]


_FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|shall|going\s+to|is\s+to|are\s+to|scheduled|expected|plans?\s+to|"
    r"planned|due|set\s+to|next|until|upcoming|effective)\b",
    re.IGNORECASE,
)
_PAST_CUES = re.compile(r"\b(?:had|was|were|did|previously)\b", re.IGNORECASE)


_PAST_VERB = re.compile(r"\b(?:had|was|were|did|previously|ago)\b", re.IGNORECASE)
#: A deadline looks ahead: "by August", "until May" ("through August" often closes a past span).
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before)\s+$", re.IGNORECASE)


def deadline(text: str, start: int) -> bool:
    """True when a deadline preposition stands right before `start` ("by August")."""
    return bool(_DEADLINE_BEFORE.search(text, max(0, start - 10), start))


def past_tense(text: str, start: int) -> bool:
    """True when the clause around `start` narrates the past ("changed its year in December").

    The clause runs from the last stop or semicolon before `start` to the next one after it.
    """
    clause = clause_before(text, start, 80)
    after = text[start : start + 60]
    cut = min((i for i in (after.find("."), after.find(";")) if i >= 0), default=len(after))
    clause += after[:cut]
    return bool(_PAST_VERB.search(clause)) and not _FUTURE_CUES.search(clause)


_PROGRESSIVE = re.compile(
    r"\b(?:is|are|am|['’]re)\s+(?:(?:now|also|still|then)\s+)?"
    r"(?!(?:morning|evening|thing|nothing|something|during|king|spring|string|ring)\b)"
    r"[a-z]{2,}ing\b(?P<rest>(?:\s+[\w'’-]+){0,4}?)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_DONE_WORD = re.compile(
    r"\b(?:[a-z]{2,}ed|said|told|got|went|came|made|took|saw|found|left|began|met|since|from|"
    r"after|ago|a|an|the|this|that|its|his|her|their|our)\b",
    re.IGNORECASE,
)
"""Between the progressive and the day: a past word ("are behaving Scientists said on": a
sentence run on), or a noun phrase the day may date ("are investigating a fire on Sunday")."""


def arranged(text: str, start: int) -> bool:
    """True when a present progressive leads straight up to `start` ("are sailing there on
    Sunday", "is flying to Kestrel on Monday"): an arrangement ahead. A past word or a noun
    phrase between ("are questioning a man arrested on") gives the day to something else."""
    clause = clause_before(text, start)
    found = _PROGRESSIVE.search(clause)
    return (
        found is not None and not _DONE_WORD.search(found["rest"]) and not _PAST_CUES.search(clause)
    )


def future_tense(text: str, start: int) -> bool:
    """True when the clause leading up to `start` speaks of the future ("will meet on Friday")."""
    clause = clause_before(text, start)
    return bool(_FUTURE_CUES.search(clause)) and not _PAST_CUES.search(clause)
