"""Find dated events in news articles: a temporal tagger plus event building, no SQL, no UI."""

from timeline.ingest.tagger.timex import find_timexes

__all__ = ["find_timexes"]
