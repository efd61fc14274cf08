"""The `timeline ingest` and `timeline extract` commands, added to the main group by `register`.

They parse flags, call the ingest pipeline and print one line per file; every failure is a
one-line message (no traceback) and makes the exit code 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import click

from timeline.cli.common import safe
from timeline.cli.corpus import corpus_options
from timeline.store import Store

if TYPE_CHECKING:  # the pipeline (and its temporal tagger) loads only when a command runs
    from timeline.ingest.pipeline import FileResult

PROGRESS_FROM = 10
"""Number of files from which a progress bar is shown (on a terminal)."""


class _HasStore(Protocol):
    """The group's context object: opens the store on first use."""

    interrupted: str
    """What a Ctrl+C keeps, said on the line it ends with."""

    def store(self) -> Store:
        """The open store."""
        ...


def read_published(text: str | None) -> date | None:
    """Read --published: ISO `2022-08-31` or any full date people type ("31 Aug 2022")."""
    if text is None:
        return None
    from timeline.ingest.dates import BadDate, parse_date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        parsed = parse_date(text, date.today())  # today only resolves what the user typed
    except BadDate as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from None
    if parsed.precision not in ("day", "minute"):
        raise click.BadParameter(
            f"{text!r} is not a day (give e.g. 2022-08-31)", param_hint="--published"
        )
    try:  # 1 BCE (0000) and earlier are stored dates, but no publication has one
        return date.fromisoformat(parsed.start[:10])
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: a publication date is in the years 1 to 9999", param_hint="--published"
        ) from None


def _read_stdin() -> bytes:
    """Standard input as bytes, read no further than just past the size limit."""
    from timeline.ingest.articles import MAX_BYTES

    with click.open_file("-", "rb") as stream:
        data: bytes = stream.read(MAX_BYTES + 1)
    return data


def _report(result: FileResult) -> None:
    """Print one file's outcome: events added and warnings on stdout, an error on stderr."""
    if result.error is not None:
        click.echo(f"error: {safe(result.error)}", err=True)
        return
    line = f"{safe(result.path)}: {_outcome(result)}"
    if result.warnings:
        line += " (warning: " + "; ".join(safe(w) for w in result.warnings) + ")"
    click.echo(line)


def _events(count: int) -> str:
    """`1 event`, `3 events`."""
    return f"{count} event" if count == 1 else f"{count} events"


def _outcome(result: FileResult) -> str:
    """What saving one file did, in words: added, already there, re-dated or ingested again."""
    if not result.existed:
        return f"{_events(result.added)} added"
    if result.mode == "redate":
        line = (
            f"re-dated: {_events(result.removed)} replaced by {result.added}, "
            f"{result.kept} hand-edited kept"
        )
        if result.skipped:
            line += f" ({result.skipped} new not added: same sentence as a kept one)"
        return line
    if result.mode == "replace":
        return f"ingested again: {_events(result.removed)} deleted, {result.added} added"
    if result.attached:
        return "already ingested, 0 events added; its source now has the URL given"
    return "already ingested, 0 events added"


