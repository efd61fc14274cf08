"""Fixtures shared by every test package: a real SQLite store in a temporary directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Store


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


EXPORT_EVENTS = Path(__file__).parent / "export_events.jsonl"
"""Fixed events for the export tests (our own words): every precision, ranges, approximate,
BCE, undated, markup and formula-like text, several tags, sources with and without links."""


@pytest.fixture
def export_store(store: Store) -> Store:
    """A store holding the fixed export events, ids and timestamps as written in the file."""
    with open(EXPORT_EVENTS, encoding="utf-8") as inp:
        store.import_jsonl(inp)
    return store
