"""What the browsing and search tests read off the screen: the list, the highlighted title, the
summary line, a widget's text, and the order the seeded events are listed in."""

from __future__ import annotations

from textual.widgets import Static

from timeline.tui.app import TimelineApp
from timeline.tui.widgets.event_list import EventList

ORDER = [
    "Previous visit by an Israeli defence minister",  # 2012
    "Defence exports reach a record",  # 2021
    "Seventy years of diplomatic relations",  # 2022
    "Minister returns from the United States",  # ~Aug 2022
    "Defence minister visits Japan",  # 30–31 Aug 2022
    "Ministers sign defence memorandum",  # 30 Aug 2022
    "Talks on a follow-up visit",  # 15 Sep 2022
    "An event nobody dated",
]


def listed(app: TimelineApp) -> EventList:
    """The event list of the timeline."""
    return app.timeline.query_one(EventList)


def title(app: TimelineApp) -> str | None:
    """Title of the highlighted event."""
    event = listed(app).event
    return event.title if event else None


def screen_lines(app: TimelineApp) -> list[str]:
    """What the list shows, line by line."""
    events = listed(app)
    return [events.render_line(y).text.rstrip() for y in range(events.size.height)]


def summary(app: TimelineApp) -> str:
    """The header strip's text."""
    return str(app.timeline.query_one("#summary").render())


def shown(widget: Static) -> str:
    """The plain text a Static holds (a Text, or a Group of Texts)."""
    content = widget.content
    parts = getattr(content, "renderables", [content])
    return "\n".join(getattr(part, "plain", str(part)) for part in parts)
