"""Which sentences a reader keeps as events, pronouns named in titles, and live pages."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.reader.clauses import states
from timeline.ingest.reader.events import build_events, build_mentions
from timeline.ingest.reader.keep import fragment, tells_news
from timeline.ingest.reader.live import is_live, stamp_of, strip_stamp
from timeline.ingest.reader.naming import name_description, name_pronoun
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
    ("title", "before", "expected"),
    [
        (
            "He resigned on Friday",
            ["Mayor Tomas Orrin lost the vote."],
            "[Orrin] resigned on Friday",
        ),
        ("He resigned", ["Tomas Orrin met Ada Velk."], None),  # two people: no guess
        ("Its shares fell", ["Corvane reported a loss."], "[Corvane’s] shares fell"),
        ("It fell", ["Staff said the crane was unsafe."], None),  # after "said": either noun
        ("They left", ["The inspector arrived."], None),  # number does not agree
        ("The crane fell", [], "The crane fell"),
        # a quotation's "I": whoever the sentence before says is speaking
        (
            "I have just come back from Velna",
            ["The harbour's chief pilot also stressed that, “The channel is clear."],
            "[The harbour's chief pilot:] I have just come back from Velna",
        ),
        (
            "I signed it",
            ["Councillor Ada Velk told reporters: “It was time."],
            "[Velk:] I signed it",
        ),
        ("I signed it", ["The rain stopped at noon."], None),  # nobody speaks before it
        # a pronoun is no speaker, and neither is "As I"
        ("I am not angry", ['He said: "I came back.'], None),
        ("I am not angry", ['"As I said, the pier is shut," Okafor said.'], None),
        # an "it" that opens what is told later stands for nothing
        ("It is believed the storm killed ten", ["The Orvik storm hit at dawn."], None),
        ("It emerged that the pier had cracked", ["The Orvik storm hit at dawn."], None),
        # a pronoun before is no antecedent
        ("It is closed", ["He also visited the quay."], None),
        # "she" near a woman the text describes is not the lead's named person
        (
            "Her son said she was alive",
            ["Ada Velk reports from Orvik.", "Rain fell.", "Ships came.", "The woman was found."],
            None,
        ),
        ("His boat sank", ["Tomas Orrin's shop shut."], "[Orrin’s] boat sank"),
        # a pronoun after a time phrase that opens the title
        (
            "This week he insisted the pier would open",
            ["Mayor Tomas Orrin toured the quay."],
            "This week [Orrin] insisted the pier would open",
        ),
        ("On Monday she resigned", ["Rain fell on the quay."], None),
        # a person named late in a sentence that gives their words
        (
            "He ordered the pier shut",
            ["The official in charge of the harbour repairs, Tomas Orrin, said it was unsafe."],
            "[Orrin] ordered the pier shut",
        ),
        (
            "She added that the quay would reopen",
            ['"The risk grows every winter," said Ada Velk, director of the harbour board.'],
            "[Velk] added that the quay would reopen",
        ),
        # named late but not the speaker, or a possessive that may be another's
        (
            "He added that talks would resume",
            ["A spokesman for the harbour board said Mayor Tomas Orrin had met the crews."],
            None,
        ),
        (
            "Her son said she was alive",
            ['"I am trying to reach her," the harbour doctor Ole Brandt said.'],
            None,
        ),
    ],
)
def test_name_pronoun(title: str, before: list[str], expected: str | None) -> None:
    assert name_pronoun(title, before) == expected


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


LIVE = """Storm Ardel live: roads shut across the coast

