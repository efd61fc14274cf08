"""Score the dates of ingest's events against human gold (SemEval-2015 TimeLine trial, Wikinews).

Usage: python benchmarks/events_eval.py [path/to/wikinews.jsonl] [--show N] [--seed S] [--part K/N]

A gold sentence is covered when ingest makes an event from it, and right when one such event's
date equals a gold date at the gold's precision (year: same year; month: same month, the event
month or finer; day: same day). Prints event-date recall (right / gold-dated sentences), coverage,
precision (right / covered gold-dated sentences) and events made for three runs: the publication
date given, the publication date found in the text (as `timeline ingest FILE` without
--published), and the baseline that dates every sentence with the publication date. Then the
misses by kind, so work can go where it pays; --show N prints N example misses of each run.
--slice A:B keeps only articles A to B-1 in file order (0:15 the first fifteen, 15: the rest).
--part K/N scores only every Nth article from the Kth on (--part 1/2 and --part 2/2 are the two
halves), so a rule tuned on one part can be checked on the other.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.ingest.articles import article_from_bytes
from timeline.ingest.pipeline import analyse
from timeline.ingest.tagger.timex import find_timexes
from timeline.store import NewEvent

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "events" / "wikinews-trial.jsonl"
FINER = {"year": 0, "month": 1, "day": 2, "minute": 3}
"""Precisions from coarse to fine, as the store writes them."""


@dataclass(frozen=True)
class GoldSentence:
    """One annotated sentence: offsets into its article and the dates of its events."""

    start: int
    end: int
    gold: tuple[str, ...]
    undated: bool


@dataclass(frozen=True)
class Doc:
    """One gold article."""

    doc_id: str
    published: dt.date
    text: str
    sentences: tuple[GoldSentence, ...]


@dataclass
class Run:
    """What one way of dating did on the corpus: counts, misses by kind, example misses."""

    name: str
    gold_dated: int = 0
    covered: int = 0
    right: int = 0
    events: int = 0
    unplaced: int = 0
    published_found: int = 0
    published_right: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str, tuple[str, ...], list[str]]] = field(default_factory=list)


def load_docs(path: Path) -> list[Doc]:
    """Read the JSONL gold file."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            sentences = tuple(
                GoldSentence(s["start"], s["end"], tuple(s["gold"]), s["undated"])
                for s in raw["sentences"]
            )
            published = dt.date.fromisoformat(raw["published"][:10])
            docs.append(Doc(raw["doc_id"], published, raw["text"], sentences))
    return docs


def matches(start: str | None, precision: str | None, gold: str) -> bool:
    """True when an event dated `start` at `precision` equals `gold` at the gold's precision."""
    if not start or not precision:
        return False
    year, month, day = gold.split("-")
    if month == "XX":
        return start[:4] == year
    if day == "XX":
        return FINER.get(precision, 0) >= FINER["month"] and start[:7] == f"{year}-{month}"
    return FINER.get(precision, 0) >= FINER["day"] and start[:10] == gold


def quote_offsets(text: str, event: NewEvent, cursor: int) -> tuple[int, int] | None:
    """Where an event's quote sits in the text: around its date span if it holds it, else the
    first occurrence from `cursor` on, else the first anywhere; None when it is not in the text."""
    quote = (event.quote or "").strip()
    if not quote:
        return None
    found = []
    at = text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    if not found:
        return None
    if event.span_start is not None:
        for at in found:
            if at <= event.span_start < at + len(quote):
                return at, at + len(quote)
    later = [at for at in found if at >= cursor]
    at = later[0] if later else found[0]
    return at, at + len(quote)


def place(doc: Doc, event: NewEvent, cursor: int) -> tuple[int | None, int]:
    """Index of the gold sentence an event was made from (None if unplaced), and a new cursor.

    The date span decides when it lies inside the event's quote; otherwise the gold sentence the
    quote overlaps most (our sentence splitter need not cut where the annotators did).
    """
    span = quote_offsets(doc.text, event, cursor)
    if span is None:
        if event.span_start is None:
            return None, cursor
        span = (event.span_start, event.span_end or event.span_start + 1)
    start, end = span
    if event.span_start is not None and start <= event.span_start < end:
        for index, sentence in enumerate(doc.sentences):
            if sentence.start <= event.span_start < sentence.end:
                return index, end
    best, most = None, 0
    for index, sentence in enumerate(doc.sentences):
        overlap = min(end, sentence.end) - max(start, sentence.start)
        if overlap > most:
            best, most = index, overlap
    return best, end


def miss_kind(
    doc: Doc, sentence: GoldSentence, dates: list[tuple[str | None, str | None]], has_timex: bool
) -> str:
    """Why a gold-dated sentence was not right, in words that point at what to fix."""
    at_publication = any(matches(doc.published.isoformat(), "day", g) for g in sentence.gold)
    where = "gold=publication" if at_publication else "gold=other"
    if not dates:
        own = "has a date expression" if has_timex else "no date expression"
        return f"uncovered, {own}, {where}"
    kinds = []
    for start, precision in dates:
        for gold in sentence.gold:
            kinds.append(_wrong(start, precision, gold))
    order = ["too coarse", "day wrong", "month wrong", "year wrong", "undated event"]
    return f"covered, {min(kinds, key=order.index)}, {where}"


def _wrong(start: str | None, precision: str | None, gold: str) -> str:
    """How one event date differs from one gold date."""
    if not start:
        return "undated event"
    if start[:4] != gold[:4]:
        return "year wrong"
    if gold[5:7] != "XX" and start[5:7] and start[5:7] != gold[5:7]:
        return "month wrong"
    if gold[8:10] != "XX" and start[8:10] and start[8:10] != gold[8:10]:
        return "day wrong"
    return "too coarse"


