"""The timex grammar: one named regex per kind of expression, each with the rule that values it.

A rule's resolver gets the regex match and the anchor date and returns `(type, value)`, or None to
reject the match (e.g. "May" used as a verb). A named group `t` narrows the reported span to
part of the match, so context such as "since" can be required without being tagged.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.timex_anchor import (
    SEASONS,
    Anchor,
    last_quarter,
    month_relative,
    season_value,
    shifted,
    weekday_date,
    weekend_value,
)
from ingest.timex_lexicon import (
    DAYPART,
    DAYPART_CODES,
    MONTH,
    MONTHS,
    NUMBER,
    ORDINALS,
    SEASON,
    SMALL_NUMBERS,
    TENS,
    UNIT,
    UNITS,
    VAGUE_LETTER,
    WEEKDAY,
    WEEKDAYS,
    alternation,
    parse_number,
)

Resolved = tuple[str, str] | None
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
    return re.compile(rf"(?<![\w$€£¥.-]){pattern}(?![\w])", re.IGNORECASE)


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


def year_number(text: str) -> int:
    """Four-digit year from "1998" or "'98" (two digits read as 19xx)."""
    digits = text.strip("'’")
    return int(digits) if len(digits) == 4 else 1900 + int(digits)


# --- explicit calendar dates -------------------------------------------------------------------

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%,.]\d)"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d|'\d\d)(?![\d%])"
MONTH_DATE = compile_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
    rf"(?P<mon>{MONTH})(?:\s+{_DAY})?(?:(?:,\s*|\s+|\s+of\s+){_YEAR})?"
)
DAY_MONTH = compile_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<mon>{MONTH})(?:,?\s+{_YEAR})?"
)
#: Words before a bare month name that show it is a month ("in May"), not a verb or name.
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|through|before|after|during|from|to|and|or|early|late|"
    r"mid|last|this|next|each|every|between|throughout|end|beginning|start|middle)[\s-]+|,\s*)$",
    re.IGNORECASE,
)


def resolve_month_date(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Aug. 31, 2022", "31 August", "Aug 2022" or a bare month name."""
    mon_text = m.group("mon")
    if not capitalised(mon_text):
        return None
    month = month_number(mon_text)
    day = int(m.group("day")) if m.group("day") else None
    year = year_number(m.group("year")) if m.group("year") else None
    if day is not None and not 1 <= day <= 31:
        return None
    if day is None and year is None and not m.group("wd"):
        before = m.string[max(0, m.start() - 12) : m.start()]
        bare = mon_text.lower().rstrip(".")
        ambiguous = bare in ("may", "march", "mar", "jan", "dec", "jun") or "." in mon_text
        if ambiguous and not _MONTH_CUES.search(before):
            return None
    if day is not None:
        try:
            datetime.date(year or 2000, month, day)
        except ValueError:
            return None
        year_text = f"{year:04d}" if year else shifted(anchor, "year", 0)
        return "DATE", f"{year_text}-{month:02d}-{day:02d}"
    year_text = f"{year:04d}" if year else shifted(anchor, "year", 0)
    return "DATE", f"{year_text}-{month:02d}"


_MODIFIED_MONTH = compile_rule(
    rf"(?:the\s+)?(?:(?:early|late|mid|the\s+(?:middle|end|beginning|start)\s+of)[-\s]+|"
    rf"(?P<rel>last|this|next|this\s+past|this\s+coming|coming)\s+)"
    rf"(?P<mon>{MONTH})(?!\s+\d)(?:\s+(?P<ryear>last|this|next)\s+year)?"
)


