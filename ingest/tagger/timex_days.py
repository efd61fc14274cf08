"""Timex rules for days and times of day: "yesterday", "tomorrow morning", "last night", "on
Friday", "10 p.m.", "at 14:30", "six o'clock", each valued on the day of the anchor or near it."""

from __future__ import annotations

import re

from timeline.ingest.tagger.timex_anchor import (
    Anchor,
    shifted,
    weekday_date,
)
from timeline.ingest.tagger.timex_grammar import (
    Resolved,
    arranged,
    compile_rule,
    direction_of,
    future_tense,
)
from timeline.ingest.tagger.timex_lexicon import (
    DAYPART,
    DAYPART_CODES,
    SMALL_NUMBERS,
    WEEKDAY,
    WEEKDAYS,
    alternation,
)

DAY_WORD = compile_rule(
    r"(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<around>before|after)\s+)?"
    r"(?P<w>yesterday|today|tomorrow|tonight)"
    rf"(?:\s+(?P<part>{DAYPART}))?"
)

_DAY_OFFSETS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
_A_TITLE = re.compile(r"\s+(?:show|programme|program|newspaper|website|podcast)\b")
"""A word after "Today" that makes it a title ("the Today show")."""
_BEFORE_A_TITLE = re.compile(r"(?:['’]s|\bthe|\bon|\bUSA)\s+[\"“‘']?$")
"""Before a capitalised "Today" mid-sentence, what makes it a name ("NBC's Today", "on Today",
"USA Today"), never the day: a sentence's first word is capitalised whatever it is."""


def resolve_day_word(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "yesterday", "today", "tomorrow morning", "tonight"."""
    word = m.group("w").lower()
    if _A_TITLE.match(m.string, m.end("w")) or (
        m.group("w")[0].isupper()
        and _BEFORE_A_TITLE.search(m.string[max(0, m.start("w") - 12) : m.start("w")])
    ):
        return None  # "NBC's Today show", "the Today programme": a programme's name
    around = {"before": -1, "after": 1}.get((m.group("around") or "").lower(), 0)
    value = shifted(anchor, "day", _DAY_OFFSETS[word] + around)
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

_AHEAD = re.compile(rf"\bfor\s+(?:{WEEKDAY}\s*(?:,|and|or)\s+)*$", re.IGNORECASE)
"""A weekday booked ("sailings for Thursday and Friday") names a day ahead, whatever the tense."""


def resolve_weekday(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "Friday", "last Tuesday", "Saturday night": the most recent one unless told future."""
    weekday = WEEKDAYS[m.group("wd").lower()]
    rel = m.group("rel")
    if m.group("part") and m.group("part").lower() == "nights":
        return "SET", f"XXXX-WXX-{weekday + 1}TNI"
    if rel and " ".join(rel.lower().split()) == "this":
        return "DATE", weekday_date(anchor, weekday, 2)
    if rel:
        direction = direction_of(rel)
        direction = 1 if direction == 0 and "coming" in rel.lower() else direction
    elif (
        future_tense(m.string, m.start())
        or arranged(m.string, m.start())
        or _AHEAD.search(m.string[max(0, m.start() - 80) : m.start()])
    ):
        direction = 3  # today's own weekday is today: "resumes Wednesday" in a Wednesday paper
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

CLOCK_24 = compile_rule(
    r"(?:at|by|from|until|till|before|after|around|about|since)\s+(?P<h>[0-2]?\d):(?P<min>[0-5]\d)"
    r"(?:\s+(?:GMT|UTC|local\s+time|hours|hrs))?"
    r"|(?P<h2>[0-2]\d)(?P<min2>[0-5]\d)\s+(?:GMT|UTC|hours\s+GMT|hrs|local\s+time)"
)

_HOUR_WORDS = {w: n for w, n in SMALL_NUMBERS.items() if 1 <= n <= 12}

OCLOCK = compile_rule(
    rf"(?P<h>{alternation(_HOUR_WORDS)}|[01]?\d)\s+o['’]clock"
    r"(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|(?P<night>at\s+night)))?"
)


def resolve_oclock(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "ten o'clock", "six o'clock in the evening" on the anchor's day."""
    text = m.group("h").lower()
    hour = int(text) if text.isdigit() else _HOUR_WORDS[text]
    if hour > 12:
        return None
    if m.group("night") or (m.group("part") or "").lower() in ("afternoon", "evening"):
        hour = hour % 12 + 12
    return "TIME", f"{shifted(anchor, 'day', 0)}T{hour:02d}:00"


def resolve_clock_24(m: re.Match[str], anchor: Anchor) -> Resolved:
    """Value "at 14:30", "1400 GMT" on the anchor's day; the preposition is not tagged."""
    hour, minute = int(m.group("h") or m.group("h2")), int(m.group("min") or m.group("min2"))
    if hour > 24:
        return None
    value = f"{shifted(anchor, 'day', 0)}T{hour:02d}:{minute:02d}"
    return "TIME", value, m.start("h") if m.group("h") else m.start()


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
