"""Sources benchmark: the new filters and reads against a plain first page, in one run.

A database of ROWS events (default 200,000) over 2,000 sources, one event in two tagged (five
tags, so a tag holds a tenth of the events); then
the median time of: the first page of 50 (the reference), a page under a tag filter, under a
source filter, under a search that also reaches source titles and tags, the count of a tag,
`list_sources` with its event counts, and on this day. Each is printed with its ratio to the
reference. Asserts nothing.
Run: `.venv/bin/python benchmarks/sources_bench.py [ROWS]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.store import Filter, NewEvent, NewSource, Store

TAGS = ("harbour", "ferry", "council", "weather", "market")


def build(store: Store, rows: int) -> None:
    """ROWS events over 2,000 sources of our own making, every second event tagged."""
    sources = 2000
    per = max(rows // sources, 1)
    with store.batch():
        for n in range(sources):
            text = f"Quayside gazette number {n}. The berth report for day {n}."
            source = store.save_article(
                NewSource(f"Quayside gazette {n}", None, f"20{10 + n % 20}-05-04", text), []
            )
            store.add_events(
                (
                    NewEvent(
                        title=f"Berth {m} of gazette {n} closes",
                        start=f"{1900 + (n * per + m) % 130}-{1 + m % 12:02d}-{1 + m % 28:02d}",
                        tags=(TAGS[m // 2 % 5],) if m % 2 == 0 else (),
                    )
                    for m in range(per)
                ),
                source_id=source.source_id,
            )


def timed(job: Callable[[], object], repeat: int = 5) -> float:
    """Median seconds of `repeat` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Build, measure, print."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "b.db") as store:
        started = time.perf_counter()
        build(store, rows)
        print(f"built {store.count():,} events over 2,000 sources in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
        reference = timed(lambda: store.page_after(None, 50))
        cases: list[tuple[str, Callable[[], object]]] = [
            ("page under a tag", lambda: store.page_after(None, 50, Filter(tag="ferry"))),
            ("page under a source", lambda: store.page_after(None, 50, Filter(source_id=777))),
            ("search reaching sources",
             lambda: store.page_after(None, 50, Filter(query="gazette 1234"))),
            ("count of a tag", lambda: store.count(Filter(tag="harbour"))),
            ("list_sources", lambda: store.list_sources()),
            ("on this day (11 Nov)", lambda: store.on_this_day(11, 11)),
        ]  # fmt: skip
        print(f"reference: first page of 50  {reference * 1000:8.2f} ms")
        for name, job in cases:
            seconds = timed(job)
            found = job()
            size = len(found) if isinstance(found, list) else found
            print(f"{name:<28} {seconds * 1000:8.2f} ms  ×{seconds / reference:,.1f}  ({size:,})")


if __name__ == "__main__":
    main()
