"""Metadata for Datasette: `datasette timeline.db -m metadata.json` opens with search and facets.

Descriptions of the tables and their columns, full-text search on events through the search
index the store keeps (events_fts), and facets on precision and on tags (the event_tags view).
"""

from __future__ import annotations

from typing import Any

EVENT_COLUMNS = {
    "id": "Stable id of the event.",
    "title": "What happened, cut from the article's sentence.",
    "start": "ISO 8601 date cut to its precision (2012, 2022-08, 2022-08-31, 2022-08-31T14:30); "
    "negative years are BCE (ISO astronomical numbering).",
    "end": "End of a range, in the same form, or empty.",
    "precision": "year, month, day or minute.",
    "approximate": "1 when the date is approximate (EDTF ~).",
    "details": "Notes added by hand.",
    "quote": "The sentence the event was found in.",
    "tags": "Tags separated by '; ' (see the event_tags view for one row per tag).",
    "source_id": "The article the event came from.",
    "span_start": "Offset of the quote in the article text.",
    "span_end": "End offset of the quote in the article text.",
    "date_basis": "How the date was found: expression, publication, narrative, report; "
    "empty when a person gave it.",
    "date_text": "The date expression as the article wrote it.",
    "counted_from": "The date a relative expression was counted from.",
    "created_at": "When the event was stored (UTC).",
    "updated_at": "When the event was last edited by hand (UTC), or empty.",
    "sort": "Sort key: the start, or ~ for undated events (they sort last).",
}

SOURCE_COLUMNS = {
    "id": "Stable id of the article.",
    "title": "Headline of the article.",
    "url": "Where the article was read.",
    "published": "Publication date (ISO 8601).",
    "sha256": "Hash of the text: the same text is stored once.",
    "text": "The article text events were found in.",
    "ingested_at": "When the article was ingested (UTC).",
}


def metadata(database: str, title: str = "timeline") -> dict[str, Any]:
    """Datasette metadata for a timeline database named `database` (its file name's stem)."""
    return {
        "title": title,
        "description": "A sourced, dated chronology built from news articles.",
        "databases": {
            database: {
                "tables": {
                    "events": {
                        "description": "One row per event, in date order by sort, id.",
                        "columns": EVENT_COLUMNS,
                        "sort": "sort",
                        "fts_table": "events_fts",
                        "fts_pk": "id",
                        "searchmode": "escaped",
                        "facets": ["precision", "approximate", "date_basis"],
                        "label_column": "title",
                    },
                    "sources": {
                        "description": "The articles events were found in.",
                        "columns": SOURCE_COLUMNS,
                        "label_column": "title",
                    },
                    "event_tags": {
                        "description": "One row per event and tag: facet on tag to count them.",
                        "columns": {"event_id": "The event.", "tag": "One of its tags."},
                        "facets": ["tag"],
                    },
                    "events_fts": {"hidden": True},
                }
            }
        },
    }
