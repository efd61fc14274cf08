"""Dates that only name a thing ("the November 2 blast") and what counts from them, and a
weekday told in the present progressive ("are sailing there on Sunday")."""

from __future__ import annotations

import datetime as dt

from timeline.ingest.pipeline import ingest_bytes
from timeline.store import Event, Store

WINTER = dt.date(2031, 12, 20)

INQUIRY = """Inquiry set for Marrow platform

The inquiry will look at the November 2 blast on the Marrow platform that killed four workers. \
Two days later, the platform's collapse set off a leak.
"""
"""A plan ahead (the inquiry) naming a past happening (the blast) by its day."""

VOTE = """Levy decision ahead in Ardmoor

The Ardmoor council will decide the harbour levy at the June 2 meeting.
"""
"""A plan ahead named by its day: it keeps looking ahead."""

RIG = """Ardmoor rig fire inquiry

Officials studied the April 20 explosion at the Ardmoor rig. Two days later, the rig sank into \
the bay.
"""
"""A count whose anchor was named only inside a noun phrase of the sentence before."""

DIVERS = """Divers missing off Pellan coast

Three divers have gone missing off the Pellan coast. Friends of the divers are sailing there on \
Sunday to join the search.
"""
"""An arrangement told in the present progressive, with a weekday."""


def _events(store: Store, text: str, published: dt.date) -> dict[str, Event]:
    result = ingest_bytes(store, text.encode(), "story.txt", published=published)
    assert result.error is None
    return {event.title: event for event in store.page_after(None, 50)}


def _find(events: dict[str, Event], words: str) -> Event:
    [found] = [event for title, event in events.items() if words in title]
    return found


def test_a_past_thing_named_in_a_future_sentence_is_read_backwards(store: Store) -> None:
    events = _events(store, INQUIRY, WINTER)
    assert _find(events, "blast").start == "2031-11-02"
    assert _find(events, "collapse").start == "2031-11-04"


def test_a_plan_named_by_its_day_keeps_looking_ahead(store: Store) -> None:
    events = _events(store, VOTE, WINTER)
    assert _find(events, "levy").start == "2032-06-02"


def test_a_count_is_counted_from_the_one_day_named_just_before(store: Store) -> None:
    events = _events(store, RIG, dt.date(2031, 5, 10))
    sank = _find(events, "sank")
    assert (sank.start, sank.date_basis, sank.counted_from) == (
        "2031-04-22",
        "narrative",
        "2031-04-20",
    )


def test_a_present_progressive_with_a_weekday_is_ahead(store: Store) -> None:
    events = _events(store, DIVERS, dt.date(2031, 6, 11))  # a Wednesday
    assert _find(events, "sailing").start == "2031-06-15"


def test_a_progressive_before_a_thing_a_weekday_dates_keeps_the_last_one(store: Store) -> None:
    text = """Ardmoor barn fire

Police in Ardmoor are questioning a farmhand arrested on Sunday after the barn fire.
"""
    events = _events(store, text, dt.date(2031, 6, 11))
    assert _find(events, "questioning").start == "2031-06-08"


TESTS = """Kestrel dam tests start late

Engineers at the Kestrel dam started pressure tests on Wednesday, a day later than planned. \
The initial hold-up occurred as inspectors sought assurances about the valves. The dam's owner \
says the tests are going well.
"""
"""A past step told right after a sentence naming its own earlier day, then today's word."""


def test_a_past_step_right_after_a_named_day_goes_on_telling_it(store: Store) -> None:
    events = _events(store, TESTS, dt.date(2031, 6, 16))  # the Monday after
    held = _find(events, "hold-up")
    assert (held.start, held.approximate, held.date_basis) == ("2031-06-11", True, "narrative")


def test_a_lead_with_no_date_keeps_the_news_day(store: Store) -> None:
    text = """Kestrel dam tests

The Kestrel dam failed its pressure tests. Engineers started the tests on Wednesday.
"""
    events = _events(store, text, dt.date(2031, 6, 16))
    assert _find(events, "failed").start == "2031-06-16"


def test_a_sentence_after_old_background_keeps_the_news_day(store: Store) -> None:
    text = """Kestrel dam reopens

Engineers reopened the Kestrel dam road on Monday. The dam first cracked on 2 March. \
Crews closed the road to lorries and buses.
"""
    events = _events(store, text, dt.date(2031, 6, 17))
    assert _find(events, "lorries").start == "2031-06-16"  # the lead's Monday, not 2 March


def test_a_present_sentence_after_a_named_day_keeps_the_news_day(store: Store) -> None:
    text = """Kestrel dam tests

Engineers at the Kestrel dam started pressure tests on Wednesday. Costs to date amount to \
four million crowns, including fees paid to the valve makers.
"""
    events = _events(store, text, dt.date(2031, 6, 16))
    assert _find(events, "Costs").start == "2031-06-16"


def test_a_progressive_run_into_a_past_report_keeps_the_last_weekday(store: Store) -> None:
    text = """Ardmoor tide report

The tides are behaving Surveyors said on Sunday they had found a new sandbar off Ardmoor.
"""
    events = _events(store, text, dt.date(2031, 6, 11))  # a Wednesday
    assert _find(events, "sandbar").start == "2031-06-08"


def test_a_sentence_also_telling_of_now_keeps_the_news_day(store: Store) -> None:
    text = """Kestrel dam tests

Engineers at the Kestrel dam started pressure tests on Wednesday. What first seemed a small \
seep is now rated a serious fault by the inspectors.
"""
    events = _events(store, text, dt.date(2031, 6, 16))
    assert _find(events, "seep").start == "2031-06-16"
