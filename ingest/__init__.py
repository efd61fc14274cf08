"""Find dated events in news articles: a temporal tagger plus event building, no SQL, no UI.

The tagger is imported when first asked for, so a light module of the package (the demo's
freshness check at `timeline --demo` start-up) does not pay for compiling its grammar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.ingest.tagger.timex import find_timexes

__all__ = ["find_timexes"]


def __getattr__(name: str) -> Any:
    """`find_timexes`, imported on first use."""
    if name == "find_timexes":
        from timeline.ingest.tagger.timex import find_timexes

        return find_timexes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
