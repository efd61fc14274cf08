"""One self-contained HTML page: opens anywhere, offline, and asks the network for nothing.

Inline CSS and JS under a Content-Security-Policy that allows only those two blocks (by hash)
and forbids every request; events grouped by year and month, dates written to their precision,
a density chart, search as you type, j/k and arrow keys. Every piece of article text is escaped,
and no data goes into the script: a title is always shown as the characters it has.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from html import escape
from typing import TextIO

from timeline.store.edtf import to_edtf
from timeline.store.exporters.base import EventSource, Written, iter_events
from timeline.store.exporters.text import source_html
from timeline.store.models import Event, Filter
from timeline.store.written_dates import format_date, month_heading, year_heading

names = ("html",)
extension = ".html"
description = "HTML: one file that opens in any browser, offline, with search"

TITLE = "Timeline"

STYLE = """
:root { color-scheme: light dark; --accent: #2f6f9f; --muted: #777; }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 0 auto;
       padding: 0 1rem 4rem; }
header { position: sticky; top: 0; padding: .75rem 0; background: Canvas;
         border-bottom: 1px solid #8884; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
#search { width: 100%; font: inherit; padding: .35rem .5rem; box-sizing: border-box; }
#count, .help { color: var(--muted); font-size: .85rem; margin: .25rem 0 0; }
#chart { display: flex; align-items: flex-end; gap: 1px; height: 64px; margin: .75rem 0; }
#axis { display: flex; justify-content: space-between; color: var(--muted);
        font-size: .75rem; margin: -.5rem 0 .5rem; }
#chart .bar { flex: 1 1 0; min-width: 1px; background: var(--accent); cursor: pointer; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; color: var(--accent); }
.event { padding: .5rem .75rem; margin: .25rem -.75rem; border-left: 3px solid transparent; }
.event:focus { outline: none; border-left-color: var(--accent); background: #8881; }
.event h4 { font-size: 1rem; margin: 0; }
.event time { color: var(--muted); font-size: .85rem; }
.event p, .event blockquote { margin: .25rem 0; }
.event blockquote { border-left: 2px solid #8886; padding-left: .75rem; font-style: italic; }
.tags { list-style: none; padding: 0; margin: .25rem 0; font-size: .8rem; }
.tags li { display: inline-block; border: 1px solid #8886; border-radius: 3px;
           padding: 0 .3rem; margin-right: .25rem; }
[hidden] { display: none !important; }
"""

SCRIPT = """
(function () {
  "use strict";
  var list = document.getElementById("events");
  var events = Array.prototype.slice.call(list.querySelectorAll("[data-event-id]"));
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  var chart = document.getElementById("chart");
  var texts = null;
  function drawChart() {
    var years = Array.prototype.slice.call(list.querySelectorAll("section.year"));
    var counts = years.map(function (s) {
      return s.querySelectorAll("[data-event-id]:not([hidden])").length;
    });
    var most = Math.max.apply(null, counts.concat([0]));
    chart.textContent = "";
    years.forEach(function (section, i) {
      var bar = document.createElement("div");
      bar.className = "bar";
      bar.title = section.getAttribute("data-label") + ": " + counts[i];
      bar.style.height = (counts[i] ? Math.max(2, Math.round(64 * counts[i] / most)) : 0) + "px";
      bar.addEventListener("click", function () { section.scrollIntoView(); });
      chart.appendChild(bar);
    });
    var labels = years.map(function (s) { return s.getAttribute("data-label"); });
    document.getElementById("axis-first").textContent = labels[0] || "";
    document.getElementById("axis-last").textContent =
      labels.length > 1 ? labels[labels.length - 1] : "";
  }
  function search() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    if (texts === null) {
      texts = events.map(function (el) { return el.textContent.toLowerCase(); });
    }
    var shown = 0;
    events.forEach(function (el, i) {
      var hit = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      el.hidden = !hit;
      if (hit) { shown += 1; }
    });
    list.querySelectorAll("section").forEach(function (s) {
      s.hidden = !s.querySelector("[data-event-id]:not([hidden])");
    });
    count.textContent = words.length
      ? shown + " of " + events.length + " events"
      : events.length + " events";
    drawChart();
  }
  function move(step) {
    var shown = events.filter(function (el) { return !el.hidden; });
    if (!shown.length) { return; }
    var at = shown.indexOf(document.activeElement);
    at = at === -1 ? (step > 0 ? 0 : shown.length - 1)
      : Math.min(shown.length - 1, Math.max(0, at + step));
    shown[at].focus();
    shown[at].scrollIntoView({block: "nearest"});
  }
  input.addEventListener("input", search);
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.target === input) {
      if (e.key === "Escape") { input.value = ""; search(); input.blur(); }
      if (e.key === "Enter" || e.key === "ArrowDown") { e.preventDefault(); input.blur(); move(1); }
      return;
    }
    if (e.key === "j" || e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "k" || e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "/") { e.preventDefault(); input.focus(); }
  });
  count.textContent = events.length + " events";
  drawChart();
})();
"""


def _hash(text: str) -> str:
    """A CSP source for an inline block: 'sha256-...'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


