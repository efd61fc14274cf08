"""The anchoring model, one table per kind of failure it fixes, on articles of our own words.

Each case is a short article, its publication date, and the event we expect from its last
sentence: date, precision, whether approximate, and how the date was reached.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.last_sentence import events_of, last_event, when
from timeline.ingest.reader.events import build_events
from timeline.ingest.tagger.timex import find_timexes


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The delegations left the hall on 30 August 2022 at 10:30.",
            dt.date(2022, 8, 31),
            ("2022-08-30T10:30", None, "minute", False),
        ),
        (
            "The new glider flew for the first time on Tuesday at 18:00 UTC.",
            dt.date(2022, 6, 2),  # a Thursday
            ("2022-05-31T18:00", None, "minute", False),
        ),
        (
            "The Kelso pump was stopped at 0940 local time (1440 GMT) on Thursday.",
            dt.date(2031, 7, 19),  # a Saturday
            ("2031-07-17T09:40", None, "minute", False),
        ),
    ],
)
def test_a_time_of_day_belongs_to_the_date_beside_it(
    text: str, published: dt.date, expected: tuple
) -> None:
    assert when(last_event(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Libraries will stay shut until 6 May.", dt.date(2009, 4, 26), "2009-05-06"),
        ("The tablet goes on sale on June 24.", dt.date(2010, 6, 16), "2010-06-24"),
        ("The mayor opened the new bridge on 5 September.", dt.date(2022, 8, 31), "2021-09-05"),
        ("Voters went to the polls on Sunday.", dt.date(2022, 8, 31), "2022-08-28"),
    ],
)
def test_tense_decides_which_way_a_date_without_a_year_looks(
    text: str, published: dt.date, expected: str
) -> None:
    assert last_event(text, published).start == expected


@pytest.mark.parametrize(
    ("text", "expected", "basis", "counted_from"),
    [
        (
            "The flood peaked on 12 March 2011. Three days later, the army withdrew.",
            ("2011-03-15", None, "day", False),
            "narrative",
            "2011-03-12",
        ),
        (
            "The conference opened on 12 March 2011. A week after the talks, rebels attacked.",
            ("2011-03-19", None, "day", True),
            "narrative",
            "2011-03-12",
        ),
        (
            "The storm reached the coast on 4 March 2011. The next day, crews restored power.",
            ("2011-03-05", None, "day", False),
            "narrative",
            "2011-03-04",
        ),
        (
            "The court heard the case in 1998. Two years later, the judges ruled against him.",
            ("2000", None, "year", False),
            "narrative",
            "1998",
        ),
        (
            # a sentence that names two dates leaves the story at the later one
            "She opened the bakery in 1990, and in 2001 a second shop opened in the port. "
            "Two years later, the firm went bust.",
            ("2003", None, "year", False),
            "narrative",
            "2001",
        ),
    ],
)
def test_narrative_expressions_count_from_the_date_just_narrated(
    text: str, expected: tuple, basis: str, counted_from: str
) -> None:
    event = last_event(text, dt.date(2011, 3, 20))
    assert when(event) == expected
    assert (event.date_basis, event.counted_from) == (basis, counted_from)


def test_news_expressions_count_from_publication() -> None:
    event = last_event("Rescuers pulled two climbers from the ice yesterday.", dt.date(2023, 1, 10))
    assert when(event) == ("2023-01-09", None, "day", False)
    assert (event.date_basis, event.date_text, event.counted_from) == (
        "publication",
        "yesterday",
        "2023-01-10",
    )


def test_since_a_year_dates_the_start_of_what_the_sentence_tells() -> None:
    event = last_event("The harbour has been closed to ferries since 2019.", dt.date(2023, 1, 10))
    assert (event.start, event.precision, event.date_text) == ("2019", "year", "2019")


def test_an_absolute_date_is_its_own_basis() -> None:
    event = last_event("The league was founded in 1888.", dt.date(2023, 1, 10))
    assert (event.start, event.precision) == ("1888", "year")
    assert (event.date_basis, event.date_text, event.counted_from) == ("expression", "1888", None)


WIRE = (
    "Quake shakes coastal towns\n\n"
    "LIMA, Peru (Wire) - A strong earthquake struck the coast on Monday, officials said.\n\n"
    "Rescue teams searched collapsed homes in three towns.\n\n"
    "The region has long been prone to tremors.\n\n"
    "Engineers will inspect the port.\n"
)


def test_a_happening_without_its_own_date_is_at_the_day_being_reported() -> None:
    events = events_of(WIRE, dt.date(2021, 3, 3))  # a Wednesday: Monday is 1 March
    search = next(e for e in events if e.title.startswith("Rescue teams"))
    assert when(search) == ("2021-03-01", None, "day", True)
    assert (search.date_basis, search.counted_from, search.span_start) == (
        "report",
        "2021-03-01",
        None,
    )
    shown = [
        e.title
        for e in build_events(WIRE, find_timexes(WIRE, dt.date(2021, 3, 3)), dt.date(2021, 3, 3))
    ]
    assert not any("prone" in t for t in shown)  # a state, not a happening
    assert not any("inspect" in t for t in shown)  # undated future: no event


def test_without_a_reference_an_undated_happening_makes_no_event() -> None:
    assert events_of("Rescue teams searched collapsed homes in three towns.", None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Exports have grown every year.",
        "Prices rose for three years.",
        "Officials signed the accord in 2031.",
    ],
)
def test_a_date_that_rules_the_sentence_out_is_not_replaced_by_publication(text: str) -> None:
    assert events_of(text, dt.date(2022, 8, 31)) == []


def test_a_plan_inside_a_past_report_dates_the_report() -> None:
    event = last_event(
        "The company announced that its new phone would ship in 2027.", dt.date(2026, 5, 4)
    )
    assert (event.start, event.date_basis) == ("2026-05-04", "report")


def test_just_returned_is_in_the_days_before_the_reference() -> None:
    event = last_event("The envoy said she had just returned from Cairo.", dt.date(2020, 2, 10))
    assert when(event) == ("2020-02-03", "2020-02-10", "day", True)


def test_a_length_of_an_occurrence_ends_at_the_reference_day() -> None:
    text = "The pact came at the end of a three-day visit to Oslo by the trade minister."
    event = last_event(text, dt.date(2019, 6, 14))
    assert when(event) == ("2019-06-12", "2019-06-14", "day", False)
    assert event.title == "Three-day visit to Oslo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inspectors counted 900 leaks between 1970 and 2000, the agency said.",
            ("1970", "2000", "year", False),
        ),
        ("The plant was shut from May to July 2009.", ("2009-05", "2009-07", "month", False)),
        ("The Tollan mill was shut in 2004-2006 for repairs.", ("2004", "2006", "year", False)),
        ("The Quenby league paused for the 2008–2009 season.", ("2008", "2009", "year", False)),
    ],
)
def test_a_span_written_as_two_dates_is_a_range(text: str, expected: tuple) -> None:
    assert when(last_event(text, dt.date(2010, 5, 30))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kestrel Mills plant closed on 4-6 May for repairs.", ("2031-05-04", "2031-05-06")),
        ("The Kestrel Mills plant closed on 4–6 May 2029.", ("2029-05-04", "2029-05-06")),
        ("The Ardmoor fair was held on May 4-6 in the square.", ("2031-05-04", "2031-05-06")),
        ("The Ardmoor fair was held on May 4–6, 2029.", ("2029-05-04", "2029-05-06")),
        ("The Kestrel Mills plant was shut from 4 to 6 May.", ("2031-05-04", "2031-05-06")),
        ("The Ardmoor quay was shut on 24-26 May for repairs.", ("2030-05-24", "2030-05-26")),
    ],
)
def test_a_span_of_days_in_one_month_is_the_span(text: str, expected: tuple) -> None:
    """Days of one month written with a dash or "from ... to" are read as typed dates are: from
    the first day to the last (days not yet come in a past sentence are last year's)."""
    assert when(last_event(text, dt.date(2031, 5, 20))) == (*expected, "day", False)


def test_a_score_is_no_span_of_days() -> None:
    event = last_event("The Kestrels beat Ardmoor 4-6 on Saturday.", dt.date(2031, 5, 20))
    assert when(event) == ("2031-05-17", None, "day", False)


def test_an_exact_year_beats_a_decade_in_the_same_sentence() -> None:
    text = "In the late 1980s the firm added sound cards, prompting a lawsuit in 1989."
    event = last_event(text, dt.date(2006, 3, 28))
    assert when(event) == ("1989", None, "year", False)
    assert event.title.startswith("In the late 1980s the firm added sound cards")


def test_a_headline_and_time_stamp_run_into_the_lead_are_set_aside() -> None:
    text = (
        "Ferry firm offers its fleet to a harbour fund OSLO | Fri Oct 8, 2010 7:31 am EDT "
        "OSLO (Wire) - The ferry firm sold four ships to a rival on Thursday.\n"
    )
    [event] = events_of(text, dt.date(2010, 10, 8))
    assert event.title == "The ferry firm sold four ships to a rival"
    assert (event.start, event.date_text) == ("2010-10-07", "Thursday")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "The ferry carried 1999 passengers.",
            dt.date(2022, 6, 2),
            ("2022-06-02", None, "day", True),
        ),
        (
            "Output peaked in May '22, officials said.",
            dt.date(2022, 9, 2),
            ("2022-05", None, "month", False),
        ),
        (
            "In the first quarter of last year, the brewer lost money.",
            dt.date(2009, 5, 12),
            ("2008-01", "2008-03", "month", False),
        ),
        (
            "Sales rose to 17%, up from 14% a year ago.",  # a year ago is the yardstick
            dt.date(2010, 3, 3),
            ("2010-03-03", None, "day", True),
        ),
    ],
)
def test_numbers_two_digit_years_and_quarters_are_read_as_the_text_means(
    text: str, published: dt.date, expected: tuple
) -> None:
    assert when(last_event(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Rovers beat Castlebury on Saturday.", dt.date(2021, 10, 24), "2021-10-23"),
        ("Police used water cannon on Wednesday.", dt.date(2018, 11, 12), "2018-11-07"),
        ("By this morning the death toll had risen to 43.", dt.date(2023, 11, 8), "2023-11-08"),
        (
            "The quake struck early on Tuesday. An aftershock shook the town at around 9 p.m.",
            dt.date(2023, 11, 8),
            "2023-11-07T21:00",
        ),
        (
            "Workers walked out on Monday. Talks had broken down late on Sunday. "
            "Grain prices rose after the news.",
            dt.date(2022, 9, 6),
            "2022-09-05",
        ),
        ("Ferry firms cancelled all sailings for Thursday.", dt.date(2020, 1, 15), "2020-01-15"),
        (
            "Castlebury went ahead after 17 minutes when Marsh headed in.",
            dt.date(2021, 10, 24),
            "2021-10-24",
        ),
    ],
)
def test_genre_failures_now_dated_as_a_reader_would(
    text: str, published: dt.date, expected: str
) -> None:
    assert last_event(text, published).start == expected


