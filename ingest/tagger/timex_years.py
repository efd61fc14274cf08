"""Timex rules for a year and longer: "in 2012", "'98", "the 1990s", "the sixties", "the 21st
century", "nineteen ninety-eight", and years with their era ("44 BC", "AD 79")."""

from __future__ import annotations

import re

from timeline.ingest.tagger.timex_anchor import (
    Anchor,
    two_digit_decade,
    two_digit_year,
    year_text,
)
from timeline.ingest.tagger.timex_calendar import DAY_OF_MONTH
from timeline.ingest.tagger.timex_grammar import (
    Resolved,
    capitalised,
    compile_rule,
    month_number,
)
from timeline.ingest.tagger.timex_lexicon import (
    MONTH,
    MONTHS,
    ORDINALS,
    SMALL_NUMBERS,
    TENS,
    WEEKDAYS,
    alternation,
    ordinal_day,
    parse_number,
)
from timeline.store.dates import BEFORE_ERA, COMMON_ERA

YEAR = compile_rule(
    r"(?:the\s+year\s+|(?:the\s+)?(?:(?:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of|"
    r"(?:fiscal|calendar|model)(?:\s+year)?)[-\s]+))?"
    r"(?P<y>1[6-9]\d\d|20\d\d)(?!\s*(?:%|percent|per\s*cent)|[,.]\d|-(?!(?:1[6-9]|20)\d\d\b)\d{3})"
)

YEAR_AFTER_DASH = re.compile(r"(?<=(?:1[6-9]|20)\d\d[-–])(?P<y>1[6-9]\d\d|20\d\d)(?!\w)")
"""The second year of a span written with a dash ("2019-2020", "1914–1918"): each year is its
own expression, as in "from 2019 to 2020"; the reader joins them into one span."""


def resolve_year_after_dash(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value the second year of "2019-2020" when the first is a year and comes before it:
    "Vision 2019-2030" and "Mara Lindqvist 1931-2009" name a plan and a life, as "Vision 2030"
    does."""
    first = YEAR.match(m.string, m.start() - 5)
    if first is None or resolve_year(first, anchor) is None:
        return None
    return ("DATE", m.group("y")) if int(first.group("y")) < int(m.group("y")) else None


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


# --- years with their era: 44 BC, AD 79, 15 March 44 BC, the 5th century BC ---------------------

_ERA = rf"(?P<era>{BEFORE_ERA}|{COMMON_ERA})(?![\w])"

ERA_DATE = compile_rule(
    rf"(?:(?:{DAY_OF_MONTH}\s+(?:of\s+)?(?P<mon>{MONTH})|(?P<mon2>{MONTH})\s+(?P<day2>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?,?|(?P<mon3>{MONTH}))\s+)?(?P<year>\d{{1,6}})\s*{_ERA}"
    rf"|(?P<ad>a\.\s?d\.|ad)\s*(?P<ad_year>\d{{1,6}})(?!\d)"
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
