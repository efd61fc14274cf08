"""A page cache over the store's keyset pages: event by list index, never the whole table.

The list asks for event `i`; the cache loads the 100-event chunk holding it by walking from the
nearest place whose sort key it knows: a cached chunk, the start of the month (`key_at_or_after`),
the start or the end of the list. Chunks live in a small LRU, so memory stays flat.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from timeline.tui.models.layout import GAP_PERIOD, UNDATED_PERIOD, Layout

if TYPE_CHECKING:
    from timeline.store import Event, Filter, SortKey, Store

CHUNK = 100
"""Events per cached chunk."""
MAX_CHUNKS = 48
"""Chunks kept; 4,800 events at most."""
STEP = 1000
"""Rows per store call when walking to a chunk far from anything known."""
SKETCH_WALK = 2000
"""Furthest a sketch walks from a known key; beyond, rows wait for the full layout."""


def _just_before(key: SortKey) -> SortKey:
    """Return a key that sorts immediately before `key` (ids are integers)."""
    return (key[0], key[1] - 1)


class EventPages:
    """Events of one filtered list, fetched a chunk at a time from a store on this thread."""

    def __init__(
        self,
        store: Store,
        flt: Filter | None,
        layout: Layout,
        on_missing: Callable[[int], None] | None = None,
    ) -> None:
        """Serve `layout.total` events of `store` under `flt`.

        With `on_missing`, a chunk not in the cache is asked of that callback (which reads it in
        a worker with `fetch` and hands it back with `put`) and its rows show as missing
        meanwhile; without, it is read here, on the caller's thread.
        """
        self.store = store
        self.on_missing = on_missing
        self._lock = threading.Lock()
        self.flt = flt
        self.layout = layout
        self._chunks: OrderedDict[int, list[Event]] = OrderedDict()
        self._group_keys: dict[int, SortKey | None] = {}
        self.loads = 0
        """Store calls made so far (for tests and the benchmark)."""
        self.max_walk = SKETCH_WALK if layout.sketch else None

    def prefill(self, first: int, events: list[Event]) -> None:
        """Cache the whole chunks of `events`, which sit at list index `first` onwards."""
        total = self.layout.total
        for number in range(first // CHUNK, (first + len(events) - 1) // CHUNK + 1):
            lo, hi = number * CHUNK, min(number * CHUNK + CHUNK, total)
            if lo >= first and hi <= first + len(events):
                self._chunks[number] = events[lo - first : hi - first]

    def clear(self) -> None:
        """Forget every cached event (the data changed)."""
        self._chunks.clear()
        self._group_keys.clear()

    def cached(self) -> list[Event]:
        """Return the events currently held, in no particular order."""
        return [event for chunk in self._chunks.values() for event in chunk]

    def get(self, index: int) -> Event | None:
        """Return event `index` of the list, loading its chunk if needed."""
        if not 0 <= index < self.layout.total:
            return None
        number = index // CHUNK
        chunk = self._chunks.get(number)
        if chunk is None:
            if self.on_missing is not None:
                self.on_missing(number)
                return None
            loaded = self._load(number, self.store)
            if loaded is None:
                return None  # too far from anything known in a sketch: drawn as "…"
            chunk = self.put(number, loaded)
        else:
            self._chunks.move_to_end(number)
        offset = index - number * CHUNK
        return chunk[offset] if offset < len(chunk) else None

    def put(self, number: int, events: list[Event]) -> list[Event]:
        """Cache chunk `number` (e.g. read by `fetch` in a worker), dropping the oldest ones."""
        self._chunks[number] = events
        while len(self._chunks) > MAX_CHUNKS:
            self._chunks.popitem(last=False)
        return events

    def fetch(self, number: int, store: Store) -> list[Event] | None:
        """Read chunk `number` with `store` (a worker's own); None when a sketch cannot reach it."""
        return self._load(number, store)

    def _group_key(self, position: int, store: Store) -> SortKey | None:
        """Return the sort key of the first event of group `position` (None when undated)."""
        with self._lock:
            if position in self._group_keys:
                return self._group_keys[position]
        group = self.layout.groups[position]
        key = None
        if group.period != UNDATED_PERIOD:
            key = store.key_at_or_after(group.period, self.flt)
            self.loads += 1
        with self._lock:
            self._group_keys[position] = key
        return key

    def _load(self, number: int, store: Store) -> list[Event] | None:
        """Fetch chunk `number` by walking from the closest known key."""
        lo = number * CHUNK
        hi = min(lo + CHUNK, self.layout.total)
        # Forward anchors: (index of the first event after key, key).
        forward: list[tuple[int, SortKey | None]] = [(0, None)]
        # Backward anchors: (index just past the last event before key, key).
        backward: list[tuple[int, SortKey | None]] = [(self.layout.total, None)]
        for start, events in list(self._chunks.items()):  # a snapshot: workers read it too
            first = start * CHUNK
            if events and first + len(events) <= lo:
                forward.append((first + len(events), events[-1].key))
            if events and first >= hi:
                backward.append((first, events[0].key))
        best_forward = max(forward, key=lambda anchor: anchor[0])
        best_backward = min(backward, key=lambda anchor: anchor[0])
        position = self.layout.group_of(lo)
        group = self.layout.groups[position]
        dated = (UNDATED_PERIOD, GAP_PERIOD)
        if group.first_index > best_forward[0] and group.period not in dated and not self.max_walk:
            key = self._group_key(position, store)
            if key is not None:
                best_forward = (group.first_index, _just_before(key))
        after = self.layout.group_of(hi)
        if self.layout.groups[after].first_index < hi:
            after += 1
        if after < len(self.layout.groups):
            following = self.layout.groups[after]
            if (
                following.first_index < best_backward[0]
                and following.period not in dated
                and not self.max_walk
            ):
                key = self._group_key(after, store)
                if key is not None:
                    best_backward = (following.first_index, key)
        distance = min(lo - best_forward[0], best_backward[0] - hi)
        if self.max_walk is not None and distance > self.max_walk:
            return None
        if lo - best_forward[0] <= best_backward[0] - hi:
            return self._walk_forward(store, best_forward, lo, hi)
        return self._walk_backward(store, best_backward, lo, hi)

    def _walk_forward(
        self, store: Store, anchor: tuple[int, SortKey | None], lo: int, hi: int
    ) -> list[Event]:
        """Page forward from `anchor` until events lo..hi are read."""
        index, key = anchor
        found: list[Event] = []
        while index < hi:
            want = hi - index if index >= lo else min(STEP, lo - index)
            rows = store.page_after(key, want, self.flt)
            self.loads += 1
            if not rows:
                break
            for row in rows:
                if index >= lo:
                    found.append(row)
                index += 1
            key = rows[-1].key
        return found

    def _walk_backward(
        self, store: Store, anchor: tuple[int, SortKey | None], lo: int, hi: int
    ) -> list[Event]:
        """Page backward from `anchor` until events lo..hi are read."""
        index, key = anchor
        found: list[Event] = []
        while index > lo:
            want = index - lo if index <= hi else min(STEP, index - hi)
            rows = store.page_before(key, want, self.flt)
            self.loads += 1
            if not rows:
                break
            index -= len(rows)
            found[:0] = [row for i, row in enumerate(rows, index) if lo <= i < hi]
            key = rows[0].key
        return found


def position_of(store: Store, event_id: int, flt: Filter | None) -> int | None:
    """Return where event `event_id` sits in the filtered list, or None if it is not in it."""
    from timeline.store import EventNotFound

    try:
        key = store.get_event(event_id).key
    except EventNotFound:
        return None
    rows = store.page_after(_just_before(key), 1, flt)
    if not rows or rows[0].id != event_id:
        return None
    return store.count_before(key, flt)
