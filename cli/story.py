"""`timeline story`, `merge`, `join`, `move-out` and `pick-date`: the story the articles tell,
its key days, and a person's say over which sentences tell one happening."""

from __future__ import annotations

import json

import click

from timeline.cli.common import ROW_ID, Context, date_of, print_event, safe
from timeline.cli.selection import event_filter
from timeline.store import StoreError, event_json


@click.command(name="story")
@click.option("--dates", "n", type=click.IntRange(min=1), default=10, help="How many key days.")
@click.option("--from", "date_from", help="Only events on or after this date.")
@click.option("--to", "date_to", help="Only events on or before this date.")
@click.option("--search", help="Only events matching these words.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
@click.pass_obj
def story(
    obj: Context,
    n: int,
    date_from: str | None,
    date_to: str | None,
    search: str | None,
    fmt: str,
) -> None:
    """The N most important days of the story, in date order, each with its top events."""
    from timeline.ingest.story.storyline import story_days

    store = obj.store(reading=True)
    try:
        days = story_days(store, n, event_filter(date_from, date_to, search))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    for day in days:
        if fmt == "jsonl":
            events = [event_json(e) for e in store.with_mentions(list(day.events))]
            click.echo(json.dumps({"date": day.day, "events": events}, ensure_ascii=False))
            continue
        click.echo(day.day)
        for event in day.events:
            told = f"{event.sources} source{'' if event.sources == 1 else 's'}"
            mark = ", dates disagree" if event.conflict else ""
            click.echo(f"  {event.id:>6}  {safe(event.title)}  ({told}{mark})")


@click.command(name="merge")
@click.pass_obj
def merge(obj: Context) -> None:
    """Decide again, over the whole database, which mentions tell one happening (a person's
    joins, moves, picked dates and edits stay)."""
    from timeline.ingest.story.storyline import remerge

    store = obj.store(reading=True)
    obj.interrupted = "nothing was changed by the merge under way"
    try:
        with store.batch():
            merged = remerge(store)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{merged.mentions} mention(s) make {merged.events} event(s)", err=True)


@click.command(name="join")
@click.argument("keep", type=ROW_ID, metavar="ID")
@click.argument("other", type=ROW_ID, metavar="OTHER")
@click.pass_obj
def join(obj: Context, keep: int, other: int) -> None:
    """Join event OTHER into event ID: one happening, every source of both; merging keeps it
    so. `timeline move-out` takes a mention out again."""
    from timeline.ingest.story.storyline import refresh

    store = obj.store(reading=True)
    try:
        with store.batch():
            store.join_events(keep, other)
            refresh(store, [keep])
        print_event(store.get_event(keep))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.command(name="move-out")
@click.argument("mention_id", type=ROW_ID, metavar="MENTION")
@click.pass_obj
def move_out(obj: Context, mention_id: int) -> None:
    """Move a mention (ids in `list --format jsonl`) out of its event into one of its own;
    merging leaves it there. `timeline join` puts it back."""
    from timeline.ingest.story.storyline import refresh

    store = obj.store(reading=True)
    try:
        with store.batch():
            was = store.get_mention(mention_id).event_id
            moved = store.split_mention(mention_id)
            refresh(store, [was, moved.id])
        print_event(store.get_event(moved.id))
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.command(name="pick-date")
@click.argument("event_id", type=ROW_ID, metavar="ID")
@click.argument("mention_id", type=ROW_ID, metavar="MENTION", required=False)
@click.pass_obj
def pick_date(obj: Context, event_id: int, mention_id: int | None) -> None:
    """Date event ID as its mention MENTION gives it; without MENTION, let the sources' evidence
    choose again."""
    from timeline.ingest.story.storyline import refresh

    store = obj.store(reading=True)
    try:
        with store.batch():
            store.pick_date(event_id, mention_id)
            refresh(store, [event_id])
        event = store.get_event(event_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"{event.id:>6}  {date_of(event)}  {safe(event.title)}")


def register(cli: click.Group) -> None:
    """Add the story commands to the `timeline` group."""
    for command in (story, merge, join, move_out, pick_date):
        cli.add_command(command)
