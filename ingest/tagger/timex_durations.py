"""Timex rules for durations (two days, a 10-year plan) and sets (every year, weekly)."""

from __future__ import annotations

import re

from timeline.ingest.tagger.timex_anchor import (
    SEASONS,
    Anchor,
)
from timeline.ingest.tagger.timex_grammar import (
    Resolved,
    compile_rule,
    counted_before,
)
from timeline.ingest.tagger.timex_lexicon import (
    MONTH,
    MONTHS,
    NUMBER,
    SEASON,
    UNIT,
    UNITS,
    VAGUE_LETTER,
    WEEKDAY,
    WEEKDAYS,
    alternation,
    parse_number,
)

# --- durations and sets ---------------------------------------------------------------------------

_DUR_MODS = (
    r"about|around|approximately|nearly|almost|roughly|some|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|an\s+additional|a\s+full"
)
DURATION = compile_rule(
    rf"(?:(?:{_DUR_MODS})\s+(?!the\b))?(?:(?P<det>the|a|an|its|their)\s+)?"
    r"(?P<rel>(?:(?:past|last|next|first|final|previous|coming|following|remaining|latest|"
    r"additional|further|other|same|initial|few|several)\s+)*)"
    rf"(?P<num>{NUMBER})(?:\s*(?:to|-)\s*{NUMBER})?\s+(?:(?:more|additional|full|long|straight|"
    rf"consecutive|trading|business|calendar|working|odd|or\s+so)\s+)?(?P<unit>{UNIT})"
    r"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
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
    if clock:
        small_letter, factor = {"H": ("M", 60), "M": ("S", 60)}.get(letter, ("S", 1))
    else:
        small_letter, factor = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7)}.get(
            letter, ("H", 24)
        )
    extra = round((total - int(total)) * factor)
    if int(total) == 0:  # "half an hour": PT30M
        return f"{'PT' if clock or small_letter == 'H' else 'P'}{extra}{small_letter}"
    separator = "T" if small_letter == "H" else ""
    return f"{prefix}{int(total)}{letter}{separator}{extra}{small_letter}"


_AGE_BEFORE = re.compile(r"\b(?:aged|aged\s+between|as\s+(?:young|old)\s+as)\s+$", re.IGNORECASE)


def resolve_duration(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "two days", "a two-day visit" (the "two-day"), "the past three years", "24 hours"."""
    unit = m.group("unit").lower()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in UNITS else unit
    number_text = " ".join(m.group("num").lower().split())
    det = (m.group("det") or "").lower() if "det" in m.re.groupindex else ""
    if number_text in ("couple of", "few", "number of") and det in ("a", "an"):
        number_text = f"{m.group('det').lower()} {number_text}"  # "a couple of years" is one count
    number = parse_number(number_text)
    vague = ("a few", "few", "several", "some", "many", "a number of")
    if number is None and number_text not in vague:
        return None
    if number_text in ("a", "an") and counted_before(m):
        return None
    if re.match(r"\s+old\b", m.string[m.end() : m.end() + 6]):
        return None
    aged = m.group(0).lower().endswith("-old") or m.string[m.end() : m.end() + 4] == "-old"
    if unit in ("year", "years") and aged:
        return None  # "a 24-year-old man", "12-year-olds": an age, which annotators leave untagged
    if _AGE_BEFORE.search(m.string, max(0, m.start() - 24), m.start()):
        return None  # "aged 8 years", "as young as two months"
    if is_fraction_or_ordinal(m.group(0), number_text, unit):
        return None
    if number is not None and "half" in m.re.groupindex and m.group("half"):
        number += 0.5
    value = duration_value(number, unit)
    if "det" not in m.re.groupindex:
        return "DURATION", value
    if m.group("det") and not m.group("rel") and number_text[0] != "a":
        return "DURATION", value, m.start("num")  # "a five year plan": "five year"
    if not m.group("det") and m.group("rel").lower().startswith("last"):
        return "DURATION", value, m.start("num")  # "to last six weeks": a verb, not "the last"
    return "DURATION", value


def is_fraction_or_ordinal(text: str, number_text: str, unit: str) -> bool:
    """True for "a quarter", "three-quarters", "four-quarter" (shares) and "a second" (ordinal)."""
    if unit == "quarter" and (number_text in ("a", "an", "one") or "-" in text):
        return True
    return unit == "second" and number_text in ("a", "an")


PLURAL_UNITS = compile_rule(
    r"(?:for|within|in|after|over)\s+(?P<the>the\s+)?"
    r"(?P<unit>years|months|weeks|decades|centuries|days|hours)"
    r"(?!\s+(?:ago|of|old|later|earlier|before|after|to|when|that|since|in\s+which))"
)


def resolve_plural_units(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "for years", "within weeks", "over the years" (preposition untagged) as PXY, PXW."""
    unit = m.group("unit").lower()
    unit = "century" if unit == "centuries" else unit[:-1]
    start = m.start("the") if m.group("the") else m.start("unit")
    return "DURATION", duration_value(None, unit), start


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M"}
_SET_UNITS |= {"hour": "PT1H", "decade": "P10Y", "night": "XXXX-XX-XXTNI"}
_SET_UNITS |= {"morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV", "weekend": "XXXX-WXX-WE"}
EVERY = compile_rule(
    r"(?:every|each)\s+(?:other\s+)?"
    rf"(?:(?P<num>{NUMBER})\s+(?P<unit>{UNIT})|"
    rf"(?P<what>{WEEKDAY}|{MONTH}|{SEASON}|day|week|month|year|quarter|hour|decade|night|"
    r"morning|evening|weekend))"
)


def resolve_every(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "every year", "every four years", "each Thursday", "each July" as a SET."""
    if m.group("unit"):
        unit = m.group("unit").lower()
        unit = unit[:-1] if unit.endswith("s") and unit[:-1] in UNITS else unit
        return "SET", duration_value(parse_number(m.group("num")), unit)
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
    adjectives = ("quarterly", "monthly", "weekly", "daily", "yearly", "nightly")
    if re.match(r"\s+[a-z]", follow) and m.group("w").lower() in adjectives:
        return None  # "daily flights", "a weekly magazine": an adjective, not a time
    if counted_before(m):
        return None
    return "SET", _ADVERB_SETS[m.group("w").lower()]


def resolve_times_per(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "twice a year", "three times a week" as a SET of the unit."""
    return "SET", _SET_UNITS[m.group("unit").lower()]
