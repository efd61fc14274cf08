"""The reference dates of the anchoring model: what an article has established so far, and how
one sentence was dated.

`Reference` is updated sentence by sentence (the day being reported, the date just narrated);
`Dating` is what `reader.anchoring.date_sentence` returns, with what its date was counted from,
so a reader can check it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from timeline.ingest.types import ParsedDate
from timeline.store.dates import day_of

RANK = {"year": 0, "month": 1, "day": 2, "minute": 3}
"""Precisions from coarse to fine: the finest expression in a sentence dates it."""

NEWS_WINDOW = dt.timedelta(days=4)
"""How far before publication a day the lead names still counts as the day being reported."""

LEAD_WINDOW = dt.timedelta(days=3)
"""How far before publication a calendar date ("7 June 2010") still counts as the news day."""


@dataclass(frozen=True, slots=True)
class Dating:
    """How one sentence is dated, and why.

    `basis` is "expression" (an absolute date in the sentence), "publication" (a relative
    expression counted from the publication date), "narrative" (counted from the date an earlier
    sentence narrated) or "report" (no date of its own: the reference time, approximate).
    """

    date: ParsedDate | None
    basis: str
    text: str = ""
    span: tuple[int, int] | None = None
    counted_from: str | None = None
    occurrence_at: int | None = None
    """Where, in the text, an occurrence named by its length begins ("a two-day visit")."""
    last: ParsedDate | None = None
    """The date of a later expression in the same sentence, where its telling ends ("He founded
    the firm in 1976, and in 1984 it floated": "one year later" then counts from 1984)."""
    steps: bool = False
    """Whether the sentence told a past step of a story on its own day (not what someone said),
    so the next past sentence with no date may go on telling that day."""
    named: ParsedDate | None = None
    """The one day a sentence with no date of its own named a thing by ("studied the April 20
    explosion"): what a count in the next sentence ("Two days later") counts from."""


def _window(basis: str) -> dt.timedelta:
    """How far back a named day may be and still be the day being reported: a day named
    relative to publication ("on Monday") up to NEWS_WINDOW; a calendar date only up to
    LEAD_WINDOW, since background ("the rig exploded on 20 April") is often a week old."""
    if basis == "publication":
        return NEWS_WINDOW
    return LEAD_WINDOW if basis == "expression" else dt.timedelta(days=-1)


class Reference:
    """The dates an article has established so far, updated sentence by sentence.

    `news` is the day being reported (publication, or a recent day the lead named: "on Monday");
    `narrated` is the last date a sentence told of, which narrative expressions count from;
    `told` says the last dated sentence named that day itself, not as a flashback, so the next
    one may go on telling of it; `named` is the one day the last sentence, undated itself, named
    a thing by, which a count in the next one counts from.
    """

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.news: ParsedDate | None = (
            ParsedDate(published.isoformat(), "day") if published else None
        )
        self.narrated: ParsedDate | None = None
        self.named: ParsedDate | None = None
        self.told = False

    @property
    def counted(self) -> ParsedDate | None:
        """What a count ("two days later") counts from: the day the sentence just before named
        a thing by, when it had no date of its own, else the narrated date."""
        return self.named or self.narrated

    def advance(self, dating: Dating, flashback: bool = False) -> None:
        """Take note of a sentence's dating: it may become the narrated or the reported day.

        Any date the text gives becomes the narrated one ("the next day" counts from it; from
        the sentence's last, when it names several); only
        a recent day named relative to publication ("on Monday", "yesterday") becomes the day
        being reported, and never from a flashback ("talks had broken down on Sunday").
        """
        self.named = dating.named
        self.told = False
        date = dating.date
        if date is None or dating.basis == "report" or date.end:
            return
        if date.approximate and RANK[date.precision] < RANK["day"]:
            return
        last = dating.last
        exact = last is not None and not last.end and not last.approximate
        self.narrated = narrated = last if exact and last is not None else date
        self.told = dating.steps and narrated.precision == "day" and not flashback
        if RANK[date.precision] < RANK["day"] or flashback:
            return
        day = day_of(date.start)
        if day is None:  # before 1 CE: no news day can be counted from it
            return
        if self.published is None:
            if self.news is None and dating.basis == "expression":
                self.news = ParsedDate(day.isoformat(), "day")
        elif self.published - _window(dating.basis) <= day:
            self.news = ParsedDate(min(day, self.published).isoformat(), "day")
