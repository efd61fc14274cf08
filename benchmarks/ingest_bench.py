"""Ingest benchmark: 1,000 articles with --jobs 1 against --jobs 2, then the real sample article.

Run: `.venv/bin/python benchmarks/ingest_bench.py [--articles N]`. The articles are variations of
our demo article (other dates, people and places, so no two texts are equal). The sample check
reads ../shared/samples (beside the repository) and prints the events found in it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from ingest.pipeline import ingest_paths
from store import Event, Store

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "samples" / "israel-japan-defense-mou.txt"
NAMES = ["Gantz", "Levi", "Cohen", "Mizrahi", "Peretz", "Biton", "Dahan", "Friedman"]
CITIES = ["Tokyo", "Seoul", "Canberra", "Manila", "Hanoi", "Jakarta", "Delhi", "Bangkok"]


def make_articles(folder: Path, count: int) -> None:
    """Write `count` distinct articles derived from the demo article into folder."""
    demo = (files("ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")
    first = dt.date(2015, 1, 1)
    for n in range(count):
        published = first + dt.timedelta(days=(n * 37) % 3600)
        text = demo.replace("31 August 2022", f"{published.day} {published:%B %Y}")
        text = text.replace("Gantz", NAMES[n % len(NAMES)]).replace("Tokyo", CITIES[n % 8])
        text = re.sub(r"\b2021\b", str(published.year - 1), text)
        text += f"\nThis is dispatch number {n} of the series.\n"
        (folder / f"article-{n:04d}.txt").write_text(text, encoding="utf-8")


def bench(count: int) -> None:
    """Time ingesting `count` articles into a fresh database with one and with two processes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        make_articles(folder, count)
        rates = {}
        for jobs in (1, 2):
            store = Store.open(Path(tmp) / f"jobs{jobs}.db")
            began = time.perf_counter()
            results = ingest_paths(store, [folder], jobs=jobs)
            seconds = time.perf_counter() - began
            failed = sum(not r.ok for r in results)
            events = store.count()
            store.close()
            rates[jobs] = count / seconds
            print(
                f"--jobs {jobs}: {count} articles in {seconds:.2f} s = {rates[jobs]:.0f} "
                f"articles/s ({events} events, {failed} failed)"
            )
        print(f"--jobs 2 / --jobs 1 speed: {rates[2] / rates[1]:.2f}x")


def describe(event: Event) -> str:
    """One event as date, precision, approximate flag and title."""
    date = event.start or "undated"
    if event.end:
        date += f"..{event.end}"
    approx = "~" if event.approximate else " "
    return f"{date:<22} {event.precision or '-':<6} {approx} {event.title}"


def check_sample() -> bool:
    """Ingest the sample article (published 2022-08-31), print its events and check the five."""
    if not SAMPLE.exists():
        print(f"sample not found at {SAMPLE}; skipped")
        return True
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "sample.db")
        [result] = ingest_paths(store, [SAMPLE], published=dt.date(2022, 8, 31))
        again = ingest_paths(store, [SAMPLE], published=dt.date(2022, 8, 31))[0]
        events = store.page_after(None, 1000)
        store.close()
    print(f"\nsample: {SAMPLE.name}: {result.added} events (re-ingest added {again.added})")
    for event in events:
        print("  " + describe(event))

    def one(pattern: str, test: Callable[[Event], bool]) -> bool:
        return any(re.search(pattern, e.title, re.I) and test(e) for e in events)

    checks = {
        "two-day visit to Tokyo 2022-08-30..2022-08-31": one(
            r"visit to Tokyo", lambda e: (e.start, e.end) == ("2022-08-30", "2022-08-31")
        ),
        "MOU signed 2022-08-30 or -31, day precision": one(
            r"sign.*(memorandum|MOU)",
            lambda e: e.start in ("2022-08-30", "2022-08-31") and e.precision == "day",
        ),
        "US trip before 2022-08-30 in August 2022, approximate": one(
            r"United States|\bUS\b",
            lambda e: e.start.startswith("2022-08") and e.start < "2022-08-30" and e.approximate,
        ),
        "previous visit in 2012": one(r"defen[cs]e minister", lambda e: e.start == "2012"),
        "2021 export record": one(r"record", lambda e: e.start == "2021"),
        "no event after 2022": all(e.start is None or e.start[:4] <= "2022" for e in events),
        "re-ingest adds nothing": again.added == 0 and again.existed,
    }
    for name, ok in checks.items():
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    return all(checks.values())


def main() -> None:
    """Run the benchmark and the sample check; exit 1 if the sample check fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    bench(args.articles)
    sys.exit(0 if check_sample() else 1)


if __name__ == "__main__":
    main()
