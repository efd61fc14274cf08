"""Event building: each rule's table, then whole articles of our own through the real tagger."""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files

import pytest

from ingest.anchoring import (
    anchored_duration,
    date_of_value,
    duration_days,
    place_relative,
    relative_cue,
)
from ingest.clauses import reports_event
from ingest.events import build_events
from ingest.sentences import dateline_end, find_headline, split_sentences
from ingest.speech import is_speaker, reported_speech, speaker_name, speech_title
from ingest.timex import find_timexes
from ingest.titles import cut_title, main_actor, shorten_title
from ingest.types import ParsedDate, Timex

PUB = dt.date(2022, 8, 31)


def timex(text: str, phrase: str, type_: str, value: str) -> Timex:
    """The Timex for the first occurrence of phrase in text."""
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, type_, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Headline here\n\nBody one. Body two!", ["Headline here", "Body one.", "Body two!"]),
        ("Maj. Gen. Amir Eshel came. He left.", ["Maj. Gen. Amir Eshel came.", "He left."]),
        ("It met on Aug. 31 in Tokyo. Then rain.", ["It met on Aug. 31 in Tokyo.", "Then rain."]),
        ("The U.S. agreed. J. Smith said so.", ["The U.S. agreed.", "J. Smith said so."]),
        ("He said: “We agree.” She nodded.", ["He said: “We agree.”", "She nodded."]),
        ("Lieutenant General (Ret.) Gantz spoke.", ["Lieutenant General (Ret.) Gantz spoke."]),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel and Japan sign pact\n\nBody text here.", "Israel and Japan sign pact"),
        ("image Photo: Someone (Agency)\n\nJapan, Israel Sign Pact\n", "Japan, Israel Sign Pact"),
        ("# Markdown Headline Of Note\n\nBody.", "Markdown Headline Of Note"),
        ("This article opens with prose at once.\nMore.", None),
        ("Two words\n", None),
    ],
)
def test_find_headline(text: str, expected: str | None) -> None:
    span = find_headline(text)
    assert (text[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers signed a memorandum.", True),
        ("Exports reached a record in 2021.", True),
        ("Russia's invasion of Ukraine began.", True),
        ("He visited Tokyo.", True),
        ("The weather is nice and warm.", False),
        ("In 2021.", False),
    ],
)
def test_reports_event(sentence: str, expected: bool) -> None:
    assert reports_event(sentence) is expected


@pytest.mark.parametrize(
    ("value", "published", "expected"),
    [
        ("2022-08-31", PUB, ParsedDate("2022-08-31", "day")),
        ("2022-08", PUB, ParsedDate("2022-08", "month")),
        ("2022", PUB, ParsedDate("2022", "year")),
        ("2022-08-31T14:30", PUB, ParsedDate("2022-08-31T14:30", "minute")),
        ("2022-08-31TMO", PUB, ParsedDate("2022-08-31", "day", approximate=True)),
        ("2022-W35", PUB, ParsedDate("2022-08-29", "day", "2022-09-04", True)),
        ("2022-W35-WE", PUB, ParsedDate("2022-09-03", "day", "2022-09-04", True)),
        ("2022-Q3", PUB, ParsedDate("2022-07", "month", "2022-09", True)),
        ("2022-H1", PUB, ParsedDate("2022-01", "month", "2022-06", True)),
        ("2022-SU", PUB, ParsedDate("2022-06", "month", "2022-08", True)),
        ("2021-WI", PUB, ParsedDate("2021-12", "month", "2022-02", True)),
        ("199", PUB, ParsedDate("1990", "year", "1999", True)),
        ("19", PUB, ParsedDate("1900", "year", "1999", True)),
        ("PRESENT_REF", PUB, ParsedDate("2022-08-31", "day", approximate=True)),
        ("PAST_REF", PUB, ParsedDate("2022", "year", approximate=True)),
        ("XXXX-08-15", PUB, ParsedDate("2022-08-15", "day", approximate=True)),
        ("XXXX-09-15", PUB, ParsedDate("2021-09-15", "day", approximate=True)),
        ("XXXX-10", PUB, ParsedDate("2021-10", "month", approximate=True)),
        ("PAST_REF", None, None),
        ("XXXX-08-15", None, None),
        ("FUTURE_REF", PUB, None),
        ("2022-02-30", PUB, None),
        ("P2D", PUB, None),
    ],
)
def test_date_of_value(value: str, published: dt.date | None, expected: ParsedDate | None) -> None:
    assert date_of_value(value, published) == expected


