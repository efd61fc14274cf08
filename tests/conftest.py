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
