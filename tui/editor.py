"""Add, edit, delete and undo in one place: the form, the question, the store call and the
notice. The timeline and the details screen both call it; each hears `EventsChanged`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import App

from tui.dates import format_date
from tui.messages import EventsChanged
from tui.models.undo import UndoStack
from tui.screens.confirm import ConfirmScreen
from tui.screens.edit import EditScreen
from tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from store import Event, NewEvent, Store


class EventEditor:
    """Changes made from the keyboard, and the undo stack that takes them back."""

    def __init__(self, app: App[None], store: Store, today: Callable[[], date]) -> None:
        """Write to `store`; `today` is the reference for relative words in the form."""
        self.app = app
        self.store = store
        self.today = today
        self.undo_stack = UndoStack()

    # -- telling -----------------------------------------------------------------------
    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        """Notify; the message may quote a title, so it is never markup and its control bytes
        are shown as pictures (an escape byte would otherwise reach the terminal)."""
        self.app.notify(clean(message), severity=severity, markup=False)

    def refused_read_only(self) -> bool:
        """Say so and return True when the database cannot be written."""
        if self.store.readonly:
            self.say("This database is read-only: changes are refused.", severity="error")
        return self.store.readonly

    def _changed(self, kind: str, event_id: int | None, *, reveal: bool = True) -> None:
        """Tell every open screen (a fresh message each) what changed."""
        for screen in self.app.screen_stack:
            screen.post_message(EventsChanged(kind, event_id, reveal=reveal))

    # -- the four changes --------------------------------------------------------------
    def add(self) -> None:
        """Open the form for a new event."""
        if not self.refused_read_only():
            self.app.push_screen(EditScreen(None, today=self.today), self._added)

    def _added(self, new: NewEvent | None) -> None:
        """Write the new event."""
        from store import StoreError

        if new is None:
            return
        try:
            event = self.store.add_event(new)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.undo_stack.push("add", event)
        self.say(f"Added “{event.title}”")
        self._changed("add", event.id)

    def edit(self, event_id: int) -> None:
        """Open the form on event `event_id`, as stored now."""
        from store import StoreError

        if self.refused_read_only():
            return
        try:
            fresh = self.store.get_event(event_id)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.app.push_screen(
            EditScreen(fresh, today=self.today), lambda new: self._edited(fresh, new)
        )

    def _edited(self, before: Event, new: NewEvent | None) -> None:
        """Write the edit."""
        from store import StoreError

        if new is None:
            return
        changes = {field.name: getattr(new, field.name) for field in dataclasses.fields(new)}
        try:
            previous = self.store.get_event(before.id)
            after = self.store.update_event(before.id, **changes)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.undo_stack.push("edit", previous)
        self.say(f"Saved “{after.title}” (u to undo)")
        self._changed("edit", before.id)

    def delete(self, event: Event) -> None:
        """Ask, then delete `event`."""
        if self.refused_read_only():
            return
        question = Text.assemble(
            "Delete ",
            literal(event.title, "bold"),
            f"  ({format_date(event.start, event.end, approximate=event.approximate)})?",
            "\n\nu undoes it.",
        )
        self.app.push_screen(
            ConfirmScreen(question, "Delete event"), lambda yes: self._deleted(event, yes)
        )

    def _deleted(self, event: Event, yes: bool | None) -> None:
        """Delete after a yes."""
        from store import StoreError

        if not yes:
            return
        try:
            snapshot = self.store.delete_event(event.id)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.undo_stack.push("delete", snapshot)
        self.say(f"Deleted “{snapshot.title}” (u to undo)")
        self._changed("delete", event.id, reveal=False)

    def undo(self) -> None:
        """Take back the newest add, edit or delete, or say there is nothing to take back."""
        from store import StoreError

        if not self.undo_stack:
            self.say("Nothing to undo")
            return
        if self.refused_read_only():
            return
        try:
            change, selected = self.undo_stack.undo(self.store)
        except StoreError as exc:
            self.say(str(exc), severity="error")
            return
        self.say(f"Undid {change.kind} of “{change.event.title}”")
        self._changed("undo", selected.id if selected else None)
