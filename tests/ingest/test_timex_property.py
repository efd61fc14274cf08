"""Properties of `find_timexes` that must hold for any text: spans, order, value syntax."""

from __future__ import annotations

import datetime
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.ingest.tagger import timex as tagger
from timeline.ingest.tagger import timex_rules
from timeline.ingest.tagger.timex import find_timexes

#: TIMEX3 value syntax: calendar points (with X for unknown parts, weeks, quarters, halves,
#: seasons, weekends, parts of day or clock times), durations, SET weekdays, and *_REF tokens.
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_CAL = (
    rf"(?:\d{{4}}|XXXX)(?:-{_MONTH}(?:-{_DAY})?|-W{_WEEK}(?:-(?:WE|[1-7]))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_TIME = r"T(?:MO|AF|EV|NI|DT|(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)"
_DUR = r"P(?:(?:\d+|X)[YMWDQECL])+(?:T(?:(?:\d+|X)[HMS])+)?|PT(?:(?:\d+|X)[HMS])+"
TIMEX3_VALUE = re.compile(
    rf"^(?:{_CAL}(?:{_TIME})?|\d{{2,3}}|XXX?|{_DUR}|PAST_REF|PRESENT_REF|FUTURE_REF)$",
    re.ASCII,  # \d is 0-9 only: a digit of another script is no TIMEX3 value
)


NEWSY = st.sampled_from(
    [
        "last week",
        " on Friday",
        "Aug. 31, 2022",
        "the 1990s",
        "two days ago",
        " 10 p.m. ",
        "the third quarter",
        "$11",
        "since 2012",
        "every year",
        "the last decade",
        "that year",
        "a two-day visit",
        " now",
        "May",
        "-",
        "Saturday, April 25, 2020",
        "the comparable year-ago quarter",
        "more than two thousand years",
        "at least the past 18 months",
        "7:15 a.m. EST",
        "at 14:30",
        "1400 GMT",
        "two to three weeks",
        "a year and a half",
        "Good Friday",
        "March eighth",
        "ten o'clock at night",
        "the winter of nineteen ninety-four",
        "last Christmas",
        "the day before yesterday",
        "the end of fiscal 1990",
        ",",
        ".",
        " ",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(NEWSY, st.text(max_size=5))).map("".join))
DATES = st.one_of(st.none(), st.dates(datetime.date(1, 1, 1), datetime.date(9998, 12, 1)))


@settings(max_examples=200, deadline=None)
@given(TEXTS, DATES)
def test_any_text_gives_well_formed_timexes(text: str, published: datetime.date | None) -> None:
    found = find_timexes(text, published)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        assert TIMEX3_VALUE.match(timex.value), timex.value


def test_value_regex_accepts_the_documented_forms() -> None:
    for value in ["2022-08-31", "2022-08", "2022", "199", "2022-W35", "2022-Q3", "2022-SU"]:
        assert TIMEX3_VALUE.match(value)
    for value in ["P2D", "P3Y", "PT2H", "PAST_REF", "XXXX-08-31", "2022-08-31TMO", "P2Y6M"]:
        assert TIMEX3_VALUE.match(value)
    for value in ["2022-13", "2022-08-32", "2022-W54", "2022-08-31T24:00", "٢٠٢٢", "yesterday"]:
        assert not TIMEX3_VALUE.match(value), value
    for value in ["P", "2022-08-31T", "2022-00", ""]:
        assert not TIMEX3_VALUE.match(value), value


EDGE_TEXT = (
    "Yesterday, last month, the following day, Friday, next year, the last decade, the quarter, "
    "a year ago, two weeks ago, last summer, the weekend, this century, five centuries ago, "
    "in May 1990. That year and the following month."
)


def test_anchors_at_the_ends_of_the_calendar_stay_well_formed() -> None:
    for published in (datetime.date(1, 1, 1), datetime.date(1, 1, 5), datetime.date(9999, 12, 31)):
        for timex in find_timexes(EDGE_TEXT, published):
            assert TIMEX3_VALUE.match(timex.value), timex


def full_scan_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every trigger category's window as the whole text: what the rules would see unfiltered."""
    categories = {key for rule in timex_rules.RULES for key in rule.keys}
    return {key: [(0, len(text))] for key in categories}


NEWS_TEXTS = st.lists(st.one_of(NEWSY, st.sampled_from(["\n", "1,000", "80s", "Q3"])), max_size=30)


@settings(max_examples=200, deadline=None)
@given(NEWS_TEXTS.map(" ".join), DATES)
def test_trigger_windows_lose_nothing(text: str, published: datetime.date | None) -> None:
    windowed = find_timexes(text, published)
    original = tagger.trigger_windows
    tagger.trigger_windows = full_scan_windows
    try:
        assert find_timexes(text, published) == windowed
    finally:
        tagger.trigger_windows = original
