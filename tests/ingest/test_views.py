"""Sentences that tell a view, not a happening: judgements, forecasts, poll figures, colour."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.events import build_mentions
from timeline.ingest.reader.views import (
    colour,
    commentary,
    forecast,
    mood_moved,
    poll_figure,
    view,
    weighed,
)
from timeline.ingest.tagger.timex import find_timexes


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Brokers at Tamsin & Rowe said the Kelso mill was worth far less.", True),
        ("Analysts even believe Velk will soon resume paying dividends.", True),
        ("Critics said the council's answer was slow.", True),
        ("Ana Ruiz, an analyst at Kestrel Securities, said the sale made sense.", True),
        ("The sale made sense, said Ana Ruiz, an analyst at Kestrel Securities.", True),
        ("Piet Varga, senior strategist at Orlen Bank, believes Velk is an outcast.", True),
        ("Housing strategist Lena Moss attacked the mayor this morning.", True),
        ("Experts believe the weir will hold.", True),
        ("In March, a few market analysts doubted that Velk would last.", True),
        ("The mayor's supporters point out that she only took office in May.", True),
        # a result with its figure, and a finding, stay news
        ("Velk shares fell 16%, analysts said.", False),
        ("Experts found that the Kelso valve had failed.", False),
        ("The company said the valve had failed.", False),
    ],
)
def test_a_commentator_speaking_tells_a_judgement(sentence: str, expected: bool) -> None:
    assert commentary(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dealers said the confidence in Velk Oil had simply vanished.", True),
        ("Anger is growing among fishermen in Kelso.", True),
        ("Investor trust in the Ardmoor fund has evaporated.", True),
        ("A diver said on Monday that there was general optimism that the plug held.", True),
        # a mood in a clause of time leaves the deed it goes with
        ("The mayor resigned as frustration builds in the town.", False),
    ],
)
def test_a_mood_told_as_if_it_moved_is_no_happening(sentence: str, expected: bool) -> None:
    assert mood_moved(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The next chance to seal the weir will not come until the new dam is built.", True),
        ("The cause won't be known until the pumps are lifted.", True),
        ("The relief dams are not likely to be ready until March.", True),
        ("Velk does not expect to stop the seepage at the Orvik field until March.", True),
        ("The tar could keep washing up until March, the agency warned.", True),
        ("The relief well will reach the old one some time between 3 and 9 May.", True),
        ("The two pipes could join up as early as next week.", True),
        ("It is likely most of the Kelso pumps will be replaced.", True),
        ("Sea currents could carry the tar north, another diver said.", True),
        ("Kestrel, which has had an easy ride, could end up paying for the flood.", True),
        ("The court ruled that Kestrel could reopen the mill.", False),
        ("The divers did all they could to reach the hull.", False),
        ("From the quay, Okafor could see the ferry burning.", False),
        ("The Velk crew could not stop the leak.", False),
        ("The vote is set for Monday.", False),
        ("Velk Oil said it would pay $2bn to the growers.", False),
        ("The mayor would not sign the levy until Monday.", False),
    ],
)
def test_a_horizon_or_a_window_still_ahead_is_a_forecast(sentence: str, expected: bool) -> None:
    assert forecast(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("For the Greens, 62 percent favour the levy.", True),
        ("In Ardmoor, 58% of respondents, and 41% in Kelso, thought the mayor erred.", True),
        ("70 percent favoured more drilling off the cape.", True),
        ("Almost identical numbers blamed Velk, 59% in Ardmoor and 58% in Kelso.", True),
        ("A majority of voters opposed the new weir.", True),
        # a poll told as news of its own, and an election's result, stay
        ("A poll released on Tuesday found 70 percent favoured more drilling.", False),
        ("Okafor won 62% of the vote.", False),
        ("Velk shares fell 16% on Monday.", False),
    ],
)
def test_a_share_of_a_group_holding_a_view_is_a_standing_opinion(
    sentence: str, expected: bool
) -> None:
    assert poll_figure(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The sell-off added grist to the mill of the firm's critics.", True),
        ("Those remarks have come back to haunt the mayor.", True),
        ("Such remarks have only served to deepen the row.", True),
        ("Dudek told the board the $3bn estimate remained reasonable.", True),
        ('Okafor said: "I still feel like they can win the cup."', True),
        ("The two cranes above the Kelso weir look like watchtowers.", True),
        ("The Kelso flood has been described as the gravest for a century.", True),
        ("The rise in costs was seen as further proof that the weir had failed.", True),
        ("The agency has described it as the worst flood it has faced.", True),
        ("The weir has been described as unsafe by the Ardmoor inspectors.", False),
        ("Okafor was named as the new mayor.", False),
        ("The vote was overturned by a march, in what was seen as victory for Kelso.", False),
        ("Okafor said the pump had been switched off.", False),
        ("The payouts have made the Orvik coast feel like an open-air fair.", True),
        ("Velk faces potentially millions of euros in penalties.", True),
        ("In an online column posted on Tuesday, Ruiz and Dale argued the mayor must act.", True),
        ("Ruiz wrote in his weekly column that the mayor will have to hope for rain.", True),
        ("Velk faces a fine of $3m after the court ruled on Monday.", False),
        ("The mayor wrote to the ferry firm on Monday.", False),
        ("The Kelso Herald published an editorial on Monday.", False),
    ],
)
def test_a_weighing_of_the_news_is_a_judgement(sentence: str, expected: bool) -> None:
    assert weighed(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Families queue for water outside the Kelso clinic.", True),
        ("Her brother, Tomas, sits beside her and starts to weep.", True),
        ("Children were playing in the dust by the tents.", True),
        # a noun that looks like a verb, a stepping down and a report stay
        ("The cries from the rubble have now stopped.", False),
        ("Velk said Mayor Okafor was standing down.", False),
        ("The ferry sank near Orvik.", False),
    ],
)
def test_people_seen_doing_what_they_do_is_colour(sentence: str, expected: bool) -> None:
    assert colour(sentence, dated=False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On Saturday, families were queuing outside the Kelso clinic.", True),
        ("Rescuers were still waiting for a crane on Monday.", True),
        ("The Ardmoor council sits on Monday.", False),
    ],
)
def test_a_dated_scene_is_colour_only_in_the_middle_of_doing(sentence: str, expected: bool) -> None:
    assert colour(sentence, dated=True) is expected


def test_the_view_rules_leave_plain_news() -> None:
    for sentence in (
        "Velk Oil said on Monday it would pay $2bn into a fund.",
        "The Ardmoor council voted 7-2 to close the weir.",
        "Shares in Velk fell 16% in London.",
    ):
        assert not view(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Brokers at Tamsin & Rowe said the confidence in Velk Oil had simply vanished.",
        "The next chance to seal the breach will not come until the new dam is finished in "
        "January.",
        "In Kelso, 62 percent of those polled favoured more drilling.",
        "Dudek told the Velk board on Monday that the $3bn estimate remained reasonable.",
        "Piet Varga, senior strategist at Orlen Bank, said on Monday that Velk was an outcast.",
    ],
)
def test_a_view_in_an_article_only_supports(sentence: str) -> None:
    text = f"Velk leak grows\n\nThe Velk well off Orvik leaked again on Monday.\n{sentence}\n"
    day = dt.date(2031, 11, 14)
    drafts = build_mentions(text, find_timexes(text, day), day)
    kinds = [d.kind for d in drafts if d.event.quote[:15] in sentence]
    # a forecast whose only date bounds a clause of time ("until ... in January") is dated by
    # nothing and makes no mention at all; the others are read and only support
    assert kinds or "until" in sentence, sentence
    assert "event" not in kinds, kinds
    assert any(d.kind == "event" and "leaked" in d.event.quote for d in drafts)
