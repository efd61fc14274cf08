"""Dating an event by evidence, its importance, what is shown, and a story's key days."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.ingest.story.test_story_clusters import mention
from timeline.ingest.story import (
    DateChoice,
    best_title_mention,
    choose_date,
    importance,
    is_key,
    key_days,
)
from timeline.ingest.story.mentions import mention_span, span

BRIDGE = "The Halvik toll bridge reopened to lorries after repairs to its 80-metre span."


def test_a_written_date_beats_a_counted_one_and_the_news_day() -> None:
    written = mention(1, 1, BRIDGE, start="2031-05-02", basis="expression")
    counted = mention(2, 2, BRIDGE, start="2031-05-03", basis="publication")
    counted_2 = mention(3, 3, BRIDGE, start="2031-05-03", basis="publication")
    news_day = mention(4, 4, BRIDGE, start="2031-05-04", basis="report", published="2031-05-04")
    choice = choose_date([news_day, counted, counted_2, written])
    assert (choice.start, choice.mention) == ("2031-05-02", 1)
    assert choice.conflict  # the counted day disagrees beyond its precision
    reasons = dict(choice.reasons)
    assert reasons[1].startswith("chosen")
    assert reasons[2].startswith("disagrees")
    assert reasons[4].startswith("agrees")  # a later news day only says "by then"


def test_more_independent_sources_beat_fewer_of_the_same_weight() -> None:
    one = mention(1, 1, BRIDGE, start="2031-05-02", basis="publication")
    two = mention(2, 2, BRIDGE, start="2031-05-03", basis="publication")
    three = mention(3, 3, BRIDGE, start="2031-05-03", basis="publication")
    assert choose_date([one, two, three]).start == "2031-05-03"


def test_a_finer_date_inside_a_written_month_is_kept_without_conflict() -> None:
    month = mention(1, 1, BRIDGE, start="2031-05", basis="expression", precision="month")
    day = mention(2, 2, BRIDGE, start="2031-05-03", basis="publication")
    choice = choose_date([month, day])
    assert (choice.start, choice.precision, choice.conflict) == ("2031-05-03", "day", False)


def test_a_report_before_the_date_is_a_conflict() -> None:
    written = mention(1, 1, BRIDGE, start="2031-05-09", basis="expression")
    early = mention(2, 2, BRIDGE, start="2031-05-01", basis="report", published="2031-05-01")
    choice = choose_date([written, early])
    assert choice.start == "2031-05-09" and choice.conflict


def test_only_reports_give_an_approximate_date() -> None:
    a = mention(1, 1, BRIDGE, start="2031-05-04", basis="report", published="2031-05-04")
    choice = choose_date([a])
    assert choice.approximate and not choice.conflict


def test_undated_mentions_give_an_undated_event_of_no_importance() -> None:
    a = mention(1, 1, BRIDGE, start=None)
    choice = choose_date([a])
    assert choice.start is None
    assert importance([a], choice) == 0.0
    assert not is_key([a], choice, 0.0)


def test_importance_grows_with_sources_and_later_articles() -> None:
    lone = [mention(1, 1, BRIDGE, start="2031-05-02", position=7, published="2031-05-02")]
    told = [
        *lone,
        mention(2, 2, BRIDGE, start="2031-05-02", published="2031-05-02"),
        mention(3, 3, BRIDGE, start="2031-05-02", published="2031-06-10"),
    ]
    assert importance(told, choose_date(told)) > importance(lone, choose_date(lone))


def test_typed_events_are_always_shown() -> None:
    typed = mention(1, None, BRIDGE, basis="")
    assert is_key([typed], choose_date([typed]), 0.0)


def choice_on(day: str, precision: str = "day") -> DateChoice:
    """A bare date choice for key-day tests."""
    return DateChoice(day, None, precision, False, 0, False, ())


def test_key_days_picks_the_heaviest_days_and_lists_them_in_date_order() -> None:
    events = [
        (choice_on("2031-05-09"), 3.0),
        (choice_on("2031-05-01"), 1.0),
        (choice_on("2031-05-09"), 0.5),
        (choice_on("2031-05-04"), 2.0),
        (choice_on("2031-05", "month"), 9.0),
        (choice_on("2031-05-07"), 1.0),
    ]
    days = key_days(events, 2)
    assert days == [(dt.date(2031, 5, 4), [3]), (dt.date(2031, 5, 9), [0, 2])]
    assert key_days(events, 3)[0] == (dt.date(2031, 5, 1), [1])  # ties: the earlier day


def test_the_title_comes_from_a_named_agreeing_mention() -> None:
    pronoun = mention(1, 1, "It reopened to lorries after repairs to the Halvik toll bridge.")
    named = mention(2, 2, BRIDGE, position=5)
    wrong = mention(3, 3, BRIDGE, start="2031-02-01", position=0)
    choice = choose_date([pronoun, named, wrong])
    assert best_title_mention([pronoun, named, wrong], choice) == 2


def test_spans_at_their_precision() -> None:
    assert span("2031-02", None, "month") == (dt.date(2031, 2, 1), dt.date(2031, 2, 28))
    assert span("2031", None, "year") == (dt.date(2031, 1, 1), dt.date(2031, 12, 31))
    report = mention(1, 1, BRIDGE, start="2031-05-04", basis="report")
    assert mention_span(report) == (dt.date(2031, 5, 1), dt.date(2031, 5, 4))
    with pytest.raises(ValueError):
        span(None, None, None)


def test_an_event_takes_its_title_from_a_mention_the_reader_kept_over_a_support() -> None:
    wreck = "About a mile from the quay lies the wreck of the toll ferry that sank."
    support = replace(mention(1, 1, wreck, position=0), kept=False)
    kept = mention(2, 2, BRIDGE, position=6)
    choice = choose_date([support, kept])
    assert best_title_mention([support, kept], choice) == 2
    assert best_title_mention([replace(support, kept=True), kept], choice) == 1


def test_the_title_comes_from_a_mention_naming_who_acted_over_an_unnamed_description() -> None:
    unnamed = mention(1, 1, "The company reopened the Halvik toll bridge to lorries.", position=0)
    named = mention(2, 2, "Brellin Roads reopened the Halvik toll bridge to lorries.", position=4)
    choice = choose_date([unnamed, named])
    assert best_title_mention([unnamed, named], choice) == 2
    bracketed = replace(
        unnamed, title="The company [Brellin Roads] reopened the Halvik toll bridge"
    )
    assert best_title_mention([bracketed, named], choose_date([bracketed, named])) == 1


def test_a_day_the_sources_pin_weighs_more_than_a_week_counted_from_the_news() -> None:
    pinned = mention(1, 7, BRIDGE, "2031-05-02", published="2031-05-09")
    loose = replace(pinned, id=2, basis="report", end="2031-05-08")  # "earlier this week"
    assert choose_date([loose]).approximate
    assert importance([pinned], choose_date([pinned])) > importance([loose], choose_date([loose]))


def test_a_key_day_lists_the_events_the_app_shows_before_weightier_asides() -> None:
    events = [
        (choice_on("2031-05-09"), 4.0),
        (choice_on("2031-05-09"), 2.5),
        (choice_on("2031-05-09"), 3.0),
        (choice_on("2031-05-02"), 1.0),
    ]
    shown = [False, True, True, True]
    assert key_days(events, 1, per_day=2) == [(dt.date(2031, 5, 9), [0, 2])]
    assert key_days(events, 1, per_day=2, shown=shown) == [(dt.date(2031, 5, 9), [2, 1])]
    assert key_days(events, 2, shown=shown)[0] == (dt.date(2031, 5, 2), [3])
