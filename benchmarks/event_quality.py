"""Measure what a reader sees of ingest's events over a seeded sample of real news articles.

Usage: python benchmarks/event_quality.py FOLDER [FOLDER ...] [--seed S] [--articles N]
       [--data PATH] [--dump FILE --dump-events N]

FOLDER names a story folder under the news data (e.g. bpoil_bbc). Picks N articles at random
(seeded) across the folders, ingests each with its publication date as `timeline ingest` would,
and prints: events per article (median, mean); the share of titles that start with a pronoun or a
pointing word, that end in "…", that carry a time stamp; and the share dated by the report
(basis "report": a sentence with no date of its own placed on the news day). Tune on some
folders, report the others separately. --dump writes N random events (seeded) with the article
text around each, for a reader to judge by the JUDGING page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import statistics
import sys
from pathlib import Path

from timeline.ingest.articles import ArticleError, article_from_bytes
from timeline.ingest.pipeline import analyse
from timeline.store import NewEvent

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news"
POINTING = re.compile(
    r"^\W*(?:he|she|they|it|this|that|its|their|his|her|we|i|these|those)\b", re.IGNORECASE
)
STAMP = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|UTC|[ECMP][SD]T)\b|^\W*(?:update|updated)\b",
    re.IGNORECASE,
)
CONTEXT = 300


def load(folder: Path) -> list[tuple[str, str, dt.date, str]]:
    """The articles of one story folder: (folder, id, published, text), in file order."""
    rows = []
    with (folder / "articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            published = dt.date.fromisoformat(raw["published"][:10])
            rows.append((folder.name, str(raw["id"]), published, raw["text"]))
    return rows


def events_of(name: str, published: dt.date, text: str) -> list[NewEvent]:
    """Ingest one article as the CLI would, with its publication date."""
    try:
        article = article_from_bytes(text.encode("utf-8"), name, published)
    except ArticleError:
        return []
    return list(analyse(article).events)


def share(count: int, total: int) -> str:
    """A count as a percentage of total."""
    return f"{100 * count / total:.1f}%" if total else "-"


def main(argv: list[str]) -> int:
    """Sample, ingest, print the figures (and optionally dump events for a judge)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--dump", type=Path, help="write random events for a judge here")
    parser.add_argument("--dump-events", type=int, default=30)
    args = parser.parse_args(argv[1:])
    rows = [row for name in args.folders for row in load(args.data / name)]
    rng = random.Random(args.seed)
    picked = rng.sample(rows, min(args.articles, len(rows)))
    counts: list[int] = []
    found: list[tuple[tuple[str, str, dt.date, str], NewEvent]] = []
    for row in picked:
        events = events_of(f"{row[0]}-{row[1]}.txt", row[2], row[3])
        counts.append(len(events))
        found.extend((row, event) for event in events)
    titles = [event.title for _, event in found]
    total = len(titles)
    print(f"{' '.join(args.folders)}: {len(picked)} articles (seed {args.seed}), {total} events")
    print(
        f"  events per article: median {statistics.median(counts):.1f}, mean "
        f"{statistics.mean(counts):.1f}"
    )
    print(
        f"  title starts with a pronoun/pointing word: "
        f"{share(sum(bool(POINTING.match(t)) for t in titles), total)}"
    )
    print(f"  title ends in …: {share(sum(t.endswith('…') for t in titles), total)}")
    print(f"  title has a time stamp: {share(sum(bool(STAMP.search(t)) for t in titles), total)}")
    reported = sum(event.date_basis == "report" for _, event in found)
    print(f"  basis report: {share(reported, total)}")
    if args.dump:
        sample = rng.sample(found, min(args.dump_events, len(found)))
        with args.dump.open("w", encoding="utf-8") as out:
            for number, (row, event) in enumerate(sample, 1):
                text = row[3]
                at = text.find(event.quote)
                lo, hi = max(0, at - CONTEXT), at + len(event.quote) + CONTEXT
                date = event.start or "undated"
                if event.end:
                    date += f"..{event.end}"
                out.write(
                    f"## {number}. {row[0]} #{row[1]} (published {row[2]})\n"
                    f"date: {date} precision: {event.precision} approximate: "
                    f"{event.approximate}\ntitle: {event.title}\nquote: {event.quote}\n"
                    f"why this date: basis={event.date_basis} text={event.date_text!r} "
                    f"counted_from={event.counted_from}\n"
                    f"article text around it: ...{' '.join(text[lo:hi].split())}...\n\n"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