10.05am: Good morning and welcome to our coverage of Storm Ardel.
10.20am: Police closed the coast road between Vell and Marrow after a landslip.
10.45am: The rail operator said on Monday that it had doubled staff at Vell station.
11.30am: Crews reopened the bridge at Marrow.
"""


def test_a_live_page_dates_each_update_by_its_stamp_and_a_named_day_stays_in_its_update() -> None:
    assert is_live(LIVE)
    events = build_events(LIVE, find_timexes(LIVE, PUB), PUB)
    by_word = {e.quote.split()[0]: e for e in events}
    assert by_word["Police"].start == "2031-04-09T10:20"
    assert by_word["Crews"].start == "2031-04-09T11:30"  # not Monday: that day was one update's
    assert not any(e.title[:1].isdigit() for e in events)


def test_stamps() -> None:
    assert stamp_of("2.05 pm: BP said")[1] == "14:05"
    assert stamp_of("Update 09:40 GMT - Talks resumed")[1] == "09:40"
    assert stamp_of("2010 was a hard year")[1] is None
    assert strip_stamp("10.32am: Crews arrived") == "Crews arrived"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The choir has toured every spring since 2014.", set()),  # a state since then
        ("Inspectors cited the Harbour Safety Act of 1992 on Monday.", {"2031-05-05"}),
        ("The ferry sank in 1990.", {"1990"}),
        ("Oyster landings at Velmar were valued at $12.5 million in 2028.", set()),  # a figure
        ("The council sold the old pier for $3 million in 2028.", {"2028"}),
    ],
)
def test_a_year_that_starts_a_state_or_names_a_thing_dates_no_event(
    text: str, kinds: set[str]
) -> None:
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    assert {d.event.start for d in drafts if d.kind == "event"} == kinds


BARE = """Flood at Dunmore: the day in updates

0915 The river at Dunmore rose above its banks, the county said.
1140 Volunteers opened a shelter in the Kell school hall.
1305 The army sent two boats to the lower town.
1650 Rain eased over the valley, forecasters said.
"""

CHRONOLOGY = """Dunmore's floods

