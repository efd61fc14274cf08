"""Temporal tagger: find TIMEX3 expressions in English news text and value them against its date.

`find_timexes` runs each rule of the grammar in `ingest.timex_rules` near its trigger words, keeps
the longest non-overlapping matches, then applies the document-level steps a single match cannot:
a clock time joins the day that follows it ("10 p.m. Wednesday"), "a year earlier" takes the
quarter being discussed, and "that year" takes the year last named. The publication date is the
only anchor; nothing reads the clock.
"""

from __future__ import annotations

import bisect
import datetime
import re

from timeline.ingest.tagger.timex_anchor import Anchor, shifted, year_text
from timeline.ingest.tagger.timex_lexicon import TRIGGERS, digit_categories
from timeline.ingest.tagger.timex_rules import ANAPHOR_MARK, RULES, YEAR_EARLIER
from timeline.ingest.types import Timex

#: How far back (characters) "a year earlier" looks for the quarter it is compared with.
QUARTER_CONTEXT = 400
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z])")
#: A rule's pattern runs only this many characters either side of one of its trigger words.
WINDOW_BEFORE = 50
WINDOW_AFTER = 35
_WORD = re.compile(r"[a-z]+|[0-9]+")
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^XXXX-WXX-\d$")


def find_timexes(text: str, published: datetime.date | None) -> list[Timex]:
    """Find the temporal expressions in `text`, valued relative to its publication date.

    Args:
        text: Article text, any length.
        published: Publication date, the anchor for "yesterday", "last year", "Friday"...;
            None leaves anchor-dependent values in X form (`XXXX-XX-XX`) or as `PAST_REF` etc.

    Returns:
        Non-overlapping timexes sorted by position, typed DATE, TIME, DURATION or SET.
    """
    if isinstance(published, datetime.datetime):  # a datetime is a date too; keep the day
        published = published.date()
    candidates = list(candidate_matches(text, published))
    chosen = choose_longest(candidates)
    chosen = merge_clock_with_day(text, chosen)
    chosen = resolve_year_earlier(text, chosen, published)
    return resolve_anaphora(chosen, published)


def trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per trigger category, the merged stretches of text around its trigger words.

    Running each rule only there, rather than over the whole text, is what makes the tagger
    fast: one cheap word scan replaces thirty full regex scans.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters grow when lower-cased; keep offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    starts: dict[str, list[tuple[int, int]]] = {}
    for word in _WORD.finditer(lowered):
        token = word.group()
        categories: tuple[str, ...] | None
        if token[0].isdigit():
            categories = digit_categories(token, lowered[word.end() : word.end() + 1])
        else:
            categories = TRIGGERS.get(token)
            if categories and lowered[word.start() - 1 : word.start()] == "-":
                categories = (*categories, "hyphen")  # the "day" of "two-day"
        if categories:
            for category in categories:
                starts.setdefault(category, []).append(word.span())
    windows: dict[str, list[tuple[int, int]]] = {}
    for category, spans in starts.items():
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            low, high = max(0, start - WINDOW_BEFORE), min(len(text), end + WINDOW_AFTER)
            if merged and low <= merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
            else:
                merged.append((low, high))
        windows[category] = merged
    return windows


