"""Tables of sentences we wrote, with the timex each should yield, kind by kind."""

from __future__ import annotations

import datetime

import pytest

from timeline.ingest.tagger.timex import find_timexes

PUBLISHED = datetime.date(2022, 8, 31)  # a Wednesday


def only(sentence: str, published: datetime.date | None = PUBLISHED) -> tuple[str, str, str]:
    """The single timex found in a sentence, as (text, type, value)."""
    found = find_timexes(sentence, published)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


def check(sentence: str, text: str, kind: str, value: str, published: datetime.date | None) -> None:
    """Assert that a sentence holds a timex with exactly this text, type and value."""
    found = [(t.text, t.type, t.value) for t in find_timexes(sentence, published)]
    assert (text, kind, value) in found, found


FIRST_CASE = [
    ("The minister arrived in Tokyo for a two-day visit.", "two-day", "DURATION", "P2D"),
    ("Japan has bought the jets since 2012.", "2012", "DATE", "2012"),
    ("The two defence ministers last met in 2021.", "2021", "DATE", "2021"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), FIRST_CASE)
def test_first_real_case(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


def test_just_returned_is_at_most_a_past_reference() -> None:
    found = find_timexes("I have just returned from the region.", PUBLISHED)
    assert all(t.value == "PAST_REF" for t in found)


def test_anniversary_year_is_not_a_date() -> None:
    found = find_timexes("It is the 70th year of diplomatic relations.", PUBLISHED)
    assert all(t.type != "DATE" or not t.value[:1].isdigit() for t in found)


CALENDAR_DATES = [
    ("The deal was signed on 31 Aug 2022 in Tokyo.", "31 Aug 2022", "DATE", "2022-08-31"),
    ("The deal was signed on August 31, 2022.", "August 31, 2022", "DATE", "2022-08-31"),
    ("Talks resume on Sept. 14 in Geneva.", "Sept. 14", "DATE", "2022-09-14"),
    ("Sales slowed in Aug 2022 after the storm.", "Aug 2022", "DATE", "2022-08"),
    ("The plant opened in 2012.", "2012", "DATE", "2012"),
    ("The ban traces back to a Water Act of 1972.", "1972", "DATE", "1972"),
    ("In 1990 street protests spread.", "1990", "DATE", "1990"),
    ("Prices fell through the 1990s.", "the 1990s", "DATE", "199"),
    ("The vote is set for December.", "December", "DATE", "2022-12"),
    ("The law passed in early September.", "early September", "DATE", "2022-09"),
    ("The report was filed on 2022-08-29.", "2022-08-29", "DATE", "2022-08-29"),
    ("He was born in the late '70s.", "the late '70s", "DATE", "197"),
    ("Grunge ruled the 90s.", "the 90s", "DATE", "199"),
    ("That changed in the 20th century.", "the 20th century", "DATE", "19"),
    ("She left office last April.", "last April", "DATE", "2022-04"),
    ("They met on Saturday, April 25, 2020.", "Saturday, April 25, 2020", "DATE", "2020-04-25"),
    ("Profits rose in Q3 2022.", "Q3 2022", "DATE", "2022-Q3"),
    ("He was born on the fifth of May.", "the fifth of May", "DATE", "2022-05-05"),
    ("Polls open June twenty-first.", "June twenty-first", "DATE", "2022-06-21"),
    ("It was January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"),
    ("In nineteen ninety-six the war ended.", "nineteen ninety-six", "DATE", "1996"),
    ("The fair runs between March and May.", "May", "DATE", "2022-05"),
    ("The form was dated 31/08/2022.", "31/08/2022", "DATE", "2022-08-31"),
    (
        "The log shows 2022-08-31T10:00 as the start.",
        "2022-08-31T10:00",
        "TIME",
        "2022-08-31T10:00",
    ),
    ("Nobody expected the year 2000 to go so quietly.", "the year 2000", "DATE", "2000"),
    ("The board will meet Sept. 2 to vote.", "Sept. 2", "DATE", "2022-09-02"),
    ("The new rules take effect Feb. 1.", "Feb. 1", "DATE", "2022-02-01"),
    ("The new rules will take effect Feb. 1.", "Feb. 1", "DATE", "2023-02-01"),
]

RELATIVE = [
    ("The ministers met yesterday.", "yesterday", "DATE", "2022-08-30"),
    ("The ministers meet today.", "today", "DATE", "2022-08-31"),
    ("The ministers meet tomorrow.", "tomorrow", "DATE", "2022-09-01"),
    ("Shares fell last week.", "last week", "DATE", "2022-W34"),
    ("The firm cut jobs this year.", "this year", "DATE", "2022"),
    ("Elections are due next year.", "next year", "DATE", "2023"),
    ("Rates rose earlier this month.", "earlier this month", "DATE", "2022-08"),
    ("The bank failed two days ago.", "two days ago", "DATE", "2022-08-29"),
    ("The rules changed a year ago.", "a year ago", "DATE", "2021"),
    ("The mill closed years ago.", "years ago", "DATE", "PAST_REF"),
    ("Growth slowed last month.", "last month", "DATE", "2022-07"),
    ("Profit rose in the third quarter.", "the third quarter", "DATE", "2022-Q3"),
    ("It posted a third-quarter loss.", "third-quarter", "DATE", "2022-Q3"),
    ("It beat its second-quarter forecast.", "second-quarter", "DATE", "2022-Q2"),
    ("Sales dropped in the quarter.", "the quarter", "DATE", "2022-Q2"),
    ("Turnout may be low this summer.", "this summer", "DATE", "2022-SU"),
    ("The talks end this Friday.", "this Friday", "DATE", "2022-09-02"),
    ("Coal will be gone by the end of the decade.", "the end of the decade", "DATE", "202"),
    ("He was seen the day before yesterday.", "the day before yesterday", "DATE", "2022-08-29"),
    ("Sales fell from a year earlier.", "a year earlier", "DATE", "2021"),
    ("It sold shares in 1998 and bought them back that year.", "that year", "DATE", "1998"),
    ("He joined in 2001 and the following year he left.", "the following year", "DATE", "2002"),
    (
        "The ship sank on May 3, 2001; the previous day was calm.",
        "the previous day",
        "DATE",
        "2001-05-02",
    ),
    ("Profit fell in the third quarter from a year earlier.", "a year earlier", "DATE", "2021-Q3"),
    ("The crops failed last winter.", "last winter", "DATE", "2022-WI"),
]

REFERENCES = [
    ("Prices are now falling.", "now", "DATE", "PRESENT_REF"),
    ("The mine is currently closed.", "currently", "DATE", "PRESENT_REF"),
    ("The mine recently closed.", "recently", "DATE", "PAST_REF"),
    ("Prices rose sharply in recent years.", "recent years", "DATE", "PAST_REF"),
    ("The talks will resume soon.", "soon", "DATE", "FUTURE_REF"),
    ("Nobody can predict the future.", "the future", "DATE", "FUTURE_REF"),
]

HOLIDAYS = [
    ("He will be home for Christmas.", "Christmas", "DATE", "2022-12-25"),
    ("Shops were busy over Thanksgiving.", "Thanksgiving", "DATE", "2022-11-24"),
    ("The attack came on Easter 2019.", "Easter 2019", "DATE", "2019-04-21"),
    ("The truce held on Good Friday.", "Good Friday", "DATE", "2022-04-15"),
    ("Last Christmas was quiet.", "Last Christmas", "DATE", "2021-12-25"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), HOLIDAYS)
def test_holidays(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


WEEKDAYS_AND_TIMES = [
    ("The ministers met on Tuesday.", "Tuesday", "DATE", "2022-08-30"),
    ("The ministers met on Wednesday.", "Wednesday", "DATE", "2022-08-31"),
    ("The ministers will meet on Friday.", "Friday", "DATE", "2022-09-02"),
    ("Police arrived last Thursday.", "last Thursday", "DATE", "2022-08-25"),
    ("The blast came at 10 p.m. Monday.", "10 p.m. Monday", "TIME", "2022-08-29T22:00"),
    ("The blast came at 7:15 a.m.", "7:15 a.m.", "TIME", "2022-08-31T07:15"),
    ("The raid began at 14:30 local time.", "14:30 local time", "TIME", "2022-08-31T14:30"),
    ("Trading halts at 1400 GMT.", "1400 GMT", "TIME", "2022-08-31T14:00"),
    (
        "The bells rang at six o'clock in the evening.",
        "six o'clock in the evening",
        "TIME",
        "2022-08-31T18:00",
    ),
    ("The minister spoke this morning.", "this morning", "TIME", "2022-08-31TMO"),
    ("Fighting resumed last night.", "last night", "TIME", "2022-08-30TNI"),
    ("The game ends Sunday night.", "Sunday night", "TIME", "2022-08-28TNI"),
]

DURATIONS = [
    ("The strike lasted for three years.", "three years", "DURATION", "P3Y"),
    ("Rescuers worked for 24 hours.", "24 hours", "DURATION", "PT24H"),
    ("Prices rose over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("The loan runs 18 months.", "18 months", "DURATION", "P18M"),
    ("The fast went on for several days.", "several days", "DURATION", "PXD"),
    ("He signed a 10-year contract.", "10-year", "DURATION", "P10Y"),
    ("The talks lasted nearly two weeks.", "nearly two weeks", "DURATION", "P2W"),
    ("The war lasted two decades.", "two decades", "DURATION", "P20Y"),
    ("He waited 2 1/2 years for a ruling.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("A ruling is due within a week.", "a week", "DURATION", "P1W"),
    ("He served a year and a half in jail.", "a year and a half", "DURATION", "P1Y6M"),
    ("The flight took two and a half hours.", "two and a half hours", "DURATION", "PT2H30M"),
    ("The vote took half an hour.", "half an hour", "DURATION", "PT30M"),
    ("The dispute lasted half a century.", "half a century", "DURATION", "P50Y"),
    ("Repairs take two to three weeks.", "two to three weeks", "DURATION", "P2W"),
    ("The trial should last six weeks.", "six weeks", "DURATION", "P6W"),
    ("Sales fell in the last two years.", "the last two years", "DURATION", "P2Y"),
    ("The bridge stays shut for a couple of years.", "a couple of years", "DURATION", "P2Y"),
    ("Troops could arrive within weeks.", "weeks", "DURATION", "PXW"),
    ("Rates have fallen in the past few weeks.", "the past few weeks", "DURATION", "PXW"),
    ("Talks go on over the next few days.", "the next few days", "DURATION", "PXD"),
    ("The city has changed over the years.", "the years", "DURATION", "PXY"),
    (
        "Monks have guarded the recipe for more than two thousand years.",
        "more than two thousand years",
        "DURATION",
        "P2000Y",
    ),
    ("They agreed a five year plan.", "five year", "DURATION", "P5Y"),
    ("The show ran for two hours.", "two hours", "DURATION", "PT2H"),
]

SETS = [
    ("The board meets every year.", "every year", "SET", "P1Y"),
    ("The paper is published weekly.", "weekly", "SET", "P1W"),
    ("Bills are due each month.", "each month", "SET", "P1M"),
    ("The market opens each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"),
    ("The council meets twice a year.", "twice a year", "SET", "P1Y"),
    ("Elections are held every four years.", "every four years", "SET", "P4Y"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), CALENDAR_DATES)
def test_calendar_dates(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), RELATIVE)
def test_relative_expressions(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), REFERENCES)
def test_vague_references(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), WEEKDAYS_AND_TIMES)
def test_weekdays_and_times(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), DURATIONS)
def test_durations(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), SETS)
def test_sets(sentence: str, text: str, kind: str, value: str) -> None:
    check(sentence, text, kind, value, PUBLISHED)


