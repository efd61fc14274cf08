"""The user's settings in `config.toml`: `[keys]` (action = "key, key") and the theme.

The file lives in the user config directory (platformdirs), or in `$TIMELINE_CONFIG_DIR` when
that is set (tests set it, so they never read or write a real user's file). A bad line never
stops the app: it is named in a one-line problem and the default stays.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_ENV = "TIMELINE_CONFIG_DIR"
"""Environment variable naming the config directory (else the platform's user config dir)."""
CONFIG_FILE = "config.toml"

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(
    {
        "escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end",
        "pageup", "pagedown", "up", "down", "left", "right", "backtab",
        *(f"f{n}" for n in range(1, 25)),
    }
)  # fmt: skip
"""Key names that are not characters."""
ARRIVES_AS = frozenset({"ctrl+i", "ctrl+m", "ctrl+h", "ctrl+left_square_bracket", "ctrl+["})
"""Keys a terminal sends as another (Tab, Enter, Backspace, Esc): a binding never sees them."""
_THEME_LINE = re.compile(r"^\s*theme\s*=.*$", re.MULTILINE)


def config_dir() -> Path:
    """The directory holding `config.toml`: `$TIMELINE_CONFIG_DIR`, else the user config dir."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    import platformdirs

    return Path(platformdirs.user_config_dir("timeline", appauthor=False))


def readable_key(key: str) -> bool:
    """True when `key` names a key Textual can bind: `Q`, `ctrl+s`, `f2`, `question_mark`."""
    key = key.strip()
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, name = key.split("+")
    if not name or any(m.lower() not in MODIFIERS for m in modifiers):
        return False
    if key.lower() in ARRIVES_AS or (len(name) == 1 and "shift" in map(str.lower, modifiers)):
        return False  # Shift with a character arrives as the character it types ("N")
    if len(name) == 1:
        return name.isprintable() and not name.isspace() and (not modifiers or name.isascii())
    if name.lower() in NAMED_KEYS:
        return True
    if modifiers:
        # a terminal sends Ctrl or Alt only with the keys of a keyboard, never with a
        # character found by its Unicode name ("ctrl+shift+banana" would never arrive)
        return False
    from textual.keys import _get_unicode_name_from_key

    try:
        unicodedata.lookup(_get_unicode_name_from_key(name).replace("_", " ").upper())
    except KeyError:
        return False
    return True


def _typed_as(key: str) -> str:
    """For Shift with a character, how to write it instead ("; write 'N'"); else nothing."""
    *modifiers, name = key.split("+")
    if [m.lower() for m in modifiers] == ["shift"] and len(name) == 1:
        return f" (Shift with a character is written as what it types: {name.upper()!r})"
    return ""


@dataclass
class Config:
    """What `config.toml` asked for, and what in it could not be used."""

    keys: dict[str, str] = field(default_factory=dict)
    """Action name to comma-separated keys, only the valid ones."""
    theme: str | None = None
    problems: list[str] = field(default_factory=list)
    """One line per thing ignored, to show at start-up."""


def load_config(directory: Path, actions: Collection[str]) -> Config:
    """Read `config.toml` in `directory`; a missing file is an empty config.

    Args:
        directory: Where the file is.
        actions: The action names `[keys]` may name.

    Returns:
        The valid settings and a one-line problem for each one that was not.
    """
    path = directory / CONFIG_FILE
    config = Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        config.problems.append(f"{path}: cannot be read ({exc}); using the defaults")
        return config
    theme = data.get("theme")
    if isinstance(theme, str):
        config.theme = theme
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f'{path}: [keys] must be a table of action = "key"')
        return config
    for action, value in keys.items():
        if action not in actions:
            known = ", ".join(sorted(actions))
            config.problems.append(f"{path}: unknown action {action!r} in [keys] (known: {known})")
            continue
        wanted = [key.strip() for key in value.split(",")] if isinstance(value, str) else []
        bad = [key for key in wanted if not readable_key(key)]
        if not wanted or bad:
            what = ", ".join(repr(key) for key in bad) or repr(value)
            config.problems.append(
                f"{path}: cannot read key {what} for {action!r}; keeping the default"
                + "".join(_typed_as(key) for key in bad)
            )
            continue
        config.keys[action] = ",".join(wanted)
    return config


def save_theme(directory: Path, theme: str) -> None:
    """Write `theme = "..."` into `config.toml`, keeping every other line as it is."""
    path = directory / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    line = f"theme = {json.dumps(theme)}"
    header = re.search(r"^\s*\[", text, re.MULTILINE)
    top = text[: header.start()] if header else text
    rest = text[header.start() :] if header else ""
    found = _THEME_LINE.search(top)
    top = _THEME_LINE.sub(line, top, count=1) if found else f"{line}\n{top}"
    directory.mkdir(parents=True, exist_ok=True)
    path.write_text(top + rest, encoding="utf-8")
