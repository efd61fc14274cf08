"""What an empty database shows: how to add an event and how to ingest an article."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

INGEST_COMMAND = "timeline ingest path/to/article.txt --published 2022-08-31"


def welcome_text() -> Group:
    """The welcome, as plain Text pieces."""
    return Group(
        Text("Your timeline is empty", style="bold"),
        Text(""),
        Text.assemble("Press ", ("a", "bold reverse"), " to add an event by hand."),
        Text(""),
        Text("Or ingest a news article from another terminal; its events appear here:"),
        Text(f"    {INGEST_COMMAND}", style="bold"),
        Text(""),
        Text.assemble(
            "To try the bundled sample instead, quit (",
            ("q", "bold reverse"),
            ") and run ",
            ("make run", "bold"),
            " for the demo timeline.",
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

    def __init__(self, *, id: str | None = None) -> None:
        """Show the welcome text."""
        super().__init__(welcome_text(), id=id)
