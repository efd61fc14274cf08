"""Word lists and regex fragments the timex grammar is built from: months, numbers, units."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tues": 1,
    "tue": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thurs": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
#: Vague quantities: a duration of "several years" has an unknown count, written X.
VAGUE = {"a few", "few", "several", "some", "many", "a number of", "the", "a couple of"}

#: Units of time and the TIMEX3 duration letter and multiplier for each.
UNITS = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "centurie": ("Y", 100, False),
}
#: Letter used for a vague count of each unit ("decades" is PXE, "centuries" PXC).
VAGUE_LETTER = {"decade": "E", "century": "C", "centurie": "C"}


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of words, longest first so the regex engine prefers full words."""
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))


_MONTH_FULL = [m for m in MONTHS if (len(m) > 3 and m != "sept") or m == "may"]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m not in _MONTH_FULL]
MONTH = rf"(?:(?:{alternation(_MONTH_FULL)})\b|(?:{alternation(_MONTH_ABBR)})(?:\.|\b))"
WEEKDAY = rf"(?:(?:{alternation([w for w in WEEKDAYS if len(w) > 5])})\b)"
_UNITS_WORD = alternation(SMALL_NUMBERS)
_DIGIT_WORD = alternation([w for w in SMALL_NUMBERS if 0 < SMALL_NUMBERS[w] < 10])
NUMBER_WORD = (
    rf"(?:(?:{alternation(TENS)})(?:[-\s](?:{_DIGIT_WORD}))?"
    rf"|{_UNITS_WORD}|a\s+hundred|hundred)(?:\s+(?:hundred|thousand))?"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|\s+1/2|\s+and\s+a\s+half)?"
NUMBER = (
    rf"(?:{DIGITS}|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|an?(?:\s+and\s+a\s+half)?"
    rf"|a\s+couple\s+of|a\s+few|few|several|some|many|a\s+number\s+of|couple\s+of|half\s+an?)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|century|centuries)"
)
SEASON = r"(?:spring|summer|fall|autumn|winter)"
#: A year said in words, as broadcast transcripts write it: "nineteen ninety-six".
SPOKEN_YEAR_WORDS = (
    rf"(?:nineteen|eighteen)\s+(?:(?:{alternation(TENS)})(?:[-\s](?:{_DIGIT_WORD}))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_ORDINAL_UNITS = [w for w in ORDINALS if ORDINALS[w] < 10]
#: A day of the month in words: "fifth", "twenty-first", "thirtieth".
ORDINAL_DAY = (
    rf"(?:(?:twenty|thirty)[-\s](?:{alternation(_ORDINAL_UNITS)})|{alternation(ORDINALS)})"
)
DAYPART = r"(?:morning|afternoon|evening|night|overnight)"
DAYPART_CODES = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}


def parse_number(text: str) -> float | None:
    """Value of a number phrase ("two", "twenty-four", "1,500", "2 1/2"), None when vague."""
    words = " ".join(text.lower().replace("-", " ").split())
    if words in VAGUE:
        return 2 if "couple" in words else None
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if words.endswith(suffix):
            words, half = words[: -len(suffix)], 0.5
    if words in ("a", "an"):
        return 1 + half
    if words in ("half a", "half an"):
        return 0.5
    if words.replace(",", "").replace(".", "", 1).isdigit():
        return float(words.replace(",", "")) + half
    total = 0
    for word in words.split():
        if word in TENS:
            total += TENS[word]
        elif word in SMALL_NUMBERS:
            total += SMALL_NUMBERS[word]
        elif word in ("hundred", "thousand"):
            total = max(total, 1) * (100 if word == "hundred" else 1000)
        elif word != "a":
            return None
    return total + half


def spoken_year(text: str) -> int | None:
    """Year of "nineteen ninety-six" (1996), or None when the words are not such a year."""
    head, _, rest = " ".join(text.lower().split()).partition(" ")
    low = parse_number(rest)
    if head not in ("nineteen", "eighteen") or low is None or not 10 <= low < 100:
        return None
    return SMALL_NUMBERS[head] * 100 + int(low)


def ordinal_day(text: str) -> int | None:
    """Day number of "21st", "5", "fifth" or "twenty-first"; None for other words."""
    words = text.lower().replace("-", " ").split()
    if words and words[0][:1].isdigit():
        return int(words[0].rstrip("stndrh"))
    if len(words) == 2 and words[0] in TENS and words[1] in ORDINALS:
        return TENS[words[0]] + ORDINALS[words[1]]
    return ORDINALS.get(words[0]) if len(words) == 1 else None


def _triggers() -> dict[str, tuple[str, ...]]:
    """Map each trigger word to the categories of rules it can start."""
    table: dict[str, set[str]] = {}
    groups: dict[str, str] = {
        "month": " ".join(MONTHS),
        "weekday": " ".join(w + s for w in WEEKDAYS if len(w) > 5 for s in ("", "s")),
        "u_day": "day days night nights",
        "u_week": "week weeks weekend weekends fortnight fortnights",
        "u_month": "month months",
        "u_year": "year years",
        "u_quarter": "quarter quarters half period periods",
        "u_clock": "second seconds minute minutes hour hours",
        "u_long": "decade decades century centuries",
        "ref": (
            "yesterday today tomorrow tonight now current currently recent recently previous "
            "previously former formerly lately soon shortly future past present presently term "
            "later moment nowadays days"
        ),
        "daypart": "morning afternoon evening night nights overnight",
        "season": "spring summer fall autumn winter springs summers winters",
        "decade": "twenties thirties forties fifties sixties seventies eighties nineties",
        "spoken": "nineteen eighteen thousand",
        "clock": "noon midnight m am pm gmt utc hrs clock",
        "code": "q h",
        "ago": "ago earlier hence now",
        "holiday": "christmas halloween thanksgiving easter eve",
        "set": (
            "every each daily weekly monthly yearly annually hourly quarterly nightly biweekly "
            "semiannually once twice times"
        ),
    }
    for category, words in groups.items():
        for word in words.split():
            table.setdefault(word, set()).add(category)
    return {word: tuple(sorted(categories)) for word, categories in table.items()}


#: Lower-case words that can occur in a timex, each with the rule categories it triggers;
#: runs of digits trigger categories by shape (see `digit_categories`).
TRIGGERS = _triggers()


#: Trigger categories of all the units of time, for rules that take any of them.
ANY_UNIT = ("u_day", "u_week", "u_month", "u_year", "u_quarter", "u_clock", "u_long")


def digit_categories(token: str, following: str) -> tuple[str, ...]:
    """Trigger categories of a run of digits: a plausible year, a decade's "80", a clock's
    "14:" (`following` is the character after the digits), or a small number.

    Splitting numbers by shape keeps the year rules away from prices and counts.
    """
    if following == ":" and len(token) <= 2:
        return ("small", "colon")
    if len(token) == 4:
        return ("year",) if "1500" <= token <= "2099" else ()
    if len(token) == 2 and token.endswith("0"):
        return ("small", "tens")
    return ("small",) if len(token) <= 2 else ()