def rule_ranges(
    rule_keys: tuple[str, ...], windows: dict[str, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The merged ranges a rule must scan: the union of its trigger categories' windows."""
    if len(rule_keys) == 1:
        return windows.get(rule_keys[0], [])
    spans = sorted(span for key in rule_keys for span in windows.get(key, []))
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def candidate_matches(text: str, anchor: Anchor) -> list[Timex]:
    """Every match of every rule that its resolver accepts, overlapping ones included."""
    found = []
    windows = trigger_windows(text)
    for rule in RULES:
        for low, high in rule_ranges(rule.keys, windows):
            for match in rule.pattern.finditer(text, low, high):
                resolved = rule.resolve(match, anchor)
                if resolved is None or match.start() == match.end():
                    continue
                kind, value, *span = resolved
                begin = span[0] if span else match.start()
                end = span[1] if len(span) > 1 else match.end()
                found.append(Timex(begin, end, text[begin:end], kind, value))
    return found


def choose_longest(candidates: list[Timex]) -> list[Timex]:
    """Keep the longest candidates that do not overlap a longer one; earlier rule wins a tie.

    Candidates are first cut into runs that overlap one another, and the choice is made
    within each run, so the work stays in proportion to the text however many timexes it has.
    """
    order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    taken: list[Timex] = []
    group: list[int] = []
    reach = -1
    for index in order:
        if group and candidates[index].start >= reach:
            taken.extend(_longest_in(candidates, group))
            group = []
        group.append(index)
        reach = max(reach, candidates[index].end) if len(group) > 1 else candidates[index].end
    taken.extend(_longest_in(candidates, group))
    return taken


def _longest_in(candidates: list[Timex], group: list[int]) -> list[Timex]:
    """`choose_longest` for one run of overlapping candidates (indices into `candidates`)."""
    ordered = sorted(group, key=lambda i: (candidates[i].start - candidates[i].end, i))
    starts: list[int] = []  # taken spans are disjoint, so sorted by start they are by end too
    taken: list[Timex] = []
    for i in ordered:
        candidate = candidates[i]
        index = bisect.bisect_left(starts, candidate.end)
        if index and taken[index - 1].end > candidate.start:
            continue
        starts.insert(index, candidate.start)
        taken.insert(index, candidate)
    return taken


_CLOCK_VALUE = re.compile(r"T(\d\d:\d\d)$")
#: What may stand between a clock and the day after it: "10 p.m. Wednesday", "10:30 on 30 August".
_CLOCK_THEN_DAY = re.compile(r"[\s,]*(?:on\s+)?")
#: ... and between a day and the clock time after it: "30 August at 10:30", "Tuesday, 6 p.m.".
_DAY_THEN_CLOCK = re.compile(r"[\s,]*(?:at\s+)?")


def merge_clock_with_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """Join a clock time and the day beside it into one TIME on that day.

    A clock alone is valued on the publication day; next to a day ("10 p.m. Wednesday",
    "on 30 August 2022 at 10:30", "Tuesday at 18:00 UTC") it belongs to that day instead.
    """
    merged: list[Timex] = []
    for timex in timexes:
        previous = merged[-1] if merged else None
        if previous is not None:
            gap = text[previous.end : timex.start]
            clock, day = None, None
            if _CLOCK_THEN_DAY.fullmatch(gap):
                clock, day = _clock_of(previous), timex
            if clock is None and _DAY_THEN_CLOCK.fullmatch(gap):
                clock, day = _clock_of(timex), previous
            if clock is not None and day is not None and _DAY_VALUE.match(day.value):
                merged[-1] = Timex(
                    previous.start,
                    timex.end,
                    text[previous.start : timex.end],
                    "TIME",
                    f"{day.value}T{clock}",
                )
                continue
        merged.append(timex)
    return merged


def _clock_of(timex: Timex) -> str | None:
    """The "HH:MM" of a TIME valued to the minute, else None."""
    found = _CLOCK_VALUE.search(timex.value) if timex.type == "TIME" else None
    return found.group(1) if found else None


def resolve_year_earlier(text: str, timexes: list[Timex], anchor: Anchor) -> list[Timex]:
    """Value "a year earlier"/"year-ago" as last year's quarter when a quarter was just named.

    "Just named" is this sentence or the two before it, within `QUARTER_CONTEXT` characters: a
    quarter further back is another topic, and the phrase means a year before publication.
    """
    result: list[Timex] = []
    compared: set[int] = set()  # values this step made: not quarters to compare with
    for timex in timexes:
        if timex.value == YEAR_EARLIER:
            value = shifted(anchor, "year", -1)
            compared.add(len(result))
            for index in range(len(result) - 1, -1, -1):
                earlier = result[index]
                if timex.start - earlier.end > QUARTER_CONTEXT or (
                    len(_SENTENCE_END.findall(text, earlier.end, timex.start)) > 2
                ):
                    break
                quarter = None if index in compared else _QUARTER_VALUE.match(earlier.value)
                if quarter:
                    value = f"{year_text(int(quarter.group(1)) - 1)}-Q{quarter.group(2)}"
                    break
            timex = Timex(timex.start, timex.end, timex.text, timex.type, value)
        result.append(timex)
    return result


_GRAIN_PATTERNS = {
    "year": re.compile(r"^(\d{4})"),
    "month": re.compile(r"^(\d{4}-\d\d)(?!\d)"),
    "week": re.compile(r"^(\d{4}-\d\d-\d\d)"),
    "day": re.compile(r"^(\d{4}-\d\d-\d\d)"),
}


def resolve_anaphora(timexes: list[Timex], anchor: Anchor) -> list[Timex]:
    """Value "that year", "the following day" from the latest date of that grain named before."""
    result: list[Timex] = []
    latest: dict[str, str] = {}  # per grain, the value of the latest DATE that has one
    for timex in timexes:
        if timex.value.startswith(ANAPHOR_MARK):
            unit, offset = timex.value[1:-2], int(timex.value[-2:])
            base = latest.get(unit)
            value = (
                shifted(anchor, unit, offset) if base is None else shift_value(base, unit, offset)
            )
            timex = Timex(timex.start, timex.end, timex.text, timex.type, value)
        result.append(timex)
        if timex.type == "DATE":
            for unit, pattern in _GRAIN_PATTERNS.items():
                found = pattern.match(timex.value)
                if found:
                    latest[unit] = found.group(1)
    return result


def shift_value(base: str, unit: str, offset: int) -> str:
    """Move an ISO year, month or day value by `offset` years, months, weeks or days."""
    if unit == "year":
        return year_text(int(base) + offset)
    try:
        day = datetime.date(int(base[:4]), int(base[5:7]), int(base[8:10] or 1))
    except ValueError:
        return shifted(None, unit, 0)
    return shifted(day, unit, offset)
