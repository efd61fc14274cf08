"""`timeline ingest --engine dask`: the per-article analysis as Dask tasks, on the cluster at a
scheduler address or on a `LocalCluster` of this machine.

Each task analyses a chunk of records and writes what it found as a Parquet partition (see
`ingest.parts`) in a folder every worker and this process can read; this process reads the
partitions back and saves their articles in record order through the same path as the local
pool, so both give the same database. Dask is imported only here, and only when the engine is
asked for: the core install never needs it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from timeline.ingest.corpus_ingest import Item, OnDone, analyse_records
from timeline.ingest.pipeline import FileResult

INSTALL_HINT = 'the dask engine needs the extra: pip install "timeline[dask]"'


QUIET = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Dask's own upkeep, made rarer: its defaults (an event-loop tick every 20 ms, a profiler
sampling each task every 10 ms, memory checked every 100 ms) cost an idle local cluster about
15 % of a core, taken from the analysis and from the merge in this process (its GIL too)."""


class EngineMissing(Exception):
    """Dask (or pyarrow) is not installed."""


class EngineFailed(Exception):
    """The cluster could not be reached or started."""


def analyse_partition(items: Sequence[Item], folder: str, name: str) -> str:
    """Dask task: analyse records and write them as a partition; returns its path stem."""
    from timeline.ingest.parts import write_partition

    found = analyse_records(items)
    return write_partition(
        folder, name, [(index, f) for (index, _), f in zip(items, found, strict=True)]
    )


class DaskAnalyser:
    """Runs chunks of records as Dask tasks through a connected client."""

    def __init__(self, client: Any, folder: str) -> None:
        self.client = client
        self.folder = folder
        self.width = max(1, sum(client.nthreads().values()))
        self._batch = 0
        self._run = uuid.uuid4().hex[:12]  # two ingests may share a --parts folder

    def run(self, chunks: Sequence[Sequence[Item]], on_done: OnDone) -> None:
        """Submit every chunk of the batch at once, so the workers never wait for this process;
        read the partitions back in record order, each when its turn to be saved comes (the
        others wait on disk, not in memory)."""
        from timeline.ingest.parts import read_partition, remove_partition

        self._batch += 1
        futures = [
            self.client.submit(
                analyse_partition,
                chunk,
                self.folder,
                f"{self._run}-b{self._batch:06d}-p{at:05d}",
                pure=False,
            )
            for at, chunk in enumerate(chunks)
        ]
        try:
            for future, chunk in zip(futures, chunks, strict=True):
                try:
                    stem = future.result()
                    found = read_partition(stem)
                except Exception as exc:  # the task, or its partition, is lost: so its records
                    on_done(chunk, [_lost(record.article.name, exc) for _, record in chunk])
                else:
                    remove_partition(stem)
                    on_done(chunk, [found[index] for index, _ in chunk])
        except BaseException:
            _drop(self.client, futures)
            raise


def _drop(client: Any, futures: list[Any]) -> None:
    """Cancel the tasks of a batch left unsaved (a stop) and delete the partitions they wrote."""
    from timeline.ingest.parts import remove_partition

    with contextlib.suppress(Exception):  # a cluster gone: nothing more to ask it
        client.cancel([future for future in futures if not future.done()])
        for future in futures:
            if future.status == "finished":
                remove_partition(future.result())


def _lost(name: str, exc: BaseException) -> FileResult:
    """The result of a record whose Dask task failed (it is analysed again on the next run)."""
    return FileResult(name, error=f"{name}: its Dask task failed ({type(exc).__name__}: {exc})")


@contextmanager
def dask_analyser(
    scheduler: str | None = None, workers: int = 2, parts: str | None = None
) -> Iterator[DaskAnalyser]:
    """Connect to the scheduler at an address, or start a LocalCluster of `workers` processes
    (one thread each), for the length of an ingest.

    Args:
        scheduler: a Dask scheduler address (tcp://host:8786); None starts a local cluster.
        workers: processes of the local cluster.
        parts: folder for the Parquet partitions, on storage the workers share with this
            process; None makes a temporary one (enough for a local cluster).

    Raises:
        EngineMissing: dask, distributed or pyarrow is not installed.
        EngineFailed: the scheduler cannot be reached.
    """
    try:
        import dask
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401 (the partitions need it; say so before starting anything)
    except ImportError:
        raise EngineMissing(INSTALL_HINT) from None
    folder = parts or tempfile.mkdtemp(prefix="timeline-parts-")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise EngineFailed(f"cannot make the partition folder {folder}: {exc.strerror}") from None
    try:
        with dask.config.set(QUIET), _client(scheduler, workers) as client:
            yield DaskAnalyser(client, folder)
    finally:
        if parts is None:
            shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at an address, or of a LocalCluster of `workers` processes
    (one thread each, no dashboard), closed with the cluster at the end."""
    from dask.distributed import Client, LocalCluster

    cluster: Any = None
    try:
        try:
            if scheduler is None:
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # its HTTP server on any free port, never 8787
                    scheduler_kwargs={"dashboard": False},  # which another cluster may hold
                )
                client = Client(cluster)
            else:
                client = Client(scheduler, timeout=10)
        except (OSError, TimeoutError) as exc:
            where = scheduler or "a local cluster"
            raise EngineFailed(f"cannot reach the Dask scheduler at {where}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
