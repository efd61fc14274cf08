"""Timex rules for calendar expressions: dates, years, decades, centuries, quarters."""

from __future__ import annotations

import datetime
import re

from timeline.ingest.tagger.timex_anchor import (
    Anchor,
    last_quarter,
    month_relative,
    shifted,
    two_digit_decade,
    two_digit_year,
    year_of_month,
    year_text,
)
from timeline.ingest.tagger.timex_grammar import (
    Resolved,
    capitalised,
    compile_rule,
    deadline,
    direction_of,
    future_tense,
    month_number,
    past_tense,
    year_number,
)
from timeline.ingest.tagger.timex_lexicon import (
    MONTH,
    MONTHS,
    ORDINAL_DAY,
    ORDINALS,
    SMALL_NUMBERS,
    SPOKEN_YEAR_WORDS,
    TENS,
    WEEKDAY,
    WEEKDAYS,
    alternation,
    ordinal_day,
    parse_number,
)
from timeline.store.dates import BEFORE_ERA, COMMON_ERA

# --- explicit calendar dates -------------------------------------------------------------------

_DAY = rf"(?P<day>[0-3]?\d(?:st|nd|rd|th)?(?![\d%,.]\d)|{ORDINAL_DAY}(?![-\w]))"
_YEAR = rf"(?P<year>1[5-9]\d\d|20\d\d|['’]\d\d|{SPOKEN_YEAR_WORDS})(?![\d%])"
MONTH_DATE = compile_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
    rf"(?P<mon>{MONTH})(?:\s+{_DAY})?(?:(?:,\s*|\s+|\s+of\s+){_YEAR})?"
)
DAY_MONTH = compile_rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?"
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
    day = ordinal_day(m.group("day")) if m.group("day") else None
    year = year_number(m.group("year"), anchor) if m.group("year") else None
    if (day is not None and not 1 <= day <= 31) or (m.group("year") and year is None):
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
        year_value = f"{year:04d}" if year else year_of_month(anchor, month)
        if year is None and anchor is not None and future_tense(m.string, m.start()):
            year_value = year_text_ahead(anchor, month, day)
        return "DATE", f"{year_value}-{month:02d}-{day:02d}"
    year_value = f"{year:04d}" if year else year_of_month(anchor, month)
    if year is None and anchor is not None:
        if future_tense(m.string, m.start()) or deadline(m.string, m.start()):
            year_value = year_text_ahead(anchor, month, 1)
        elif past_tense(m.string, m.start()):
            year_value = year_text(anchor.year if month <= anchor.month else anchor.year - 1)
    return "DATE", f"{year_value}-{month:02d}"


