"""Sentences that tell no happening whatever their date: questions, conditions, guesses,
forecasts, judgements and comments."""

from __future__ import annotations

import pytest

from timeline.ingest.reader.non_events import non_event


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Analysts say the deal could cost the firm its licence.", True),
        ("Unless the strike ends, schools will close.", True),
        ("Who pays for the clean-up?", True),
        ("BACK {current} of {total} NEXT", True),
        ("In this image made from drone video, barges ring the Oster pier on Monday.", True),
        ("Velmar Shipping declined to comment on Tuesday.", True),
        ("12 March 2031 Last updated at 09:14 GMT", True),
        ("The council approved the budget on Monday.", False),
        ("The trial - which some thought would last a month - ended on Thursday.", False),
        ("That mood may weigh on the autumn vote in Ardmoor.", True),
        ("Analysts said on Friday the toll could top 40 million.", True),
        ("The strike, especially if it lasts until May, could hurt Kestrel Mills.", True),
        ("For comparison, a year after the 2019 flood some 51 percent of voters agreed.", True),
        ("The trouble is that the Ardmoor quay was built in 1911.", True),
        ("The good news is the pier reopened on Monday.", True),
        ("Mayor Okafor said on Monday the board may sell the mill.", True),
        ("The council shut the quay on Monday because it might flood.", False),
        ("Crews on Monday cleared storms that may return each spring.", False),
        ("The combined might of three unions won the vote on Monday.", False),
        ("Mayor Okafor said on Monday the board could not meet.", False),
        ("Ana Ruiz from Velmar e-mails: The school shut on 3 May 2030.", True),
        ("Ivo Tan, Kestrel Mills, blogs: The pier fell on 2 May 2031.", True),
        ("This Velmar News clip was first broadcast on 4 May 2031.", True),
        ("Roofs lie flat, while families can be seen queuing for water.", True),
        ("Live video of the Ardmoor flood.", True),
        ("Video of the Ardmoor flood was released on Monday.", False),
        ("Footage from a helicopter shows the flooded Ardmoor quay on Monday.", True),
        ("Aerial pictures show crews on the Tolven weir on 4 May 2031.", True),
        ("Drone images showed on Monday that the Tolven weir had split.", False),
        ("The pictures show that the weir split on Monday, engineers said.", False),
        ("Kestrel Mills, BBC Two, 4 May at 2030 BST Then available via the link below", True),
        (
            'Mayor Okafor, dubbed "the builder" and "old Ardmoor\'\', is likely to lose '
            "his \"seat''.",
            True,
        ),
        ("Ana Ruiz, in Kestrel Mills, writes: The pier fell on Monday.", True),
    ],
)
def test_non_event(sentence: str, expected: bool) -> None:
    assert non_event(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Governor Okafor said on Monday the ministry was focused on the wrong things.", False),
        ("Critics said on Monday the council's stance appeared to soften.", False),
        ("Of greater concern on Monday was the state of the Velmar weir.", False),
        ("Since Monday Kestrel Mills is Public Enemy No 1 in Ardmoor.", False),
        ("The ruling on Monday is a massive blow to Kestrel shareholders.", False),
        ("Mayor Okafor said on Monday the closure was prudent.", False),
        ("The Ardmoor growers said on Monday they were disappointed with the mill.", False),
        ("Kestrel Mills said on Monday its manager had been relieved of his duties.", True),
        ("Kestrel Mills said on Monday it was disappointed and accused the council.", True),
        # a saying that is itself news stays, even beside a judgement
        ("Mayor Okafor said on Monday the council would pay $20m to the growers.", True),
        ("The court ruled on Monday that the Velmar ban was unlawful.", True),
        ("Inspectors said on Monday the pumps were inadequate and ordered the weir shut.", True),
        ("Mayor Okafor said on Monday Kestrel Mills should pay for the clean-up.", True),
        # a judgement inside a relative clause is about a noun, not the report
        ("Divers found a tank on Monday, which appeared to come from the wreck.", True),
    ],
)
def test_a_judgement_told_as_a_report_is_no_event_but_a_news_saying_is(
    sentence: str, kept: bool
) -> None:
    assert non_event(sentence) is not kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Engineers said on Monday the flow should slow to a trickle by Friday.", False),
        ("Kestrel Mills is widely expected to report a loss on Tuesday.", False),
        ("The Ardmoor ferry is on track to sail again by June.", False),
        ("The vote on the Velmar weir is set for Monday.", True),
        ("The Ardmoor ferry, which is on course to break even, sailed on Monday.", True),
    ],
)
def test_a_forecast_is_no_event_but_a_schedule_is(sentence: str, kept: bool) -> None:
    assert non_event(sentence) is not kept


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Leaders of the Ardmoor council had wanted to hold a vote on Tuesday.", False),
        ("Officials expect the Velmar slick to be down to a trickle by Monday.", False),
        ("Calm seas are expected through the weekend, the Orvik forecaster said.", False),
        ("Kestrel Mills said on Monday it hoped to reopen the weir by Friday.", False),
        (
            "Orvik ecologists predict that two wet summers will bring the dune grass back.",
            False,
        ),
        ("A Kestrel spokesman said the boom would be laid off Kelso by tomorrow.", False),
        ("Mayor Okafor said the catch could almost double by next week.", False),
        ("Some 800 Orvik volunteers will be on the dunes by Monday.", False),
        ("Orvik forecasters think it could take several weeks for the tar to reach Kelso.", False),
        ("Ann Lind said on Monday the mayor wanted to settle the Kelso claims soon.", False),
        # a participle about a noun, a hope that moved shares, a plan in a second clause
        (
            "Ann Lind, the woman expected to succeed Mayor Holt, opened a library on Monday.",
            True,
        ),
        ("Kestrel shares rose on Monday on hopes that the mill will reopen.", True),
        ("Mayor Okafor said on Monday the Kelso pier would reopen on 2 June.", True),
        ("Mayor Okafor said on Friday the vote would be put off until next week.", True),
        (
            "Crews cleared the Kelso quay on Monday, and the harbour expects ships to return soon.",
            True,
        ),
    ],
)
def test_a_plan_a_hope_or_a_forecast_is_no_event(sentence: str, kept: bool) -> None:
    assert non_event(sentence) is not kept
