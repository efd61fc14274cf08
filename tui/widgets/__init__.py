"""The Textual widgets the screens are built from."""
