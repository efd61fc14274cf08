"""Ingest benchmark: 1,000 articles with --jobs 1 against --jobs 2, then the real sample article.

Run: `.venv/bin/python benchmarks/ingest_bench.py [--articles N] [--sizes-only] [--timeout S]`.
The articles are variations of our demo article (other dates, people and places, so no two texts
are equal). The sample check reads ../shared/samples (beside the repository) and prints the events
found in it. The size part times one article of 1, 4 and 16 MB and two pathological texts, each
in a subprocess with a timeout, so a runaway case prints "timeout" instead of hanging.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from timeline.ingest.pipeline import ingest_paths
from timeline.store import Event, Store

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "samples" / "israel-japan-defense-mou.txt"
NAMES = ["Gantz", "Levi", "Cohen", "Mizrahi", "Peretz", "Biton", "Dahan", "Friedman"]
CITIES = ["Tokyo", "Seoul", "Canberra", "Manila", "Hanoi", "Jakarta", "Delhi", "Bangkok"]


def make_articles(folder: Path, count: int) -> None:
    """Write `count` distinct articles derived from the demo article into folder."""
    demo = (files("timeline.ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")
    first = dt.date(2015, 1, 1)
    for n in range(count):
        published = first + dt.timedelta(days=(n * 37) % 3600)
        text = demo.replace("31 August 2022", f"{published.day} {published:%B %Y}")
        text = text.replace("Gantz", NAMES[n % len(NAMES)]).replace("Tokyo", CITIES[n % 8])
        text = re.sub(r"\b2021\b", str(published.year - 1), text)
        text += f"\nThis is dispatch number {n} of the series.\n"
        (folder / f"article-{n:04d}.txt").write_text(text, encoding="utf-8")


def bench(count: int) -> None:
    """Time ingesting `count` articles into a fresh database with one and with two processes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        make_articles(folder, count)
        rates = {}
        for jobs in (1, 2):
            store = Store.open(Path(tmp) / f"jobs{jobs}.db")
            began = time.perf_counter()
            results = ingest_paths(store, [folder], jobs=jobs)
            seconds = time.perf_counter() - began
            failed = sum(not r.ok for r in results)
            events = store.count()
            store.close()
            rates[jobs] = count / seconds
            print(
                f"--jobs {jobs}: {count} articles in {seconds:.2f} s = {rates[jobs]:.0f} "
                f"articles/s ({events} events, {failed} failed)"
            )
        print(f"--jobs 2 / --jobs 1 speed: {rates[2] / rates[1]:.2f}x")


def describe(event: Event) -> str:
    """One event as date, precision, approximate flag and title."""
    date = event.start or "undated"
    if event.end:
        date += f"..{event.end}"
    approx = "~" if event.approximate else " "
    return f"{date:<22} {event.precision or '-':<6} {approx} {event.title}"


def check_sample() -> bool:
    """Ingest the sample article (published 2022-08-31), print its events and check the five."""
    if not SAMPLE.exists():
        print(f"sample not found at {SAMPLE}; skipped")
        return True
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "sample.db")
        [result] = ingest_paths(store, [SAMPLE], published=dt.date(2022, 8, 31))
        again = ingest_paths(store, [SAMPLE], published=dt.date(2022, 8, 31))[0]
        events = store.page_after(None, 1000)
        store.close()
    print(f"\nsample: {SAMPLE.name}: {result.added} events (re-ingest added {again.added})")
    for event in events:
        print("  " + describe(event))

    def one(pattern: str, test: Callable[[Event], bool]) -> bool:
        return any(re.search(pattern, e.title, re.I) and test(e) for e in events)

    checks = {
        "two-day visit to Tokyo 2022-08-30..2022-08-31": one(
            r"visit to Tokyo", lambda e: (e.start, e.end) == ("2022-08-30", "2022-08-31")
        ),
        "MOU signed 2022-08-30 or -31, day precision": one(
            r"sign.*(memorandum|MOU)",
            lambda e: e.start in ("2022-08-30", "2022-08-31") and e.precision == "day",
        ),
        "US trip before 2022-08-30 in August 2022, approximate": one(
            r"United States|\bUS\b",
            lambda e: e.start.startswith("2022-08") and e.start < "2022-08-30" and e.approximate,
        ),
        "previous visit in 2012": one(r"defen[cs]e minister", lambda e: e.start == "2012"),
        "2021 export record": one(r"record", lambda e: e.start == "2021"),
        "no event after 2022": all(e.start is None or e.start[:4] <= "2022" for e in events),
        "re-ingest adds nothing": again.added == 0 and again.existed,
    }
    for name, ok in checks.items():
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    return all(checks.values())


# -- size: one long article, and texts that make a careless scanner quadratic ------------------

