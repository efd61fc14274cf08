"""The story as a user gets it: ingest a folder of news into a database, then score what
`timeline story --dates N` and `timeline list` give against the journalists' own timelines.

Usage: python benchmarks/story_eval.py [data/news folder] [--only a,b] [--articles N] [--seed S]
       [--jobs N] [--no-merge]

For each folder (one outlet's coverage of one story) the articles are analysed in worker
processes and saved with their publication dates as `timeline ingest` saves them, merging
each article into the story as it arrives. Then, for every journalist's timeline of the folder,
the top-k date F1 of `story_days(N)` (N = the timeline's number of days), beside two baselines in
the same run: days ranked by how many sentences (mentions) fall on them, and by how many
articles were published on them. Also: events shown by default per article (the key events one
article's sentences tell, median), events and mentions stored, and the ingest time.

The folders are split: bpoil_bbc, bpoil_guardian and haiti_bbc were used for tuning; the
others are unseen and reported apart. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from timeline.ingest.articles import ArticleError, article_from_bytes
from timeline.ingest.pipeline import Analysis, analyse, save
from timeline.ingest.story.storyline import story_days
from timeline.store import Filter, Store

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news"
TUNING = ("bpoil_bbc", "bpoil_guardian", "haiti_bbc")
UNSEEN = ("bpoil_foxnews", "bpoil_reuters", "bpoil_washingtonpost", "MJ_bbc")


def _analyse(row: tuple[str, str, str]) -> Analysis | None:
    """Worker: one article as `timeline ingest --published` reads it."""
    name, published, text = row
    try:
        article = article_from_bytes(text.encode("utf-8"), name, dt.date.fromisoformat(published))
    except ArticleError:
        return None
    return analyse(article)


def read_rows(path: Path, limit: int | None, seed: int) -> list[tuple[str, str, str]]:
    """(name, published, text) of a folder's articles, a seeded sample when `limit` is set."""
    rows = []
    with (path / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            rows.append((f"{path.name}-{item['id']}.txt", item["published"][:10], item["text"]))
    if limit is not None and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    return sorted(rows, key=lambda row: (row[1], row[0]))


def timelines(path: Path) -> list[list[dt.date]]:
    """Each journalist's timeline of the folder as its list of days."""
    found = []
    with (path / "timelines.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            found.append(sorted({dt.date.fromisoformat(day[:10]) for day, _ in json.loads(line)}))
    return found


def f1(chosen: set[dt.date], gold: set[dt.date]) -> float:
    """Date F1 of chosen days against gold days."""
    right = len(chosen & gold)
    if not right:
        return 0.0
    precision, recall = right / len(chosen), right / len(gold)
    return 2 * precision * recall / (precision + recall)


def top(counts: Counter[dt.date], n: int) -> set[dt.date]:
    """The n most counted days (ties: earliest first)."""
    return set(sorted(counts, key=lambda day: (-counts[day], day))[:n])


def ingest(store: Store, rows: list[tuple[str, str, str]], jobs: int, merge: bool) -> float:
    """Analyse in `jobs` processes and save in this one; returns seconds taken."""
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        for analysis in pool.map(_analyse, rows, chunksize=8):
            if analysis is not None:
                save(store, analysis, merge=merge)
    return time.perf_counter() - started


def score(path: Path, args: argparse.Namespace) -> dict[str, float]:
    """Ingest one folder into a new database and score it."""
    rows = read_rows(path, args.articles, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "story.db")
        seconds = ingest(store, rows, args.jobs, not args.no_merge)
        mentions = store.all_mentions()
        published: Counter[dt.date] = Counter(dt.date.fromisoformat(r[1]) for r in rows)
        told: Counter[dt.date] = Counter()
        for m in mentions:
            if m.start and m.precision in ("day", "minute") and not m.start.startswith("-"):
                told[dt.date.fromisoformat(m.start[:10])] += 1
        figures: dict[str, list[float]] = {"story": [], "f1_mentions": [], "published": []}
        for gold in timelines(path):
            days = {dt.date.fromisoformat(d.day) for d in story_days(store, len(gold))}
            figures["story"].append(f1(days, set(gold)))
            figures["f1_mentions"].append(f1(top(told, len(gold)), set(gold)))
            figures["published"].append(f1(top(published, len(gold)), set(gold)))
        shown: Counter[int] = Counter()
        key = None
        while page := store.page_after(key, 2000, Filter(key_only=True)):
            for event in store.with_mentions(page):
                for source in {m.source_id for m in event.mentions}:
                    shown[source or 0] += 1
            key = page[-1].key
        per_article = [shown.get(sid, 0) for sid in {m.source_id for m in mentions}]
        result = {name: statistics.mean(values) for name, values in figures.items()}
        result |= {
            "articles": len(rows),
            "events": store.count(),
            "key": store.count(Filter(key_only=True)),
            "mentions": len(mentions),
            "shown_median": statistics.median(per_article) if per_article else 0.0,
            "seconds": seconds,
        }
        store.close()
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", default="")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-merge", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}: give the news folder", file=sys.stderr)
        return 2
    wanted = [n for n in args.only.split(",") if n] or [*TUNING, *UNSEEN]
    print(
        f"{'folder':22} {'split':7} {'arts':>5} {'events':>7} {'key':>6} {'ments':>7} "
        f"{'shown/art':>9} {'F1 story':>8} {'mentions':>8} {'publ.':>6} {'secs':>6}"
    )
    by_split: dict[str, list[dict[str, float]]] = {"tuning": [], "unseen": []}
    for name in wanted:
        split = "tuning" if name in TUNING else "unseen"
        r = score(args.data / name, args)
        by_split[split].append(r)
        print(
            f"{name:22} {split:7} {r['articles']:>5.0f} {r['events']:>7.0f} {r['key']:>6.0f} "
            f"{r['mentions']:>7.0f} {r['shown_median']:>9.1f} {r['story']:>8.2f} "
            f"{r['f1_mentions']:>8.2f} {r['published']:>6.2f} {r['seconds']:>6.1f}",
            flush=True,
        )
    for split, results in by_split.items():
        if results:
            mean = {k: statistics.mean(r[k] for r in results) for k in results[0]}
            print(
                f"{split} mean: F1 story {mean['story']:.2f}, by mentions "
                f"{mean['f1_mentions']:.2f}, by articles published {mean['published']:.2f}; "
                "shown per article "
                f"{mean['shown_median']:.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
