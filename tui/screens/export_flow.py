"""The export flow of the main screen: choose a format, then a path, confirm a replace, and
write in a worker with the same function as `timeline export`."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work

from timeline.tui.messages import ExportFinished, LoadFailed
from timeline.tui.screens.confirm import ConfirmScreen
from timeline.tui.screens.export_format import ExportFormatScreen
from timeline.tui.screens.prompt import PromptScreen
from timeline.tui.widgets.safe_text import literal

if TYPE_CHECKING:
    from timeline.store import Filter


class ExportFlow:
    """Mixed into TimelineScreen, which provides `flt`, `store`, `reader`, `export_format`,
    `_say` and the screen's `app` and `post_message`."""

    flt: Filter
    export_format: str | None
    store: Any
    reader: Any
    app: Any
    post_message: Any
    _say: Any

    def action_export(self) -> None:
        """Ask for a format (the last one first), then a path, then write the events shown."""
        from timeline.store.exporters import EXPORTERS

        flt = self.flt
        formats = [(module.names[0], module.description) for module in EXPORTERS]
        self.app.push_screen(
            ExportFormatScreen(formats, self.export_format),
            lambda fmt: self._export_path_for(flt, fmt),
        )

    def _export_path_for(self, flt: Filter, fmt: str | None) -> None:
        """Ask where to write the chosen format."""
        from timeline.store.exporters import exporter

        if fmt is None:
            return
        self.export_format = fmt
        what = "the filtered events" if flt.active else "every event"
        self.app.push_screen(
            PromptScreen(
                f"Export to {fmt}",
                partial(_export_path, database=self.store.path),
                value=f"timeline{exporter(fmt).extension}",
                hint=f"Writes {what} as {fmt}.  Enter  export      Esc  cancel",
            ),
            lambda path: self._export_checked(flt, fmt, path),
        )

    def _export_checked(self, flt: Filter, fmt: str, path: Path | None) -> None:
        """Export to the path accepted; ask first when it would replace a file."""
        if path is None:
            return
        if not path.exists():
            self._export(flt, fmt, path)
            return
        question = Text.assemble(
            literal(str(path), "bold"), " already exists.\n\nReplace it with this export?"
        )
        self.app.push_screen(
            ConfirmScreen(question, "Replace file"),
            lambda yes: self._export(flt, fmt, path) if yes else None,
        )

    @work(thread=True, exclusive=True, group="export")
    def _export(self, flt: Filter, fmt: str, path: Path) -> None:
        """Write the file with the same function as `timeline export`."""
        from timeline.store import StoreError, export_file

        try:
            written = export_file(self.reader, path, fmt, flt if flt.active else None)
        except (OSError, StoreError) as exc:
            self.post_message(LoadFailed(f"Export failed: {exc}"))
            return
        self.post_message(ExportFinished(str(path), written.rows, written.note))

    def on_export_finished(self, message: ExportFinished) -> None:
        """Say where the export went, and what the format left out."""
        note = f" ({message.note})" if message.note else ""
        events = "event" if message.rows == 1 else "events"
        self._say(f"Exported {message.rows:,} {events} to {message.path}{note}")


def _export_path(text: str, database: Path | None = None) -> Path:
    """Check an export path: a file in a folder that exists, not the database or its
    journal (the store refuses those too; saying so here keeps the prompt open)."""
    path = Path(text.strip() or "timeline.csv").expanduser().absolute()
    if database is not None:
        db = database.resolve()
        if path.resolve() in {
            db,
            db.with_name(db.name + "-wal"),
            db.with_name(db.name + "-shm"),
            db.with_name(db.name + "-journal"),
        }:
            raise ValueError(f"{path} is the database itself; choose another file")
    if path.is_dir():
        raise ValueError(f"{path} is a folder; give a file name")
    if not path.parent.exists():
        raise ValueError(f"there is no folder {path.parent}")
    return path
