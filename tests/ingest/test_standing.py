"""Sentences that tell how things stand: standing facts about people and a party's position."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.events import build_mentions
from timeline.ingest.reader.standing import held_position, standing_fact
from timeline.ingest.tagger.timex import find_timexes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Some 340 people were aboard the Orvik ferry on 2 May.", True),
        ("Some 4,000 Kelso residents are homeless after the flood.", True),
        ("Of the 90 Velmar nurses, 40 had trained at Kelso before 3 May.", True),
        ("Some 4,000 Kelso residents have been made homeless since the flood.", True),
        ("Two Kestrel divers were missing on 2 May.", False),
        ("The Orvik ferry sank on 2 May with 340 people aboard.", False),
    ],
)
def test_who_was_where_and_a_figure_broken_down_are_standing_facts(
    sentence: str, expected: bool
) -> None:
    assert standing_fact(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "position", "expected"),
    [
        ("The defence says the ledgers were kept by her clerk.", 3, True),
        ("Dr Okafor's lawyer said the verdict would ruin her.", 3, True),
        ("Defence lawyer Ann Holt argues that the pump was faulty.", 3, True),
        ("Dr Okafor denies fraud.", 3, True),
        ("Dr Okafor has pleaded not guilty to fraud.", 4, True),
        # the plea is the lead's news; a plea entered on a day and a ruling are happenings
        ("Dr Okafor has pleaded not guilty to fraud.", 0, False),
        ("Dr Okafor pleaded not guilty on Monday.", 3, False),
        ("The defence lawyer said on Monday the pump had been switched off.", 3, False),
        ("The judge ruled that the Kelso trial would go ahead.", 3, False),
    ],
)
def test_where_a_party_to_a_case_stands_is_no_happening(
    sentence: str, position: int, expected: bool
) -> None:
    assert held_position(sentence, position) is expected


def test_a_standing_position_repeated_under_the_lead_only_supports() -> None:
    text = (
        "Okafor trial hears from clerk\n\nA clerk told the Kelso court on Tuesday that the ledgers "
        "were burned. Dr Okafor has pleaded not guilty to fraud. The defence says the "
        "ledgers were kept by her clerk.\n"
    )
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    shown = [d.event.quote for d in drafts if d.kind == "event"]
    assert shown and all("burned" in quote for quote in shown), shown


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Kestrel Mills has claimed repeatedly this week that the weir is safe.", False),
        ("The Ardmoor council has stuck to its estimate of 300 jobs, it said on 4 May.", False),
        ("Kestrel shares have fallen 34% since the blowout, traders said on 2 May.", False),
        ("Often the Velmar divers waited hours on 2 May for the ferry.", False),
        ("On 3 April the growers noted that the mill had repeatedly broken its pledge.", True),
        ("Kestrel shares, which have lost 40% since 20 April, rose 4% on 2 May.", True),
    ],
)
def test_a_habit_a_trend_or_a_running_total_only_supports(sentence: str, kept: bool) -> None:
    text = f"Weir news\n\nThe Velmar weir held.\n{sentence}\n"
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    kinds = [d.kind for d in drafts if d.event.quote[:12] in sentence]
    assert ("event" in kinds) is kept, kinds
