"""A clause of time that bounds the main clause ("until", "before", "since", "by the time",
"prior to"), a comparison's yardstick and a participle aside about the subject: their dates
never date what the main clause tells. Short articles of our own words, as in test_anchoring."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ingest.last_sentence import events_of, last_event, when
from timeline.ingest.reader.time_clauses import in_time_clause

PUBLISHED = dt.date(2031, 11, 14)
NEWS_DAY = ("2031-11-14", None, "day", True)


def _main(text: str, words: str) -> tuple:
    """The date of the one event whose title holds `words` (the main clause's)."""
    found = [event for event in events_of(text, PUBLISHED) if words in event.title]
    assert len(found) == 1, [event.title for event in events_of(text, PUBLISHED)]
    return when(found[0])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Until the leak was capped on November 9, the harbour board kept the oyster beds open.",
            "oyster beds",
        ),
        (
            "Before the platform burned on November 2, 60 percent of Kestrel Mills residents "
            "backed more drilling, a survey found.",
            "residents",
        ),
        (
            "By the time the well at Ardmoor was sealed on 4 August, the crab fishers had lost "
            "their season.",
            "crab fishers",
        ),
        ("Till the gale passed on 5 October, the Ardmoor ferries stayed in port.", "ferries"),
        ("Prior to the vote on 3 October, Mayor Okafor toured the Kestrel mills.", "toured"),
        ("The harbour board kept the beds open until the leak was capped on November 9.", "beds"),
        ("Mayor Okafor toured the Kestrel mills before the vote on 3 October.", "toured"),
        ("Prior to joining the council in 2019, Mayor Okafor ran a bakery in Ardmoor.", "bakery"),
    ],
)
def test_a_date_in_a_clause_of_time_never_dates_the_main_clause(text: str, words: str) -> None:
    assert _main(text, words) == NEWS_DAY


@pytest.mark.parametrize(
    ("text", "title", "start"),
    [
        (
            "Until the leak was capped on November 9, the harbour board kept the oyster beds open.",
            "The leak was capped on November 9",
            "2031-11-09",
        ),
        (
            "Crude has reached the Ardmoor shore since the barge sank on 20 April, the board said.",
            "The barge sank on 20 April",
            "2031-04-20",
        ),
    ],
)
def test_the_clause_of_time_keeps_its_own_dated_happening(
    text: str, title: str, start: str
) -> None:
    found = [event for event in events_of(text, PUBLISHED) if event.title == title]
    assert [event.start for event in found] == [start]


def test_a_clause_of_time_with_a_pronoun_subject_gives_no_happening_of_its_own() -> None:
    text = "Until it was flooded on 2 March, the Kestrel depot was the busiest in Ardmoor."
    assert [when(event) for event in events_of(text, PUBLISHED)] == [NEWS_DAY]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("When the dam at Ardmoor broke on 3 May, four people drowned.", "2031-05-03"),
        ("Hours after the blast on 3 May, crews arrived at the Kestrel mill.", "2031-05-03"),
        ("The Kestrel mill has been shut since 3 May.", "2031-05-03"),
        ("Mayor Okafor testified before the harbour committee on 3 May.", "2031-05-03"),
        ("The Ardmoor ferry sank shortly before midnight on 22 April.", "2031-04-22"),
        ("The Ardmoor road stayed closed until the end of May.", "2031-05"),
        ("More than 30 Ardmoor fishermen marched on 3 May.", "2031-05-03"),
        ("Turnout in Ardmoor was lower than the council had hoped on 3 May.", "2031-05-03"),
    ],
)
def test_a_when_clause_a_bare_bound_or_a_before_of_place_still_dates_the_sentence(
    text: str, start: str
) -> None:
    assert last_event(text, PUBLISHED).start == start


@pytest.mark.parametrize(
    "text",
    [
        "Sales at Kestrel Mills were higher than in 2019, the council said.",
        "Sales at Kestrel Mills were higher than last year, the council said.",
        "Kestrel crews have reopened the quay for the first time since 3 May.",
        "Mayor Okafor promised payouts more generous than those made after the floods of 12 March.",
        "Mayor Okafor promised payouts more generous than those made after 12 March 2029.",
    ],
)
def test_the_yardstick_of_a_comparison_never_dates_the_sentence(text: str) -> None:
    assert when(last_event(text, PUBLISHED)) == NEWS_DAY


def test_the_first_since_a_bare_year_still_dates_the_last_one() -> None:
    event = last_event("It was the mayor's first visit to Ardmoor since 2009.", PUBLISHED)
    assert (event.start, event.title) == ("2009", "Last visit to Ardmoor")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ardmoor Trust, founded in 1971, launched a pledge to plant trees.", NEWS_DAY),
        (
            "Mayor Okafor, born on 2 May 1961, died on 5 October.",
            ("2031-10-05", None, "day", False),
        ),
        # a participle that is not a birth or founding dates the sentence when nothing else does
        (
            "The Ardmoor inquiry, published on Monday, blamed the harbour board.",
            ("2031-11-10", None, "day", False),
        ),
    ],
)
def test_a_birth_or_founding_aside_about_the_subject_never_dates_the_main_clause(
    text: str, expected: tuple
) -> None:
    assert when(last_event(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Until the leak was capped on ", True),
        ("kept them open until the storm passed on ", True),
        ("by the time the well was sealed on ", True),
        ("Prior to the vote on ", True),
        ("The mill has been shut since ", False),
        ("Since the protests began in ", True),
        ("the store has sold 3 million songs since its launch in ", False),
        ("stayed closed until the end of ", False),
        ("The rig sank two days before the vote on ", False),
        ("She is due to appear before the harbour panel on ", False),
        ("The road stays shut until crews finish - work due in ", False),
    ],
)
def test_in_time_clause(before: str, expected: bool) -> None:
    assert in_time_clause(before) is expected


def test_a_count_inside_a_clause_of_time_never_dates_the_main_clause() -> None:
    text = (
        "The Ardmoor harbour flooded on 3 May. Mayor Okafor has stayed in Kestrel Mills ever "
        "since she flew there two days after the flood."
    )
    assert when(last_event(text, PUBLISHED)) == NEWS_DAY


def test_a_second_verb_inside_a_clause_of_time_is_no_happening_of_the_main_subject() -> None:
    text = (
        "Mayor Okafor went back to Ardmoor on Sunday, her first visit since the Kestrel barge "
        "burned and went down on 3 May."
    )
    titles = [event.title for event in events_of(text, PUBLISHED)]
    assert not [
        title
        for title in titles
        if title.startswith(("Mayor Okafor went down", "Mayor Okafor burned"))
    ]
