"""Event building: each rule's table, then whole articles of our own through the real tagger."""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files

import pytest

from timeline.ingest.reader.clauses import reports_event
from timeline.ingest.reader.events import build_events
from timeline.ingest.reader.titles import TITLE_MAX
from timeline.ingest.reader.values import date_of_value
from timeline.ingest.tagger.timex import find_timexes
from timeline.ingest.types import ParsedDate, Timex

PUB = dt.date(2022, 8, 31)


def timex(text: str, phrase: str, type_: str, value: str) -> Timex:
    """The Timex for the first occurrence of phrase in text."""
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, type_, value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers signed a memorandum.", True),
        ("Exports reached a record in 2021.", True),
        ("Russia's invasion of Ukraine began.", True),
        ("He visited Tokyo.", True),
        ("The weather is nice and warm.", False),
        ("In 2021.", False),
    ],
)
def test_reports_event(sentence: str, expected: bool) -> None:
    assert reports_event(sentence) is expected


@pytest.mark.parametrize(
    ("value", "published", "expected"),
    [
        ("2022-08-31", PUB, ParsedDate("2022-08-31", "day")),
        ("2022-08", PUB, ParsedDate("2022-08", "month")),
        ("2022", PUB, ParsedDate("2022", "year")),
        ("2022-08-31T14:30", PUB, ParsedDate("2022-08-31T14:30", "minute")),
        ("2022-08-31T24:00", PUB, ParsedDate("2022-08-31", "day")),  # midnight: its day
        ("2022-12-31T24:00", PUB, ParsedDate("2022-12-31", "day")),
        ("2022-08-31T24:30", PUB, None),
        ("2022-08-31T25:00", PUB, None),
        ("2022-08-31TMO", PUB, ParsedDate("2022-08-31", "day", approximate=True)),
        ("2022-W35", PUB, ParsedDate("2022-08-29", "day", "2022-09-04", True)),
        ("2022-W35-WE", PUB, ParsedDate("2022-09-03", "day", "2022-09-04", True)),
        ("2022-Q3", PUB, ParsedDate("2022-07", "month", "2022-09")),
        ("2022-H1", PUB, ParsedDate("2022-01", "month", "2022-06")),
        ("2022-SU", PUB, ParsedDate("2022-06", "month", "2022-08", True)),
        ("2021-WI", PUB, ParsedDate("2021-12", "month", "2022-02", True)),
        ("199", PUB, ParsedDate("1990", "year", "1999", True)),
        ("19", PUB, ParsedDate("1900", "year", "1999", True)),
        ("PRESENT_REF", PUB, ParsedDate("2022-08-31", "day", approximate=True)),
        ("PAST_REF", PUB, ParsedDate("2022", "year", approximate=True)),
        ("XXXX-08-15", PUB, ParsedDate("2022-08-15", "day", approximate=True)),
        ("XXXX-09-15", PUB, ParsedDate("2021-09-15", "day", approximate=True)),
        ("XXXX-10", PUB, ParsedDate("2021-10", "month", approximate=True)),
        ("PAST_REF", None, None),
        ("XXXX-08-15", None, None),
        ("FUTURE_REF", PUB, None),
        ("2022-02-30", PUB, None),
        ("P2D", PUB, None),
    ],
)
def test_date_of_value(value: str, published: dt.date | None, expected: ParsedDate | None) -> None:
    assert date_of_value(value, published) == expected


def test_past_tense_sentence_never_dated_after_publication() -> None:
    text = "Officials said the deal was signed on 5 September."
    found = [timex(text, "5 September", "DATE", "2022-09-05")]
    [event] = build_events(text, found, PUB)
    assert event.start == "2021-09-05"  # a date named without its year: the latest past one
    text = "Officials signed the deal in 2023."
    assert build_events(text, [timex(text, "2023", "DATE", "2023")], PUB) == []


def test_weekday_resolved_after_publication_in_past_sentence_is_dropped_not_moved() -> None:
    text = "Shares fell sharply on Wednesday."
    assert build_events(text, [timex(text, "Wednesday", "DATE", "2022-09-07")], PUB) == []


def test_future_month_without_year_stays_in_the_future() -> None:
    text = "The ministers will sign the deal in December."
    [event] = build_events(text, [timex(text, "December", "DATE", "2022-12")], PUB)
    assert event.start == "2022-12"


def test_future_sentence_may_be_dated_after_publication() -> None:
    text = "The ministers will meet again in 2023."
    [event] = build_events(text, [timex(text, "2023", "DATE", "2023")], PUB)
    assert (event.start, event.precision) == ("2023", "year")


def test_a_length_of_time_rules_a_sentence_out_but_a_plain_report_is_at_publication() -> None:
    text = "The ministers signed a memorandum. Exports grew for three years."
    [event] = build_events(text, [timex(text, "three years", "DURATION", "P3Y")], PUB)
    assert event.title == "The ministers signed a memorandum"
    assert (event.start, event.precision, event.approximate) == ("2022-08-31", "day", True)
    assert (event.date_basis, event.date_text, event.counted_from) == ("report", "", "2022-08-31")


