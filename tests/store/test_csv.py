"""CSV export/import: exact round trips, spreadsheet safety, errors that name line and column."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.store import (
    COLUMNS,
    BadCSV,
    EventNotFound,
    NewEvent,
    NewSource,
    Store,
    neutralise,
    restore,
)
from timeline.store.bulk import BULK_INDEXES

TEXT = st.text(  # any text the store takes: no control characters but tab, CR and newline
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\r\n"),
    max_size=40,
)
FORMULA_LIKE = st.sampled_from(["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''", "'"])
DATES = st.sampled_from(
    [
        ("2012", None, "year"),
        ("2022-08", None, "month"),
        ("2022-08-30", "2022-08-31", "day"),
        ("2022-08-31T14:30", None, "minute"),
        (None, None, None),
    ]
)


def _export(store: Store) -> str:
    out = io.StringIO(newline="")
    store.export_csv(out)
    return out.getvalue()


def _export_to_file(store: Store, path: Path) -> str:
    """Export through a UTF-8 file (its header goes through the text layer, its lines straight
    to the bytes under it), read back."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        store.export_csv(out)
    return path.read_bytes().decode("utf-8")


@st.composite
def events(draw: st.DrawFn) -> NewEvent:
    start, end, precision = draw(DATES)
    title = draw(st.one_of(TEXT, FORMULA_LIKE).filter(lambda t: t.strip()))
    return NewEvent(
        title=title,
        start=start,
        end=end,
        precision=precision,
        approximate=draw(st.booleans()),
        details=draw(st.one_of(TEXT, FORMULA_LIKE)),
        quote=draw(TEXT),
        tags=tuple(draw(st.lists(st.one_of(TEXT, FORMULA_LIKE), max_size=3))),
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(events(), min_size=1, max_size=6))
def test_export_import_export_is_byte_identical(tmp_path: Path, batch: list[NewEvent]) -> None:
    for name in ("a.db", "b.db"):
        (tmp_path / name).unlink(missing_ok=True)
    with Store.open(tmp_path / "a.db") as first, Store.open(tmp_path / "b.db") as second:
        source = first.save_article(
            NewSource(
                title='=Report, "quoted"',
                url="https://example.org/a?b=1,2",
                published="2022-08-31",
                text="text",
            ),
            batch[:1],
        )
        assert source.added == 1
        first.add_events(batch[1:])
        exported = _export(first)
        assert _export_to_file(first, tmp_path / "a.csv") == exported
        assert second.import_csv(io.StringIO(exported, newline="")) == len(batch)
        assert _export(second) == exported


def test_a_stream_that_is_not_utf8_gets_its_own_encoding(store: Store, tmp_path: Path) -> None:
    store.add_event(NewEvent(title="Café «opening»", start="2012"))
    path = tmp_path / "latin.csv"
    with open(path, "w", encoding="latin-1", newline="") as out:
        store.export_csv(out)
    assert path.read_bytes().decode("latin-1") == _export(store)


def test_export_is_rfc4180_with_the_documented_header(store: Store) -> None:
    store.add_event(
        NewEvent(
            title='Talks, "round two"\nin Tokyo',
            start="2022-08-30",
            end="2022-08-31",
            approximate=True,
            tags=("a;b", "c"),
        )
    )
    text = _export(store)
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["title"] == 'Talks, "round two"\nin Tokyo'
    assert rows[0]["edtf"] == "2022-08-30~/2022-08-31~"
    assert rows[0]["tags"] == "a\\;b; c"


@pytest.mark.parametrize("cell", ['=HYPERLINK("x")', "+1", "-1", "@A1", "\t1", "\r1", "'=1"])
def test_formula_cells_are_neutralised_in_the_file(store: Store, cell: str) -> None:
    store.add_event(NewEvent(title="x", details=cell, start="2012"))
    [row] = list(csv.DictReader(io.StringIO(_export(store), newline="")))
    assert row["details"] == "'" + cell
    assert restore(row["details"]) == cell


_CELL = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from(["'", '"', "=", "+", "-", "@", "\t", "\n", "\r"]),
    max_size=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cell=_CELL)
def test_sqlite_writes_each_text_cell_as_python_would(tmp_path: Path, cell: str) -> None:
    """Export builds each line in SQL; every text cell must come out as csv.writer with
    `neutralise` would write it: always quoted, quotes doubled, a tick before a formula."""
    path = tmp_path / "cells.db"
    path.unlink(missing_ok=True)
    with Store.open(path) as store:
        event = NewEvent(title="t", details=cell, quote=cell, tags=(), start="2012")
        store.save_article(NewSource(title=cell, url=cell, published=None, text="x"), [event])
        line = _export(store).split("\r\n", 1)[1]
        assert _export_to_file(store, tmp_path / "cells.csv").split("\r\n", 1)[1] == line
    want = '"' + neutralise(cell).replace('"', '""') + '"'
    assert line == f'1,2012,,year,0,2012,"t",{want},{want},"",{want},{want},""\r\n'


