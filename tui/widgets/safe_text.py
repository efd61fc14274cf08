"""Article text is data: make it safe to show, never markup, never terminal control."""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 control bytes, and the bidirectional controls (RLO and the like), which would
turn the rest of a row around and make it read as other text."""
_BREAKS = re.compile(r"[\t\n\r]")


def _picture(match: re.Match[str]) -> str:
    """Replace a control byte by its visible Unicode control picture (ESC becomes ␛)."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if code > 0x9F:  # a bidirectional control: its escape, as `timeline list` shows it
        return f"\\u{code:04x}"
    return "\ufffd"


def clean(text: str | None, *, one_line: bool = True) -> str:
    """Return text with control bytes made visible and, for one line, breaks made spaces."""
    if not text:
        return ""
    if one_line:
        text = _BREAKS.sub(" ", text)
    return _CONTROL.sub(_picture, text)


def literal(text: str | None, style: str = "", *, one_line: bool = True) -> Text:
    """Build a rich Text from article text: brackets stay brackets, escapes stay visible."""
    return Text(clean(text, one_line=one_line), style=style)
