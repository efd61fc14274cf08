"""TUI benchmark: time to the first full screen and to the end after End, 100 vs 1,000,000 events.

Headless (`App.run_test`, 120x40), in one run: builds both databases (through `Store.import_csv`,
in a child process so its memory does not count), opens each with `make_app`, waits until every
visible row is drawn, presses End and waits again. Prints the times, their ratio (target: at
most 2) and the peak memory of the process after opening and paging the 1,000,000-event
database (target: under 200 MB). Asserts nothing.

Run: `.venv/bin/python benchmarks/tui_bench.py [ROWS]` (default 1,000,000).
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (120, 40)
REPEAT = 5


def build(db: Path, rows: int) -> float:
    """Build a database of `rows` events in a child process; returns seconds taken."""
    code = (
        "import sys; from pathlib import Path;"
        "sys.path.insert(0, sys.argv[3]);"
        "from benchmarks.store_bench import write_csv; from timeline.store import Store;"
        "csv_path = Path(sys.argv[1]).with_suffix('.csv');"
        "write_csv(csv_path, int(sys.argv[2]));"
        "store = Store.open(sys.argv[1]);"
        "store.import_csv(csv_path.open(encoding='utf-8', newline=''));"
        "store.close(); csv_path.unlink()"
    )
    root = str(Path(__file__).resolve().parent.parent)
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(db), str(rows), root], check=True)
    return time.perf_counter() - began


async def wait_until(condition, timeout: float = 60.0) -> None:
    """Poll the event loop until `condition()` holds."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never filled")
        await asyncio.sleep(0.002)


def visible_rows(app) -> list[str]:
    """Draw every visible row of the list (this is what loads pages) and return the text."""
    events = app.timeline.events
    return [events.render_line(y).text for y in range(events.size.height)]


async def measure(db: Path, pages: int = 0) -> tuple[float, float, float]:
    """Seconds to the first full screen, from End to the last event drawn, and from the start
    until the months are counted (headings and chart complete; the first screen is a sketch)."""
    from timeline.tui.app import make_app

    opened = began = time.perf_counter()
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        # Pilot's pause() waits for the CPU to go idle, which a worker still counting months
        # would stretch: yield to the loop instead and draw the rows ourselves.
        await wait_until(lambda: app.timeline.loaded)
        await pilot.pause(0)
        rows = visible_rows(app)
        assert any(row.strip() for row in rows)
        first = time.perf_counter() - began

        began = time.perf_counter()
        press(app, "end")
        total = app.timeline.events.layout_model.total
        await wait_until(lambda: app.timeline.events.cursor == total - 1)
        await pilot.pause(0)
        last = app.timeline.events.event
        rows = visible_rows(app)
        assert last is not None and any(last.title in row for row in rows)
        end = time.perf_counter() - began
        await wait_until(lambda: not app.timeline.counting)
        counted = time.perf_counter() - opened

        for n in range(pages):  # page back up through the list: memory must stay flat
            app.timeline.events.action_page(-1)
            visible_rows(app)
            if n % 25 == 0:
                await pilot.pause()
        if pages:
            await pilot.press("home")
            visible_rows(app)
        # Let the month count finish (untimed) so it does not run into the next measurement.
        await app.workers.wait_for_complete()
    return first, end, counted


def press(app, key: str) -> None:
    """Send a key through the driver, as the terminal would (Pilot's press waits for idle)."""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    big = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        small_db, big_db = Path(tmp) / "small.db", Path(tmp) / "big.db"
        build(small_db, 100)
        seconds = build(big_db, big)
        print(f"built {big:,}-event database in {seconds:.1f} s (child process, not timed below)")

        asyncio.run(measure(small_db))  # warm imports (Textual, store) so both runs start equal
        rss_before = peak_rss_mb()
        results: dict[int, list[tuple[float, float, float]]] = {100: [], big: []}
        for _ in range(REPEAT):
            results[100].append(asyncio.run(measure(small_db)))
            results[big].append(asyncio.run(measure(big_db)))
        rss_opened = peak_rss_mb()
        asyncio.run(measure(big_db, pages=1000))
        rss_after = peak_rss_mb()

    def median(size: int, which: int) -> float:
        return statistics.median(run[which] for run in results[size])

    print(
        f"{'events':>10}  {'first full screen':>18}  {'End to last event':>18}"
        f"  {'months counted':>15}"
    )
    for size in (100, big):
        print(
            f"{size:>10,}  {median(size, 0) * 1000:>15.0f} ms  {median(size, 1) * 1000:>15.0f} ms"
            f"  {median(size, 2) * 1000:>12.0f} ms"
        )
    first_ratio = median(big, 0) / median(100, 0)
    end_ratio = median(big, 1) / median(100, 1)
    print(
        f"ratio {big:,} / 100: first screen {first_ratio:.2f}x, End {end_ratio:.2f}x (target ≤ 2)"
    )
    print(
        f"peak RSS of this process: {rss_before:.0f} MB after the 100-event warm-up, "
        f"{rss_opened:.0f} MB after {REPEAT} opens of {big:,} events and End, "
        f"{rss_after:.0f} MB after one more with 1,000 PgUp and Home (target < 200 MB)"
    )
    print(
        f"(medians of {REPEAT} runs, headless at {SIZE[0]}x{SIZE[1]}; 'months counted' is from "
        "opening until the sketch is replaced by the full layout with month headings and chart)"
    )


if __name__ == "__main__":
    main()
