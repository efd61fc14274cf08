"""Publication dates from the lines news pages print under a headline: a place, a byline or a
label before the date, ISO stamps, and numeric dates read day first or month first."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.ingest.articles import article_from_bytes
from timeline.ingest.published import published_in_text

BODY = "\n\nThe harbour board of Quenby voted yesterday to close the north pier.\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Quenby Sound, 14 March 2029", dt.date(2029, 3, 14)),
        ("Quenby Sound, March 14, 2029", dt.date(2029, 3, 14)),
        ("By Ilse Marrow, 14 March 2029", dt.date(2029, 3, 14)),
        ("By Ilse Marrow | 14 March 2029", dt.date(2029, 3, 14)),
        ("By Ilse Marrow and Teo Brand, March 2, 2029", dt.date(2029, 3, 2)),
        ("Published: 14/03/2029 09:12", dt.date(2029, 3, 14)),
        ("Published: 03/14/2029 09:12", dt.date(2029, 3, 14)),
        ("Updated 2 May 2029", dt.date(2029, 5, 2)),
        ("Posted on May 2, 2029", dt.date(2029, 5, 2)),
        ("2029-05-02T08:15:00Z", dt.date(2029, 5, 2)),
        ("2029-05-02 08:15", dt.date(2029, 5, 2)),
        ("Published 02.05.2029", dt.date(2029, 5, 2)),
    ],
)
def test_date_lines_under_the_headline(line: str, expected: dt.date) -> None:
    assert published_in_text(f"Pier to close\n{line}{BODY}") == expected


def test_a_numeric_date_follows_the_pages_own_dates() -> None:
    us_page = f"Pier to close\nPublished: 04/03/2029{BODY}The vote of February 27, 2029 stood.\n"
    world_page = f"Pier to close\nPublished: 04/03/2029{BODY}The vote of 27 February 2029 stood.\n"
    assert published_in_text(us_page) == dt.date(2029, 4, 3)
    assert published_in_text(world_page) == dt.date(2029, 3, 4)


def test_a_numeric_date_follows_the_order_the_pages_other_numeric_dates_show() -> None:
    """A second numeric date whose numbers can only be read one way shows the page's order."""
    us_page = f"Pier to close\nPublished: 04/03/2029{BODY}The levy lapsed on 02/27/2029.\n"
    world_page = f"Pier to close\nPublished: 04/03/2029{BODY}The levy lapsed on 27/02/2029.\n"
    assert published_in_text(us_page) == dt.date(2029, 4, 3)
    assert published_in_text(world_page) == dt.date(2029, 3, 4)


def test_a_numeric_date_follows_the_pages_language_when_nothing_else_decides() -> None:
    text = f"Pier to close\nPublished: 04/03/2029{BODY}"
    assert published_in_text(text) == dt.date(2029, 3, 4)
    assert published_in_text(text, "en-US") == dt.date(2029, 4, 3)
    page = '<html lang="en-US"><body><h1>Pier to close</h1><p>Published: 04/03/2029</p>'
    page += "<p>The harbour board of Quenby voted yesterday to close the north pier.</p>"
    page += "</body></html>"
    article = article_from_bytes(page.encode(), "pier.html", is_html=True)
    assert article.published == dt.date(2029, 4, 3)


@pytest.mark.parametrize(
    "line",
    [
        "By the harbour, 14 March 2029 was a grey day for the crews",
        "Quenby Sound, where the pier stands, has 14 berths",
        "Published: 31/31/2029",
    ],
)
def test_lines_that_are_not_date_lines(line: str) -> None:
    assert published_in_text(f"Pier to close\n{line}{BODY}") is None


def test_html_time_element_gives_the_date() -> None:
    page = (
        "<html><head><title>Pier to close</title></head><body><article><h1>Pier to close</h1>"
        '<time datetime="2029-05-02T08:15:00+01:00">2 May</time>'
        "<p>The harbour board of Quenby voted yesterday to close the north pier, "
        "ending two centuries of fishing from its steps.</p></article></body></html>"
    )
    assert article_from_bytes(page.encode(), "pier.html", is_html=True).published == dt.date(
        2029, 5, 2
    )