def test_most_precise_timex_dates_the_sentence() -> None:
    text = "In 2022 the two sides met on 30 August in Tokyo."
    found = [timex(text, "2022", "DATE", "2022"), timex(text, "30 August", "DATE", "2022-08-30")]
    [event] = build_events(text, found, PUB)
    assert (event.start, event.precision) == ("2022-08-30", "day")
    assert text[event.span_start : event.span_end] == "30 August"
    assert event.quote == text
    assert event.details == ""


def test_without_publication_date_relative_dates_are_undated() -> None:
    text = "Officials met last week to sign the deal. The pact was first signed in 2012."
    found = [
        timex(text, "last week", "DATE", "XXXX-WXX"),
        timex(text, "2012", "DATE", "2012"),
    ]
    undated, dated = build_events(text, found, None)
    assert (undated.start, undated.precision, undated.approximate) == (None, None, True)
    assert text[undated.span_start : undated.span_end] == "last week"
    assert (dated.start, dated.precision) == ("2012", "year")


def test_headline_reporting_an_event_is_dated_at_publication() -> None:
    text = "Japan and Israel sign trade accord\n\nThe economy grew in 2021, data showed."
    events = build_events(text, [timex(text, "2021", "DATE", "2021")], PUB)
    assert [(e.title, e.start, e.precision) for e in events] == [
        ("Japan and Israel sign trade accord", "2022-08-31", "day"),
        ("The economy grew in 2021, data showed", "2021", "year"),
    ]
    # it says where its date came from, as any undated report does (the details screen shows it)
    lead = events[0]
    assert (lead.approximate, lead.date_basis, lead.counted_from) == (True, "report", "2022-08-31")


def test_headline_repeated_by_a_dated_sentence_is_not_doubled() -> None:
    text = "Ministers sign defence pact\n\nThe ministers signed a defence pact on Wednesday."
    events = build_events(text, [timex(text, "Wednesday", "DATE", "2022-08-31")], PUB)
    assert [e.title for e in events] == ["The ministers signed a defence pact"]


@pytest.mark.parametrize(
    "dateline",
    [
        "TOKYO, 31 August 2022 - ",
        "TOKYO (Reuters) - ",
        "TOKYO, Aug. 31 (Reuters) - ",
    ],
)
def test_dateline_neither_dates_nor_titles_the_first_event(dateline: str) -> None:
    sentence = "The defence minister arrived in Tokyo on Tuesday for a two-day visit."
    text = f"Minister visits Japan\n\n{dateline}{sentence}\n"
    events = build_events(text, find_timexes(text, PUB), PUB)
    arrival = by_title(events, "arrived")
    assert arrival.title == "The defence minister arrived in Tokyo for a two-day visit"
    assert (arrival.start, arrival.precision) == ("2022-08-30", "day")  # Tuesday, not 31 August
    assert text[arrival.span_start : arrival.span_end] == "Tuesday"
    assert arrival.quote == sentence


def test_dateline_date_is_not_the_events_own() -> None:
    text = "TOKYO, 31 August 2022 (Reuters) - The ministers signed a memorandum.\n"
    [event] = build_events(text, find_timexes(text, PUB), PUB)
    assert event.title == "The ministers signed a memorandum"
    assert (event.date_basis, event.span_start, event.approximate) == ("report", None, True)


def demo_article() -> str:
    """Our own article after the facts of the Israel–Japan defence MOU story."""
    return (files("timeline.ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")


def by_title(events: list, pattern: str) -> object:
    """The one event whose title matches pattern."""
    found = [e for e in events if re.search(pattern, e.title, re.IGNORECASE)]
    assert len(found) == 1, [e.title for e in events]
    return found[0]


def test_demo_article_yields_the_chronology() -> None:
    text = demo_article()
    events = build_events(text, find_timexes(text, PUB), PUB)

    visit = by_title(events, r"two-day visit to Tokyo")
    assert (visit.start, visit.end, visit.precision) == ("2022-08-30", "2022-08-31", "day")
    assert text[visit.span_start : visit.span_end] == "two-day"

    signing = by_title(events, r"signed a memorandum")
    assert signing.start in ("2022-08-30", "2022-08-31")
    assert signing.precision == "day"

    trip = by_title(events, r"returned from Washington")
    assert trip.start.startswith("2022-08") and trip.start < "2022-08-30"
    assert trip.approximate and trip.date_basis == "report"

    previous = by_title(events, r"^Last trip to Japan")
    assert (previous.start, previous.precision) == ("2012", "year")

    record = by_title(events, r"record")
    assert (record.start, record.precision) == ("2021", "year")

    assert all(e.start is None or e.start[:4] <= "2022" for e in events)
    assert all(e.quote and e.quote in text and len(e.title) <= TITLE_MAX for e in events)


def test_a_blog_entry_stamp_with_its_clock_first_is_no_part_of_the_entry() -> None:
    text = (
        "Orvik strike blog\n\n"
        "Ola Brandt | 10:05 UK time, Friday, 4 July 2031 Dockers rejected the offer.\n\n"
        "Ola Brandt | 11:40 UK time, Friday, 4 July 2031 The port board closed the north quay.\n"
    )
    published = dt.date(2031, 7, 4)
    titles = [e.title for e in build_events(text, find_timexes(text, published), published)]
    assert "The port board closed the north quay" in titles
    assert not any("UK time" in title for title in titles)
