"""What every exporter module provides, and what an export reports back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TextIO

from timeline.store.models import Event


@dataclass(frozen=True, slots=True)
class Written:
    """What an export wrote: events written, events the format cannot hold, and why."""

    rows: int
    skipped: int = 0
    note: str = ""

    def message(self, path: str) -> str:
        """One line for the user: `exported 12 events to out.ics (2 BCE events left out ...)`."""
        text = f"exported {self.rows} event{'' if self.rows == 1 else 's'} to {path}"
        return f"{text} ({self.note})" if self.note else text


class Exporter(Protocol):
    """An export format: a module with these names (see store/exporters/csv_export.py)."""

    names: tuple[str, ...]
    extension: str
    description: str

    def write(self, events: Iterable[Event], out: TextIO) -> Written:
        """Write the events, in the order given, to a text stream opened with newline=""."""
        ...


def skipped_note(undated: int, bce: int = 0, why: str = "") -> tuple[int, str]:
    """Count and one-line reason for events a format leaves out."""
    parts = []
    if bce:
        parts.append(f"{bce} BCE event{'s' if bce != 1 else ''}")
    if undated:
        parts.append(f"{undated} undated event{'s' if undated != 1 else ''}")
    if not parts:
        return 0, ""
    return bce + undated, f"{' and '.join(parts)} left out: {why}"
