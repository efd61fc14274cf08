"""The `timeline` command's entry point: a Ctrl+C while the program is still loading ends as
one during a command does, with one line and exit status 130, never a traceback."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Load the command line, then run it (see timeline.cli.main.main)."""
    try:
        from timeline.cli.main import main as run
    except KeyboardInterrupt:
        sys.stderr.write("interrupted: nothing was changed\n")
        sys.stderr.flush()
        os._exit(130)
    run()
