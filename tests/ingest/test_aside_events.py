"""A happening told in an aside ("X, which began on 6 May, ...") gives its own dated event.

Sentences in our own words, run through the real tagger and event builder; each row lists every
event the sentence gives as (title, start, precision, approximate), in the order built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.ingest.pipeline import ingest_bytes
from timeline.ingest.reader.events import build_events
from timeline.ingest.tagger.timex import find_timexes
from timeline.store import NewEvent, Store

PUB = dt.date(2024, 5, 21)  # a Tuesday
"""Publication date of every sentence below."""


def events_of(sentence: str) -> list[NewEvent]:
    """The events one sentence gives, published on PUB."""
    return build_events(sentence, find_timexes(sentence, PUB), PUB)


def rows(sentence: str) -> list[tuple[str, str | None, str | None, bool]]:
    """(title, start, precision, approximate) of each event of a sentence."""
    return [(e.title, e.start, e.precision, e.approximate) for e in events_of(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the aside is the only dated part and the main clause gives no event of its own
        (
            "The walkout, which started on 6 May, had kept the ferries in port for a fortnight.",
            [("The walkout started on 6 May", "2024-05-06", "day", False)],
        ),
        (
            "The new ward, which opened in March, treats children from three counties.",
            [("The new ward opened in March", "2024-03", "month", False)],
        ),
        # a main clause placed at the news day keeps its event; the aside adds its own
        (
            "The mayor, who toured the flooded streets on Sunday, promised new pumps.",
            [
                ("The mayor toured the flooded streets", "2024-05-19", "day", False),
                (
                    "The mayor, who toured the flooded streets on Sunday, promised new pumps",
                    "2024-05-21",
                    "day",
                    True,
                ),
            ],
        ),
        # the main clause's own date dates the main event; the aside's its own happening
        (
            "The pier, which opened in 1899, was shut on Sunday.",
            [
                ("The pier opened in 1899", "1899", "year", False),
                ("The pier, which opened in 1899, was shut", "2024-05-19", "day", False),
            ],
        ),
        # an aside about a noun later in the sentence: that noun is its subject
        (
            "Divers searched the old canal, which flooded in 1987, for the missing boat.",
            [
                ("The old canal flooded in 1987", "1987", "year", False),
                (
                    "Divers searched the old canal, which flooded in 1987, for the missing boat",
                    "2024-05-21",
                    "day",
                    True,
                ),
            ],
        ),
        # a name is taken whole, without a preposition that opens the sentence; a comma inside
        # a date does not end the aside; a plan in the main clause ("will sell") does not make
        # the aside's past a plan
        (
            "Under Chief Nurse Ada Kovac, who arrived in 2020, waiting lists fell.",
            [
                ("Chief Nurse Ada Kovac arrived in 2020", "2020", "year", False),
                (
                    "Under Chief Nurse Ada Kovac, who arrived in 2020, waiting lists fell",
                    "2024-05-21",
                    "day",
                    True,
                ),
            ],
        ),
        (
            "Deputy Mayor Rosa Lindqvist, who resigned on Friday, was replaced by an aide.",
            [
                ("Deputy Mayor Rosa Lindqvist resigned", "2024-05-17", "day", False),
                (
                    "Deputy Mayor Rosa Lindqvist, who resigned on Friday, was replaced by an aide",
                    "2024-05-21",
                    "day",
                    True,
                ),
            ],
        ),
        (
            "The council said it will sell the old library, which closed on March 3, 2019.",
            [
                ("The old library closed on March 3, 2019", "2019-03-03", "day", False),
                # the aside has its own event: the main one's title ends before it
                ("The council said it will sell the old library", "2024-05-21", "day", True),
            ],
        ),
    ],
)
def test_an_aside_with_a_past_verb_and_a_date_gives_its_event(
    sentence: str, expected: list[tuple[str, str | None, str | None, bool]]
) -> None:
    assert rows(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a building or founding aside is its own happening; the main clause keeps its date
        (
            "The pier, built in 1899, was shut on Sunday.",
            [
                ("The pier was built in 1899", "1899", "year", False),
                ("The pier, built in 1899, was shut", "2024-05-19", "day", False),
            ],
        ),
        # any other participle aside stays inside the sentence: the main clause's date wins
        (
            "The pier, repaired in 1999, was shut on Sunday.",
            [("The pier, repaired in 1999, was shut", "2024-05-19", "day", False)],
        ),
        # a spaced hyphen closes an aside a spaced hyphen opened: Thursday is the main clause's
        (
            "The trial - which some thought would last a month - ended on Thursday.",
            [
                (
                    "The trial - which some thought would last a month - ended",
                    "2024-05-16",
                    "day",
                    False,
                )
            ],
        ),
        # a relative clause in the subject of a future main clause dates nothing
        (
            "A driver who crashed the van in 2015 will give evidence next week.",
            [
                (
                    "A driver who crashed the van in 2015 will give evidence",
                    "2024-05-27",
                    "day",
                    True,
                )
            ],
        ),
        # asides that tell of no happening on their date: a state, a stretch, a plan, a denial
        (
            "The bakery, which employs 40 people, was sold to a rival.",
            [
                (
                    "The bakery, which employs 40 people, was sold to a rival",
                    "2024-05-21",
                    "day",
                    True,
                )
            ],
        ),
        (
            "The bakery, which has employed 40 people since 2010, was sold to a rival.",
            [
                (
                    "The bakery, which has employed 40 people since 2010, was sold to a rival",
                    "2024-05-21",
                    "day",
                    True,
                )
            ],
        ),
        (
            "Organisers said the fair, which was due to open on 2 June, would be put back.",
            [
                (
                    "Organisers said the fair, which was due to open on 2 June, would be put back",
                    "2024-05-21",
                    "day",
                    True,
                )
            ],
        ),
        ("The ferry, which did not sail on Monday, is back in service.", []),
        # an object relative: the prize did not hand anything out
        (
            "The cup, which Mayor Okafor handed over in 2019, went missing.",
            [
                (
                    "The cup, which Mayor Okafor handed over in 2019, went missing",
                    "2024-05-21",
                    "day",
                    True,
                )
            ],
        ),
        # the date is what the happening is counted from, not its own
        ("The coach, who quit two days after the final on 4 May, now runs a gym.", []),
    ],
)
def test_nearby_sentences_keep_their_dating(
    sentence: str, expected: list[tuple[str, str | None, str | None, bool]]
) -> None:
    assert rows(sentence) == expected


def test_the_future_testimony_is_not_dated_by_the_aside() -> None:
    titles = {
        e.title: e.start for e in events_of("A driver, who crashed the van in 2015, will testify.")
    }
    assert titles == {"A driver crashed the van in 2015": "2015"}  # the crash, not the testimony


def test_an_aside_event_says_what_dated_it() -> None:
    sentence = "The walkout, which started on 6 May, had kept the ferries in port for a fortnight."
    [event] = events_of(sentence)
    at = sentence.index("6 May")
    assert (event.date_basis, event.date_text, event.counted_from) == (
        "publication",
        "6 May",
        "2024-05-21",
    )
    assert (event.span_start, event.span_end, event.quote) == (at, at + len("6 May"), sentence)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Store]:
    """An empty store on a real file."""
    opened = Store.open(tmp_path / "asides.db")
    yield opened
    opened.close()


def test_an_ingested_article_stores_the_aside_event(db: Store) -> None:
    text = (
        "Port reopens\n\n"
        "The walkout, which started on 6 May, had kept the ferries in port for a fortnight.\n"
    )
    result = ingest_bytes(db, text.encode(), "-", published=PUB)
    assert result.ok
    stored = [(e.title, e.start, e.precision, e.approximate) for e in db.page_after(None, 10)]
    assert ("The walkout started on 6 May", "2024-05-06", "day", False) in stored


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a relative clause about an object, with no comma, tells a dated happening of its own
        (
            "Relief crews reached the Kelso valley which was flooded on 14 March.",
            ["The Kelso valley was flooded on 14 March"],
        ),
        # a noun after "by" is a participle's agent, not what the clause tells of
        ("Offshore lies the Tollan platform run by Kestrel Mills that exploded on 14 March.", []),
        # the clause's words end at its date: the main verb after it is not the noun's
        (
            "Friends of the two divers who drowned off Kelso Point when their boat sank on "
            "14 March are sailing there on Sunday.",
            ["The two divers drowned off Kelso Point when their boat sank on 14 March"],
        ),
        # with no date inside the clause, the main verb's date is not the clause's
        (
            "Ada Pell writes in KESTREL BAY -- Friends of the two divers who drowned off Kelso "
            "Point are sailing there on 14 March.",
            [],
        ),
    ],
)
def test_a_relative_clause_about_an_object_is_titled_by_its_noun(
    sentence: str, expected: list[str]
) -> None:
    dated = [e.title for e in events_of(sentence) if e.date_basis != "report"]
    assert dated == expected
