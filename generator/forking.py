"""Work on the machine's second core: a call run in a forked child, its result sent back.

Only on Linux and only from a process running a single thread (a fork copies one thread and
whatever locks the others held). Everywhere else the call simply runs in this process when
its result is asked for, so callers never need two code paths.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1


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

    def result(self) -> T:
        if self._pid is None or self._reader is None:
            return self._function()
        with os.fdopen(self._reader, "rb") as answer:
            payload = answer.read()
        os.waitpid(self._pid, 0)
        self._pid = self._reader = None
        if not payload:
            return self._function()  # the child died: do the work here instead
        succeeded, value = pickle.loads(payload)
        if not succeeded:
            raise value
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop waiting: the child's answer, if any, is dropped and the child reaped."""
        if self._pid is not None and self._reader is not None:
            os.close(self._reader)  # a child still writing gets a broken pipe and exits
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
