"""`timeline export`, `import` and `datasette-metadata`: events in and out of the database in the
formats the store knows, each as one transaction or one atomic file."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from timeline.cli.common import Context
from timeline.cli.selection import event_filter, selection_options
from timeline.store import (
    FORMAT_NAMES,
    StoreError,
    export,
    export_file,
    format_for_path,
)
from timeline.store.opening import remove_new
from timeline.store.signals import commit_scope


@click.command(name="export")
@click.option("-o", "--output", default="-", help="File to write (default: standard output).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    default=None,
    help="Format (default: from the file's extension, else csv).",
)
@selection_options
@click.option("--title", help="The HTML page's title (default: the database's name).")
@click.pass_obj
def export_(
    obj: Context,
    output: str,
    fmt: str | None,
    date_from: str | None,
    date_to: str | None,
    search: str | None,
    source_id: int | None,
    tag: str | None,
    title: str | None,
) -> None:
    """Export every event (or those --from, --to, --search, --source and --tag select, as
    `list` does): csv, timelinejs-csv, timelinejs-json, ics, markdown, jsonl or html."""
    flt = event_filter(date_from, date_to, search, source_id=source_id, tag=tag)
    chosen = flt if flt.active else None
    store = obj.store(reading=True)
    try:
        if output == "-":
            written = export(store, sys.stdout, fmt or "csv", chosen, title=title)
            if written.note:
                click.echo(written.note, err=True)
            return
        target = fmt or format_for_path(output) or "csv"
        written = export_file(store, output, target, chosen, title=title)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except BrokenPipeError:
        if output != "-":
            raise click.ClickException(f"cannot write {output}: the pipe was closed") from None
        raise  # the reader of standard output has gone (`| head`): main ends quietly
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None
    click.echo(written.message(output), err=True)


@click.command(name="datasette-metadata")
@click.option("-o", "--output", default="-", help="File to write (default: standard output).")
@click.pass_obj
def datasette_metadata(obj: Context, output: str) -> None:
    """Write Datasette metadata: `datasette timeline.db -m metadata.json` gets search and facets."""
    from timeline.store.datasette import metadata

    obj.store()  # a database that does not open fails here, with its one-line reason
    text = json.dumps(metadata(obj.db_path.stem), indent=2, ensure_ascii=False) + "\n"
    if output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output)
    partial = target.with_name(f".{target.name}.partial")
    if target.exists() and not target.is_file():
        partial = target  # a device or pipe is written straight through
    try:  # written beside and renamed into place: a full disk leaves no empty file behind
        partial.write_text(text, encoding="utf-8")
        if partial != target:
            os.replace(partial, target)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None
    finally:
        if partial != target:
            partial.unlink(missing_ok=True)
    click.echo(f"wrote Datasette metadata to {output}", err=True)


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default=None,
    help="Format (default: jsonl for .jsonl/.ndjson files, else csv).",
)
@click.pass_obj
def import_(obj: Context, file: Path, fmt: str | None) -> None:
    """Import events from CSV (the export layout, or any columns with a title and a date)
    or from the JSON Lines `timeline export --format jsonl` writes; `-` reads standard input."""
    stdin = str(file) == "-"
    name = "standard input" if stdin else str(file)
    if not stdin and not file.exists():
        raise click.ClickException(f"{file}: no such file")
    if fmt is None:
        fmt = "jsonl" if file.suffix.lower() in (".jsonl", ".ndjson") else "csv"
    created = not obj.db_path.exists()
    obj.announce_new = False  # said below, once the import has kept the new database
    try:
        with _readable_twice(file, name) as path:
            _import(obj, path, name, fmt)
    except BaseException:
        if created:  # a failed import into a new path leaves no empty database behind
            obj.close()
            remove_new(obj.db_path)
        raise


@contextmanager
def _readable_twice(file: Path, name: str) -> Iterator[Path]:
    """A regular file holding `file`'s bytes: `file` itself, or for standard input, a pipe or
    a FIFO (which give their bytes once) a temporary copy read from it exactly once."""
    stdin = str(file) == "-"
    try:
        regular = not stdin and stat.S_ISREG(os.stat(file).st_mode)
    except OSError as exc:
        raise click.ClickException(f"{name}: {exc.strerror}") from None
    if regular:
        yield file
        return
    with tempfile.TemporaryDirectory(prefix="timeline-import-") as folder:
        copy = Path(folder) / "input"
        try:
            with open(copy, "wb") as out:
                if stdin:
                    shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
                else:
                    with open(file, "rb") as raw:
                        shutil.copyfileobj(raw, out, 1 << 20)
        except OSError as exc:
            raise click.ClickException(f"cannot read {name}: {exc.strerror}") from None
        yield copy


def _import(obj: Context, file: Path, name: str, fmt: str) -> None:
    """Import a regular file (read more than once: NUL bytes first, a bad byte's line after a
    failure); messages call it `name`."""
    try:
        with open(file, "rb") as raw:
            head = raw.read(65536)
    except OSError as exc:
        raise click.ClickException(f"{name}: {exc.strerror}") from None
    if b"\x00" in head:
        raise click.ClickException(f"{name}: binary data, not a {fmt.upper()} file")
    now = datetime.now()

    def parse_date(text: str) -> Any:
        """A natural-language date cell; the parser loads only when a file has one."""
        from timeline.ingest.dates import parse_date as parse

        return parse(text, now.date(), now=now)

    store = obj.store()
    obj.interrupted = "nothing was imported (an import is all or nothing)"
    try:
        # a stop signal during or after the commit is acted on once the line below says so
        with commit_scope(), open(file, encoding="utf-8-sig", newline="") as inp:
            jsonl = fmt == "jsonl"
            rows = store.import_jsonl(inp) if jsonl else store.import_csv(inp, parse_date)
            obj.interrupted = (
                f"the import was already committed: {rows} event{'' if rows == 1 else 's'} "
                f"imported from {name}"
            )
    except (StoreError, UnicodeDecodeError) as exc:
        # a byte that is not UTF-8 is named by its exact line, whatever else the file holds;
        # looked for only when an import fails, since one that succeeded decoded every byte
        bad_line = _first_non_utf8_line(file)
        if bad_line is not None:
            raise click.ClickException(f"{name}: line {bad_line}: not UTF-8 text") from None
        raise click.ClickException(f"{name}: {exc}") from None
    if obj.created:  # held back until the import had kept it
        click.echo(f"created a new database at {obj.db_path}", err=True)
    line = f"imported {rows} event{'' if rows == 1 else 's'} from {name}"
    if rows.skipped:
        line += f"; skipped {rows.skipped} identical to events already stored"
    click.echo(line, err=True)


def _first_non_utf8_line(path: Path) -> int | None:
    """The line of the first byte that is not UTF-8, or None; read in chunks, memory stays flat."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    lines_before = 0
    with open(path, "rb") as raw:
        while chunk := raw.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return lines_before + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
            lines_before += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return lines_before + 1
    return None


def register(cli: click.Group) -> None:
    """Add `export`, `datasette-metadata` and `import` to the `timeline` group."""
    for command in (export_, datasette_metadata, import_):
        cli.add_command(command)
