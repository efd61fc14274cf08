"""Typed dates read what articles read: the words ingest dates an article by mean the same date
when a person types them in the form, `timeline add`, the filter, the jump or a CSV cell."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.dates import BadDate, parse_date, parse_range
from timeline.ingest.reader.values import date_of_value
from timeline.ingest.tagger.timex import find_timexes
from timeline.ingest.types import ParsedDate
from timeline.store.written_dates import format_date

TODAY = dt.date(2031, 6, 12)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("spring 2027", ParsedDate("2027-03", "month", "2027-05", approximate=True)),
        ("winter 2026", ParsedDate("2026-12", "month", "2027-02", approximate=True)),
        ("Christmas 2029", ParsedDate("2029-12-25", "day")),
        ("Easter 2028", ParsedDate("2028-04-16", "day")),
        ("mid-2027", ParsedDate("2027", "year")),
        ("early 2030", ParsedDate("2030", "year")),
        ("late March", ParsedDate("2031-03", "month")),
        ("the 1990s", ParsedDate("1990", "year", "1999")),
        ("2027-2029", ParsedDate("2027", "year", "2029")),
        ("2027 - 2029", ParsedDate("2027", "year", "2029")),
        ("44 BC", ParsedDate("-0043", "year")),
        ("15 March 44 BC", ParsedDate("-0043-03-15", "day")),
        ("AD 79", ParsedDate("0079", "year")),
        ("the 3rd century BC", ParsedDate("-0299", "year", "-0200", approximate=True)),
        ("in 46 BC", ParsedDate("-0045", "year")),
        ("30–31 Aug 2027", ParsedDate("2027-08-30", "day", "2027-08-31")),
        ("44–41 BCE", ParsedDate("-0043", "year", "-0040")),
        ("c. Aug 2027", ParsedDate("2027-08", "month", approximate=True)),
    ],
)
def test_typed_words_read_as_ingest_reads_them(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    "words",
    ["spring 2027", "Christmas 2029", "the 3rd century BC", "15 March 44 BC", "mid-2027"],
)
def test_the_same_words_give_the_same_date_in_an_article(words: str) -> None:
    sentence = f"The harbour at Quenby flooded in {words}, the archive shows."
    (timex,) = find_timexes(sentence, TODAY)
    assert timex.text.lower().removeprefix("in ") == words.lower()
    from_article = date_of_value(timex.value, TODAY)
    assert from_article is not None
    assert parse_date(words, TODAY).start == from_article.start
    assert parse_date(words, TODAY).end == from_article.end


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12000 BC", "outside what can be stored"),
        ("10500", "outside what can be stored"),
        ("0 BC", "no year 0"),
    ],
)
def test_years_the_store_cannot_keep_are_refused_in_one_line(typed: str, message: str) -> None:
    with pytest.raises(BadDate, match=message) as caught:
        parse_date(typed, TODAY)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("start", "end", "approximate"),
    [
        ("2027-08-30", "2027-08-31", False),
        ("-0043-03-15", None, False),
        ("2027-06", "2027-08", True),
        ("-0003", "0014", False),
        ("2027-08-30", "2027-09-02", False),
    ],
)
def test_what_the_app_shows_can_be_typed_back(
    start: str, end: str | None, approximate: bool
) -> None:
    read = parse_date(format_date(start, end, approximate), TODAY)
    assert (read.start, read.end, read.approximate) == (start, end, approximate)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("spring 2027", ("2027-03", "2027-05")),
        ("the 3rd century BC", ("-0299", "-0200")),
        ("44 BC..AD 14", ("-0043", "0014")),
        ("mid-2027..", ("2027", None)),
    ],
)
def test_the_filter_reads_the_same_words(typed: str, expected: tuple[str, str | None]) -> None:
    assert parse_range(typed, TODAY) == expected


WINTER_DAY = dt.date(2031, 12, 3)
"""A day when next March is nearer than the last one: a typed month without its year must
still mean the last one, as in a past sentence."""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("late March", ParsedDate("2031-03", "month")),
        ("March", ParsedDate("2031-03", "month")),
        ("the end of March", ParsedDate("2031-03", "month")),
        ("next March", ParsedDate("2032-03", "month")),
        ("late March 2029", ParsedDate("2029-03", "month")),
        ("mid-March 2029", ParsedDate("2029-03", "month")),
        ("early May, 2028", ParsedDate("2028-05", "month")),
        ("late March last year", ParsedDate("2030-03", "month")),
    ],
)
def test_a_month_with_a_modifier_reads_as_the_bare_month(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, WINTER_DAY) == expected


@pytest.mark.parametrize("words", ["late March 2029", "mid-March 2029", "the end of May 2028"])
def test_a_modified_month_with_its_year_is_one_expression_in_an_article(words: str) -> None:
    sentence = f"The Quenby ferry stopped running in {words}, the harbour master said."
    (timex,) = find_timexes(sentence, WINTER_DAY)
    assert timex.text == words
    assert timex.value == words[-4:] + ("-03" if "March" in words else "-05")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30-31 Aug 2027", ParsedDate("2027-08-30", "day", "2027-08-31")),
        ("Aug 30-31, 2027", ParsedDate("2027-08-30", "day", "2027-08-31")),
        ("4 - 6 May", ParsedDate("2031-05-04", "day", "2031-05-06")),
        ("c. 4-6 May 2029", ParsedDate("2029-05-04", "day", "2029-05-06", approximate=True)),
        ("4 to 6 May 2029", ParsedDate("2029-05-04", "day", "2029-05-06")),
        ("May 4–6, 2029", ParsedDate("2029-05-04", "day", "2029-05-06")),
    ],
)
def test_days_of_one_month_with_a_hyphen_are_the_span(typed: str, expected: ParsedDate) -> None:
    """What the app writes with a dash ("30–31 Aug 2027") typed with a hyphen, or month first,
    is the whole span, not its first day."""
    assert parse_date(typed, TODAY) == expected


def test_days_of_a_month_backwards_are_refused() -> None:
    with pytest.raises(BadDate, match="end comes before"):
        parse_date("9-3 May 2029", TODAY)
