"""The Dask engine: the same corpus gives the same export through the local pool and through
Dask tasks (a LocalCluster in threads), and partitions read back as they were written."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from tests.corpus_fixtures import newsroom_records, write_corpus
from timeline.ingest.corpus_ingest import ingest_corpora
from timeline.ingest.pipeline import Analysis, FileResult
from timeline.store import NewEvent, NewSource, Store, export

distributed = pytest.importorskip(
    "distributed", reason='the dask extra is not installed (pip install "timeline[dask]")'
)
pytest.importorskip(
    "pyarrow", reason='the dask extra is not installed (pip install "timeline[dask]")'
)

TODAY = dt.date(2030, 1, 1)


def exported(path: Path, fmt: str) -> str:
    with Store.open(path) as store:
        out = io.StringIO()
        export(store, out, fmt)
        return out.getvalue()


def test_dask_and_the_local_pool_give_the_same_export(tmp_path: Path) -> None:
    from timeline.ingest.dask_engine import dask_analyser

    records = newsroom_records(36)
    records[9]["published"] = "3000-01-01"
    corpus = write_corpus(tmp_path / "desk.jsonl.gz", records)
    with Store.open(tmp_path / "local.db") as store:
        local = ingest_corpora(store, [str(corpus)], TODAY, jobs=2)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        dask_analyser(cluster.scheduler_address, parts=str(tmp_path / "parts")) as analyser,
        Store.open(tmp_path / "dask.db") as store,
    ):
        assert analyser.width == 2
        dask = ingest_corpora(store, [str(corpus)], TODAY, analyser=analyser)
    assert (
        (dask.added, dask.events, len(dask.bad))
        == (local.added, local.events, 1)
        == (
            35,
            local.events,
            1,
        )
    )
    assert exported(tmp_path / "dask.db", "csv") == exported(tmp_path / "local.db", "csv")
    assert exported(tmp_path / "dask.db", "markdown") == exported(tmp_path / "local.db", "markdown")
    assert list((tmp_path / "parts").iterdir()) == []  # each partition removed once saved


def test_a_partition_reads_back_as_written(tmp_path: Path) -> None:
    from timeline.ingest.parts import read_partition, write_partition

    events = (
        NewEvent(title="Bridge shut", start="2027-03", precision="month", tags=("roads",)),
        NewEvent(title="Undated talk", quote="They said so.", span_start=4, span_end=9),
    )
    analysis = Analysis(
        "desk.jsonl:3",
        NewSource("Bridge", None, "2027-03-04", "Bridge shut in March."),
        events,
        ("one warning",),
        kinds=("event", "support"),
        positions=(0, 2),
    )
    plain = Analysis("desk.jsonl:4", NewSource(None, "u", None, "No dates."), (), ())
    failed = FileResult("desk.jsonl:5", error="desk.jsonl:5: cannot analyse (ValueError: x)")
    stem = write_partition(str(tmp_path), "p1", [(0, analysis), (1, plain), (2, failed)])
    assert read_partition(stem) == {0: analysis, 1: plain, 2: failed}


class _Done:
    """A finished Dask future whose result is a partition stem (no cluster needed)."""

    def __init__(self, stem: str, log: list[str]) -> None:
        self.stem = stem
        self.log = log

    def result(self) -> str:
        self.log.append("waited")
        return self.stem


class _Client:
    """Runs each submitted task at once and notes submissions and waits in order."""

    def __init__(self) -> None:
        self.log: list[str] = []

    def nthreads(self) -> dict[str, int]:
        return {"worker": 1}

    def submit(self, function: Any, *args: Any, pure: bool) -> _Done:
        self.log.append("submitted")
        return _Done(function(*args), self.log)


def test_a_batch_is_submitted_whole_and_saved_in_record_order(tmp_path: Path) -> None:
    from timeline.ingest.corpus import Fields, Record, read_corpus
    from timeline.ingest.dask_engine import DaskAnalyser

    corpus = write_corpus(tmp_path / "wire.jsonl", newsroom_records(12))
    records = [r for r in read_corpus(str(corpus), Fields(), TODAY) if isinstance(r, Record)]
    chunks = [list(enumerate(records))[at : at + 2] for at in range(0, 12, 2)]
    client = _Client()
    saved: list[int] = []
    DaskAnalyser(client, str(tmp_path)).run(
        chunks, lambda chunk, found: saved.extend(index for index, _ in chunk)
    )
    # every task handed to the cluster before this process waits for one: the workers never
    # idle while the (slower) saving goes on
    assert client.log == ["submitted"] * 6 + ["waited"] * 6
    assert saved == list(range(12))
    assert list(tmp_path.glob("*.parquet")) == []


def test_a_local_cluster_keeps_dask_upkeep_rare() -> None:
    from timeline.ingest.dask_engine import dask_analyser

    def upkeep() -> tuple[Any, Any]:
        import dask

        return (
            dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"),
        )

    with dask_analyser(None, 1) as analyser:
        assert list(analyser.client.run(upkeep).values()) == [(False, "1s")]
