"""Reading events in date order under a filter: keyset pages, counts, jumps and the chart.

A date filter keeps every event whose span meets the filter's span. Most of them start inside
the filter and are read straight from the (sort, id) index; the few that start before it and
reach into it (a range `2021..2023` under `2022`, a year `2022` under `June 2022`) are
collected once per filter into a small temporary table and come first, since they sort first.
So a page costs the same at a million events as at a hundred.
"""

from __future__ import annotations

import functools
import math
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import Any

import sqlite_utils

from timeline.store.errors import StoreError, translate
from timeline.store.models import UNDATED_SORT, Event, Filter, SortKey, iso_of_sort, sort_key
from timeline.store.rows import EVENT_COLUMNS, EVENT_FROM, row_to_event

_WORD = re.compile(r"\w+", re.UNICODE)

Arm = tuple[list[str], list[Any]]
"""SQL conditions and their parameters for one part of a filtered list, in date order."""


def fts_query(words: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, the last as a prefix.

    Returns None when nothing searchable was typed.
    """
    tokens = _WORD.findall(words)
    if not tokens:
        return None
    quoted = [f'"{token}"' for token in tokens]
    if not words.rstrip() or words[-1:].isalnum() or words[-1:] == "_":
        quoted[-1] += "*"
    return " ".join(quoted)


def locked(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a read under the store's lock, so the temporary tables it relies on stay put."""

    @functools.wraps(method)
    def wrapper(self: Reading, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise self._explain(exc, "nothing was read") from None

    return wrapper


def _tag_condition(tag: str) -> tuple[list[str], list[Any]]:
    """Conditions for "carries this tag" (case aside): the search index finds the few events
    whose tags hold its words, then the stored cell (`a; b\\; c`) is checked for the whole tag;
    a tag with no word in it falls back to the event_tags view."""
    from timeline.store.tags import join_tags

    words = _WORD.findall(tag)
    if not words:
        return ["e.id IN (SELECT event_id FROM event_tags WHERE tag = ? COLLATE NOCASE)"], [tag]
    return [
        "e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)",
        "instr('; ' || lower(e.tags) || ';', '; ' || lower(?) || ';') > 0",
    ], ['tags : "' + " ".join(words) + '"', join_tags((tag,))]


def _lenient_text(data: bytes) -> str:
    """Decode a text value SQLite holds, bytes that are not UTF-8 as U+FFFD."""
    return data.decode("utf-8", "replace")


def _joined(clauses: Sequence[str]) -> str:
    """`WHERE a AND b`, or nothing."""
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


class Reading:
    """The read side of the Store (mixed into it): everything that walks events in date order."""

    db: sqlite_utils.Database
    _lock: threading.RLock
    _writes: int

    def _init_reading(self) -> None:
        """Forget the temporary tables' contents (search hits, ranges reaching into a filter)."""
        self._cached: dict[str, tuple[Any, int]] = {}

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read under the lock and return all rows; errors become StoreErrors."""
        with self._lock:
            try:
                return self.db.execute(sql, params).fetchall()
            except sqlite3.OperationalError as exc:
                if "decode to UTF-8" not in str(exc):
                    raise self._explain(exc, "nothing was read") from None
            # text another program wrote that is not UTF-8: from now on this connection reads
            # bad bytes as U+FFFD (only then: a Python decoder for every value slows reads)
            self.db.conn.text_factory = _lenient_text
            try:
                return self.db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._explain(exc, "nothing was read") from None

    def _explain(self, exc: BaseException, doing: str) -> StoreError:
        """The StoreError for a failed operation (the Store says more)."""
        return translate(exc, getattr(self, "path", "database"), doing)

    def _temp_ids(self, name: str, version: Any, fill: Callable[[], object]) -> int:
        """(Re)build temp.<name> (ids) unless built for this version of the database; its size.

        Callers hold the lock.
        """
        stamp = (version, self.db.execute("PRAGMA data_version").fetchone()[0], self._writes)
        cached = self._cached.get(name)
        if cached is None or cached[0] != stamp:
            self.db.execute(f"DROP TABLE IF EXISTS temp.{name}")
            self.db.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY)")
            fill()
            size = self.db.execute(f"SELECT count(*) FROM temp.{name}").fetchone()[0]
            self._cached[name] = cached = (stamp, size)
        return cached[1]

    def _search_hits(self, match: str) -> int:
        """Collect the ids matching a search into temp.search_hits (title, details, quote,
        tags, or the title of a source telling the event); returns how many."""

        def fill() -> None:
            self.db.execute(
                "INSERT INTO temp.search_hits SELECT rowid FROM events_fts "
                "WHERE events_fts MATCH ?",
                [match],
            )
            # the events of a source whose title matches (its own and those it tells too)
            told = "SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?"
            self.db.execute(
                "INSERT OR IGNORE INTO temp.search_hits "
                f"SELECT event_id FROM mentions WHERE source_id IN ({told}) "
                f"UNION SELECT id FROM events WHERE source_id IN ({told})",
                [match, match],
            )

        return self._temp_ids("search_hits", match, fill)

    def _reaching_in(self, low: str) -> int:
        """Collect into temp.reaching_in the events that start before `low` (a sort value) and
        end at or after it: ranges (partial index on sort_end) and coarser dates that contain
        it (a year or month whose sort value is a prefix of `low`). Returns how many.
        """
        prefixes = sorted({low[:5], low[:8], low[:11], low[:14]} - {low})

        def fill() -> None:
            self.db.execute(
                "INSERT OR IGNORE INTO temp.reaching_in SELECT id FROM events "
                'WHERE "end" IS NOT NULL AND sort_end >= ? AND sort < ?',
                [low, low],
            )
            marks = ", ".join("?" for _ in prefixes)
            self.db.execute(
                "INSERT OR IGNORE INTO temp.reaching_in SELECT id FROM events "
                f'WHERE sort IN ({marks}) AND "end" IS NULL',
                prefixes,
            )

        return self._temp_ids("reaching_in", low, fill)

    def _size(self) -> int:
        """A cheap upper bound on the number of events (the largest id)."""
        size: int = self.db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        return size

    def _arms(self, flt: Filter | None, paging: bool = False) -> list[Arm]:
        """The parts of a filtered list in date order: those reaching into the date filter
        from before it, then those starting in it.

        A page of a search walks the date index and tests each row against the search index
        when the words are common (it soon finds a page), and starts from the matches when
        they are rare (so it never scans the table for a few hits).
        """
        clauses: list[str] = []
        params: list[Any] = []
        if flt is None:
            return [(clauses, params)]
        match = fts_query(flt.query or "")
        if match:
            hits = self._search_hits(match)
            # many hits: walk the date index and probe the hits ("+" keeps SQLite from
            # starting at the hits); few hits: look them up and sort them
            walk = paging and hits > max(2000, math.isqrt(200 * self._size()))
            clauses.append(("+" if walk else "") + "e.id IN temp.search_hits")
        if flt.key_only:
            clauses.append("e.is_key = 1")  # literal, so the partial index events_key_sort serves
        if flt.conflicts:
            clauses.append("e.conflict = 1")
        if flt.source_id is not None:
            clauses.append(
                "(e.source_id = ? OR e.id IN (SELECT event_id FROM mentions WHERE source_id = ?))"
            )
            params += [flt.source_id, flt.source_id]
        if (flt.tag or "").strip():
            tag_clauses, tag_params = _tag_condition((flt.tag or "").strip())
            clauses += tag_clauses
            params += tag_params
        if flt.date_to:
            clauses.append("e.sort <= ?")
            params.append(sort_key(flt.date_to) + "~")
        if flt.date_from or flt.date_to:
            clauses.append("e.sort != ?")  # an undated event meets no date range
            params.append(UNDATED_SORT)
        if not flt.date_from:
            return [(clauses, params)]
        low = sort_key(flt.date_from)
        arms: list[Arm] = []
        if self._reaching_in(low):
            arms.append(([*clauses, "e.id IN temp.reaching_in"], list(params)))
        arms.append(([*clauses, "e.sort >= ?"], [*params, low]))
        return arms

    @locked
    def page_after(self, key: SortKey | None, limit: int, flt: Filter | None = None) -> list[Event]:
        """Up to `limit` events strictly after `key` in date order (from the first if None)."""
        found: list[Event] = []
        for clauses, params in self._arms(flt, paging=True):
            if len(found) >= limit:
                break
            if key is not None:
                clauses, params = [*clauses, "(e.sort, e.id) > (?, ?)"], [*params, *key]
            sql = (
                f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {_joined(clauses)} "
                "ORDER BY e.sort, e.id LIMIT ?"
            )
            found += [row_to_event(r) for r in self._query(sql, [*params, limit - len(found)])]
        return found

    @locked
    def page_before(
        self, key: SortKey | None, limit: int, flt: Filter | None = None
    ) -> list[Event]:
        """Up to `limit` events strictly before `key`, ascending (the last ones if None)."""
        found: list[Event] = []
        for clauses, params in reversed(self._arms(flt, paging=True)):
            if len(found) >= limit:
                break
            if key is not None:
                clauses, params = [*clauses, "(e.sort, e.id) < (?, ?)"], [*params, *key]
            sql = (
                f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {_joined(clauses)} "
                "ORDER BY e.sort DESC, e.id DESC LIMIT ?"
            )
            rows = self._query(sql, [*params, limit - len(found)])
            found = [row_to_event(r) for r in reversed(rows)] + found
        return found

    @locked
    def key_at_or_after(self, date_iso: str, flt: Filter | None = None) -> SortKey | None:
        """The key of the first event on or after a date (ISO prefix), or None."""
        for clauses, params in self._arms(flt):
            sql = (
                f"SELECT e.sort, e.id FROM events e {_joined([*clauses, 'e.sort >= ?'])} "
                "ORDER BY e.sort, e.id LIMIT 1"
            )
            rows = self._query(sql, [*params, sort_key(date_iso)])
            if rows:
                return (rows[0][0], rows[0][1])
        return None

    @locked
    def count(self, flt: Filter | None = None) -> int:
        """How many events the filter lets through."""
        match = fts_query(flt.query or "") if flt else None
        narrowed = flt is not None and (
            flt.date_from or flt.date_to or flt.source_id is not None or (flt.tag or "").strip()
        )
        if match and flt is not None and not narrowed:
            return self._search_hits(match)
        return sum(
            self._query(f"SELECT count(*) FROM events e {_joined(clauses)}", params)[0][0]
            for clauses, params in self._arms(flt)
        )

    @locked
    def count_before(self, key: SortKey, flt: Filter | None = None) -> int:
        """How many filtered events come before `key`: the position of that event."""
        total = 0
        for clauses, params in self._arms(flt):
            where = _joined([*clauses, "(e.sort, e.id) < (?, ?)"])
            total += self._query(f"SELECT count(*) FROM events e {where}", [*params, *key])[0][0]
        return total

    @locked
    def density(self, flt: Filter | None = None, unit: str = "year") -> list[tuple[str, int]]:
        """Dated events per year or per month, in date order, for the overview chart.

        Periods are ISO (`-0043`, `2022-08`), in date order across the year 0.
        """
        width = {"year": 5, "month": 8}[unit]
        counts: dict[str, int] = {}
        for clauses, params in self._arms(flt):
            where = [*clauses, "e.sort != ?"] + (["length(e.sort) >= 8"] if unit == "month" else [])
            sql = (
                f"SELECT substr(e.sort, 1, {width}) AS period, count(*) FROM events e "
                f"{_joined(where)} GROUP BY period"
            )
            for period, number in self._query(sql, [*params, UNDATED_SORT]):
                counts[period] = counts.get(period, 0) + number
        return [(iso_of_sort(period), counts[period]) for period in sorted(counts)]

    def events_for_source(self, source_id: int) -> list[Event]:
        """All events taken from one source, in date order."""
        sql = (
            f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.source_id = ? ORDER BY e.sort, e.id"
        )
        return [row_to_event(row) for row in self._query(sql, [source_id])]

    def _where(self, flt: Filter | None) -> tuple[list[str], list[Any]]:
        """One set of conditions for the whole filtered list (for a scan such as an export)."""
        arms = self._arms(flt)
        if len(arms) == 1:
            return arms[0]
        (reach, reach_params), (main, main_params) = arms
        return [f"(({' AND '.join(reach)}) OR ({' AND '.join(main)}))"], [
            *reach_params,
            *main_params,
        ]
