"""Store benchmark: import, export, search and paging at 1,000,000 events against references.

Prints figures measured in one run; asserts nothing. The references run in the same run on the
same files: a plain Python load of the CSV (csv.reader, executemany, the date index and the
search index built once) for import, the sqlite3 tool for export. Also: peak memory, the
start-up of `timeline list` and the modules it loads, and an import naming 8 sources against
one naming 80,000.
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

from timeline.store import Filter, Store

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
ROOT = Path(__file__).resolve().parent.parent
TIMELINE = [sys.executable, "-c", "from timeline.cli.entry import main; main()"]
"""The command from this checkout (not whatever `timeline` is installed)."""


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    """A CSV of `rows` events with varied titles and dates over 1900-2029."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("title,start,end,details,tags\r\n")
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
            end = f"{year + 1 + rng.randrange(5)}" if i % 50 == 0 else ""  # a few ranges
            out.write(f'"{title} {i}",{start},{end},"note {i}",tag{i % 7}\r\n')


def timed(args: list[str]) -> float:
    """Seconds a command takes."""
    began = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - began


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of a command, in MB (through a small wrapper process)."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT
    )
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
            "overlap page, 2000 (50)": median_ms(
                lambda: store.page_after(None, 50, Filter(date_from="2000", date_to="2000"))
            ),
            "overlap count, 2000": median_ms(
                lambda: store.count(Filter(date_from="2000", date_to="2000")), repeat=5
            ),
            "page after a deep key": median_ms(lambda: store.page_after(key, 50)),
            "last page (End)": median_ms(lambda: store.page_before(None, 50)),
        }


PLAIN_LOAD = """
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[2], isolation_level=None)
db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, start TEXT,"
           " end TEXT, precision TEXT, details TEXT, quote TEXT DEFAULT '', tags TEXT,"
           " source_id INTEGER, sort TEXT, sort_end TEXT, is_key INTEGER DEFAULT 1)")
db.execute("CREATE VIRTUAL TABLE events_fts USING fts5(title, details, quote, tags,"
           " content='events')")
db.execute("BEGIN")
size = {4: "year", 7: "month"}
with open(sys.argv[1], encoding="utf-8", newline="") as inp:
    rows = csv.reader(inp)
    next(rows)
    db.executemany(
        "INSERT INTO events (title, start, end, precision, details, tags, sort)"
        " VALUES (?,?,?,?,?,?,?)",
        ((t, s, e or None, size.get(len(s), "day"), d, g, s) for t, s, e, d, g in rows),
    )
for sql in sys.argv[3].split("\\n;\\n"):
    db.execute(sql)
db.execute("INSERT INTO events_fts(events_fts) VALUES('rebuild')")
db.execute("COMMIT")
"""
"""The reference for import: the same CSV into a plain table, in plain Python, with the indexes
and search columns a timeline database keeps on its events (argv[3]) built once after."""


