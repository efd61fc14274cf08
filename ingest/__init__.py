"""Find dated events in news articles: a temporal tagger plus event building, no SQL, no UI."""
