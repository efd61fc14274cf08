"""The pieces under the list: date display, line layout and the keyset page cache."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from timeline.store import Filter, NewEvent, Store
from timeline.tui.dates import format_date, format_preview
from timeline.tui.models.layout import Layout
from timeline.tui.models.pages import EventPages, position_of
from timeline.tui.widgets.safe_text import clean, literal


@pytest.mark.parametrize(
    ("start", "end", "approximate", "shown"),
    [
        ("2012", None, False, "2012"),
        ("2022-08", None, False, "Aug 2022"),
        ("2022-08-31", None, False, "31 Aug 2022"),
        ("2022-09-01", None, False, "1 Sep 2022"),
        ("2022-08-30", "2022-08-31", False, "30–31 Aug 2022"),
        ("2022-08-30", "2022-09-02", False, "30 Aug – 2 Sep 2022"),
        ("2021-12-30", "2022-01-02", False, "30 Dec 2021 – 2 Jan 2022"),
        ("2022-08", "2022-09", False, "Aug–Sep 2022"),
        ("2012", "2014", False, "2012–2014"),
        ("2022-08", None, True, "c. Aug 2022"),
        ("2022-08-31T14:30", None, False, "31 Aug 2022 14:30"),
        (None, None, False, "undated"),
    ],
)
def test_dates_are_written_for_their_precision(
    start: str | None, end: str | None, approximate: bool, shown: str
) -> None:
    assert format_date(start, end, approximate=approximate) == shown


def test_preview_names_the_precision() -> None:
    assert format_preview("2022-08-31", "day", None, False) == "→ 31 Aug 2022 · day"


def test_control_bytes_become_visible_and_markup_stays_text() -> None:
    assert clean("a\x1b[31mb\nc") == "a␛[31mb c"
    text = literal("[bold]x[/]")
    assert text.plain == "[bold]x[/]" and not text.spans


def test_layout_puts_headings_before_years_and_busy_months() -> None:
    years = [("2012", 1), ("2022", 30)]
    months = [("2022-08", 20), ("2022-09", 8)]
    layout = Layout.build(years, months, total=33)
    headings = {line: (h.text, h.count) for line, h in layout.headings.items()}
    # 2012, its event; 2022, two year-only events, August heading, 20, September heading, 8;
    # Undated heading, 2 events.
    assert headings == {
        0: ("2012", 1),
        2: ("2022", 30),
        5: ("August 2022", 20),
        26: ("September 2022", 8),
        35: ("Undated", 2),
    }
    assert layout.total == 33 and layout.lines == 38
    assert [layout.index_at(line) for line in (0, 1, 2, 3, 4, 5, 6)] == [
        None,
        0,
        None,
        1,
        2,
        None,
        3,
    ]
    assert all(layout.index_at(layout.line_of(i)) == i for i in range(33))
    assert layout.next_period(0, 4) == 1  # 2012 -> 2022
    assert layout.next_period(3, 7) == 23  # an August event -> first of September
    assert layout.previous_period(23, 7) == 3  # first of September -> first of August
    assert layout.previous_period(25, 7) == 23  # inside September -> its first


def test_quiet_years_get_no_month_headings() -> None:
    layout = Layout.build([("2022", 3)], [("2022-08", 2), ("2022-09", 1)], total=3)
    assert [h.text for h in layout.headings.values()] == ["2022"]


@pytest.fixture
def big_store(tmp_path: Path) -> Store:
    """1,234 events: clustered days, year-only, month-only and undated ones, random order."""
    rng = random.Random(7)
    events = []
    for n in range(1234):
        kind = rng.random()
        if kind < 0.05:
            start, precision = None, None
        elif kind < 0.15:
            start, precision = f"{rng.randint(2000, 2005)}", "year"
        elif kind < 0.3:
            start, precision = f"{rng.randint(2000, 2005)}-{rng.randint(1, 12):02d}", "month"
        else:
            start = f"{rng.randint(2000, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 3):02d}"
            precision = "day"
        word = rng.choice(["alpha", "beta", "gamma"])
        events.append(NewEvent(title=f"{word} {n}", start=start, precision=precision))
    store = Store.open(tmp_path / "big.db")
    store.add_events(events)
    return store


@pytest.mark.parametrize(
    "flt", [None, Filter(query="beta"), Filter(date_from="2002", date_to="2003-06")]
)
def test_pages_give_every_event_in_order_whatever_the_access_order(
    big_store: Store, flt: Filter | None
) -> None:
    everything = big_store.page_after(None, 10_000, flt)
    total = big_store.count(flt)
    layout = Layout.build(big_store.density(flt, "year"), big_store.density(flt, "month"), total)
    assert layout.total == len(everything)
    pages = EventPages(big_store, flt, layout)
    order = list(range(total))
    random.Random(1).shuffle(order)
    for index in [*order[:400], total - 1, 0, total // 2]:
        assert pages.get(index) == everything[index], index
    assert pages.get(total) is None


def test_pages_never_hold_more_than_their_limit(big_store: Store) -> None:
    layout = Layout.build(
        big_store.density(None, "year"), big_store.density(None, "month"), big_store.count()
    )
    pages = EventPages(big_store, None, layout)
    for index in range(layout.total):
        pages.get(index)
    assert len(pages.cached()) <= 48 * 100


def test_position_of_finds_an_event_or_says_it_is_filtered_out(big_store: Store) -> None:
    everything = big_store.page_after(None, 10_000)
    target = everything[500]
    assert position_of(big_store, target.id, None) == 500
    other = Filter(query="nomatchword")
    assert position_of(big_store, target.id, other) is None


def test_sketch_shows_both_ends_from_two_pages_and_walks_only_near_them(big_store: Store) -> None:
    everything = big_store.page_after(None, 10_000)
    total = len(everything)
    head, tail = everything[:200], everything[-200:]
    sketch = Layout.sketch_of(head, tail, total)
    assert sketch.sketch and sketch.total == total
    assert sketch.headings[0].text == everything[0].start[:4]  # type: ignore[index]
    pages = EventPages(big_store, None, sketch)
    pages.prefill(0, head)
    pages.prefill(total - 200, tail)
    # whole chunks of 100 at each end are cached: 0..199 and 1100..1233 of 1,234
    assert [pages.get(i) for i in (0, 199, 1100, total - 1)] == [
        everything[0],
        everything[199],
        everything[1100],
        everything[-1],
    ]
    assert pages.loads == 0  # both ends came from the two pages
    assert pages.get(600) == everything[600]  # within reach of a known key: walked
    pages.max_walk = 10
    assert pages.get(900) is None  # too far for a sketch: drawn as "…" until the full layout
