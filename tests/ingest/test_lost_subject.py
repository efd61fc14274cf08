"""A title's subject cut off by a line break inside its sentence, put back from the line before."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.events import build_mentions
from timeline.ingest.reader.lost_subject import restore_subject
from timeline.ingest.tagger.timex import find_timexes


@pytest.mark.parametrize(
    ("title", "before", "expected"),
    [
        (
            "Late Thursday withdrew her offer to the Orvik mill",
            ["Cllr. Ilse Brandvik, of the Ardmoor ward,"],
            "[Brandvik] late Thursday withdrew her offer to the Orvik mill",
        ),
        (
            "Was told, “Resign now”",
            ["Mayor Tomas Orrin"],
            "[Orrin] was told, “Resign now”",
        ),
        ("Was told, “Resign now”", ["Rain fell on the quay."], None),  # a finished sentence
        ("Was told, “Resign now”", ["Tomas Orrin and Ada Velk"], None),  # two people
        # titles that open on their subject, or on no lost one
        ("The mill was told to shut", ["Mayor Tomas Orrin"], "The mill was told to shut"),
        (
            "This week retired judge Ada Velk spoke",
            ["Tomas Orrin,"],
            "This week retired judge Ada Velk spoke",
        ),
        ("Was the mill ever safe", ["Tomas Orrin,"], "Was the mill ever safe"),
    ],
)
def test_a_title_opening_on_its_verb_gets_the_subject_the_line_before_left_unfinished(
    title: str, before: list[str], expected: str | None
) -> None:
    assert restore_subject(title, before) == expected


def test_a_sentence_broken_over_two_lines_keeps_its_subject_or_only_supports() -> None:
    day = dt.date(2031, 5, 9)  # a Friday
    text = (
        "Mill news\n\nCllr. Ilse Brandvik, of the Ardmoor ward,\nlate Thursday withdrew her "
        "offer to the Orvik mill.\n\nRain fell on the quay.\nWas told on Thursday, “Resign "
        "now.”\n"
    )
    drafts = build_mentions(text, find_timexes(text, day), day)
    by_quote = {d.event.quote.split()[1]: d for d in drafts}
    # the line going on in lower case is read with the one before, as one sentence
    assert by_quote["Ilse"].event.title.startswith("Cllr. Ilse Brandvik, of the Ardmoor ward,")
    assert "withdrew her offer" in by_quote["Ilse"].event.title
    assert by_quote["Ilse"].kind == "event"
    assert by_quote["told"].kind == "support"
