"""Timexes valued by what stands beside them: clock and day, two-digit years, counts, quarters."""

from __future__ import annotations

import datetime

import pytest

from timeline.ingest.tagger.timex import find_timexes

Row = tuple[str, datetime.date, list[tuple[str, str, str]]]


def found(sentence: str, published: datetime.date) -> list[tuple[str, str, str]]:
    """Every timex of a sentence as (text, type, value)."""
    return [(t.text, t.type, t.value) for t in find_timexes(sentence, published)]


CLOCK_AND_DAY: list[Row] = [
    (
        "The talks ended on 30 August 2022 at 10:30.",
        datetime.date(2022, 8, 31),
        [("30 August 2022 at 10:30", "TIME", "2022-08-30T10:30")],
    ),
    (
        "The airliner flew for the first time on Tuesday at 18:00 UTC.",
        datetime.date(2022, 6, 2),  # a Thursday
        [("Tuesday at 18:00 UTC", "TIME", "2022-05-31T18:00")],
    ),
    (
        "The polls closed at 10:30 on 30 August.",
        datetime.date(2022, 8, 31),
        [("10:30 on 30 August", "TIME", "2022-08-30T10:30")],
    ),
    (
        "The quake struck on Tuesday morning.",
        datetime.date(2022, 6, 2),
        [("Tuesday morning", "TIME", "2022-05-31TMO")],
    ),
    (
        "The verdict was read yesterday at 4 p.m. in a packed court.",
        datetime.date(2022, 6, 2),
        [("yesterday at 4 p.m.", "TIME", "2022-06-01T16:00")],
    ),
    (
        "The striker scored on Saturday, 9 p.m. local time.",
        datetime.date(2022, 6, 6),
        [("Saturday, 9 p.m.", "TIME", "2022-06-04T21:00")],
    ),
    (
        "Markets opened at 9:30 a.m. and the index fell.",
        datetime.date(2022, 6, 6),
        [("9:30 a.m.", "TIME", "2022-06-06T09:30")],
    ),
]

TWO_DIGIT_YEARS: list[Row] = [
    ("Prices peaked in May '22.", datetime.date(2022, 9, 1), [("May '22", "DATE", "2022-05")]),
    ("Jazz clubs thrived in the '20s.", datetime.date(2022, 9, 1), [("the '20s", "DATE", "202")]),
    ("Jazz clubs thrived in the '20s.", datetime.date(1995, 9, 1), [("the '20s", "DATE", "192")]),
    ("She graduated in the class of '99.", datetime.date(2001, 3, 1), [("'99", "DATE", "1999")]),
    ("The club was relegated in '98.", datetime.date(2022, 3, 1), [("'98", "DATE", "1998")]),
    (
        "The band split in the summer of ’19.",
        datetime.date(2021, 3, 1),
        [("the summer of ’19", "DATE", "2019-SU")],
    ),
    ("Bell-bottoms ruled the '70s.", datetime.date(2022, 3, 1), [("the '70s", "DATE", "197")]),
]

COUNTS_AND_YEARS: list[Row] = [
    ("The ship carried 1999 passengers.", datetime.date(2022, 3, 1), []),
    ("The firm shed 2015 jobs and closed 1200 branches.", datetime.date(2022, 3, 1), []),
    ("He moved to Lagos in 1999.", datetime.date(2022, 3, 1), [("1999", "DATE", "1999")]),
    ("1999 was a year of floods.", datetime.date(2022, 3, 1), [("1999", "DATE", "1999")]),
    ("The 1999 election was close.", datetime.date(2022, 3, 1), [("1999", "DATE", "1999")]),
    ("Emissions stayed below 1990 levels.", datetime.date(2022, 3, 1), [("1990", "DATE", "1990")]),
    (
        "The bank's 2021 results beat forecasts.",
        datetime.date(2022, 3, 1),
        [("2021", "DATE", "2021")],
    ),
]

