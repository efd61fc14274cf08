"""The Textual app: `make_app(path)` opens the database and builds it (CLI and tests alike)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from timeline.store import Store
from timeline.tui.config import CONFIG_FILE, Config, config_dir, load_config, save_theme
from timeline.tui.editor import EventEditor
from timeline.tui.keys import ACTIONS, without_clashes
from timeline.tui.messages import DataChanged
from timeline.tui.screens.details import DetailsScreen
from timeline.tui.screens.timeline import TimelineScreen

POLL_SECONDS = 1.0
"""How often to look for changes written by another process."""

COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("Search", "Search titles, details, quotes, tags and sources as you type", "search", "search"),
    ("Filter by date", "Show a date range: 2022, Aug 2022..Sep 2022", "filter", "filter"),
    ("Jump to date", "Go to the first event on or after a date", "jump", "jump"),
    ("Key events or all events", "Show every event, or only the key events again", "toggle_key",
     "key_events"),
    ("Add event", "Add an event by hand", "add", "add"),
    ("Edit event", "Edit the highlighted event", "edit", "edit"),
    ("Delete event", "Delete the highlighted event, after a y", "delete", "delete"),
    ("Read article", "The highlighted event's article, at its sentence", "article", "article"),
    ("Open source link", "The event's URL in the browser, or its file", "open_link",
     "open_link"),
    ("On this day", "Events of today's day and month in other years", "on_this_day",
     "on_this_day"),
    ("Undo", "Take back the last add, edit, delete, move out, join or date pick", "undo", "undo"),
    ("Redo", "Make again what undo took back", "redo", "redo"),
    ("Export", "Write the events shown to a file", "export", "export"),
    ("Show keys", "Every key of the timeline", "help", "help"),
)  # fmt: skip
"""Command palette entries for the timeline's actions: (title, help, action, binding id); the
help ends with the keys in force for the binding."""

DETAILS_COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("Move sentence out", "Move the highlighted sentence into an event of its own",
     "move_out", "move_out"),
    ("Join with another event", "Join an event, picked by date or search, into this one",
     "join", "join"),
    ("Pick this date", "Date the event as the highlighted sentence gives it", "pick_date",
     "pick_date"),
    ("Read article", "The article at the highlighted sentence", "article", "article"),
    ("Open source link", "The source's URL in the browser, or its file", "open_link",
     "open_link"),
    ("Edit event", "Edit the event shown", "edit", "edit"),
    ("Undo", "Take back the last change", "undo", "undo"),
    ("Redo", "Make again what undo took back", "redo", "redo"),
)  # fmt: skip
"""Command palette entries for the details screen."""


class TimelineApp(App[None]):
    """Browse and edit a timeline database."""

    TITLE = "timeline"

    CSS = """
    /* Textual's toast rack keeps room for a scrollbar it never shows: two columns of the row
       under a toast peeked out at its right edge. */
    ToastRack {
        scrollbar-size-vertical: 0;
    }
    """

    def __init__(
        self,
        store: Store,
        reader: Store,
        *,
        demo: bool = False,
        today: Callable[[], date] = date.today,
        config_path: Path | None = None,
    ) -> None:
        """Show `store`; `reader` is a second connection for long reads in workers.

        Args:
            store: The database, on this thread.
            reader: A second connection for long reads in workers.
            demo: Mark the title as the demo database.
            today: Reference date for relative words; tests pass a fixed one.
            config_path: Directory of `config.toml` (default: `config_dir()`).
        """
        super().__init__()
        self.config_path = config_path or config_dir()
        """Where `config.toml` is read from and the theme is written to."""
        self.config: Config = load_config(self.config_path, ACTIONS)
        self.config.keys, clashes = without_clashes(
            self.config.keys, TimelineScreen.declared_bindings()
        )
        self.config.problems += [f"{self.config_path / CONFIG_FILE}: {line}" for line in clashes]
        self.store = store
        self.reader = reader
        self.today = today
        """Reference date for relative words (`yesterday`); tests pass a fixed one."""
        self.sub_title = str(store.path) + ("  (demo)" if demo else "")
        self._data_version = store.data_version()
        self.editor = EventEditor(self, store, today)
        """Adds, edits, deletes and undoes, for every screen."""
        self.timeline = TimelineScreen(store, reader, editor=self.editor, today=today)
        """The main screen, under whatever is open."""

    def on_mount(self) -> None:
        """Apply the config, open the timeline, warn about a read-only file, watch for changes."""
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self.set_keymap(self.config.keys)
        self.watch(self, "theme", self._keep_theme, init=False)
        self.push_screen(self.timeline)
        for problem in self.config.problems:
            self.notify(problem, title="config.toml", severity="warning", timeout=10, markup=False)
        if self.store.readonly:
            self.sub_title = f"{self.sub_title}  [read-only]"
            self.notify(
                "This database is read-only: you can browse, search and export; "
                "changes are refused.",
                title="Read-only",
                severity="warning",
                timeout=8,
                markup=False,
            )
        self.set_interval(POLL_SECONDS, self.poll_data_version)

    def _keep_theme(self, theme: str) -> None:
        """Write the theme chosen in the palette to config.toml, for the next start."""
        try:
            save_theme(self.config_path, theme)
        except OSError as exc:
            self.notify(f"Cannot keep the theme: {exc}", severity="warning", markup=False)

    def poll_data_version(self) -> None:
        """Tell every open screen when another process committed a change."""
        version = self.store.data_version(wait=False)
        if version is not None and version != self._data_version:
            self._data_version = version
            for screen in self.screen_stack:
                screen.post_message(DataChanged())

    def on_unmount(self) -> None:
        """Close both connections."""
        self.reader.close()
        self.store.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Theme, quit and the rest from Textual (not its "Keys": ours shows the keys in force),
        plus every timeline action."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command
        commands = COMMANDS if isinstance(screen, TimelineScreen) else ()
        if isinstance(screen, DetailsScreen):
            commands = DETAILS_COMMANDS
        from timeline.tui.keys import default_bindings, display

        defaults = default_bindings(TimelineScreen.declared_bindings())
        for title, help_text, action, binding_id in commands:
            keys = self.config.keys.get(binding_id) or defaults[binding_id].key
            text = f"{help_text} ({display(keys)})"
            yield SystemCommand(title, text, partial(screen.run_action, action))


def make_app(
    db_path: Path,
    *,
    demo: bool = False,
    today: Callable[[], date] = date.today,
    config_path: Path | None = None,
) -> TimelineApp:
    """Open the database at `db_path` and build the app on it.

    Args:
        db_path: The SQLite file; created if missing, opened read-only if it cannot be written.
        demo: Mark the title as the demo database.
        today: Reference date for relative words in date fields (tests fix it).
        config_path: Directory of `config.toml`; default `$TIMELINE_CONFIG_DIR` or the user
            config directory.

    Returns:
        The app, ready to `run()` or `run_test()`.

    Raises:
        StoreError: The file is not a timeline database, or a newer one.
    """
    store = Store.open(db_path)
    try:
        reader = Store.open(db_path, readonly=True)
    except Exception:
        store.close()
        raise
    return TimelineApp(store, reader, demo=demo, today=today, config_path=config_path)
