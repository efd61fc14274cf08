"""The demo timeline: two short articles of our own, ingested into an empty store.

`timeline --demo` calls `refresh_demo` so a first run shows a real, sourced chronology, and a
demo built by an earlier version of ingest is built again rather than shown stale.
"""

from __future__ import annotations

import hashlib
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.store import Store

if TYPE_CHECKING:
    from timeline.ingest.pipeline import FileResult

DEMO_ARTICLES = ("demo-article.txt", "demo-article-ties.txt")
"""Files under ingest/data, each with its own "Published ..." line."""
READING_KEY = "demo_reading"
"""The store's note of which reading of the demo articles it holds (`demo_reading`)."""


def demo_reading() -> str:
    """A digest of what reads the demo articles: ingest's own sources and the articles. It
    changes with any new version of ingest, and is cheap enough for every start-up (no
    article is analysed, the tagger is not even imported)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and (path.suffix == ".py" or path.parent.name == "data"):
            digest.update(path.relative_to(root).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_demo(store: Store) -> list[FileResult]:
    """Ingest the demo articles if the store is empty (a store with events is left alone),
    noting which reading it holds.

    Returns:
        One result per article; empty when the store already held events.
    """
    if store.count() > 0:
        return []
    from timeline.ingest.pipeline import ingest_paths  # the tagger and reader: only to build

    results: list[FileResult] = []
    data = files("timeline.ingest") / "data"
    for name in DEMO_ARTICLES:
        with as_file(data / name) as path:
            results.extend(ingest_paths(store, [path]))
    store.set_meta(READING_KEY, demo_reading())
    return results


def refresh_demo(store: Store) -> list[FileResult]:
    """Fill an empty demo store, or build a stale one again (`demo_is_stale`); a demo holding a
    person's work is left as it is. Returns the ingest results, empty when nothing was done."""
    if demo_is_stale(store):
        for source in store.list_sources():
            store.delete_source(source.id)
    return build_demo(store)


def demo_is_stale(store: Store) -> bool:
    """Whether a filled demo store holds an earlier reading of the articles and nothing a
    person made in it (typed, edited or re-dated events), so it can be built again."""
    if store.count() == 0:
        return False
    held: str | None = store.meta(READING_KEY)
    return held != demo_reading() and store.hand_made() == 0