SUBJECTS = [
    "The city council",
    "A regional court",
    "The harbour authority",
    "Striking rail workers",
    "The finance ministry",
    "A team of volcanologists",
    "The opposition leader",
    "Flood wardens in the valley",
    "The national museum",
    "Two rival airlines",
    "The football club's new owner",
    "Health inspectors",
]
DEEDS = [
    "approved a plan to rebuild the old bridge",
    "ruled that the contract had been signed unlawfully",
    "reopened the northern quay after repairs",
    "walked out over a dispute about night shifts",
    "published figures showing a sharp fall in tax receipts",
    "recorded a swarm of small tremors beneath the crater",
    "called for an inquiry into the missing ballots",
    "ordered the evacuation of three low-lying villages",
    "returned a bronze statue to the island it was taken from",
    "agreed to merge their loyalty schemes",
    "sacked the manager after a run of six defeats",
    "closed a bakery where mice had been found",
]
WHENS = [
    "on {d} {B} {Y}",
    "on {B} {d}, {Y}",
    "last {A}",
    "on {A}",
    "in {B} {Y}",
    "earlier this month",
    "three days later",
    "the next morning",
    "at {H}:{M} on {A}",
    "in the spring of {Y}",
    "a week after the vote",
    "in {Y}",
]
ASIDES = [
    "Officials declined to say how much the work would cost.",
    "Residents said they had been warned months ago.",
    "A spokesman said the decision would be reviewed in {B}.",
    "The figures were first reported by a local paper.",
    "Mr. Hale, who chairs the committee, called it a turning point.",
    "Dr. Osei said more data were needed before anyone could be sure.",
    "It was the third such ruling since {Y}.",
    "Nobody was hurt, according to the fire service.",
]
KINDS = ("size", "mr", "stops")
"""What a child process can be asked to time: a sized news-like article or a pathological text."""


def news_text(size: int, seed: int = 7) -> str:
    """Varied news-like paragraphs with dates, in our own words, to about `size` characters."""
    import random

    rng = random.Random(seed)
    parts = ["Council approves bridge plan as rail strike spreads\n", "Published 3 March 2015\n"]
    total = sum(map(len, parts))
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            when = rng.choice(WHENS).format(
                d=rng.randint(1, 28),
                B=dt.date(2000, rng.randint(1, 12), 1).strftime("%B"),
                Y=rng.randint(1990, 2015),
                A=dt.date(2015, 3, rng.randint(2, 8)).strftime("%A"),
                H=rng.randint(0, 23),
                M=f"{rng.randint(0, 59):02d}",
            )
            deed = f"{rng.choice(SUBJECTS)} {rng.choice(DEEDS)} {when}."
            sentences.append(deed[0].upper() + deed[1:])
            if rng.random() < 0.5:
                sentences.append(
                    rng.choice(ASIDES).format(
                        B=dt.date(2000, rng.randint(1, 12), 1).strftime("%B"),
                        Y=rng.randint(1990, 2014),
                    )
                )
        paragraph = " ".join(sentences) + "\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size]


def sized_text(kind: str, size: int) -> str:
    """The text a child process times: news-like, "Mr. " repeated, or nothing but full stops."""
    if kind == "mr":
        return "Mr. " * (size // 4)
    if kind == "stops":
        return "." * size
    return news_text(size)


def time_one(kind: str, size: int) -> None:
    """Child process: build the text, then time reading and analysing it; print the seconds."""
    from timeline.ingest.articles import article_from_bytes
    from timeline.ingest.pipeline import analyse

    data = sized_text(kind, size).encode("utf-8")
    began = time.perf_counter()
    analysis = analyse(article_from_bytes(data, "sized.txt", dt.date(2015, 3, 3)))
    seconds = time.perf_counter() - began
    print(f"{seconds:.3f} {len(analysis.events)}")


def run_child(kind: str, size: int, timeout: float) -> tuple[float, int] | None:
    """Time one text in a subprocess; None when it ran past `timeout` seconds or failed."""
    import os
    import subprocess

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(size)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(f"  ({kind} {size}: failed: {done.stderr.strip().splitlines()[-1:]})")
        return None
    seconds, events = done.stdout.split()
    return float(seconds), int(events)


def bench_sizes(timeout: float, pathological_timeout: float = 60.0) -> None:
    """Time one article of 1, 4 and 16 MB and two pathological texts, each with a timeout."""
    mb = 1_000_000
    print(f"one article of n MB (news-like paragraphs; timeout {timeout:.0f} s each)")
    times: dict[int, float] = {}
    for n in (1, 4, 16):
        found = run_child("size", n * mb, timeout)
        if found is None:
            print(f"  {n:2d} MB: timeout (> {timeout:.0f} s)")
            continue
        times[n] = found[0]
        print(f"  {n:2d} MB: {found[0]:8.2f} s  ({found[1]} events)")
    for n in (4, 16):
        if 1 in times and n in times:
            ratio = times[n] / times[1]
            linear = "target 4.8x" if n == 4 else "linear 16x"
            print(f"  {n} MB / 1 MB: {ratio:.1f}x ({linear})")
        else:
            print(f"  {n} MB / 1 MB: n/a (a run timed out)")
    print(f"pathological texts (timeout {pathological_timeout:.0f} s each)")
    for label, kind, size in (("40 KB of 'Mr. '", "mr", 40_000), ("1 MB of '.'", "stops", mb)):
        found = run_child(kind, size, pathological_timeout)
        result = "timeout" if found is None else f"{found[0]:.2f} s ({found[1]} events)"
        print(f"  {label:16s} {result}")


def main() -> None:
    """Run the benchmark and the sample check; exit 1 if the sample check fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sizes-only", action="store_true", help="run only the size part")
    parser.add_argument("--no-sizes", action="store_true", help="skip the size part")
    parser.add_argument(
        "--timeout", type=float, default=300.0, help="seconds allowed per sized article"
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, size = args.child
        if kind not in KINDS:
            parser.error(f"--child KIND must be one of {', '.join(KINDS)}")
        time_one(kind, int(size))
        return
    if args.sizes_only:
        bench_sizes(args.timeout)
        return
    bench(args.articles)
    ok = check_sample()
    if not args.no_sizes:
        print()
        bench_sizes(args.timeout)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
