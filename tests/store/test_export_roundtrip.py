"""Exports read back: jsonl -> import -> jsonl is identical, the ICS reads back as the same
events with exclusive all-day ends, and every EDTF value parses to the bounds of its event."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from edtf import parse_edtf

from timeline.store import BadJSONL, Event, Filter, NewEvent, Store, export
from timeline.store.exporters import iter_events


def _text(store: Store, fmt: str) -> str:
    out = io.StringIO(newline="")
    export(store, out, fmt)
    return out.getvalue()


def test_jsonl_import_then_export_is_identical(export_store: Store, tmp_path: Path) -> None:
    first = _text(export_store, "jsonl")
    with Store.open(tmp_path / "copy.db") as copy:
        assert copy.import_jsonl(io.StringIO(first)) == 10
        assert _text(copy, "jsonl") == first
        assert _text(copy, "csv") == _text(export_store, "csv")


def test_jsonl_import_into_a_used_database_gives_new_ids_and_keeps_the_rest(
    export_store: Store, tmp_path: Path
) -> None:
    first = _text(export_store, "jsonl")
    with Store.open(tmp_path / "used.db") as used:
        for title in ("Harbour strike", "Bridge reopens", "Ferry timetable"):
            used.add_event(NewEvent(title=title, start="1999"))
        assert used.import_jsonl(io.StringIO(first)) == 10
        events = list(iter_events(used))
        assert len(events) == 13 and len({event.id for event in events}) == 13
        originals = {e.title: e for e in iter_events(export_store)}
        copies = [event for event in events if event.title in originals]
        assert len(copies) == 10
        moved = [e for e in copies if e.id != originals[e.title].id]
        assert {e.id for e in moved}.isdisjoint({1, 2, 3}) or not moved
        visit = next(e for e in copies if e.title == "Two-day visit to the port city")
        assert visit.tags == ("visit", "port; harbour", "diplomacy")


def test_jsonl_import_again_skips_every_identical_line(export_store: Store) -> None:
    first = _text(export_store, "jsonl")
    again = export_store.import_jsonl(io.StringIO(first))
    assert again == 0 and again.skipped == 10
    assert export_store.count() == 10


def test_jsonl_import_keeps_ranges_in_date_order_and_under_overlap_filters(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path / "a.db") as source:
        source.add_event(NewEvent(title="Long drought", start="2001", end="2003"))
        source.add_event(NewEvent(title="Dam opens", start="2010-06-02"))
        source.add_event(NewEvent(title="Old treaty", start="-0043"))
        lines = _text(source, "jsonl")
    with Store.open(tmp_path / "b.db") as copy:
        copy.import_jsonl(io.StringIO(lines))
        order = [e.title for e in iter_events(copy)]
        assert order == ["Old treaty", "Long drought", "Dam opens"]
        under = copy.page_after(None, 50, Filter(date_from="2002", date_to="2002"))
        assert [e.title for e in under] == ["Long drought"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 2: not JSON"),
        ('{"title": ""}', "line 2: an event needs a title"),
        ('{"title": "x", "start": "31 Aug"}', "line 2: date '31 Aug' is not an ISO date"),
        ('{"title": "x", "tags": "a"}', "line 2: tags must be a list"),
        ('["x"]', "line 2: expected a JSON object"),
        ('{"title": "x", "id": -3}', "line 2: id must be a positive whole number"),
    ],
)
def test_a_bad_jsonl_line_is_named_and_nothing_is_imported(
    store: Store, line: str, message: str
) -> None:
    good = json.dumps({"title": "fine", "start": "2012"})
    with pytest.raises(BadJSONL, match=message):
        store.import_jsonl(io.StringIO(f"{good}\n{line}\n"))
    assert store.count() == 0


def _period_end(iso: str) -> date:
    """The last day of the period an ISO value names (CE values only)."""
    year, _, rest = iso.partition("-")
    if not rest:
        return date(int(year), 12, 31)
    if len(rest) == 2:
        month = int(rest)
        return date(int(year) + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return date.fromisoformat(iso[:10])


def _by_uid(store: Store, short: bool = False) -> dict[str, icalendar.Event]:
    """The calendar's events by UID (`short`: by the event id alone)."""
    calendar = icalendar.Calendar.from_ical(_text(store, "ics"))
    items = {str(item["UID"]): item for item in calendar.walk("VEVENT")}
    return {uid.split(".")[0]: item for uid, item in items.items()} if short else items