MODIFIED_MONTH = compile_rule(
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
    return "DATE", f"{year_of_month(anchor, month)}-{month:02d}"


_REL_DAY = rf"[0-3]?\d(?:st|nd|rd|th)?|{ORDINAL_DAY}"
MONTH_REL_YEAR = compile_rule(
    rf"(?:(?:the\s+)?(?P<dfirst>{_REL_DAY})\s+(?:of\s+)?)?(?P<mon>{MONTH})"
    rf"(?:\s+(?P<dlast>{_REL_DAY}),?)?\s+(?P<rel>last|this|next)\s+year"
)


def resolve_month_rel_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "June last year", "January this year", and with a day, "25 June last year" or
    "June 25 next year": the day stays, the year is counted from the anchor."""
    if not capitalised(m.group("mon")):
        return None
    year = shifted(anchor, "year", direction_of(m.group("rel")))
    month = month_number(m.group("mon"))
    day_text = m.group("dfirst") or m.group("dlast")
    if day_text is None:
        return "DATE", f"{year}-{month:02d}"
    day = ordinal_day(day_text)
    try:
        datetime.date(int(year), month, day or 0)
    except ValueError:
        return None
    return "DATE", f"{year}-{month:02d}-{day:02d}"


ISO_DATE = compile_rule(
    r"(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
SLASH_DATE = compile_rule(r"(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)")


def resolve_numeric_date(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "2022-08-31", "2022-08-31T10:00", US "8/31/2022", and "31/8/2022" when not US."""
    year = int(m.group("y"))
    if year < 100:
        year = two_digit_year(anchor, year) if anchor else year + (1900 if year > 40 else 2000)
    month, day_number = int(m.group("m")), int(m.group("d"))
    if month > 12 >= day_number:
        month, day_number = day_number, month
    try:
        day = datetime.date(year, month, day_number)
    except ValueError:
        return None
    if m.groupdict().get("hh") and int(m.group("hh")) < 24:
        return "TIME", f"{day.isoformat()}T{m.group('hh')}:{m.group('mm')}"
    return "DATE", day.isoformat()


QUARTER_CODE = compile_rule(
    r"(?:(?P<y1>1[6-9]\d\d|20\d\d)[\s-]*)?(?P<h>[QH])(?P<n>[1-4])(?:[\s-]*(?P<y2>1[6-9]\d\d|20\d\d))?"
)


def resolve_quarter_code(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Q3 2022", "2022 Q3", "H1" as a quarter or half; lower-case "q3" is not one."""
    kind, number = m.group("h"), int(m.group("n"))
    if not kind.isupper() or (kind == "H" and number > 2):
        return None
    year = m.group("y1") or m.group("y2")
    if year is None:
        year = year_of_quarter(anchor, 6 * number if kind == "H" else 3 * number)
    return "DATE", f"{year}-{kind}{number}"


# --- years, decades, centuries ------------------------------------------------------------------

YEAR = compile_rule(
    r"(?:the\s+year\s+|(?:the\s+)?(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of|"
    r"(?:fiscal|calendar|model)(?:\s+year)?)[-\s]+))?"
    r"(?P<y>1[6-9]\d\d|20\d\d)(?!\s*(?:%|percent|per\s*cent)|[,.]\d|-\d{3})"
)
_COUNT_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|troops|soldiers|workers|employees|jobs|units|shares|"
    r"cars|homes|acres|feet|miles|meters|tons|barrels|votes|seats|points|pounds|yen|dollars|"
    r"marks|francs|members|cases|deaths|students|children|rooms|pages|copies|times|euros|"
    r"pesos|rupees|yuan|km|kilometers|kilometres|metres|tonnes|kg|words|calories|residents|"
    r"families|households|patients|voters|refugees|police|officers|"
    r"(?-i:(?:[A-Z][a-z]+\s+)?(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.)))(?!\w)",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"(?:\b(?:about|nearly|some|than|almost|over|under|around|approximately|no\.|number|"
    r"page|room|flight|route|highway|bill|resolution|#)\s*)$",
    re.IGNORECASE,
)


#: A plural noun after a number: "carried 1999 passengers" counts passengers.
_PLURAL_AFTER = re.compile(
    r"\s+(?!(?:is|was|has|does|marks|sees|brings|means|remains|looks|seems|proves|begins|ends|"
    r"starts|goes|comes|gets|becomes|promises|as|this|its|his|us|plus|versus|thus|less)\b)"
    r"[a-z]+[^su\W]s\b"
)
#: Words after which "1999 sales" is the year's sales ("the 1999 elections", "below 1990 levels").
_YEAR_DETERMINER = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|your|this|that|in|of|from|at|to|by|since|until|for|on|"
    r"with|and|or|below|above|over|under|between|than|before|after|during|through|fiscal|"
    r"calendar|model)|['’]s)\s+$",
    re.IGNORECASE,
)


