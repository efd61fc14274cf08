"""A database is ours before we touch it: other programs' files, newer timelines, damaged,
truncated and read-only files, and a full disk, as a user meets them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from timeline.store import BadDatabase, DamagedDatabase, NewerSchema, NewEvent, Store, StoreError
from timeline.store.opening import APPLICATION_ID
from timeline.store.schema import migrations


def _foreign(path: Path, user_version: int, app_id: int = 0) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute(f"PRAGMA user_version = {user_version}")
        conn.execute(f"PRAGMA application_id = {app_id}")


def _state(path: Path) -> tuple[list[str], str, int]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return tables, conn.execute("PRAGMA journal_mode").fetchone()[0], path.stat().st_size


@pytest.mark.parametrize("user_version", [1, 2, 5, 99])
def test_another_programs_file_is_refused_whatever_its_user_version(
    tmp_path: Path, user_version: int
) -> None:
    other = tmp_path / "notes.sqlite"
    _foreign(other, user_version)
    before = _state(other)
    for readonly in (False, True):
        with pytest.raises(BadDatabase, match="another program's SQLite database"):
            Store.open(other, readonly=readonly)
    assert _state(other) == before


def test_a_file_with_another_application_id_says_whose_it_seems(tmp_path: Path) -> None:
    other = tmp_path / "map.gpkg"
    _foreign(other, 0, 0x47504B47)
    with pytest.raises(BadDatabase, match="GeoPackage"):
        Store.open(other)


def test_a_new_database_carries_our_marker_and_an_old_one_gains_it(tmp_path: Path) -> None:
    Store.open(tmp_path / "new.db").close()
    old = tmp_path / "old.db"
    db = sqlite_utils.Database(old)
    migrations.apply(db, stop_before="m003_ids_never_reused_row_versions")
    db.execute("PRAGMA user_version = 2")
    db.close()
    with Store.open(old) as store:
        store.add_event(NewEvent(title="Still works", start="2020"))
    for path in (tmp_path / "new.db", old):
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_newer_timeline_database_is_refused_with_advice(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerSchema, match="upgrade timeline"):
        Store.open(db_path)


def _filled(path: Path, count: int = 4000) -> None:
    with Store.open(path) as store:
        store.add_events(
            NewEvent(title=f"Event number {n} about a harbour", start="2020", details="x" * 200)
            for n in range(count)
        )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_database_with_corrupt_pages_says_damaged_and_how_to_recover(db_path: Path) -> None:
    _filled(db_path)
    size = db_path.stat().st_size
    with open(db_path, "r+b") as raw:
        for at in range(size // 3, size * 2 // 3, 4096):
            raw.seek(at + 100)
            raw.write(os.urandom(600))
    with Store.open(db_path) as store, pytest.raises(DamagedDatabase) as caught:
        for _ in range(3):
            store.page_after(None, 5000)
            store.count()
    message = str(caught.value)
    assert "damaged" in message and ".recover" in message and "\n" not in message


def test_a_truncated_database_is_one_line(db_path: Path) -> None:
    _filled(db_path)
    with open(db_path, "r+b") as raw:
        raw.truncate(db_path.stat().st_size // 2)
    with pytest.raises(StoreError) as caught, Store.open(db_path) as store:
        store.page_after(None, 5000)
        store.add_event(NewEvent(title="late", start="2021"))
    assert "\n" not in str(caught.value)


def test_a_stale_shm_left_read_only_does_not_stop_writes(db_path: Path) -> None:
    _filled(db_path, 10)
    with Store.open(db_path) as store:  # leaves -wal and -shm while open
        shm = db_path.with_name(db_path.name + "-shm")
        shm.chmod(0o444)
        db_path.chmod(0o444)
    db_path.chmod(0o644)
    with Store.open(db_path) as store:
        store.add_event(NewEvent(title="written", start="2021"))
        assert store.count() == 11


is_root = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of our own (root only), unmounted afterwards."""
    if not is_root or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small file system")
    point = tmp_path / "mnt"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(point)])
    if done.returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_new_database_on_a_full_disk_is_one_line_and_leaves_no_file(mounted: Path) -> None:
    (mounted / "filler").write_bytes(b"\0" * (512 * 1024 - 4096 * 2))
    path = mounted / "new.db"
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "full" in str(caught.value) or "cannot" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not path.exists()


def test_a_read_only_mount_without_its_wal_still_lists(mounted: Path) -> None:
    path = mounted / "t.db"
    _filled(path, 10)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
    with Store.open(path) as store:
        assert store.readonly and store.count() == 10
