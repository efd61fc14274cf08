"""Ingest corpora: records streamed in batches, those already stored skipped without being
analysed again, the rest analysed (here, in worker processes, or as Dask tasks) and saved in
record order, one article a transaction.

Saving in record order whatever finished first makes the database, and so every export, the
same for any engine and any number of workers; and a run stopped at any point (Ctrl+C, kill -9)
has saved a prefix of the corpus's new articles, so running it again finishes with what an
uninterrupted run gives.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from timeline.ingest.corpus import BadRecord, CorpusError, Fields, Record, read_corpus
from timeline.ingest.pipeline import (
    MAX_CHUNK,
    Analysis,
    FileResult,
    analyse,
    crashed,
    save_or_error,
    warm_up,
)
from timeline.ingest.pool import run_tasks
from timeline.store import Store
from timeline.store.signals import commit_scope

BATCH = 1024
"""Records read, checked against the store and analysed at a time: memory stays flat however
long the corpus is."""

Item = tuple[int, Record]
"""A record with its place in its batch."""
Found = Analysis | FileResult
"""What analysing a record gave: its analysis, or the result naming why it failed."""
OnDone = Callable[[Sequence[Item], list[Found]], None]


class Analyser(Protocol):
    """Runs the analysis of chunks of records somewhere, telling `on_done` of each chunk."""

    def run(self, chunks: Sequence[Sequence[Item]], on_done: OnDone) -> None:
        """Analyse every chunk; `on_done(chunk, found)` in this process, in any order."""
        ...


@dataclass(slots=True)
class CorpusTally:
    """What a corpus ingest has done so far; exact at any moment between two articles."""

    records: int = 0
    """Records read, good and bad."""
    added: int = 0
    """Articles saved that were not stored before."""
    events: int = 0
    """Events (mentions) those articles added."""
    stored: int = 0
    """Records whose article was already stored (skipped unanalysed, or a repeat)."""
    bad: list[BadRecord] = field(default_factory=list)
    """Records skipped, each with its line."""
    errors: list[str] = field(default_factory=list)
    """Corpus files that could not be read, articles that could not be saved."""
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """Articles analysed and saved a second since the start."""
        elapsed = time.monotonic() - self.started
        return self.added / elapsed if elapsed > 0 else 0.0


CorpusProgress = Callable[[CorpusTally], None]
"""Called after each record is accounted for."""


def ingest_corpora(
    store: Store,
    paths: Sequence[str],
    today: dt.date,
    fields: Fields | None = None,
    jobs: int = 1,
    progress: CorpusProgress | None = None,
    analyser: Analyser | None = None,
    merge: bool = True,
    tally: CorpusTally | None = None,
) -> CorpusTally:
    """Ingest JSON Lines and CSV corpora into the store; a bad record or file stops nothing.

    Args:
        store: where articles are saved (only this process writes).
        paths: corpus files (.jsonl, .ndjson, .csv, maybe .gz).
        today: publication dates after it are refused (see `corpus.publication_date`).
        fields: the record fields the user named.
        jobs: worker processes for the analysis when no analyser is given.
        progress: told after each record.
        analyser: where the analysis runs (e.g. `dask_engine.DaskAnalyser`); default local.
        merge: join each article's mentions with the events other articles tell.
        tally: counted into as it goes (so a Ctrl+C can say what was saved).

    Returns:
        The tally.
    """
    tally = tally if tally is not None else CorpusTally()
    fields = fields or Fields()
    engine = analyser or LocalAnalyser(jobs)

    def told() -> None:
        if progress is not None:
            progress(tally)

    records = _good_records(paths, fields, today, tally, told)
    while batch := list(islice(records, BATCH)):
        _ingest_batch(store, batch, engine, tally, merge, told)
    return tally


def _good_records(
    paths: Sequence[str],
    fields: Fields,
    today: dt.date,
    tally: CorpusTally,
    told: Callable[[], None],
) -> Iterator[Record]:
    """The good records of every corpus in turn; bad ones and unreadable files are tallied."""
    for path in paths:
        try:
            for found in read_corpus(path, fields, today):
                if isinstance(found, BadRecord):
                    tally.records += 1
                    tally.bad.append(found)
                    told()
                else:
                    yield found
        except CorpusError as exc:
            tally.errors.append(str(exc))


def _ingest_batch(
    store: Store,
    batch: list[Record],
    engine: Analyser,
    tally: CorpusTally,
    merge: bool,
    told: Callable[[], None],
) -> None:
    """Skip the records already stored, analyse the others and save them in order."""
    known = store.stored_texts([record.article.text for record in batch])
    fresh: list[Record] = []
    for record, stored in zip(batch, known, strict=True):
        if stored:
            tally.records += 1
            tally.stored += 1
            told()
        else:
            fresh.append(record)
    if not fresh:
        return
    ready: dict[int, Found] = {}
    upto = 0

    def on_done(chunk: Sequence[Item], found: list[Found]) -> None:
        nonlocal upto
        for (index, _), item in zip(chunk, found, strict=True):
            ready[index] = item
        while upto in ready:
            item = ready.pop(upto)
            upto += 1
            with commit_scope():  # a stop after the commit waits for the tally
                result = save_or_error(store, item, "add", merge)
                tally.records += 1
                if result.error is not None:
                    tally.errors.append(result.error)
                elif result.existed:
                    tally.stored += 1
                else:
                    tally.added += 1
                    tally.events += result.added
                told()  # inside: a Ctrl+C is raised only once the listener has the count

    numbered = list(enumerate(fresh))
    engine.run(_chunks(numbered, engine_width(engine)), on_done)


def engine_width(engine: Analyser) -> int:
    """How many chunks an analyser runs at once (1 when it does not say)."""
    return max(1, int(getattr(engine, "width", 1)))


def _chunks(items: Sequence[Item], width: int) -> list[Sequence[Item]]:
    """Items in tasks small enough to keep `width` workers busy to the batch's end; the first
    tasks start at one record and double, so that saving (the slow part, in this process)
    begins after one analysis rather than a whole task's."""
    size = max(1, min(MAX_CHUNK, len(items) // (width * 4)))
    chunks: list[Sequence[Item]] = []
    at = 0
    while at < len(items):
        step = min(size, 2 ** (len(chunks) // width))
        chunks.append(items[at : at + step])
        at += step
    return chunks


def analyse_records(items: Iterable[Item]) -> list[Found]:
    """Worker task: analyse records; a failure becomes that record's result, not the chunk's."""
    found: list[Found] = []
    for _, record in items:
        try:
            found.append(analyse(record.article, record.url))
        except Exception as exc:  # a bug in analysis must not stop the other records
            found.append(crashed(record.article.name, exc))
    return found


class LocalAnalyser:
    """Analysis in this process (jobs 1) or in worker processes of this machine."""

    def __init__(self, jobs: int = 1) -> None:
        self.width = jobs
        self._warm = False

    def run(self, chunks: Sequence[Sequence[Item]], on_done: OnDone) -> None:
        """Analyse the chunks here or in a pool that ends with the batch."""
        if self.width <= 1 or len(chunks) <= 1:
            for chunk in chunks:
                on_done(chunk, analyse_records(chunk))
            return
        if not self._warm:
            warm_up()  # forked workers inherit a tagger that has compiled its rules
            self._warm = True

        def lost(item: Item) -> Found:
            name = item[1].article.name
            return FileResult(name, error=f"{name}: the worker analysing it died")

        run_tasks(functools.partial(analyse_records), chunks, self.width, on_done, lost)
