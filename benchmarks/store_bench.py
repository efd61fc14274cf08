"""Store benchmark: import, export, search and paging at 1,000,000 events against references.

Prints figures measured in one run; asserts nothing.
Run: `.venv/bin/python benchmarks/store_bench.py [ROWS]` (default 1,000,000).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from store import Filter, Store

WORDS = (
    "minister",
    "visit",
    "treaty",
    "signing",
    "summit",
    "talks",
    "record",
    "exports",
    "defence",
    "memorandum",
    "election",
    "protest",
    "court",
    "ruling",
    "ceasefire",
    "agreement",
    "budget",
    "statement",
    "meeting",
    "invasion",
    "launch",
    "report",
)
BIN = Path(sys.executable).parent


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    """A CSV of `rows` events with varied titles and dates over 1900-2029."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("title,start,details,tags\r\n")
        for i in range(rows):
            title = " ".join(rng.choice(WORDS) for _ in range(5))
            year = 1900 + rng.randrange(130)
            kind = i % 3
            if kind == 0:
                start = f"{year}"
            elif kind == 1:
                start = f"{year}-{rng.randrange(1, 13):02d}"
            else:
                start = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            out.write(f'"{title} {i}",{start},"note {i}",tag{i % 7}\r\n')


def timed(args: list[str]) -> float:
    """Seconds a command takes."""
    began = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of a command, in MB (through a small wrapper process)."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def median_ms(fn, repeat: int = 15) -> float:
    """Median wall time of a call, in milliseconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def query_times(db: Path) -> dict[str, float]:
    """Median times of a search page, a date-filtered page and a deep date page."""
    with Store.open(db) as store:
        key = store.key_at_or_after("2000")
        began = time.perf_counter()
        store.page_after(None, 50, Filter(query="summit"))
        first = (time.perf_counter() - began) * 1000
        return {
            "first page of a new search": first,
            "search page (50)": median_ms(
                lambda: store.page_after(None, 50, Filter(query="treaty"))
            ),
            "search rare word page": median_ms(
                lambda: store.page_after(None, 50, Filter(query="zanzibar"))
            ),
            "date-filtered page (50)": median_ms(
                lambda: store.page_after(None, 50, Filter(date_from="1950", date_to="2029"))
            ),
            "page after a deep key": median_ms(lambda: store.page_after(key, 50)),
            "last page (End)": median_ms(lambda: store.page_before(None, 50)),
        }


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    timeline = str(BIN / "timeline")
    sqlite3_tool = shutil.which("sqlite3")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big_csv, small_csv = work / "big.csv", work / "small.csv"
        write_csv(big_csv, rows)
        write_csv(small_csv, 100, seed=2)
        big_db, small_db = work / "big.db", work / "small.db"
        print(f"rows: {rows:,}  csv: {big_csv.stat().st_size / 1e6:.0f} MB")

        seconds = timed([timeline, "--db", str(big_db), "import", str(big_csv)])
        print(
            f"import {rows:,} rows incl. search index: {seconds:.2f} s "
            f"({rows / seconds:,.0f} rows/s; target under 10 s for 1,000,000)"
        )
        timed([timeline, "--db", str(small_db), "import", str(small_csv)])
        for name in ("zanzibar",):
            with Store.open(big_db) as store:
                from store import NewEvent

                store.add_event(NewEvent(title=f"{name} accord", start="2015"))

        out = work / "out.csv"
        ours = timed([timeline, "--db", str(big_db), "export", "-o", str(out)])
        print(f"timeline export: {ours:.2f} s ({rows / ours:,.0f} rows/s)")
        if sqlite3_tool:
            sql = (
                'SELECT e.id, e.start, e."end", e.precision, e.approximate, e.title, e.details, '
                "e.quote, e.tags, s.title, s.url, s.published FROM events e "
                "LEFT JOIN sources s ON s.id = e.source_id ORDER BY e.sort, e.id"
            )
            ref = timed(
                ["sh", "-c", f'{sqlite3_tool} -csv "{big_db}" \'{sql}\' > "{work}/ref.csv"']
            )
            print(f"sqlite3 -csv (same rows, same order): {ref:.2f} s ({rows / ref:,.0f} rows/s)")
            print(f"export speed vs sqlite3 -csv: {ref / ours:.2f}x (target at least 0.5x)")
        else:
            print("sqlite3 command-line tool not found: no export reference")
        rss = peak_rss_mb([timeline, "--db", str(big_db), "export", "-o", os.devnull])
        print(f"export peak memory: {rss:.0f} MB (target under 100 MB)")

        big, small = query_times(big_db), query_times(small_db)
        print(f"{'query':<26}{'100 events':>12}{f'{rows:,} events':>18}{'ratio':>8}")
        for name in big:
            print(
                f"{name:<26}{small[name]:>10.2f}ms{big[name]:>16.2f}ms"
                f"{big[name] / small[name]:>8.1f}"
            )
        big_list = timed(
            [timeline, "--db", str(big_db), "list", "--search", "treaty", "--limit", "50"]
        )
        small_list = timed(
            [timeline, "--db", str(small_db), "list", "--search", "treaty", "--limit", "50"]
        )
        print(
            f"`timeline list --search treaty --limit 50`: {small_list * 1000:.0f} ms at 100, "
            f"{big_list * 1000:.0f} ms at {rows:,} (ratio {big_list / small_list:.2f}; "
            "target within 2x)"
        )


if __name__ == "__main__":
    main()