def _ingest_with_progress(
    store: Store,
    paths: list[str],
    published: date | None,
    title: str | None,
    url: str | None,
    jobs: int,
    mode: str,
    counted: Callable[[int, int, FileResult | None], None],
) -> list[FileResult]:
    """Run the pipeline, with a rich progress bar on stderr when it is a terminal.

    `counted(done, total, result)` hears of every file finished, for the line a Ctrl+C ends with.
    """
    from rich.console import Console

    from timeline.ingest.pipeline import SKIPPED, expand_paths, ingest_paths

    skipped: list[str] = []
    files = expand_paths(paths, skipped)
    for path in skipped:
        click.echo(f"warning: {safe(path)}: {SKIPPED}", err=True)
    counted(0, len(files), None)
    console = Console(stderr=True)
    if len(files) < PROGRESS_FROM or not console.is_terminal:
        return ingest_paths(
            store,
            files,
            published,
            title,
            url,
            jobs,
            progress=counted,
            mode=mode,
        )
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]ingesting",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingest", total=len(files))

        def tick(done: int, total: int, result: FileResult) -> None:
            counted(done, total, result)
            bar.update(task, completed=done)

        return ingest_paths(
            store,
            files,
            published,
            title,
            url,
            jobs,
            progress=tick,
            mode=mode,
        )


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--published",
    help="Publication date (2022-08-31), over the one in the text. On an article already "
    "ingested, re-dates it: its events are found again, keeping those edited by hand.",
)
@click.option("--title", help="Source title, over the headline.")
@click.option("--url", help="Source URL.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes analysing articles.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Ingest an article already ingested again from scratch: ALL its events are deleted, "
    "hand-edited ones included, and found again.",
)
@corpus_options
@click.pass_obj
def ingest(
    obj: _HasStore,
    paths: tuple[str, ...],
    published: str | None,
    title: str | None,
    url: str | None,
    jobs: int,
    force: bool,
    **corpus: Any,
) -> None:
    """Find dated events in articles (files, folders of .txt/.md/.html, `-` for stdin) and
    corpora (.jsonl, .ndjson, .csv, maybe .gz, one article a record; globs welcome).

    An article already ingested (the same text) adds nothing, unless --published re-dates it
    or --force ingests it again. A corpus stopped part way resumes where it stopped.
    """
    from timeline.ingest.corpus import expand_globs, is_corpus
    from timeline.ingest.pipeline import empty_folders, ingest_bytes

    every = expand_globs(paths)
    corpora = [p for p in every if is_corpus(p)]
    paths = tuple(p for p in every if not is_corpus(p))
    if corpora and (published or title or url or force):
        raise click.UsageError(
            "--published, --title, --url and --force are for article files; a corpus's "
            "records name their own (see --date-field, --title-field, --url-field)"
        )
    if corpus["engine"] == "dask" and not corpora:
        raise click.UsageError("--engine dask runs corpora (.jsonl, .ndjson, .csv)")
    day = read_published(published)
    mode = "replace" if force else "redate" if day is not None else "add"
    store = obj.store()
    results: list[FileResult] = []

    saved = 0

    def counted(_done: int, total: int, result: FileResult | None) -> None:
        """Keep the line a stop ends with: articles saved (a failed one is not), of all."""
        nonlocal saved
        saved += result is not None and result.ok
        before = sum(r.ok for r in results)
        obj.interrupted = (
            f"{before + saved} of {len(results) + total} article(s) were saved, "
            "each whole; the rest were not"
        )

    if "-" in paths:
        data = _read_stdin()
        results.append(ingest_bytes(store, data, "-", day, title, url, mode))
    files = [p for p in paths if p != "-"]
    empty = empty_folders(files)
    if files:
        results.extend(_ingest_with_progress(store, files, day, title, url, jobs, mode, counted))
    for result in results:
        _report(result)
    for folder in empty:
        click.echo(f"error: no articles (.txt, .md, .html) found in {safe(folder)}", err=True)
    failed = sum(not r.ok for r in results)
    if failed:
        click.echo(f"{failed} of {len(results)} file(s) failed", err=True)
    corpus_failed = False
    if corpora:
        from timeline.cli.corpus import CorpusOptions, ingest_corpora_command

        def kept(line: str) -> None:
            obj.interrupted = line

        options = CorpusOptions(**corpus)
        corpus_failed = ingest_corpora_command(store, corpora, jobs, options, kept)
    if failed or empty or corpus_failed:
        sys.exit(1)


@click.command()
@click.argument("file", metavar="FILE")
@click.option("--published", help="Publication date (2022-08-31), over the one in the text.")
def extract(file: str, published: str | None) -> None:
    """Print the temporal expressions found in an article as JSON lines."""
    from timeline.ingest.articles import ArticleError, article_from_bytes, read_article
    from timeline.ingest.tagger.timex import find_timexes

    day = read_published(published)
    try:
        if file == "-":
            article = article_from_bytes(_read_stdin(), "-", day)
        else:
            article = read_article(file, day)
    except ArticleError as exc:
        raise click.ClickException(str(exc)) from None
    for warning in article.warnings:
        click.echo(f"warning: {warning}", err=True)
    for timex in find_timexes(article.text, article.published):
        click.echo(json.dumps(asdict(timex), ensure_ascii=False))


def register(cli: click.Group) -> None:
    """Add `ingest` and `extract` to the `timeline` command group."""
    cli.add_command(ingest)
    cli.add_command(extract)
