"""What an empty database shows: how to add an event and how to ingest an article."""

from __future__ import annotations

import shlex
from importlib.util import find_spec
from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

SAMPLE_ARTICLE = "demo-article.txt"
"""The bundled sample article under ingest/data (the first of the demo's two)."""


def _sample_path() -> str:
    """Where the bundled sample article is installed (a placeholder if it cannot be found).

    Found through the package's spec, without importing `ingest` (its tagger loads slowly).
    """
    spec = find_spec("timeline.ingest")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        sample = Path(folder) / "data" / SAMPLE_ARTICLE
        if sample.is_file():
            return str(sample)
    return "path/to/article.txt"


def _command(db_path: Path | None, *args: str) -> str:
    """A `timeline` command line on this database, quoted for a POSIX shell."""
    words = ["timeline"]
    if db_path is not None:
        words += ["--db", str(db_path.expanduser().resolve())]
    return shlex.join([*words, *args])


def welcome_text(db_path: Path | None = None) -> Group:
    """The welcome, as plain Text pieces; the commands name `db_path` so they can be pasted."""
    return Group(
        Text("Your timeline is empty", style="bold"),
        Text(""),
        Text.assemble("Press ", ("a", "bold reverse"), " to add an event by hand."),
        Text(""),
        Text("Or ingest news articles from another terminal; their events appear here:"),
        Text(f"    {_command(db_path, 'ingest', 'path/to/article.txt')}", style="bold"),
        Text(""),
        Text("To try it on the bundled sample article:"),
        Text(f"    {_command(db_path, 'ingest', _sample_path())}", style="bold"),
        Text.assemble(
            "or quit (",
            ("q", "bold reverse"),
            ") and open the demo timeline: ",
            ("timeline --demo", "bold"),
        ),
        Text(""),
        Text.assemble(("?", "bold reverse"), " shows every key."),
    )


class Welcome(Static):
    """The empty-database screen, shown in place of the list."""

    DEFAULT_CSS = """
    Welcome {
        width: 1fr;
        height: 1fr;
        padding: 2 6;
        content-align: center middle;
    }
    """

    def __init__(self, db_path: Path | None = None, *, id: str | None = None) -> None:
        """Show the welcome text, with commands that write to `db_path`."""
        super().__init__(welcome_text(db_path), id=id)