def resolve_modified_month(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "last April", "early September", "mid-November", "the end of November"."""
    if not capitalised(m.group("mon")):
        return None
    month = month_number(m.group("mon"))
    if m.group("rel"):
        return "DATE", month_relative(anchor, month, direction_of(m.group("rel")))
    return "DATE", f"{shifted(anchor, 'year', 0)}-{month:02d}"


_MONTH_REL_YEAR = compile_rule(rf"(?P<mon>{MONTH})\s+(?P<rel>last|this|next)\s+year")


def resolve_month_rel_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "June last year", "January this year"."""
    if not capitalised(m.group("mon")):
        return None
    year = shifted(anchor, "year", direction_of(m.group("rel")))
    return "DATE", f"{year}-{month_number(m.group('mon')):02d}"


ISO_DATE = compile_rule(r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)")
SLASH_DATE = compile_rule(r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)")


def resolve_numeric_date(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "2022-08-31" and US-style "8/31/2022"."""
    year = int(m.group("y"))
    year += 1900 if year < 100 and year > 40 else 2000 if year < 100 else 0
    try:
        day = datetime.date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return "DATE", day.isoformat()


# --- years, decades, centuries ------------------------------------------------------------------

YEAR = compile_rule(
    r"(?:(?:the\s+)?(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of|"
    r"(?:fiscal|calendar|model)(?:\s+year)?)[-\s]+))?"
    r"(?P<y>1[6-9]\d\d|20\d\d)(?!\s*(?:%|percent|per\s*cent)|[,.]\d|-\d{3})"
)
_COUNT_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|troops|soldiers|workers|employees|jobs|units|shares|"
    r"cars|homes|acres|feet|miles|meters|tons|barrels|votes|seats|points|pounds|yen|dollars|"
    r"marks|francs|members|cases|deaths|students|children|rooms|pages|copies|times)\b",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"(?:\b(?:about|nearly|some|than|almost|over|under|of|around|approximately|no\.|number|"
    r"page|room|flight|route|highway|bill|resolution|#)\s*)$",
    re.IGNORECASE,
)


def resolve_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value a four-digit year unless it reads as a count ("some 2000 people", "Flight 1549")."""
    if _COUNT_AFTER.match(m.string, m.end()):
        return None
    if m.start("y") == m.start() and _COUNT_BEFORE.search(
        m.string[max(0, m.start() - 12) : m.start()]
    ):
        return None
    return "DATE", m.group("y")


DECADE = compile_rule(
    r"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?:(?P<c>1[5-9]|20)?(?P<d>\d)0'?s|['’](?P<s>\d)0'?s)"
)


def resolve_decade(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the 1990s", "the late '70s", "the mid-1980s" as a three-digit decade."""
    if m.group("s"):
        return "DATE", f"19{m.group('s')}"
    if not m.group("c"):
        return None
    return "DATE", f"{m.group('c')}{m.group('d')}"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6}
_DECADE_WORDS |= {"seventies": 7, "eighties": 8, "nineties": 9}
DECADE_WORD = compile_rule(
    rf"the\s+(?:(?:early|late|mid)[-\s]+)?(?P<w>{alternation(_DECADE_WORDS)})"
)


def resolve_decade_word(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the nineties" as the 1990s."""
    return "DATE", f"19{_DECADE_WORDS[m.group('w').lower()]}"


CENTURY = compile_rule(
    rf"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINALS)}|"
    r"twenty-first|twenty\s+first)[-\s]+century"
)


def resolve_century(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the 20th century" as `19`."""
    word = m.group("n").lower().replace(" ", "-")
    number = 21 if word == "twenty-first" else ORDINALS.get(word) or int(word[:-2])
    return "DATE", f"{number - 1:02d}"


SPOKEN_YEAR = compile_rule(
    rf"(?:the\s+year\s+)?(?:(?P<hi>nineteen|eighteen)\s+(?P<lo>(?:{alternation(TENS)})"
    rf"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?P<lo2>\w+))?)"
)


def resolve_spoken_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "nineteen ninety-six" or "the year two thousand"."""
    if m.group("hi"):
        low = parse_number(m.group("lo"))
        if low is None:
            return None
        return "DATE", f"{SMALL_NUMBERS[m.group('hi').lower()]}{int(low):02d}"
    low = parse_number(m.group("lo2")) if m.group("lo2") else 0
    if low is None:
        return None
    if not m.group(0).lower().startswith("the") and not m.group("lo2"):
        return None
    return "DATE", f"{2000 + int(low):04d}"


# --- quarters, halves, fiscal periods ------------------------------------------------------------

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_ORD |= {"fourth": 4, "4th": 4, "final": 4}
QUARTER = compile_rule(
    r"(?:(?:the|its|their|a|(?P<ry>this|last|next)\s+year's)\s+)?"
    r"(?:(?:flat|strong|weak|fiscal|calendar|year-earlier|year-ago)[-\s]+)?"
    r"(?:(?P<y1>1[6-9]\d\d|20\d\d)\s+)?(?:(?:fiscal|calendar)[-\s]+)?"
    rf"(?P<q>{alternation(_QUARTER_ORD)})[-\s]+(?:fiscal\s+)?(?P<u>quarters?|half)"
    r"(?:\s+of\s+(?:fiscal\s+)?(?P<y2>1[6-9]\d\d|20\d\d))?"
)


def resolve_quarter(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the third quarter", "third-quarter", "the first half of 1990", "fiscal 1989 Q"."""
    number = _QUARTER_ORD[m.group("q").lower()]
    half = m.group("u").lower() == "half"
    if half and number > 2:
        return None
    year = m.group("y1") or m.group("y2")
    if year is None:
        offset = direction_of(m.group("ry")) if m.group("ry") else 0
        year = shifted(anchor, "year", offset)
    if "year-earlier" in m.group(0).lower() or "year-ago" in m.group(0).lower():
        year = shifted(anchor, "year", -1)
    return "DATE", f"{year}-{'H' if half else 'Q'}{number}"


GENERIC_QUARTER = compile_rule(
    r"(?:the|this|that|its|(?P<ly>last\s+year's))\s+"
    r"(?P<mods>(?:(?:latest|current|most\s+recent|recent|comparable|same|corresponding|fiscal|"
    r"year-ago|year-earlier|(?:1[6-9]\d\d|20\d\d))[-\s]+)*)(?P<u>quarter|period)"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"
)


def resolve_generic_quarter(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the quarter", "the latest quarter", "the year-ago period" in earnings reports."""
    mods = m.group("mods").lower()
    text = m.group(0).lower()
    if m.group("u").lower() == "period" and not mods.strip():
        return None
    year_match = re.search(r"1[6-9]\d\d|20\d\d", mods)
    back = (
        1
        if m.group("ly")
        or "year-" in mods
        or "ago" in text
        or "earlier" in text
        or "last year" in text
        else 0
    )
    if "current" in mods or text.startswith("this"):
        value = shifted(anchor, "quarter", 0)
    else:
        value = last_quarter(anchor, back)
    if year_match and anchor is not None:
        value = year_match.group(0) + value[4:]
    return "DATE", value


NINE_MONTHS = compile_rule(
    r"the\s+(?:(?:first|latest|past|year-earlier|year-ago)\s+)?(?P<n>six|nine|3|6|9|three)\s+months"
)


def resolve_nine_months(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the first nine months" as a duration, the way earnings reports use it."""
    months = parse_number(m.group("n")) or 0
    return "DURATION", f"P{int(months)}M"


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
    if rel == "same" or (rel == "following" and not m.group(0).lower().startswith("the")):
        return None
    if unit == "quarter" and rel in ("last", "past", "previous"):
        return "DATE", last_quarter(anchor)
    if unit == "weekend":
        offset = direction_of(rel)
        return "DATE", weekend_value(anchor) if offset == 0 else shifted(anchor, "weekend", offset)
    return "DATE", shifted(anchor, unit, direction_of(rel))


IN_THE_PERIOD = compile_rule(
    r"(?:(?:earlier|later)\s+in\s+|the\s+end\s+of\s+|the\s+rest\s+of\s+)the\s+(?P<unit>year|month|week)"
    r"|(?:year|month)(?P<end>[-\s]end|'s\s+end)"
)


def resolve_in_the_period(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "earlier in the year", "the end of the month", "year-end" as the current period."""
    unit = (m.group("unit") or m.group(0).split("-")[0].split("'")[0].split()[0]).lower()
    return "DATE", shifted(anchor, unit, 0)


THE_PERIOD = compile_rule(
    r"the\s+(?:(?:fiscal|full|calendar|whole|entire)\s+)?"
    r"(?P<unit>year|month|week|day|morning|afternoon|evening)(?![-'’\w])"
)


def resolve_the_period(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the year", "the week", "the morning": the current one, or a span if "ended"."""
    unit = m.group("unit").lower()
    if unit in ("morning", "afternoon", "evening"):
        return "TIME", shifted(anchor, "day", 0) + "T" + DAYPART_CODES[unit]
    if unit == "year" and re.match(r"\s+(?:ended|ending|to\s)", m.string[m.end() : m.end() + 8]):
        return "DURATION", "P1Y"
    return "DATE", shifted(anchor, unit, 0)


#: Offsets of phrases that lean on a date named just before ("the following year").
_ANAPHORA = {"that": 0, "the same": 0, "the following": 1, "the next": 1}
ANAPHOR = compile_rule(rf"(?P<rel>{alternation(_ANAPHORA)})\s+(?P<unit>year|month|day)(?![-'’\w])")


def resolve_anaphor(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Mark "that year", "the following day" for the tagger to value from the date before it."""
    rel = " ".join(m.group("rel").lower().split())
    return "DATE", f"{ANAPHOR_MARK}{m.group('unit').lower()}{_ANAPHORA[rel]:+d}"


SEASON_PHRASE = compile_rule(
    r"(?:(?:the|this|last|next|this\s+past|this\s+coming|coming|early|late|mid)[-\s]+)*"
    rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>1[6-9]\d\d|20\d\d))?"
)


def resolve_season(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "this summer", "last fall", "the winter of 1994"; a bare "fall" is a verb."""
    code = SEASONS[m.group("season").lower()]
    prefix = m.group(0)[: m.start("season") - m.start()].lower().split()
    if m.group("year"):
        return "DATE", f"{m.group('year')}-{code}"
    if not prefix and code in ("FA", "SP"):
        return None
    rel = " ".join(w for w in prefix if w in ("this", "last", "next", "past", "coming"))
    return "DATE", season_value(anchor, code, direction_of(rel or "this"))


WEEKEND = compile_rule(r"the\s+weekend")


def resolve_weekend(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the weekend" as the nearest one a report would mean."""
    return "DATE", weekend_value(anchor)


AGO = compile_rule(
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|less\s+than|only|just|at\s+least)\s+)?"
    rf"(?P<num>{NUMBER})\s+(?:or\s+so\s+)?(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
    r"(?P<dir>ago|earlier|from\s+now|hence|before|later)"
)
_AGO_GRAIN = {"second": "day", "minute": "day", "hour": "day", "day": "day", "night": "day"}
_AGO_GRAIN |= {"week": "day", "month": "month", "quarter": "quarter", "year": "year"}
_AGO_GRAIN |= {"decade": "year", "century": "year", "centurie": "year"}


def resolve_ago(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "two days ago", "a year earlier", "three weeks from now", counted from the anchor."""
    direction = m.group("dir").lower().split()[0]
    if direction in ("before", "later") and not re.match(r"\s*[.,;]", m.string[m.end() :]):
        return None
    sign = 1 if direction in ("from", "hence", "later") else -1
    unit = m.group("unit").lower().rstrip("s")
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
    if unit == "week":
        return "DATE", shifted(anchor, "day", sign * 7 * count)
    return "DATE", shifted(anchor, grain, sign * count)


YEAR_AGO_ADJ = compile_rule(r"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter))?")


def resolve_year_ago_adj(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value the adjective "year-earlier" ("year-earlier profit") from the quarter in context."""
    return "DATE", YEAR_EARLIER


# --- named days, parts of days, times -------------------------------------------------------------

DAY_WORD = compile_rule(
    r"(?:(?:early|late|earlier|later)\s+)?(?P<w>yesterday|today|tomorrow|tonight)"
    rf"(?:\s+(?P<part>{DAYPART}))?"
)
_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


def resolve_day_word(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "yesterday", "today", "tomorrow morning", "tonight"."""
    word = m.group("w").lower()
    value = shifted(anchor, "day", _DAY_OFFSETS[word])
    part = m.group("part")
    if word == "tonight":
        return "TIME", value + "TNI"
    if part:
        return "TIME", value + "T" + DAYPART_CODES[part.lower()]
    return "DATE", value


PART_OF_DAY = compile_rule(rf"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{DAYPART})")


def resolve_part_of_day(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "this morning", "last night", "yesterday afternoon"."""
    rel = m.group("rel").lower()
    part = m.group("part").lower()
    if rel == "last" and part != "night":
        return None
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    return "TIME", shifted(anchor, "day", offset) + "T" + DAYPART_CODES[part]


WEEKDAY_PHRASE = compile_rule(
    r"(?:(?:the\s+)?(?P<rel>last|this|next|this\s+coming|coming|this\s+past|past|previous|"
    r"following)\s+|(?:early|late|earlier|later)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?:\s+(?P<part>{DAYPART}|nights))?"
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|shall|going\s+to|is\s+to|are\s+to|scheduled|expected|plans?\s+to|"
    r"planned|due|set\s+to|next|until|upcoming)\b",
    re.IGNORECASE,
)


def clause_before(text: str, start: int, width: int = 60) -> str:
    """The text of the current clause up to `start`, at most `width` characters back."""
    window = text[max(0, start - width) : start]
    cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n"))
    return window[cut + 1 :]


def resolve_weekday(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Friday", "last Tuesday", "Saturday night": the most recent one unless told future."""
    weekday = WEEKDAYS[m.group("wd").lower()]
    rel = m.group("rel")
    if m.group("part") and m.group("part").lower() == "nights":
        return "SET", f"XXXX-WXX-{weekday + 1}TNI"
    if rel:
        direction = direction_of(rel)
        direction = 1 if direction == 0 and "coming" in rel.lower() else direction
    elif _FUTURE_CUES.search(clause_before(m.string, m.start())):
        direction = 1
    else:
        direction = 0
    value = weekday_date(anchor, weekday, direction)
    if m.group("part"):
        return "TIME", value + "T" + DAYPART_CODES[m.group("part").lower()]
    return "DATE", value


CLOCK = compile_rule(
    r"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"(?:\s+(?P<tz>EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET))?"
    r"|(?P<named>noon|midnight)"
)


def resolve_clock(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "10 p.m.", "7:15 a.m. EST", "noon" on the anchor's day (merged with a day later)."""
    if m.group("named"):
        hour, minute = (12, 0) if m.group("named").lower() == "noon" else (24, 0)
    else:
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
        minute = int(m.group("min") or 0)
        if int(m.group("h")) > 12:
            return None
    return "TIME", f"{shifted(anchor, 'day', 0)}T{hour:02d}:{minute:02d}"


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
    if word == "now" and m.string[m.end() : m.end() + 1] in ("-",):
        return None
    if m.group("plural") and word not in ("recent", "current", "future", "coming"):
        return None
    return "DATE", _REF_WORDS[word]


COMING_PERIODS = compile_rule(
    r"(?:the\s+)?(?:coming|upcoming)\s+(?:years|months|weeks|days|quarters)"
)


def resolve_coming(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the coming months" as FUTURE_REF."""
    return "DATE", "FUTURE_REF"


# --- durations and sets ---------------------------------------------------------------------------

_DUR_MODS = (
    r"about|around|approximately|nearly|almost|roughly|some|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|within|only|just|another|"
    r"an\s+additional|a\s+full"
)
DURATION = compile_rule(
    rf"(?:(?:{_DUR_MODS})\s+(?!the\b))?(?:(?:the|a|an|its|their)\s+)?"
    r"(?:(?:past|last|next|first|final|previous|coming|following|remaining|latest|additional|"
    r"further|other|same|initial|few|several)\s+)*"
    rf"(?P<num>{NUMBER})\s+(?:(?:more|additional|full|long|straight|consecutive|trading|"
    rf"business|calendar|working|odd|or\s+so)\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?"
)
#: "a two-day visit": TimeBank tags only the adjective "two-day".
DURATION_ADJECTIVE = compile_rule(rf"(?P<num>{NUMBER})-(?P<unit>{UNIT})(?:-old|-long)?")


def duration_value(number: float | None, unit: str) -> str:
    """TIMEX3 duration for a count of a unit: (2, "day") -> P2D, (None, "year") -> PXY."""
    letter, multiplier, clock = UNITS[unit]
    prefix = "PT" if clock else "P"
    if number is None:
        return f"{prefix}X{VAGUE_LETTER.get(unit, letter)}"
    total = number * multiplier
    if total == int(total):
        return f"{prefix}{int(total)}{letter}"
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
    small_letter, factor = smaller.get(letter, ("S", 60))
    extra = round((total - int(total)) * factor)
    separator = "T" if letter == "D" or (clock and letter == "M") else ""
    return f"{prefix}{int(total)}{letter}{separator}{extra}{small_letter}"


def resolve_duration(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "two days", "a two-day visit" (the "two-day"), "the past three years", "24 hours"."""
    unit = m.group("unit").lower()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in UNITS else unit
    number_text = " ".join(m.group("num").lower().split())
    number = parse_number(number_text)
    vague = ("a few", "few", "several", "some", "many", "a number of")
    if number is None and number_text not in vague:
        return None
    if number_text in ("a", "an") and counted_before(m):
        return None
    if re.match(r"\s+old\b", m.string[m.end() : m.end() + 6]):
        return None
    return "DURATION", duration_value(number, unit)


_QUANTITY_BEFORE = re.compile(
    r"(?:\d|\$|%|\b(?:million|billion|once|twice|times|per|cents?|seats|flights)\b)[^.;:\d]{0,25}$",
    re.IGNORECASE,
)


def counted_before(m: re.Match[str]) -> bool:
    """True when a quantity precedes the match in its clause: "$2 million a year" is a rate."""
    return bool(_QUANTITY_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]))


PLURAL_UNITS = compile_rule(
    r"(?<=\bfor\s)(?P<unit>years|months|weeks|decades|centuries|days|hours)"
)


def resolve_plural_units(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "for years", "for months" (only the unit is tagged) as PXY, PXM."""
    unit = m.group("unit").lower()
    unit = "century" if unit == "centuries" else unit[:-1]
    return "DURATION", duration_value(None, unit)


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M"}
_SET_UNITS |= {"hour": "PT1H", "decade": "P10Y", "night": "XXXX-XX-XXTNI"}
_SET_UNITS |= {"morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "weekend": "XXXX-WXX-WE"}
EVERY = compile_rule(
    r"(?:every|each)\s+(?:other\s+)?"
    rf"(?P<what>{WEEKDAY}|{MONTH}|{SEASON}|day|week|month|year|quarter|hour|decade|night|"
    r"morning|evening|weekend)"
)


def resolve_every(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "every year", "each Thursday", "each July" as a SET."""
    what = m.group("what").lower().rstrip(".")
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}"
    if what in SEASONS:
        return "SET", f"XXXX-{SEASONS[what]}"
    return "SET", _SET_UNITS[what]


_ADVERB_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M"}
_ADVERB_SETS |= {"yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H", "biweekly": "P2W"}
_ADVERB_SETS |= {"semiannually": "P6M", "quarterly": "P3M"}
ADVERB_SET = compile_rule(rf"(?P<w>{alternation(_ADVERB_SETS)})")
TIMES_PER = compile_rule(
    r"(?:once|twice|(?:three|four|five|six|ten|\d+)\s+times)\s+(?:a|an|per|every|each)\s+"
    r"(?P<unit>day|week|month|year|quarter|hour)"
)


def resolve_adverb_set(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "daily", "weekly", "annually" as a SET; not as an adjective before a noun."""
    follow = m.string[m.end() : m.end() + 20]
    if re.match(r"\s+[a-z]", follow) and m.group("w").lower() in ("quarterly", "monthly", "weekly"):
        return None
    if counted_before(m):
        return None
    return "SET", _ADVERB_SETS[m.group("w").lower()]


def resolve_times_per(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "twice a year", "three times a week" as a SET of the unit."""
    return "SET", _SET_UNITS[m.group("unit").lower()]


RULES: list[Rule] = [
    Rule("month_date", MONTH_DATE, resolve_month_date, ("month",)),
    Rule("day_month", DAY_MONTH, resolve_month_date, ("month",)),
    Rule("modified_month", _MODIFIED_MONTH, resolve_modified_month, ("month",)),
    Rule("month_rel_year", _MONTH_REL_YEAR, resolve_month_rel_year, ("month",)),
    Rule("iso_date", ISO_DATE, resolve_numeric_date, ("digit",)),
    Rule("slash_date", SLASH_DATE, resolve_numeric_date, ("digit",)),
    Rule("year", YEAR, resolve_year, ("digit",)),
    Rule("decade", DECADE, resolve_decade, ("digit",)),
    Rule("decade_word", DECADE_WORD, resolve_decade_word, ("decade",)),
    Rule("century", CENTURY, resolve_century, ("unit",)),
    Rule("spoken_year", SPOKEN_YEAR, resolve_spoken_year, ("spoken",)),
    Rule("quarter", QUARTER, resolve_quarter, ("unit",)),
    Rule("generic_quarter", GENERIC_QUARTER, resolve_generic_quarter, ("unit",)),
    Rule("nine_months", NINE_MONTHS, resolve_nine_months, ("unit",)),
    Rule("relative_period", RELATIVE_PERIOD, resolve_relative_period, ("unit",)),
    Rule("in_the_period", IN_THE_PERIOD, resolve_in_the_period, ("unit",)),
    Rule("the_period", THE_PERIOD, resolve_the_period, ("unit", "daypart")),
    Rule("anaphor", ANAPHOR, resolve_anaphor, ("unit",)),
    Rule("season", SEASON_PHRASE, resolve_season, ("season",)),
    Rule("weekend", WEEKEND, resolve_weekend, ("unit",)),
    Rule("ago", AGO, resolve_ago, ("unit",)),
    Rule("year_ago_adj", YEAR_AGO_ADJ, resolve_year_ago_adj, ("unit",)),
    Rule("day_word", DAY_WORD, resolve_day_word, ("ref",)),
    Rule("part_of_day", PART_OF_DAY, resolve_part_of_day, ("daypart",)),
    Rule("weekday", WEEKDAY_PHRASE, resolve_weekday, ("weekday",)),
    Rule("clock", CLOCK, resolve_clock, ("digit", "clock")),
    Rule("ref_word", REF_WORD, resolve_ref_word, ("ref",)),
    Rule("coming", COMING_PERIODS, resolve_coming, ("unit",)),
    Rule("duration", DURATION, resolve_duration, ("unit",)),
    Rule("duration_adjective", DURATION_ADJECTIVE, resolve_duration, ("unit",)),
    Rule("plural_units", PLURAL_UNITS, resolve_plural_units, ("unit",)),
    Rule("every", EVERY, resolve_every, ("set",)),
    Rule("adverb_set", ADVERB_SET, resolve_adverb_set, ("set",)),
    Rule("times_per", TIMES_PER, resolve_times_per, ("set",)),
]
