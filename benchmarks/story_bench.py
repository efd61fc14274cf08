"""How merging grows with the database: one article into a large story against one into an
empty database, and `timeline merge` over every mention.

Usage: python benchmarks/story_bench.py [--mentions N] [--articles-per-day K]

A synthetic story (invented words, one mention per event, spread over ten years, K articles a
day) is saved through `Store.save_article` without merging; then, timed in the same run:
- one article of our own words ingested (analysed, saved, merged) into an empty database and
  into the large one: the ratio is what a user feels (target within 2x);
- `remerge` over the large database: time and peak memory (tracemalloc).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from timeline.ingest.articles import article_from_bytes
from timeline.ingest.pipeline import analyse, save
from timeline.ingest.story.storyline import remerge
from timeline.store import NewEvent, NewSource, Store

ARTICLE = (
    "Velmar council opens the Oster bridge\n\n"
    "The Velmar council opened the new Oster bridge on Tuesday, 4 March 2025, after two years "
    "of work.\n\n"
    "Mayor Ilse Varga cut the ribbon at noon.\n\n"
    "The old ferry across the Teal river stopped running on 1 March.\n"
)
WORDS = [
    *("council", "harbour", "ferry", "bridge", "strike", "vote", "budget", "flood", "crane"),
    *("tram", "school", "clinic", "court", "minister", "mayor", "union", "police", "river"),
    *("dam", "road", "market", "port", "station", "museum", "library"),
]
START = dt.date(2019, 1, 1)


def fill(store: Store, mentions: int, per_day: int, seed: int) -> None:
    """Save a synthetic story of `mentions` one-mention events, `per_day` articles a day."""
    rng = random.Random(seed)
    per_article = max(1, mentions // (3650 * per_day))
    made = 0
    article = 0
    while made < mentions:
        with store.batch():  # a thousand articles a transaction: filling is not what is timed
            for _ in range(1000):
                if made >= mentions:
                    break
                made += _one(store, rng, article, per_day, per_article, mentions - made)
                article += 1


def _one(store: Store, rng: random.Random, article: int, per_day: int, size: int, left: int) -> int:
    """Save one synthetic article of up to `size` events; returns how many."""
    day = START + dt.timedelta(days=(article // per_day) % 3650)
    events = []
    for n in range(min(size, left)):
        words = " ".join(rng.sample(WORDS, 6))
        when = (day - dt.timedelta(days=rng.randrange(3))).isoformat()
        events.append(
            NewEvent(
                title=f"{words} {n}", start=when, quote=f"{words} {n}.", date_basis="expression"
            )
        )
    text = f"synthetic article {article}"
    store.save_article(NewSource(f"Wire {article}", None, day.isoformat(), text), events)
    return len(events)


def one_article(store: Store) -> tuple[float, float]:
    """Seconds (wall, CPU of this process) to analyse, save and merge the sample article."""
    started, cpu = time.perf_counter(), time.process_time()
    article = article_from_bytes(ARTICLE.encode(), "oster.txt", dt.date(2025, 3, 5))
    result = save(store, analyse(article))
    assert result.error is None, result.error
    return time.perf_counter() - started, time.process_time() - cpu


def _ms(timed: tuple[float, float]) -> str:
    """Wall and CPU milliseconds: on a shared machine the CPU figure is the steadier one."""
    return f"{timed[0] * 1000:.0f} ms ({timed[1] * 1000:.0f} ms CPU)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=200_000)
    parser.add_argument("--articles-per-day", type=int, default=10)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        empty = Store.open(Path(tmp) / "empty.db")
        one_article(empty)  # warm the tagger, as a running app has
        empty.close()
        empty = Store.open(Path(tmp) / "empty2.db")
        small = one_article(empty)
        large = Store.open(Path(tmp) / "large.db")
        started = time.perf_counter()
        fill(large, args.mentions, args.articles_per_day, args.seed)
        print(f"filled {args.mentions:,} mentions in {time.perf_counter() - started:.1f} s")
        big = one_article(large)
        print(f"one article into an empty database: {_ms(small)}")
        print(
            f"one article into {args.mentions:,} mentions: {_ms(big)}; "
            f"{big[0] / small[0]:.2f}x wall, {big[1] / small[1]:.2f}x CPU (target within 2x)"
        )
        tracemalloc.start()
        started, cpu = time.perf_counter(), time.process_time()
        merged = remerge(large)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"merge over {merged.mentions:,} mentions -> {merged.events:,} events: "
            f"{seconds:.1f} s ({cpu:.1f} s CPU), peak {peak / 1e6:.0f} MB (Python allocations)"
        )
        large.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
