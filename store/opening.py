"""Opening a database: recognise it as ours before touching it, open read-only media
read-only, and never leave a half-made file behind.

A timeline database carries its own marker, `PRAGMA application_id = APPLICATION_ID`. A file
from before the marker is recognised by its migration records (set "timeline") and stamped when
it is migrated. Any other SQLite file is refused untouched: no WAL switch, no tables added.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from pathlib import Path

import sqlite_utils

from timeline.store.errors import BadDatabase, NewerSchema, StoreError, damaged, translate
from timeline.store.schema import SCHEMA_VERSION, migrate, migrations

APPLICATION_ID = 0x544D4C4E
"""`TMLN`: written in the header of every timeline database (PRAGMA application_id)."""

KNOWN_IDS = {
    0x47504B47: "a GeoPackage (GIS) file",
    0x4D504258: "an MBTiles map file",
    0x0F055112: "a Fossil repository",
    0x0F05511E: "a Fossil checkout",
}
"""Application ids of other programs, to say whose a refused file seems to be."""

SIDE_FILES = ("-wal", "-shm")

BUSY_TIMEOUT_MS = 1000
"""How long SQLite waits for a lock in one go; the store then says it is waiting."""


def _whose(app_id: int) -> str:
    """Words for another program's application id."""
    if app_id in KNOWN_IDS:
        return KNOWN_IDS[app_id]
    text = app_id.to_bytes(4, "big", signed=app_id < 0)
    if text.isascii() and all(32 < b < 127 for b in text):
        return f"another program's SQLite database (application id {text.decode()!r})"
    return f"another program's SQLite database (application id {app_id:#x})"


def recognise(db: sqlite_utils.Database, path: object) -> bool:
    """True for a timeline database, False for a new empty one; refuses anything else.

    Raises:
        BadDatabase: another program's database (said whose it seems to be).
        NewerSchema: a timeline database written by a newer timeline.
    """
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = [n for n in db.table_names() if not n.startswith("sqlite_")]
    if app_id not in (0, APPLICATION_ID):
        raise BadDatabase(f"{path} is {_whose(app_id)}; timeline will not change it")
    ours = app_id == APPLICATION_ID or (
        migrations.migrations_table in tables and bool(migrations.applied(db))
    )
    if not ours:
        if version:
            raise BadDatabase(
                f"{path} is another program's SQLite database (user_version {version}, no "
                "tables yet); timeline will not change it"
            )
        if tables:
            shown = ", ".join(sorted(tables)[:3])
            raise BadDatabase(
                f"{path} is another program's SQLite database (tables: {shown}); "
                "timeline will not change it"
            )
        return False
    if version > SCHEMA_VERSION:
        raise NewerSchema(
            f"{path}: written by a newer timeline (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade timeline to open it"
        )
    return True


def _fix_side_files(path: Path) -> None:
    """Give a stale -wal/-shm left read-only (after a `chmod 444` and back) the database's
    own permissions, when we own it, so writes work again."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        try:
            if side.exists() and not os.access(side, os.W_OK) and _mine(side):
                side.chmod(mode)
        except OSError:
            pass


def _mine(path: Path) -> bool:
    """Whether this user owns the file (so may change its permissions)."""
    return not hasattr(os, "geteuid") or path.stat().st_uid == os.geteuid()


def _can_make_side_files(path: Path) -> bool:
    """Whether SQLite could create -wal/-shm beside the database (its folder is writable)."""
    return os.access(path.parent, os.W_OK | os.X_OK)


def connect(path: Path, readonly: bool) -> tuple[sqlite_utils.Database, bool]:
    """Open `path` as a timeline database, creating it when missing and writable.

    Returns the database and whether it is read-only (a file or folder that cannot be written
    opens read-only; read-only media without a -wal open immutable).

    Raises:
        BadDatabase, NewerSchema, DamagedDatabase, DiskFull, ...: one-line StoreErrors.
    """
    if str(path) == ":memory:" or str(path).startswith("file:"):
        raise BadDatabase(f"{path}: timeline keeps events in a database file; give its path")
    if path.is_dir():
        raise BadDatabase(f"{path} is a directory, not a database file")
    exists = path.exists()
    if exists and not path.is_file():
        raise BadDatabase(f"{path} is not a regular file (a device, FIFO or socket)")
    if exists and path.stat().st_size:
        _look_untouched(path)
    if exists and not readonly:
        _fix_side_files(path)
        if not os.access(path, os.W_OK) or not _can_make_side_files(path):
            readonly = True
    if not exists and readonly:
        raise BadDatabase(f"{path} does not exist")
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadDatabase(f"cannot create {path}: {exc.strerror}") from None
    conn: sqlite3.Connection | None = None
    try:
        conn = _sqlite_connect(path, readonly)
        db = sqlite_utils.Database(conn)
        ours = recognise(db, path)
        if readonly:
            if not ours:
                raise BadDatabase(f"{path} is not a timeline database")
        else:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            _migrate_when_free(db, path)
        return db, readonly
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if not exists:
            remove_new(path)
        if isinstance(exc, StoreError):
            raise
        if isinstance(exc, sqlite3.DatabaseError):
            raise _open_error(exc, path) from None
        if isinstance(exc, OSError):
            raise translate(exc, path, "nothing was created") from None
        raise


def _look_untouched(path: Path) -> None:
    """Refuse another program's database before opening it for real: opened this way (read
    only, immutable) SQLite writes nothing, where a normal open of a file with a hot journal or
    WAL rolls it back or replays it, changing the foreign file before we could refuse it."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return  # the real open says what is wrong
    try:
        recognise(sqlite_utils.Database(conn), path)
    except sqlite3.DatabaseError:
        pass  # not SQLite, damaged, or its first page only in a WAL: the real open decides
    finally:
        conn.close()


MIGRATE_WAIT_S = 600.0
"""How long opening waits for another process to finish creating or migrating the database."""


def _migrate_when_free(db: sqlite_utils.Database, path: Path) -> None:
    """Migrate, waiting while another process holds the write lock (it may be migrating)."""
    started = time.monotonic()
    while True:
        try:
            migrate(db, path, APPLICATION_ID)
            return
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() - started > MIGRATE_WAIT_S:
                raise


def _sqlite_connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """The connection: read-write, read-only, or immutable on media where SQLite can make no
    -shm file and no -wal is waiting to be read."""
    if not readonly:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    else:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        wal = path.with_name(path.name + "-wal")
        if not _can_make_side_files(path) and not (wal.exists() and wal.stat().st_size):
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # In WAL mode NORMAL keeps the database consistent and skips an fsync per commit.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _open_error(exc: sqlite3.DatabaseError, path: Path) -> StoreError:
    """The one-line error for a file SQLite could not open or read."""
    text = str(exc).lower()
    if "not a database" in text:
        return BadDatabase(f"{path} is not an SQLite database (or its first page is damaged)")
    if "malformed" in text or "corrupt" in text:
        return damaged(path)
    return translate(exc, path, "nothing was changed")


def remove_new(path: Path) -> None:
    """Remove a database file just created and not kept (an open that could not finish, or
    a failed import into a new path), with its side files."""
    for suffix in ("", *SIDE_FILES, "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