@pytest.mark.parametrize(
    ("value", "days"),
    [("P2D", 2), ("P1W", 7), ("P3W", 21), ("P2Y", None), ("P0D", None), ("PXD", None)],
)
def test_duration_days(value: str, days: int | None) -> None:
    assert duration_days(value) == days


@pytest.mark.parametrize(
    ("sentence", "after", "value", "expected"),
    [
        (
            "The pact came upon completion of a two-day visit to Tokyo.",
            " visit to Tokyo.",
            "P2D",
            ParsedDate("2022-08-30", "day", "2022-08-31"),
        ),
        (
            "He is on a three-day trip to Seoul.",
            " trip to Seoul.",
            "P3D",
            ParsedDate("2022-08-29", "day", "2022-08-31", approximate=True),
        ),
        ("He will begin a two-day visit.", " visit.", "P2D", None),
        ("Prices rose for two days.", ".", "P2D", None),
        ("The programme runs for two years of study.", " of study.", "P2Y", None),
    ],
)
def test_anchored_duration(
    sentence: str, after: str, value: str, expected: ParsedDate | None
) -> None:
    assert anchored_duration(sentence, after, value, PUB) == expected


VISIT = ParsedDate("2022-08-30", "day", "2022-08-31")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Upon completion of the meeting, they signed.",
            ParsedDate("2022-08-31", "day", None, True),
        ),
        ("At the close of the talks, they signed.", ParsedDate("2022-08-31", "day", None, True)),
        ("After the meeting, they spoke.", ParsedDate("2022-08-31", "day", None, True)),
        (
            "During the visit, he met officials.",
            ParsedDate("2022-08-30", "day", "2022-08-31", True),
        ),
        ("I have just returned from Washington.", ParsedDate("2022-08", "month", None, True)),
        ("He had just returned from Paris.", ParsedDate("2022-08", "month", None, True)),
        ("They met officials.", None),
    ],
)
def test_relative_placement(sentence: str, expected: ParsedDate | None) -> None:
    cue = relative_cue(sentence)
    assert (place_relative(cue[0], VISIT) if cue else None) == expected


def test_just_returned_before_a_visit_on_the_first_of_a_month_is_the_month_before() -> None:
    anchor = ParsedDate("2022-09-01", "day", "2022-09-02")
    assert place_relative("before", anchor) == ParsedDate("2022-08", "month", None, True)


@pytest.mark.parametrize(
    ("sentence", "date_phrase", "actor", "expected"),
    [
        (
            "Upon completion of the meeting, the ministers signed a memorandum (MOU) that will "
            "“widen exchanges,” a statement said.",
            None,
            None,
            "The ministers signed a memorandum (MOU)",
        ),
        (
            "Arms sales climbed to a record 11 billion dollars ($11bn) in 2021, making it a "
            "top exporter.",
            "2021",
            None,
            "Arms sales climbed to a record 11 billion dollars",
        ),
        (
            "It was the first trip to Japan by an Israeli defence minister since 2012.",
            "2012",
            None,
            "Last trip to Japan by an Israeli defence minister",
        ),
        (
            "The visit was the first time a minister flew to Tokyo since 2012.",
            "2012",
            None,
            "Last time a minister flew to Tokyo",
        ),
        (
            "I have just returned from a visit to our friend – the United States, where I spoke.",
            None,
            "Gantz",
            "Gantz returned from a visit to the United States",
        ),
        (
            "On Tuesday, the minister also met the the envoy.",
            "Tuesday",
            None,
            "The minister met the envoy",
        ),
        (
            "Abe visited Israel again in May 2018, touring firms.",
            "May 2018",
            None,
            "Abe visited Israel again",
        ),
        (
            " ".join(f"word{i}" for i in range(30)) + ".",
            None,
            None,
            "Word0 " + " ".join(f"word{i}" for i in range(1, 12)) + "…",
        ),
    ],
)
def test_cut_title(
    sentence: str, date_phrase: str | None, actor: str | None, expected: str
) -> None:
    span = None
    if date_phrase:
        start = sentence.index(date_phrase)
        span = (start, start + len(date_phrase))
    title = cut_title(sentence, span, actor)
    assert title == expected
    assert len(title) <= 80


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mayor Okafor noted that the new bridge will cut travel times",
            ("Mayor Okafor", "noted", "the new bridge will cut travel times"),
        ),
        (
            "The health minister also warned that the outbreak was spreading",
            ("The health minister", "warned", "the outbreak was spreading"),
        ),
        (
            "Senator Ruiz told reporters in Lima that she had signed the bill",
            ("Senator Ruiz", "told", "she had signed the bill"),
        ),
        (
            "The agency said in a statement that prices will rise",
            ("The agency", "said", "prices will rise"),
        ),
        (
            "The coach said he expects a hard match",
            ("The coach", "said", "he expects a hard match"),
        ),
        (
            "The union warned: “Strikes will follow.”",
            ("The union", "warned", "“Strikes will follow.”"),
        ),
        (
            "“We will rebuild the port,” said Governor Lind.",
            ("Governor Lind", "said", "“We will rebuild the port"),
        ),
        (
            "“Talks went well,” the envoy added.",
            ("the envoy", "added", "“Talks went well"),
        ),
        ("The ministers signed a pact that will widen exchanges", None),
        ("Officials who attended said that talks went well", None),
        ("The report published on Monday said that output fell", None),
        ("The firm announced record profits", None),
    ],
)
def test_reported_speech(text: str, expected: tuple[str, str, str] | None) -> None:
    assert reported_speech(text) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The health minister", True),
        ("Ministers Okafor and Lind", True),
        ("Officials who attended", False),
        ("The treaty signed on Monday", False),
        ("The team has", False),
        ("one two three four five six seven eight nine", False),
    ],
)
def test_is_speaker(phrase: str, expected: bool) -> None:
    assert is_speaker(phrase) is expected


