"""Markdown, a reading copy: `# 2022`, `## August`, `### 31 Aug 2022 — title`, quote, source.

Text is escaped so that a title reads as written: `*`, `_`, `<`, `[` and the like never turn into
emphasis, HTML or links in a renderer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from timeline.store.exporters.base import Written
from timeline.store.exporters.text import web_url
from timeline.store.models import Event
from timeline.store.written_dates import format_date, month_heading, year_heading

names = ("markdown", "md")
extension = ".md"
description = "Markdown: a reading copy grouped by year and month"

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=#]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup (CommonMark escapes)."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(r"\1\\\2", text)


def _one_line(text: str) -> str:
    """A heading must stay on one line."""
    return " ".join(text.split())


def _source(event: Event) -> str:
    """`Source: [title](<url>), 2022-08-31`, or empty."""
    title = event.source_title or event.source_url or ""
    if not title:
        return ""
    url = web_url(event.source_url)
    shown = escape(_one_line(title))
    if url:
        shown = f"[{shown}](<{url.replace('<', '%3C').replace('>', '%3E').replace(' ', '%20')}>)"
    if event.source_published:
        shown += f", {escape(event.source_published)}"
    return f"Source: {shown}"


def block(event: Event) -> str:
    """One event: heading, details, quote and source, with a blank line after each part."""
    date = format_date(event.start, event.end, event.approximate, "Undated")
    lines = [f"### {escape(date)} — {escape(_one_line(event.title))}", ""]
    if event.details:
        lines += [escape(event.details), ""]
    if event.quote:
        lines += ["\n".join(f"> {escape(line)}" for line in event.quote.splitlines()), ""]
    if event.tags:
        lines += ["Tags: " + ", ".join(escape(tag) for tag in event.tags), ""]
    source = _source(event)
    if source:
        lines += [source, ""]
    return "\n".join(lines) + "\n"


def write(events: Iterable[Event], out: TextIO) -> Written:
    """Write the events under year and month headings, in the order given."""
    rows = 0
    year: str | None = None
    month: str | None = None
    for event in events:
        this_year = year_heading(event.start)
        this_month = month_heading(event.start)
        if this_year != year:
            out.write(f"# {this_year}\n\n")
            year, month = this_year, None
        if this_month is not None and this_month != month:
            out.write(f"## {this_month}\n\n")
            month = this_month
        out.write(block(event))
        rows += 1
    return Written(rows)
