"""Which sentences a reader keeps as events, and which only support them."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.clauses import states
from timeline.ingest.reader.events import build_events, build_mentions
from timeline.ingest.reader.keep import fragment, tells_news
from timeline.ingest.tagger.timex import find_timexes

PUB = dt.date(2031, 4, 9)  # a Wednesday

FERRY = """Ferry operator halts crossings after engine fire

The Brellin Line suspended all crossings to Ostra Island after an engine fire on one of its vessels.
Harbour master Ilse Brandvik ordered the ship back to port.
She said no passengers were hurt.
The line has carried more than two million passengers since it was founded.
Engineers could take weeks to repair the damaged engine.
If the repairs drag on, the island may run short of fuel.
Is the line's fleet too old?
Brandvik added that an inquiry would report in June.
The company's shares fell sharply in morning trading.
"""


def mentions(text: str, published: dt.date = PUB):  # type: ignore[no-untyped-def]
    """Every mention the builder makes of text."""
    return build_mentions(text, find_timexes(text, published), published)


def test_build_events_is_the_event_kind_of_build_mentions() -> None:
    drafts = mentions(FERRY)
    events = build_events(FERRY, find_timexes(FERRY, PUB), PUB)
    assert events == [d.event for d in drafts if d.kind == "event"]
    assert {d.kind for d in drafts} == {"event", "support"}
    positions = [d.position for d in drafts if d.position >= 0]
    assert positions == sorted(positions)


def test_the_lead_is_an_event_and_later_undated_sentences_only_support() -> None:
    kinds = {d.event.quote.split()[1]: (d.kind, d.position) for d in mentions(FERRY)}
    assert kinds["Brellin"] == ("event", 0)
    assert kinds["company's"][0] == "support"  # undated, far from the lead


def test_guesses_conditions_questions_and_totals_make_no_event() -> None:
    quotes = [e.quote for e in build_events(FERRY, find_timexes(FERRY, PUB), PUB)]
    for gone in ("could take weeks", "If the repairs", "too old", "two million"):
        assert not any(gone in quote for quote in quotes), gone


def test_a_pronoun_title_names_the_one_person_before_it() -> None:
    titles = [d.event.title for d in mentions(FERRY)]
    assert any(title.startswith("[Brandvik] said no passengers") for title in titles), titles


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("After three days of pumping mud", True),
        ("A spokesman for the port said", True),
        ("The port reopened on Monday", False),
    ],
)
def test_fragment(title: str, expected: bool) -> None:
    assert fragment(title) is expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The choir has toured every spring since 2014.", set()),  # a state since then
        ("Inspectors cited the Harbour Safety Act of 1992 on Monday.", {"2031-05-05"}),
        ("The ferry sank in 1990.", {"1990"}),
        ("Oyster landings at Velmar were valued at $12.5 million in 2028.", set()),  # a figure
        ("The council sold the old pier for $3 million in 2028.", {"2028"}),
        # a full date written with a comma before its year names the floods it stands before
        (
            "Ada Kell ran the fund for victims of the 4 March, 2029 floods Fund head Ada Kell "
            "pledged quick payouts on Monday.",
            {"2031-05-05"},
        ),
        (
            "Ada Kell ran a like fund for victims of the March 4, 2029, floods in Orvik.",
            {"2031-05-07"},
        ),
        ("On March 4, 2029, floods hit Orvik.", {"2029-03-04"}),
    ],
)
def test_a_year_that_starts_a_state_or_names_a_thing_dates_no_event(
    text: str, kinds: set[str]
) -> None:
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    assert {d.event.start for d in drafts if d.kind == "event"} == kinds


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 300 metres away is the wreck of the ferry Calla.", True),
        ("The museum in Orvik holds the largest set of beetles in the north.", True),
        ("Velmar leads the region in oyster landings.", True),
        ("Jonah Pike has enjoyed success with his late-night shows.", True),
        ("Harbour workers are fighting the new rules.", True),
        ("There were two ferries in the harbour.", True),
        ("In 2028, Velmar was the largest supplier of oysters.", True),
        ("The singer has been a judge on the show since 2019.", True),
        ("The bridge was closed on Monday.", False),
        ("The pact was first signed in 2012.", False),
        ("Two crew were missing after the blast.", False),
        ("The council approved the budget on Monday.", False),
        ("The mayor said the port is safe.", False),
        ("It was the first trip to Orvik by a mayor since 2009.", False),
        ("Talks are due to resume on Thursday.", False),
        ("Born in Cork on 2 May 1931, she was the eldest of four.", False),
    ],
)
def test_a_main_clause_that_tells_how_things_stand_is_no_happening(
    sentence: str, expected: bool
) -> None:
    assert states(sentence) is expected


def test_a_dated_standing_fact_only_supports() -> None:
    text = "In 2028, Velmar was the largest supplier of oysters on the coast."
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    assert [d.kind for d in drafts if d.kind == "event"] == []


def test_a_day_inside_a_since_clause_dates_the_clause_not_the_state_around_it() -> None:
    text = (
        "Storm hits Orvik\n\nThe ferryman Ole Brandt has been unaccounted for since the harbour "
        "tower fell on Tuesday. Crews searched the quay."
    )
    day = dt.date(2031, 5, 9)
    events = build_events(text, find_timexes(text, day), day)
    assert not [e for e in events if e.start == "2031-05-06" and "unaccounted" in e.title]


def test_a_weekday_in_a_sentence_that_looks_ahead_is_the_coming_one() -> None:
    text = "Relief fund agreed\n\nThe money set aside will be paid to fishermen on Wednesday."
    sunday = dt.date(2031, 5, 11)
    events = build_events(text, find_timexes(text, sunday), sunday)
    assert {e.start for e in events if "money" in e.quote} == {"2031-05-14"}


def test_a_year_closing_a_past_happening_after_during_or_since_dates_nothing_told_now() -> None:
    text = (
        "Harbour shops ready\n\nSome shops on the Velmar quay were ready because of what they "
        "learnt during Storm Kell in 2019."
    )
    day = dt.date(2031, 5, 7)
    events = build_events(text, find_timexes(text, day), day)
    assert not [e for e in events if e.start == "2019"]


def test_a_day_after_a_will_in_a_past_sentence_is_the_coming_one() -> None:
    text = "Verdict\n\nThe skipper was refused bail and will hear his sentence on 29 November."
    day = dt.date(2031, 11, 7)
    events = build_events(text, find_timexes(text, day), day)
    assert {e.start for e in events if "his sentence" in e.quote} == {"2031-11-29"}


def test_a_title_opening_on_a_pointing_word_only_supports() -> None:
    text = "Ferry row\n\nThe Velmar council met on Monday. That prompted a strike on Tuesday."
    day = dt.date(2031, 5, 9)
    kinds = {
        d.event.quote.split()[0]: d.kind for d in build_mentions(text, find_timexes(text, day), day)
    }
    assert kinds == {"The": "event", "That": "support"}


def test_a_last_updated_stamp_and_its_link_are_not_part_of_the_lead() -> None:
    text = (
        "Skipper sentenced\n\n3 May 2031 Last updated at 09:14 GMT Help The Velmar skipper "
        "was jailed for two years on Friday."
    )
    day = dt.date(2031, 5, 3)
    events = build_events(text, find_timexes(text, day), day)
    jailed = [e for e in events if "jailed" in e.quote]
    assert jailed and jailed[0].title.startswith("The Velmar skipper was jailed")
    assert jailed[0].start == "2031-05-02"


def test_a_date_inside_testimony_dates_what_is_claimed_not_the_testimony() -> None:
    text = (
        "Ferry trial\n\nThe harbour pilot testified on Tuesday that the Calla left port in March "
        "2029 without a working radio."
    )
    day = dt.date(2031, 5, 9)
    events = build_events(text, find_timexes(text, day), day)
    assert {e.start for e in events if "testified" in e.quote} == {"2031-05-06"}


@pytest.mark.parametrize("dateline", ["KELSO, Ore. -- ", "ON THE QUAY AT VELMAR -- ", "OSLO -- "])
def test_a_dateline_opening_a_later_paragraph_is_not_part_of_its_title(dateline: str) -> None:
    text = (
        "Pier reopens\n\nCrowds came back to the quay on Sunday.\n\n"
        f"{dateline}The harbour board reopened the Velmar pier on Monday.\n"
    )
    day = dt.date(2031, 5, 6)
    events = build_events(text, find_timexes(text, day), day)
    [pier] = [e for e in events if "pier" in e.quote]
    assert pier.title.startswith("The harbour board reopened")
    assert pier.start == "2031-05-05"


@pytest.mark.parametrize(
    ("sentence", "news"),
    [
        ("The flood left nine people dead and the Kestrel mill shut.", False),
        ("The death of Mayor Okafor prompted an outcry and the doctor was charged.", False),
        ("The Ardmoor council sacked its treasurer.", True),
        ("The flood in Ardmoor has left 900 people homeless.", False),
        ("The Kestrel board has continued to sell ferries.", False),
        ("Mayor Okafor said the board would consider the Ardmoor report.", False),
        ("Mayor Okafor said the board had sold the Ardmoor quay.", True),
        ("Mayor Okafor is really pleased with the vote.", False),
        ("Mayor Okafor pleased the crowd with a short speech.", True),
    ],
)
def test_a_lead_sentence_with_no_date_tells_the_news_unless_it_sums_up_what_followed(
    sentence: str, news: bool
) -> None:
    """What an earlier happening led to, and a feeling, are background; a deed is news."""
    assert tells_news(sentence, 1) is news


@pytest.mark.parametrize(
    ("headline", "kept"),
    [
        ("Who blamed Kestrel Mills for the flood?", False),
        ("Kestrel Mills may close its plant", False),
        ("Kestrel Mills closes its plant", True),
    ],
)
def test_a_headline_that_asks_or_guesses_makes_no_event_of_its_own(
    headline: str, kept: bool
) -> None:
    text = f"{headline}\n\nCrews cleared the quay at Velmar on Monday.\n"
    titles = [event.title for event in build_events(text, find_timexes(text, PUB), PUB)]
    assert (headline.rstrip("?") in titles) is kept


def test_a_pronoun_after_a_time_phrase_with_no_one_to_name_only_supports() -> None:
    text = "Quay news\n\nRain fell on the Orvik quay. This morning he closed the old pier."
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    assert [d.kind for d in drafts if "closed the old pier" in d.event.quote] == ["support"]


def test_a_title_that_only_ties_an_unnamed_move_to_other_news_only_supports() -> None:
    text = (
        "Quay news\n\nThe Orvik council shut the old pier on Monday. The move comes as the "
        "Kelso ferry company prepares to open a new route on Tuesday."
    )
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    assert [d.kind for d in drafts if d.event.title.startswith("The move")] == ["support"]
    assert [d.kind for d in drafts if "shut the old pier" in d.event.quote] == ["event"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The Ardmoor relief checks should go out by February.", False),
        ("Two Kestrel barges had berthed at Kelso by Friday night.", False),
        ("The Orvik inquiry is not due to sit until March.", False),
        ("By Friday, Kelso crews should have two sand sieves at the harbour.", False),
        ("Two Kestrel barges berthed at Kelso on Friday night.", True),
        ("The Kelso pier was damaged by Tuesday's storm, the council said.", True),
    ],
)
def test_a_date_that_only_ends_a_by_or_an_until_dates_no_event(sentence: str, kept: bool) -> None:
    text = f"Quay news\n\nThe Velmar weir held.\n{sentence}\n"
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    kinds = [d.kind for d in drafts if d.event.quote.strip() == sentence]
    assert ("event" in kinds) is kept, kinds


MILLS = """Tarnby mill fire halts output

