"""The Textual screens of the app, each with its own stylesheet."""
