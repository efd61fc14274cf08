"""Print random events ingest makes from real news (Timeline17: BP oil spill, Haiti, M. Jackson).

Usage: python benchmarks/news_sample.py [data/news folder] [--seed S] [--events N] [--articles N]
       [--published-from-text]

Reads `*/articles.jsonl` (one article a line: id, published, text), picks articles at random with
the seed, ingests them as `timeline ingest` would (with the publication date, or with
--published-from-text finding it in the text), then prints N random events among theirs: story,
publication date, event date (start..end, precision, ~ when approximate), title and source sentence,
for a reader to judge (date right? title true and readable? a real event?).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.articles import ArticleError, article_from_bytes
from timeline.ingest.pipeline import analyse
from timeline.store import NewEvent

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news"
QUOTE_CHARS = 200


@dataclass(frozen=True)
class Story:
    """One article of the corpus: which folder (story and outlet) it came from."""

    story: str
    article_id: str
    published: dt.date
    text: str


@dataclass(frozen=True)
class Found:
    """One event with the article it came from and the publication date ingest used."""

    story: Story
    used: dt.date | None
    event: NewEvent


def load_stories(folder: Path) -> list[Story]:
    """Read every `articles.jsonl` under folder, in sorted order (so a seed means the same)."""
    stories = []
    for path in sorted(folder.glob("*/articles.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                raw = json.loads(line)
                published = dt.date.fromisoformat(raw["published"][:10])
                stories.append(Story(path.parent.name, str(raw["id"]), published, raw["text"]))
    return stories


def ingest(story: Story, from_text: bool) -> tuple[dt.date | None, list[NewEvent]]:
    """Analyse one article as the CLI would; returns the publication date used and the events."""
    name = f"{story.story}-{story.article_id}.txt"
    given = None if from_text else story.published
    try:
        article = article_from_bytes(story.text.encode("utf-8"), name, given)
    except ArticleError as exc:
        print(f"  skipped {name}: {exc}")
        return None, []
    try:
        return article.published, list(analyse(article).events)
    except Exception as exc:  # a bug in ingest fails this article, as `timeline ingest` would
        print(f"  crashed on {name}: {type(exc).__name__}: {exc}")
        return article.published, []


def event_date(event: NewEvent) -> str:
    """start..end, precision and ~ for an approximate date."""
    date = event.start or "undated"
    if event.end:
        date += f"..{event.end}"
    approx = " ~" if event.approximate else ""
    return f"{date} ({event.precision or '-'}){approx}"


def trimmed(text: str, limit: int = QUOTE_CHARS) -> str:
    """Text on one line, cut to about `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."


def main(argv: list[str]) -> int:
    """Sample articles, ingest them, print random events."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--events", type=int, default=30, help="events to print")
    parser.add_argument("--articles", type=int, default=300, help="articles to ingest")
    parser.add_argument(
        "--published-from-text",
        action="store_true",
        help="withhold the publication date: ingest must find it in the text",
    )
    args = parser.parse_args(argv[1:])
    if not args.folder.exists():  # the gold data sits beside a checkout, not in it
        print(f"skipped: no data at {args.folder}")
        return 0
    stories = load_stories(args.folder)
    if not stories:
        print(f"no */articles.jsonl under {args.folder}")
        return 1
    rng = random.Random(args.seed)
    picked = rng.sample(stories, min(args.articles, len(stories)))
    began = time.perf_counter()
    found: list[Found] = []
    dates_found = dates_right = 0
    for story in picked:
        used, events = ingest(story, args.published_from_text)
        dates_found += used is not None
        dates_right += used == story.published
        found.extend(Found(story, used, event) for event in events)
    seconds = time.perf_counter() - began
    mode = "found in the text" if args.published_from_text else "given"
    print(
        f"{len(picked)} of {len(stories)} articles (seed {args.seed}), publication date {mode}: "
        f"{len(found)} events in {seconds:.1f} s"
    )
    if args.published_from_text:
        print(f"publication date found in {dates_found}/{len(picked)}, right in {dates_right}")
    sample = rng.sample(found, min(args.events, len(found)))
    sample.sort(key=lambda f: (f.story.story, f.story.article_id, f.event.span_start or 0))
    for number, item in enumerate(sample, 1):
        story, event = item.story, item.event
        used = item.used.isoformat() if item.used else "none"
        shown = used if used == story.published.isoformat() else f"{used} (real {story.published})"
        print(f"\n{number:2d}. {story.story} #{story.article_id}  published {shown}")
        print(f"    date:  {event_date(event)}")
        print(f"    title: {event.title}")
        print(f"    quote: {trimmed(event.quote)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
