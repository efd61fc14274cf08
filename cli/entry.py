"""The `timeline` command's entry point: a Ctrl+C, SIGTERM or SIGHUP while the program is still
loading ends as one during a command does, with one line and the shell's status for the signal
(130 for Ctrl+C), never a traceback or a silent death."""

from __future__ import annotations

import os
import signal
import sys

_STOPS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]


class _Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP while loading (timeline.store.signals takes over once loaded)."""


def _stop(number: int, _frame: object) -> None:
    raise _Stopped(number)


def main() -> None:
    """Load the command line, then run it (see timeline.cli.main.main)."""
    for number in _STOPS:
        signal.signal(number, _stop)
    try:
        from timeline.cli.main import main as run
    except KeyboardInterrupt as exc:
        number = exc.args[0] if isinstance(exc, _Stopped) else signal.SIGINT
        if isinstance(exc, _Stopped):
            sys.stderr.write(f"stopped by {signal.Signals(number).name}: nothing was changed\n")
        else:
            sys.stderr.write("interrupted: nothing was changed\n")
        sys.stderr.flush()
        os._exit(128 + number)
    run()
