"""Dates as a person types them: one table per rule, all read on a fixed day (no clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.dates import BadDate, parse_date, parse_range
from timeline.ingest.types import ParsedDate

TODAY = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 9, 41)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2012", ParsedDate("2012", "year")),
        ("2022-08", ParsedDate("2022-08", "month")),
        ("2022-08-31", ParsedDate("2022-08-31", "day")),
        ("2022-08-31T14:30", ParsedDate("2022-08-31T14:30", "minute")),
        ("2022-08/2022-09", ParsedDate("2022-08", "month", "2022-09")),
    ],
)
def test_iso_forms_keep_their_precision(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1990s", ParsedDate("1990", "year", "1999")),
        ("the 1990s", ParsedDate("1990", "year", "1999")),
        ("the 2010s", ParsedDate("2010", "year", "2019")),
        ("the 1960's", ParsedDate("1960", "year", "1969")),
        ("c. 1990s", ParsedDate("1990", "year", "1999", approximate=True)),
        ("1990s..2000s", ParsedDate("1990", "year", "2009")),
    ],
)
def test_decades_are_ten_years(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Q3 2022", ParsedDate("2022-07", "month", "2022-09")),
        ("q1 2021", ParsedDate("2021-01", "month", "2021-03")),
        ("2022-Q4", ParsedDate("2022-10", "month", "2022-12")),
        ("third quarter of 2022", ParsedDate("2022-07", "month", "2022-09")),
        ("the 2nd quarter of 2020", ParsedDate("2020-04", "month", "2020-06")),
        ("Q3 2022..Q4 2022", ParsedDate("2022-07", "month", "2022-12")),
    ],
)
def test_quarters_are_three_months(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14:30", ParsedDate("2026-11-25T14:30", "minute")),
        ("noon", ParsedDate("2026-11-25T12:00", "minute")),
        ("midnight", ParsedDate("2026-11-25T00:00", "minute")),
        ("about 3 pm", ParsedDate("2026-11-25T15:00", "minute", approximate=True)),
        ("yesterday at 3pm", ParsedDate("2026-11-24T15:00", "minute")),
        ("31 Aug 2022 14:30", ParsedDate("2022-08-31T14:30", "minute")),
    ],
)
def test_a_time_without_a_date_is_that_time_today(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY) == expected
    assert parse_date(typed, TODAY, NOW) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("5 minutes ago", ParsedDate("2026-11-25T09:36", "minute")),
        ("an hour ago", ParsedDate("2026-11-25T08:41", "minute")),
        ("in 2 hours", ParsedDate("2026-11-25T11:41", "minute")),
        ("now", ParsedDate("2026-11-25T09:41", "minute")),
    ],
)
def test_counts_of_hours_and_minutes_count_from_now(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY, NOW) == expected


def test_counts_of_minutes_without_now_are_refused_not_put_on_yesterday() -> None:
    with pytest.raises(BadDate, match="'5 minutes ago' counts from the current time"):
        parse_date("5 minutes ago", TODAY)
    assert parse_date("now", TODAY) == ParsedDate("2026-11-25", "day")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("31 Aug 2022", ParsedDate("2022-08-31", "day")),
        ("Aug. 31, 2022", ParsedDate("2022-08-31", "day")),
        ("Aug 2022", ParsedDate("2022-08", "month")),
        ("March", ParsedDate("2026-03", "month")),
        ("yesterday", ParsedDate("2026-11-24", "day")),
        ("last Tuesday", ParsedDate("2026-11-24", "day")),
        ("3 days ago", ParsedDate("2026-11-22", "day")),
        ("next month", ParsedDate("2026-12", "month")),
        ("31.08.2022", ParsedDate("2022-08-31", "day")),
        ("31/8", ParsedDate("2026-08-31", "day")),
        ("~Aug 2022", ParsedDate("2022-08", "month", approximate=True)),
        ("Aug 2022 - Sep 2022", ParsedDate("2022-08", "month", "2022-09")),
    ],
)
def test_natural_language_dates(typed: str, expected: ParsedDate) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("$11", "cannot read '$11' as a date"),
        ("€10", "cannot read '€10' as a date"),
        ("£5 2022", "cannot read '£5 2022' as a date"),
        ("11", "cannot read '11' as a date"),
        ("11.5", "cannot read '11.5' as a date"),
        ("20 minutes", "cannot read '20 minutes' as a date"),
        ("1 - 2", "'1 - 2': cannot read '1' as a date"),
        ("Q3", "cannot read 'Q3' as a date"),
        ("the 45th of Smarch", "cannot read 'the 45th of Smarch' as a date"),
        ("2022-02-30", "'2022-02-30' is not a date in the calendar"),
        ("2022-13", "'2022-13' is not a date in the calendar"),
        ("2022-08-31T24:00", "'2022-08-31T24:00' is not a time of day"),
        ("-0000", "'-0000': there is no year -0000 (0000 is 1 BCE)"),
        ("-0044-02-30", "'-0044-02-30' is not a date in the calendar"),
        ("0 BC", "'0 BC': there is no year 0 in BC/AD counting"),
        ("-0030..-0044", "'-0030..-0044': the end comes before the start"),
        ("Sep 2022..Aug 2022", "the end comes before the start"),
        ("", "no date given"),
    ],
)
def test_what_cannot_be_read_is_refused_naming_the_text(typed: str, message: str) -> None:
    with pytest.raises(BadDate) as caught:
        parse_date(typed, TODAY)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2022", ("2022", "2022")),
        ("Aug 2022..Sep 2022", ("2022-08", "2022-09")),
        ("2012..", ("2012", None)),
        ("..2012", (None, "2012")),
        ("the 1990s", ("1990", "1999")),
        ("Q3 2022", ("2022-07", "2022-09")),
    ],
)
def test_parse_range(typed: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_range(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "start", "end", "precision", "approximate"),
    [
        ("44 BC", "-0043", None, "year", False),
        ("44 BCE", "-0043", None, "year", False),
        ("300 BC", "-0299", None, "year", False),
        ("c. 300 BC", "-0299", None, "year", True),
        ("300 B.C.", "-0299", None, "year", False),
        ("1 BC", "0000", None, "year", False),
        ("15 March 44 BC", "-0043-03-15", None, "day", False),
        ("AD 14", "0014", None, "year", False),
        ("14 CE", "0014", None, "year", False),
        ("-0043", "-0043", None, "year", False),
        ("0000", "0000", None, "year", False),
        ("-0044-02-29", "-0044-02-29", None, "day", False),
        ("44 BC..14 AD", "-0043", "0014", "year", False),
        ("-0157..-0043", "-0157", "-0043", "year", False),
    ],
)
def test_years_before_1_ad_are_read_as_astronomical_years(
    typed: str, start: str, end: str | None, precision: str, approximate: bool
) -> None:
    parsed = parse_date(typed, dt.date(2024, 5, 1))
    assert (parsed.start, parsed.end, parsed.precision, parsed.approximate) == (
        start,
        end,
        precision,
        approximate,
    )