def resolve_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value a four-digit year unless it reads as a count ("some 2000 people", "Flight 1549")."""
    if _COUNT_AFTER.match(m.string, m.end()):
        return None
    before = m.string[max(0, m.start() - 20) : m.start()]
    if m.start("y") > m.start():  # "fiscal 1989", "the year 2000": a year whatever follows
        return "DATE", m.group("y")
    if _COUNT_BEFORE.search(before) or names_it(before):
        return None
    if _PLURAL_AFTER.match(m.string, m.end()) and not _YEAR_DETERMINER.search(before):
        return None
    return "DATE", m.group("y")


_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]+)\s$")
#: Capitalised words that may stand right before a year without making it part of a name.
_NOT_NAMES = {
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "through",
    "and", "or", "but", "of", "the", "for", "to", "early", "late", "mid", "fiscal", "calendar",
    "summer", "spring", "autumn", "fall", "winter", "christmas", "easter", "between", "around",
    "that", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your", "a", "an",
    "each", "every", "last", "next", "with", "without", "into", "within", "when", "while", "where",
    "unlike", "like", "then", "now", "so", "only", "even", "not", "all", "both", "is", "was", "are",
    "circa", "about", "year", "on", "at", "as", "than", "ad", "bc", "ce",
}  # fmt: skip


def names_it(before: str) -> bool:
    """True when a capitalised name runs into the year: "Windows 2000", "Vision 2030"."""
    found = _NAME_BEFORE.search(before)
    if not found:
        return False
    word = found.group(1).lower()
    return word not in _NOT_NAMES and word.rstrip(".") not in MONTHS and word not in WEEKDAYS


SHORT_YEAR = compile_rule(r"['’](?P<yy>\d\d)(?!['’]?s\b|\d|['’])")
#: Words after which "'99" is a year rather than a quotation opening on a number.
_SHORT_YEAR_CUES = re.compile(
    r"\b(?:in|of|since|by|until|till|from|to|through|during|before|after|and|or|the|spring|"
    r"summer|fall|autumn|winter|season|class|vintage|circa)\s+$",
    re.IGNORECASE,
)


def resolve_short_year(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "in '99", "the class of '22" with the century nearest the anchor."""
    if not _SHORT_YEAR_CUES.search(m.string[max(0, m.start() - 12) : m.start()]):
        return None
    return "DATE", year_text(two_digit_year(anchor, int(m.group("yy"))))


DECADE = compile_rule(
    r"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?:(?P<c>1[5-9]|20)?(?P<d>\d)0'?s|['’](?P<s>\d)0'?s)"
)


def resolve_decade(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the 1990s", "the late '70s", "the mid-1980s" as a three-digit decade."""
    if m.group("s"):
        return "DATE", two_digit_decade(anchor, int(m.group("s")))
    if not m.group("c"):  # "the 90s" is a decade, "in their 90s" an age
        if m.group(0)[:4].lower() != "the ":
            return None
        return "DATE", two_digit_decade(anchor, int(m.group("d")))
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
_QUARTER_ORD |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}
QUARTER = compile_rule(
    r"(?:(?P<det>the|its|their|a|(?P<ry>this|last|next)\s+year's)\s+)?"
    r"(?P<rest>(?:(?:flat|strong|weak|fiscal|calendar|year-earlier|year-ago)[-\s]+)?)"
    r"(?:(?P<y1>1[6-9]\d\d|20\d\d)\s+)?(?:(?:fiscal|calendar)[-\s]+)?"
    rf"(?P<q>{alternation(_QUARTER_ORD)})[-\s]+(?:fiscal\s+)?(?P<u>quarters?|half)"
    r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y2>1[6-9]\d\d|20\d\d)|(?P<ry2>last|this|next)\s+year))?"
)


def year_text_ahead(anchor: datetime.date, month: int, day: int) -> str:
    """Year of the next such month and day on or after the anchor (for future-tense clauses)."""
    ahead = (month, day) >= (anchor.month, anchor.day)
    return year_text(anchor.year if ahead else anchor.year + 1)


def year_of_quarter(anchor: Anchor, last_month: int) -> str:
    """Year of a quarter named without one: the latest such quarter, unless it is next."""
    if anchor is None:
        return "XXXX"
    return year_text(anchor.year - 1 if last_month - anchor.month > 4 else anchor.year)