QUARTERS_AND_YEAR_AGO: list[Row] = [
    (
        "In the first quarter of last year, the firm lost money.",
        datetime.date(2009, 5, 10),
        [("the first quarter of last year", "DATE", "2008-Q1")],
    ),
    (
        "Sales rose to 17%, up from 14% a year ago.",
        datetime.date(2010, 3, 3),
        [("a year ago", "DATE", "2009")],
    ),
    (
        "Profit fell in the third quarter. It made $4 million, from $6 million a year earlier.",
        datetime.date(2010, 11, 3),
        [("the third quarter", "DATE", "2010-Q3"), ("a year earlier", "DATE", "2009-Q3")],
    ),
    (
        "The mill closed in the second quarter. Rain fell. Crowds came. Fares rose. "
        "Ridership is up 5% from a year ago.",
        datetime.date(2010, 11, 3),
        [("the second quarter", "DATE", "2010-Q2"), ("a year ago", "DATE", "2009")],
    ),
]

#: TimeBank tags only "three days" of "three days later"; the event builder counts it from the
#: date being narrated, so the tagger's job is the right duration.
LATER_AND_AFTER: list[Row] = [
    (
        "Three days later, the army withdrew.",
        datetime.date(2011, 3, 20),
        [("Three days", "DURATION", "P3D")],
    ),
    (
        "A week after the talks, rebels attacked.",
        datetime.date(2011, 3, 20),
        [("A week", "DURATION", "P1W")],
    ),
    (
        "Two months after the flood the bridge reopened.",
        datetime.date(2011, 3, 20),
        [("Two months", "DURATION", "P2M")],
    ),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CLOCK_AND_DAY)
def test_clock_time_belongs_to_the_day_beside_it(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), TWO_DIGIT_YEARS)
def test_two_digit_years_take_the_century_nearest_publication(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), COUNTS_AND_YEARS)
def test_a_count_before_a_plural_noun_is_no_year(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), QUARTERS_AND_YEAR_AGO)
def test_quarters_and_a_year_ago(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


DAY_MONTH_AND_A_RELATIVE_YEAR: list[Row] = [
    (
        "The ferry Tamsin sank on 14 October last year.",
        datetime.date(2016, 2, 3),
        [("14 October last year", "DATE", "2015-10-14")],
    ),
    (
        "Its crew were rescued on October 15th last year.",
        datetime.date(2016, 2, 3),
        [("October 15th last year", "DATE", "2015-10-15")],
    ),
    (
        "The new quay should open on the 2nd of May next year.",
        datetime.date(2016, 2, 3),
        [("the 2nd of May next year", "DATE", "2017-05-02")],
    ),
    (
        "Divers reached the wreck in October last year.",
        datetime.date(2016, 2, 3),
        [("October last year", "DATE", "2015-10")],
    ),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), DAY_MONTH_AND_A_RELATIVE_YEAR)
