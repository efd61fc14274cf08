"""Compare the days ingest dates events on with the journalists' own timelines (Timeline17).

Usage: python benchmarks/timeline17_dates.py [data/news folder] [--jobs N] [--articles N]

For each folder (one story as one outlet covered it) every article is ingested as `timeline
ingest` would with its publication date, and the days of its events are counted. Then, against
the days of the outlet's own timeline(s), the usual date-selection figures of timeline
summarisation:
- reach: the share of timeline days on which ingest dated at least one event;
- top-k date F1: rank days by how many events fall on them, keep as many as the timeline has;
  "own" ranks only events dated by words of their own sentence (not placed at the news day);
- supported: the share of timeline days where an event on that day shares at least half of the
  content words of one of the journalist's sentences for it (the right happening, not only the
  right day).
Baseline in the same run: every article's sentences placed on its publication day (the
strongest simple baseline in the timeline-summarisation literature). Prints figures; asserts
nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.articles import ArticleError, article_from_bytes
from timeline.ingest.pipeline import analyse

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news"
LONGEST_RANGE_DAYS = 7
"""A range counts on each of its days up to this length; longer spans say little about a day."""
_WORD = re.compile(r"[a-z][a-z']+")
_STOP = frozenset(
    "the a an and or of to in on at for by with from as is was were be been has have had it its "  # noqa: SIM905
    "that this these those he she they his her their said says after before over into about than "
    "which who will would could not but also more up out".split()
)


def words(text: str) -> frozenset[str]:
    """Content words of a sentence, lower-cased."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2)


@dataclass
class Folder:
    """What one folder gave: events by day (with their words) and the baseline's days."""

    name: str
    articles: int
    events: int
    days: Counter[dt.date]
    own_days: Counter[dt.date]
    day_words: dict[dt.date, list[frozenset[str]]]
    baseline: Counter[dt.date]
    dated: list[tuple[frozenset[str], str, str, str]]
    """Every dated event: content words, first and last ISO day (or month/year), date basis."""


def event_days(start: str | None, end: str | None, precision: str | None) -> list[dt.date]:
    """The days an event counts on: its day, or each day of a short day range; else none."""
    if start is None or precision not in ("day", "minute"):
        return []
    first = dt.date.fromisoformat(start[:10])
    if not end:
        return [first]
    last = dt.date.fromisoformat(end[:10])
    span = (last - first).days
    if span < 0 or span >= LONGEST_RANGE_DAYS:
        return []
    return [first + dt.timedelta(days=n) for n in range(span + 1)]


