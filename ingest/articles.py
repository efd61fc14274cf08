"""Read one article (a file or stdin bytes) into checked text, a title and a publication date.

Everything a user can point `timeline ingest` at passes through here first, so each way a file can
be unusable has its own exception with a one-line message. Nothing here looks at the clock: a
publication date comes from the caller, the text, or the file name, or stays unknown.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from timeline.ingest.html_extract import extract_main_text, published_in_html, read_html
from timeline.ingest.reader.sentences import find_headline
from timeline.store.dates import MONTH_WORD, MONTHS, WEEKDAY_WORD

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


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z_-]+)", re.IGNORECASE)
"""The page's language tag, which decides how a numeric date is read when nothing else does."""
_HEAD_LINES = 25
"""Date lines sit under the headline, at the top of an article; we look no further."""
_STAMP_CHARS = 1500
"""A date run in with a time of day counts only this near the start."""
_PUBLISHED_LINE = re.compile(
    r"^\W{0,3}(?:first\s+|last\s+)?(?:published|posted|updated|date(?:d|line)?)\b",
    re.IGNORECASE,
)
_WEEKDAY = rf"{WEEKDAY_WORD}\.?,?"
_FULL_DATE = re.compile(
    rf"(?:\b{_WEEKDAY}\s+)?(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{{month}})\.?,?"
    rf"|\b(?:{{month}})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+\d{{4}}\b"
    r"|(?<!\d)\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d:])"
    r"|(?<![\d/.])\d{1,2}([/.])\d{1,2}\1\d{4}(?![\d/.])",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|al|and))*\s*[,|•·–—-]\s*"
)
"""A byline run into the date: "By Ilse Marrow, 14 March 2024", "By A. Ode | 3 May 2024"."""
_US_DATE = re.compile(r"\b(?:{month})\.?\s+\d{1,2},\s+\d{4}\b", re.IGNORECASE)
_WORLD_DATE = re.compile(r"\b\d{1,2}\s+(?:{month})\.?,?\s+\d{4}\b", re.IGNORECASE)
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|UK time))?"
_LEFTOVER = re.compile(
    rf"{_CLOCK}|\b(?:{_WEEKDAY}|at|on|updated|last|local time|time|[A-Z]{{2,4}})\b|[\W_]+",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+")
_DATELINE_END = re.compile(r"^\s*(?:\([A-Za-z .]+\)\s*)?[-–—]")
_STAMP = re.compile(rf"^[\s,;|]*(?:{_CLOCK})\b|(?:{_CLOCK})[\s,;|]*$", re.IGNORECASE)


def month_first(text: str, language: str | None = None) -> bool:
    """Whether a numeric date on this page (`04/03/2024`) puts the month first.

    The page's own dates with month names decide ("March 4, 2024" against "4 March 2024");
    failing those, its language (`en-US` writes the month first); else the day comes first, as in
    most of the world's English.
    """
    us, world = len(_US_DATE.findall(text[:20000])), len(_WORLD_DATE.findall(text[:20000]))
    if us != world:
        return us > world
    return (language or "").lower().replace("_", "-") in ("en-us", "en-ph")


def published_in_text(text: str, language: str | None = None) -> dt.date | None:
    """Find the publication date in a date line near the top of the text.

    A date line is a line that is mostly one full date ("January 09, 2008", "Wed 31 Aug 2022
    10.05 BST"), a line that starts with published/posted/updated, or a dateline ("TOKYO, August
    31, 2022 -"); failing those, a full date run in with a time of day near the start ("Friday 14
    May 2010 11.31 BST"), as scraped pages print them. A date inside a sentence of the story is
    none of these. Only full dates count (day, month and year): resolving "2 hours ago" or a
    dateline without a year would need today's date. A byline may run into the date ("By Ilse
    Marrow | 14 March 2024"); a numeric date (`14/03/2024`) is read day first or month first
    as an impossible month, else the page (`month_first`), decides.

    Args:
        text: the article's text.
        language: the page's language tag (`en-GB`, `en-US`), when the page says it.
    """
    first = month_first(text, language)
    for number, line in enumerate(text.split("\n", _HEAD_LINES)):
        if number >= _HEAD_LINES:
            break
        found = _date_line(line.strip(), first)
        if found:
            return found
    head = text[:_STAMP_CHARS]
    for match in _FULL_DATE.finditer(head):
        before = head[max(0, match.start() - 30) : match.start()]
        after = head[match.end() : match.end() + 30]
        if _STAMP.search(before) or _STAMP.search(after):
            found = parse_full_date(match.group(), first)
            if found:
                return found
    return None


def _date_line(line: str, month_first: bool = False) -> dt.date | None:
    """The date of a date line, or None when the line is not one."""
    if len(line) > 120:
        return None
    if _PUBLISHED_LINE.match(line):
        for match in _FULL_DATE.finditer(line):
            return parse_full_date(match.group(), month_first)
        return None
    found = _FULL_DATE.search(line)
    if found is None:
        return None
    match = found
    after = line[match.end() :]
    lead = _DATELINE.match(line) or _BYLINE.match(line)
    rest = line[: match.start()] + " " + after
    if not _LEFTOVER.sub("", rest) or (
        lead is not None
        and lead.end() >= match.start()
        and (_DATELINE_END.match(after) or not _LEFTOVER.sub("", after))
    ):
        return parse_full_date(match.group(), month_first)
    return None


def parse_full_date(text: str, month_first: bool = False) -> dt.date | None:
    """Parse an absolute date with day, month and year ("31 August 2022", "Aug. 31, 2022 10:00",
    "14/03/2024"; a numeric date is day first unless `month_first` or its numbers say otherwise)."""
    text = re.split(r"\s[|•]\s", text, maxsplit=1)[0].strip()
    match = _ISO_DATE.search(text)
    if match:
        return _iso_date(match)
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        first, second, year = (int(part) for part in numeric.groups())
        if first > 12 or (second <= 12 and not month_first):
            return _valid_date(year, second, first)
        return _valid_date(year, first, second)
    found = _day_month_year(text)
    if found is not None:
        return found
    import dateparser  # slow to import: only when needed

    try:
        found = dateparser.parse(
            text,
            languages=["en"],
            settings={
                "PARSERS": ["custom-formats", "absolute-time"],
                "REQUIRE_PARTS": ["day", "month", "year"],
                "STRICT_PARSING": True,
            },
        )
    except (ValueError, OverflowError):
        return None
    return found.date() if found else None


_MONTH = MONTH_WORD
_FULL_DATE = re.compile(_FULL_DATE.pattern.replace("{month}", _MONTH), re.IGNORECASE)
_US_DATE = re.compile(_US_DATE.pattern.replace("{month}", _MONTH), re.IGNORECASE)
_WORLD_DATE = re.compile(_WORLD_DATE.pattern.replace("{month}", _MONTH), re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(
    rf"^(?:\w+day,?\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?|"
    rf"(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)


def _day_month_year(text: str) -> dt.date | None:
    """Read the common English forms "31 August 2022" and "Aug. 31, 2022" without dateparser."""
    match = _DAY_MONTH_YEAR.match(text)
    if not match:
        return None
    month = MONTHS[(match["m1"] or match["m2"]).lower()]
    return _valid_date(int(match["y"]), month, int(match["d1"] or match["d2"]))


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the numbers name no real day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def published_in_name(name: str) -> dt.date | None:
    """Take the publication date from an ISO date (YYYY-MM-DD) in a file name."""
    match = _ISO_DATE.search(Path(name).name)
    return _iso_date(match) if match else None


def _iso_date(match: re.Match[str]) -> dt.date | None:
    """Build a date from a YYYY-MM-DD match, None when it is no real day."""
    return _valid_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _too_large(name: str, size: int, limit: int, at_least: bool = False) -> str:
    """One-line message for an oversized article."""
    more = "more than " if at_least else ""
    return f"{name} is too large ({more}{size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