NOT_DATES = [
    "The ticket costs $11 and the meal €10.",
    "Unemployment rose 5.2% in the region.",
    "The company sold 2,012 cars.",
    "He finished 3rd of 40 runners.",
    "Some 1500 people marched; 2000 troops watched.",
    "Revenue was $2012 million.",
    "She may win, they said, and march on.",
    "Turnout was 1998 percent of the target.",
    "Flight 1549 landed safely.",
    "Both men are in their 90s.",
    "The fine was 2000 euros; the office is at 1600 Pennsylvania Avenue.",
    "The plant costs $4 million a year to run.",
    "It paid three-quarters of the cost.",
    "He still runs Windows 2000 and dreams of Vision 2030.",
    "They sailed on to Easter Island.",
    "Later drafts will resemble the present version.",
    "The mayor, 61 years old, plans to retire.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_money_percentages_and_numbers_are_not_dates(sentence: str) -> None:
    assert find_timexes(sentence, PUBLISHED) == []


UNANCHORED = [
    ("The ministers met yesterday.", "yesterday", "DATE", "XXXX-XX-XX"),
    ("Shares fell last week.", "last week", "DATE", "XXXX-WXX"),
    ("The firm cut jobs this year.", "this year", "DATE", "XXXX"),
    ("Rates rose last month.", "last month", "DATE", "XXXX-XX"),
    ("Talks resume on Sept. 14.", "Sept. 14", "DATE", "XXXX-09-14"),
    ("The ministers met on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2"),
    ("He will be home for Christmas.", "Christmas", "DATE", "XXXX-12-25"),
    ("The mine recently closed.", "recently", "DATE", "PAST_REF"),
    ("The deal was signed on August 31, 2022.", "August 31, 2022", "DATE", "2022-08-31"),
    ("The strike lasted three years.", "three years", "DURATION", "P3Y"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), UNANCHORED)
def test_without_publication_date_values_stay_unanchored(
    sentence: str, text: str, kind: str, value: str
) -> None:
    check(sentence, text, kind, value, None)


def test_a_datetime_anchor_counts_as_its_day() -> None:
    noon = datetime.datetime(2022, 8, 31, 12, 0)
    assert only("The ministers met yesterday.", noon) == ("yesterday", "DATE", "2022-08-30")


def test_spans_index_the_text() -> None:
    sentence = "On Tuesday, two days after the vote, prices fell."
    for timex in find_timexes(sentence, PUBLISHED):
        assert sentence[timex.start : timex.end] == timex.text


def test_empty_text() -> None:
    assert find_timexes("", PUBLISHED) == []
    assert only("Now.") == ("Now", "DATE", "PRESENT_REF")


def test_a_modified_month_counts_the_year_named_after_it() -> None:
    """ "early May last year" is May of the year before, as "May last year" is."""
    sentence = "The Lorne depot shut in early May last year."
    (timex,) = find_timexes(sentence, datetime.date(2031, 2, 9))
    assert (timex.text, timex.value) == ("early May last year", "2030-05")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Repairs at the Lorne dock ran 2004-2006.", ["2004", "2006"]),
        ("The Quenby league paused for the 2008–2009 season.", ["2008", "2009"]),
        ("The Lorne dock's permit 2006-2004 lapsed.", ["2006"]),
        ('The plaque reads "Mara Lindqvist 1931-2009".', []),
    ],
)
def test_a_span_of_years_written_with_a_dash_is_two_years(text: str, years: list[str]) -> None:
    found = find_timexes(text, datetime.date(2031, 2, 9))
    assert [timex.value for timex in found] == years


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The Ardmoor fair ran 4-6 May.", [("4", "2031-05-04"), ("6 May", "2031-05-06")]),
        (
            "The Ardmoor fair ran 4–6 May 2029.",
            [("4", "2029-05-04"), ("6 May 2029", "2029-05-06")],
        ),
        ("The Ardmoor fair ran May 4-6.", [("May 4", "2031-05-04"), ("6", "2031-05-06")]),
        (
            "The Ardmoor fair ran May 4–6, 2029.",
            [("May 4", "2029-05-04"), ("6, 2029", "2029-05-06")],
        ),
        ("The Ardmoor fair ran from 4 to 6 May.", [("4", "2031-05-04"), ("6 May", "2031-05-06")]),
    ],
)
def test_a_span_of_days_in_one_month_is_its_first_and_last_day(
    text: str, days: list[tuple[str, str]]
) -> None:
    """Each end of "4-6 May" is a day of its own, as in "from 4 May to 6 May"; the year, written
    or not, is the same for both."""
    found = find_timexes(text, datetime.date(2031, 5, 20))
    assert [(timex.text, timex.value) for timex in found] == days


@pytest.mark.parametrize(
    "text",
    [
        "The Kestrels won 4-6 at home.",
        "Okafor's side earned a 2-1 win.",
        "Fares at Kestrel Mills rose 4-6 per cent.",
        "Pupils aged 4-6 joined the Ardmoor club.",
        "The Kestrels lost 6-4 May said.",
        "The fair ran 30-31 February 2029.",
    ],
)
def test_numbers_joined_by_a_dash_without_a_month_are_no_days(text: str) -> None:
    """Scores, shares, ages and backwards or impossible days are no span of days."""
    found = find_timexes(text, datetime.date(2031, 5, 20))
    assert not [timex for timex in found if "-" in timex.value and timex.value[8:10].isdigit()]


def test_a_count_after_a_day_and_a_dash_is_no_end_of_a_span() -> None:
    """A page's list of items ("Feb. 7 - 18 hrs ago") dates the item, not days 7 to 18."""
    found = find_timexes("Kestrel Radio, Feb. 7 - 18 hrs ago.", datetime.date(2031, 5, 20))
    assert [(timex.text, timex.value) for timex in found] == [("Feb. 7", "2031-02-07")]