def describe(event: NewEvent) -> str:
    """An event's date as start..end, precision, ~ when approximate."""
    date = event.start or "undated"
    if event.end:
        date += f"..{event.end}"
    return f"{date} {event.precision or '-'}{' ~' if event.approximate else ''}"


def score_doc(run: Run, doc: Doc, events: Sequence[NewEvent], published: dt.date | None) -> None:
    """Add one article's events to a run's counts."""
    run.events += len(events)
    placed: dict[int, list[NewEvent]] = {}
    cursor = 0
    for event in events:
        index, cursor = place(doc, event, cursor)
        if index is None:
            run.unplaced += 1
        else:
            placed.setdefault(index, []).append(event)
    timexes = find_timexes(doc.text, published)
    for index, sentence in enumerate(doc.sentences):
        if not sentence.gold:
            continue
        run.gold_dated += 1
        mine = placed.get(index, [])
        run.covered += bool(mine)
        if any(matches(e.start, e.precision, g) for e in mine for g in sentence.gold):
            run.right += 1
            continue
        has_timex = any(sentence.start <= t.start < sentence.end for t in timexes)
        kind = miss_kind(doc, sentence, [(e.start, e.precision) for e in mine], has_timex)
        run.misses[kind] += 1
        quote = doc.text[sentence.start : sentence.end]
        run.examples.append((kind, quote, sentence.gold, [describe(e) for e in mine]))


def run_ingest(docs: list[Doc], given: bool) -> Run:
    """Ingest each article as the CLI would, with or without its publication date."""
    run = Run("publication date given" if given else "publication date found in the text")
    for doc in docs:
        data = doc.text.encode("utf-8")
        article = article_from_bytes(data, "article.txt", doc.published if given else None)
        if not given and article.published is not None:
            run.published_found += 1
            run.published_right += article.published == doc.published
        score_doc(run, doc, analyse(article).events, article.published)
    return run


def run_baseline(docs: list[Doc]) -> Run:
    """Date every sentence with the publication date, at day precision."""
    run = Run("baseline: every sentence at the publication date")
    for doc in docs:
        day = doc.published.isoformat()
        events = [
            NewEvent(title="-", start=day, precision="day", span_start=s.start, span_end=s.end)
            for s in doc.sentences
        ]
        score_doc(run, doc, events, doc.published)
    return run


def report(run: Run, seconds: float, docs: int) -> None:
    """Print a run's measures and its misses by kind."""
    recall = run.right / run.gold_dated if run.gold_dated else 0.0
    coverage = run.covered / run.gold_dated if run.gold_dated else 0.0
    precision = run.right / run.covered if run.covered else 0.0
    print(f"== {run.name} ({seconds:.2f} s)")
    print(
        f"  event-date recall {recall:.3f} ({run.right}/{run.gold_dated})   "
        f"coverage {coverage:.3f} ({run.covered}/{run.gold_dated})   "
        f"precision {precision:.3f} ({run.right}/{run.covered})"
    )
    unplaced = f" ({run.unplaced} not placed in a gold sentence)" if run.unplaced else ""
    print(f"  events made {run.events}{unplaced}")
    if run.name.endswith("in the text"):
        print(
            f"  publication date found in {run.published_found}/{docs} articles, "
            f"right in {run.published_right}"
        )
    print(f"  misses by kind ({sum(run.misses.values())}):")
    for kind, count in run.misses.most_common():
        print(f"    {count:4d}  {kind}")


def show(run: Run, count: int, seed: int) -> None:
    """Print `count` example misses of a run, picked at random with `seed`."""
    if count <= 0 or not run.examples:
        return
    picked = random.Random(seed).sample(run.examples, min(count, len(run.examples)))
    print(f"-- {len(picked)} example misses: {run.name}")
    for kind, quote, gold, ours in picked:
        sentence = " ".join(quote.split())
        sentence = sentence if len(sentence) <= 240 else sentence[:237] + "..."
        print(f"  [{kind}]\n    {sentence}")
        print(f"    gold {', '.join(gold)}   ours {'; '.join(ours) or 'no event'}")


def main(argv: list[str]) -> int:
    """Score the three runs and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print N example misses per run")
    parser.add_argument("--seed", type=int, default=1, help="seed for picking the examples")
    parser.add_argument("--part", default="1/1", help="K/N: score every Nth article from the Kth")
    parser.add_argument(
        "--slice", default=":", help="A:B: score only articles A to B-1 in file order (0:15)"
    )
    args = parser.parse_args(argv[1:])
    if not args.path.exists():  # the gold data sits beside a checkout, not in it
        print(f"skipped: no data at {args.path}")
        return 0
    part, parts = (int(n) for n in args.part.split("/"))
    if not 1 <= part <= parts:
        parser.error(f"--part {args.part}: K must be between 1 and N")
    first, _, last = args.slice.partition(":")
    chosen = load_docs(args.path)[int(first or 0) : int(last) if last else None]
    docs = chosen[part - 1 :: parts]
    sentences = sum(len(doc.sentences) for doc in docs)
    dated = sum(bool(s.gold) for doc in docs for s in doc.sentences)
    where = f"{args.path.name}, part {args.part}" if parts > 1 else args.path.name
    print(f"{len(docs)} articles, {sentences} sentences, {dated} gold-dated, from {where}")
    for make in (
        lambda: run_ingest(docs, given=True),
        lambda: run_ingest(docs, given=False),
        lambda: run_baseline(docs),
    ):
        began = time.perf_counter()
        run = make()
        report(run, time.perf_counter() - began, len(docs))
        show(run, args.show, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
