"""Sentence splitting, headlines and wire datelines: each function's table, then long inputs."""

from __future__ import annotations

import pytest

from timeline.ingest.reader.sentences import dateline_end, find_headline, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Headline here\n\nBody one. Body two!", ["Headline here", "Body one.", "Body two!"]),
        ("Maj. Gen. Amir Eshel came. He left.", ["Maj. Gen. Amir Eshel came.", "He left."]),
        ("It met on Aug. 31 in Tokyo. Then rain.", ["It met on Aug. 31 in Tokyo.", "Then rain."]),
        ("The U.S. agreed. J. Smith said so.", ["The U.S. agreed.", "J. Smith said so."]),
        ("He said: “We agree.” She nodded.", ["He said: “We agree.”", "She nodded."]),
        ("Lieutenant General (Ret.) Gantz spoke.", ["Lieutenant General (Ret.) Gantz spoke."]),
        # a ticker written with a space after its stop is no sentence end
        ("Kestrel Mills (KML. L) fell. It shut.", ["Kestrel Mills (KML. L) fell.", "It shut."]),
        ("Velk Oil (NYSE: VLK. N) said so.", ["Velk Oil (NYSE: VLK. N) said so."]),
        ("Orvik (ORV. L)(ORV. N) rose.", ["Orvik (ORV. L)(ORV. N) rose."]),
        # a page that broke its line inside a ticker goes on on the next line
        ("Velk Oil (VLK.\nL) rose. It paid.", ["Velk Oil (VLK.\nL) rose.", "It paid."]),
        ("Velk Oil rose (in May.\nLater) it fell.", ["Velk Oil rose (in May.", "Later) it fell."]),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel and Japan sign pact\n\nBody text here.", "Israel and Japan sign pact"),
        ("image Photo: Someone (Agency)\n\nJapan, Israel Sign Pact\n", "Japan, Israel Sign Pact"),
        ("# Markdown Headline Of Note\n\nBody.", "Markdown Headline Of Note"),
        ("This article opens with prose at once.\nMore.", None),
        ("Two words\n", None),
    ],
)
def test_find_headline(text: str, expected: str | None) -> None:
    span = find_headline(text)
    assert (text[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("TOKYO, 31 August 2022 - The minister arrived.", "The minister arrived."),
        ("TOKYO (Reuters) - The minister arrived.", "The minister arrived."),
        ("TOKYO, Aug. 31 (Reuters) — The minister arrived.", "The minister arrived."),
        ("NEW YORK, Sept 1, 2022 – Markets fell.", "Markets fell."),
        ("KYIV, Ukraine, 5 March 2022 (AP) -- Sirens sounded.", "Sirens sounded."),
        ("OSLO - Talks resumed.", "Talks resumed."),
        ("The minister arrived in Tokyo - by train.", None),
        ("TOKYO is large - and busy.", None),
        ("Tokyo, 31 August 2022 - The minister arrived.", None),
        ("US officials, in a note - The minister arrived.", None),
    ],
)
def test_dateline_end(sentence: str, rest: str | None) -> None:
    end = dateline_end(sentence)
    assert (sentence[end:] if end is not None else None) == rest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wait... What now?", ["Wait...", "What now?"]),
        ("It rose 5 p.m. Friday. Then it fell.", ["It rose 5 p.m. Friday.", "Then it fell."]),
        ("Dr. Ng left.  Prof. Ito stayed.", ["Dr. Ng left.", "Prof. Ito stayed."]),
        ("Stocks fell!! Bonds rose?! Gold held.", ["Stocks fell!!", "Bonds rose?!", "Gold held."]),
        ("The vote was 9-2. 'We won,' she said.", ["The vote was 9-2.", "'We won,' she said."]),
        ("Ask Gov. Lee. He knows.", ["Ask Gov. Lee.", "He knows."]),
    ],
)
def test_split_sentences_stops_quotes_and_titles(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Mr. " * 20_000, 1),  # every stop follows a title: one long sentence
        ("." * 200_000, 1),  # one run of stops and nothing after it
        ("Gen. Aug. " * 10_000, 1),
        ("A. " * 20_000, 1),  # initials all the way
        ("Yes. " * 20_000, 20_000),
    ],
)
def test_split_sentences_of_long_repeated_text(text: str, count: int) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == count
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ferry strike ends in Orvik The union said on Monday that crews would return.",
            ["Ferry strike ends in Orvik", "The union said on Monday that crews would return."],
        ),
        (
            "Crews cleared the quay When Mayor Brandt arrived, rain fell.",
            ["Crews cleared the quay", "When Mayor Brandt arrived, rain fell."],
        ),
        ("He told The Herald that talks failed.", ["He told The Herald that talks failed."]),
        ("She said “the sea It rose” and left.", ["She said “the sea It rose” and left."]),
    ],
)
def test_a_heading_run_into_a_sentence_without_a_stop_is_a_sentence_of_its_own(
    text: str, expected: list[str]
) -> None:
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wrapped inside a clause, the next line going on in lower case: one sentence
        (
            "Cllr. Ilse Brandvik, of the Ardmoor ward,\nlate on Friday withdrew her offer.",
            ["Cllr. Ilse Brandvik, of the Ardmoor ward,\nlate on Friday withdrew her offer."],
        ),
        ("The ferry to the quay\nsailed at dawn.", ["The ferry to the quay\nsailed at dawn."]),
        # a finished line, a heading before a capital, or a capital after a comma: apart
        ("The quay shut.\nthen it rained.", ["The quay shut.", "then it rained."]),
        ("Quay shuts\nThe ferry sailed.", ["Quay shuts", "The ferry sailed."]),
        ("In Orvik,\nThe ferry sailed.", ["In Orvik,", "The ferry sailed."]),
    ],
)
def test_a_line_wrapped_inside_a_clause_joins_the_next(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


WRAPPED = (
    "Harbour to close\n"
    "\n"
    "The Ardmoor council voted on Monday to close the harbour for two\n"
    "weeks while divers look at the sea wall, Mayor Ada Okafor said. The\n"
    "Harbour Board objected to the plan on Tuesday, saying fishermen would\n"
    "lose a month of catch.\n"
    "Divers from Orvik begin on Friday.\n"
)


def test_a_text_wrapped_at_a_width_is_read_in_sentences_not_lines() -> None:
    found = [" ".join(WRAPPED[s.start : s.end].split()) for s in split_sentences(WRAPPED)]
    assert found == [
        "Harbour to close",
        "The Ardmoor council voted on Monday to close the harbour for two weeks while divers "
        "look at the sea wall, Mayor Ada Okafor said.",
        "The Harbour Board objected to the plan on Tuesday, saying fishermen would lose a month "
        "of catch.",
        "Divers from Orvik begin on Friday.",
    ]


def test_a_page_with_a_line_per_paragraph_is_read_line_by_line() -> None:
    page = (
        "Harbour to close\n"
        "The Ardmoor council voted on Monday to close the harbour for two weeks\n"
        "Share this story\n"
        "Divers from Orvik, hired by the council after a long tender, begin on Friday\n"
        "Related stories\n"
    )
    found = [page[s.start : s.end] for s in split_sentences(page)]
    assert found == [line for line in page.split("\n") if line]