@pytest.mark.parametrize(
    ("speaker", "name"),
    [
        ("Mayor Okafor", "Okafor"),
        ("Finance Minister Ana Ruiz", "Ana Ruiz"),
        ("Ministers Okafor and Lind", "Okafor and Lind"),
        ("Retired General Tom Vale", "Tom Vale"),
        ("A ministry official", "A ministry official"),
        ("Okafor", "Okafor"),
    ],
)
def test_speaker_name(speaker: str, name: str) -> None:
    assert speaker_name(speaker) == name


@pytest.mark.parametrize(
    ("speaker", "verb", "content", "expected"),
    [
        (
            "Mayor Okafor",
            "noted",
            "the bridge will open soon",
            "Okafor says the bridge will open soon",
        ),
        ("The union", "warned", "strikes will follow", "The union warns strikes will follow"),
        (
            "Ministers Okafor and Lind",
            "said",
            "talks went well",
            "Okafor and Lind say talks went well",
        ),
        (
            "City officials",
            "announced",
            "the park will close",
            "City officials announce the park will close",
        ),
        ("Senator Ruiz", "told", "she had signed the bill", "Ruiz signed the bill"),
        (
            "Senator Ruiz",
            "told",
            "she had not signed the bill",
            "Ruiz says she had not signed the bill",
        ),
        ("Governor Lind", "said", "“I have visited every town", "Lind visited every town"),
        ("The union", "said", "“Strikes will follow.”", "The union: Strikes will follow"),
        (
            "Mayor Okafor",
            "said",
            "the bridge will “change the city, for good.” She spoke for an hour.",
            "Okafor says the bridge will change the city, for good",
        ),
    ],
)
def test_speech_title(speaker: str, verb: str, content: str, expected: str) -> None:
    assert speech_title(speaker, verb, content) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The council approved the budget", "The council approved the budget"),
        (
            "The council approved a new budget for the harbour district, which critics say "
            "is far too small",
            "The council approved a new budget for the harbour district",
        ),
        (
            "The council approved a long-delayed budget for the old harbour and rail district "
            "while protesters gathered",
            "The council approved a long-delayed budget for the old harbour and rail district",
        ),
        (
            "The council approved a long-delayed budget for the old harbour district and the "
            "rail yards behind it",
            "The council approved a long-delayed budget",
        ),
        (
            "The new regional council formally approved a much larger and long-delayed budget "
            "backed by the governor",
            "The new regional council formally approved a much larger and long-delayed budget",
        ),
        (
            "The new regional council approved a large and long-delayed emergency budget as "
            "the floods receded",
            "The new regional council approved a large and long-delayed emergency budget",
        ),
        (
            "The regional council and the national planning office agreed to continue funding "
            "rail works",
            "The regional council and the national planning office agreed",
        ),
        (
            "The minister said the new accord acts as a bridge to build far stronger and lasting "
            "links with them",
            "The minister said the new accord acts as a bridge",
        ),
        (
            "Global trade in the region was badly harmed by the long conflict and the sanctions "
            "that followed",
            "Global trade in the region was badly harmed by the long conflict and the…",
        ),
    ],
)
def test_shorten_title(title: str, expected: str) -> None:
    shortened = shorten_title(title)
    assert shortened == expected
    assert len(shortened) <= 80


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "At a press briefing on Friday, Mayor Okafor noted that the new bridge will bring "
            "“lasting benefits to this, both for commuters and for trade.”",
            "Okafor says the new bridge will bring lasting benefits",
        ),
        (
            "Health Minister Ana Ruiz told lawmakers that she had ordered an inquiry into the "
            "delays, which began in spring.",
            "Ana Ruiz ordered an inquiry into the delays",
        ),
        (
            "“The port will reopen within weeks,” said Transport Secretary Tom Vale at the dock.",
            "Tom Vale: The port will reopen within weeks",
        ),
        (
            "Ministers Okafor and Lind emphasized that the accord offers a chance to deepen trade.",
            "Okafor and Lind say the accord offers a chance to deepen trade",
        ),
        (
            "The last time a Nordic head of government traveled to the small mountain kingdom "
            "was long ago.",
            "The last time a Nordic head of government traveled",
        ),
    ],
)
def test_cut_title_of_reported_speech_and_long_sentences(sentence: str, expected: str) -> None:
    title = cut_title(sentence)
    assert title == expected
    assert len(title) <= 80


