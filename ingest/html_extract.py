"""Main text, title and publication date of an HTML page by trafilatura and htmldate, and our
own plain reader of an HTML page's visible text, `read_html`.

Both libraries are well kept and made for the job: trafilatura drops navigation, comments and
other boilerplate that our own parser keeps, and htmldate reads the original publication date
from the page's metadata (not the crawl date). When they are not installed, or find nothing, the
caller falls back to `read_html`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

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


def published_in_html(markup: str) -> dt.date | None:
    """The page's original publication date from its metadata and markup, or None."""
    try:
        from htmldate import find_date  # optional
    except ImportError:
        return None
    try:
        found = find_date(
            markup, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError):
        return None
    return dt.date.fromisoformat(found) if found else None


class _TextOnly(HTMLParser):
    """Collects the visible text of an HTML page, one line per block element, and its title.

    The <title> is the page's name, not its text: it is kept apart, as is the first <h1>.
    """

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "header",
            "footer",
            "section",
            "article",
            "blockquote",
        ]
    )
    SKIP = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] | None = None
        self.in_title = False
        self.h1: list[str] | None = None
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block (new line), a skipped element, the title or the first heading."""
        if tag in self.SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = self.title is None
            if self.in_title:
                self.title = []
            else:
                self.skipping += 1  # a second <title> (in an inline SVG, say) is not text either
        elif tag in self.BLOCKS:
            self.parts.append("\n")
            if tag == "h1" and self.h1 is None:
                self.h1, self.in_h1 = [], True

    def handle_endtag(self, tag: str) -> None:
        """Close a block (blank line), a skipped element, the title or the first heading."""
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            if self.in_title:
                self.in_title = False
            else:
                self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
            if tag == "h1":
                self.in_h1 = False

    def handle_data(self, data: str) -> None:
        """Keep visible text; the title's text goes to the title only."""
        if self.skipping:
            return
        if self.in_title and self.title is not None:
            self.title.append(data)
            return
        self.parts.append(data)
        if self.in_h1 and self.h1 is not None:
            self.h1.append(data)


def read_html(markup: str) -> tuple[str, str | None]:
    """Reduce an HTML page to its visible text and find its title.

    Returns:
        The text, blocks on their own lines and without the <title>; and the page's title: its
        <title>, else its first <h1>, else None.
    """
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    for found in (parser.title, parser.h1):
        name = " ".join("".join(found or ()).split())
        if name:
            return text, name
    return text, None