def test_ics_reads_back_as_the_same_events(export_store: Store) -> None:
    items = _by_uid(export_store)
    events = [e for e in iter_events(export_store) if e.start and not e.start.startswith("-")]
    dbid = export_store.database_id()
    assert sorted(items) == sorted(f"{e.id}.{dbid}@timeline" for e in events)
    for event in events:
        item = items[f"{event.id}.{dbid}@timeline"]
        assert str(item["SUMMARY"]) == event.title
        start = item.decoded("DTSTART")
        if event.precision == "minute":
            assert start == datetime.fromisoformat(event.start) and start.tzinfo is None
            continue
        assert type(start) is date
        # all-day: DTEND is the day after the last day (exclusive), whatever the precision
        last = _period_end(event.end or event.start)
        assert item.decoded("DTEND") == last + timedelta(days=1)
        transparent = str(item.get("TRANSP", "OPAQUE")) == "TRANSPARENT"
        assert transparent == (event.precision in ("year", "month"))
        assert [str(tag) for tag in _categories(item)] == list(event.tags)


def _categories(item: icalendar.Event) -> list[str]:
    value = item.get("CATEGORIES")
    if value is None:
        return []
    return [str(cat) for cat in value.cats]


def test_ics_all_day_ends_are_exclusive(export_store: Store) -> None:
    items = _by_uid(export_store, short=True)
    assert items["6"].decoded("DTEND") == date(2022, 9, 1)  # 30-31 Aug
    assert items["9"].decoded("DTEND") == date(2023, 1, 3)  # 31 Dec - 2 Jan
    assert items["5"].decoded("DTSTART") == date(2022, 8, 1)
    assert str(items["5"]["X-TIMELINE-EDTF"]) == "2022-08~"


def _bounds(event: Event) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day (year, month, day) an event covers, BCE years included."""
    assert event.start is not None

    def split(iso: str) -> list[int]:
        sign = -1 if iso.startswith("-") else 1
        pieces = [int(p) for p in iso.lstrip("-")[:10].split("-")]
        return [sign * pieces[0], *pieces[1:]]

    start, end = split(event.start), split(event.end or event.start)
    first = (start[0], start[1] if len(start) > 1 else 1, start[2] if len(start) > 2 else 1)
    month = end[1] if len(end) > 1 else 12
    leap = end[0] % 4 == 0 and (end[0] % 100 != 0 or end[0] % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return first, (end[0], month, end[2] if len(end) > 2 else days)


def test_every_edtf_value_parses_to_the_events_bounds(export_store: Store) -> None:
    import csv

    rows = list(csv.DictReader(io.StringIO(_text(export_store, "csv"))))
    events = {event.id: event for event in iter_events(export_store)}
    checked = 0
    for row in rows:
        event = events[int(row["id"])]
        if not row["edtf"]:
            assert event.start is None
            continue
        parsed = parse_edtf(row["edtf"])
        assert (tuple(parsed.lower_strict())[:3], tuple(parsed.upper_strict())[:3]) == _bounds(
            event
        ), row["edtf"]
        checked += 1
    assert checked == 9  # every dated event, BCE ones included


def test_a_bce_start_goes_out_in_every_format(store: Store) -> None:
    store.add_event(NewEvent(title="A day in 44 BCE", start="-0043-03-15"))
    assert '"Year"' not in _text(store, "timelinejs-csv")
    assert _text(store, "timelinejs-csv").splitlines()[1].startswith("-44,3,15,")
    assert '"start_date": {"year": -44, "month": 3, "day": 15}' in _text(store, "timelinejs-json")
    assert "### 15 Mar 44 BCE — A day in 44 BCE" in _text(store, "markdown")
    assert "VEVENT" not in _text(store, "ics")
    assert '"start": "-0043-03-15"' in _text(store, "jsonl")
    assert ",-0043-03-15," in _text(store, "csv")
