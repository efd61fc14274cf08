"""Sentences that are the page's own: captions and broadcast listings."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.events import build_events
from timeline.ingest.reader.page_sentences import caption, is_listing
from timeline.ingest.tagger.timex import find_timexes

UPDATES = """A day of updates on the Tarn flood

0820 The Tarn rose above the Pell bridge, the county said.
1015 Volunteers opened a shelter in the Oster school.
1240 The army sent two boats to the lower town.
"""

LISTING = """Radio Orvik this week

7.00-9.30pm ORVIK FM Ada Velk presents the week's sea shanties, recorded on Monday at the quay.
9.30-10.00pm ORVIK FM Ole Brandt reads from his new book about the 1998 storm.
Presenter/Ada Velk, Producer/Jon Holt for Orvik Sound
10.00-11.00pm ORVIK FM Late news and the shipping forecast.
"""


def test_a_broadcast_schedule_gives_no_event_shown_alone() -> None:
    day = dt.date(2031, 5, 7)
    assert is_listing(LISTING) and not is_listing(UPDATES)
    assert build_events(LISTING, find_timexes(LISTING, day), day) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("May 3: Crews clean oil from the Velmar quay.", True),
        ("May 3, 2031: The mayor visits the flooded school.", True),
        ("May 3: Crews cleaned oil from the Velmar quay.", False),
        ("Crews clean oil from the Velmar quay.", False),
        ("2 June: Divers inspected the broken pipe off Port Tollan Ann Holt/AP", True),
        ("June 2: Gulls flew past the booms near Velmar. Photograph: Bo Lind", True),
        ("2 June: The Kestrel mill reopens after the flood.", False),
    ],
)
def test_a_dated_caption_in_the_present_is_a_caption(sentence: str, expected: bool) -> None:
    assert caption(sentence) is expected
