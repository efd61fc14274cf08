"""Years before the common era in articles: found by the tagger, stored as astronomical years,
sorted before the common era, and never put on the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.pipeline import ingest_bytes
from timeline.ingest.tagger.timex import find_timexes
from timeline.store import Store

PUBLISHED = dt.date(2031, 6, 12)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Varro was stabbed on 15 March 44 BC near the forum.", "15 March 44 BC", "BC0044-03-15"),
        ("A silver coin struck in 46 BC was raised from the ford.", "46 BC", "BC0046"),
        ("The old king died in 44 BC, the tablets say.", "44 BC", "BC0044"),
        ("Ash from the mountain buried Lessum in AD 79.", "AD 79", "0079"),
        ("The shrine was built in the 5th century BC by traders.", "the 5th century BC", "BC04"),
        ("On March 15, 44 B.C., the senate met.", "March 15, 44 B.C.", "BC0044-03-15"),
        ("The harbour wall was finished in 210 BCE.", "210 BCE", "BC0210"),
        ("By 30 CE the town had a market.", "30 CE", "0030"),
    ],
)  # fmt: skip
def test_the_tagger_finds_years_with_their_era(sentence: str, text: str, value: str) -> None:
    found = [(t.text, t.value) for t in find_timexes(sentence, PUBLISHED)]
    assert found == [(text, value)]


def test_an_ad_campaign_is_not_a_year() -> None:
    found = find_timexes("The ad 50 times a day annoyed us.", PUBLISHED)
    assert [t.text for t in found] == ["50 times a day"]


ARTICLE = """Divers lift a coin from the Varrow ford

A team of divers working the ford at Varrow lifted a silver coin that was struck in 46 BC.

The general Castor Vell was killed on 15 March 44 BC, according to the museum's catalogue.

The port of Lessum was buried by ash in AD 79, and its harbour was never rebuilt.
"""


def test_bce_events_are_stored_astronomically_and_sorted_first(store: Store) -> None:
    result = ingest_bytes(store, ARTICLE.encode(), "varrow.txt", published=PUBLISHED)
    assert result.error is None
    events = store.page_after(None, 20)
    dated = [(e.start, e.precision) for e in events if e.start is not None]
    assert ("-0045", "year") in dated
    assert ("-0043-03-15", "day") in dated
    assert ("0079", "year") in dated
    starts = [start for start, _ in dated]
    assert starts.index("-0045") < starts.index("-0043-03-15") < starts.index("0079")
    assert all(not start.startswith("2031") for start in starts[:3])
    bce = [e for e in events if e.start in ("-0045", "-0043-03-15", "0079")]
    assert {e.date_basis for e in bce} == {"expression"}  # read from the text, not counted