def test_main_actor_is_the_person_most_named_after_a_role() -> None:
    text = "Defence Minister Ann Lee met Minister Bo Chan. Minister Lee said. President Lee spoke."
    assert main_actor(text) == "Lee"
    assert main_actor("no people here") is None


def test_past_tense_sentence_never_dated_after_publication() -> None:
    text = "Officials said the deal was signed on 5 September."
    found = [timex(text, "5 September", "DATE", "2022-09-05")]
    [event] = build_events(text, found, PUB)
    assert event.start == "2021-09-05"  # a date named without its year: the latest past one
    text = "Officials signed the deal in 2023."
    assert build_events(text, [timex(text, "2023", "DATE", "2023")], PUB) == []


def test_weekday_resolved_after_publication_in_past_sentence_is_dropped_not_moved() -> None:
    text = "Shares fell sharply on Wednesday."
    assert build_events(text, [timex(text, "Wednesday", "DATE", "2022-09-07")], PUB) == []


def test_future_month_without_year_stays_in_the_future() -> None:
    text = "The ministers will sign the deal in December."
    [event] = build_events(text, [timex(text, "December", "DATE", "2022-12")], PUB)
    assert event.start == "2022-12"


def test_future_sentence_may_be_dated_after_publication() -> None:
    text = "The ministers will meet again in 2023."
    [event] = build_events(text, [timex(text, "2023", "DATE", "2023")], PUB)
    assert (event.start, event.precision) == ("2023", "year")


def test_sentence_without_usable_date_gives_no_event() -> None:
    text = "The ministers signed a memorandum. Exports grew for three years."
    assert build_events(text, [timex(text, "three years", "DURATION", "P3Y")], PUB) == []


def test_most_precise_timex_dates_the_sentence() -> None:
    text = "In 2022 the two sides met on 30 August in Tokyo."
    found = [timex(text, "2022", "DATE", "2022"), timex(text, "30 August", "DATE", "2022-08-30")]
    [event] = build_events(text, found, PUB)
    assert (event.start, event.precision) == ("2022-08-30", "day")
    assert text[event.span_start : event.span_end] == "30 August"
    assert event.quote == text
    assert event.details == ""


def test_without_publication_date_relative_dates_are_undated() -> None:
    text = "Officials met last week to sign the deal. The pact was first signed in 2012."
    found = [
        timex(text, "last week", "DATE", "PAST_REF"),
        timex(text, "2012", "DATE", "2012"),
    ]
    undated, dated = build_events(text, found, None)
    assert (undated.start, undated.precision, undated.approximate) == (None, None, True)
    assert text[undated.span_start : undated.span_end] == "last week"
    assert (dated.start, dated.precision) == ("2012", "year")


