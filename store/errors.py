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
    """An event's fields break a rule (empty title, unknown precision, malformed date)."""


class BadCSV(StoreError):
    """A CSV file cannot be imported; the message names the line and the column."""


class EventChanged(StoreError):
    """An undo found the event changed (or gone, or back) since: it is not the undo's to touch."""
