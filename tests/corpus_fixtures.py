"""A small newsroom archive in our own words, as JSON Lines records, for the corpus tests.

Several desks retell a few invented happenings on nearby days, so that merging has mentions to
join across articles, and each record's text is distinct.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

TOWNS = ("Velmora", "Tarnby", "Oskholm", "Quellin", "Brask")
HAPPENINGS = (
    "the {town} council closed the east bridge to lorries",
    "a fire damaged the grain store at {town} harbour",
    "the {town} rowing club won the river cup",
    "workers at the {town} glassworks walked out over pay",
)


def newsroom_records(count: int, start: dt.date = dt.date(2024, 3, 1)) -> list[dict[str, Any]]:
    """`count` records: headline, body, published day and link, in the common field names."""
    records: list[dict[str, Any]] = []
    for n in range(count):
        town = TOWNS[n % len(TOWNS)]
        what = HAPPENINGS[(n // len(TOWNS)) % len(HAPPENINGS)].format(town=town)
        published = start + dt.timedelta(days=n // 3)
        day = published - dt.timedelta(days=1 + n % 2)
        body = (
            f"On {day:%-d %B %Y}, {what}. "
            f"Officials said on {published:%A} that a review would report by {published.year + 1}. "
            f"The matter was first raised in {1990 + n % 30}. "
            f"Desk note {n}: residents of {town} met again on {published:%-d %B}."
        )
        records.append(
            {
                "headline": f"{town} report {n}",
                "body": body,
                "published": published.isoformat(),
                "link": f"https://news.example/{town.lower()}/{n}",
            }
        )
    return records


def write_corpus(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write records as JSON Lines, gzip-compressed when the name ends in .gz."""
    text = "".join(json.dumps(record) + "\n" for record in records)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
