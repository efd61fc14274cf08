"""Worker processes for `ingest --jobs N` that end with their parent and cost only their own
article when they die.

Workers ignore Ctrl+C (the parent stops them and says what was kept) and ask the kernel to kill
them when the parent dies, however it dies (Linux `PR_SET_PDEATHSIG`; elsewhere they notice a
changed parent when they take their next task). When a worker dies mid-task, the pool is rebuilt
and the unfinished files are analysed again; a file that was in flight twice when a worker died
is then analysed alone, so that the one that kills its worker fails by itself.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
K = TypeVar("K")

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies, however it dies (Linux
    `PR_SET_PDEATHSIG`): a worker busy on a long article writes nothing that would fail sooner.
    Exit at once if `parent` is already gone."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)


def _worker_init(parent: int) -> None:
    """Run in each worker: ignore Ctrl+C, die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers die with this process and ignore Ctrl+C."""
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))


def stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: cancel what has not started and kill the workers."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def run_tasks(
    work: Callable[[Sequence[K]], list[T]],
    chunks: Sequence[Sequence[K]],
    jobs: int,
    on_done: Callable[[Sequence[K], list[T]], None],
    on_lost: Callable[[K], T],
) -> None:
    """Run `work` over chunks of files (hashable items) in `jobs` processes; `on_done` per chunk.

    Args:
        work: analyses a chunk in a worker; returns one result per file.
        chunks: the files, in tasks.
        jobs: worker processes.
        on_done: called in this process with each chunk and its results, as they finish.
        on_lost: the result for a file whose worker died while analysing it alone.

    A KeyboardInterrupt stops the workers and propagates.
    """
    pending: list[Sequence[K]] = list(chunks)
    strikes: dict[K, int] = {}
    while pending:
        alone = [c for c in pending if len(c) == 1 and strikes.get(c[0], 0) >= 2]
        together = [c for c in pending if c not in alone]
        pending = []
        if together:
            pending += _round(work, together, jobs, on_done, strikes)
        for chunk in alone:
            if _round(work, [chunk], 1, on_done, strikes):
                on_done(chunk, [on_lost(chunk[0])])


_AHEAD = 2
"""Tasks handed to the pool per worker at a time; the rest wait here, so a dying worker breaks
a pool with few tasks in its queues. CPython's executor has had deadlocks around a dying worker
and busy queues (gh-94777, gh-105829, gh-125451); one 300 s hang of the killed-worker test on a
clean clone, not reproduced in 60 runs since, is why this is careful."""


def _round(
    work: Callable[[Sequence[K]], list[T]],
    chunks: Sequence[Sequence[K]],
    jobs: int,
    on_done: Callable[[Sequence[K], list[T]], None],
    strikes: dict[K, int],
) -> list[Sequence[K]]:
    """Run chunks in one pool until it ends or breaks; returns the chunks left undone: those in
    flight when it broke split into single files, each with a strike, then those never sent."""
    pool = _new_pool(jobs)
    todo = list(reversed(chunks))
    futures: dict[Future[Any], Sequence[K]] = {}
    waiting: set[Future[Any]] = set()
    undone: list[Sequence[K]] = []
    broken = False

    def fill() -> bool:
        """Hand the pool tasks up to its limit; False when it turned out broken."""
        while todo and len(waiting) < jobs * _AHEAD:
            chunk = todo.pop()
            try:
                future = pool.submit(work, chunk)
            except BrokenProcessPool:
                todo.append(chunk)
                return False
            futures[future] = chunk
            waiting.add(future)
        return True

    try:
        while todo or waiting:
            broken = broken or not fill()
            if not waiting:
                break
            finished, waiting = wait(waiting, return_when=FIRST_COMPLETED)
            done: list[tuple[Sequence[K], list[T]]] = []
            for future in finished:
                chunk = futures.pop(future)
                try:
                    done.append((chunk, future.result()))
                except BrokenProcessPool:
                    undone.append(chunk)
                    broken = True
            if not broken:  # the workers analyse on while on_done saves (the slow part)
                broken = not fill()
            for chunk, results in done:
                on_done(chunk, results)
    except BaseException:
        stop(pool)
        raise
    if undone or broken:
        stop(pool)
    else:
        pool.shutdown(wait=True)
    again: list[Sequence[K]] = []
    for chunk in undone:
        for name in chunk:
            strikes[name] = strikes.get(name, 0) + 1
            again.append([name])
    return again + list(reversed(todo))