1998 The river rose above its banks at Dunmore.
2004 The county built a wall along the lower town.
2017 Volunteers opened a shelter in the Kell school hall.
"""


def test_a_page_of_bare_clock_stamps_is_read_as_a_live_page_and_a_list_of_years_is_not() -> None:
    day = dt.date(2031, 4, 9)
    assert is_live(BARE, day.year) and not is_live(CHRONOLOGY, day.year)
    events = build_events(BARE, find_timexes(BARE, day), day)
    starts = {e.quote.split()[0]: e.start for e in events}
    assert starts["Volunteers"] == "2031-04-09T11:40"
    assert not any(e.start and e.start < "2000" for e in events)
    years = build_events(CHRONOLOGY, find_timexes(CHRONOLOGY, day), day)
    assert "1998" in {e.start for e in years}


def test_bare_stamps_need_a_capital_after_them() -> None:
    assert stamp_of("1140 Volunteers opened a shelter", bare=True)[1] == "11:40"
    assert stamp_of("1140 volunteers opened a shelter", bare=True)[1] is None
    assert stamp_of("1140 Volunteers opened a shelter")[1] is None  # not without the page's say
    assert stamp_of("2460 Volunteers", bare=True)[1] is None


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
    assert not [e for e in events if e.start == "2031-05-06" and "unaccounted" in e.quote]


@pytest.mark.parametrize(
    ("title", "before", "expected"),
    [
        (
            "The well was capped last week",
            ["Velk Oil said its Tarrow well was leaking.", "Crews worked all night."],
            "The [Tarrow] well was capped last week",
        ),
        (
            "The singer died at her home in Orvik on 3 May",
            ["Fans gathered outside the house of singer Ada Velk."],
            "The singer [Ada Velk] died at her home in Orvik on 3 May",
        ),
        (
            "The former harbour master said the pier was unsafe",
            ["Ole Brandt, the former harbour master, spoke first."],
            "The former harbour master [Ole Brandt] said the pier was unsafe",
        ),
        (
            "The council approved the budget",
            ["The Velmar council met.", "The Dunmore council met too."],
            "The [Dunmore] council approved the budget",
        ),
        ("The council approved the budget", ["The council met."], None),
        ("The move was welcomed", ["The Velmar council voted."], None),
        # an auxiliary is no description's head: "The Herald has learned", "That has helped"
        ("The Herald has learned the pier will shut", ["Mr Orrin has left the board."], None),
        ("That has helped the port", ["Velk Oil has paid for the repairs."], None),
        # a company by the one the sentences before name as such
        (
            "The company said it would pay",
            ["Velk Oil Plc posted a loss.", "Crews worked all night."],
            "The company [Velk Oil] said it would pay",
        ),
        (
            "The oil giant has pledged to pay",
            ["Shares in Velk Oil fell.", "Velk Oil has not commented."],
            "The oil giant [Velk Oil] has pledged to pay",
        ),
        ("The firm said it would pay", ["Velk Oil shares fell as Orvik Gas shares rose."], None),
        ("The firm said it would pay", ["Velk Oil blamed the weather."], None),  # not as a company
        # a person's name is no thing's, nor an institution's a person's
        ("The letter was sent to the council", ["In the letter, Ole Brandt writes."], None),
        ("The president said talks would resume", ["The vice-president, Ada Velk, spoke."], None),
        ("The council approved it", ["The Velmar council and the Dunmore council met."], None),
        # beyond the look-back, by the one name the whole article gives the noun
        (
            "The commission ruled the dam was safe",
            ["The Ardmoor Flood Commission met on Monday."] + ["Rain fell on the hills."] * 9,
            "The [Ardmoor Flood] commission ruled the dam was safe",
        ),
        (
            "The commission ruled the dam was safe",
            ["The Ardmoor Flood Commission met.", "So did the Kelso Water Commission."]
            + ["Rain fell on the hills."] * 9,
            None,
        ),
        # far back, only a name holding the noun: "the Tarrow well" is no relief well's
        (
            "The relief well will reach it in May",
            ["Velk Oil capped the Tarrow well."] + ["Rain fell on the hills."] * 9,
            None,
        ),
        (
            "The commission has until June to report",
            ["Ole Brandt blamed the commission, Velk Oil said."] + ["Rain fell."] * 9,
            None,
        ),
        # a famous person called by another of their trades, however far back
        (
            "The star also denied taking the money",
            ["Orvik-born musician Tam Rellick wept at the launch."] + ["Fans waited outside."] * 9,
            "The star [Tam Rellick] also denied taking the money",
        ),
        (
            "The star also denied taking the money",
            ["Singer Tam Rellick and actor Ode Marsh came.", "Fans waited outside."],
            None,
        ),
        # a company whose noun speaks for the lead's subject
        (
            "The company said its directors would gather",
            ["Velk Oil could cut its payout, the energy giant has confirmed.", "Rain fell."],
            "The company [Velk Oil] said its directors would gather",
        ),
        # shares whose company the sentences before name
        (
            "Shares fell 3% in early trading",
            ["Velk Oil Plc posted a loss.", "Analysts were gloomy."],
            "[Velk Oil] shares fell 3% in early trading",
        ),
        (
            "The firm's shares closed 4% lower",
            ["Velk Oil Plc posted a loss."],
            "The firm [Velk Oil]'s shares closed 4% lower",
        ),
        ("Shares fell 3% in early trading", ["Rain fell on Orvik."], None),
    ],
)
def test_a_title_opening_on_a_description_names_what_it_stands_for(
    title: str, before: list[str], expected: str | None
) -> None:
    assert name_description(title, before) == (expected or title)


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


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Kestrel Mills has claimed repeatedly this week that the weir is safe.", False),
        ("The Ardmoor council has stuck to its estimate of 300 jobs, it said on 4 May.", False),
        ("Kestrel shares have fallen 34% since the blowout, traders said on 2 May.", False),
        ("Often the Velmar divers waited hours on 2 May for the ferry.", False),
        ("On 3 April the growers noted that the mill had repeatedly broken its pledge.", True),
        ("Kestrel shares, which have lost 40% since 20 April, rose 4% on 2 May.", True),
    ],
)
def test_a_habit_a_trend_or_a_running_total_only_supports(sentence: str, kept: bool) -> None:
    text = f"Weir news\n\nThe Velmar weir held.\n{sentence}\n"
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    kinds = [d.kind for d in drafts if d.event.quote[:12] in sentence]
    assert ("event" in kinds) is kept, kinds


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
        ("Four Kestrel barges had docked at Kelso by Thursday evening.", False),
        ("The Orvik inquiry is not due to report until January.", False),
        ("Four Kestrel barges docked at Kelso on Thursday evening.", True),
        ("The Kelso pier was damaged by Tuesday's storm, the council said.", True),
    ],
)
def test_a_date_that_only_ends_a_by_or_an_until_dates_no_event(sentence: str, kept: bool) -> None:
    text = f"Quay news\n\nThe Velmar weir held.\n{sentence}\n"
    day = dt.date(2031, 5, 7)
    drafts = build_mentions(text, find_timexes(text, day), day)
    kinds = [d.kind for d in drafts if d.event.quote.strip() == sentence]
    assert ("event" in kinds) is kept, kinds