def test_a_day_and_month_with_last_or_next_year_keep_the_day(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), LATER_AND_AFTER)
def test_later_and_after_keep_the_duration(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


#: A month named without a year looks forward in a future clause or after a deadline word,
#: back in a past one; otherwise it is read within the months around publication.
MONTHS_BY_TENSE: list[Row] = [
    ("The plant will reopen in March.", datetime.date(2022, 10, 5), [("March", "DATE", "2023-03")]),
    (
        "The plant was shut in December.",
        datetime.date(2022, 8, 5),
        [("December", "DATE", "2021-12")],
    ),
    (
        "Repairs should be done by February.",
        datetime.date(2022, 10, 5),
        [("February", "DATE", "2023-02")],
    ),
    ("Rain fell in March.", datetime.date(2022, 10, 5), [("March", "DATE", "2022-03")]),
    ("The vote is set for December.", datetime.date(2022, 8, 5), [("December", "DATE", "2022-12")]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), MONTHS_BY_TENSE)
def test_month_without_year_follows_the_tense(
    sentence: str, published: datetime.date, expected: list[tuple[str, str, str]]
) -> None:
    assert found(sentence, published) == expected


#: Time words used as conjunctions, discourse markers or adjectives name no time.
NOT_TIMES: list[tuple[str, str]] = [
    ("Fans left as soon as the whistle blew.", "soon"),
    ("The bridge fell soon after the storm.", "soon"),
    ("Now, the board says, the plan must change.", "Now"),
    ('"We lost." Now, she argues, it is time to rebuild.', "Now"),
    ("The airline runs daily flights to Lima.", "daily"),
    ("A weekly paper printed the list.", "weekly"),
]
STILL_TIMES: list[tuple[str, str, str]] = [
    ("Repairs will start soon.", "soon", "FUTURE_REF"),
    ("Write back as soon as possible.", "as soon as possible", "FUTURE_REF"),
    ("The mayor is now in charge.", "now", "PRESENT_REF"),
    ("The paper is printed daily.", "daily", "P1D"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_TIMES)
def test_conjunctions_and_adjectives_are_no_timex(sentence: str, word: str) -> None:
    assert word not in [text for text, _, _ in found(sentence, datetime.date(2022, 3, 1))]


@pytest.mark.parametrize(("sentence", "text", "value"), STILL_TIMES)
def test_the_same_words_as_times(sentence: str, text: str, value: str) -> None:
    assert [(t, v) for t, _, v in found(sentence, datetime.date(2022, 3, 1))] == [(text, value)]


def test_a_fortnight_ago_counts_two_weeks_back() -> None:
    sentence = "The rig sank a fortnight ago."
    assert found(sentence, datetime.date(2010, 6, 15)) == [
        ("a fortnight ago", "DATE", "2010-06-01")
    ]


NAMES_AGES_AND_GENERIC_PERIODS: list[tuple[str, str]] = [
    ("Stars joined the Hope for Haiti Now telethon.", "Now"),
    ("The mayor told the Kelso Channel's Today show the quay would reopen.", "Today"),
    ("Okafor was asked about the quay on the Today programme.", "Today"),
    ("Dusk came shortly after the tremor hit.", "shortly"),
    ("A 31-year-old baker was lifted out of the debris.", "31-year-old"),
    ("She won the Novel of the Year prize.", "the Year"),
    ("Any day of the week will do.", "the week"),
    ("Camps took in 12-year-olds.", "12-year"),
    ("A girl aged 8 years survived.", "8 years"),
    ("Babies as young as two months were flown out.", "two months"),
    ("Trade fell after the fall of the old regime.", "the fall"),
    ("News spread shortly afterwards.", "shortly"),
]


@pytest.mark.parametrize(("sentence", "word"), NAMES_AGES_AND_GENERIC_PERIODS)
def test_names_ages_and_generic_periods_are_no_timex(sentence: str, word: str) -> None:
    assert word not in [text for text, _, _ in found(sentence, datetime.date(2010, 1, 20))]


def test_the_day_after_an_event_is_the_day_just_named() -> None:
    sentence = "Food reached the valley on 13 January, the day after the tremor."
    assert found(sentence, datetime.date(2010, 1, 20)) == [
        ("13 January", "DATE", "2010-01-13"),
        ("the day", "DATE", "2010-01-13"),
    ]


PROSPECTS_AND_TITLES: list[tuple[str, str]] = [
    ("The future of the club is unclear.", "The future"),
    ("Fans fear the future looks bleak.", "the future"),
    ("She was named player of the year.", "the year"),
    ("The coach picked his team of the week.", "the week"),
]
PERIODS_ALL_THE_SAME: list[tuple[str, str, str]] = [
    ("Fans worry about the future.", "the future", "FUTURE_REF"),
    ("Sales rose in the first months of the year.", "the year", "2010"),
    ("Trade doubled in the week following the vote.", "the week", "2010-W24"),
]


@pytest.mark.parametrize(("sentence", "word"), PROSPECTS_AND_TITLES)
def test_prospects_and_titles_are_no_timex(sentence: str, word: str) -> None:
    assert word not in [text for text, _, _ in found(sentence, datetime.date(2010, 6, 15))]


@pytest.mark.parametrize(("sentence", "text", "value"), PERIODS_ALL_THE_SAME)
def test_periods_after_time_nouns_stay(sentence: str, text: str, value: str) -> None:
    assert (text, value) in [(t, v) for t, _, v in found(sentence, datetime.date(2010, 6, 15))]


EARNINGS_PERIODS: list[tuple[str, str, str]] = [
    (
        "Revenue topped the $7 million of the same period of the prior year.",
        "the same period of the prior year",
        "2005-Q4",
    ),
    (
        "Sales fell from the corresponding period last year.",
        "the corresponding period last year",
        "2005-Q4",
    ),
    ("Orders slowed in the current financial quarter.", "the current financial quarter", "2007-Q1"),
]


@pytest.mark.parametrize(("sentence", "text", "value"), EARNINGS_PERIODS)
def test_earnings_periods_are_one_quarter(sentence: str, text: str, value: str) -> None:
    assert [(t, v) for t, _, v in found(sentence, datetime.date(2007, 1, 18))] == [(text, value)]
