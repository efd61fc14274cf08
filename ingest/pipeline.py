"""Ingest articles: read and analyse each one (in worker processes if asked), save in this one.

Analysis is pure (read, find timexes, build events) and may run in parallel; every database write
happens in the calling process through `Store.save_article`, one transaction per article, so a
failed article leaves nothing behind and the same text ingested twice adds nothing, unless
asked to re-date it (mode "redate": new publication date, hand-edited events kept) or to start
over (mode "replace").
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.ingest.articles import (
    TEXT_SUFFIXES,
    Article,
    ArticleError,
    article_from_bytes,
    read_article,
)
from timeline.ingest.pool import run_tasks
from timeline.ingest.reader.events import build_mentions
from timeline.ingest.reader.furniture import comments_take_the_news
from timeline.ingest.reader.keep import Draft
from timeline.ingest.reader.values import out_of_range
from timeline.ingest.story.storyline import merge_around
from timeline.ingest.types import Timex
from timeline.store import BadEvent, NewEvent, NewSource, Store, StoreError
from timeline.store.signals import commit_scope

Progress = Callable[[int, int, "FileResult"], None]
"""Called after each article as progress(done, total, result): `result.ok` says if it was saved."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What reading and analysing one article found: the source to save and its events."""

    path: str
    source: NewSource
    events: tuple[NewEvent, ...]
    warnings: tuple[str, ...]
    kinds: tuple[str, ...] | None = None
    """For each event, "event" or "support" (see `Store.save_article`); None: all events."""
    positions: tuple[int, ...] | None = None
    """For each event, its sentence's place in the article (0 the lead, -1 the headline)."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """What ingesting one file did: events added, whether the text was known, warnings, error.

    For a known text re-dated or replaced, `mode` says which, `removed` counts the events of
    the earlier ingest deleted, `kept` the hand-edited ones left, `skipped` the new events not
    written because a kept one has the same quote.
    """

    path: str
    added: int = 0
    existed: bool = False
    warnings: tuple[str, ...] = ()
    error: str | None = None
    mode: str = "add"
    removed: int = 0
    kept: int = 0
    skipped: int = 0
    attached: bool = False
    """The article was stored already and the URL given now was written onto its source."""

    @property
    def ok(self) -> bool:
        """True when the file was ingested (or was already)."""
        return self.error is None


def analyse(article: Article, url: str | None = None, path: str | None = None) -> Analysis:
    """Find the events of a checked article; pure, so it can run in a worker process.

    `path` is the file it was read from, kept with the source so the app can open it again.
    """
    from timeline.ingest.tagger.timex import find_timexes

    timexes = find_timexes(article.text, article.published)
    warnings = [*article.warnings, *unstorable_dates(timexes)]
    drafts = storable(build_mentions(article.text, timexes, article.published), warnings)
    events = [draft.event for draft in drafts]
    if not any(draft.kind == "event" for draft in drafts) and comments_take_the_news(article.text):
        warnings.append(
            "read as reader comments from its first paragraph (a 'NAME wrote:' or "
            "'Posted by' line): no events; check the text"
        )
    undated = sum(event.start is None for event in events)
    if undated:
        warnings.append(f"{undated} event(s) left undated")
    source = NewSource(
        title=article.title,
        url=url,
        published=article.published.isoformat() if article.published else None,
        text=article.text,
        path=path,
    )
    return Analysis(
        article.name,
        source,
        tuple(events),
        tuple(warnings),
        kinds=tuple(draft.kind for draft in drafts),
        positions=tuple(draft.position for draft in drafts),
    )


def unstorable_dates(timexes: Iterable[Timex]) -> list[str]:
    """A warning naming each date the article writes with a year the store cannot keep ("in
    12000 BC"): the reader dates nothing by it, and says so rather than drop it unseen."""
    texts = dict.fromkeys(timex.text for timex in timexes if out_of_range(timex.value))
    return [f"{text!r}: a year outside what can be stored, not used as a date" for text in texts]


def storable(drafts: Iterable[Draft], warnings: list[str]) -> list[Draft]:
    """The drafts the store will take: one whose date it refuses (`NewEvent.checked`) is kept
    undated, or dropped if even that is refused, each with a warning, so one bad date never
    costs an article its other events."""
    kept: list[Draft] = []
    for draft in drafts:
        event = draft.event
        try:
            event.checked()
        except BadEvent as exc:
            undated = replace(
                event,
                start=None,
                end=None,
                precision=None,
                approximate=False,
                date_basis="",
                counted_from=None,
            )
            try:
                undated.checked()
            except BadEvent:
                warnings.append(f"dropped an event: {exc}")
                continue
            warnings.append(f"left an event undated: {exc}")
            draft = replace(draft, event=undated)
        kept.append(draft)
    return kept


def analyse_path(
    path: str,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Analysis:
    """Read and analyse one article file.

    Raises:
        ArticleError: the file cannot be ingested.
    """
    return analyse(read_article(path, published, title), url, str(Path(path).resolve()))


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], skipped: list[str] | None = None
) -> list[str]:
    """List the files to ingest: files as given, folders expanded to their .txt/.md/.html files.

    Folders are walked recursively in sorted order; hidden files and folders are skipped, and
    so is anything in them that is not a regular file (a FIFO named `.txt` would block the
    reader forever, a device never ends): those are added to `skipped`, never opened. A path
    that does not exist is kept, so that its error is reported with the others.
    """
    found: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append(str(path))
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                    file = str(Path(root) / name)
                    if _regular(file):
                        found.append(file)
                    elif skipped is not None:
                        skipped.append(file)
    return found


