"""Events from whole articles of our own words, one per genre of news page.

Each article in `articles/` has a publication date and a table of sentences: for each, the
event a careful reader expects (a regular expression its title must match from the start, and
its start, end, precision and whether it is approximate), or None when the sentence is no
event. Checks over every article then hold whatever the tables say: titles are stretches of
their sentence, page furniture and opinions make no events, past happenings are not dated
after publication, and every quote and date expression is in the article as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from timeline.ingest.reader.clauses import tense
from timeline.ingest.reader.events import build_events
from timeline.ingest.tagger.timex import find_timexes
from timeline.store import NewEvent

ARTICLES = Path(__file__).parent / "articles"

When = tuple[str, str | None, str, bool]
Row = tuple[str, str | None, When | None]
"""A fragment naming one sentence, the title's pattern and its date, or None twice: no event."""


@dataclass(frozen=True)
class Article:
    """One fixture article: when it was published and what a reader takes from it."""

    published: dt.date
    rows: tuple[Row, ...]
    furniture: tuple[str, ...] = ()
    """Fragments of lines that are comments, navigation, bylines or captions."""
    opinions: tuple[str, ...] = ()
    """Fragments of sentences that state a view and report no happening."""


def no_event(fragment: str) -> Row:
    """A row for a sentence that reports no event."""
    return (fragment, None, None)


