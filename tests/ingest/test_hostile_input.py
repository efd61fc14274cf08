"""Articles built to hang or blow up the reader: a FIFO in a folder, a page of countless
paragraphs, a numeric character reference of thousands of digits, a sentence of thousands of
dates. Each is read (or skipped) with a warning, never a hang or a traceback."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli.main import cli
from timeline.ingest.articles import MAX_TAGS_TO_EXTRACT, BinaryArticle, article_from_bytes
from timeline.ingest.pipeline import SKIPPED, analyse, expand_paths, ingest_paths
from timeline.ingest.reader.anchoring import LOOK_BACK, looking_back
from timeline.ingest.reader.asides import quotation_around
from timeline.store import Store

STORY = "Ferry resumes\n\nThe ferry to Tallow Rock resumed sailing on 4 May 2023 after repairs.\n"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@pytest.fixture
def folder_with_fifo(tmp_path: Path) -> Path:
    """A folder of one article and a FIFO named like an article, which no one ever writes."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    return folder


@needs_fifo
def test_a_fifo_in_a_folder_is_listed_as_skipped_not_to_read(folder_with_fifo: Path) -> None:
    skipped: list[str] = []
    assert expand_paths([folder_with_fifo], skipped) == [str(folder_with_fifo / "a.txt")]
    assert skipped == [str(folder_with_fifo / "b.txt")]


@needs_fifo
@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_of_a_folder_with_a_fifo_saves_the_rest_and_warns(
    folder_with_fifo: Path, tmp_path: Path, jobs: int
) -> None:
    with Store.open(tmp_path / "t.db") as store:
        results = ingest_paths(store, [folder_with_fifo], dt.date(2023, 5, 5), jobs=jobs)
        assert [(Path(r.path).name, r.ok, r.warnings[-1:]) for r in results] == [
            ("a.txt", True, ()),
            ("b.txt", True, (SKIPPED,)),
        ]
        assert results[0].added >= 1
        assert results[1].added == 0


@needs_fifo
def test_the_ingest_command_warns_of_the_fifo_on_one_line(
    folder_with_fifo: Path, tmp_path: Path
) -> None:
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(folder_with_fifo)])
    assert result.exit_code == 0, result.output
    assert f"warning: {folder_with_fifo / 'b.txt'}: {SKIPPED}" in result.stderr.splitlines()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_a_page_of_countless_paragraphs_is_read_whole_by_the_streaming_reader() -> None:
    count = MAX_TAGS_TO_EXTRACT // 2 + 10  # two tags a paragraph: just over the limit
    body = "".join(f"<p>Lamp {n} lit.</p>" for n in range(count))
    page = f"<html><head><title>Lamps</title></head><body>{body}</body></html>".encode()
    article = article_from_bytes(page, "lamps.html", dt.date(2023, 1, 9), is_html=True)
    assert article.title == "Lamps"
    assert article.text.count("lit.") == count
    assert any("read whole" in warning for warning in article.warnings)


@pytest.mark.parametrize("reference", ["&#" + "7" * 100_000 + ";", "&#x" + "f" * 5000 + ";"])
def test_a_numeric_reference_of_thousands_of_digits_is_a_replacement_character(
    reference: str,
) -> None:
    page = f"<html><body><p>The quay at Brisk {reference} opened on 2 June 2021.</p></body></html>"
    article = article_from_bytes(page.encode(), "quay.html", dt.date(2021, 6, 3), is_html=True)
    assert "Brisk \ufffd opened on 2 June 2021" in article.text


def test_extract_reads_such_a_page_without_a_traceback(tmp_path: Path) -> None:
    page = tmp_path / "quay.html"
    page.write_text("<p>The quay opened on 2 June 2021 &#" + "9" * 20_000 + ";</p>")
    result = CliRunner().invoke(cli, ["extract", str(page), "--published", "2021-06-03"])
    assert result.exit_code == 0, result.output
    assert '"value": "2021-06-02"' in result.stdout


def test_what_is_read_before_an_expression_is_bounded() -> None:
    sentence = "The board met " + "; ".join(f"on {d} March 1990" for d in range(1, 29)) * 20
    assert looking_back(sentence, len(sentence)) == sentence[-LOOK_BACK:]
    assert looking_back(sentence, 10) == sentence[:10]


def test_quotations_found_once_still_say_which_words_an_offset_is_in() -> None:
    text = 'She said "the pier opens in May" and later "it closed in June" again.'
    assert quotation_around(text, text.index("May")) == "the pier opens in May"
    assert quotation_around(text, text.index("June")) == "it closed in June"
    assert quotation_around(text, text.index("later")) is None
    assert quotation_around(text, text.index("again")) is None
    assert quotation_around(text, 0) is None


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16"])
def test_wide_encodings_with_a_byte_order_mark_are_read_as_written(encoding: str) -> None:
    data = STORY.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    article = article_from_bytes(data, "ferry.txt", dt.date(2023, 5, 5))
    assert article.text == STORY


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xfe" + b"\x00" * 4000,
        b"\xff\xfe\x00\x00" + b"\x00" * 4000,
        b"\xfe\xff" + b"\x00" * 64,
    ],
)
def test_nul_filled_text_is_refused_as_not_text(data: bytes) -> None:
    with pytest.raises(BinaryArticle):
        article_from_bytes(data, "blank.txt", dt.date(2023, 5, 5))


def test_a_one_paragraph_article_read_as_comments_says_so() -> None:
    text = (
        "The ferry to Tallow Rock resumed sailing on 4 May 2023. At 09:30 on 4 May, "
        "harbourmaster Dunmore wrote: the crossing was calm.\n"
    )
    article = article_from_bytes(text.encode(), "ferry.txt", dt.date(2023, 5, 5))
    found = analyse(article)
    assert [d for d in found.kinds or () if d == "event"] or any(
        "read as reader comments" in warning for warning in found.warnings
    )


def test_an_article_with_comments_below_the_news_has_no_such_warning() -> None:
    text = (
        "Ferry back\n\nThe ferry to Tallow Rock resumed sailing on 4 May 2023.\n\n"
        "At 10:14 on 5 May, Kestrel77 wrote: about time.\n"
    )
    article = article_from_bytes(text.encode(), "ferry.txt", dt.date(2023, 5, 5))
    found = analyse(article)
    assert [event.start for event in found.events] == ["2023-05-04"]
    assert not any("reader comments" in warning for warning in found.warnings)
