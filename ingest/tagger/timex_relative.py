"""Timex rules for relative expressions: last week, two days ago, the next day, now, soon. Named
days and times of day ("Friday", "tonight", "10 p.m.") are read in `timex_days`."""

from __future__ import annotations

import re

from timeline.ingest.tagger.timex_anchor import (
    Anchor,
    last_quarter,
    season_value,
    shifted,
    weekend_value,
)
from timeline.ingest.tagger.timex_grammar import (
    ANAPHOR_MARK,
    DIRECTIONS,
    YEAR_EARLIER,
    Resolved,
    compile_rule,
    direction_of,
    year_number,
)
from timeline.ingest.tagger.timex_lexicon import (
    DAYPART_CODES,
    NUMBER,
    SEASON,
    SEASONS,
    SPOKEN_YEAR_WORDS,
    UNIT,
    UNITS,
    alternation,
    parse_number,
)

# --- relative periods ---------------------------------------------------------------------------

_REL_WORDS = alternation([w for w in DIRECTIONS if w != "present"])
RELATIVE_PERIOD = compile_rule(
    r"(?:the\s+)?(?:(?:early|earlier|late|later|mid|the\s+end\s+of|the\s+rest\s+of|"
    r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[-\s]+(?:in\s+)?)?"
    rf"(?P<rel>{_REL_WORDS})\s+(?:fiscal\s+|calendar\s+)?"
    r"(?P<unit>week|weekend|month|year|quarter|half|decade|century)"
)


