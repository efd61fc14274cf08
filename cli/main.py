"""The `timeline` command: opens the TUI with no arguments; subcommands add, edit and delete here,
list in `listing`, export/import in `exchange`, ingest/extract in `ingest`, the story's commands in
`story`.

Commands parse flags, call one store/ingest function and turn our exceptions into one-line
errors. Textual is imported only in the branch that opens the app, so `timeline export` stays light.
"""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

import click

from timeline.cli.common import ROW_ID, print_event, read_date, safe
from timeline.store import NewEvent, Store, StoreError
from timeline.store.signals import Stopped, install_stop_handlers

DB_ENV = "TIMELINE_DB"
"""Environment variable naming the database when --db is not given."""


def default_db_path() -> Path:
    """The user's own database: `timeline.db` in the user data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("timeline", appauthor=False)) / "timeline.db"


def demo_db_path() -> Path:
    """The demo database, apart from the user's own."""
    import platformdirs

    return Path(platformdirs.user_data_dir("timeline", appauthor=False)) / "demo.db"


class Context:
    """What the group hands its commands: where the database is, opened on first use."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._store: Store | None = None
        self.interrupted = "changes finished before it are kept; the one under way was not saved"
        """What a Ctrl+C keeps, said on the line it ends with; commands make it precise."""
        self.created = False
        """Whether opening the store created the database file."""
        self.announce_new = True
        """Say so when the store is created; a command that may remove it again says it later."""

    def store(self, *, reading: bool = False) -> Store:
        """Open the store once, turning a bad database into a one-line error.

        A command that only reads (`reading`) refuses a missing database rather than create
        an empty one (a mistyped --db); one that writes creates it and says so.
        """
        if self._store is None:
            existed = self.db_path.exists()
            if reading and not existed:
                raise click.ClickException(
                    f"{self.db_path}: no such database (give --db, or add or import events first)"
                )
            try:
                self._store = Store.open(self.db_path)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from None
            self.created = not existed
            if not existed and self.announce_new:
                click.echo(f"created a new database at {self.db_path}", err=True)
            self._store.on_busy = lambda message: click.echo(message, err=True)
        return self._store

    def close(self) -> None:
        """Close the store if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None


pass_context = click.make_pass_decorator(Context)


@click.group(invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path, dir_okay=True),
    envvar=DB_ENV,
    help=f"Database file (default: ${DB_ENV}, else timeline.db in the user data directory).",
)
@click.option("--demo", is_flag=True, help="Open the demo database, built from a sample article.")
@click.version_option(package_name="timeline")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, demo: bool) -> None:
    """Turn news articles into a sourced, dated chronology. With no command, open the app."""
    if demo:
        db_path = demo_db_path()
    ctx.obj = Context(db_path or default_db_path())
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        if db_path is not None and not demo:
            _confirm_new_database(db_path)
        store = ctx.obj.store()
        if demo:
            from timeline.ingest.demo import refresh_demo

            refresh_demo(store)
        path = ctx.obj.db_path
        ctx.obj.close()
        from timeline.tui.app import make_app

        make_app(path, demo=demo).run()


def _confirm_new_database(path: Path) -> None:
    """Before the app creates a database named by --db (or $TIMELINE_DB) that does not exist,
    ask: a mistyped name must not leave an empty database (and its -wal, -shm) behind."""
    if path.exists():
        return
    try:
        create = click.confirm(
            f"{path} does not exist. Create a new timeline database there?",
            default=False,
            err=True,
        )
    except click.Abort:
        create = False
    if not create:
        raise click.ClickException(f"{path}: no such database; nothing was created")


@cli.command()
@click.argument("when", metavar="DATE")
@click.argument("title")
@click.option("--end", help="End of a range, in the same forms as DATE.")
@click.option("--details", default="", help="Notes shown with the event.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat for more).")
@click.option("--approximate", is_flag=True, help="Mark the date as approximate.")
@pass_context
def add(
    obj: Context,
    when: str,
    title: str,
    end: str | None,
    details: str,
    tags: tuple[str, ...],
    approximate: bool,
) -> None:
    """Add an event. DATE may be `31 Aug 2022`, `Aug 2022`, `2012`, `last Tuesday`, `yesterday`."""
    if not title.strip():
        raise click.ClickException("the title is empty")
    parsed = read_date(when)
    end_value = parsed.end
    if end:
        end_parsed = read_date(end, "end date")
        end_value = end_parsed.end or end_parsed.start
    try:
        event = obj.store().add_event(
            NewEvent(
                title=title,
                start=parsed.start,
                precision=parsed.precision,
                end=end_value,
                approximate=approximate or parsed.approximate,
                details=details,
                tags=tags,
            )
        )
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    print_event(event)


