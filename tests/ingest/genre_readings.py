"""What a careful reader takes from each fixture article in `articles/`: its publication date and,
sentence by sentence, the event it reports (title pattern and date) or none; its furniture and
opinions. test_genres checks the reader against these tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
                r"The company \[Northwind Foods\]'s shares dropped 6 per cent in early trading",
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
                r"The firm \[Northwind Foods\] opened a new plant in Ohio",
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
