"""Main text, title and publication date of an HTML page by trafilatura and htmldate.

Both are well-kept libraries made for the job: trafilatura drops navigation, comments and other
boilerplate that our own parser keeps, and htmldate reads the original publication date from the
page's metadata (not the crawl date). When they are not installed, or find nothing, the caller
falls back to our own `read_html`.
"""

from __future__ import annotations

import datetime as dt
import re

_INLINE_TAG = re.compile(r"</?(?:b|i|em|strong|u|span|small|mark|font|sup|sub)\b[^>]*>", re.I)
"""Inline formatting, which trafilatura's text output breaks onto lines of its own."""


def extract_main_text(markup: str) -> tuple[str | None, str | None]:
    """The page's main text (paragraphs on their own lines) and its title, or (None, None)."""
    try:
        import trafilatura  # optional, slow to import
    except ImportError:
        return None, None
    document = trafilatura.bare_extraction(
        _INLINE_TAG.sub("", markup),
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    if document is None:
        return None, None
    text = getattr(document, "text", None)
    title = getattr(document, "title", None)
    return (text.strip() + "\n" if text and text.strip() else None), (title or None)


_TIME_ELEMENT = re.compile(
    r"<time\b[^>]*?\bdatetime\s*=\s*[\"']?(\d{4})-(\d{2})-(\d{2})", re.IGNORECASE
)
"""An HTML `<time datetime="2024-03-14...">` element, the page's own machine-readable date."""


def published_in_html(markup: str) -> dt.date | None:
    """The page's original publication date from its metadata and markup, or None.

    htmldate reads the metadata first; the first `<time datetime>` of the page is the fallback
    (htmldate refuses dates after the machine's today, which a page stamped ahead still has).
    """
    found = None
    try:
        from htmldate import find_date  # optional

        found = find_date(
            markup, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except (ImportError, ValueError, TypeError):
        found = None
    if found:
        return dt.date.fromisoformat(found)
    element = _TIME_ELEMENT.search(markup)
    if element is None:
        return None
    try:
        return dt.date(*(int(part) for part in element.groups()))
    except ValueError:
        return None
