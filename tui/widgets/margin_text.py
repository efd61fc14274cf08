"""An article laid out in lines of a given width, each line knowing where it sits in the text,
so a margin can mark the lines of chosen sentences and a screen can scroll to one exactly."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

_WORD = re.compile(r"\S+\s*")

MARKS = {"event": "▶ ", "other": "• ", "": "  "}
"""Margin of a line: the event's own sentence, another event of the article, nothing."""


@dataclass(frozen=True, slots=True)
class Laid:
    """An article laid out: the text to show and, per mark, the first line it is on."""

    text: Text
    first_line: dict[str, int]
    """First line of each marked span's name ("event", "other-3", ...)."""
    lines: int


def line_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each line when `plain` is wrapped at spaces to `width` cells;
    a word wider than the line is cut; a blank line stays a line."""
    width = max(width, 1)
    spans: list[tuple[int, int]] = []
    at = 0
    for paragraph in plain.split("\n"):
        start = at
        line_start, used = start, 0
        for word in _WORD.finditer(paragraph):
            w_start, w_end = start + word.start(), start + word.end()
            size = cell_len(word.group().rstrip())
            if used and used + size > width:
                spans.append((line_start, w_start))
                line_start, used = w_start, 0
            while size > width:  # a very long word: cut it into line-wide pieces
                spans.append((line_start, line_start + width))
                line_start += width
                size -= width
            used = cell_len(plain[line_start:w_end])
        spans.append((line_start, start + len(paragraph)))
        at = start + len(paragraph) + 1
    return spans


def lay_out(text: Text, width: int, marked: Sequence[tuple[str, int, int]]) -> Laid:
    """Lay `text` out to `width` cells plus a two-cell margin marking the lines of each
    (name, start, end) span: "▶" for the name "event", "•" for any other."""
    spans = line_spans(text.plain, width - 2)
    first: dict[str, int] = {}
    out = Text()
    for number, (start, end) in enumerate(spans):
        mark = ""
        for name, m_start, m_end in marked:
            if m_start < max(end, start + 1) and start < m_end:
                first.setdefault(name, number)
                if mark != "event":
                    mark = "event" if name == "event" else "other"
        if number:
            out.append("\n")
        out.append(MARKS[mark], "bold" if mark == "event" else "dim")
        piece = text[start:end]
        piece.rstrip()
        out.append_text(piece)
    return Laid(out, first, len(spans))
