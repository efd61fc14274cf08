"""`timeline sources`: the articles stored, with their ids (for `list --source`, `export
--source` and `delete --source`), publication dates, event counts, URLs and files."""

from __future__ import annotations

import json

import click

from timeline.cli.common import Context
from timeline.store import StoreError


@click.command()
@click.option("--search", help="Words of the title, or a piece of the URL or file path.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@click.option("--wide", is_flag=True, help="Whole titles, however wide the terminal.")
@click.option(
    "--width",
    type=click.IntRange(min=40),
    default=None,
    help="Lay the table out for this many columns (default: the terminal's).",
)
@click.pass_obj
def sources(obj: Context, search: str | None, fmt: str, wide: bool, width: int | None) -> None:
    """List the sources (articles) with how many events each tells."""
    from timeline.cli.table import echo_lines, source_lines, table_width

    try:
        found = obj.store(reading=True).list_sources(search)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "jsonl":
        for source in found:
            row = {
                "id": source.id,
                "title": source.title,
                "url": source.url,
                "path": source.path,
                "published": source.published,
                "events": source.events,
            }
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not found:
        click.echo(
            "no sources" + (" match" if search else " yet: `timeline ingest FILE`"), err=True
        )
        return
    echo_lines(source_lines(found, table_width(width, wide)))


def register(cli: click.Group) -> None:
    """Add `sources` to the `timeline` command group."""
    cli.add_command(sources)
