"""Sentences that are the page's own: captions and broadcast listings."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.events import build_events, build_mentions
from timeline.ingest.reader.page_sentences import caption, is_listing, picture_caption
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Volunteers in Port Tessa, Del., lay sandbags on the sea wall Thursday, May 6, 2031.",
            True,
        ),
        ("Gulls fly past the booms near Ostrava Point on Tuesday, June 3, 2031.", True),
        ("A diver is lowered from the Kestrel support ship Friday, May 7, 2031.", True),
        ("Mayor Okafor picks up a stone on a tour of the quay in Kelso, Ore., on Monday.", True),
        # a report: past tense, a saying, a schedule, or a weekday without its year
        ("Crews cleaned oil from the marsh in Port Tessa, Del., on Sunday.", False),
        ("Mayor Okafor said crews work in Kelso, Ore., on Tuesday.", False),
        ("The Ardmoor board meets in Kelso, Ore., on Tuesday.", False),
        ("On Saturday 18 March 2031, the Orvik ran aground on the reef.", False),
        ("Crews lay sandbags along the sea wall on Thursday.", False),
        # a full date beside a clock is the page's time stamp
        ("Ann Holt | 08:47 UK time, Friday, 11 June 2031 Crews lay booms off Kelso.", False),
        ("Crews lay booms off Kelso Fri Jun 11, 2031 3:12pm EDT", False),
    ],
)
def test_a_picture_is_narrated_in_the_present_with_its_full_date(
    sentence: str, expected: bool
) -> None:
    assert picture_caption(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a wire caption closed by its full date, no weekday
        ("Gulls fly past the booms near Tarn Point, La., May 1, 2031.", True),
        ("A robot sub is lowered from the Ocean Pike III, May 8, 2031.", True),
        (
            "Mayor hopes storm lifts support Mayor Okafor speaks in the Rose Garden, June 1, 2031",
            True,
        ),
        ("Crews closed the Velmar quay, May 8, 2031.", False),
        ("The Ardmoor board meets again, May 8, 2031.", False),
        ("Ann Holt | 17:41 GMT, Tuesday, 9 March 2032 Crews lay booms off Kelso.", False),
        # a caption naming a part of its picture
        ("Robots circle the valve stack, bottom left.", True),
        ("Mayor Okafor (pictured) tours the flooded quay.", True),
        ("Divers, second from right, check the hull of the Orvik.", True),
        ("The mayor (pictured) closed the Kestrel mill on Monday.", False),
        ("Mayor Okafor, left, said the quay would reopen.", False),
        # an old picture pointed at: "this plume", with its year
        ("The Keel Atoll shot of 3 May 1961 released this plume of smoke.", True),
        ("The blast at Kestrel Mills in 1988 left these craters in the yard.", True),
        ("Crews are trying to learn how this plume is dispersing.", False),
        # an agency's credit glued to the caption it heads
        ("(AP) AP2031 Executives from the three firms testify before the Ardmoor panel.", True),
        ("AP2031 Executives from the three firms testified before the Ardmoor panel.", False),
        # a wire caption opening on its picture's date, in either tense
        ("In this Sunday, May 2, 2031 file photo, crews lay booms off Kelso.", True),
        ("In this May 2, 2031 photo, the Orvik ran aground as two tugs stood by.", True),
        ("In this town, crews work through the night.", False),
        ("In this photo-op era, mayors smile for the cameras.", False),
        # a present-tense headline is no caption
        ("Velk Oil shares tumble 16%", False),
    ],
)
def test_a_caption_points_into_its_picture_or_closes_on_its_date(
    sentence: str, expected: bool
) -> None:
    assert picture_caption(sentence) is expected


WIRE_CAPTIONED = """Tarn Point booms hold

Crews finished the Tarn Point booms on Tuesday, the county said.
Gulls fly past the booms near Tarn Point, La., May 1, 2031.
The next day the county reopened the beach, officials said.
(AP) AP2031 Executives from the three firms testify before the Ardmoor panel.
"""


def test_a_wire_caption_without_a_weekday_is_no_event_and_dates_nothing() -> None:
    day = dt.date(2031, 5, 9)  # a Friday: Tuesday is 6 May
    drafts = build_mentions(WIRE_CAPTIONED, find_timexes(WIRE_CAPTIONED, day), day)
    quotes = " ".join(d.event.quote for d in drafts)
    assert "Gulls" not in quotes and "Executives" not in quotes
    reopened = [d.event.start for d in drafts if "reopened" in d.event.quote]
    assert reopened == ["2031-05-07"]


CAPTIONED = """Port Tessa sea wall holds

Crews finished the Port Tessa sea wall on Tuesday, the county said.
Volunteers in Port Tessa, Del., lay sandbags along the sea wall Saturday, May 3, 2031.
The next day the county reopened the beach, officials said.
"""


def test_an_uncredited_caption_is_no_event_and_its_date_dates_nothing_after_it() -> None:
    day = dt.date(2031, 5, 9)  # a Friday: Tuesday is 6 May
    events = build_mentions(CAPTIONED, find_timexes(CAPTIONED, day), day)
    assert not [d for d in events if "sandbags" in d.event.quote]
    reopened = [d.event.start for d in events if "reopened" in d.event.quote]
    assert reopened == ["2031-05-07"]


STAMPED = (
    "Kelso flood: the long wait\n\n"
    "Last updated: 3 May, 2031 - 17:26 GMT Kelso flood: families wait Families in Kelso wait "
    "for news as the Tarn recedes after the worst flood in a century.\n"
    "The council opened two shelters on Friday, officials said.\n"
)


def test_a_page_stamp_glued_onto_the_lead_shows_no_event_of_its_date() -> None:
    day = dt.date(2031, 5, 3)
    events = build_events(STAMPED, find_timexes(STAMPED, day), day)
    assert not [e for e in events if "Families in Kelso" in e.quote]
    assert [e.start for e in events if "shelters" in e.quote] == ["2031-05-02"]