CSP = (
    f"default-src 'none'; script-src {_hash(SCRIPT)}; style-src {_hash(STYLE)}; "
    "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
)
"""Only our own inline style and script may run; nothing may be fetched."""


def head(title: str) -> str:
    """Everything before the first event."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta http-equiv="x-dns-prefetch-control" content="off">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{escape(title)}</h1>\n"
        '<input id="search" type="search" placeholder="Search" aria-label="Search events">\n'
        '<p id="count"></p>\n'
        '<p class="help">/ search · j k or ↑ ↓ move · Esc clear</p>\n'
        '<div id="chart" aria-hidden="true"></div>\n'
        '<div id="axis" aria-hidden="true"><span id="axis-first"></span>'
        '<span id="axis-last"></span></div>\n</header>\n<main id="events">\n'
    )


def article(event: Event) -> str:
    """One event as an <article> with its id, date, title, details, quote, tags and source."""
    edtf = to_edtf(event.start, event.end, event.precision, event.approximate)
    date = escape(format_date(event.start, event.end, event.approximate, "Undated"))
    parts = [
        f'<article class="event" data-event-id="{event.id}" tabindex="-1">',
        f'<time data-edtf="{escape(edtf)}">{date}</time>' if edtf else f"<time>{date}</time>",
        f"<h4>{escape(event.title)}</h4>",
    ]
    if event.details:
        parts.append(f'<p class="details">{escape(event.details)}</p>')
    if event.quote:
        parts.append(f"<blockquote>{escape(event.quote)}</blockquote>")
    if event.tags:
        parts.append(
            '<ul class="tags">' + "".join(f"<li>{escape(t)}</li>" for t in event.tags) + "</ul>"
        )
    source = source_html(event)
    if source:
        parts.append(f'<p class="source">Source: {source}</p>')
    parts.append("</article>\n")
    return "".join(parts)


def page_title(store: EventSource, title: str | None = None) -> str:
    """The page's title: the one asked for, else the database's name (`news.db`: "news")."""
    return (title or "").strip() or store.path.stem or TITLE


def write_store(
    store: EventSource,
    out: TextIO,
    flt: Filter | None,
    left_out: list[int] | None = None,
    title: str | None = None,
) -> Written:
    """Write the page of the events under `flt`, titled by `page_title`."""

    return write(iter_events(store, flt, left_out=left_out), out, page_title(store, title))


def write(events: Iterable[Event], out: TextIO, title: str = TITLE) -> Written:
    """Write the page; events go under year and month sections in the order given."""
    out.write(head(title))
    rows = 0
    year: str | None = None
    month: str | None = None
    for event in events:
        this_year = year_heading(event.start)
        this_month = month_heading(event.start)
        if this_year != year:
            if month is not None:
                out.write("</section>\n")
            if year is not None:
                out.write("</section>\n")
            out.write(
                f'<section class="year" data-label="{escape(this_year)}">'
                f"<h2>{escape(this_year)}</h2>\n"
            )
            year, month = this_year, None
        if this_month is not None and this_month != month:
            if month is not None:
                out.write("</section>\n")
            label = f"{this_month} {this_year}"
            out.write(
                f'<section class="month" data-label="{escape(label)}"><h3>{this_month}</h3>\n'
            )
            month = this_month
        out.write(article(event))
        rows += 1
    if month is not None:
        out.write("</section>\n")
    if year is not None:
        out.write("</section>\n")
    out.write(f"</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
    return Written(rows)
