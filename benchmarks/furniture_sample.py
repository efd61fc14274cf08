"""Print how much of each real news folder `furniture_spans` flags, with samples to read by eye.

Usage: python benchmarks/furniture_sample.py [NEWS_DIR] [--seed N] [--show N]
Figures per outlet: lines, lines touched by a furniture span, characters flagged, sentences that
`is_opinion` flags among those kept; then a random sample of flagged and kept pieces.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.ingest.reader.furniture import furniture_spans, is_opinion

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO.parent / "shared" / "data" / "news"
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”']?|$)")


def main(argv: list[str]) -> None:
    """Measure every folder and print figures and samples."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=6)
    options = parser.parse_args(argv)
    folder, show = options.folder, options.show
    rng = random.Random(options.seed)
    print(f"{'outlet':22} {'lines':>6} {'flagged':>8} {'chars%':>7} {'opinions':>8}")
    samples: dict[str, tuple[list[str], list[str], list[str]]] = {}
    began = time.perf_counter()
    for path in sorted(folder.glob("*/articles.jsonl")):
        lines = flagged_lines = chars = flagged_chars = opinions = 0
        flagged: list[str] = []
        kept: list[str] = []
        opinion_samples: list[str] = []
        for row in map(json.loads, path.open(encoding="utf-8")):
            text = row["text"]
            spans = furniture_spans(text)
            chars += len(text)
            flagged_chars += sum(end - start for start, end in spans)
            flagged.extend(text[s:e][:160] for s, e in spans)
            pos = 0
            for line in text.split("\n"):
                lo, hi = pos, pos + len(line)
                pos = hi + 1
                if not line.strip():
                    continue
                lines += 1
                if any(s < hi and e > lo for s, e in spans):
                    flagged_lines += 1
                    continue
                for sentence in _SENTENCE.findall(line):
                    if is_opinion(sentence):
                        opinions += 1
                        opinion_samples.append(sentence.strip()[:160])
                    else:
                        kept.append(sentence.strip()[:160])
        name = path.parent.name
        share = 100 * flagged_chars / max(chars, 1)
        print(f"{name:22} {lines:6} {flagged_lines:8} {share:6.1f}% {opinions:8}")
        samples[name] = (flagged, kept, opinion_samples)
    print(f"time: {time.perf_counter() - began:.2f} s")
    for name, (flagged, kept, opinion_samples) in samples.items():
        print(f"\n== {name}")
        for label, items in (("FLAG", flagged), ("OPIN", opinion_samples), ("KEEP", kept)):
            for item in rng.sample(items, min(show, len(items))):
                print(f"  {label} {item!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
