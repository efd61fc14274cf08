"""Years before 1 AD, stored as astronomical years, in order everywhere: list, filter, jump,
chart, keyset pages, EDTF and CSV."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.store import BadEvent, Filter, NewEvent, Store, from_edtf, to_edtf

ANCIENT = [
    ("Founding of the city", "-0752", None),
    ("Carthage falls", "-0145", None),
    ("Caesar killed", "-0043-03-15", None),
    ("A reign", "-0026", "0014"),
    ("Year one before the era", "0000", None),
    ("Year one", "0001", None),
    ("A modern event", "2022-08", None),
]


def _fill(store: Store) -> None:
    for title, start, end in reversed(ANCIENT):
        store.add_event(NewEvent(title=title, start=start, end=end))


def test_bce_years_come_in_date_order_across_year_zero(store: Store) -> None:
    _fill(store)
    assert [e.title for e in store.page_after(None, 20)] == [t for t, _, _ in ANCIENT]


def test_keyset_pages_walk_across_year_zero_both_ways(store: Store) -> None:
    _fill(store)
    titles, key = [], None
    while page := store.page_after(key, 2):
        titles += [e.title for e in page]
        key = page[-1].key
    assert titles == [t for t, _, _ in ANCIENT]
    back, key = [], None
    while page := store.page_before(key, 3):
        back = [e.title for e in page] + back
        key = page[0].key
    assert back == titles


def test_a_bce_range_is_accepted_and_a_reversed_one_refused(store: Store) -> None:
    event = store.add_event(NewEvent(title="War", start="-0264", end="-0241"))
    assert (event.start, event.end) == ("-0264", "-0241")
    with pytest.raises(BadEvent, match="comes before"):
        store.add_event(NewEvent(title="Backwards", start="-0241", end="-0264"))


@pytest.mark.parametrize("bad", ["-0000", "-0044-02-30", "-0043-13"])
def test_impossible_bce_dates_are_refused(store: Store, bad: str) -> None:
    with pytest.raises(BadEvent):
        store.add_event(NewEvent(title="x", start=bad))


def test_filters_jumps_and_the_chart_follow_bce_order(store: Store) -> None:
    _fill(store)
    only = Filter(date_from="-0200", date_to="-0044")
    assert [e.title for e in store.page_after(None, 10, only)] == ["Carthage falls"]
    key = store.key_at_or_after("-0050")
    assert key is not None and store.get_event(key[1]).title == "Caesar killed"
    years = [period for period, _ in store.density()]
    assert years == ["-0752", "-0145", "-0043", "-0026", "0000", "0001", "2022"]
    assert store.density(unit="month") == [("-0043-03", 1), ("2022-08", 1)]


def test_edtf_writes_and_reads_astronomical_years() -> None:
    assert to_edtf("-0043", None, "year", False) == "-0043"
    assert to_edtf("-0043-03-15", "-0043-03-17", "day", True) == "-0043-03-15~/-0043-03-17~"
    read = from_edtf("-0264/-0241")
    assert read is not None and (read.start, read.end) == ("-0264", "-0241")


def test_csv_keeps_bce_dates_and_ranges_exactly(store: Store, tmp_path: object) -> None:
    _fill(store)
    first = io.StringIO()
    store.export_csv(first)
    other = Store.open(tmp_path / "copy.db")  # type: ignore[operator]
    try:
        other.import_csv(io.StringIO(first.getvalue()))
        again = io.StringIO()
        other.export_csv(again)
    finally:
        other.close()
    assert again.getvalue() == first.getvalue()
    assert ",-0043-03-15,,day,0,-0043-03-15," in first.getvalue()


def _iso_dates() -> st.SearchStrategy[str]:
    years = st.integers(-9999, 9999).map(lambda y: f"-{-y:04d}" if y < 0 else f"{y:04d}")
    return st.one_of(
        years,
        st.tuples(years, st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}"),
        st.tuples(years, st.integers(1, 12), st.integers(1, 28)).map(
            lambda p: f"{p[0]}-{p[1]:02d}-{p[2]:02d}"
        ),
    )


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n,\"';=+-@"),
    max_size=12,
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(_TEXT.filter(str.strip), _iso_dates(), _iso_dates(), st.booleans(), _TEXT),
        max_size=8,
    )
)
def test_export_import_export_is_byte_identical(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, bool, str]]
) -> None:
    from timeline.store.models import sort_key

    folder = tmp_path_factory.mktemp("round")
    with Store.open(folder / "a.db") as first:
        for title, a, b, approximate, details in rows:
            start, end = sorted((a, b), key=sort_key)
            if len(start) == len(end):  # a range of one precision, as the form makes
                first.add_event(NewEvent(title, start, end=end, approximate=approximate))
            else:
                first.add_event(NewEvent(title, start, details=details))
        one = io.StringIO()
        first.export_csv(one)
    with Store.open(folder / "b.db") as second:
        second.import_csv(io.StringIO(one.getvalue()))
        two = io.StringIO()
        second.export_csv(two)
    assert two.getvalue() == one.getvalue()