def test_around_makes_a_time_of_day_approximate() -> None:
    text = "The quake struck early on Tuesday. An aftershock shook the town at around 9 p.m."
    assert last_event(text, dt.date(2023, 11, 8)).approximate


@pytest.mark.parametrize(
    "text",
    [
        "Critics sometimes found her buildings cold.",
        "The government has not commented.",
        "Turnout was 41 per cent, the lowest since the council was created in 1974.",
        "Dunmore, Ky.: Folks on the radio kept claiming the haze might drift to Norway.",
        "Washington, D.C.: I saw a report that said the slick had reached the Keys.",
        # a guess with a date of its own is still a guess
        "The ferry line might reopen next week, before the summer rush.",
        "Talks on the new pay deal may resume on Monday.",
    ],
)
def test_habits_negations_comparisons_and_chat_questions_make_no_event(text: str) -> None:
    day = dt.date(2022, 5, 16)
    assert build_events(text, find_timexes(text, day), day) == []
    # at most a supporting mention at the news day: the sentence gives no date of its own
    assert all(e.date_basis == "report" for e in events_of(text, day))


def test_a_shift_counts_from_a_date_in_an_aside_of_the_same_sentence() -> None:
    text = "The library, completed in 1974 after years of work, won a prize two years later."
    event = last_event(text, dt.date(2020, 2, 12))
    assert (event.start, event.date_basis, event.date_text) == (
        "1976",
        "narrative",
        "two years later",
    )


