"""A large CSV file is read in a worker process and checked a column at a time: what it stores
and every message it gives are those of the record-by-record path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from timeline.store import Store, csv_worker

HEADER = (
    "id,start,end,precision,approximate,title,details,quote,tags,"
    "source_title,source_url,source_published\r\n"
)
linux_only = pytest.mark.skipif(
    sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2,
    reason="the worker runs on Linux with two cores",
)


def plain_rows(count: int, first: int = 0) -> list[str]:
    """Records in the export layout that the column-wise check takes whole."""
    rows = []
    for n in range(first, first + count):
        year = 1850 + n % 170
        start = (f"{year}", f"{year}-{n % 12 + 1:02d}", f"{year}-03-{n % 28 + 1:02d}")[n % 3]
        end = f"{year + 2}" if n % 40 == 0 else ""
        precision = ("year", "month", "day")[n % 3] if n % 2 else ""
        source = (f"Gazette {n % 9},https://example.org/{n % 9},", ",,")[n % 2]
        rows.append(
            f"{n + 1 if n % 5 else ''},{start},{end},{precision},{'1' if n % 7 == 0 else ''},"
            f"Harbour works item {n},Crane {n} moved,,port;works,{source}\r\n"
        )
    return rows


ODD_ROWS = [  # each sends its batch record by record
    ",,,,,Undated note,,,,,,\r\n",
    ",1999~,,,,Roughly then,,,,,,\r\n",
    ',2001-02,,,yes,"  Spaced title  ","two\r\nlines",,,,,\r\n',
    "\r\n",
    ",2003,,,,'=SUM(A1),'+x,'-y,'@z;a\\;b,,,\r\n",
    "7,2004-02,2004-06,month,~,Range with a taken id,,,,,,\r\n",
    ",-0044-03-15,,day,,Ides,,,,,,\r\n",
    ",2005,,,,Short record\r\n",
]


def write(path: Path, rows: list[str]) -> Path:
    """A CSV file of the export header and these records."""
    path.write_text(HEADER + "".join(rows), encoding="utf-8", newline="")
    return path


RUN = """
import json, sys
from timeline.store import Store, StoreError, csv_columns, csv_load, csv_worker

path, db, how = sys.argv[1:4]
seen = {"workers": 0, "whole_batches": 0}
read_in_worker, values = csv_worker.read_in_worker, csv_columns.Checked.values

def counted_worker(*args):
    seen["workers"] += 1
    return read_in_worker(*args)

def counted_values(self, *args):
    result = values(self, *args)
    seen["whole_batches"] += result is not None
    return result

class Parsed:
    start, precision, end, approximate = "1987-10-17", "day", None, False

def parse_date(text):
    seen.setdefault("asked", []).append(text)
    return Parsed()

csv_load.read_in_worker = counted_worker
csv_columns.Checked.values = counted_values if how != "record by record" else lambda *_: None
csv_worker.MIN_BYTES = 1 if how == "worker" else 1 << 62
with Store.open(db) as store, open(path, encoding="utf-8-sig", newline="") as inp:
    try:
        store.import_csv(inp, parse_date if "parser" in sys.argv else None)
    except StoreError as exc:
        seen["error"] = str(exc)
    seen["rows"] = store.db.execute(
        'SELECT e.id, e.title, e.start, e."end", e.precision, e.approximate, e.details, '
        "e.quote, e.tags, s.title, s.url, e.sort, e.sort_end FROM events e "
        "LEFT JOIN sources s ON s.id = e.source_id ORDER BY e.id"
    ).fetchall()
print(json.dumps(seen))
"""
"""An import in a process of its own, as `timeline import` runs it (a test process may hold
threads other tests left, and the worker is never forked beside other threads)."""


def load(path: Path, db: Path, how: str = "worker", *flags: str) -> dict[str, Any]:
    """Import a file by path in a new process: `how` is "worker", "here" (this process, a
    column at a time where it can) or "record by record". What it stored and said."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(path), str(db), how, *flags],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TIMELINE_IMPORT_WORKER": "always"},  # idle core or not
    )
    result: dict[str, Any] = json.loads(done.stdout)
    result["rows"] = [tuple(row) for row in result["rows"]]
    return result


