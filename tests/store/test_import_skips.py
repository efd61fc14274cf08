"""Imports into a database that already holds events skip rows identical to a stored event,
and only those: per-row probes for a small file, one fingerprint scan for a large one, both
giving the same answer, with undated and sourceless events (which share one index key)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from timeline.store import NewEvent, Store
from timeline.store.bulk import PROBES_BEFORE_SCAN


def _csv(rows: list[tuple[str, str, str]]) -> io.StringIO:
    lines = ["title,start,details"] + [f'"{t}",{s},"{d}"' for t, s, d in rows]
    return io.StringIO("\r\n".join(lines) + "\r\n")


def _titles(store: Store) -> list[str]:
    return sorted(row[0] for row in store.db.execute("SELECT title FROM events"))


@pytest.mark.parametrize("size", [20, PROBES_BEFORE_SCAN * 4])
def test_only_rows_identical_to_stored_events_are_skipped(tmp_path: Path, size: int) -> None:
    with Store.open(tmp_path / "t.db") as store:
        stored = [(f"Stored {i}", "" if i % 5 == 0 else "2001", f"note {i}") for i in range(size)]
        store.import_csv(_csv(stored))
        # the same rows again, then each changed in one field, then new ones
        changed = [(t, s, d + " changed") for t, s, d in stored[: size // 2]]
        fresh = [(f"New {i}", "2001", "") for i in range(size)]
        again = store.import_csv(_csv(stored + changed + fresh))
        assert (again, again.skipped) == (size // 2 + size, size)
        assert store.count() == size + size // 2 + size


@pytest.mark.parametrize("size", [3, PROBES_BEFORE_SCAN * 2])
def test_identical_rows_of_one_file_all_go_in_as_into_an_empty_database(
    tmp_path: Path, size: int
) -> None:
    rows = [("Twice", "1999", "")] * 2 + [(f"Row {i}", "1999", "") for i in range(size)]
    with Store.open(tmp_path / "empty.db") as empty:
        assert empty.import_csv(_csv(rows)) == size + 2
    with Store.open(tmp_path / "busy.db") as busy:
        busy.add_event(NewEvent(title="Already here", start="1999"))
        assert busy.import_csv(_csv(rows)) == size + 2
        assert _titles(busy).count("Twice") == 2


def test_jsonl_lines_equal_to_stored_events_are_skipped_past_the_scan(tmp_path: Path) -> None:
    size = PROBES_BEFORE_SCAN * 2
    with Store.open(tmp_path / "t.db") as store:
        store.import_csv(_csv([(f"Event {i}", "2010-05", "") for i in range(size)]))
        lines = io.StringIO()
        for event in store.page_after(None, size):
            data = {"title": event.title, "start": event.start}
            lines.write(json.dumps(data) + "\n")
        lines.write(json.dumps({"title": "Only in the file", "start": "2010-05"}) + "\n")
        lines.seek(0)
        done = store.import_jsonl(lines)
        assert (done, done.skipped) == (1, size)
        assert store.count() == size + 1
