"""Dates a sentence names that are not when its news happened: an aside's, a relative clause's,
a yardstick's, a plan's, a source's, what a "since" or a charge names; and the cases where the
sentence's own date stays. Short articles of our own words, as in test_anchoring."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.last_sentence import events_of, last_event, when


def test_a_date_inside_an_aside_is_background() -> None:
    text = "Obi, who joined from Dunmore in August, curled a shot into the corner on Saturday."
    event = last_event(text, dt.date(2021, 10, 24))
    assert (event.start, event.date_text) == ("2021-10-23", "Saturday")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "A judge has delayed the trial of the surgeon until May to allow more time.",
            dt.date(2011, 3, 3),
            ("2011-03-03", None, "day", True),
        ),
        (
            "The mayor praised the crews on her fourth visit since the March 2 landslide.",
            dt.date(2010, 8, 14),
            ("2010-08-14", None, "day", True),
        ),
    ],
)
def test_a_target_date_or_a_count_since_a_date_does_not_date_the_happening(
    text: str, published: dt.date, expected: tuple
) -> None:
    assert when(last_event(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year dates the relative clause; the main clause is to come: no dated event
        ("A ranger who found the cave in 2014 will also guide the survey team.", None),
        ("Pupils who enrolled before March 2019 can keep the old timetable.", None),
        # a perfect main clause: the event is the report, not the year in the subject
        (
            "A lawyer who argued the famous 1998 appeal has offered to lead the new case.",
            ("2021-06-10", None, "day", True),
        ),
        # a past main clause keeps the date: the quake struck and killed at one time
        (
            "The quake that struck the valley on 3 May 2021 killed nine people.",
            ("2021-05-03", None, "day", False),
        ),
        # "that" after a verb of saying opens what was said, not a relative clause
        (
            "Officials said that the ferry sank on 2 June 2021.",
            ("2021-06-02", None, "day", False),
        ),
    ],
)
def test_a_date_in_a_relative_clause_of_the_subject_does_not_date_a_later_main_clause(
    text: str, expected: tuple | None
) -> None:
    events = events_of(text, dt.date(2021, 6, 10))
    assert (when(events[-1]) if events else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source's date yields to the date of what it reports
        (
            "Ticket sales fell in March, according to figures released on 9 April by the league.",
            ("2012-03", None, "month", False),
        ),
        # a year that names a thing ("the 1987 flood") yields to the sentence's own date
        (
            "Damages for the 1987 flood were first set at $2 million in 1993.",
            ("1993", None, "year", False),
        ),
        (
            "A clerk convicted over the 1999 fraud was freed from prison last year.",
            ("2011", None, "year", False),
        ),
        # so does a day of a month before a noun ("the 14 June vote")
        (
            "The 14 June vote on the harbour plan was called off by the council on Monday.",
            ("2012-04-30", None, "day", False),
        ),
        # alone, each still dates the sentence where it is the subject or places it in time
        ("The 1987 flood tore down the old mill.", ("1987", None, "year", False)),
        ("In the 1987 flood, the river tore down the old mill.", ("1987", None, "year", False)),
        ("The 14 June vote on the harbour plan was close.", ("2012-06-14", None, "day", False)),
        # as an object or a topic it only says which thing: the news day dates the sentence
        ("The city raised the dam after the 1987 flood.", ("2012-05-02", None, "day", True)),
        (
            "The inspector said a loose valve caused the 14 March blast at the Tollan mill.",
            ("2012-05-02", None, "day", True),
        ),
        (
            "Crews cleared the road after last Tuesday's landslide.",
            ("2012-05-02", None, "day", True),
        ),
        (
            "The appeals court refused to stay a lower court's March order on the Kelso weir.",
            ("2012-05-02", None, "day", True),
        ),
        (
            "The April blast at the Tollan mill killed two workers.",
            ("2012-04", None, "month", False),
        ),
        (
            "“Nobody has ever paid under the Harbour Safety Act of 1990,” the Kestrel firm said.",
            ("2012-05-02", None, "day", True),
        ),
    ],
)
def test_a_source_or_a_naming_year_dates_the_sentence_only_when_nothing_else_does(
    text: str, expected: tuple
) -> None:
    assert when(last_event(text, dt.date(2012, 5, 2))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the yardstick of a comparison is never the sentence's date: the report's day is
        (
            "Officials said the flooding had already surpassed the 1953 storm surge.",
            ("2012-05-02", None, "day", True),
        ),
        (
            "Aid workers told reporters the damage was worse than the 2011 earthquake.",
            ("2012-05-02", None, "day", True),
        ),
        # a comparison of numbers keeps the date of the thing they counted
        ("More than 300 homes were lost in the 1987 flood.", ("1987", None, "year", False)),
        ("The 1953 storm surge drowned more than 1,800 people.", ("1953", None, "year", False)),
    ],
)
def test_a_date_naming_the_yardstick_of_a_comparison_never_dates_the_sentence(
    text: str, expected: tuple
) -> None:
    assert when(last_event(text, dt.date(2012, 5, 2))) == expected


def test_a_comparison_with_nothing_else_to_date_it_makes_no_event() -> None:
    text = "The spill is now greater than the 1979 blowout in the bay, which leaked for months."
    assert events_of(text, dt.date(2012, 5, 2)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan's day named by a participle beside a noun is not what the sentence tells
        (
            "The ferry, due to sail on Friday, was held in port on Tuesday.",
            ("2010-07-13", None, "day", False),
        ),
        (
            "Two pumps meant to drain the mine in August are now in place, the manager said.",
            ("2010-07-14", None, "day", True),
        ),
        # after a verb the plan is what the sentence tells, and its day dates it
        (
            "The count was first set to go ahead on Saturday.",
            ("2010-07-10", None, "day", False),
        ),
        ("The probe is due to reach orbit on 3 March.", ("2011-03-03", None, "day", False)),
    ],
)
def test_the_day_a_plan_aims_at_dates_only_a_sentence_that_tells_of_the_plan(
    text: str, expected: tuple
) -> None:
    assert when(last_event(text, dt.date(2010, 7, 14))) == expected  # a Wednesday


def test_a_happening_a_since_names_never_dates_the_sentence() -> None:
    text = "This will be the first repair of the line since the March 2 landslide that killed two."
    assert [e.start for e in events_of(text, dt.date(2010, 5, 26))] == []  # ahead: no event


@pytest.mark.parametrize(
    "text",
    [
        "Water has kept seeping into the Kelso mine since the blast on 14 March.",
        "Kestrel Mills shares have shed a quarter of their worth since the fire on 14 March.",
        "It has been some six months since 14 March, when the Tollan dam failed.",
        "The pumps halted the leak for the first time since a blast on 14 March killed two.",
    ],
)
def test_a_since_that_names_a_happening_or_counts_from_it_leaves_its_day_to_it(text: str) -> None:
    starts = [e.start for e in events_of(text, dt.date(2031, 6, 18))]
    assert "2031-03-14" not in starts


def test_since_a_day_alone_still_dates_the_start_of_a_state() -> None:
    event = last_event("The Kelso road has been closed since 14 March.", dt.date(2031, 6, 18))
    assert (event.start, event.precision) == ("2031-03-14", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause about a noun after the main verb: the collapse keeps its own day,
        # the visit takes the news day
        (
            "Mayor Okafor visited the crane that collapsed on 14 March.",
            [
                ("The crane collapsed on 14 March", "2031-03-14"),
                ("Mayor Okafor visited the crane that collapsed on 14 March", "2031-06-18"),
            ],
        ),
        # in the subject with a past main verb it is one time
        (
            "The crane that collapsed on 14 March killed two workers.",
            [("The crane that collapsed on 14 March killed two workers", "2031-03-14")],
        ),
        # and a sentence's own day is kept
        (
            "On 14 March, the Ardmoor council voted to close the mill.",
            [("The Ardmoor council voted to close the mill", "2031-03-14")],
        ),
    ],
)
def test_a_relative_clause_about_an_object_dates_only_its_own_happening(
    text: str, expected: list
) -> None:
    assert [(e.title, e.start) for e in events_of(text, dt.date(2031, 6, 18))] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a participle describing a noun that is the subject: its main verb follows the date
        "Lab tests showed that tar balls found on the Kelso shore a fortnight ago came from the "
        "Orvik well.",
        # a participle describing the object of the verb before it
        "Ardmoor Records says the Velk music shop breaks an accord reached between them in 1991.",
        "The council approved a plan drafted in March by the harbour board.",
        # a guess about the past inside what someone said: the saying is the news
        "The army chief has said it is a fair assumption that 900 people may have died in last "
        "week's storm.",
        # a stretch up to now with a present perfect
        "Velk Oil says its leak bill has risen to 8 million, up 2 million in the last month.",
    ],
)
def test_a_date_describing_something_else_leaves_the_sentence_at_its_news_day(text: str) -> None:
    event = last_event(text, dt.date(2031, 5, 9))
    assert (event.start, event.date_basis) == ("2031-05-09", "report")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "Crews found tar balls on the Kelso shore a fortnight ago and sent them off.",
            "2031-04-25",
        ),
        ("Officials said the Kelso mill closed on Tuesday.", "2031-05-06"),
        ("Engineers at the mill closed the sluice on Tuesday.", "2031-05-06"),
        ("Police held a man wanted for a raid in 2019 at the Kelso quay on Tuesday.", "2031-05-06"),
        ("The leak grew in the last week of April.", "2031-04"),
    ],
)
def test_the_sentences_own_date_stays(text: str, start: str) -> None:
    assert last_event(text, dt.date(2031, 5, 9)).start.startswith(start)


@pytest.mark.parametrize(
    "text",
    [
        "A judge in Kelso sent the ferry captain Ivo Marsh to trial over the death of a deckhand "
        "in May 2030.",
        "Marsh denied manslaughter over the deckhand's death in May 2030.",
        "The coroner opened an inquiry into the sinking of the Merrow in 2029.",
    ],
)
def test_a_year_closing_the_happening_a_charge_or_inquiry_is_about_is_not_its_date(
    text: str,
) -> None:
    [event] = events_of(text, dt.date(2031, 2, 3))
    assert (event.start, event.date_basis) == ("2031-02-03", "report")


def test_a_season_after_over_still_dates_the_sentence() -> None:
    text = "Over a fortnight in May 2029 the crew of the Merrow repaired the hull."
    [event] = events_of(text, dt.date(2031, 2, 3))
    assert (event.start, event.date_basis) == ("2029-05", "expression")
