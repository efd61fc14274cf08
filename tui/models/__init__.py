"""What the TUI shows, as plain Python: list layout, page cache, undo. No widgets, no SQL."""
