"""Live pages: each update dated by its stamp, and pages of bare clock stamps."""

from __future__ import annotations

import datetime as dt

from timeline.ingest.reader.events import build_events
from timeline.ingest.reader.live import is_live, stamp_of, strip_stamp
from timeline.ingest.tagger.timex import find_timexes

PUB = dt.date(2031, 4, 9)  # a Wednesday


LIVE = """Storm Ardel live: roads shut across the coast

10.05am: Good morning and welcome to our coverage of Storm Ardel.
10.20am: Police closed the coast road between Vell and Marrow after a landslip.
10.45am: The rail operator said on Monday that it had doubled staff at Vell station.
11.30am: Crews reopened the bridge at Marrow.
"""


def test_a_live_page_dates_each_update_by_its_stamp_and_a_named_day_stays_in_its_update() -> None:
    assert is_live(LIVE)
    events = build_events(LIVE, find_timexes(LIVE, PUB), PUB)
    by_word = {e.quote.split()[0]: e for e in events}
    assert by_word["Police"].start == "2031-04-09T10:20"
    assert by_word["Crews"].start == "2031-04-09T11:30"  # not Monday: that day was one update's
    assert not any(e.title[:1].isdigit() for e in events)


def test_stamps() -> None:
    assert stamp_of("2.05 pm: BP said")[1] == "14:05"
    assert stamp_of("Update 09:40 GMT - Talks resumed")[1] == "09:40"
    assert stamp_of("2010 was a hard year")[1] is None
    assert strip_stamp("10.32am: Crews arrived") == "Crews arrived"


BARE = """Flood at Dunmore: the day in updates

0915 The river at Dunmore rose above its banks, the county said.
1140 Volunteers opened a shelter in the Kell school hall.
1305 The army sent two boats to the lower town.
1650 Rain eased over the valley, forecasters said.
"""

CHRONOLOGY = """Dunmore's floods

1998 The river rose above its banks at Dunmore.
2004 The county built a wall along the lower town.
2017 Volunteers opened a shelter in the Kell school hall.
"""


def test_a_page_of_bare_clock_stamps_is_read_as_a_live_page_and_a_list_of_years_is_not() -> None:
    day = dt.date(2031, 4, 9)
    assert is_live(BARE, day.year) and not is_live(CHRONOLOGY, day.year)
    events = build_events(BARE, find_timexes(BARE, day), day)
    starts = {e.quote.split()[0]: e.start for e in events}
    assert starts["Volunteers"] == "2031-04-09T11:40"
    assert not any(e.start and e.start < "2000" for e in events)
    years = build_events(CHRONOLOGY, find_timexes(CHRONOLOGY, day), day)
    assert "1998" in {e.start for e in years}


def test_bare_stamps_need_a_capital_after_them() -> None:
    assert stamp_of("1140 Volunteers opened a shelter", bare=True)[1] == "11:40"
    assert stamp_of("1140 volunteers opened a shelter", bare=True)[1] is None
    assert stamp_of("1140 Volunteers opened a shelter")[1] is None  # not without the page's say
    assert stamp_of("2460 Volunteers", bare=True)[1] is None
