"""A footer that, when the terminal is narrow, drops keys from the middle but never `K Key
events` (or `All events`), `? Keys` and `q Quit`: a newcomer can always learn which events are
shown, the rest of the keys, and how to leave."""

from __future__ import annotations

from collections import defaultdict

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

KEPT = ("key_events", "help", "quit")
"""Binding ids the footer always shows (which events are shown, the keys, how to leave)."""
COMPACT_BELOW = 100
"""Below this width the keys sit closer together."""


class KeyFooter(Footer):
    """Footer keys that fit the width, `? Keys` and `q Quit` first to stay."""

    def __init__(self) -> None:
        """Start with the palette key on the right, as Textual's footer does."""
        super().__init__()
        self._width = 0

    def on_resize(self, event: events.Resize) -> None:
        """Lay the keys out again for the new width."""
        if event.size.width != self._width:
            self._width = event.size.width
            self.compact = self._width < COMPACT_BELOW
            self.call_after_refresh(self.recompose)  # composes nothing until bindings are ready

    def _fitting(self, width: int) -> list[tuple[Binding, bool, str]]:
        """The bindings to show: in order, minus the last droppable ones that do not fit."""
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        chosen = [entries[0] for entries in by_action.values()]

        def cost(binding: Binding) -> int:
            key = self.app.get_key_display(binding)
            return len(key) + len(binding.description) + (2 if self.compact else 3)

        palette = 12 if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE else 0
        room = width - palette
        while chosen and sum(cost(b) for b, _, _ in chosen) > room:
            droppable = [i for i, (b, _, _) in enumerate(chosen) if b.id not in KEPT]
            if not droppable:
                break
            del chosen[droppable[-1]]
        return chosen

    def compose(self) -> ComposeResult:
        """Textual's own footer keys, less those that do not fit (the palette key stays)."""
        width = self.size.width or self.app.size.width
        kept = {binding.action for binding, _, _ in self._fitting(width)}
        for widget in super().compose():
            action = getattr(widget, "action", None)
            if action is None or action in kept or widget.has_class("-command-palette"):
                yield widget
