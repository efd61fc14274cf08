"""Which events the app shows by default, decided from the mentions an event gathers."""

from __future__ import annotations

from timeline.ingest.story.storyline import decide
from timeline.store.models import Mention


def told(id: int, source: int, basis: str, kind: str = "support") -> Mention:
    """A mention of an invented article published on 9 June 2031, dated as `basis` says."""
    return Mention(
        id=id,
        event_id=id,
        source_id=source,
        quote="Footage of the Tarnby flood barrier opening, as it happened.",
        title="Footage of the Tarnby flood barrier opening, as it happened",
        span_start=0,
        span_end=60,
        start="2031-06-09" if basis == "report" else "2031-06-02",
        end=None,
        precision="day",
        approximate=basis == "report",
        date_basis=basis,
        date_text="" if basis == "report" else "2 June",
        counted_from="2031-06-09",
        position=2,
        kind=kind,
        held=False,
    )


def test_undated_asides_of_several_sources_are_not_shown() -> None:
    """Three pages carry the same undated line no reader's filter kept: no day is known."""
    assert not decide([told(1, 10, "report"), told(2, 11, "report"), told(3, 12, "report")]).key


def test_sources_writing_a_day_are_shown_though_each_told_it_in_passing() -> None:
    """Background retellings that write the day: several sources looking back at one day."""
    assert decide([told(1, 10, "publication"), told(2, 11, "report"), told(3, 12, "report")]).key


def test_two_sources_telling_a_day_in_passing_are_not_enough() -> None:
    """Two background asides on one written day: as often a shared fear or an old year."""
    assert not decide([told(1, 10, "publication"), told(2, 11, "publication")]).key
    assert decide([told(1, 10, "publication", "event"), told(2, 11, "publication")]).key
