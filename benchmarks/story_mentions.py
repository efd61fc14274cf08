"""Turn ingest's drafts into the story layer's mentions, for the story benchmarks.

Each draft of an article becomes one `MentionFacts`: the article is its source, the draft's order
its position, its date basis its basis. `folder_mentions` ingests a Timeline17 folder (optionally a
seeded sample of it) and can keep the result in a JSON cache, since ingest is the slow part.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from timeline.ingest.articles import ArticleError, article_from_bytes
from timeline.ingest.pipeline import analyse
from timeline.ingest.story import MentionFacts
from timeline.store import NewEvent


def article_mentions(
    text: str, published: dt.date, source_id: int, first_id: int
) -> list[MentionFacts]:
    """Ingest one article as `timeline ingest` would and give each draft as a mention."""
    try:
        article = article_from_bytes(text.encode("utf-8"), "a.txt", published)
        drafts = analyse(article).events
    except (ArticleError, ValueError):
        return []
    return [
        draft_facts(draft, first_id + position, source_id, published, position)
        for position, draft in enumerate(drafts)
    ]


def draft_facts(
    draft: NewEvent, mention_id: int, source_id: int, published: dt.date, position: int
) -> MentionFacts:
    """One ingest draft as the story layer's mention."""
    return MentionFacts(
        id=mention_id,
        source_id=source_id,
        published=published.isoformat(),
        start=draft.start,
        end=draft.end,
        precision=draft.precision,
        approximate=draft.approximate,
        basis=draft.date_basis,
        quote=draft.quote,
        title=draft.title,
        position=position,
    )


def _chunk(rows: Sequence[tuple[int, str, str]]) -> list[MentionFacts]:
    """Worker task: the mentions of several (source id, published, text) articles."""
    found: list[MentionFacts] = []
    for source_id, published, text in rows:
        day = dt.date.fromisoformat(published[:10])
        found.extend(article_mentions(text, day, source_id, source_id * 10_000))
    return found


def read_articles(path: Path, limit: int | None, seed: int) -> list[tuple[int, str, str]]:
    """(source id, published, text) of a folder's articles; a seeded sample of `limit` of them."""
    rows = []
    with (path / "articles.jsonl").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            raw = json.loads(line)
            rows.append((number, raw["published"][:10], raw["text"]))
    if limit is not None and limit < len(rows):
        rows = sorted(random.Random(seed).sample(rows, limit))
    return rows


def folder_mentions(
    path: Path, limit: int | None, seed: int, jobs: int, cache: Path | None
) -> tuple[list[MentionFacts], list[tuple[int, str, str]]]:
    """A folder's (sampled) articles and their mentions; read from `cache` when kept there."""
    rows = read_articles(path, limit, seed)
    file = None
    if cache is not None:
        file = cache / f"{path.name}-{limit or 'all'}-{seed}.json"
        if file.exists():
            raw = json.loads(file.read_text(encoding="utf-8"))
            return [MentionFacts(**item) for item in raw], rows
    chunks = [rows[i :: jobs * 4] for i in range(jobs * 4)]
    found: list[MentionFacts] = []
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            for part in pool.map(_chunk, chunks):
                found.extend(part)
    else:
        for chunk in chunks:
            found.extend(_chunk(chunk))
    found.sort(key=lambda m: m.id)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        fields = MentionFacts.__slots__
        items = [{name: getattr(m, name) for name in fields} for m in found]
        file.write_text(json.dumps(items), encoding="utf-8")
    return found, rows
