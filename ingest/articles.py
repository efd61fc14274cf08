"""Read one article (a file or stdin bytes) into checked text, a title and a publication date.

Everything a user can point `timeline ingest` at passes through here first, so each way a file can
be unusable has its own exception with a one-line message. Nothing here looks at the clock: a
publication date comes from the caller, the page, the text or the file name (`published` reads the
last two), or stays unknown.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.html_extract import extract_main_text, published_in_html, read_html
from timeline.ingest.published import published_in_name, published_in_text
from timeline.ingest.reader.sentences import find_headline

MAX_BYTES = 20 * 1000 * 1000
"""Largest article we accept (20 MB, MB being 10^6 bytes as in every size message); a bigger file
is refused from its size alone, before reading it."""

MAX_BAD_FRACTION = 0.10
"""Share of undecodable or control characters up to which non-UTF-8 input still counts as text."""

HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt", ".md", *HTML_SUFFIXES})
"""File kinds a folder is expanded to."""


class ArticleError(Exception):
    """An article that cannot be ingested; str() is a one-line message for the user."""


class ArticleUnreadable(ArticleError):
    """The file is missing or cannot be opened."""


class EmptyArticle(ArticleError):
    """The file holds no text."""


class BinaryArticle(ArticleError):
    """The file holds NUL bytes or is mostly not text."""


class UndecodableArticle(ArticleError):
    """The file is not UTF-8 and too much of it is undecodable to trust a lossy reading."""


class ArticleTooLarge(ArticleError):
    """The file is larger than we are willing to read."""


@dataclass(frozen=True, slots=True)
class Article:
    """A checked article: its text, title and publication date, with what we had to guess."""

    name: str
    text: str
    title: str
    published: dt.date | None
    warnings: tuple[str, ...] = ()


def read_article(
    path: str | os.PathLike[str],
    published: dt.date | None = None,
    title: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """Read and check an article file.

    The size is checked from the file system before any byte is read, so a huge file is refused at
    once.

    Args:
        path: the article file.
        published: publication date given by the user; wins over anything found in the text.
        title: title given by the user; else the headline.
        max_bytes: size limit.

    Returns:
        The checked article.

    Raises:
        ArticleError: one of its subclasses, naming what is wrong with the file.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise ArticleUnreadable(f"{p} is a folder")
        if size > max_bytes:
            raise ArticleTooLarge(_too_large(str(p), size, max_bytes))
        with p.open("rb") as f:
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise ArticleUnreadable(f"no such file: {p}") from None
    except OSError as exc:
        raise ArticleUnreadable(f"cannot read {p}: {exc.strerror or exc}") from None
    return article_from_bytes(
        data,
        name=str(p),
        published=published,
        title=title,
        max_bytes=max_bytes,
        is_html=p.suffix.lower() in HTML_SUFFIXES,
    )


def article_from_bytes(
    data: bytes,
    name: str = "-",
    published: dt.date | None = None,
    title: str | None = None,
    max_bytes: int = MAX_BYTES,
    is_html: bool = False,
) -> Article:
    """Check and decode the bytes of an article (a file's content or stdin).

    Args:
        data: the raw bytes; may be cut at max_bytes + 1 by the reader.
        name: file name, used for messages and as a last source of the publication date.
        published: publication date given by the user.
        title: title given by the user.
        max_bytes: size limit.
        is_html: strip HTML markup before anything else.

    Returns:
        The checked article.

    Raises:
        ArticleError: one of its subclasses, naming what is wrong with the bytes.
    """
    if len(data) > max_bytes:
        raise ArticleTooLarge(_too_large(name, len(data), max_bytes, at_least=True))
    if not data.strip():
        raise EmptyArticle(f"{name} is empty")
    text, warnings = decode_text(data, name)
    page_title = None
    page_date = None
    language = None
    if is_html:
        found_language = _HTML_LANG.search(text[:5000])
        language = found_language[1] if found_language else None
        text = _HUGE_CHARREF.sub("\ufffd", text)
        main_text = None
        if text.count("<") <= MAX_TAGS_TO_EXTRACT:
            main_text, page_title = extract_main_text(text)
            if published is None:
                page_date = published_in_html(text)
        else:
            warnings.append(
                f"over {MAX_TAGS_TO_EXTRACT:,} tags: read whole, without dropping boilerplate"
            )
        if main_text is None or page_title is None:
            fallback, fallback_title = read_html(text)
            text = main_text or fallback
            page_title = page_title or fallback_title
        else:
            text = main_text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyArticle(f"{name} has no text")
    if published is None:
        published = page_date or published_in_text(text, language) or published_in_name(name)
    if published is None:
        warnings.append("no publication date (give --published): relative dates left undated")
    if not title and page_title:
        title = page_title
    if not title:
        span = find_headline(text)
        title = text[span[0] : span[1]] if span else Path(name).stem
    return Article(name, text, title.strip(), published, tuple(warnings))


MAX_TAGS_TO_EXTRACT = 30_000
"""Most tags a page may have for trafilatura and htmldate, which hold a tree of it in memory
(a page of 200,000 paragraphs took over 400 MB and minutes); past it our own streaming reader
reads the page whole. A news page has a few thousand."""
_HUGE_CHARREF = re.compile(r"&#(?:[xX][0-9a-fA-F]{7,}|[0-9]{8,});?")
"""A numeric character reference past any code point (U+10FFFF is 1114111): read as U+FFFD
here, since Python's decoder turns its digits into a number first, and fails on 100,000 of them."""


def decode_text(data: bytes, name: str = "-") -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (or UTF-16 with a BOM), else lossily when it is mostly text.

    Returns:
        The text and warnings about any lossy decoding.

    Raises:
        BinaryArticle: NUL bytes in a file that is not UTF-16.
        UndecodableArticle: not UTF-8 and too much of it undecodable.
    """
    # UTF-32's little-endian mark begins with UTF-16's: look for it first
    wide = next((code for mark, code in _WIDE_MARKS if data.startswith(mark)), None)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise BinaryArticle(f"{name} is not text (broken {wide.upper()})") from None
        if "\x00" in text or bad_fraction(text) > MAX_BAD_FRACTION:
            raise BinaryArticle(f"{name} is mostly NUL or control characters, not text")
        return text, []
    if b"\x00" in data:
        raise BinaryArticle(f"{name} is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad_fraction(text) > MAX_BAD_FRACTION:
            raise UndecodableArticle(
                f"{name} is not UTF-8 text ({bad} undecodable bytes in {len(data)})"
            ) from None
        return text, [f"not valid UTF-8: {bad} undecodable bytes replaced"]
    if bad_fraction(text) > MAX_BAD_FRACTION:
        raise BinaryArticle(f"{name} is mostly control characters, not text")
    return text, []


_WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
"""Byte-order marks of the wide encodings, longest first."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def bad_fraction(text: str) -> float:
    """Share of characters that are replacement or control characters (tab, newlines are fine)."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]+)", re.IGNORECASE)
"""The page's language tag, which decides how a numeric date is read when nothing else does."""


def _too_large(name: str, size: int, limit: int, at_least: bool = False) -> str:
    """One-line message for an oversized article."""
    more = "more than " if at_least else ""
    return f"{name} is too large ({more}{size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
