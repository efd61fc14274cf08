"""Exceptions the store raises; each names the condition and carries a one-line message."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: anything the store refuses, with a message fit for one line of output."""


class BadDatabase(StoreError):
    """The path is not a usable SQLite database (a directory, another kind of file, ...)."""


class NewerSchema(StoreError):
    """The database was written by a newer version of timeline than this one."""


class ReadOnlyStore(StoreError):
    """A write was asked of a store opened read-only."""


class EventNotFound(StoreError):
    """No event has the given id."""


class BadEvent(StoreError):
    """An event's fields break a rule (empty title, unknown precision, malformed date).

    `field` names the field at fault and `problem` says what is wrong with it without naming
    it, so an import can say "line 3, column title: ..." in its own terms.
    """

    def __init__(self, message: str, field: str | None = None, problem: str | None = None):
        super().__init__(message)
        self.field = field
        self.problem = problem or message


class BadCSV(StoreError):
    """A CSV file cannot be imported; the message names the line and the column."""


class EventChanged(StoreError):
    """An undo found the event changed (or gone, or back) since: it is not the undo's to touch."""


class DatabaseLocked(StoreError):
    """Another program held the write lock for longer than the store waits."""


class DiskFull(StoreError):
    """The disk (or the database's size limit) is full; nothing of the write was kept."""


class ConstraintFailed(StoreError):
    """A rule of the database (a foreign key, a unique id) refused a row."""


class DamagedDatabase(StoreError):
    """The file is a timeline database with corrupt pages; the message says how to recover."""


QUOTE_CHARS = 40
"""Most characters of a user's input an error message quotes."""


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """`repr` of at most `limit` characters of some input, marked `…` when cut: messages
    stay one line whatever was typed or imported."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit]) + f"… ({len(text):,} characters)"


def translate(exc: BaseException, path: object, doing: str = "nothing was saved") -> StoreError:
    """The StoreError for an sqlite3 error or an OSError met while using the database at `path`.

    `doing` ends the message: what became of the operation ("nothing was saved").
    """
    text = " ".join(str(exc).split())
    lowered = text.lower()
    if isinstance(exc, StoreError):
        return exc
    if "locked" in lowered or "busy" in lowered:
        return DatabaseLocked(f"{path}: another program is writing to it; {doing}")
    if "full" in lowered or getattr(exc, "errno", None) == 28:
        return DiskFull(f"{path}: the disk is full; {doing}")
    if "readonly" in lowered or "read-only" in lowered:
        return ReadOnlyStore(f"{path} cannot be written (read-only file or folder); {doing}")
    if "constraint" in lowered or type(exc).__name__ == "IntegrityError":
        return ConstraintFailed(f"{path}: refused by the database ({text}); {doing}")
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return damaged(path)
    if "unable to open" in lowered:
        return BadDatabase(f"cannot open {path} (is its folder readable and writable?)")
    return StoreError(f"{path}: {text}; {doing}")


def damaged(path: object) -> DamagedDatabase:
    """The error for a database with corrupt pages, saying how to get its rows back."""
    return DamagedDatabase(
        f"{path} is damaged; recover what it holds with: "
        f"sqlite3 {path} .recover | sqlite3 recovered.db"
    )