Harwick Textiles said on Tuesday that its sales fell by a third after a fire at its mill.
Relief agencies from three towns sent blankets to the mill's families.
These agencies have asked the council for a shelter.
The firm closed the Tarnby mill on Monday.
The commission ordered an inquiry on Tuesday.
"""


def test_a_firm_is_named_by_the_one_company_the_article_names() -> None:
    titles = [d.event.title for d in mentions(MILLS)]
    assert any(title.startswith("The firm [Harwick Textiles] closed") for title in titles), titles


def test_an_unnamed_body_or_pointing_plural_only_supports() -> None:
    kinds = {d.event.quote.split()[1]: d.kind for d in mentions(MILLS)}
    assert kinds["agencies"] == "support"  # "These agencies": which ones, alone?
    assert kinds["commission"] == "support"  # "The commission": which one?
    assert kinds["firm"] == "event"  # named in brackets


def test_a_title_on_a_share_of_them_or_a_happening_told_before_only_supports() -> None:
    text = (
        "Quay news\n\nSupporters of Mayor Okafor rallied at the Orvik quay on Monday. Many of "
        "them will be back when the council votes on Thursday. Inspectors stopped the pier "
        "tests on Monday. The initial delay occurred on Tuesday as the inspectors waited."
    )
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    kinds = {d.event.quote.split()[1]: d.kind for d in drafts}
    assert kinds["of"] == "support"  # "Many of them": the sentence before opens on no group
    assert kinds["initial"] == "support"
    assert kinds["stopped"] == "event"