def test_headline_reporting_an_event_is_dated_at_publication() -> None:
    text = "Japan and Israel sign trade accord\n\nThe economy grew in 2021, data showed."
    events = build_events(text, [timex(text, "2021", "DATE", "2021")], PUB)
    assert [(e.title, e.start, e.precision) for e in events] == [
        ("Japan and Israel sign trade accord", "2022-08-31", "day"),
        ("The economy grew, data showed", "2021", "year"),
    ]


def test_headline_repeated_by_a_dated_sentence_is_not_doubled() -> None:
    text = "Ministers sign defence pact\n\nThe ministers signed a defence pact on Wednesday."
    events = build_events(text, [timex(text, "Wednesday", "DATE", "2022-08-31")], PUB)
    assert [e.title for e in events] == ["The ministers signed a defence pact"]


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("TOKYO, 31 August 2022 - The minister arrived.", "The minister arrived."),
        ("TOKYO (Reuters) - The minister arrived.", "The minister arrived."),
        ("TOKYO, Aug. 31 (Reuters) — The minister arrived.", "The minister arrived."),
        ("NEW YORK, Sept 1, 2022 – Markets fell.", "Markets fell."),
        ("KYIV, Ukraine, 5 March 2022 (AP) -- Sirens sounded.", "Sirens sounded."),
        ("OSLO - Talks resumed.", "Talks resumed."),
        ("The minister arrived in Tokyo - by train.", None),
        ("TOKYO is large - and busy.", None),
        ("Tokyo, 31 August 2022 - The minister arrived.", None),
        ("US officials, in a note - The minister arrived.", None),
    ],
)
def test_dateline_end(sentence: str, rest: str | None) -> None:
    end = dateline_end(sentence)
    assert (sentence[end:] if end is not None else None) == rest


@pytest.mark.parametrize(
    "dateline",
    [
        "TOKYO, 31 August 2022 - ",
        "TOKYO (Reuters) - ",
        "TOKYO, Aug. 31 (Reuters) - ",
    ],
)
def test_dateline_neither_dates_nor_titles_the_first_event(dateline: str) -> None:
    sentence = "The defence minister arrived in Tokyo on Tuesday for a two-day visit."
    text = f"Minister visits Japan\n\n{dateline}{sentence}\n"
    events = build_events(text, find_timexes(text, PUB), PUB)
    arrival = by_title(events, "arrived")
    assert arrival.title == "The defence minister arrived in Tokyo for a two-day visit"
    assert (arrival.start, arrival.precision) == ("2022-08-30", "day")  # Tuesday, not 31 August
    assert text[arrival.span_start : arrival.span_end] == "Tuesday"
    assert arrival.quote == sentence


def test_dateline_alone_dates_nothing() -> None:
    text = "TOKYO, 31 August 2022 (Reuters) - The ministers signed a memorandum.\n"
    assert build_events(text, find_timexes(text, PUB), PUB) == []


def demo_article() -> str:
    """Our own article after the facts of the Israel–Japan defence MOU story."""
    return (files("ingest") / "data" / "demo-article.txt").read_text(encoding="utf-8")


def by_title(events: list, pattern: str) -> object:
    """The one event whose title matches pattern."""
    found = [e for e in events if re.search(pattern, e.title, re.IGNORECASE)]
    assert len(found) == 1, [e.title for e in events]
    return found[0]


def test_demo_article_yields_the_chronology() -> None:
    text = demo_article()
    events = build_events(text, find_timexes(text, PUB), PUB)

    visit = by_title(events, r"two-day visit to Tokyo")
    assert (visit.start, visit.end, visit.precision) == ("2022-08-30", "2022-08-31", "day")
    assert text[visit.span_start : visit.span_end] == "two-day"

    signing = by_title(events, r"signed a memorandum")
    assert signing.start in ("2022-08-30", "2022-08-31")
    assert signing.precision == "day"

    trip = by_title(events, r"returned from Washington")
    assert trip.start.startswith("2022-08") and trip.start < "2022-08-30"
    assert trip.approximate

    previous = by_title(events, r"^Last trip to Japan")
    assert (previous.start, previous.precision) == ("2012", "year")

    record = by_title(events, r"record")
    assert (record.start, record.precision) == ("2021", "year")

    assert all(e.start is None or e.start[:4] <= "2022" for e in events)
    assert all(e.quote and e.quote in text and len(e.title) <= 80 for e in events)
