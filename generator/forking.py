"""Work on the machine's second core: a call run in a forked child, its result sent back.

Only on Linux and only from a process running a single thread (a fork copies one thread and
whatever locks the others held). Everywhere else the call simply runs in this process when
its result is asked for, so callers never need two code paths.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Linux, one thread, and not turned off (PREPKIT_NO_FORK=1 runs everything here, as
    bench/bench_engines.py does to measure what forking buys)."""
    return (sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1
            and not os.environ.get("PREPKIT_NO_FORK"))


class ForkedCall(Generic[T]):
    """`function()` started now in a child process; `result()` waits for it.

    The child returns its result (or its exception) pickled through a pipe and exits without
    running any of this process's exit handlers. If the child dies without an answer, the
    call runs again here, so a result or a real exception always comes back.
    """

    def __init__(self, function: Callable[[], T], *, fork: bool = True) -> None:
        self._function = function
        self._pid: int | None = None
        self._reader: int | None = None
        if fork and can_fork():
            self._start()

    def _start(self) -> None:
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            try:
                os.close(reader)
                payload = _outcome(self._function)
                with os.fdopen(writer, "wb") as out:
                    out.write(payload)
            finally:
                os._exit(0)
        os.close(writer)
        self._pid, self._reader = pid, reader

    @property
    def forked(self) -> bool:
        """Whether a child is doing the work (until its answer is taken)."""
        return self._pid is not None

    def result(self) -> T:
        answer = self.answer_from_child()
        return self._function() if answer is None else answer[0]

    def answer_from_child(self) -> tuple[T] | None:
        """Wait for the child: its value (in a 1-tuple), or its exception raised here; None
        when there is no child or it died without an answer."""
        if self._pid is None or self._reader is None:
            return None
        with os.fdopen(self._reader, "rb") as answer:
            payload = answer.read()
        os.waitpid(self._pid, 0)
        self._pid = self._reader = None
        if not payload:
            return None
        succeeded, value = pickle.loads(payload)
        if not succeeded:
            raise value
        return (value,)

    def cancel(self) -> None:
        """Stop waiting: the child is stopped, whatever it was doing, and reaped."""
        if self._pid is not None and self._reader is not None:
            os.close(self._reader)
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
        self._pid = self._reader = None


def _outcome(function: Callable[[], T]) -> bytes:
    try:
        return pickle.dumps((True, function()), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # sent back and raised in the parent
        try:
            return pickle.dumps((False, error), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return b""  # an exception that cannot travel: the parent runs the call itself



def _fork_with_pipe(work: Callable[[int], T], *, child_writes: bool,
                    ) -> tuple[ForkedCall[T], int]:
    """`work(fd)` in a forked child, given one end of a new pipe; the caller gets the call
    and the other end. Each process closes the end it does not use, so the reader sees the
    end of the data once the writer is done."""
    reader, writer = os.pipe()
    theirs, ours = (writer, reader) if child_writes else (reader, writer)

    def in_child() -> T:
        os.close(ours)
        return work(theirs)

    child = ForkedCall(in_child)
    os.close(theirs)
    return child, ours

class ForkedSteps(Generic[T]):
    """`steps` run in order in a child process started now, then `finish()`; the caller
    waits for a step only when it needs that step done (`wait_for`), and for `finish()`'s
    value at the end (`result`).

    Steps work by their side effects (files written, say), so each must be safe to repeat:
    without a child (forking not possible or not wanted) they run here, `wait_for` running
    as many as asked; if the child dies without an answer, every step runs again here.
    """

    def __init__(self, steps: Sequence[Callable[[], object]], finish: Callable[[], T], *,
                 fork: bool = True) -> None:
        self._steps = list(steps)
        self._finish = finish
        self._done = 0  # steps known to have run, here or in the child
        self._child: ForkedCall[T] | None = None
        self._progress: int | None = None  # the child writes one byte here per step run
        self._answer: tuple[T] | None = None  # the child's value, once taken
        if fork and can_fork():
            self._start()

    @property
    def forked(self) -> bool:
        return self._child is not None

    def _start(self) -> None:
        def run_steps(progress_fd: int) -> T:
            with os.fdopen(progress_fd, "wb", buffering=0) as progress:
                for step in self._steps:
                    step()
                    progress.write(b".")
            return self._finish()

        self._child, self._progress = _fork_with_pipe(run_steps, child_writes=True)

    def wait_for(self, count: int) -> None:
        """Return once the first `count` steps have run."""
        while self._done < count:
            if self._progress is None:
                self._steps[self._done]()
                self._done += 1
                continue
            ran = len(os.read(self._progress, 65536))
            if ran:
                self._done += ran
            else:  # the child has ended: it answered, failed, or died
                self._take_answer()

    def result(self) -> T:
        """Run or wait for every step, then give `finish()`'s value."""
        self.wait_for(len(self._steps))
        if self._child is not None:
            self._take_answer()
        return self._finish() if self._answer is None else self._answer[0]

    def _take_answer(self) -> None:
        assert self._child is not None and self._progress is not None
        child, self._child = self._child, None
        os.close(self._progress)
        self._progress = None
        self._answer = child.answer_from_child()  # raises the child's exception, if any
        # With an answer every step has run; without one the child died, so all run here.
        self._done = len(self._steps) if self._answer is not None else 0

    def cancel(self) -> None:
        """Stop waiting: the child is reaped, whatever it was doing."""
        if self._progress is not None:
            os.close(self._progress)
            self._progress = None
        if self._child is not None:
            self._child.cancel()
            self._child = None
