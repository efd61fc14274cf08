"""Tags as one text cell: `a; b; c`, with `\\;` and `\\\\` escaping, the same in SQLite and CSV."""

from __future__ import annotations

from timeline.store.models import normalise_tags


def join_tags(tags: tuple[str, ...]) -> str:
    """Write normalised tags as one cell that `split_tags` reads back exactly."""
    return "; ".join(tag.replace("\\", "\\\\").replace(";", "\\;") for tag in tags)


def split_tags(cell: str | None) -> tuple[str, ...]:
    """Read a tags cell back into tags (stripped, empty ones dropped)."""
    if not cell:
        return ()
    parts: list[str] = []
    current: list[str] = []
    chars = iter(cell)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            current.append(nxt)
        elif char == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return normalise_tags(parts)
