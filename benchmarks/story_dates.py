"""Score the story layer's key days against the journalists' own timelines (Timeline17).

Usage: python benchmarks/story_dates.py [data/news folder] [--articles N] [--seed S] [--jobs N]
       [--cache DIR] [--only a,b]

For each folder, its (sampled) articles are ingested as `timeline ingest` would, the drafts become
mentions, mentions are clustered into events, each event is dated (`choose_date`) and weighed
(`importance`), and `key_days(n)` picks as many days as the journalist's timeline has. Top-k date
F1 against the timeline days, beside two baselines in the same run: days ranked by how many
drafts fall on them (today's app) and by how many articles were published on them.

The folders are split: bpoil_bbc, bpoil_guardian and haiti_bbc were used to tune the story layer;
the others are unseen and reported apart. Also printed: events shown by default per article
(median), before (every draft) and after (key events, each counted for its title's article).

First full run (all articles, seed 1): key-day F1 tuning 0.54/0.70/0.91 (mean 0.72; drafts
baseline 0.68, published 0.68); unseen 0.31/0.25/0.33/0.35 (mean 0.31; drafts 0.30, published
0.24). Shown per article, median: 17 -> 4 (tuning), 17 -> 4.4 (unseen).
Clustering takes 12-33 s a folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from story_mentions import folder_mentions
from timeline17_dates import event_days, gold_days, top_k_f1

from timeline.ingest.story import (
    MentionFacts,
    best_title_mention,
    choose_date,
    cluster,
    importance,
    is_key,
    key_days,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news"
TUNING = ("bpoil_bbc", "bpoil_guardian", "haiti_bbc")
UNSEEN = ("bpoil_foxnews", "bpoil_reuters", "bpoil_washingtonpost", "MJ_bbc")


def score_folder(
    path: Path, mentions: list[MentionFacts], rows: list[tuple[int, str, str]]
) -> dict[str, float]:
    """Key-day F1, the two baselines' F1 and the shown-per-article medians of one folder."""
    gold = set(gold_days(path))
    drafts: Counter[dt.date] = Counter()
    per_article: Counter[int] = Counter()
    for m in mentions:
        per_article[m.source_id or 0] += 1
        for day in event_days(m.start, m.end, m.precision):
            drafts[day] += 1
    published = Counter(dt.date.fromisoformat(p) for _, p, _ in rows)
    by_id = {m.id: m for m in mentions}
    began = time.perf_counter()
    groups = cluster(mentions)
    events = []
    shown: Counter[int] = Counter()
    for group in groups:
        members = [by_id[i] for i in group]
        choice = choose_date(members)
        weight = importance(members, choice)
        events.append((choice, weight))
        if is_key(members, choice, weight):
            shown[by_id[best_title_mention(members, choice)].source_id or 0] += 1
    seconds = time.perf_counter() - began
    days = key_days(events, len(gold))
    chosen = Counter({day: len(days) - rank for rank, (day, _) in enumerate(days)})
    sources = [source for source, _, _ in rows]
    return {
        "gold": len(gold),
        "mentions": len(mentions),
        "events": len(events),
        "seconds": seconds,
        "f1": top_k_f1(chosen, gold),
        "drafts_f1": top_k_f1(drafts, gold),
        "published_f1": top_k_f1(published, gold),
        "before": statistics.median(per_article[s] for s in sources),
        "after": statistics.median(shown[s] for s in sources),
        "shown": sum(shown.values()),
    }


def main(argv: list[str]) -> int:
    """Score each folder, print tuning and unseen folders apart with their means."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--articles", type=int, default=None, help="a sample of N per folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=None, help="keep ingested mentions here")
    parser.add_argument("--only", default="", help="comma-separated folder names")
    args = parser.parse_args(argv[1:])
    wanted = [n for n in args.only.split(",") if n] or [*TUNING, *UNSEEN]
    header = (
        f"{'folder':<22}{'articles':>9}{'mentions':>9}{'events':>8}{'gold':>6}{'key F1':>8}"
        f"{'drafts F1':>10}{'published F1':>13}{'shown/article before':>22}{'after':>7}{'s':>6}"
    )
    for split, names in (("tuning", TUNING), ("unseen", UNSEEN)):
        names = tuple(n for n in names if n in wanted)
        if not names:
            continue
        print(f"== {split}")
        print(header)
        sums: Counter[str] = Counter()
        for name in names:
            path = args.folder / name
            mentions, rows = folder_mentions(path, args.articles, args.seed, args.jobs, args.cache)
            figures = score_folder(path, mentions, rows)
            sums.update(figures)
            print(
                f"{name:<22}{len(rows):>9}{figures['mentions']:>9}{figures['events']:>8}"
                f"{figures['gold']:>6}{figures['f1']:>8.2f}{figures['drafts_f1']:>10.2f}"
                f"{figures['published_f1']:>13.2f}{figures['before']:>22.1f}"
                f"{figures['after']:>7.1f}{figures['seconds']:>6.1f}"
            )
        n = len(names)
        print(
            f"{'mean':<54}{sums['f1'] / n:>8.2f}{sums['drafts_f1'] / n:>10.2f}"
            f"{sums['published_f1'] / n:>13.2f}{sums['before'] / n:>22.1f}{sums['after'] / n:>7.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
