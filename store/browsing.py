"""Reading around the events: the sources with their event counts, the events of one day of
the year (on this day), and the database's own id. Mixed into the Store."""

from __future__ import annotations

from typing import Any

from timeline.store.mentions import EDITED, MENTION_COLUMNS, MENTION_FROM, row_to_mention
from timeline.store.models import Event, Filter, Mention, SourceSummary
from timeline.store.reading import Reading, fts_query, locked
from timeline.store.rows import EVENT_COLUMNS, EVENT_FROM, row_to_event
from timeline.store.schema import DAY_DATED, MONTH_DAY

_TOLD = (
    "(SELECT count(*) FROM (SELECT event_id FROM mentions WHERE source_id = s.id "
    "UNION SELECT id FROM events WHERE source_id = s.id))"
)
"""How many events a source (`s`) tells: those taken from it and those it backs."""


class Browsing(Reading):
    """Sources, on this day and the database id: reads the CLI and the app share."""

    @locked
    def list_sources(self, query: str | None = None) -> list[SourceSummary]:
        """Every source in publication order, with how many events it tells.

        Args:
            query: Words the title must hold (full text, the last word as a prefix), or a
                piece of its URL or file path.
        """
        where, params = "", []
        text = (query or "").strip()
        if text:
            match = fts_query(text)
            found = "instr(lower(coalesce(s.url, '') || ' ' || coalesce(s.path, '')), lower(?))"
            params.append(text)
            if match:
                found += " OR s.id IN (SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?)"
                params.append(match)
            where = f"WHERE {found}"
        rows = self.db.execute(
            f"SELECT s.id, s.title, s.url, s.published, s.path, {_TOLD} FROM sources s {where} "
            "ORDER BY s.published IS NULL, s.published, s.id",
            params,
        ).fetchall()
        return [SourceSummary(*row) for row in rows]

    @locked
    def on_this_day(self, month: int, day: int, flt: Filter | None = None) -> list[Event]:
        """Events dated to a day (or a minute) that fall on `month`/`day` in any year, in
        date order; `flt` narrows them as it narrows the list."""
        clauses, params = self._where(flt)
        # written as the index events_month_day is, so SQLite uses it
        condition = f"{DAY_DATED} AND {MONTH_DAY} = ?"
        where = " AND ".join([*clauses, condition])
        sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE {where} ORDER BY e.sort, e.id"
        values: list[Any] = [*params, f"{month:02d}-{day:02d}"]
        return [row_to_event(row) for row in self.db.execute(sql, values).fetchall()]

    @locked
    def source_mentions(self, source_id: int) -> list[Mention]:
        """Every sentence of one source that tells an event, in the order of the text (the
        reader marks them in its margin)."""
        sql = (
            f"SELECT {MENTION_COLUMNS} FROM {MENTION_FROM} WHERE m.source_id = ? "
            "ORDER BY m.span_start IS NULL, m.span_start, m.position, m.id"
        )
        return [row_to_mention(row) for row in self.db.execute(sql, [source_id]).fetchall()]

    @locked
    def meta(self, key: str) -> str | None:
        """A note the program keeps about this database (`set_meta`), or None."""
        row = self.db.execute("SELECT value FROM timeline_meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    @locked
    def hand_made(self) -> int:
        """How many events hold a person's work: typed by hand, edited, or dated by a pick."""
        sql = (
            f"SELECT count(*) FROM events e WHERE {EDITED} OR e.date_pick IS NOT NULL "
            "OR NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)"
        )
        return int(self.db.execute(sql).fetchone()[0])

    @locked
    def database_id(self) -> str:
        """A random id given to this database when it was made (calendar UIDs carry it)."""
        row = self.db.execute(
            "SELECT value FROM timeline_meta WHERE key = 'database_id'"
        ).fetchone()
        return str(row[0]) if row else "timeline"
