"""Draw events for a reader to judge by `../shared/JUDGING.md`: ingest a seeded sample of articles
spread over the given stories as `timeline ingest` would, then write 30 random events of what the
app shows by default and the 30 most important ones, each with its date, title, quote, sources,
how it was dated and the article text around its sentence.

Usage: python benchmarks/judge_sample.py OUT.md [--folders a,b] [--per-folder N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from pathlib import Path

from story_eval import DEFAULT_DATA, UNSEEN, ingest, read_rows

from timeline.store import Event, Filter, Store, to_edtf

CONTEXT = 700
"""Characters of article text shown on each side of an event's sentence."""


def describe(store: Store, number: int, event: Event) -> str:
    """One event as the judge reads it."""
    date = to_edtf(event.start, event.end, event.precision, event.approximate) or "undated"
    lines = [
        f"### {number}. {date} ({event.precision or 'undated'})",
        f"- title: {event.title}",
        f"- quote: {event.quote}",
        f"- why this date: basis={event.date_basis or 'typed'}, written as "
        f"{event.date_text!r}, counted from {event.counted_from or '-'}",
        f"- told by {event.sources} source(s); importance {event.importance:.2f}"
        + ("; the sources disagree on the date" if event.conflict else ""),
    ]
    for mention in event.mentions:
        lines.append(
            f"  - source {mention.source_title!r} published {mention.source_published}: "
            f"gives {mention.start} ({mention.date_basis}) in: {mention.quote[:300]}"
        )
    if event.source_id is not None:
        text = store.get_source(event.source_id).text or ""
        at = text.find(event.quote) if event.quote else -1
        if at >= 0:
            before = text[max(0, at - CONTEXT) : at]
            after = text[at + len(event.quote) : at + len(event.quote) + CONTEXT]
            lines.append("- article around it (the sentence in **bold**):")
            lines.append(f"\n> {before}**{event.quote}**{after}\n".replace("\n", "\n> "))
    return "\n".join(lines)


POINTING = re.compile(
    r"^\W*(?:he|she|they|it|this|that|its|their|his|her|we|i|these|those|there)\b", re.IGNORECASE
)
"""A title opening on a pronoun or a pointing word (a bracketed name before it is fine)."""
STAMP = re.compile(
    r"^\W*(?:update\w*\s*)?\d{1,2}[:.]?\d{2}\s*(?:[ap]\.?m\.?|GMT|BST)?\s*[:–—-]", re.I
)
"""A live page's time stamp left at the start of a title."""


def _print_title_shares(shown: list[Event]) -> None:
    """The issue's title figures over what the app shows by default: titles opening on a pronoun
    or a pointing word, ending in "…", opening on a time stamp."""
    total = len(shown) or 1
    pointing = sum(bool(POINTING.match(e.title)) for e in shown)
    cut = sum(e.title.endswith("…") for e in shown)
    stamped = sum(bool(STAMP.match(e.title)) for e in shown)
    print(
        f"{len(shown)} shown: title opens on a pronoun or pointing word "
        f"{100 * pointing / total:.1f}%, ends in … {100 * cut / total:.1f}%, "
        f"opens on a time stamp {stamped}",
        file=sys.stderr,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folders", default=",".join(UNSEEN))
    parser.add_argument("--per-folder", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sections: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "judge.db")
        articles = 0
        for name in args.folders.split(","):
            rows = read_rows(args.data / name, args.per_folder, args.seed)
            articles += len(rows)
            ingest(store, rows, args.jobs, merge=True)
        shown: list[Event] = []
        key = None
        while page := store.page_after(key, 2000, Filter(key_only=True)):
            shown += page
            key = page[-1].key
        _print_title_shares(shown)
        picked = random.Random(args.seed).sample(shown, min(30, len(shown)))
        ranked = sorted(shown, key=lambda e: (-e.importance, e.id))[:30]
        for heading, events in (
            ("30 random events shown by default", picked),
            ("30 most important events", ranked),
        ):
            sections.append(f"## {heading}\n")
            full = [store.get_event(e.id) for e in events]
            sections += [describe(store, n, e) for n, e in enumerate(full, start=1)]
        head = (
            f"# Events to judge\n\n{articles} articles ({args.per_folder} per story: "
            f"{args.folders}), seed {args.seed}; {len(shown)} events shown by default of "
            f"{store.count()}.\n"
        )
        store.close()
    args.out.write_text(head + "\n\n".join(sections) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