def write_sources_csv(path: Path, rows: int, sources: int) -> None:
    """A CSV of `rows` events naming `sources` different sources, round robin."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("title,start,source_title,source_url\r\n")
        for i in range(rows):
            n = i % sources
            out.write(f"Event {i},2020,Source {n},https://example.org/{n}\r\n")


def startup(db: Path) -> None:
    """Start-up time of `timeline list` and the modules it loads."""
    wall = statistics.median(
        timed([*TIMELINE, "--db", str(db), "list", "--limit", "1"]) for _ in range(7)
    )
    code = (
        "import sys; sys.argv = ['timeline', '--db', sys.argv[1], 'list', '--limit', '1'];"
        "import timeline.cli.main, atexit, io;"
        "atexit.register(lambda: sys.stderr.write(' '.join(sorted({'.'.join(m.split('.')[:2]) "
        "if m.startswith('timeline.') else m.split('.')[0] "
        "for m in sys.modules})) + chr(10) + str(len(sys.modules)) + chr(10)));"
        "timeline.cli.main.main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, cwd=ROOT
    )
    tops, count = done.stderr.strip().splitlines()[-2:]
    heavy = [
        m
        for m in ("textual", "dateparser", "timeline.ingest", "trafilatura", "rich")
        if m in tops.split()
    ]
    print(f"`timeline list --limit 1` start-up: {wall * 1000:.0f} ms; {count} modules loaded")
    print(f"  heavy packages loaded: {', '.join(heavy) or 'none'}")
    print(f"  top-level packages: {tops}")


def source_scaling(work: Path, rows: int) -> None:
    """Per-row import cost naming 8, 8,000 and 80,000 sources.

    8,000 against 80,000 shows whether finding a source slows as sources grow (it should not: the
    lookups are indexed); 80,000 against 8 adds the cost of storing a new source for most rows.
    """
    per_row, total = {}, {}
    for sources in (8, 8_000, 80_000):
        path, db = work / f"src{sources}.csv", work / f"src{sources}.db"
        write_sources_csv(path, rows, sources)
        seconds = timed([*TIMELINE, "--db", str(db), "import", str(path)])
        per_row[sources], total[sources] = seconds / rows * 1e6, seconds
        print(
            f"import {rows:,} rows naming {sources:,} sources: {seconds:.2f} s "
            f"({per_row[sources]:.1f} µs/row)"
        )
    print(f"  80,000 sources vs 8,000, per row: {per_row[80_000] / per_row[8_000]:.2f}x")
    print(f"  80,000 sources vs 8, per row: {per_row[80_000] / per_row[8]:.2f}x")
    for many in (8_000, 80_000):
        each = (total[many] - total[8]) / (many - 8) * 1e6
        print(f"  each source beyond 8, with {many:,} sources: {each:.0f} µs")


def event_indexes(path: Path) -> str:
    """The CREATE INDEX statements of a timeline database's events, for the plain load to
    build the same indexes (the store's schema grows; the reference must grow with it)."""
    with Store.open(path) as store:
        rows = store.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
            "AND sql IS NOT NULL ORDER BY name"
        ).fetchall()
    return "\n;\n".join(row[0] for row in rows)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    timeline = TIMELINE
    sqlite3_tool = shutil.which("sqlite3")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big_csv, small_csv = work / "big.csv", work / "small.csv"
        write_csv(big_csv, rows)
        write_csv(small_csv, 100, seed=2)
        big_db, small_db = work / "big.db", work / "small.db"
        print(f"rows: {rows:,}  csv: {big_csv.stat().st_size / 1e6:.0f} MB")

        indexes = event_indexes(work / "schema.db")
        plain = timed(
            [sys.executable, "-c", PLAIN_LOAD, str(big_csv), str(work / "plain.db"), indexes]
        )
        seconds = timed([*timeline, "--db", str(big_db), "import", str(big_csv)])
        print(f"plain Python load (csv.reader, executemany, indexes once): {plain:.2f} s")
        print(
            f"timeline import {rows:,} rows incl. search index: {seconds:.2f} s "
            f"({rows / seconds:,.0f} rows/s); {seconds / plain:.2f}x the plain load "
            "(target within 1.2x)"
        )
        rss = peak_rss_mb([*timeline, "--db", str(work / "mem.db"), "import", str(big_csv)])
        print(f"import peak memory: {rss:.0f} MB")
        timed([*timeline, "--db", str(small_db), "import", str(small_csv)])
        for name in ("zanzibar",):
            with Store.open(big_db) as store:
                from timeline.store import NewEvent

                store.add_event(NewEvent(title=f"{name} accord", start="2015"))

        out = work / "out.csv"
        ours = timed([*timeline, "--db", str(big_db), "export", "-o", str(out)])
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
            print(f"timeline export takes {ours / ref:.2f}x the sqlite3 tool (target within 1.5x)")
        else:
            print("sqlite3 command-line tool not found: no export reference")
        rss = peak_rss_mb([*timeline, "--db", str(big_db), "export", "-o", os.devnull])
        print(f"export peak memory: {rss:.0f} MB (target under 100 MB)")
        startup(small_db)

        big, small = query_times(big_db), query_times(small_db)
        print(f"{'query':<26}{'100 events':>12}{f'{rows:,} events':>18}{'ratio':>8}")
        for name in big:
            print(
                f"{name:<26}{small[name]:>10.2f}ms{big[name]:>16.2f}ms"
                f"{big[name] / small[name]:>8.1f}"
            )
        big_list = timed(
            [*timeline, "--db", str(big_db), "list", "--search", "treaty", "--limit", "50"]
        )
        small_list = timed(
            [*timeline, "--db", str(small_db), "list", "--search", "treaty", "--limit", "50"]
        )
        print(
            f"`timeline list --search treaty --limit 50`: {small_list * 1000:.0f} ms at 100, "
            f"{big_list * 1000:.0f} ms at {rows:,} (ratio {big_list / small_list:.2f}; "
            "target within 2x)"
        )
        source_scaling(work, min(rows, 200_000))


if __name__ == "__main__":
    main()