@pytest.mark.parametrize("cell", ["", "'", "'a", "a=b", "''", "'-", "=", "x"])
def test_neutralise_and_restore_are_inverse(cell: str) -> None:
    assert restore(neutralise(cell)) == cell


def test_import_takes_a_subset_of_columns_and_edtf_alone(store: Store) -> None:
    text = "title,edtf\r\nVisit,2022-08-30/2022-08-31\r\nRoughly then,2022-08~\r\n"
    assert store.import_csv(io.StringIO(text, newline="")) == 2
    got = [(e.title, e.start, e.end, e.precision, e.approximate) for e in store.page_after(None, 5)]
    assert got == [
        ("Roughly then", "2022-08", None, "month", True),
        ("Visit", "2022-08-30", "2022-08-31", "day", False),
    ]


def test_import_of_natural_dates_uses_the_given_parser(store: Store) -> None:
    class Parsed:
        start, end, precision, approximate = "2022-08", None, "month", False

    seen = []

    def parse(text: str) -> Parsed:
        seen.append(text)
        return Parsed()

    store.import_csv(io.StringIO("title,start\nx,Aug 2022\ny,2012\n"), parse)
    assert seen == ["Aug 2022"]
    assert [e.start for e in store.page_after(None, 5)] == ["2012", "2022-08"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,when\nx,2012\n", "line 1: the header needs a title column"),
        ("title,start\nok,2012\n,2013\n", "line 3, column title: an event needs a title"),
        ("title,start\nok,2012\nbad,Smarch\n", "line 3, column start: cannot read date"),
        ('title,start\nok,2012\n"open,2013\n', "unterminated quoted field"),
        ("title,start,approximate\nok,2012,perhaps\n", "line 2, column approximate"),
        ("title,start,precision\nok,2012,day\n", "line 2, column precision"),
        ("", "line 1: the file is empty"),
    ],
)
def test_bad_csv_names_the_line_and_writes_nothing(store: Store, text: str, message: str) -> None:
    store.add_event(NewEvent(title="already here", start="1999"))
    before = _export(store)
    with pytest.raises(BadCSV, match=message):
        store.import_csv(io.StringIO(text, newline=""))
    assert _export(store) == before


def test_bulk_import_into_an_empty_store_is_searchable(store: Store) -> None:
    lines = ["title,start"] + [f"event number {i},{2000 + i % 20}" for i in range(25_000)]
    assert store.import_csv(io.StringIO("\n".join(lines))) == 25_000
    from timeline.store import Filter

    assert store.count(Filter(query="number")) == 25_000
    # a common word pages by walking the date index; the page must equal the plain one
    assert store.page_after(None, 50, Filter(query="number")) == store.page_after(None, 50)
    assert store.page_before(None, 50, Filter(query="number")) == store.page_before(None, 50)
    store.add_event(NewEvent(title="added after the bulk load", start="2001"))
    assert store.count(Filter(query="bulk")) == 1
    # merging, off while the index was built in one pass, is back at FTS5's default for writes
    config = "SELECT v FROM events_fts_config WHERE k = 'automerge'"
    assert store.db.execute(config).fetchone()[0] == 4
    check = "INSERT INTO events_fts(events_fts) VALUES('integrity-check')"
    store.db.execute(check)  # raises when the index and the events disagree


@pytest.mark.parametrize("how", ["csv", "jsonl"])
def test_an_imported_id_this_database_once_handed_out_is_not_reused(store: Store, how: str) -> None:
    """A deleted event's id never comes back as another event, not even through an import:
    the row gets a new id, into a table that still has events or one emptied by deletes."""
    first, second = (store.add_event(NewEvent(title=t, start="2001")) for t in ("one", "two"))
    store.delete_event(second.id)
    for emptied in (False, True):
        if emptied:
            store.delete_event(first.id)
        title = f"other {emptied}"
        if how == "csv":
            store.import_csv(io.StringIO(f"id,title,start\n{second.id},{title},2005\n"))
        else:
            line = json.dumps({"id": second.id, "title": title, "start": "2005"})
            store.import_jsonl(io.StringIO(line + "\n"))
        [taken] = [e for e in store.page_after(None, 10) if e.title == title]
        assert taken.id > second.id
    with pytest.raises(EventNotFound):
        store.get_event(second.id)


