"""The `timeline` command line: click commands that parse flags and call store/ and ingest/."""