GENRES: dict[str, Article] = {
    "court": Article(
        dt.date(2024, 3, 14),  # a Thursday
        (
            (
                "on Wednesday struck down",
                r"The Supreme Court struck down a ban",
                ("2024-03-13", None, "day", False),
            ),
            (
                "imposed the ban in June 2019",
                r"The council imposed the ban in June 2019",
                ("2019-06", None, "month", False),
            ),
            (
                "challenged it the following year",
                r"A group of landowners challenged it the following year",
                ("2020", None, "year", False),
            ),
            (
                "Justice Miriam Okoro said",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "said Peter Hales",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "disappointed and would study",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "Ruth Danvers, told reporters",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            no_event("The five judges were unanimous."),
            no_event("Building permits could be issued again within weeks"),
        ),
    ),
    "earthquake": Article(
        dt.date(2023, 11, 8),  # a Wednesday
        (
            (
                "early on Tuesday",
                r"A magnitude 6\.8 earthquake struck the mountainous north of Valdoria",
                ("2023-11-07", None, "day", False),
            ),
            (
                "The quake hit at 4:12",
                r"The quake hit at 4:12 a\.m\. local time",
                ("2023-11-07T04:12", None, "minute", False),
            ),
            (
                "Rescuers worked through the night",
                r"Rescuers worked through the night",
                ("2023-11-07", None, "day", True),
            ),
            (
                "said Lucia Ferrer",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "state of emergency",
                r"The government declared a state of emergency in three provinces",
                ("2023-11-07", None, "day", False),
            ),
            (
                "Neighbouring countries have offered",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "in 1987",
                r"The region was last hit by a large earthquake in 1987",
                ("1987", None, "year", False),
            ),
            (
                "will begin inspecting",
                r"Engineers will begin inspecting schools and hospitals",
                ("2023-11-13", None, "day", False),
            ),
            no_event("Many residents are afraid"),
        ),
    ),
    "election": Article(
        dt.date(2022, 5, 16),  # a Monday
        (
            (
                "finished counting",
                r"Election officials finished counting the last postal ballots",
                ("2022-05-15", None, "day", True),  # "evening": the day, the hour unsaid
            ),
            (
                "Polls closed at 10 p.m.",
                r"Polls closed at 10 p\.m\. on Thursday",
                ("2022-05-12T22:00", None, "minute", False),
            ),
            (
                "resigned on Sunday night",
                r"(?:Its|\[Labour’s\]) local leader, Gregor Pike, resigned",
                ("2022-05-15", None, "day", True),
            ),
            (
                "will meet for the first time",
                r"The new council will meet for the first time on 24 May",
                ("2022-05-24", None, "day", False),
            ),
            (
                "had held the post since 2014",
                r"The previous mayor, Stan Kowal, had held the post since 2014",
                ("2014", None, "year", False),
            ),
            no_event("Haddad is expected to be chosen."),
        ),
    ),
    "football": Article(
        dt.date(2021, 10, 24),  # a Sunday
        (
            (
                "Obi said",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "won four games in a row",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "meet again",
                r"The two sides meet again in the cup quarter-final on 9 November",
                ("2021-11-09", None, "day", False),
            ),
            no_event("Castlebury remain top"),
        ),
    ),
    "company_results": Article(
        dt.date(2019, 8, 1),  # a Thursday
        (
            (
                "said on Thursday that its profit",
                r"Northwind Foods said that its profit fell by 18 per cent",
                ("2019-08-01", None, "day", False),
            ),
            no_event("Pre-tax profit for the second quarter"),
            (
                "Revenue rose",
                r"Revenue rose 3 per cent to \$5\.1 billion",
                ("2019-08-01", None, "day", True),
            ),
            (
                "shares dropped",
                r"The company's shares dropped 6 per cent in early trading",
                ("2019-08-01", None, "day", True),
            ),
            (
                "raised prices in May",
                r"Chief executive Laura Brandt said the firm had raised prices",
                ("2019-05", None, "month", False),
            ),
            (
                "warned in April",
                r"(?:It|\[Northwind\]) warned in April that costs were rising",
                ("2019-04", None, "month", False),
            ),
            (
                "investor day",
                r"The results will be followed by an investor day in London on 18 September",
                ("2019-09-18", None, "day", False),
            ),
            (
                "Analysts at Stonebridge",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "Earlier this year",
                r"The firm opened a new plant in Ohio",
                ("2019", None, "year", False),
            ),
        ),
    ),
    "obituary": Article(
        dt.date(2020, 2, 12),  # a Wednesday
        (
            (
                "died peacefully",
                r"(?:She|\[Halloran\]) died peacefully at her home in Lisbon",
                ("2020-02-10", None, "day", False),
            ),
            (
                "Born in Dublin",
                r"Born in Dublin on 3 June 1928",
                ("1928-06-03", None, "day", False),
            ),
            (
                "moved to Portugal",
                r"(?:She|\[Halloran\]) studied in Edinburgh and moved to Portugal in 1955",
                ("1955", None, "year", False),
            ),
            (
                "opened in 1961",
                r"(?:Her|\[Halloran’s\]) first building, a school for deaf children, opened",
                ("1961", None, "year", False),
            ),
            (
                "founded her own practice",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "said the architect Tomas Reyes",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "died in 2012",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "memorial service",
                r"A memorial service will be held in Lisbon",
                ("2020-03", None, "month", False),
            ),
            no_event("She is survived by"),
        ),
    ),
    "wire": Article(
        dt.date(2022, 9, 6),  # a Tuesday
        (
            (
                "walked out on Monday",
                r"Dock workers at Kestrel Bay, the country's largest grain port, walked out",
                ("2022-09-05", None, "day", False),
            ),
            (
                "joined the strike",
                r"About 3,000 workers joined the strike",
                ("2022-09-05", None, "day", True),
            ),
            (
                "queued outside the harbour",
                r"Ships waiting to load wheat and maize queued outside the harbour",
                ("2022-09-06", None, "day", True),
            ),
            (
                "broken down late on Sunday",
                r"The port authority said talks with the union had broken down",
                ("2022-09-04", None, "day", False),
            ),
            (
                "in March 2012",
                r"The last strike at the port, in March 2012, lasted nine days",
                ("2012-03", None, "month", False),
            ),
            (
                "due to resume",
                r"Talks are due to resume",
                ("2022-09-08", None, "day", False),
            ),
            no_event("Exporters fear"),
        ),
        furniture=("(Reporting by Jan Olsen",),
    ),
    "liveblog": Article(
        dt.date(2024, 7, 13),  # a Saturday
        (
            (
                "peaked at 5.2 metres",
                r"The river at Ferrow peaked at 5\.2 metres a few minutes ago",
                ("2024-07-13", None, "day", True),
            ),
            (
                "Police have closed the A34",
                r"Police have closed the A34 between Ferrow and Dunley",
                ("2024-07-13", None, "day", True),
            ),
            (
                "will visit the area tomorrow",
                r"The prime minister will visit the area",
                ("2024-07-14", None, "day", False),
            ),
            (
                "spent last night",
                r"About 400 people spent last night in emergency shelters",
                ("2024-07-12", None, "day", True),
            ),
            (
                "since Thursday evening",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            no_event("18:40"),
            no_event("16:52"),
            no_event("Welcome to our live coverage"),
        ),
        furniture=("Updated 13 July 2024", "Share this page"),
    ),
    "opinion": Article(
        dt.date(2023, 4, 20),  # a Thursday
        (
            (
                "closed in 2016",
                r"When the old market hall closed in 2016, we were promised a library",
                ("2016", None, "year", False),
            ),
            no_event("Seven years later, we are being offered"),
            (
                "approved the scheme on Tuesday",
                r"The planning committee approved the scheme",
                ("2023-04-18", None, "day", False),
            ),
            (
                "will vote on the scheme",
                r"The full council will vote on the scheme on 3 May",
                ("2023-05-03", None, "day", False),
            ),
        ),
        furniture=("By Helen Marsh",),
        opinions=(
            "I think the council has lost its way.",
            "In my view, that is a betrayal",
            "We should be asking why",
            "It is a disgrace.",
            "Surely we can be as bold",
            "Councillors still have time",
            "Let's hope they do.",
        ),
    ),
    "comments_page": Article(
        dt.date(2021, 3, 10),  # a Wednesday
        (
            (
                "reopened to traffic on Tuesday",
                r"The Kell Bridge reopened to traffic",
                ("2021-03-09", None, "day", False),
            ),
            (
                "first car crossed",
                r"The first car crossed at 6am",
                ("2021-03-09T06:00", None, "minute", False),
            ),
            (
                "built in 1898",
                r"The \[Kell\] bridge was built in 1898",
                ("1898", None, "year", False),
            ),
        ),
        furniture=(
            "Home | News",
            "By Tom Ashby",
            "Image caption",
            "Share this story",
            "Related stories",
            "Council approves new cycle lanes",
            "Ferry fares to rise in April",
            "Comments (3)",
            "Jan_R wrote",
            "About time! I waited two years",
            "I think they should have built a new bridge in 2019",
            "The detour added an hour",
            "Report abuse",
        ),
    ),
    "space_launch": Article(
        dt.date(2025, 2, 21),  # a Friday
        (
            (
                "lifted off",
                r"A privately built lunar lander lifted off from the Tessaly launch site",
                ("2025-02-21T03:47", None, "minute", False),
            ),
            (
                "on Tuesday, was scrubbed",
                r"The first attempt was scrubbed",
                ("2025-02-18", None, "day", False),
            ),
            (
                "A second try the next day",
                r"A second try the next day was abandoned",
                ("2025-02-19", None, "day", False),
            ),
            (
                "due to reach lunar orbit",
                None,  # "It" with no clear antecedent: a supporting mention
                None,
            ),
            no_event("If it succeeds"),
            (
                "founded in 2016",
                r"The company behind it, Orrery Space, was founded in 2016",
                ("2016", None, "year", False),
            ),
            (
                "crashed during its descent",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
        ),
    ),
    "protest": Article(
        dt.date(2018, 11, 12),  # a Monday
        (
            (
                "The protest began last Monday",
                r"The protest began last Monday",
                ("2018-11-05", None, "day", False),
            ),
            (
                "arrested that day",
                r"Eleven people were arrested that day",
                ("2018-11-07", None, "day", False),
            ),
            (
                "The next day, the prime minister",
                r"The next day, the prime minister invited the farmers' leaders to talks",
                ("2018-11-08", None, "day", False),
            ),
            (
                "late into Friday night",
                r"Those talks ran late into Friday night and ended without a deal",
                ("2018-11-09", None, "day", True),
            ),
            (
                "A second round on Saturday",
                r"A second round produced the compromise",
                ("2018-11-10", None, "day", False),
            ),
            (
                "phased in from January 2020",
                r"Under it, the tax will be phased in from January 2020",
                ("2020-01", None, "month", False),
            ),
            (
                "said Rosa Inglada",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "Shopkeepers in the centre said",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
            (
                "has promised to return",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
        ),
    ),
    "recall": Article(
        dt.date(2017, 6, 29),  # a Thursday
        (
            (
                "the company said on Wednesday",
                r"Velora Motors is recalling about 240,000 cars in Europe",
                ("2017-06-28", None, "day", False),
            ),
            (
                "first reported by a dealer",
                r"The fault was first reported by a dealer in Belgium in January",
                ("2017-01", None, "month", False),
            ),
            (
                "knew of no injuries",
                r"Velora said it knew of no injuries",
                ("2017-06-28", None, "day", True),
            ),
            (
                "receive letters from next week",
                r"Owners will receive letters from next week",
                ("2017-07-03", "2017-07-09", "day", True),
            ),
            (
                "fell 1.5 per cent",
                None,  # a supporting mention now: see ingest.keep
                None,
            ),
        ),
    ),
    "weather": Article(
        dt.date(2020, 1, 15),  # a Wednesday
        (
            (
                "issued a red wind warning",
                r"Forecasters issued a red wind warning for the west coast",
                ("2020-01-15", None, "day", True),
            ),
            (
                "Gusts of up to 100 mph",
                r"Gusts of up to 100 mph are expected",
                ("2020-01-16T18:00", "2020-01-17T12:00", "minute", False),
            ),
            (
                "formed over the Atlantic",
                r"Storm Imelda formed over the Atlantic",
                ("2020-01-13", None, "day", False),
            ),
            (
                "will close tomorrow",
                r"Schools in the worst-hit areas will close",
                ("2020-01-16", None, "day", False),
            ),
            no_event("Residents are being told"),
        ),
        opinions=("Drivers should avoid coastal roads.",),
    ),
    "transfer": Article(
        dt.date(2019, 7, 3),  # a Wednesday
        (
            (
                "have opened talks",
                r"Castlebury have opened talks with Porto Real",
                ("2019-07-03", None, "day", True),
            ),
            (
                "watched him play",
                r"Castlebury's manager, Ines Vidal, watched him play against Braga",
                ("2019-06-30", None, "day", False),
            ),
            (
                "a club spokesman said on Tuesday",
                r"A club spokesman: “He is a player we admire, but there is nothing to say yet”",
                ("2019-07-02", None, "day", False),
            ),
            (
                "in January 2017",
                r"Lemos joined them from Santos in January 2017",
                ("2017-01", None, "month", False),
            ),
            (
                "window closes",
                r"The transfer window closes on 2 September",
                ("2019-09-02", None, "day", False),
            ),
            (
                "sold their top scorer",
                r"Castlebury sold their top scorer, Leon Marsh, to a German club",
                ("2019-06", None, "month", False),
            ),
            no_event("Porto Real are believed"),
            no_event("Any deal would be"),
        ),
    ),
}


def article_text(genre: str) -> str:
    """The text of a fixture article."""
    return (ARTICLES / f"{genre}.txt").read_text(encoding="utf-8")


@cache
def events_of(genre: str) -> tuple[NewEvent, ...]:
    """Events the real tagger and builder make of a fixture article."""
    text, published = article_text(genre), GENRES[genre].published
    return tuple(build_events(text, find_timexes(text, published), published))


def when(event: NewEvent) -> When:
    """An event's date as one comparable tuple."""
    return event.start, event.end, event.precision, event.approximate  # type: ignore[return-value]


def words(text: str) -> list[str]:
    """The words of a text, for checking that a title is a stretch of its sentence."""
    return re.findall(r"[\w’'-]+", text.lower().replace("’", "'"))


def is_stretch(part: str, sentence: str) -> bool:
    """Whether the part's words appear in the sentence as one contiguous run."""
    part_words, sentence_words = words(part), words(sentence)
    n = len(part_words)
    starts = range(len(sentence_words) - n + 1)
    return n > 0 and any(sentence_words[i : i + n] == part_words for i in starts)


def line_of(text: str, fragment: str) -> tuple[int, int]:
    """The offsets of the line holding a fragment."""
    at = text.index(fragment)
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


CASES = [(genre, row) for genre, article in GENRES.items() for row in article.rows]


@pytest.mark.parametrize(("genre", "row"), CASES, ids=[f"{g}: {r[0]}" for g, r in CASES])
def test_a_reader_would_agree_with_the_event(genre: str, row: Row) -> None:
    fragment, title, expected = row
    assert fragment in article_text(genre)
    made = [event for event in events_of(genre) if fragment in event.quote]
    if expected is None:
        assert made == []
        return
    assert title is not None
    main = [event for event in made if re.match(title, event.title)]
    assert len(main) == 1, [e.title for e in made]
    assert when(main[0]) == expected
    # a sentence that dates two happenings gives the second its own event, dated later in it
    for other in made:
        if other is not main[0]:
            assert other.span_start is not None and main[0].span_end is not None
            assert other.span_start > main[0].span_end, other.title


ALL = sorted(GENRES)


@pytest.mark.parametrize("genre", ALL)
def test_every_article_makes_events(genre: str) -> None:
    assert len(events_of(genre)) >= 3


@pytest.mark.parametrize("genre", ALL)
def test_every_quote_and_date_expression_is_in_the_article(genre: str) -> None:
    text = article_text(genre)
    for event in events_of(genre):
        assert event.quote and event.quote in text
        if event.span_start is not None:
            assert text[event.span_start : event.span_end] == event.date_text
            start = text.index(event.quote)
            assert start <= event.span_start < event.span_end <= start + len(event.quote)


_SPEAKER_FORM = re.compile(r"(?P<speaker>[^:“”]+): “(?P<words>[^“”]+)”")
_ASIDE_PRONOUN = re.compile(r"(?:,|\s[–—-])\s+(?:which|who)\s+")


def without_date_words(quote: str, written: str | None) -> str:
    """The quote without the relative time words that dated it and their preposition ("on
    Tuesday", "last week"): a title leaves them to the date column."""
    if not written:
        return quote
    pattern = r"(?:\b(?:also|just|earlier|later|late|early)\s+)?(?:\b(?:on|at|over|during|in)\s+)?"
    return re.sub(pattern + rf"{re.escape(written)}(?:\s+ago)?,?", " ", quote, count=1)


_DANGLING_END = re.compile(
    r"(?:\b(?:and|but|or|nor|the|a|an|of|to|which|who|whose|that|when|while|because|with|"
    r"from|by|in|on|at|for|its|their|his|her)|['’]s|,)$",
    re.IGNORECASE,
)


@pytest.mark.parametrize("genre", ALL)
def test_titles_are_stretches_of_their_quote(genre: str) -> None:
    for event in events_of(genre):
        title = event.title.rstrip("…").strip()
        title = re.sub(r"^\[[^\]]+\]", "", title).strip()  # a pronoun named: "[Okafor] said"
        title = re.sub(
            r"\s?\[[^\]:]+\](?=\s)", "", title
        )  # a description named: "The [Kell] bridge"
        speech = _SPEAKER_FORM.fullmatch(title)
        if speech:
            assert is_stretch(speech["speaker"], event.quote), title
            assert is_stretch(speech["words"].rstrip("…"), event.quote), title
        else:  # an aside's happening is its noun and its words, without "which" / "who"
            untimed = without_date_words(event.quote, event.date_text)
            assert any(
                is_stretch(title, quote)
                for quote in (event.quote, untimed, _ASIDE_PRONOUN.sub(" ", event.quote))
            ), title
        assert not re.match(r"^['’]s\b|^(?:and|but|or|so|which|who)\b", title, re.I), title
        assert not _DANGLING_END.search(title), title


@pytest.mark.parametrize("genre", ALL)
def test_no_event_comes_from_furniture_or_opinion(genre: str) -> None:
    text, article = article_text(genre), GENRES[genre]
    lines = [line_of(text, fragment) for fragment in article.furniture]
    for event in events_of(genre):
        start = text.index(event.quote)
        end = start + len(event.quote)
        assert not any(a < end and start < b for a, b in lines), event.quote
        assert not any(opinion in event.quote for opinion in article.opinions), event.quote


@pytest.mark.parametrize("genre", ALL)
def test_no_past_happening_is_dated_after_publication(genre: str) -> None:
    published = GENRES[genre].published.isoformat()
    for event in events_of(genre):
        if event.start is not None and tense(event.quote) == "past":
            assert event.start[:10] <= published, event.quote