def test_ids_are_kept_when_free(store: Store) -> None:
    store.import_csv(io.StringIO("id,title,start\n7,x,2012\n"))
    assert store.get_event(7).title == "x"
    store.import_csv(io.StringIO("id,title,start\n7,y,2013\n"))
    assert sorted(e.title for e in store.page_after(None, 5)) == ["x", "y"]


def test_rows_without_ids_never_collide_with_later_ids(store: Store) -> None:
    text = "id,title,start\n,added by hand,2020\n1,exported row,2012\n,another,2021\n5,five,2001\n"
    assert store.import_csv(io.StringIO(text)) == 4
    titles = {e.id: e.title for e in store.page_after(None, 10)}
    assert sorted(titles.values()) == ["added by hand", "another", "exported row", "five"]
    assert titles[5] == "five"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,title,start\n\u00b2,A,2012\n", "line 2, column id: expected a whole number"),
        ("id,title,start\n99999999999999999999,A,2012\n", "line 2, column id: .* too large"),
        ("title,start,title\nA,2012,B\n", "line 1: column 'title' appears twice"),
        ("title,start\nTalks, round two,2012\n", "line 2: 3 cells but the header has 2"),
    ],
)
def test_more_bad_csv_is_refused_with_its_line(store: Store, text: str, message: str) -> None:
    with pytest.raises(BadCSV, match=message):
        store.import_csv(io.StringIO(text))
    assert store.count() == 0


def test_cells_longer_than_the_csv_default_limit_round_trip(store: Store, tmp_path: Path) -> None:
    store.add_event(NewEvent(title="long quote", start="2022-08-30", quote="word " * 60_000))
    exported = _export(store)
    with Store.open(tmp_path / "other.db") as other:
        assert other.import_csv(io.StringIO(exported, newline="")) == 1
        assert _export(other) == exported


def test_short_rows_are_padded_and_a_quoted_bom_header_is_read(store: Store) -> None:
    text = '\ufeff"title","start","details"\r\nA,2012\r\n'
    assert store.import_csv(io.StringIO(text, newline="")) == 1
    [event] = store.page_after(None, 5)
    assert (event.title, event.start, event.details) == ("A", "2012", "")


def test_text_that_is_not_utf8_is_refused(store: Store) -> None:
    from timeline.store import BadEvent

    with pytest.raises(BadEvent, match="not valid UTF-8"):
        store.add_event(NewEvent(title="bad\udcffbyte", start="2012"))


def test_errors_name_the_line_where_a_multiline_record_starts(store: Store) -> None:
    text = 'id,title,start\n1,"two\nlines",2012\nx,"also\ntwo",2013\n'
    with pytest.raises(BadCSV, match="line 4, column id"):
        store.import_csv(io.StringIO(text, newline=""))


def test_both_ways_through_a_csv_import_store_the_same_rows(tmp_path: Path) -> None:
    """Batches the column check vouches for and records read one by one (a formula-quoted cell
    sends a batch that way) end as the same rows: NewEvent.checked is the one set of rules."""
    body = "".join(
        f"Dam {n} opened,20{n % 90 + 10:02d}-0{n % 9 + 1},{'~' if n % 3 else ''},wide; river\r\n"
        for n in range(40)
    )
    plain = "title,start,approximate,tags\r\n" + body
    quoted_cell = plain + "'=Sluice shut,2031,,gate\r\n"
    rows = []
    for name, text in (("plain", plain + "=Sluice shut,2031,,gate\r\n"), ("quoted", quoted_cell)):
        with Store.open(tmp_path / f"{name}.db") as store:
            store.import_csv(io.StringIO(text, newline=""))
            rows.append(
                store.db.execute(
                    'SELECT title, start, "end", precision, approximate, tags, sort, sort_end '
                    "FROM events ORDER BY id"
                ).fetchall()
            )
    assert len(rows[0]) == 41
    assert rows[0][-1][0] == "=Sluice shut"
    assert rows[0] == rows[1]


def test_a_bulk_import_builds_every_index_of_the_events_once_and_keeps_them(
    store: Store,
) -> None:
    """Each index on events is dropped for a bulk load and built once after it (an index kept
    through the load is updated row by row, the cost of a plain load twice over)."""

    def indexes() -> set[str]:
        rows = store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
            "AND sql IS NOT NULL"
        )
        return {row[0] for row in rows}

    before = indexes()
    assert before == set(BULK_INDEXES)
    lines = ["title,start"] + [f"ledger entry {i},{1990 + i % 30}" for i in range(2_000)]
    assert store.import_csv(io.StringIO("\n".join(lines))) == 2_000
    assert indexes() == before
