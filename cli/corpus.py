"""The corpus half of `timeline ingest`: JSON Lines and CSV files of many articles.

It turns the flags into a call of `ingest.corpus_ingest.ingest_corpora`, shows a progress bar
(records, articles a second, events) on a terminal, and ends with one summary line; each record
skipped is named on stderr with its line, unless --quiet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from timeline.store import Store

if TYPE_CHECKING:
    from timeline.ingest.corpus_ingest import Analyser, CorpusTally

ENGINES = ("local", "dask")
NAMED_IN_SUMMARY = 5
"""Skipped records named in the summary line itself (all are named on stderr unless --quiet)."""


@dataclass(frozen=True, slots=True)
class CorpusOptions:
    """The corpus flags of `timeline ingest`."""

    text_field: str | None = None
    date_field: str | None = None
    title_field: str | None = None
    url_field: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    parts: str | None = None
    quiet: bool = False


def corpus_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the corpus flags to a click command."""
    options = [
        click.option("--text-field", help="Corpus field holding the text (text/body/content)."),
        click.option("--date-field", help="Corpus field of the date (date/published/time)."),
        click.option("--title-field", help="Corpus field of the title (title/headline)."),
        click.option("--url-field", help="Corpus field of the URL (url/link)."),
        click.option(
            "--engine",
            type=click.Choice(ENGINES),
            default="local",
            show_default=True,
            help="Where corpus articles are analysed: this machine's processes, or Dask "
            '(pip install "timeline[dask]").',
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            help="Dask scheduler (tcp://host:8786) for --engine dask; default a local cluster "
            "of --jobs workers.",
        ),
        click.option(
            "--parts",
            metavar="DIR",
            type=click.Path(file_okay=False),
            help="Folder for --engine dask's Parquet partitions, shared by every worker "
            "(default a temporary one).",
        ),
        click.option("--quiet", is_flag=True, help="No progress bar; one summary line."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def ingest_corpora_command(
    store: Store,
    corpora: list[str],
    jobs: int,
    options: CorpusOptions,
    interrupted: Callable[[str], None],
) -> bool:
    """Ingest corpora as the command line asked; returns True when something failed."""
    from timeline.ingest.corpus import Fields
    from timeline.ingest.corpus_ingest import CorpusTally, ingest_corpora

    fields = Fields(options.text_field, options.date_field, options.title_field, options.url_field)
    tally = CorpusTally()

    def said(done: CorpusTally) -> None:
        interrupted(
            f"{done.added} new article(s) of the corpus were saved, each whole; "
            "the same command again skips them and ingests the rest"
        )

    said(tally)
    from timeline.ingest.dask_engine import EngineFailed, EngineMissing  # Dask itself is not

    try:
        with _analyser(options, jobs) as analyser, _bar(options.quiet) as tick:

            def progress(done: CorpusTally) -> None:
                said(done)
                tick(done)

            ingest_corpora(
                store,
                corpora,
                date.today(),  # only to refuse publication dates in the future
                fields,
                jobs,
                progress,
                analyser,
                tally=tally,
            )
    except (EngineMissing, EngineFailed) as exc:
        raise click.ClickException(str(exc)) from None
    from timeline.cli.common import safe

    if not options.quiet:
        for bad in tally.bad:
            click.echo(f"skipped: {safe(bad.corpus)} line {bad.line}: {safe(bad.reason)}", err=True)
    for error in tally.errors:
        click.echo(f"error: {safe(error)}", err=True)
    click.echo(summary(tally))
    return bool(tally.errors)


def summary(tally: CorpusTally) -> str:
    """One line: records read, articles added and their events, already stored, skipped."""
    line = (
        f"{tally.records:,} record(s): {tally.added:,} article(s) added "
        f"({tally.events:,} event(s)), {tally.stored:,} already stored, "
        f"{len(tally.bad):,} skipped"
    )
    if tally.bad:
        named = [f"{b.corpus} line {b.line} ({b.reason})" for b in tally.bad[:NAMED_IN_SUMMARY]]
        more = len(tally.bad) - len(named)
        line += ": " + "; ".join(named) + (f"; and {more:,} more" if more else "")
    if tally.errors:
        line += f", {len(tally.errors):,} error(s)"
    from timeline.cli.common import safe

    return safe(line)


def _analyser(options: CorpusOptions, jobs: int) -> AbstractContextManager[Analyser | None]:
    """The Dask engine for the length of the ingest, or None for this machine's pool."""
    if options.engine != "dask":
        if options.scheduler or options.parts:
            raise click.UsageError("--scheduler and --parts need --engine dask")
        return nullcontext(None)
    from timeline.ingest.dask_engine import dask_analyser

    return dask_analyser(options.scheduler, max(1, jobs), options.parts)


@contextmanager
def _bar(quiet: bool) -> Iterator[Callable[[CorpusTally], None]]:
    """A progress bar on a terminal (records, articles a second, events); else nothing."""
    from rich.console import Console

    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        yield lambda _tally: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("ingesting {task.completed:,.0f} records"),
        TextColumn("{task.fields[rate]:,.1f} articles/s"),
        TextColumn("{task.fields[events]:,} events"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("corpus", total=None, rate=0.0, events=0)

        def tick(tally: CorpusTally) -> None:
            bar.update(task, completed=tally.records, rate=tally.rate, events=tally.events)

        yield tick
