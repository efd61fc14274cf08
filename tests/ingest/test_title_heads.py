"""A title begins where its sentence does: headings, date labels and wire copy's furniture run
into a sentence are set aside; a list's lead-in leaves nothing to show."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.events import build_mentions
from timeline.ingest.reader.titles import cut_title, finish_title
from timeline.ingest.types import Timex


def test_a_heading_in_capitals_run_into_a_sentence_is_not_part_of_its_title() -> None:
    title = finish_title("NEW PIER FOR VELMAR Crews lowered the last span into place on Friday")
    assert title == "Crews lowered the last span into place on Friday"
    assert finish_title("UN staff left Orvik on Friday") == "UN staff left Orvik on Friday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a caption's or a list's date label: the date is the event's, not its title's
        (
            "June 2: Divers checked the hull of the Orvik ferry",
            "Divers checked the hull of the Orvik ferry",
        ),
        ("3 May - The council voted to close the pier", "The council voted to close the pier"),
        # a heading run into the sentence that names its subject again
        (
            "Dr Okafor denies any wrongdoing Dr Okafor pleaded not guilty on Monday",
            "Dr Okafor pleaded not guilty on Monday",
        ),
        # a heading with no verb before a noun that opens news sentences
        (
            "Orvik harbour aid effort Aid agencies at the port have struggled to get help across",
            "Aid agencies at the port have struggled to get help across",
        ),
        # a label dated in brackets, then its sentence naming the subject again
        (
            "Velk internal report (May 2031) Velk admits its managers missed the leak",
            "Velk admits its managers missed the leak",
        ),
        # a standfirst ending on the name the sentence opens with
        (
            "The bill for the flood keeps rising for Velk Velk says repairs now cost 9 million",
            "Velk says repairs now cost 9 million",
        ),
        # but a name in its sentence stays, and so does whose claim it is
        ("Velk met Brandt and then Velk said the pier was shut", None),
        ("Ferries to Bora Bora lagoons run every hour in summer", None),
        ("Residents of the capital Kingsport saw the roofs go", None),
        ("Orvik Oil fined: farmers sue Farmers claim Orvik Oil broke the rules", None),
        ("Mr Brandt - a senior Democrat on the board - said the pier was shut", None),
    ],
)
def test_a_date_label_or_a_heading_run_into_a_title_is_set_aside(
    text: str, expected: str | None
) -> None:
    assert finish_title(text) == (expected or text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "(Adds quote from harbour master, paragraph 4) The Kestrel port reopened its quay.",
            "The Kestrel port reopened its quay",
        ),
        (
            "(Updates with closing prices) (Recasts lead) Shares in Kestrel Mills fell 4 percent.",
            "Shares in Kestrel Mills fell 4 percent",
        ),
        (
            "KESTREL BAY, March 4 (Newswire) - The port authority closed the north quay.",
            "The port authority closed the north quay",
        ),
        (
            "Ferry firm sued KESTREL BAY (Newswire) - The port authority closed the north quay.",
            "The port authority closed the north quay",
        ),
        (
            "Dr Ada Pell weighs in KESTREL BAY -- The port authority closed the north quay.",
            "The port authority closed the north quay",
        ),
        (
            "PORT ELLA, Md. — The port authority closed the north quay.",
            "The port authority closed the north quay",
        ),
        (
            "The port authority closed the north quay after a crane fell (ID: nQ12345678).",
            "The port authority closed the north quay after a crane fell",
        ),
        (
            "The Kelso court [an error occurred while processing this directive] let the claim "
            "against the ferry firm go ahead.",
            "The Kelso court let the claim against the ferry firm go ahead",
        ),
        (
            "AP2011 The Ardmoor council voted to sell the old pier to a developer.",
            "The Ardmoor council voted to sell the old pier to a developer",
        ),
        (
            "(AP) AP2031 The Ardmoor council voted to sell the old pier to a developer.",
            "The Ardmoor council voted to sell the old pier to a developer",
        ),
        (
            "* Ferry firm also named as defendant * Council to appeal HALDEN, March 4 (Newswire) - "
            "A judge in Halden fined the ferry firm for the spill.",
            "A judge in Halden fined the ferry firm for the spill",
        ),
        (
            "* Ferry firm also named as defendant * Council to appeal",
            "Ferry firm also named as defendant",
        ),
        (
            "Velk Oil Plc (VLK. L) (VLK. N) cut its payout to shareholders by half.",
            "Velk Oil Plc cut its payout to shareholders by half",
        ),
        (
            "Shares in Kestrel Mills (NYSE: KML) fell 3 percent in early trade.",
            "Shares in Kestrel Mills fell 3 percent in early trade",
        ),
        # the sentence's own brackets and capitals stay
        ("The Ardmoor council (AC) voted to sell the pier to a developer.", None),
        ("The new toll (Mr. Li) was first asked for by the Halden board.", None),
        ("NATO said the Halden base (Building 4) would close in 2031.", None),
    ],
)
def test_wire_copy_glued_onto_a_sentence_is_off_its_title(
    sentence: str, expected: str | None
) -> None:
    assert cut_title(sentence) == (expected or sentence.rstrip("."))


@pytest.mark.parametrize(
    "sentence",
    ["Other bills moving in the Ardmoor council include: --", "Mayor Okafor told the crowd:"],
)
def test_a_list_lead_in_gives_no_title(sentence: str) -> None:
    assert cut_title(sentence) == ""


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Other bills moving in the Ardmoor council include: -- The planning committee "
            "approved a bill to widen the quay.",
            "The planning committee approved a bill to widen the quay",
        ),
        ("Measures include: a ban on night fishing from Monday.", None),
    ],
)
def test_a_list_lead_in_run_into_its_first_item_comes_off_the_title(
    sentence: str, expected: str | None
) -> None:
    assert cut_title(sentence) == (expected or sentence.rstrip("."))


def test_a_dated_lead_in_backs_an_event_but_is_not_shown() -> None:
    text = (
        "Kestrel port news\n\nOn Monday the Ardmoor council passed these bills: --\nA pier tax.\n"
    )
    at = text.index("Monday")
    timex = Timex(at, at + len("Monday"), "Monday", "DATE", "2031-03-03")
    drafts = build_mentions(text, [timex], dt.date(2031, 3, 5))
    lead_in = [draft for draft in drafts if "these bills" in draft.event.quote]
    assert [draft.kind for draft in lead_in] == ["support"]
    assert lead_in[0].event.title
