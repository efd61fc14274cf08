"""Fixtures shared by every test package: a real SQLite store in a temporary directory."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.store import Store


def pytest_configure() -> None:
    """Let the commands the tests start take Ctrl+C as a terminal gives it: a suite started in
    the background of a script inherits Ctrl+C ignored, and every process it starts would too,
    so the tests that stop a command with it would see it run to the end."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database lives."""
    return tmp_path / "timeline.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An empty, migrated store on a real file."""
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config directory of the test's own: no test reads or writes a user's config.toml."""
    path = tmp_path / "config"
    monkeypatch.setenv("TIMELINE_CONFIG_DIR", str(path))
    return path


EXPORT_EVENTS = Path(__file__).parent / "export_events.jsonl"
"""Fixed events for the export tests (our own words): every precision, ranges, approximate,
BCE, undated, markup and formula-like text, several tags, sources with and without links."""


@pytest.fixture
def export_store(store: Store) -> Store:
    """A store holding the fixed export events, ids and timestamps as written in the file."""
    with open(EXPORT_EVENTS, encoding="utf-8") as inp:
        store.import_jsonl(inp)
    return store
