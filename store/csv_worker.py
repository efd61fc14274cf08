"""A second process that reads and checks a large CSV file while this one inserts its rows.

Reading and checking a record costs about what inserting it does, so on two cores an import
takes the longer of the two rather than their sum. The worker is a fork of this process (the
code and the header's layout are already loaded): it opens the file by its path, sends batches
through a pipe (marshal) and ends with the parent however the parent ends: once nobody reads the
pipe its next write fails, a batch later at most. It ignores Ctrl+C: the parent stops it.
It is used only where that is safe and pays: Linux, a regular file read from its start, no
other threads in this process (a fork copies one thread and whatever locks the others held),
and a core idle when the import starts. TIMELINE_IMPORT_WORKER=never turns it off, =always
uses it whether or not a core is idle (where it is safe).
"""

from __future__ import annotations

import gc
import io
import marshal
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from typing import Any, BinaryIO, TextIO

from timeline.store.errors import BadCSV

MIN_BYTES = 1_000_000
"""Files smaller than this are read in this process: a fork and a pipe cost more than they save."""


class NeedsParser(Exception):
    """A date cell only the natural-language parser reads; the worker has none, so this
    process reads the file itself."""


class WorkerLost(Exception):
    """The worker ended without finishing (killed, out of memory); this process reads the
    file itself."""


def worker_path(inp: TextIO) -> str | None:
    """The path a worker can read `inp` from, or None where this process must read it."""
    wanted = os.environ.get("TIMELINE_IMPORT_WORKER", "")
    if wanted == "never" or sys.platform != "linux" or threading.active_count() > 1:
        return None
    name = getattr(inp, "name", None)
    if not isinstance(name, str):
        return None
    try:
        opened = os.fstat(inp.fileno())
        named = os.stat(name)
        at_start = inp.tell() == 0
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None
    same = (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)
    big = opened.st_size >= MIN_BYTES
    if not (same and at_start and big and stat.S_ISREG(opened.st_mode)):
        return None
    return name if wanted == "always" or _idle_core() else None


def _idle_core() -> bool:
    """Whether a core is idle for the worker: fewer processes running than cores, this one
    included, in one of three looks a few milliseconds apart (a program that only passes
    through does not count). Without one the two processes only take turns, and the import
    is slower than in one."""
    cores = len(os.sched_getaffinity(0))
    for look in range(3):
        if look:
            time.sleep(0.003)
        try:
            with open("/proc/stat", "rb") as counts:
                line = next(line for line in counts if line.startswith(b"procs_running"))
            if int(line.split()[1]) < cores:
                return True
        except (OSError, ValueError, IndexError, StopIteration):
            return False
    return False


def read_in_worker(
    path: str, encoding: str, produce: Callable[[TextIO], Iterator[Any]]
) -> Generator[Any, None, None]:
    """Yield what `produce` yields from the file at `path`, produced in a forked worker.

    Raises:
        BadCSV: what `produce` raised in the worker (the same message).
        NeedsParser: a cell needs the natural-language date parser.
        WorkerLost: the worker died.
    """
    read_end, write_end = os.pipe()
    # Ctrl+C is held back across the fork: the worker must not see it before it ignores it (a
    # KeyboardInterrupt inside the fork's own hooks prints a traceback); this process gets it
    # once the fork is done, inside the block that stops the worker.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    if pid == 0:  # the worker: never returns
        os.close(read_end)
        _work(write_end, path, encoding, produce, held)
    os.close(write_end)
    finished = False
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        with open(read_end, "rb") as pipe:
            while True:
                kind, payload = _receive(pipe)
                if kind == "batch":
                    yield payload
                    continue
                finished = True
                if kind == "done":
                    return
                if kind == "parser":
                    raise NeedsParser(payload)
                raise BadCSV(payload)
    finally:
        if not finished:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _receive(pipe: BinaryIO) -> tuple[str, Any]:
    """One message from the worker: (kind, payload)."""
    head = pipe.read(8)
    size = int.from_bytes(head, "little") if len(head) == 8 else -1
    data = pipe.read(size) if size > 0 else b""
    if size <= 0 or len(data) != size:
        raise WorkerLost("the CSV worker ended early")
    kind, payload = marshal.loads(data)
    return kind, payload


def _send(pipe: BinaryIO, kind: str, payload: Any) -> None:
    """One message to the parent."""
    data = marshal.dumps((kind, payload))
    pipe.write(len(data).to_bytes(8, "little"))
    pipe.write(data)
    pipe.flush()


def _work(
    fd: int,
    path: str,
    encoding: str,
    produce: Callable[[TextIO], Iterator[Any]],
    held: set[int | signal.Signals],
) -> None:
    """The worker's whole life: read, send, exit without running the parent's cleanup."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl+C held since the fork is dropped
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        # a batch's records are garbage as soon as it is sent: reference counts free them,
        # and the collector's passes over them cost a fifth of the worker's time
        gc.disable()
        with open(fd, "wb") as pipe, open(path, encoding=encoding, newline="") as inp:
            try:
                for batch in produce(inp):
                    _send(pipe, "batch", batch)
                _send(pipe, "done", None)
            except BadCSV as exc:
                _send(pipe, "error", str(exc))
            except NeedsParser as exc:
                _send(pipe, "parser", str(exc))
        code = 0
    except BaseException:  # the parent sees the pipe close early and reads the file itself
        pass
    finally:
        os._exit(code)  # never the parent's atexit handlers, buffers or SQLite connection
