"""Dates counted from the narrative: "two weeks later", "the following week", "a month
earlier", "the next spring", "within days", each at its own precision, and a sentence that
dates two happenings giving each its own event."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.pipeline import ingest_bytes
from timeline.store import Event, Store

PUBLISHED = dt.date(2031, 6, 12)

COUNCIL = """Quarry fenced off after vote

The council of Ardmoor voted on 3 March 2031 to close the old quarry. Two weeks later, the \
planning committee recommended selling it. The following week, a crew fenced off the site.

Within days, the owners lodged an appeal.
"""
"""A local-government story of our own: a dated vote, then what followed it."""

HISTORY = """The long road to the Ardmoor bypass

Surveyors first walked the route on 9 October 2027. A month earlier, the county had bought the \
land. The next spring, the county opened the first stretch.
"""
"""A feature looking back, with a flashback and a season counted from the narrated date."""

TRAMS = """Tram works begin

Crews will start laying track on the Ardmoor line next month, and the first trams should reach \
the airport in spring 2033.
"""
"""A short transport brief whose one sentence dates two happenings."""

FERRY = """Harbour ferry changes hands

The Tollan ferry company was founded by two boatmen in 1987, and bought its first steamer in 1994.
The skipper was arrested on 4 May and charged on 11 May.
The crew rescued four swimmers in April and injured swimmers in June were given blankets.
"""
"""Two acts of one subject in one sentence, active and passive, and an -ed word that opens a
noun phrase rather than a second act."""


def _events(store: Store, text: str, name: str) -> dict[str, Event]:
    result = ingest_bytes(store, text.encode(), name, published=PUBLISHED)
    assert result.error is None
    return {event.title: event for event in store.page_after(None, 50)}


def _find(events: dict[str, Event], words: str) -> Event:
    [found] = [event for title, event in events.items() if words in title]
    return found


@pytest.mark.parametrize(
    ("words", "start", "end", "precision", "approximate", "counted_from"),
    [
        ("committee recommended", "2031-03-17", None, "day", True, "2031-03-03"),
        ("crew fenced off", "2031-03-24", "2031-03-30", "day", True, "2031-03-17"),
        ("lodged an appeal", "2031-03-18", "2031-03-24", "day", True, "2031-03-17"),
    ],
)  # fmt: skip
def test_counted_from_the_narrated_date(
    store: Store,
    words: str,
    start: str,
    end: str | None,
    precision: str,
    approximate: bool,
    counted_from: str,
) -> None:
    event = _find(_events(store, COUNCIL, "council.txt"), words)
    assert (event.start, event.end, event.precision, event.approximate) == (
        start,
        end,
        precision,
        approximate,
    )
    assert (event.date_basis, event.counted_from) == ("narrative", counted_from)


def test_a_month_earlier_and_the_next_spring(store: Store) -> None:
    events = _events(store, HISTORY, "history.txt")
    bought = _find(events, "bought the land")
    assert (bought.start, bought.precision, bought.date_basis) == ("2027-09", "month", "narrative")
    assert bought.counted_from == "2027-10-09"
    opened = _find(events, "opened the first stretch")
    assert (opened.start, opened.end, opened.approximate) == ("2028-03", "2028-05", True)
    assert opened.date_basis == "narrative"


def test_a_sentence_dating_two_happenings_gives_each_an_event(store: Store) -> None:
    events = _events(store, TRAMS, "trams.txt")
    track = _find(events, "laying track")
    trams = [event for title, event in events.items() if title.startswith("The first trams")]
    assert track.start == "2031-07"
    assert len(trams) == 1
    assert (trams[0].start, trams[0].end) == ("2033-03", "2033-05")
    assert trams[0].quote == track.quote


def test_a_second_act_of_the_same_subject_is_its_own_event(store: Store) -> None:
    events = _events(store, FERRY, "ferry.txt")
    founded = _find(events, "was founded")
    bought = _find(events, "bought its first steamer")
    assert (founded.start, bought.start) == ("1987", "1994")
    assert founded.title == "The Tollan ferry company was founded by two boatmen in 1987"
    assert bought.title == "The Tollan ferry company bought its first steamer in 1994"
    assert bought.quote == founded.quote


def test_a_passive_second_act_keeps_its_auxiliary(store: Store) -> None:
    events = _events(store, FERRY, "ferry.txt")
    assert _find(events, "charged").title == "The skipper was charged on 11 May"
    assert _find(events, "charged").start == "2031-05-11"
    assert _find(events, "arrested").title == "The skipper was arrested on 4 May"
    assert not any(title.startswith("The crew injured") for title in events)
    assert _find(events, "rescued four swimmers").start == "2031-04"


PORT = """Resignations at Tollan port

The harbour master resigned on 2 May and the chief pilot quit on 9 May.
The port sold its dredger in 2024 and its tug in 2027.
"""
"""Two happenings joined by a bare "and", each with a subject of its own, and a list of two
things one act sold (which is one happening)."""


def test_a_second_subject_after_a_bare_and_is_its_own_event(store: Store) -> None:
    events = _events(store, PORT, "port.txt")
    master = _find(events, "harbour master")
    pilot = _find(events, "pilot quit")
    assert (master.start, pilot.start) == ("2031-05-02", "2031-05-09")
    assert pilot.title == "The chief pilot quit on 9 May"
    assert len([title for title in events if "dredger" in title or "tug" in title]) == 1


ANNALS = """The fall of old Velmar

The tyrant of Velmar was deposed on 27 December 212 BC. Ten days later, the assembly freed \
the city's prisoners. A month later, the harbour reopened.
"""
"""A history page whose days are before the common era, counted across a year's end."""


def test_dates_counted_from_a_day_before_the_common_era(store: Store) -> None:
    events = _events(store, ANNALS, "annals.txt")
    freed = _find(events, "freed the city's prisoners")
    assert (freed.start, freed.precision, freed.date_basis) == ("-0210-01-06", "day", "narrative")
    assert freed.counted_from == "-0211-12-27"
    reopened = _find(events, "harbour reopened")
    assert (reopened.start, reopened.precision) == ("-0210-02", "month")  # after the 6 January
