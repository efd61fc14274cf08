"""The one owner of dates: EDTF in SQL equals EDTF in Python, and dates written for people
read back to the dates they were written from."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.store import NewEvent, Store
from timeline.store.dates import YearOutOfRange, add_days, iso_year, precision_of
from timeline.store.edtf import edtf_sql, from_edtf, to_edtf
from timeline.store.models import sort_key
from timeline.store.written_dates import format_date, read_for_people

VALUES = [
    "2022",
    "2022-08",
    "2022-08-31",
    "2022-08-31T14:30",
    "-0043",
    "-0043-03",
    "-0043-03-15",
    "-0043-03-15T09:05",
    "0000",
    "0014-02-01",
]
ENDS: dict[str, list[str | None]] = {
    "year": [None, "2030", "-0040"],
    "month": [None, "2031-02"],
    "day": [None, "2031-09-01"],
    "minute": [None, "2031-09-01T18:00"],
}


def _cases() -> list[tuple[str, str | None, bool]]:
    """Every precision, alone and as a range, exact and approximate, CE and BCE."""
    cases = []
    for start, approximate in itertools.product(VALUES, (False, True)):
        precision = precision_of(start) or ""
        for end in ENDS[precision]:
            if end is None or sort_key(end) >= sort_key(start):
                cases.append((start, end, approximate))
    return cases


def test_edtf_from_sql_equals_edtf_from_python(store: Store) -> None:
    cases = _cases()
    assert len(cases) > 30
    ids = [
        store.add_event(NewEvent(f"happening {n}", start, end=end, approximate=approx)).id
        for n, (start, end, approx) in enumerate(cases)
    ]
    store.add_event(NewEvent("no date at all"))
    rows = store.db.execute(
        f'SELECT e.id, e.start, e."end", e.precision, e.approximate, {edtf_sql("e")} '
        "FROM events e ORDER BY e.id"
    ).fetchall()
    assert [row[0] for row in rows[:-1]] == ids
    for _, start, end, precision, approximate, from_sql in rows:
        assert from_sql == to_edtf(start, end, precision, bool(approximate))
    assert rows[-1][-1] == ""


@pytest.mark.parametrize(("start", "end", "approximate"), _cases())
def test_edtf_reads_back(start: str, end: str | None, approximate: bool) -> None:
    read = from_edtf(to_edtf(start, end, precision_of(start), approximate))
    assert read is not None
    assert (read.start, read.end, read.approximate) == (start, end, approximate)


@pytest.mark.parametrize(
    ("start", "end", "approximate", "shown"),
    [
        ("2022-08-31", None, False, "31 Aug 2022"),
        ("2022-08", None, False, "Aug 2022"),
        ("2012", None, False, "2012"),
        ("-0043", None, False, "44 BCE"),
        ("0000", None, False, "1 BCE"),
        ("-9999", "0000", False, "10000–1 BCE"),
        ("0014", None, False, "14"),
        ("2022-08", None, True, "c. Aug 2022"),
        ("2022-08-30", "2022-08-31", False, "30–31 Aug 2022"),
        ("2022-08-30", "2022-09-02", False, "30 Aug – 2 Sep 2022"),
        ("2022-06", "2022-08", False, "Jun–Aug 2022"),
        ("-0043", "-0040", False, "44–41 BCE"),
        ("-0003", "0014", False, "4 BCE – 14 CE"),
        ("-0043-03-15", None, False, "15 Mar 44 BCE"),
        ("2022-08-31T14:30", None, False, "31 Aug 2022 14:30"),
        (None, None, False, "undated"),
    ],
)
def test_format_date(start: str | None, end: str | None, approximate: bool, shown: str) -> None:
    assert format_date(start, end, approximate) == shown
    assert read_for_people(shown) == (start, end, approximate)


def test_years_the_store_cannot_keep_are_refused() -> None:
    assert iso_year(-9999) == "-9999"
    with pytest.raises(YearOutOfRange, match="10001"):
        iso_year(10001)
    with pytest.raises(YearOutOfRange, match="BCE"):
        iso_year(-10000)


@st.composite
def stored_dates(draw: st.DrawFn) -> tuple[str, str | None, bool]:
    """Any date the store keeps: a precision, an optional later end of the same precision."""
    precision = draw(st.sampled_from(["year", "month", "day", "minute"]))

    def value() -> str:
        year = draw(st.integers(-9999, 9999))
        text = iso_year(year)
        if precision != "year":
            text += f"-{draw(st.integers(1, 12)):02d}"
        if precision in ("day", "minute"):
            text += f"-{draw(st.integers(1, 28)):02d}"
        if precision == "minute":
            text += f"T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        return text

    start = value()
    end = value() if draw(st.booleans()) else None
    if end is not None and sort_key(end) < sort_key(start):
        start, end = end, start
    if end == start:
        end = None
    return start, end, draw(st.booleans())


@given(stored_dates())
def test_every_date_written_for_people_reads_back(date: tuple[str, str | None, bool]) -> None:
    start, end, approximate = date
    assert read_for_people(format_date(start, end, approximate)) == (start, end, approximate)


@pytest.mark.parametrize(
    ("value", "days", "expected"),
    [
        ("2031-02-28", 1, "2031-03-01"),
        ("2032-02-28T09:15", 1, "2032-02-29"),
        ("0001-01-01", -1, "0000-12-31"),
        ("0000-02-28", 1, "0000-02-29"),  # year 0 (1 BCE) is a leap year, as 400 is
        ("-0211-12-27", 10, "-0210-01-06"),
        ("-0043-03-15", -366, "-0044-03-14"),
        ("2031-05", 3, None),
        ("9999-12-31", 1, None),
    ],
)
def test_days_count_across_the_common_era(value: str, days: int, expected: str | None) -> None:
    assert add_days(value, days) == expected