def test_last_winter_in_january_is_the_winter_before_this_one() -> None:
    event = last_event("Last winter's storms wrecked the pier.", dt.date(2020, 1, 15))
    assert (event.start, event.end) == ("2018-12", "2019-02")


def test_a_time_stamp_line_is_not_the_story() -> None:
    text = (
        "Silt reaches the harbour More silt settled in Velmar Wednesday 9 July 2031 07.40 BST "
        "Dredgers cleared the channel on Monday, the port said.\n"
    )
    [event] = events_of(text, dt.date(2031, 7, 9))
    assert event.title == "Dredgers cleared the channel, the port said"
    assert event.start == "2031-07-07"


def test_a_shift_inside_a_quotation_counts_from_the_speaker_not_the_story() -> None:
    text = (
        "The bridge opened on 4 May 2019. "
        "“Two years after opening it, we are widening it,” the engineer said on the site."
    )
    event = last_event(text, dt.date(2023, 3, 9))
    assert (event.start, event.date_basis) == ("2023-03-09", "report")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paper out on Wednesday 2 May 2012 names that very day by its weekday
        ("The council will vote on the harbour plan on Wednesday.", "2012-05-02"),
        ("Ministers will meet the union leaders later on Wednesday.", "2012-05-02"),
        # another weekday ahead is the next one; "next Wednesday" is the week after
        ("The council will vote on the harbour plan on Friday.", "2012-05-04"),
        ("The council will vote on the harbour plan next Wednesday.", "2012-05-09"),
    ],
)
def test_a_weekday_ahead_that_is_the_papers_own_day_is_that_day(text: str, expected: str) -> None:
    assert when(last_event(text, dt.date(2012, 5, 2)))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hunters crossed the Velmar plain in 12000 BC, the museum says.",
        "The Quenby time capsule stays sealed until AD 12000.",
    ],
)
def test_a_year_the_store_cannot_keep_never_becomes_the_news_day(text: str) -> None:
    """The sentence has a date, just none the store can keep: no event at the publication day."""
    timexes = find_timexes(text, dt.date(2031, 6, 12))
    assert [timex.value for timex in timexes] in (["BC12000"], ["12000"])
    assert events_of(text, dt.date(2031, 6, 12)) == []


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("The Lorne pier was built in the 1990s.", False),
        ("The Lorne pier was built in the '90s.", False),
        ("The Lorne pier was built in the mid-1990s.", True),
    ],
)
def test_a_decade_named_whole_is_exactly_its_ten_years(text: str, approximate: bool) -> None:
    """As typed: "the 1990s" is 1990 to 1999; a part of it ("the mid-1990s") is approximate."""
    assert when(last_event(text, dt.date(2031, 6, 12))) == ("1990", "1999", "year", approximate)