@cli.command()
@click.argument("event_id", type=ROW_ID, metavar="ID")
@click.option("--title")
@click.option("--date", "when", help="New date, in the forms `add` takes.")
@click.option("--end", help="New end of the range; `none` removes it.")
@click.option("--details")
@click.option("--tag", "tags", multiple=True, help="Replace the tags (repeat for more).")
@click.option("--approximate/--exact", default=None, help="Mark the date approximate or exact.")
@pass_context
def edit(
    obj: Context,
    event_id: int,
    title: str | None,
    when: str | None,
    end: str | None,
    details: str | None,
    tags: tuple[str, ...],
    approximate: bool | None,
) -> None:
    """Change an event's fields."""
    changes: dict[str, Any] = {}
    if title is not None:
        changes["title"] = title
    if when is not None:
        parsed = read_date(when)
        changes.update(start=parsed.start, precision=parsed.precision, end=parsed.end)
        changes["approximate"] = parsed.approximate  # a new date is as vague as it was typed
    if end is not None:
        if end.strip().lower() == "none":
            changes["end"] = None
        else:
            end_parsed = read_date(end, "end date")
            changes["end"] = end_parsed.end or end_parsed.start
    if details is not None:
        changes["details"] = details
    if tags:
        changes["tags"] = tags
    if approximate is not None:
        changes["approximate"] = approximate
    if not changes:
        raise click.ClickException("nothing to change: give --title, --date, --end, ...")
    try:
        event = obj.store().update_event(event_id, **changes)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    print_event(event)


@cli.command()
@click.argument("event_id", type=ROW_ID, metavar="ID", required=False)
@click.option(
    "--source",
    "source_id",
    type=ROW_ID,
    help="Delete this source (article) and every event taken from it, in one step.",
)
@pass_context
def delete(obj: Context, event_id: int | None, source_id: int | None) -> None:
    """Delete an event, or with --source a source and all its events."""
    if (event_id is None) == (source_id is None):
        raise click.ClickException("give an event ID or --source ID (one of them)")
    try:
        if source_id is not None:
            source, events = obj.store().delete_source(source_id)
            name = safe(source.title or source.url or "untitled")
            click.echo(f"deleted source {source.id} ({name}) and its {len(events)} event(s)")
            return
        assert event_id is not None
        event = obj.store().delete_event(event_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"deleted {event.id}: {safe(event.title)}")


from timeline.cli import exchange as cli_exchange  # noqa: E402  (commands join the group above)
from timeline.cli import ingest as cli_ingest  # noqa: E402
from timeline.cli import listing as cli_listing  # noqa: E402
from timeline.cli import sources as cli_sources  # noqa: E402
from timeline.cli import story as cli_story  # noqa: E402

cli_listing.register(cli)
cli_exchange.register(cli)
cli_sources.register(cli)
cli_ingest.register(cli)
cli_story.register(cli)


def _db_after_command(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    """`--db` given after the command name: it names the database as it does before it."""
    if value is not None:
        obj = ctx.find_object(Context)
        if obj is not None:
            obj.db_path = value


for _command in cli.commands.values():
    _command.params.append(
        click.Option(
            ["--db"],
            type=click.Path(path_type=Path, dir_okay=True),
            expose_value=False,
            is_eager=True,
            callback=_db_after_command,
            help="Database file (as before the command).",
        )
    )


def main() -> None:
    """Console-script entry point: every failure ends in one line and a non-zero exit.

    Ctrl+C ends with a line saying what was kept and exit status 130; output to a full disk
    or a closed pipe ends with one line too, never a traceback.
    """
    ctx: click.Context | None = None
    install_stop_handlers()
    try:
        with cli.make_context("timeline", sys.argv[1:]) as ctx:
            cli.invoke(ctx)
        sys.stdout.flush()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort) as exc:
        context = ctx.obj if ctx is not None and isinstance(ctx.obj, Context) else None
        kept = context.interrupted if context else "nothing was changed"
        if isinstance(exc, Stopped):  # SIGTERM or SIGHUP: the shell's status for that signal
            _last_words(f"stopped by {exc}: {kept}", 128 + exc.number)
        _last_words(f"interrupted: {kept}", 130)
    except BrokenPipeError:
        _last_words(None, 141)
    except OSError as exc:
        _last_words(f"Error: cannot write the output: {exc.strerror}", 1)
    except StoreError as exc:
        _last_words(f"Error: {exc}", 1)


def _last_words(message: str | None, status: int) -> None:
    """Print a last line on stderr and exit, with stdout (maybe a dead pipe) closed quietly."""
    import os

    with suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if message:
        with suppress(OSError):
            click.echo(message, err=True)
    os._exit(status)
