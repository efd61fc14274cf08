"""Add, edit, delete, move out, join, pick a date and undo in one place: the form, the
question, the store call (in a worker thread, so no screen waits for the database) and the
notice. The timeline and the details
screen both call it; each hears `EventsChanged`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App

from timeline.tui.dates import format_date
from timeline.tui.messages import EventsChanged
from timeline.tui.models.undo import WORDS, Change, UndoStack
from timeline.tui.screens.confirm import ConfirmScreen
from timeline.tui.screens.edit import EditScreen
from timeline.tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from timeline.store import Event, Mention, NewEvent, Source, Store


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

    # -- writing, off the screen's thread -----------------------------------------------
    def _write(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run a write in a worker thread, so no screen waits for the database; `done` gets its
        result on the screen's thread. While another program holds the write lock, the status
        line says so."""
        self.store.on_busy = lambda message: self.app.call_from_thread(self.say, message)
        self.app.run_worker(partial(self._write_job, job, done), thread=True, group="write")

    def _write_job(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """The worker side of `_write`: one store call, its result or error handed back."""
        from timeline.store import StoreError

        try:
            result = job()
        except StoreError as exc:
            self.app.call_from_thread(self.say, str(exc), "error")
            return
        self.app.call_from_thread(done, result)

    # -- the changes -------------------------------------------------------------------
    def add(self) -> None:
        """Open the form for a new event."""
        if not self.refused_read_only():
            self.app.push_screen(EditScreen(None, today=self.today), self._added)

    def _added(self, new: NewEvent | None) -> None:
        """Write the new event."""
        if new is not None:
            self._write(partial(self.store.add_event, new), self._after_add)

    def _after_add(self, event: Event) -> None:
        """Remember the new event (and the row version it left) for undo, and tell."""
        self.undo_stack.push("add", event, event.version)
        self.say(f"Added “{event.title}”")
        self._changed("add", event.id)

    def edit(self, event_id: int) -> None:
        """Open the form on event `event_id`, as stored now."""
        from timeline.store import StoreError

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
        if new is None:
            return
        changes = {field.name: getattr(new, field.name) for field in dataclasses.fields(new)}

        def job() -> tuple[Event, Event]:
            previous = self.store.get_event(before.id)
            return previous, self.store.update_event(before.id, **changes)

        self._write(job, self._after_edit)

    def _after_edit(self, change: tuple[Event, Event]) -> None:
        """Remember the event before the edit and the version the edit left, and tell."""
        previous, after = change
        self.undo_stack.push("edit", previous, after.version)
        self.say(f"Saved “{after.title}” (u to undo)")
        self._changed("edit", after.id)

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
        if yes:
            self._write(partial(self.store.delete_event, event.id), self._after_delete)

    def _after_delete(self, snapshot: Event) -> None:
        """Remember the deleted event for undo, and tell."""
        self.undo_stack.push("delete", snapshot)
        self.say(f"Deleted “{snapshot.title}” (u to undo)")
        self._changed("delete", snapshot.id, reveal=False)

    def delete_source(self, source: Source, asked: Callable[[], None] | None = None) -> None:
        """Ask, then delete `source` and every event taken from it as one undoable step;
        `asked` runs after a yes (the details screen closes, its event going too)."""
        if self.refused_read_only():
            return
        question = Text.assemble(
            "Delete the source ",
            literal(source.title or source.url or "untitled", "bold"),
            " and every event taken from it?\n\nu undoes it.",
        )

        def answered(yes: bool | None) -> None:
            if yes:
                if asked is not None:
                    asked()
                self._write(partial(self.store.delete_source, source.id), self._after_source)

        self.app.push_screen(ConfirmScreen(question, "Delete source"), answered)

    def _after_source(self, deleted: tuple[Source, list[Event]]) -> None:
        """Remember the whole deletion for undo and say what went."""
        source, events = deleted
        if events:
            self.undo_stack.push_source(source, events)
        name = source.title or source.url or "untitled"
        self.say(f"Deleted source “{name}” and its {len(events)} event(s) (u to undo)")
        self._changed("delete", None, reveal=False)

    # -- the story: which sentences tell one happening, and its date ---------------------
    def move_out(self, event: Event, mention: Mention) -> None:
        """Move `mention` out of `event` into an event of its own (undo joins it back)."""
        if self.refused_read_only():
            return

        def job() -> Event:
            from timeline.ingest.story.storyline import refresh

            new = self.store.split_mention(mention.id)
            refresh(self.store, [event.id, new.id])
            return self.store.get_event(new.id)

        def done(new: Event) -> None:
            self.undo_stack.push_story(Change("split", new, other=event.id))
            name = mention.source_title or "its source"
            self.say(f"Moved the sentence of “{name}” out into an event of its own (u to undo)")
            self._changed("split", event.id)

        self._write(job, done)

    def join(self, keep: int, other: int) -> None:
        """Join event `other` into `keep`: one happening told by both (undo parts them)."""
        if self.refused_read_only():
            return

        def job() -> tuple[Event, Event]:
            from timeline.ingest.story.storyline import refresh

            snapshot = self.store.join_events(keep, other)
            refresh(self.store, [keep])
            return snapshot, self.store.get_event(keep)

        def done(result: tuple[Event, Event]) -> None:
            snapshot, kept = result
            self.undo_stack.push_story(Change("join", snapshot, other=keep))
            self.say(f"Joined “{snapshot.title}” into “{kept.title}” (u to undo)")
            self._changed("join", keep)

        self._write(job, done)

    def pick_date(self, event: Event, mention: Mention) -> None:
        """Date `event` by `mention` (undo picks what was picked before, or none)."""
        if self.refused_read_only():
            return
        previous = self.undo_stack.last_pick(event.id)

        def job() -> Event:
            from timeline.ingest.story.storyline import refresh

            before = self.store.get_event(event.id)
            self.store.pick_date(event.id, mention.id)
            refresh(self.store, [event.id])
            return before

        def done(before: Event) -> None:
            change = Change("pick", before, picked=mention.id, previous=previous)
            self.undo_stack.push_story(change)
            when = format_date(mention.start, mention.end, approximate=mention.approximate)
            name = mention.source_title or "its source"
            self.say(f"Dated “{before.title}” {when}, as “{name}” gives it (u to undo)")
            self._changed("pick", event.id)

        self._write(job, done)

    def undo(self) -> None:
        """Take back the newest change, or say there is nothing to take back. Undo touches
        only the row version its change left: if another program changed the event since,
        it says so and keeps their row."""
        if not self.undo_stack:
            self.say("Nothing to undo")
            return
        if self.refused_read_only():
            return
        self._write(partial(self.undo_stack.undo, self.store), self._after_undo)

    def _after_undo(self, undone: tuple[Change, Event | None]) -> None:
        """Say what undo brought back."""
        change, selected = undone
        if change.kind == "source" and change.source is not None:
            name = change.source.title or change.source.url or "untitled"
            self.say(f"Undid delete of source “{name}”")
        else:
            self.say(f"Undid {WORDS.get(change.kind, change.kind)} of “{change.event.title}”")
        self._changed("undo", selected.id if selected else None)
