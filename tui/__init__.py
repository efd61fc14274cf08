"""The terminal side of timeline: the click command line and the Textual app."""
