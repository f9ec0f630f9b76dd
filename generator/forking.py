"""Work on the machine's second core: a call run in a forked child, its result sent back.

Only on Linux and only from a process running a single thread (a fork copies one thread and
whatever locks the others held). Everywhere else the call simply runs in this process when
its result is asked for, so callers never need two code paths.

What a child's work comes back as:

- The child sends one frame: a kind byte (value or exception), the payload's length in 8
  bytes, then the pickled payload. A frame cut short (the child was killed while writing
  it) is no answer.
- An answer counts only from a child that then exited with status 0. A child that exited
  otherwise, or was killed by a signal, gave no answer even when its frame came through
  whole: something went wrong after it wrote (the kernel's out-of-memory killer, a Ctrl-C
  sent to the whole process group), and running the call again here is always safe.
- With no answer the call runs again here, so what is forked must be safe to repeat.
- An exception raised in the child is raised here, carrying the child's traceback as a
  note. One that cannot be pickled there or unpickled here comes back as `ChildError`,
  naming its type and giving its message: never as a silent second run, never as an
  unpickling error. A value the child cannot pickle is raised here as the child's error; a
  value that cannot be unpickled here is raised as it is (a type that does not round-trip
  is a bug to see, not to hide behind a second run).
- Every child is reaped: when its answer is taken, when it is cancelled, when waiting for it
  is interrupted, when its object is dropped unanswered, and at the latest when this
  process exits (then it is killed first).

Why a call ran here after all (no answer, a fork that failed) is logged at debug level.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import struct
import sys
import threading
import traceback
import weakref
from collections.abc import Callable, Sequence
from contextlib import suppress
from types import TracebackType
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

_VALUE, _ERROR = b"v", b"e"  # the kinds of answer
_HEADER = struct.Struct(">cQ")  # a frame's kind and its payload's length


def can_fork() -> bool:
    """Linux, one thread, a child's exit status readable (SIGCHLD not ignored), and not
    turned off (PREPKIT_NO_FORK=1 runs everything here, as bench/bench_engines.py does to
    measure what forking buys)."""
    return (sys.platform == "linux" and hasattr(os, "fork") and threading.active_count() == 1
            and signal.getsignal(signal.SIGCHLD) is not signal.SIG_IGN
            and not os.environ.get("PREPKIT_NO_FORK"))


class ChildError(Exception):
    """An exception raised in a forked child that could not be rebuilt here (it could not be
    pickled there or unpickled here): its type's name and its message."""

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(type_name, message)
        self.type_name, self.message = type_name, message

    def __str__(self) -> str:
        return f"{self.type_name}: {self.message}" if self.message else self.type_name


