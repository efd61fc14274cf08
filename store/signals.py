"""Stop signals held across a commit, so that what a program reports after Ctrl+C, SIGTERM or
SIGHUP is what was committed: a signal before COMMIT stops the write (rolled back); one during
or after it waits until the caller has counted the write, then stops the program as usual."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Signals that end a command: held across a commit, never in the middle of one."""


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised as Ctrl+C is so that every transaction under way rolls back."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.number = number


def raise_stopped(number: int, _frame: FrameType | None = None) -> None:
    """A signal handler for SIGTERM and SIGHUP: stop the way Ctrl+C does (see `Stopped`)."""
    raise Stopped(number)


class _Scope:
    """Signals caught while a scope is open: passed on at once until `hold`, then kept."""

    def __init__(self) -> None:
        self.holding = False
        self.pending: list[int] = []
        self.previous: dict[int, Any] = {}

    def handle(self, number: int, frame: FrameType | None) -> None:
        """Keep a signal while holding, else act on it as the handler before us would."""
        if self.holding:
            self.pending.append(number)
            return
        _pass_on(self.previous.get(number), number, frame)


_scope: _Scope | None = None


def _pass_on(handler: Any, number: int, frame: FrameType | None) -> None:
    """Run a signal's earlier handler; the default action (end the process) is taken by
    restoring it and raising the signal again."""
    if callable(handler):
        handler(number, frame)
    elif handler == signal.SIG_DFL:
        signal.signal(number, signal.SIG_DFL)
        signal.raise_signal(number)


@contextmanager
def commit_scope() -> Iterator[None]:
    """A stretch of work in which `hold` may be called: a stop signal before it is acted on at
    once, one after it is acted on when the stretch ends. Nested scopes share the outermost;
    outside the main thread (no signal arrives there) it does nothing."""
    global _scope
    if _scope is not None or threading.current_thread() is not threading.main_thread():
        yield
        return
    scope = _Scope()
    for number in STOP_SIGNALS:
        scope.previous[number] = signal.signal(number, scope.handle)
    _scope = scope
    try:
        yield
    finally:
        _scope = None
        for number, handler in scope.previous.items():
            signal.signal(number, handler)
    if scope.pending:
        _pass_on(scope.previous.get(scope.pending[0]), scope.pending[0], None)


def hold() -> None:
    """From now to the end of the open scope, keep stop signals for later (the commit has
    begun: what follows is reported as done)."""
    if _scope is not None:
        _scope.holding = True


def install_stop_handlers(handler: Callable[[int, FrameType | None], Any] = raise_stopped) -> None:
    """Make SIGTERM and SIGHUP stop a command as Ctrl+C does (main thread only)."""
    for number in STOP_SIGNALS:
        if number != signal.SIGINT:
            signal.signal(number, handler)
