"""The demo timeline: two short articles of our own, ingested into an empty store.

`timeline --demo` calls `build_demo` so a first run shows a real, sourced chronology.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from timeline.ingest.pipeline import FileResult, ingest_paths
from timeline.store import Store

DEMO_ARTICLES = ("demo-article.txt", "demo-article-ties.txt")
"""Files under ingest/data, each with its own "Published ..." line."""


def build_demo(store: Store) -> list[FileResult]:
    """Ingest the demo articles if the store is empty (a store with events is left alone).

    Returns:
        One result per article; empty when the store already held events.
    """
    if store.count() > 0:
        return []
    results: list[FileResult] = []
    data = files("timeline.ingest") / "data"
    for name in DEMO_ARTICLES:
        with as_file(data / name) as path:
            results.extend(ingest_paths(store, [path]))
    return results
