"""Ingesting corpora into a real store: counts, resuming without analysing again, and the same
database whatever the number of workers."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from tests.corpus_fixtures import newsroom_records, write_corpus
from timeline.ingest.corpus_ingest import (
    CorpusTally,
    Item,
    LocalAnalyser,
    OnDone,
    ingest_corpora,
)
from timeline.store import Store, export

TODAY = dt.date(2030, 1, 1)


class CountingAnalyser(LocalAnalyser):
    """The local analyser, keeping the names of the records it was given to analyse."""

    def __init__(self, jobs: int = 1) -> None:
        super().__init__(jobs)
        self.analysed: list[str] = []

    def run(self, chunks: Sequence[Sequence[Item]], on_done: OnDone) -> None:
        self.analysed += [record.article.name for chunk in chunks for _, record in chunk]
        super().run(chunks, on_done)


def csv_export(path: Path) -> str:
    with Store.open(path) as store:
        out = io.StringIO()
        export(store, out, "csv")
        return out.getvalue()


def test_a_corpus_goes_in_with_its_bad_records_counted(tmp_path: Path, store: Store) -> None:
    records = newsroom_records(12)
    records[4] = {"headline": "empty", "published": "2027-03-02"}
    records[7]["published"] = "the ides"
    corpus = write_corpus(tmp_path / "desk.jsonl.gz", records)
    seen: list[int] = []

    tally = ingest_corpora(store, [str(corpus)], TODAY, progress=lambda t: seen.append(t.records))
    assert (tally.records, tally.added, tally.stored) == (12, 10, 0)
    assert [(b.line, b.reason) for b in tally.bad] == [
        (5, "no text"),
        (8, "unreadable date ('the ides')"),
    ]
    assert tally.events == len(store.all_mentions()) > 10
    assert seen == sorted(seen) and seen[-1] == 12
    assert sum(store.stored_texts([r["body"] for r in records if "body" in r])) == 10
    assert tally.errors == []


def test_a_resumed_corpus_skips_what_is_stored_without_analysing_it(tmp_path: Path) -> None:
    records = newsroom_records(30)
    first_part = write_corpus(tmp_path / "first.jsonl", records[:12])
    whole = write_corpus(tmp_path / "whole.jsonl", records)
    with Store.open(tmp_path / "resumed.db") as store:
        ingest_corpora(store, [str(first_part)], TODAY)
        counting = CountingAnalyser()
        tally = ingest_corpora(store, [str(whole)], TODAY, analyser=counting)
    assert (tally.added, tally.stored) == (18, 12)
    assert counting.analysed == [f"{whole}:{line}" for line in range(13, 31)]
    with Store.open(tmp_path / "straight.db") as store:
        ingest_corpora(store, [str(whole)], TODAY)
    assert csv_export(tmp_path / "resumed.db") == csv_export(tmp_path / "straight.db")


def test_the_same_corpus_gives_the_same_export_with_one_or_two_workers(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "desk.jsonl", newsroom_records(40))
    tallies: list[CorpusTally] = []
    for jobs in (1, 2):
        with Store.open(tmp_path / f"jobs{jobs}.db") as store:
            tallies.append(ingest_corpora(store, [str(corpus)], TODAY, jobs=jobs))
    assert tallies[0].events == tallies[1].events > 40
    one = csv_export(tmp_path / "jobs1.db")
    assert one == csv_export(tmp_path / "jobs2.db")
    assert one.count("\n") > 40


def test_a_record_repeated_in_a_corpus_is_stored_once(tmp_path: Path, store: Store) -> None:
    records = newsroom_records(3)
    corpus = write_corpus(tmp_path / "desk.jsonl", [*records, records[1]])
    tally = ingest_corpora(store, [str(corpus)], TODAY)
    assert (tally.records, tally.added, tally.stored) == (4, 3, 1)


def test_an_unreadable_corpus_is_an_error_and_the_next_still_goes_in(
    tmp_path: Path, store: Store
) -> None:
    good = write_corpus(tmp_path / "good.jsonl", newsroom_records(2))
    tally = ingest_corpora(store, [str(tmp_path / "gone.jsonl"), str(good)], TODAY)
    assert tally.errors == [f"no such file: {tmp_path / 'gone.jsonl'}"]
    assert tally.added == 2


def test_the_first_tasks_of_a_batch_are_single_records() -> None:
    from timeline.ingest.corpus_ingest import _chunks

    sizes = [len(chunk) for chunk in _chunks([(n, None) for n in range(300)], 2)]  # type: ignore[misc]
    # saving starts after one analysis, not after a whole task of sixteen
    assert sizes[:4] == [1, 1, 2, 2]
    assert max(sizes) == 16 and sum(sizes) == 300
