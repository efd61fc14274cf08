"""Every key the user can change, by action name, and the table `?` shows of the keys in force."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType
from textual.keys import format_key

HELP: tuple[tuple[str, str], ...] = (
    ("up", "up one event"),
    ("down", "down one event"),
    ("page_up", "a screen up"),
    ("page_down", "a screen down"),
    ("first", "first event"),
    ("last", "last event"),
    ("previous_year", "previous year"),
    ("next_year", "next year"),
    ("previous_month", "previous month that has events"),
    ("next_month", "next month that has events"),
    ("open", "open the event's details (or double-click)"),
    ("article", "read the event's article, at its sentence (other events marked in the margin)"),
    ("open_link", "open the event's source: its URL in the browser, its file in $EDITOR"),
    ("on_this_day", "on this day: events of today's day and month in other years"),
    ("search", "search as you type: titles, details, quotes, tags, sources; tag:NAME, source:ID"),
    ("filter", "filter by dates: 2022, Aug 2022..Sep 2022"),
    ("jump", "jump to a date: 2012, 31 Aug 2022"),
    ("key_events", "key events or every event (the footer says which is shown)"),
    ("add", "add an event"),
    ("edit", "edit the event (here or in its details)"),
    ("delete", "delete the event, after a y (here or in its details)"),
    ("delete_source", "in the details: delete the event's source and all its events, after a y"),
    ("move_out", "in the details: move the highlighted sentence out into an event of its own"),
    ("join", "in the details: join another event into this one (pick it by date or search)"),
    ("pick_date", "in the details: date the event as the highlighted sentence gives it"),
    ("undo", "undo the last add, edit, delete, source deletion, move out, join or date pick"),
    ("redo", "redo what undo took back last"),
    ("export", "export the events shown: CSV, TimelineJS, calendar, Markdown, JSON Lines, HTML"),
    ("help", "these keys"),
    ("quit", "quit"),
)
"""Action names `[keys]` may set, with what they do, in the order a newcomer needs them."""

FIXED: tuple[tuple[str, str], ...] = (
    ("Esc", "close the search line and clear the search; else clear the date filter; "
            "in a form or a dialog, cancel (a changed form asks first)"),
    ("Ctrl+S", "save the form"),
    ("Ctrl+P", "command palette (and themes)"),
)  # fmt: skip
"""Keys that cannot be changed."""

NAMES = {
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "tab": "Tab",
    "space": "Space",
}
"""How named keys are written for people."""

ACTIONS = frozenset(action for action, _ in HELP)


def default_bindings(bindings: Iterable[BindingType]) -> dict[str, Binding]:
    """The first binding of each action in `HELP` among `bindings` (the screens' and the list's
    own, which the caller passes so this module imports no screen), by action name."""
    found: dict[str, Binding] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.id in ACTIONS:
            found.setdefault(binding.id, binding)
    return found


UNCHANGEABLE = frozenset({"escape", "ctrl+s", "ctrl+p", "tab", "shift+tab"})
"""Keys the app keeps for itself (close, save, palette, move between fields)."""


def _split(keys: str) -> set[str]:
    """`"down,j"` as {"down", "j"}."""
    return {key.strip() for key in keys.split(",") if key.strip()}


def without_clashes(
    keymap: dict[str, str], bindings: Iterable[BindingType]
) -> tuple[dict[str, str], list[str]]:
    """`keymap` less each action whose key is already another action's (in force) or one the
    app keeps: the first would silently win, the other lose its key. Returns the keymap kept
    and a line naming each key dropped (that action keeps its default)."""
    defaults = {action: _split(b.key) for action, b in default_bindings(bindings).items()}
    kept = dict(keymap)
    problems: list[str] = []
    for action in list(keymap):
        in_force = {
            name: _split(kept[name]) if name in kept else keys for name, keys in defaults.items()
        }
        for key in sorted(_split(keymap[action])):
            others = [name for name, keys in in_force.items() if name != action and key in keys]
            if others or key in UNCHANGEABLE:
                whose = f"already the key of {others[0]!r}" if others else "kept by the app"
                problems.append(f"key {key!r} for {action!r} is {whose}; keeping the default")
                del kept[action]
                break
    return kept, problems


def display(keys: str) -> str:
    """Keys as people read them: `question_mark,f1` becomes `? F1`, `ctrl+s` `Ctrl+S`."""
    shown = []
    for key in keys.split(","):
        if len(key.strip()) == 1:
            shown.append(key.strip())
            continue
        *modifiers, name = key.strip().split("+")
        text = NAMES.get(name) or format_key(name)
        text = text.upper() if len(text) > 1 and name[0] == "f" and name[1:].isdigit() else text
        shown.append("+".join([*(m.capitalize() for m in modifiers), text]))
    return "  ".join(shown)


def keys_in_force(keymap: dict[str, str], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what) for every action, the user's keys where `[keys]` set them, else the key
    `bindings` declare."""
    defaults = default_bindings(bindings)
    rows = []
    for action, what in HELP:
        keys = keymap.get(action) or defaults[action].key
        rows.append((display(keys), what))
    return rows + list(FIXED)
