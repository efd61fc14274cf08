"""Reading corpora: records to articles, field names found or given, bad records named by line."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from timeline.ingest.corpus import (
    BadPublished,
    BadRecord,
    CorpusError,
    Fields,
    Record,
    expand_globs,
    is_corpus,
    publication_date,
    read_corpus,
)

TODAY = dt.date(2030, 6, 1)
STORY = (
    "Tarnby council shuts the old ferry\n\n"
    "The Tarnby council voted on Monday to end the ferry to Oskholm. "
    "The crossing began on 2 April 1961."
)


def jsonl(path: Path, records: list[Any], zipped: bool = False) -> Path:
    """Write records as JSON Lines (a str record is written as the raw line)."""
    lines = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    if zipped:
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


def read(path: Path, fields: Fields | None = None) -> list[Record | BadRecord]:
    return list(read_corpus(str(path), fields or Fields(), TODAY))


@pytest.mark.parametrize(
    ("record", "title", "published", "url"),
    [
        ({"text": STORY, "date": "2029-03-04", "title": "T", "url": "u"}, "T", "2029-03-04", "u"),
        (
            {"body": STORY, "published": "2029-03-04T08:15:00Z", "headline": "H"},
            "H",
            "2029-03-04",
            None,
        ),
        (
            {"Content": STORY, "Time": "Sun, 04 Mar 2029 08:15:00 +0000", "Link": "l"},
            None,
            "2029-03-04",
            "l",
        ),
        ({"content": STORY, "date": "4 March 2029"}, None, "2029-03-04", None),
        ({"text": STORY, "time": 1867306500}, None, "2029-03-04", None),
    ],
)
def test_common_field_names_are_found(
    tmp_path: Path, record: dict[str, Any], title: str | None, published: str, url: str | None
) -> None:
    [found] = read(jsonl(tmp_path / "c.jsonl", [record]))
    assert isinstance(found, Record)
    assert found.article.text == STORY
    assert found.article.published == dt.date.fromisoformat(published)
    assert found.article.title == (title or "Tarnby council shuts the old ferry")
    assert found.url == url
    assert found.line == 1


def test_flags_name_the_fields_over_the_common_names(tmp_path: Path) -> None:
    record = {"text": "not this one", "story": STORY, "day": "2029-01-02", "name": "N", "href": "h"}
    path = jsonl(tmp_path / "c.jsonl", [record])
    [found] = read(path, Fields(text="story", date="day", title="name", url="href"))
    assert isinstance(found, Record)
    assert (found.article.text, found.article.published) == (STORY, dt.date(2029, 1, 2))
    assert (found.article.title, found.url) == ("N", "h")


def test_bad_records_are_named_by_line_and_the_rest_read(tmp_path: Path) -> None:
    good = {"text": STORY, "date": "2029-05-06"}
    records: list[Any] = [
        good,
        {"title": "no text at all", "date": "2029-05-06"},
        {"text": "   ", "date": "2029-05-06"},
        {
            "text": "Spoke \u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008",
            "date": "2029-05-06",
        },
        {"text": STORY + " Again.", "date": "next blursday"},
        {"text": STORY + " Later.", "date": "2091-01-01"},
        {"text": STORY + " Earlier.", "date": "-0120-03-01"},
        {"text": STORY + " Earliest.", "date": "44 BC"},
        {"text": 12, "date": "2029-05-06"},
        "[1, 2]",
        "{broken",
        "",
        {"text": STORY + " Last.", "date": "2029-05-07"},
    ]
    found = read(jsonl(tmp_path / "c.jsonl", records))
    bad = {f.line: f.reason for f in found if isinstance(f, BadRecord)}
    assert bad == {
        2: "no text",
        3: "no text",
        4: "binary text, not words",
        5: "unreadable date ('next blursday')",
        6: "date in the future (2091-01-01)",
        7: "date before year 1 ('-0120-03-01')",
        8: "date before year 1 ('44 BC')",
        9: "text is not a string",
        10: "not a JSON object",
        11: "not valid JSON",
    }
    assert [f.line for f in found if isinstance(f, Record)] == [1, 13]


def test_gzip_corpus_reads_as_plain(tmp_path: Path) -> None:
    records = [{"text": f"{STORY} Part {n}.", "date": "2029-05-06"} for n in range(3)]
    plain = read(jsonl(tmp_path / "c.jsonl", records))
    zipped = read(jsonl(tmp_path / "c.jsonl.gz", records, zipped=True))
    assert [r.article.text for r in plain if isinstance(r, Record)] == [
        r.article.text for r in zipped if isinstance(r, Record)
    ]
    assert len(zipped) == 3


def test_csv_records_start_on_their_own_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Headline", "Body", "Published"])
        writer.writerow(["First", STORY, "2029-02-03"])  # the story spans three lines
        writer.writerow(["Second", "", "2029-02-03"])
        writer.writerow(["Third", STORY + " More.", "2029-02-04"])
    found = read(path)
    assert [(f.line, type(f).__name__) for f in found] == [
        (2, "Record"),
        (5, "BadRecord"),
        (6, "Record"),
    ]
    first = found[0]
    assert isinstance(first, Record) and first.article.title == "First"


def test_damaged_gzip_stops_that_corpus_after_its_good_records(tmp_path: Path) -> None:
    records = [{"text": f"{STORY} Part {n}.", "date": "2029-05-06"} for n in range(200)]
    path = jsonl(tmp_path / "c.jsonl.gz", records, zipped=True)
    path.write_bytes(path.read_bytes()[:-40])
    seen: list[Record | BadRecord] = []
    with pytest.raises(CorpusError, match="cannot read"):
        seen.extend(read_corpus(str(path), Fields(), TODAY))
    assert 0 < len(seen) < 200


def test_a_missing_corpus_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        read(tmp_path / "absent.jsonl")


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2029-12-31", dt.date(2029, 12, 31)),
        ("2029-12-31 23:59:59+02:00", dt.date(2029, 12, 31)),
        ("31 December 2029", dt.date(2029, 12, 31)),
        ("December 31, 2029", dt.date(2029, 12, 31)),
        ("2030-06-02", dt.date(2030, 6, 2)),  # tomorrow somewhere east of here
        ("", None),
        (None, None),
    ],
)
def test_publication_dates_read(value: str | None, day: dt.date | None) -> None:
    assert publication_date(value, TODAY) == day


@pytest.mark.parametrize(
    "value", ["2029-02-30", "0000-01-01", "yesterday", "2030-06-03", True, [1]]
)
def test_publication_dates_refused(value: Any) -> None:
    with pytest.raises(BadPublished):
        publication_date(value, TODAY)


def test_corpus_suffixes_and_globs(tmp_path: Path) -> None:
    assert [is_corpus(n) for n in ("a.jsonl", "a.NDJSON.gz", "a.csv.gz", "a.txt", "a.gz")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    for name in ("b.jsonl", "a.jsonl", "c.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    pattern = str(tmp_path / "*.jsonl")
    assert expand_globs([pattern, "nothing-*.csv"]) == [
        str(tmp_path / "a.jsonl"),
        str(tmp_path / "b.jsonl"),
        "nothing-*.csv",
    ]