def ingest_folder(path: Path, limit: int | None) -> Folder:
    """Ingest every article of one folder; count event days and publication days."""
    days: Counter[dt.date] = Counter()
    own_days: Counter[dt.date] = Counter()
    day_words: dict[dt.date, list[frozenset[str]]] = defaultdict(list)
    baseline: Counter[dt.date] = Counter()
    dated: list[tuple[frozenset[str], str, str, str]] = []
    articles = events = 0
    with (path / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and articles >= limit:
                break
            raw = json.loads(line)
            published = dt.date.fromisoformat(raw["published"][:10])
            articles += 1
            baseline[published] += sum(1 for part in raw["text"].split(". ") if part.strip())
            try:
                article = article_from_bytes(raw["text"].encode("utf-8"), "a.txt", published)
                found = list(analyse(article).events)
            except (ArticleError, ValueError):
                continue
            for event in found:
                events += 1
                if event.start:
                    own = words(f"{event.title} {event.quote}")
                    last = (event.end or event.start)[:10]
                    dated.append((own, event.start[:10], last, event.date_basis))
                for day in event_days(event.start, event.end, event.precision):
                    days[day] += 1
                    if event.date_basis != "report":
                        own_days[day] += 1
                    day_words[day].append(words(f"{event.title} {event.quote}"))
    return Folder(path.name, articles, events, days, own_days, dict(day_words), baseline, dated)


def gold_days(path: Path) -> dict[dt.date, list[frozenset[str]]]:
    """Days of the folder's timeline(s), with the content words of each sentence for them."""
    gold: dict[dt.date, list[frozenset[str]]] = defaultdict(list)
    with (path / "timelines.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            for day, sentences in json.loads(line):
                gold[dt.date.fromisoformat(day[:10])].extend(words(s) for s in sentences)
    return dict(gold)


def top_k_f1(counts: Counter[dt.date], gold: set[dt.date]) -> float:
    """Date F1 of the |gold| most frequent days (ties broken by date, earliest first)."""
    ranked = sorted(counts, key=lambda day: (-counts[day], day))[: len(gold)]
    right = len(set(ranked) & gold)
    if not right:
        return 0.0
    precision, recall = right / len(ranked), right / len(gold)
    return 2 * precision * recall / (precision + recall)


def matched_dates(
    folder: Folder, gold: dict[dt.date, list[frozenset[str]]]
) -> tuple[int, int, int]:
    """(gold sentences, those an event matches, those whose best-matching event has the date).

    An event matches a journalist's sentence when it holds at least half of the sentence's
    content words; the best match is the one holding most. Its date is right when the gold day
    falls within it (a month or year date holds every day in it).
    """
    counts = Counter[str]()
    for day, sentences in gold.items():
        iso = day.isoformat()
        for sentence in sentences:
            if len(sentence) < 3:
                continue
            counts["total"] += 1
            best, best_share = None, 0.5
            for own, first, last, basis in folder.dated:
                share = len(sentence & own) / len(sentence)
                if share >= best_share:
                    best, best_share = (first, last, basis), share
            if best is None:
                continue
            first, last, basis = best
            counts["found"] += 1
            counts[f"found {basis}"] += 1
            if first <= iso[: len(first)] and iso[: len(last)] <= last:
                counts["right"] += 1
                counts[f"right {basis}"] += 1
    return counts


def supported(folder: Folder, gold: dict[dt.date, list[frozenset[str]]]) -> float:
    """Share of timeline days with an event on that day sharing half of a gold sentence's words."""
    hits = 0
    for day, sentences in gold.items():
        candidates = folder.day_words.get(day, [])
        if any(
            sentence and len(sentence & mine) >= 0.5 * len(sentence)
            for sentence in sentences
            for mine in candidates
        ):
            hits += 1
    return hits / len(gold) if gold else 0.0


def main(argv: list[str]) -> int:
    """Ingest every folder, print the figures per folder and their mean."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--articles", type=int, default=None, help="at most N per folder")
    args = parser.parse_args(argv[1:])
    paths = sorted(p.parent for p in args.folder.glob("*/timelines.jsonl"))
    if not paths:
        print(f"no */timelines.jsonl under {args.folder}")
        return 1
    began = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        folders = list(pool.map(ingest_folder, paths, [args.articles] * len(paths)))
    print(f"{sum(f.articles for f in folders)} articles in {time.perf_counter() - began:.0f} s")
    header = f"{'folder':<22}{'events':>8}{'gold days':>10}{'reach':>7}{'top-k F1':>9}{'own F1':>7}"
    print(header + f"{'supported':>10}{'baseline F1':>12}{'baseline reach':>15}")
    matched = Counter[str]()
    sums = Counter[str]()
    for path, folder in zip(paths, folders, strict=True):
        gold = gold_days(path)
        days = set(gold)
        figures = {
            "reach": len(days & set(folder.days)) / len(days),
            "f1": top_k_f1(folder.days, days),
            "own": top_k_f1(folder.own_days, days),
            "supported": supported(folder, gold),
            "base_f1": top_k_f1(folder.baseline, days),
            "base_reach": len(days & set(folder.baseline)) / len(days),
        }
        sums.update(figures)
        matched.update(matched_dates(folder, gold))
        print(
            f"{folder.name:<22}{folder.events:>8}{len(days):>10}{figures['reach']:>7.2f}"
            f"{figures['f1']:>9.2f}{figures['own']:>7.2f}{figures['supported']:>10.2f}{figures['base_f1']:>12.2f}"
            f"{figures['base_reach']:>15.2f}"
        )
    n = len(folders)
    print(
        f"{'mean':<40}{sums['reach'] / n:>7.2f}{sums['f1'] / n:>9.2f}{sums['own'] / n:>7.2f}"
        f"{sums['supported'] / n:>10.2f}{sums['base_f1'] / n:>12.2f}{sums['base_reach'] / n:>15.2f}"
    )
    print(
        f"journalists' sentences matched by an event: {matched['found']} of {matched['total']}; "
        f"the best match dated within the journalist's day: {matched['right']} "
        f"({matched['right'] / max(matched['found'], 1):.2f})"
    )
    for basis in ("expression", "publication", "narrative", "report"):
        found = matched[f"found {basis}"]
        print(f"  dated by {basis:<12}{matched[f'right {basis}']:>5} of {found:>4} right")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
