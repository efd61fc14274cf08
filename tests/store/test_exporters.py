"""Every export format on fixed events: golden files, and what each format must say.

Regenerate the golden files after a deliberate change with `UPDATE_GOLDENS=1 pytest
tests/store/test_exporters.py`, then read the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from timeline.store import FORMAT_NAMES, Store, Written, export, export_file, format_for_path
from timeline.store.exporters import html_page, timelinejs_csv

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = {
    "csv": "csv",
    "timelinejs-csv": "timelinejs.csv",
    "timelinejs-json": "json",
    "ics": "ics",
    "markdown": "md",
    "jsonl": "jsonl",
    "html": "html",
}


def exported(store: Store, fmt: str) -> tuple[str, Written]:
    """The export as text, and what it reported."""
    out = io.StringIO(newline="")
    written = export(store, out, fmt)
    # calendar UIDs carry the database's random id: the golden file names it DBID
    return out.getvalue().replace(f".{store.database_id()}@", ".DBID@"), written


def test_every_format_has_a_golden_file() -> None:
    assert set(EXTENSIONS) == set(FORMAT_NAMES)


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_export_matches_its_golden_file(export_store: Store, fmt: str) -> None:
    text, _ = exported(export_store, fmt)
    golden = GOLDEN / f"events.{EXTENSIONS[fmt]}"
    if os.environ.get("UPDATE_GOLDENS") == "1":
        golden.write_bytes(text.encode("utf-8"))
    assert text == golden.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("out.csv", "csv"),
        ("OUT.CSV", "csv"),
        ("sheet.timelinejs.csv", "timelinejs-csv"),
        ("story.json", "timelinejs-json"),
        ("cal.ics", "ics"),
        ("notes.md", "markdown"),
        ("dump.jsonl", "jsonl"),
        ("page.html", "html"),
        ("notes.txt", None),
    ],
)
def test_format_is_read_from_the_extension(name: str, fmt: str | None) -> None:
    assert format_for_path(name) == fmt


def test_timelinejs_sheet_has_the_template_columns_and_dates(export_store: Store) -> None:
    text, written = exported(export_store, "timelinejs-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    header = text.split("\r\n", 1)[0].split(",")
    assert header == list(timelinejs_csv.COLUMNS) and len(header) == 19
    by_title = {row["Headline"]: row for row in rows}
    assert len(rows) == 9 and written.skipped == 1  # the undated event has no year
    bce = by_title["Senate meeting ends in violence"]  # ISO -0043 is 44 BCE
    assert (bce["Year"], bce["Month"], bce["Day"], bce["Time"]) == ("-44", "3", "", "")
    approx = by_title['Talks resumed <quietly> & "openly"']
    assert (approx["Year"], approx["Month"], approx["Day"]) == ("2022", "8", "")
    assert approx["Display Date"] == "c. Aug 2022"
    assert approx["Group"] == "talks"
    visit = by_title["Two-day visit to the port city"]
    assert [visit[c] for c in ("Year", "Month", "Day", "End Year", "End Month", "End Day")] == [
        "2022",
        "8",
        "30",
        "2022",
        "8",
        "31",
    ]
    assert visit["Text"] == (
        "<blockquote>The delegation&#x27;s visit lasted two days, officials said.</blockquote>"
        '<p>Source: <a href="https://example.org/news/visit?id=3&amp;lang=en">'
        "Port city welcomes delegation</a>, 2022-09-01</p>"
    )
    minute = by_title["Signing ceremony began"]
    assert minute["Time"] == "14:30"
    assert minute["Group"] == "'+ceremony"  # a sheet would run it as a formula
    marked = by_title["</script><b>not bold</b>"]
    assert "<script>" not in marked["Text"] and "&lt;script&gt;" in marked["Text"]
    assert "javascript:" not in marked["Text"].split("Source:")[1]  # no link to a script URL


def test_timelinejs_json_dates_ids_and_groups(export_store: Store) -> None:
    text, _ = exported(export_store, "timelinejs-json")
    data = json.loads(text)
    assert data["title"]["text"]["headline"] == "Timeline"
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert "10" not in slides  # undated
    assert slides["2"]["start_date"] == {"year": -44}
    assert slides["2"]["display_date"] == "c. 44 BCE"
    assert slides["4"]["start_date"] == {"year": 2021, "month": 11}
    assert slides["4"]["end_date"] == {"year": 2022, "month": 2}
    assert slides["7"]["start_date"] == {
        "year": 2022,
        "month": 8,
        "day": 31,
        "hour": 14,
        "minute": 30,
    }
    assert slides["6"]["group"] == "visit"
    assert slides["8"]["text"]["headline"] == "</script><b>not bold</b>"  # JSON, not HTML


def test_markdown_groups_by_year_and_month_and_escapes(export_store: Store) -> None:
    text, _ = exported(export_store, "markdown")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:4] == [
        "# 44 BCE",
        "### c. 44 BCE — Consuls named for the year",
        "## March",
        "### Mar 44 BCE — Senate meeting ends in violence",
    ]
    assert "# 2022" in headings and "## August" in headings and "# Undated" in headings
    assert "### 30–31 Aug 2022 — Two-day visit to the port city" in headings
    assert "### 1 Sep 2022 — \\</script\\>\\<b\\>not bold\\</b\\>" in headings
    assert "> The delegation's visit lasted two days, officials said." in text
    assert (
        "Source: [Port city welcomes delegation]"
        "(<https://example.org/news/visit?id=3&lang=en>), 2022-09-01" in text
    )
    assert "\\- and this line like a list" in text  # not a list item
    assert "Source: A page with a bad link" in text  # no javascript: link


def test_html_escapes_text_and_allows_no_request(export_store: Store) -> None:
    text, written = exported(export_store, "html")
    assert written.rows == 10 and text.count("data-event-id=") == 10
    assert "</script><b>" not in text
    assert "&lt;/script&gt;&lt;b&gt;not bold&lt;/b&gt;" in text
    assert 'href="javascript:' not in text
    assert f'content="{html_page.CSP}"' in text
    assert "default-src 'none'" in html_page.CSP and "unsafe-inline" not in html_page.CSP
    urls = {part.split('"')[0] for part in text.split('href="')[1:]} | {
        part.split('"')[0] for part in text.split('src="')[1:]
    }
    assert urls == {"https://example.org/news/visit?id=3&amp;lang=en"}  # links only, no loads


def test_export_file_refuses_an_unknown_extension_without_a_format(
    export_store: Store, tmp_path: Path
) -> None:
    from timeline.store import UnknownFormat

    with pytest.raises(UnknownFormat, match="cannot tell the format"):
        export_file(export_store, tmp_path / "events.txt")
    assert not (tmp_path / "events.txt").exists()


def test_export_file_writes_the_format_its_extension_names(
    export_store: Store, tmp_path: Path
) -> None:
    written = export_file(export_store, tmp_path / "cal.ics")
    assert written.rows == 7 and written.skipped == 3
    assert written.note == (
        "2 BCE events and 1 undated event left out: a calendar has no date for them"
    )
    assert (tmp_path / "cal.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
