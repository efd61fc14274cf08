"""An event's body as escaped HTML, shared by the TimelineJS formats and the HTML page.

Article text is data: every piece goes through `html.escape`, and a source becomes a link
only when its URL is http(s), so no `javascript:` link can ride along in an export.
"""

from __future__ import annotations

import html

from timeline.store.models import Event


def web_url(url: str | None) -> str | None:
    """The URL when it is http(s) (safe to link to), else None."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _lines(text: str) -> str:
    """Escape text, keeping its line breaks as <br>."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


def source_html(event: Event) -> str:
    """`<a href="...">Title</a>, 31 Aug 2022`-style source line, escaped; empty with no source."""
    title = event.source_title or event.source_url or ""
    if not title:
        return ""
    url = web_url(event.source_url)
    shown = html.escape(title)
    link = f'<a href="{html.escape(url)}">{shown}</a>' if url else shown
    if event.source_published:
        link += f", {html.escape(event.source_published)}"
    return link


def event_html(event: Event) -> str:
    """Details as a paragraph, the quote as a blockquote, the source as a link: escaped HTML."""
    pieces = []
    if event.details:
        pieces.append(f"<p>{_lines(event.details)}</p>")
    if event.quote:
        pieces.append(f"<blockquote>{_lines(event.quote)}</blockquote>")
    source = source_html(event)
    if source:
        pieces.append(f"<p>Source: {source}</p>")
    return "".join(pieces)