@linux_only
def test_the_worker_and_column_checks_store_what_record_by_record_does(tmp_path: Path) -> None:
    rows = plain_rows(12_000) + ODD_ROWS + plain_rows(100, first=20_000)
    path = write(tmp_path / "mixed.csv", rows)
    fast = load(path, tmp_path / "fast.db")
    assert fast["workers"] == 1
    here = load(path, tmp_path / "here.db", "here")
    assert here["whole_batches"] == 2  # the third batch holds the odd rows
    slow = load(path, tmp_path / "slow.db", "record by record")
    assert fast["rows"] == here["rows"] == slow["rows"]
    assert len(fast["rows"]) == 12_000 + 100 + len(ODD_ROWS) - 1  # a blank line is no record
    assert fast["rows"][0] == (
        1,
        "Harbour works item 0",
        "1850",
        "1852",
        "year",
        1,
        "Crane 0 moved",
        "",
        "port; works",
        "Gazette 0",
        "https://example.org/0",
        "11850",
        "11852~",
    )


@linux_only
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (",2020-02-30,,,,Leap day that never was,,,,,,\r\n", "column start"),
        (",2020,2019,,,Ends before it starts,,,,,,\r\n", "column end"),
        (",2020,,,,Bell \x07 rings,,,,,,\r\n", "column title"),
        ("12a,2020,,,,Odd id,,,,,,\r\n", "column id"),
        (",2020,,month,,Wrong precision,,,,,,\r\n", "column precision"),
        (",2020,,,maybe,Unsure,,,,,,\r\n", "column approximate"),
        (",2020,,,,Too wide,,,,,,,x\r\n", "cells but the header has"),
    ],
)
def test_a_bad_record_deep_in_a_large_file_is_named_by_its_line(
    tmp_path: Path, bad: str, message: str
) -> None:
    rows = plain_rows(20_000)
    rows[14_321] = bad
    rows[9_000] = ',2020,,,,"Quoted\r\nover\r\nthree lines",,,,,,\r\n'  # lines != records
    path = write(tmp_path / "big.csv", rows)
    fast = load(path, tmp_path / "fast.db")
    assert fast["workers"] == 1 and fast["rows"] == []
    assert fast["error"].startswith("line 14325") and message in fast["error"]
    assert load(path, tmp_path / "slow.db", "record by record")["error"] == fast["error"]


@linux_only
def test_a_bad_record_is_named_before_an_unreadable_one_after_it(tmp_path: Path) -> None:
    rows = [*plain_rows(100), ",2020-13,,,,No such month,,,,,,\r\n", *plain_rows(10), ',"2020\r\n']
    fast = load(write(tmp_path / "two.csv", rows), tmp_path / "t.db")
    assert fast["workers"] == 1
    assert fast["error"].startswith("line 102, column start")


@linux_only
def test_a_control_character_is_named_as_record_by_record_names_it(tmp_path: Path) -> None:
    rows = plain_rows(8_000)
    rows[7_001] = ",2020,,,,Tab\tand \x1b escape,,,,,,\r\n"
    path = write(tmp_path / "esc.csv", rows)
    fast = load(path, tmp_path / "fast.db")
    assert fast["error"] == load(path, tmp_path / "slow.db", "record by record")["error"]
    assert fast["error"].startswith("line 7003, column title: control character U+001B")


@linux_only
def test_a_natural_language_date_hands_the_file_back_to_this_process(tmp_path: Path) -> None:
    rows = plain_rows(12_000)
    rows[11_000] = ",the day after the storm,,,,Storm clean-up,,,,,,\r\n"
    done = load(write(tmp_path / "nl.csv", rows), tmp_path / "t.db", "worker", "parser")
    assert done["workers"] == 1 and done["asked"] == ["the day after the storm"]
    assert len(done["rows"]) == 12_000
    assert [r[2] for r in done["rows"] if r[1] == "Storm clean-up"] == ["1987-10-17"]


def test_a_small_file_is_read_in_this_process(tmp_path: Path) -> None:
    path = write(tmp_path / "small.csv", plain_rows(50))
    with Store.open(tmp_path / "t.db") as store, open(path, encoding="utf-8", newline="") as inp:
        assert csv_worker.worker_path(inp) is None  # under MIN_BYTES
        assert store.import_csv(inp) == 50


def test_the_worker_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "big.csv", plain_rows(20_000))
    monkeypatch.setenv("TIMELINE_IMPORT_WORKER", "never")
    with open(path, encoding="utf-8", newline="") as inp:
        assert csv_worker.worker_path(inp) is None
    monkeypatch.setenv("TIMELINE_IMPORT_WORKER", "always")
    with open(path, encoding="utf-8", newline="") as inp:
        assert csv_worker.worker_path(inp) == (str(path) if threading.active_count() == 1 else None)