def _regular(path: str) -> bool:
    """Whether a path found in a folder is a regular file (or a link to one); stat opens nothing."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # gone or unreadable: kept, so that reading it reports why


SKIPPED = "not a regular file (a FIFO, device or socket); skipped"
"""The warning for a folder entry that `expand_paths` leaves out."""


def empty_folders(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """List the folders among paths that hold no article file (.txt/.md/.html), even nested.

    `timeline ingest` reports each as an error rather than quietly doing nothing.
    """
    return [str(path) for path in paths if Path(path).is_dir() and not expand_paths([path])]


def save(store: Store, analysis: Analysis, mode: str = "add", merge: bool = True) -> FileResult:
    """Write one analysed article, and merge its mentions into the story, in one transaction;
    a store error becomes the file's error.

    `mode` is `Store.save_article`'s: "add", "redate" or "replace" for a text already stored.
    The error names the article first ("ARTICLE: database is locked"), since the store's own
    message names only the database.
    """
    try:
        with store.batch():
            result = store.save_article(
                analysis.source,
                analysis.events,
                mode=mode,
                kinds=analysis.kinds,
                positions=analysis.positions,
            )
            if merge and (result.added or result.removed):
                merge_around(store, analysis.events, result.source_id)
    except StoreError as exc:
        error = f"{analysis.path}: {exc}"
        return FileResult(analysis.path, warnings=analysis.warnings, error=error)
    return FileResult(
        analysis.path,
        result.added,
        result.existed,
        analysis.warnings,
        mode=result.mode,
        removed=result.removed,
        kept=result.kept,
        skipped=result.skipped,
        attached=result.attached,
    )


def ingest_paths(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    mode: str = "add",
    merge: bool = True,
) -> list[FileResult]:
    """Ingest files and folders into the store; one bad file does not stop the others.

    Args:
        store: where events are saved (only this process writes).
        paths: files and folders (expanded to .txt, .md and .html files).
        published: publication date for every article, over what the text says.
        title: source title for every article, over the headline.
        url: source URL for every article.
        jobs: worker processes for the analysis; 1 analyses in this process.
        progress: called after each file.
        mode: what to do with a text already stored: "add" nothing, "redate" its events
            (publication date given, hand edits kept), "replace" them all.
        merge: join each article's mentions with the events other articles tell.

    Returns:
        One result per file, in the order the files were listed, then one warning result
        (nothing added) per folder entry that is not a regular file, never opened.
    """
    passed_over: list[str] = []
    files = expand_paths(paths, passed_over)
    total = len(files)
    results: list[FileResult | None] = [None] * total
    done = 0

    def record(index: int, result: FileResult) -> None:
        nonlocal done
        results[index] = result
        done += 1
        if progress is not None:
            progress(done, total, result)

    if jobs <= 1 or total <= 1:
        for index, path in enumerate(files):
            analysis = analyse_or_error(path, published, title, url)
            with commit_scope():  # a stop after the commit waits for the count
                record(index, save_or_error(store, analysis, mode, merge))
        return [r for r in results if r is not None] + _passed_over(passed_over)

    warm_up()  # forked workers inherit a tagger that has already compiled its rules
    size = max(1, min(MAX_CHUNK, total // (jobs * 4)))
    numbered = list(enumerate(files))
    chunks = [numbered[i : i + size] for i in range(0, total, size)]

    def finished(chunk: Sequence[tuple[int, str]], found: list[Analysis | FileResult]) -> None:
        for (index, _), item in zip(chunk, found, strict=True):
            with commit_scope():  # a stop after the commit waits for the count
                record(index, save_or_error(store, item, mode, merge))

    def lost(item: tuple[int, str]) -> FileResult:
        return FileResult(item[1], error=f"{item[1]}: the worker analysing it died")

    run_tasks(
        functools.partial(_analyse_chunk, published=published, title=title, url=url),
        chunks,
        jobs,
        finished,
        lost,
    )
    return [r for r in results if r is not None] + _passed_over(passed_over)


def _passed_over(paths: list[str]) -> list[FileResult]:
    """The results for folder entries left unopened: a warning each, nothing added."""
    return [FileResult(path, warnings=(SKIPPED,)) for path in paths]


MAX_CHUNK = 16
"""Most articles one worker task analyses; tasks of several files spare inter-process traffic."""


def analyse_or_error(
    path: str,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Analysis | FileResult:
    """Analyse one file, or return the FileResult naming why it cannot be ingested."""
    try:
        return analyse_path(path, published, title, url)
    except ArticleError as exc:
        return FileResult(path, error=str(exc))
    except Exception as exc:  # a bug in analysis must not stop the other files
        return crashed(path, exc)


def _analyse_chunk(
    items: Sequence[tuple[int, str]],
    published: dt.date | None,
    title: str | None,
    url: str | None,
) -> list[Analysis | FileResult]:
    """Worker task: analyse several (position, path) files."""
    return [analyse_or_error(path, published, title, url) for _, path in items]


def crashed(path: str, exc: BaseException) -> FileResult:
    """The result for a file whose analysis raised something unexpected."""
    return FileResult(path, error=f"{path}: cannot analyse ({type(exc).__name__}: {exc})")


def warm_up() -> None:
    """Load and exercise the tagger once in this process before workers are forked from it."""
    from timeline.ingest.tagger.timex import find_timexes

    find_timexes("On 31 August 2022, two days after the talks, they met.", dt.date(2022, 9, 1))


def save_or_error(
    store: Store, item: Analysis | FileResult, mode: str, merge: bool = True
) -> FileResult:
    """Save an analysis; pass an error result through."""
    return item if isinstance(item, FileResult) else save(store, item, mode, merge)


def ingest_bytes(
    store: Store,
    data: bytes,
    name: str = "-",
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    mode: str = "add",
) -> FileResult:
    """Ingest one article given as bytes (stdin); errors are returned, not raised."""
    try:
        analysis = analyse(article_from_bytes(data, name, published, title), url)
    except ArticleError as exc:
        return FileResult(name, error=str(exc))
    except Exception as exc:  # a bug in analysis becomes this article's error
        return crashed(name, exc)
    return save(store, analysis, mode)
