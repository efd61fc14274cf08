"""Reading articles: each way a file can be unusable, decoding, publication date and title."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from timeline.ingest.articles import (
    ArticleTooLarge,
    ArticleUnreadable,
    BinaryArticle,
    EmptyArticle,
    UndecodableArticle,
    article_from_bytes,
    read_article,
)
from timeline.ingest.html_extract import read_html
from timeline.ingest.published import parse_full_date, published_in_name, published_in_text

BODY = "Ministers sign pact\n\nThe ministers signed a pact in Tokyo on Tuesday.\n"


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", EmptyArticle, "a.txt is empty"),
        (b" \n\t\n", EmptyArticle, "a.txt is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryArticle, "a.txt is a binary file"),
        (bytes(range(128, 256)) * 20, UndecodableArticle, "a.txt is not UTF-8 text"),
        (b"\x01\x02\x03\x04\x05\x06 text" * 20, BinaryArticle, "mostly control characters"),
    ],
)
def test_bad_bytes_are_refused_with_a_one_line_message(
    data: bytes, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        article_from_bytes(data, "a.txt")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_mostly_text_in_another_encoding_is_read_with_a_warning() -> None:
    data = ("Café owners met in Zürich in 2021. " * 20).encode("latin-1")
    article = article_from_bytes(data, "a.txt", published=dt.date(2022, 1, 1))
    assert "Caf\ufffd owners" in article.text
    assert article.warnings == ("not valid UTF-8: 40 undecodable bytes replaced",)


def test_utf8_with_bom_and_utf16_are_read() -> None:
    assert article_from_bytes("\ufeffHello there world".encode()).text == "Hello there world"
    assert article_from_bytes("Hello there world".encode("utf-16")).text == "Hello there world"


def test_oversized_file_is_refused_from_its_size_alone(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB that take no time to write
    began = time.perf_counter()
    with pytest.raises(
        ArticleTooLarge, match=r"big.txt is too large \(52.4 MB; the limit is 20 MB"
    ):
        read_article(big)
    assert time.perf_counter() - began < 0.5


def test_oversized_bytes_are_refused() -> None:
    with pytest.raises(ArticleTooLarge, match="more than"):
        article_from_bytes(b"x" * 101, max_bytes=100)


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ArticleUnreadable, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleUnreadable, match="is a folder"):
        read_article(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\n\nPublished 31 August 2022\n\nBody.", dt.date(2022, 8, 31)),
        ("Headline\nPublished: Aug. 31, 2022 10:15 AM\nBody.", dt.date(2022, 8, 31)),
        ("Headline\nPublished on 2022-08-31\nBody.", dt.date(2022, 8, 31)),
        ("Headline\nPosted 5 March 2021 | Updated 6 March 2021\n", dt.date(2021, 3, 5)),
        ("TOKYO, August 31, 2022 — Ministers met.", dt.date(2022, 8, 31)),
        ("Headline\nPublished 2 hours ago\nBody.", None),
        ("Headline\nPublished in August\nBody.", None),
        ("The treaty was published on 1 May 1990 in full.", None),
        ("No date at all here.", None),
        ("Dam gates opened\n\nMarch 04, 2009\n\nEngineers opened it.", dt.date(2009, 3, 4)),
        ("Dam gates opened\nThu 5 Mar 2009 09.12 GMT\nEngineers opened it.", dt.date(2009, 3, 5)),
        ("Dam\nUpdated 3:14 PM ET, Tue March 22, 2011\nIt opened.", dt.date(2011, 3, 22)),
        ("Dam\nPublished: 10:04AM BST 05 Jun 2010\nIt opened.", dt.date(2010, 6, 5)),
        ("Dam\nLast updated at 14:22 GMT, Saturday, 1 May 2010\nIt opened.", dt.date(2010, 5, 1)),
        ("Dam opened Monday 3 May 2010 08.15 BST Engineers opened it.", dt.date(2010, 5, 3)),
        ("LIMA, Aug 31 (Reuters) - Engineers opened the dam.", None),
        ("Dam\n\nOn March 3, 2009 the company opened the dam.\n", None),
        ("Dam\n\nThe dam, finished on 3 March 2009, opened today.\n", None),
    ],
)
def test_published_in_text(text: str, expected: dt.date | None) -> None:
    assert published_in_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31 August 2022", dt.date(2022, 8, 31)),
        ("Wednesday, 31 Aug. 2022 10:00", dt.date(2022, 8, 31)),
        ("Aug 31st, 2022", dt.date(2022, 8, 31)),
        ("September 1 2022 at noon", dt.date(2022, 9, 1)),
        ("31 Sept 2022", None),
        ("2022-08-31T10:00:00Z", dt.date(2022, 8, 31)),
        ("August 2022", None),
        ("yesterday", None),
        ("2022-02-30", None),
    ],
)
def test_parse_full_date(text: str, expected: dt.date | None) -> None:
    assert parse_full_date(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("news/2022-08-31-gantz-tokyo.txt", dt.date(2022, 8, 31)),
        ("2022-08-31.md", dt.date(2022, 8, 31)),
        ("2022-13-01-bad.txt", None),
        ("2022-08/story.txt", None),
        ("story.txt", None),
    ],
)
def test_published_in_name(name: str, expected: dt.date | None) -> None:
    assert published_in_name(name) == expected


def test_publication_date_given_wins_then_text_then_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2020-01-02-story.txt"
    path.write_text("Ministers sign pact\nPublished 31 August 2022\nThey signed it.\n")
    assert read_article(path).published == dt.date(2022, 8, 31)
    assert read_article(path, published=dt.date(2022, 9, 1)).published == dt.date(2022, 9, 1)
    path.write_text(BODY)
    article = read_article(path)
    assert article.published == dt.date(2020, 1, 2)
    assert article.warnings == ()


def test_missing_publication_date_is_a_warning() -> None:
    article = article_from_bytes(BODY.encode(), "story.txt")
    assert article.published is None
    assert article.warnings == (
        "no publication date (give --published): relative dates left undated",
    )


def test_title_is_the_headline_unless_given() -> None:
    assert article_from_bytes(BODY.encode()).title == "Ministers sign pact"
    assert article_from_bytes(BODY.encode(), title="Mine").title == "Mine"
    prose = b"The ministers signed a pact. They left.\n"
    assert article_from_bytes(prose, "notes/pact-story.txt").title == "pact-story"


def test_html_is_reduced_to_its_text(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Pact</title><style>p {color: red}</style>"
        "<script>alert('x')</script></head><body><h1>Ministers sign pact</h1>"
        "<p>Published 31 August 2022</p><p>They signed &amp; left.<br>Then <b>rain</b>.</p>"
        "</body></html>"
    )
    article = read_article(page)
    assert article.text == (
        "Ministers sign pact\nPublished 31 August 2022\nThey signed & left.\nThen rain.\n"
    )
    assert article.title == "Ministers sign pact"
    assert article.published == dt.date(2022, 8, 31)
    assert read_html("<p>a <i>b</i></p>")[0] == "a b\n"
    assert read_article(page, title="Given").title == "Given"


@pytest.mark.parametrize(
    ("markup", "text", "title"),
    [
        (
            "<title>Pact signed | Daily</title><h1>Ministers sign</h1><p>They signed.</p>",
            "Ministers sign\n\nThey signed.\n",
            "Pact signed | Daily",
        ),
        (
            "<html><body><h1>Ministers <em>sign</em> pact</h1><h1>Later</h1><p>Body.</p>",
            "Ministers sign pact\n\nLater\n\nBody.\n",
            "Ministers sign pact",
        ),
        ("<title>\n  Q&amp;A  on\n the pact </title><p>Body.</p>", "Body.\n", "Q&A on the pact"),
        ("<title> </title><h1>Heading</h1><p>Body.</p>", "Heading\n\nBody.\n", "Heading"),
        ("<p>Only a paragraph.</p>", "Only a paragraph.\n", None),
        (
            "<title>Page</title><p>A chart <svg><title>Bars</title></svg> here.</p>",
            "A chart here.\n",
            "Page",
        ),
    ],
)
def test_read_html_keeps_the_title_apart(markup: str, text: str, title: str | None) -> None:
    assert read_html(markup) == (text, title)


COMMENTED_PAGE = """<html><head><title>Dam opens | Valley Post</title>
<meta property="article:published_time" content="2021-04-06T08:00:00Z"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Valley dam opens after ten years of work</h1>
<p>The new dam on the Rill river opened on Monday after ten years of building work.</p>
<p>Engineers let the first water through the spillway at noon, the operator said.</p></article>
<section id="comments" class="comments"><h2>3 comments</h2>
<div class="comment"><p>riverfan99 wrote: About time, my basement floods every spring.</p></div>
<div class="comment"><p>OldMiller wrote: A waste of money if you ask me.</p></div></section>
<footer>Copyright 2021 Valley Post. All rights reserved.</footer></body></html>"""


def test_html_page_loses_comments_and_navigation_and_dates_from_its_metadata(
    tmp_path: Path,
) -> None:
    page = tmp_path / "dam.html"
    page.write_text(COMMENTED_PAGE)
    article = read_article(page)
    assert "opened on Monday after ten years" in article.text
    assert "wrote:" not in article.text
    assert "basement" not in article.text
    assert "Home" not in article.text
    assert article.published == dt.date(2021, 4, 6)
    assert article.title.startswith("Valley dam opens")
    assert read_article(page, published=dt.date(2021, 4, 7)).published == dt.date(2021, 4, 7)