def resolve_relative_period(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "last week", "this year", "early next month", "the past decade"."""
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    if rel in ("same", "following"):
        return None  # "the following year" leans on the date named before: an anaphor
    if unit == "quarter" and rel in ("last", "past", "previous"):
        return "DATE", last_quarter(anchor)
    if unit == "weekend":
        offset = direction_of(rel)
        return "DATE", weekend_value(anchor) if offset == 0 else shifted(anchor, "weekend", offset)
    return "DATE", shifted(anchor, unit, direction_of(rel))


IN_THE_PERIOD = compile_rule(
    r"(?:(?:earlier|later)\s+in\s+|the\s+(?:end|rest|beginning|start|middle)\s+of\s+)"
    r"the\s+(?P<unit>year|month|week|quarter|decade|century)"
    r"|(?:year|month)(?P<end>[-\s]end|'s\s+end)"
)


def resolve_in_the_period(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "earlier in the year", "the end of the month", "year-end" as the current period."""
    unit = (m.group("unit") or m.group(0).split("-")[0].split("'")[0].split()[0]).lower()
    return "DATE", shifted(anchor, unit, 0)


THE_PERIOD = compile_rule(
    r"the\s+(?:(?:fiscal|full|calendar|whole|entire)\s+)?"
    r"(?P<unit>year|month|week|day|morning|afternoon|evening)(?![-\w]|['’](?!s\b))"
)


_AWARD_OF = re.compile(r"\b([a-z]+)\s+of\s+$", re.IGNORECASE)
#: Nouns after which "of the year" is a stretch of time: "the first months of the year".
_TIME_NOUNS = {
    "end", "start", "beginning", "middle", "rest", "remainder", "half", "quarter", "part",
    "course", "months", "weeks", "days", "bulk", "balance", "close", "turn", "height", "peak",
    "first", "last", "second", "time", "spring", "summer", "autumn", "winter", "fall", "week",
    "month", "day", "period", "portion", "duration",
}  # fmt: skip
#: "the level of the week following the crash": a stretch of time after all.
_PERIOD_GOES_ON = re.compile(r"\s+(?:following|after|before|ended|ending|to\s+date)\b")
_GENERIC_OF = re.compile(r"\b(?:days?|times?|hours?|part|parts)\s+of\s+$", re.IGNORECASE)
#: "the day after the quake": the day of an event, valued from the last day the text named.
_DAY_OF_EVENT = re.compile(r"\s+(?:after|before|of|when)\b")


def resolve_the_period(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the year", "the week", "the morning": the current one, or a span if "ended".

    A capitalised unit inside a sentence is a name ("Book of the Year"); "day of the week"
    is no particular week.
    """
    unit = m.group("unit").lower()
    if m.group("unit")[0].isupper() and m.group(0)[0] == "t":
        return None
    if _GENERIC_OF.search(m.string, max(0, m.start() - 12), m.start()):
        return None
    award = _AWARD_OF.search(m.string, max(0, m.start() - 30), m.start())
    titled = award is not None and award.group(1).lower() not in _TIME_NOUNS
    titled = titled and not _PERIOD_GOES_ON.match(m.string, m.end())
    if titled and unit in ("year", "week", "month") and m.string[m.end() : m.end() + 1] != "'":
        return None  # "player of the year", "team of the week": a title, no particular year
    if unit == "day" and _DAY_OF_EVENT.match(m.string, m.end()):
        return "DATE", f"{ANAPHOR_MARK}day+0"
    if unit in ("morning", "afternoon", "evening"):
        return "TIME", shifted(anchor, "day", 0) + "T" + DAYPART_CODES[unit]
    if unit == "year" and re.match(r"\s+(?:ended|ending|to\s)", m.string[m.end() : m.end() + 8]):
        return "DURATION", "P1Y"
    return "DATE", shifted(anchor, unit, 0)


#: Offsets of phrases that lean on a date named just before ("the following year").
_ANAPHORA = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1}
ANAPHOR = compile_rule(
    rf"(?P<rel>{alternation(_ANAPHORA)})\s+(?P<unit>year|month|week|day)(?![-'’\w])"
)


def resolve_anaphor(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Mark "that year", "the following day" for the tagger to value from the date before it.

    "The previous year" and "the next week" keep their reading from the publication date (the
    relative-period rule, listed first, wins the tie); only days lean on the story's dates.
    """
    rel = " ".join(m.group("rel").lower().split())
    return "DATE", f"{ANAPHOR_MARK}{m.group('unit').lower()}{_ANAPHORA[rel]:+d}"


SEASON_PHRASE = compile_rule(
    r"(?:(?:the|this|last|next|this\s+past|this\s+coming|coming|early|late|mid)[-\s]+)*"
    rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>1[6-9]\d\d|20\d\d|['’]\d\d|{SPOKEN_YEAR_WORDS}))?"
)


def resolve_season(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "this summer", "last fall", "the winter of 1994"; a bare "fall" is a verb."""
    code = SEASONS[m.group("season").lower()]
    prefix = m.group(0)[: m.start("season") - m.start()].lower().split()
    if m.group("year"):
        return "DATE", f"{year_number(m.group('year'), anchor)}-{code}"
    if not prefix and code in ("FA", "SP"):
        return None
    if code in ("FA", "SP") and re.match(r"\s+of\s+(?!\d)", m.string[m.end() : m.end() + 6]):
        return None  # "the fall of the USSR", "the spring of youth": nouns
    rel = " ".join(w for w in prefix if w in ("this", "last", "next", "past", "coming"))
    return "DATE", season_value(anchor, code, direction_of(rel or "this"))


WEEKEND = compile_rule(r"the\s+weekend")


def resolve_weekend(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the weekend" as the nearest one a report would mean."""
    return "DATE", weekend_value(anchor)


AGO = compile_rule(
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|only|just|at\s+least)\s+)?"
    rf"(?:(?P<num>{NUMBER})\s+)?(?:or\s+so\s+)?(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
    r"(?P<dir>ago|earlier|from\s+now|hence)"
)
_AGO_GRAIN = {"second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day"}
_AGO_GRAIN |= {"week": "day", "fortnight": "day", "month": "month", "quarter": "quarter"}
_AGO_GRAIN |= {"year": "year"}
_AGO_GRAIN |= {"decade": "year", "century": "year", "centurie": "year"}


def resolve_ago(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "two days ago", "a year earlier", "weeks from now", counted from the anchor.

    ("Three days later" is left to the duration rule: TimeBank tags "three days" alone.)
    """
    direction = m.group("dir").lower().split()[0]
    sign = 1 if direction in ("from", "hence") else -1
    unit = m.group("unit").lower().rstrip("s")
    if not m.group("num"):  # "years ago": some time back
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    number = parse_number(m.group("num"))
    if number is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit == "year" and number == 1 and direction in ("earlier", "ago"):
        return "DATE", YEAR_EARLIER
    grain = _AGO_GRAIN[unit]
    if anchor is None:
        return "DATE", shifted(None, grain, 0)
    count = int(number * UNITS[unit][1])
    if unit in ("second", "minute", "hour"):
        return "DATE", shifted(anchor, "day", 0)
    if unit in ("week", "fortnight"):  # a fortnight counts as two weeks
        return "DATE", shifted(anchor, "day", sign * 7 * count)
    return "DATE", shifted(anchor, grain, sign * count)


YEAR_AGO_ADJ = compile_rule(r"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter))?")


def resolve_year_ago_adj(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value the adjective "year-earlier" ("year-earlier profit") from the quarter in context."""
    return "DATE", YEAR_EARLIER


# --- vague references ---------------------------------------------------------------------------

_REF_WORDS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PAST_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "future": "FUTURE_REF",
}
REF_WORD = compile_rule(
    rf"(?P<w>{alternation([w for w in _REF_WORDS if not w.startswith('in ')])})"
    r"(?P<plural>\s+(?:years|months|weeks|days|decades|quarters))?"
)
_NOT_REF_AFTER = re.compile(
    r"\s+(?:account|accounts|affairs|events|issue|issues|price|prices|that|of|and|,)|[\w'’-]",
    re.IGNORECASE,
)


def resolve_ref_word(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "now", "currently", "recently", "the future", "recent years" as *_REF."""
    word = " ".join(m.group("w").lower().split())
    if word in ("current", "future") and not m.group("plural"):
        follow = m.string[m.end() : m.end() + 12]
        if word == "future" or _NOT_REF_AFTER.match(follow) or not follow.startswith(" "):
            return None
    if word == "recent" and not m.group("plural") and m.string[m.end() : m.end() + 1] != " ":
        return None
    if word == "the present" and re.match(r"\s+(?!day\b)[a-z]", m.string[m.end() : m.end() + 3]):
        return None  # "the present version": an adjective
    if word == "now" and m.string[m.end() : m.end() + 1] in ("-",):
        return None
    before = m.string[max(0, m.start() - 8) : m.start()]
    if word == "the future" and (
        (_PROSPECTS_AFTER.match(m.string, m.end()) and not _IN_BEFORE.search(before))
        or _TO_BEFORE.search(before)
    ):
        return None  # "the future of the firm", "the future looks bleak": prospects, not a time
    if m.group("w") == "Now" and _NAME_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
        return None  # "Hope for Haiti Now": a title
    if word == "now" and _DISCOURSE_NOW.match(m.string, max(0, m.start() - 3), m.end() + 1):
        return None  # "Now, ..." opening a sentence turns the argument, it names no time
    window = (max(0, m.start() - 3), m.end() + 12)
    if word in ("soon", "shortly") and _SOON_CONJUNCTION.search(m.string, *window):
        return None  # "as soon as trading opened", "soon after the vote": a clause, not a time
    return "DATE", _REF_WORDS[word]


_DISCOURSE_NOW = re.compile(r"(?:^|.*[.!?\"“”\n]\s*)now,", re.IGNORECASE | re.DOTALL)
_SOON_CONJUNCTION = re.compile(
    r"\bas\s+soon\s+as\b(?!\s+possible)|"
    r"\b(?:soon|shortly)\s+(?:after|before|thereafter|afterwards?|as)\b",
    re.IGNORECASE,
)
_PROSPECTS_AFTER = re.compile(
    r"\s+(?:of|looks?|is|was|seems?|remains?|holds?|belongs?|will|may|could)\b", re.IGNORECASE
)
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\b(?:in|into|for|about|towards?)\s+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[a-z,]\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*\s+$")


COMING_PERIODS = compile_rule(
    r"(?:the\s+)?(?:coming|upcoming)\s+(?:years|months|weeks|days|quarters)"
)


def resolve_coming(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the coming months" as FUTURE_REF."""
    return "DATE", "FUTURE_REF"