class ForkedCall(Generic[T]):
    """`function()` started now in a child process; `result()` waits for it.

    The child sends back its value or its exception in one frame and exits without running
    any of this process's exit handlers. Without a child (forking not possible or not
    wanted), or when the child gave no answer (see the module's docstring), the call runs
    here when its result is asked for. Used as a context manager, a call whose result was
    not taken is cancelled on leaving the block.
    """

    def __init__(self, function: Callable[[], T], *, fork: bool = True) -> None:
        self._function = function
        self._child: _Child | None = None
        if fork and can_fork():
            try:
                self._child = _Child(function)
            except OSError as error:  # no memory or processes left for a child: run here
                log.debug("could not fork (%s); the call will run here", error)

    def __enter__(self) -> ForkedCall[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.cancel()

    @property
    def forked(self) -> bool:
        """Whether a child is doing the work (until its answer is taken)."""
        return self._child is not None

    @property
    def pid(self) -> int | None:
        """The child's process id, until its answer is taken or it is cancelled."""
        return None if self._child is None else self._child.pid

    def result(self) -> T:
        answer = self.answer_from_child()
        return self._function() if answer is None else answer[0]

    def answer_from_child(self) -> tuple[T] | None:
        """Wait for the child and reap it: its value (in a 1-tuple), or its exception raised
        here; None when there is no child or it gave no answer."""
        if self._child is None:
            return None
        child, self._child = self._child, None
        frame = child.answer()
        if frame is None:
            return None
        kind, payload = frame
        if kind == _ERROR:
            raise _error_from(payload, child.pid)
        try:
            value: T = pickle.loads(payload)
        except Exception as error:  # a type that does not round-trip: a bug to see, not hide
            error.add_note(f"unpickling the value sent by the forked child (pid {child.pid})")
            raise
        return (value,)

    def cancel(self) -> None:
        """Stop waiting: the child is stopped, whatever it was doing, and reaped."""
        if self._child is not None:
            child, self._child = self._child, None
            child.stop()


class ForkedSteps(Generic[T]):
    """`steps` run in order in a child process started now, then `finish()`; the caller
    waits for a step only when it needs that step done (`wait_for`), and for `finish()`'s
    value at the end (`result`).

    Steps work by their side effects (files written, say), so each must be safe to repeat:
    without a child (forking not possible or not wanted) they run here, `wait_for` running
    as many as asked; if the child gives no answer, every step runs again here. A step's
    exception in the child is raised to whoever waits past that step. If waiting is
    interrupted, the child is cancelled; used as a context manager, so is a child whose
    result was not taken on leaving the block.
    """

    def __init__(self, steps: Sequence[Callable[[], object]], finish: Callable[[], T], *,
                 fork: bool = True) -> None:
        self._steps = list(steps)
        self._finish = finish
        self._done = 0  # steps known to have run, here or in the child
        self._child: ForkedCall[T] | None = None
        self._progress: _Reader | None = None  # the child writes one byte here per step run
        self._answer: tuple[T] | None = None  # the child's value, once taken
        if fork and can_fork():
            self._start()

    def __enter__(self) -> ForkedSteps[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.cancel()

    @property
    def forked(self) -> bool:
        return self._child is not None

    @property
    def pid(self) -> int | None:
        """The child's process id, until its answer is taken or it is cancelled."""
        return None if self._child is None else self._child.pid

    def _start(self) -> None:
        reader, writer = os.pipe()

        def run_steps() -> T:
            os.close(reader)
            with os.fdopen(writer, "wb", buffering=0) as progress:
                for step in self._steps:
                    step()
                    progress.write(b".")
            return self._finish()

        try:
            child = ForkedCall(run_steps)
        except BaseException:
            os.close(reader)
            raise
        finally:
            os.close(writer)  # the child's end: the reader sees the end once the child is done
        if not child.forked:  # forking failed: the steps run here
            os.close(reader)
            return
        self._child, self._progress = child, _Reader(self, reader)

    def wait_for(self, count: int) -> None:
        """Return once the first `count` steps have run."""
        while self._done < count:
            if self._progress is None:
                self._steps[self._done]()
                self._done += 1
                continue
            try:
                ran = len(os.read(self._progress.fd, 65536))
            except BaseException:  # interrupted while waiting: no child is left behind
                self.cancel()
                raise
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
        self._progress.close()
        self._progress = None
        self._answer = child.answer_from_child()  # raises the child's exception, if any
        # With an answer every step has run; without one the child died, so all run here.
        self._done = len(self._steps) if self._answer is not None else 0

    def cancel(self) -> None:
        """Stop waiting: the child is stopped, whatever it was doing, and reaped."""
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        if self._child is not None:
            self._child.cancel()
            self._child = None


class _Child:
    """A forked child running a call, and the read end of the pipe it answers through.

    Reaped when its answer is read (`answer`) or it is stopped (`stop`); if neither happens,
    it is stopped when this object is collected, or when this process exits.
    """

    def __init__(self, function: Callable[[], object]) -> None:
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except BaseException:
            os.close(reader)
            os.close(writer)
            raise
        if pid == 0:
            _answer_and_exit(function, reader, writer)
        os.close(writer)
        self.pid, self._reader = pid, reader
        # Holds no reference to this object; with atexit (the default), it also runs at exit.
        self._stopper = weakref.finalize(self, _stop, os.getpid(), pid, reader)

    def answer(self) -> tuple[bytes, bytes] | None:
        """Wait for the child's frame and reap the child: the frame's kind and payload, or
        None when the frame is incomplete or the child did not exit with status 0."""
        try:
            with open(self._reader, "rb", closefd=False) as pipe:
                header = pipe.read(_HEADER.size)
                kind, size = _HEADER.unpack(header) if len(header) == _HEADER.size \
                    else (b"", 0)
                payload = pipe.read(size) if kind else b""
            try:
                status: int | None = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
            except ChildProcessError:  # reaped by someone else: its status is unknown
                status = None
        except BaseException:  # interrupted while waiting: no child is left behind
            self.stop()
            raise
        self._stopper.detach()
        os.close(self._reader)
        whole = bool(kind) and len(payload) == size
        if whole and status == 0:
            return kind, payload
        log.debug("the forked child (pid %d) %s after sending %s; running its work here",
                  self.pid, _ending(status),
                  f"a whole answer of {_HEADER.size + size} bytes" if whole
                  else f"{len(header) + len(payload)} of {_HEADER.size + size} bytes" if kind
                  else f"{len(header)} bytes")
        return None

    def stop(self) -> None:
        """Kill the child, whatever it is doing, and reap it."""
        self._stopper()


def _ending(status: int | None) -> str:
    if status is None:
        return "ended with an unknown status"
    if status < 0:
        return f"was killed by {signal.Signals(-status).name}"
    return f"exited with status {status}"


def _stop(owner: int, pid: int, reader: int) -> None:
    if os.getpid() != owner:  # a copy inherited by a later child: that one is not its child
        return
    with suppress(OSError):
        os.close(reader)
    # Not reaped yet, so the pid is still this child's (a zombie keeps it), not a reused one.
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _answer_and_exit(function: Callable[[], object], reader: int, writer: int) -> NoReturn:
    """In the child: run the call, send one frame, exit 0; exit 1 on anything else (an
    interrupt, a broken pipe). Never returns into the caller's code, which is the parent's."""
    status = 1
    try:
        os.close(reader)
        kind, payload = _outcome(function)
        with os.fdopen(writer, "wb") as out:
            out.write(_HEADER.pack(kind, len(payload)))
            out.write(payload)
        status = 0
    finally:
        os._exit(status)  # no exit handlers: they are the parent's


def _outcome(function: Callable[[], object]) -> tuple[bytes, bytes]:
    """The frame for the call's value or, if it (or pickling its value) fails, its error."""
    try:
        return _VALUE, pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # sent back and raised in the parent
        return _ERROR, _error_payload(error)


def _error_payload(error: Exception) -> bytes:
    """The exception pickled (None if it cannot be) with what describes it in plain strings,
    which always unpickle: its type's name, its message, its traceback."""
    try:
        pickled: bytes | None = pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL)
        problem = ""
    except Exception as failure:
        pickled, problem = None, f"it could not be pickled: {_describe(failure)}"
    trace = "".join(traceback.format_exception(error))
    return pickle.dumps((pickled, _type_name(error), _message(error), trace, problem),
                        protocol=pickle.HIGHEST_PROTOCOL)


def _error_from(payload: bytes, pid: int) -> BaseException:
    """The child's exception, rebuilt here with the child's traceback as a note."""
    pickled, type_name, message, trace, problem = pickle.loads(payload)
    error: object = None
    if pickled is not None:
        try:
            error = pickle.loads(pickled)
        except Exception as failure:
            problem = f"it could not be unpickled here: {_describe(failure)}"
        else:
            if not isinstance(error, BaseException):
                problem = f"it was unpickled here as {_type_name(error)}"
    if not isinstance(error, BaseException):
        error = ChildError(type_name, message)
        error.add_note(f"{type_name} raised in the forked child came back as ChildError: "
                       f"{problem}")
    error.add_note(f"The forked child's (pid {pid}) traceback:\n{trace.rstrip()}")
    return error


def _type_name(thing: object) -> str:
    kind = type(thing)
    return kind.__qualname__ if kind.__module__ == "builtins" \
        else f"{kind.__module__}.{kind.__qualname__}"


def _message(error: BaseException) -> str:
    try:
        return str(error)
    except Exception:
        return f"<{_type_name(error)} that cannot be shown as text>"


def _describe(error: BaseException) -> str:
    return f"{_type_name(error)}: {_message(error)}"


class _Reader:
    """The read end of a pipe, closed once: by `close`, or when its owner is collected."""

    def __init__(self, owner: object, fd: int) -> None:
        self.fd = fd
        self._closer = weakref.finalize(owner, _close, os.getpid(), fd)

    def close(self) -> None:
        self._closer()


def _close(owner: int, fd: int) -> None:
    if os.getpid() == owner:
        with suppress(OSError):
            os.close(fd)