def resolve_quarter(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the third quarter", "third-quarter", "the first half of 1990", "fiscal 1989 Q"."""
    word = m.group("q").lower()
    half = m.group("u").lower() == "half"
    number = 2 if half and word == "last" else _QUARTER_ORD[word]
    if half and number > 2:
        return None
    named_year = m.group("y1") or m.group("y2") or m.group("ry") or m.group("ry2")
    if half and not named_year and "fiscal" not in m.group(0).lower():
        return None  # "in the second half" of a match or a speech: no year is named
    year = m.group("y1") or m.group("y2")
    if word == "last" and not half and year is None:
        return None  # "last quarter" is the one before this: a relative period
    if year is None and (m.group("ry") or m.group("ry2")):
        year = shifted(anchor, "year", direction_of(m.group("ry") or m.group("ry2")))
    elif year is None:
        year = year_of_quarter(anchor, 2 * number if half else 3 * number)
    if "year-earlier" in m.group(0).lower() or "year-ago" in m.group(0).lower():
        year = shifted(anchor, "year", -1)
    value = f"{year}-{'H' if half else 'Q'}{number}"
    det = (m.group("det") or "").lower()
    if det in ("its", "their", "a") or (
        det == "the" and "-" in m.group(0)[m.start("q") - m.start() :]
    ):
        return "DATE", value, m.start("rest")  # "a third-quarter loss": the adjective alone
    return "DATE", value


GENERIC_QUARTER = compile_rule(
    r"(?:the|this|that|its|(?P<ly>last\s+year's))\s+"
    r"(?P<mods>(?:(?:latest|current|most\s+recent|recent|comparable|same|corresponding|fiscal|"
    r"financial|year-ago|year-earlier|(?:1[6-9]\d\d|20\d\d))[-\s]+)*)(?P<u>quarter|period)(?!-)"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+(?:the\s+)?)?(?P<prev>last|previous|prior)\s+year))?"
    rf"(?=\s+(?:ended|ending)\s+(?P<endmon>{MONTH}))?"
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
        if m.group("ly") or "year-" in mods or "ago" in text or "earlier" in text or m.group("prev")
        else 0
    )
    if m.group("endmon") and m.group("u").lower() == "quarter":
        month = month_number(m.group("endmon"))
        value = f"{year_of_month(anchor, month)}-Q{(month - 1) // 3 + 1}"
    elif "current" in mods or text.startswith("this"):
        value = shifted(anchor, "quarter", 0)
    else:
        value = last_quarter(anchor, back)
    if year_match:
        value = year_match.group(0) + value[4:]
    return "DATE", value


NINE_MONTHS = compile_rule(
    r"the\s+(?:(?:first|latest|past|year-earlier|year-ago)\s+)?(?P<n>six|nine|3|6|9|three)\s+months"
)


def resolve_nine_months(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the first nine months" as a duration, the way earnings reports use it."""
    months = parse_number(m.group("n")) or 0
    return "DURATION", f"P{int(months)}M"


# --- years with their era: 44 BC, AD 79, 15 March 44 BC, the 5th century BC ---------------------

_ERA = rf"(?P<era>{BEFORE_ERA}|{COMMON_ERA})(?![\w])"
ERA_DATE = compile_rule(
    rf"(?:(?:{_DAY}\s+(?:of\s+)?(?P<mon>{MONTH})|(?P<mon2>{MONTH})\s+(?P<day2>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?,?|(?P<mon3>{MONTH}))\s+)?(?P<year>\d{{1,4}})\s*{_ERA}"
    rf"|(?P<ad>a\.\s?d\.|ad)\s*(?P<ad_year>\d{{1,4}})(?!\d)"
)


def resolve_era_date(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "44 BC", "in 46 BCE", "15 March 44 BC", "AD 79", "79 CE" (TIMEX3 writes BC0044)."""
    if m.group("ad"):
        if not capitalised(m.group("ad")) or int(m.group("ad_year")) == 0:
            return None
        return "DATE", f"{int(m.group('ad_year')):04d}"
    era = m.group("era")
    if not capitalised(era) or int(m.group("year")) == 0:
        return None
    before = era.lower().startswith("b")
    value = f"{'BC' if before else ''}{int(m.group('year')):04d}"
    mon = m.group("mon") or m.group("mon2") or m.group("mon3")
    if mon:
        if not capitalised(mon):
            return None
        value += f"-{month_number(mon):02d}"
        day_text = m.group("day") or m.group("day2")
        if day_text:
            day = ordinal_day(day_text)
            if day is None or not 1 <= day <= 31:
                return None
            value += f"-{day:02d}"
    return "DATE", value


ERA_CENTURY = compile_rule(
    rf"(?:the\s+)?(?:(?:early|late|mid)[-\s]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|"
    rf"{alternation(ORDINALS)})[-\s]+century\s+{_ERA}"
)


def resolve_era_century(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "the 5th century BC" as `BC04` (500 to 401 BC) and "the 2nd century AD" as `01`."""
    if not capitalised(m.group("era")):
        return None
    word = m.group("n").lower()
    number = ORDINALS.get(word) or int(word[:-2])
    if number == 0:
        return None
    before = m.group("era").lower().startswith("b")
    return "DATE", f"{'BC' if before else ''}{number - 1:02d}"
