"""Undo from one process while another writes: undo touches only rows it can prove its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.store import EventChanged, EventNotFound, NewEvent, Store

ROOT = Path(__file__).resolve().parent.parent.parent

ADD_ONE = """
import sys
from timeline.store import NewEvent, Store
with Store.open(sys.argv[1]) as store:
    print(store.add_event(NewEvent(title=sys.argv[2], start="2023")).id)
"""


def _other_process_adds(db_path: Path, title: str) -> int:
    """Run a second process that adds one event (what `timeline ingest` in a terminal does)."""
    done = subprocess.run(
        [sys.executable, "-c", ADD_ONE, str(db_path), title],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_undo_of_a_delete_keeps_what_another_process_added_in_the_same_second(
    db_path: Path,
) -> None:
    with Store.open(db_path) as app:
        app.add_event(NewEvent(title="Older", start="2020"))
        newest = app.add_event(NewEvent(title="Newest", start="2021"))
        gone = app.delete_event(newest.id)
        theirs = _other_process_adds(db_path, "Ingested meanwhile")
        app.restore_event(gone)  # u
        assert theirs != newest.id
        assert app.get_event(theirs).title == "Ingested meanwhile"
        assert app.get_event(newest.id).title == "Newest"
        assert app.count() == 3


def test_undo_of_an_add_keeps_an_event_another_process_edited(db_path: Path) -> None:
    with Store.open(db_path) as app:
        added = app.add_event(NewEvent(title="Mine", start="2020"))
        with Store.open(db_path) as other:
            other.update_event(added.id, title="Edited elsewhere")
        with pytest.raises(EventChanged):
            app.delete_event(added.id, version=added.version)
        assert app.get_event(added.id).title == "Edited elsewhere"


_OPS = st.lists(
    st.tuples(st.sampled_from(["add", "edit", "delete", "undo"]), st.integers(0, 1), st.integers()),
    max_size=40,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=_OPS)
def test_two_writers_with_undo_never_lose_an_event_undo_did_not_own(
    tmp_path_factory: object, ops: list[tuple[str, int, int]]
) -> None:
    path = tmp_path_factory.mktemp("race") / "t.db"  # type: ignore[attr-defined]
    stores = [Store.open(path), Store.open(path)]  # two connections, as two processes have
    expected: dict[int, str] = {}  # what each event must say, as its last writer left it
    undo: list[list[tuple[str, object, int | None]]] = [[], []]
    try:
        for step, (op, who, pick) in enumerate(ops):
            store = stores[who]
            ids = sorted(expected)
            if op == "add":
                event = store.add_event(NewEvent(title=f"e{step}", start="2020"))
                expected[event.id] = event.title
                undo[who].append(("add", event, event.version))
            elif op in ("edit", "delete") and ids:
                event_id = ids[pick % len(ids)]
                if op == "edit":
                    before = store.get_event(event_id)
                    after = store.update_event(event_id, title=f"e{step}")
                    expected[event_id] = after.title
                    undo[who].append(("edit", before, after.version))
                else:
                    snapshot = store.delete_event(event_id)
                    del expected[event_id]
                    undo[who].append(("delete", snapshot, None))
            elif op == "undo" and undo[who]:
                kind, snap, version = undo[who].pop()
                try:
                    if kind == "add":
                        store.delete_event(snap.id, version=version)  # type: ignore[attr-defined]
                        del expected[snap.id]  # type: ignore[attr-defined]
                    else:
                        back = store.restore_event(
                            snap,  # type: ignore[arg-type]
                            over=version if kind == "edit" else None,
                        )
                        expected[back.id] = back.title
                except (EventChanged, EventNotFound):
                    pass  # not undo's row any more: it must be left exactly as it is
            stored = {e.id: e.title for e in stores[0].page_after(None, 1000)}
            assert stored == expected
    finally:
        for store in stores:
            store.close()
