"""Timeline: turn news articles into a sourced, dated chronology (store, ingest and tui layers)."""
