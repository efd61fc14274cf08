"""Events from whole articles of our own words, one per genre of news page.

Each article in `articles/` has a publication date and a table of sentences: for each, the
event a careful reader expects (a regular expression its title must match from the start, and
its start, end, precision and whether it is approximate), or None when the sentence is no
event. Checks over every article then hold whatever the tables say: titles are stretches of
their sentence, page furniture and opinions make no events, past happenings are not dated
after publication, and every quote and date expression is in the article as written.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from tests.ingest.genre_readings import GENRES, Row, When
from timeline.ingest.reader.clauses import tense
from timeline.ingest.reader.events import build_events
from timeline.ingest.tagger.timex import find_timexes
from timeline.store import NewEvent

ARTICLES = Path(__file__).parent / "articles"


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
            r"\s?\[[^\]:]+\](?=\s|['’]s\b)", "", title
        )  # a description named: "The [Kell] bridge", "The firm [Kell]'s shares"
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
