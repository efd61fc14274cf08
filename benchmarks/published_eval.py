"""Print how often `published_in_text` finds the publication date of real articles, and rightly.

Usage: python benchmarks/published_eval.py [JSONL ...]
Each file holds one article a line with its true `published` (YYYY-MM-DD) and its `text`. Defaults:
the Wikinews trial set and every news folder beside the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.ingest.published import published_in_text

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"


def main(paths: list[str]) -> None:
    """Print found/right for each file and a few wrong ones."""
    files = [Path(p) for p in paths] or [
        DATA / "events" / "wikinews-trial.jsonl",
        *sorted(DATA.glob("news/*/articles.jsonl")),
    ]
    print(f"{'set':28} {'articles':>8} {'found':>6} {'right':>6} {'wrong':>6}")
    wrong_samples: list[str] = []
    for path in files:
        total = found = right = 0
        for row in map(json.loads, path.open(encoding="utf-8")):
            total += 1
            date = published_in_text(row["text"])
            if date is None:
                continue
            found += 1
            if date.isoformat() == row["published"]:
                right += 1
            elif len(wrong_samples) < 15:
                wrong_samples.append(f"{path.parent.name}: {date} vs {row['published']}")
        name = path.parent.name if path.name == "articles.jsonl" else path.stem
        print(f"{name:28} {total:8} {found:6} {right:6} {found - right:6}")
    for sample in wrong_samples:
        print("  wrong:", sample)


if __name__ == "__main__":
    main(sys.argv[1:])
