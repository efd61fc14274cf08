"""The add/edit form: title, a date in plain words with a live preview, end, details, tags."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from timeline.tui.dates import format_date, format_iso, format_preview
from timeline.tui.screens.confirm import ConfirmScreen
from timeline.tui.widgets.safe_text import clean, literal

if TYPE_CHECKING:
    from timeline.store import Event, NewEvent

COMPACT_BELOW = 34
"""Terminal height under which the form's fields are drawn without borders."""
DATE_HINT = "31 Aug 2022 · Aug 2022 · 2012 · last Tuesday"


def _today() -> date:
    """Today's date, the reference for relative words such as `yesterday`."""
    return date.today()


class EditScreen(ModalScreen["NewEvent | None"]):
    """Add a new event (event None) or edit one; dismisses with the checked fields or None."""

    CSS_PATH = "edit.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    """Ctrl+S saves from any field, so it takes priority over the inputs."""

    AUTO_FOCUS = "#title"

    class Previewed(Message):
        """A date field was parsed: `text` is the preview or the reason it failed."""

        def __init__(self, field: str, text: str, ok: bool, typed: str) -> None:
            self.field = field
            self.text = text
            self.ok = ok
            self.typed = typed
            """The field's text that was parsed."""
            super().__init__()

    class Checked(Message):
        """Every field is valid; `event` is ready to write."""

        def __init__(self, event: NewEvent) -> None:
            self.event = event
            super().__init__()

    class Refused(Message):
        """A field is invalid; `field` names the input to go back to."""

        def __init__(self, field: str, reason: str) -> None:
            self.field = field
            self.reason = reason
            super().__init__()

    def __init__(self, event: Event | None = None, today: Callable[[], date] = _today) -> None:
        """Open the form empty, or filled from `event` to edit it."""
        super().__init__()
        self.event = event
        self.today = today
        self.first_date = (
            format_date(event.start, approximate=event.approximate) if event and event.start else ""
        )
        """The stored date as the field first shows it (`c. Aug 2022` when approximate)."""
        self.first_end = format_iso(event.end) if event and event.end else ""
        self.first_text = self._shown_text(event) if event else ("", "", "")
        """Title, details and tags as the fields first show them (control bytes made visible)."""

    @staticmethod
    def _shown_text(event: Event) -> tuple[str, str, str]:
        """The event's title, details and tags with control bytes shown as pictures (␛), so
        that an escape byte from an article never reaches the terminal through an input."""
        return (
            clean(event.title),
            clean(event.details, one_line=False),
            clean(", ".join(event.tags)),
        )

    def compose(self) -> ComposeResult:
        """The fields in Tab order: Title, Date, End, Details, Tags."""
        event = self.event
        title, details_text, tags = self.first_text
        with VerticalScroll(classes="form") as box:  # scrolls to the focused field when short
            box.border_title = "Edit event" if event else "Add event"
            yield Label("Title", classes="field")
            yield Input(title, placeholder="What happened", id="title")
            yield Label("Date", classes="field")
            yield Input(self.first_date, placeholder=DATE_HINT, id="date")
            yield Static("", id="date-preview", classes="preview")
            yield Label("End (optional)", classes="field")
            yield Input(self.first_end, placeholder="for a range: 31 Aug 2022", id="end")
            yield Static("", id="end-preview", classes="preview")
            yield Label("Details", classes="field")
            details = TextArea(details_text, id="details", tab_behavior="focus")
            details.show_line_numbers = False
            yield details
            yield Label("Tags (comma separated)", classes="field")
            yield Input(tags, placeholder="e.g. diplomacy, visits", id="tags")
            yield Static("", id="form-error", classes="error")
            # Docked: stays in sight however far the fields scroll.
            yield Label("Ctrl+S  save   Tab  next field   Esc  cancel", classes="hint")

    def on_mount(self) -> None:
        """Show the stored date of an edited event as its preview; fit the height."""
        self._show_stored_preview()
        self._fit(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the fields to the new height."""
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """Below COMPACT_BELOW lines the fields lose their borders so the whole form fits (the
        form still scrolls as a whole, its hint docked in sight); then show it from the top."""
        compact = height < COMPACT_BELOW
        for field in self.query("Input, TextArea"):
            field.compact = compact  # type: ignore[attr-defined]
        self.query_one("#details", TextArea).styles.height = 3 if compact else 5
        self.call_after_refresh(self.query_one(".form").scroll_home, animate=False)

    def _show_stored_preview(self) -> None:
        """Preview the stored date (with its end), as saving an untouched field keeps it."""
        if self.event and self.event.start:
            preview = format_preview(
                self.event.start,
                self.event.precision or "",
                self.event.end,
                self.event.approximate,
            )
            widget = self.query_one("#date-preview", Static)
            widget.remove_class("bad")
            widget.update(Text(preview))

    # -- live preview ------------------------------------------------------------------
    @on(Input.Changed, "#date,#end")
    def date_typed(self, event: Input.Changed) -> None:
        """Parse the date as it is typed (in a worker: dateparser can be slow)."""
        field = event.input.id or "date"
        self.query_one("#form-error", Static).update("")
        if not event.value.strip():
            self.query_one(f"#{field}-preview", Static).update("")
            return
        if field == "date" and event.value.strip() == self.first_date:
            self._show_stored_preview()  # untouched: saving keeps exactly what is stored
            return
        # One worker group per field: typing the end must not drop the date's preview.
        self.run_worker(
            partial(self._preview, field, event.value),
            thread=True,
            exclusive=True,
            group=f"preview-{field}",
        )

    def _preview(self, field: str, text: str) -> None:
        """Parse one date field and post the preview (in a thread worker)."""
        from timeline.tui.dates import parse_typed

        try:
            parsed = parse_typed(text, self.today())
        except Exception as exc:  # BadDate and anything dateparser throws: show, never crash
            self.post_message(self.Previewed(field, str(exc), ok=False, typed=text))
            return
        preview = format_preview(parsed.start, parsed.precision, parsed.end, parsed.approximate)
        self.post_message(self.Previewed(field, preview, ok=True, typed=text))

    @on(Previewed)
    def previewed(self, message: Previewed) -> None:
        """Show the parsed date, or why it is not one (unless the field has changed since)."""
        if self.query_one(f"#{message.field}", Input).value != message.typed:
            return
        preview = self.query_one(f"#{message.field}-preview", Static)
        preview.set_class(not message.ok, "bad")
        preview.update(literal(message.text))

    # -- saving ------------------------------------------------------------------------
    def action_save(self) -> None:
        """Check every field; the dates are parsed in a worker."""
        title = self.query_one("#title", Input).value
        if not title.strip():
            self._refuse("title", "A title is needed.")
            return
        details = self.query_one("#details", TextArea).text
        typed_tags = self.query_one("#tags", Input).value
        tags: str | tuple[str, ...] = typed_tags
        if self.event is not None:
            # A field left as shown keeps the stored text, control bytes and all.
            shown_title, shown_details, shown_tags = self.first_text
            title = self.event.title if title == shown_title else title
            details = self.event.details if details == shown_details else details
            tags = self.event.tags if typed_tags == shown_tags else typed_tags
        self._check(
            title,
            self.query_one("#date", Input).value,
            self.query_one("#end", Input).value,
            details,
            tags,
        )

    @work(thread=True, exclusive=True, group="save")
    def _check(
        self, title: str, when: str, end: str, details: str, tags: str | tuple[str, ...]
    ) -> None:
        """Parse and check the fields, then post Checked or Refused (`tags` as typed, or the
        stored tuple when the field was left alone)."""
        from timeline.store import NewEvent, StoreError
        from timeline.tui.dates import parse_typed as parse_date

        base = self.event.as_new() if self.event else NewEvent(title=title)
        start, precision = base.start, base.precision
        end_iso, approximate = base.end, base.approximate
        today = self.today()
        if when.strip() != self.first_date:
            start = precision = end_iso = None
            approximate = False
            if when.strip():
                try:
                    parsed = parse_date(when, today)
                except Exception as exc:
                    self.post_message(self.Refused("date", f"Date: {exc}"))
                    return
                start, precision = parsed.start, parsed.precision
                end_iso, approximate = parsed.end, parsed.approximate
        if end.strip() != self.first_end or when.strip() != self.first_date:
            if end.strip():
                try:
                    end_iso = parse_date(end, today).start
                except Exception as exc:
                    self.post_message(self.Refused("end", f"End: {exc}"))
                    return
            elif end.strip() != self.first_end:
                end_iso = None
        candidate = dataclasses.replace(
            base,
            title=title,
            start=start,
            precision=precision,
            end=end_iso,
            approximate=approximate,
            details=details,
            tags=tags if isinstance(tags, tuple) else tuple(tag.strip() for tag in tags.split(",")),
        )
        try:
            checked = candidate.checked(known=self.event.as_new() if self.event else None)
        except StoreError as exc:
            field = "end" if "end" in str(exc) else "date" if "date" in str(exc) else "title"
            self.post_message(self.Refused(field, str(exc)))
            return
        self.post_message(self.Checked(checked))

    def _refuse(self, field: str, reason: str) -> None:
        """Show the reason inline, keep every field as typed and go back to the bad one."""
        self.query_one("#form-error", Static).update(literal(reason))
        self.query_one(f"#{field}").focus()

    @on(Checked)
    def checked(self, message: Checked) -> None:
        """Close with the event to write."""
        self.dismiss(message.event)

    @on(Refused)
    def refused(self, message: Refused) -> None:
        """Say what is wrong."""
        self._refuse(message.field, message.reason)

    def changed(self) -> bool:
        """True when any field differs from what the form first showed."""
        title, details, tags = self.first_text
        shown = (
            self.query_one("#title", Input).value,
            self.query_one("#date", Input).value,
            self.query_one("#end", Input).value,
            self.query_one("#details", TextArea).text,
            self.query_one("#tags", Input).value,
        )
        return shown != (title, self.first_date, self.first_end, details, tags)

    def action_cancel(self) -> None:
        """Close without saving; ask first when something was typed."""
        if not self.changed():
            self.dismiss(None)
            return
        question = Text("Throw away what you typed in this form?\n\nCtrl+S in the form saves it.")
        self.app.push_screen(
            ConfirmScreen(question, "Discard changes"),
            lambda yes: self.dismiss(None) if yes else None,
        )
