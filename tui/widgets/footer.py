"""A footer that, when the terminal is narrow, drops the least needed keys first (PRIORITY) but
never `K Key events` (or `All events`), `? Keys`, `q Quit` or `Esc Back`: a newcomer can always
learn which events are shown, the rest of the keys, and how to leave."""

from __future__ import annotations

from collections import defaultdict

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

KEPT = ("key_events", "help", "quit", "back")
"""Binding ids the footer always shows (which events are shown, the keys, how to leave or go
back)."""
PRIORITY = (
    "search", "add", "undo", "edit", "delete", "article", "next_event", "open_link", "filter",
    "jump", "export", "move_out", "join", "pick_date", "delete_source", "redo", "on_this_day",
)  # fmt: skip
"""Binding ids in the order they stay when the footer is short of room (first stays longest);
keys not named here go before any that are."""
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

        def rank(index: int) -> tuple[int, int]:
            """Lower goes first: keys not in PRIORITY, then the least important, the rightmost."""
            binding_id = chosen[index][0].id or ""
            order = PRIORITY.index(binding_id) if binding_id in PRIORITY else len(PRIORITY)
            return (-order, -index)

        while chosen and sum(cost(b) for b, _, _ in chosen) > room:
            droppable = [i for i, (b, _, _) in enumerate(chosen) if b.id not in KEPT]
            if not droppable:
                break
            del chosen[min(droppable, key=rank)]
        return chosen

    def _declared_order(self) -> dict[str, int]:
        """Each action's place as the focused widget, the screen and the app declare them: a
        key changed in `[keys]` keeps its place (Textual lists the remapped ones last)."""
        focused = self.screen.focused
        nodes = list(focused.ancestors_with_self) if focused else [self.screen, self.app]
        order: dict[str, int] = {}
        for node in nodes:
            for _key, binding in node._bindings:  # as declared, before the keymap
                order.setdefault(binding.action, len(order))
        return order

    def compose(self) -> ComposeResult:
        """Textual's own footer keys in their declared order, less those that do not fit (the
        palette key stays, last)."""
        width = self.size.width or self.app.size.width
        kept = {binding.action for binding, _, _ in self._fitting(width)}
        order = self._declared_order()
        shown = [
            widget
            for widget in super().compose()
            if getattr(widget, "action", None) is None
            or widget.action in kept
            or widget.has_class("-command-palette")
        ]
        keys = [widget for widget in shown if getattr(widget, "action", None) in order]
        keys.sort(key=lambda widget: order[widget.action])
        others = iter(keys)
        for widget in shown:
            yield next(others) if getattr(widget, "action", None) in order else widget
