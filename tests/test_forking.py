"""Work shared with a forked child: results, errors and a dead child all come back right."""

from __future__ import annotations

import os
import threading

import pytest

from generator.errors import PrepkitError
from generator.forking import ForkedCall, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="forking needs Linux and one thread")


def test_the_call_runs_in_a_child_and_its_result_comes_back() -> None:
    parent = os.getpid()
    call = ForkedCall(lambda: (os.getpid(), ["a", "b"] * 3))
    pid, value = call.result()
    assert pid != parent
    assert value == ["a", "b"] * 3


def test_a_large_result_comes_back_whole() -> None:
    text = "x" * 5_000_000  # far beyond a pipe's buffer
    assert ForkedCall(lambda: text).result() == text


def test_an_exception_in_the_child_is_raised_here() -> None:
    def fail() -> None:
        raise PrepkitError("the child could not do it")

    call = ForkedCall(fail)
    with pytest.raises(PrepkitError, match="the child could not do it"):
        call.result()


def test_when_the_child_dies_the_call_runs_here() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(3)  # the child dies without an answer
        return os.getpid()

    assert ForkedCall(work).result() == parent


def test_without_fork_the_call_runs_here_when_asked() -> None:
    ran: list[int] = []
    call = ForkedCall(lambda: ran.append(os.getpid()) or 7, fork=False)
    assert ran == []
    assert call.result() == 7
    assert ran == [os.getpid()]


def test_a_process_running_threads_never_forks() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert not can_fork()
        assert ForkedCall(os.getpid).result() == os.getpid()
    finally:
        release.set()
        waiting.join()


def test_cancel_reaps_the_child() -> None:
    call = ForkedCall(lambda: "y" * 1_000_000)  # blocks writing until read or closed
    pid = call._pid
    assert pid is not None
    call.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
