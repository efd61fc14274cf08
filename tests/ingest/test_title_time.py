"""A title leaves the relative time words that dated it to the date column; other words stay."""

from __future__ import annotations

import pytest

from timeline.ingest.reader.titles import cut_title, untimed


def titled(sentence: str, written: str) -> str:
    """The title of a sentence dated by the first `written` in it."""
    at = sentence.index(written)
    return cut_title(sentence, (at, at + len(written)))


@pytest.mark.parametrize(
    ("sentence", "written", "expected"),
    [
        ("The Kestrel ferry sank yesterday.", "yesterday", "The Kestrel ferry sank"),
        (
            "On Tuesday, the Ardmoor council voted to close the pier.",
            "Tuesday",
            "The Ardmoor council voted to close the pier",
        ),
        (
            "Mayor Okafor said on Tuesday that the pier would close for repairs.",
            "Tuesday",
            "Mayor Okafor said that the pier would close for repairs",
        ),
        (
            "The Ardmoor council will vote on the harbour plan next week.",
            "next week",
            "The Ardmoor council will vote on the harbour plan",
        ),
        (
            "Last week the Halden mill laid off forty workers.",
            "Last week",
            "The Halden mill laid off forty workers",
        ),
        (
            "Mayor Okafor, on Monday, opened the new pier at Halden.",
            "Monday",
            "Mayor Okafor opened the new pier at Halden",
        ),
        (
            "Also on Sunday, crews pulled two fishermen from the Kestrel estuary.",
            "Sunday",
            "Crews pulled two fishermen from the Kestrel estuary",
        ),
        (
            "Kestrel Mills shut its last loom two weeks ago after sixty years.",
            "two weeks ago",
            "Kestrel Mills shut its last loom after sixty years",
        ),
        (
            "The Halden lock gates failed early on Friday, flooding the lower quay.",
            "Friday",
            "The Halden lock gates failed, flooding the lower quay",
        ),
        (
            "(Last week, a buoy from the lost trawler washed up at Halden.)",
            "Last week",
            "(A buoy from the lost trawler washed up at Halden.)",
        ),
        (
            "Okafor said that last night a crane fell onto the Halden quay.",
            "last night",
            "Okafor said that a crane fell onto the Halden quay",
        ),
        (
            "Okafor said that on Monday, the crane fell onto the quay.",
            "Monday",
            "Okafor said that the crane fell onto the quay",
        ),
        (
            "The Ardmoor council yesterday voted to sell the old pier.",
            "yesterday",
            "The Ardmoor council voted to sell the old pier",
        ),
        (
            "Shares in Kestrel Mills rose 4% this morning to 310p.",
            "this morning",
            "Shares in Kestrel Mills rose 4% to 310p",
        ),
    ],
)
def test_relative_time_words_that_dated_a_title_are_left_out(
    sentence: str, written: str, expected: str
) -> None:
    assert titled(sentence, written) == expected


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Tuesday's vote by the Ardmoor council closed the old pier for good.", "Tuesday"),
        ("Ferry fares in Halden have risen by a third since last week.", "last week"),
        ("Okafor said on the Thursday before last that the pier would close.", "Thursday"),
        ("The Halden bridge will shut on Monday and Tuesday for repairs.", "Monday"),
        ("Last week saw the Ardmoor council approve the harbour plan.", "Last week"),
        ("The harbour said that today would be the last day for claims.", "today"),
        ("Around 300 people spent last night in the Halden sports hall.", "last night"),
        ('Okafor said: "We signed the deal yesterday at the harbour office."', "yesterday"),
        ("The Halden strike began last Monday, when dockers walked out at dawn.", "last Monday"),
        ("The Ardmoor council signed the lease on 4 March at the harbour office.", "4 March"),
        ("Kelso Gas shares lost 3% in Tuesday trading on the Halden exchange.", "Tuesday"),
        ("By 0400 on Monday the Halden pumps had failed.", "Monday"),
    ],
)
def test_time_words_bound_into_a_phrase_or_quoted_or_absolute_stay(
    sentence: str, written: str
) -> None:
    assert written in titled(sentence, written)


def test_the_day_as_a_noun_is_no_time_to_cut() -> None:
    sentence = "The trawler landed the day's catch at Halden before the storm."
    assert titled(sentence, "the day") == sentence.rstrip(".")


def test_a_title_made_apart_loses_the_time_words_written_once_in_it() -> None:
    assert untimed("The Kestrel ferry sank on Tuesday", "Tuesday") == "The Kestrel ferry sank"
    assert untimed("The ferry sank on Tuesday, and on Tuesday it", "Tuesday").endswith("it")
