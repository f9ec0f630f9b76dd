"""Work shared with a forked child: results, errors and a dead child all come back right, and
no child outlives its call.

The first tests cover the path without a child (fork=False, forking not possible, or turned
off) and run on every platform; those that need a real child are skipped where forking is
not possible.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator import forking
from generator.engines.mkdocs_plugin import PrepkitPlugin
from generator.errors import ContentError, Diagnostic, Position, PrepkitError
from generator.forking import ChildError, ForkedCall, ForkedSteps, can_fork
from generator.output.fence import UnsafeOutput
from generator.read.yaml_source import YamlError
from generator.render import site

REPO_ROOT = Path(__file__).resolve().parent.parent
needs_fork = pytest.mark.skipif(not can_fork(),
                                reason="forking needs Linux, one thread, PREPKIT_NO_FORK unset")

_DIAGNOSTIC = Diagnostic("interviews/ada.yaml", Position(3, 5), "no such person", "person")


def _stamping_steps(folder: Path, count: int, *, delay: float = 0.0) -> list[Callable[[], None]]:
    """Steps that each write step-N holding the pid that ran them."""
    def stamp(number: int) -> None:
        time.sleep(delay)
        (folder / f"step-{number}").write_text(str(os.getpid()))
    return [lambda number=number: stamp(number) for number in range(count)]


def _stamps(folder: Path) -> dict[str, int]:
    return {path.name: int(path.read_text()) for path in folder.iterdir()}


def _fail_deep_in_the_call() -> None:
    raise PrepkitError("the call could not do it")


def _assert_reaped(pid: int) -> None:
    with pytest.raises(ChildProcessError):  # not our child any more: reaped
        os.waitpid(pid, os.WNOHANG)
    with pytest.raises(ProcessLookupError):  # and no such process left
        os.kill(pid, 0)


# ---------------------------------------------------------------------------------------------
# Without a child: every platform
# ---------------------------------------------------------------------------------------------

@pytest.fixture(params=["fork=False", "can_fork() false", "PREPKIT_NO_FORK=1"])
def no_child(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each way of having no child: the `fork` argument to pass."""
    if request.param == "can_fork() false":
        monkeypatch.setattr(forking, "can_fork", lambda: False)
    elif request.param == "PREPKIT_NO_FORK=1":
        monkeypatch.setenv("PREPKIT_NO_FORK", "1")
        assert not can_fork()
    return request.param != "fork=False"


def test_without_a_child_the_call_runs_here_when_asked(no_child: bool) -> None:
    ran: list[int] = []
    call = ForkedCall(lambda: ran.append(os.getpid()) or 7, fork=no_child)
    assert not call.forked and call.pid is None
    assert ran == []
    assert call.result() == 7
    assert ran == [os.getpid()]


def test_without_a_child_an_exception_is_raised_directly(no_child: bool) -> None:
    call = ForkedCall(_fail_deep_in_the_call, fork=no_child)
    with pytest.raises(PrepkitError, match="the call could not do it") as raised:
        call.result()
    assert not hasattr(raised.value, "__notes__")  # no child's traceback: it ran here
    assert raised.traceback[-1].name == "_fail_deep_in_the_call"


def test_without_a_child_steps_run_here_only_as_far_as_waited_for(
        tmp_path: Path, no_child: bool) -> None:
    work = ForkedSteps(_stamping_steps(tmp_path, 5), lambda: "done", fork=no_child)
    assert not work.forked and work.pid is None
    assert _stamps(tmp_path) == {}
    work.wait_for(2)
    assert _stamps(tmp_path) == {"step-0": os.getpid(), "step-1": os.getpid()}
    assert work.result() == "done"
    assert _stamps(tmp_path) == {f"step-{n}": os.getpid() for n in range(5)}


def test_without_a_child_a_failing_step_is_raised_when_waited_past(
        tmp_path: Path, no_child: bool) -> None:
    def fail() -> None:
        raise PrepkitError("step 2 broke")

    steps = [*_stamping_steps(tmp_path, 2), fail, *_stamping_steps(tmp_path, 4)[3:]]
    work = ForkedSteps(steps, lambda: "never", fork=no_child)
    work.wait_for(2)
    with pytest.raises(PrepkitError, match="step 2 broke"):
        work.wait_for(4)
    assert set(_stamps(tmp_path)) == {"step-0", "step-1"}  # nothing past the failing step


def test_without_a_child_cancel_and_leaving_a_block_do_nothing(no_child: bool) -> None:
    with ForkedCall(lambda: 1, fork=no_child) as call:
        call.cancel()
    assert call.result() == 1  # still runs here when asked
    with ForkedSteps([], lambda: 2, fork=no_child) as work:
        pass
    assert work.result() == 2


def test_a_process_running_threads_never_forks() -> None:
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert not can_fork()
        call = ForkedCall(os.getpid)
        assert not call.forked
        assert call.result() == os.getpid()
    finally:
        release.set()
        waiting.join()


def test_a_child_error_round_trips_and_says_what_it_was() -> None:
    error = ChildError("tests.Unbuildable", "needs two arguments")
    assert str(error) == "tests.Unbuildable: needs two arguments"
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), back.type_name, back.message) == (ChildError, error.type_name,
                                                          error.message)


# Every error the build raises must survive pickling, to come back whole from a child.

def _round_trip(error: BaseException) -> Any:
    return pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))


def test_a_prepkit_error_round_trips_with_its_diagnostics() -> None:
    back = _round_trip(PrepkitError("cannot build", [_DIAGNOSTIC]))
    assert type(back) is PrepkitError
    assert back.format_message() == f"{_DIAGNOSTIC.format()}\ncannot build"
    assert back.exit_code == 1


def test_a_content_error_round_trips_though_it_takes_only_diagnostics() -> None:
    error = ContentError([_DIAGNOSTIC, _DIAGNOSTIC.as_error()])
    back = _round_trip(error)
    assert type(back) is ContentError
    assert back.diagnostics == error.diagnostics
    assert back.format_message() == error.format_message()
    assert str(back) == "2 errors found; nothing was built."


def test_unsafe_output_round_trips_with_its_exit_code() -> None:
    back = _round_trip(UnsafeOutput("the site folder holds the kit"))
    assert type(back) is UnsafeOutput
    assert str(back) == "the site folder holds the kit"
    assert back.exit_code == 2


def test_a_yaml_error_round_trips_with_its_diagnostic() -> None:
    back = _round_trip(YamlError(_DIAGNOSTIC))
    assert type(back) is YamlError
    assert back.diagnostic == _DIAGNOSTIC
    assert str(back) == _DIAGNOSTIC.format()


# ---------------------------------------------------------------------------------------------
# The same results with a child and without
# ---------------------------------------------------------------------------------------------

_WAYS = [pytest.param("child", marks=needs_fork), "fork=False", "PREPKIT_NO_FORK=1"]


@pytest.fixture(params=_WAYS)
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "PREPKIT_NO_FORK=1":
        monkeypatch.setenv("PREPKIT_NO_FORK", "1")
    return str(request.param)


def test_calls_and_steps_give_the_same_results_every_way(tmp_path: Path, way: str) -> None:
    fork = way != "fork=False"
    call = ForkedCall(lambda: {"pages": [f"p{n}" for n in range(3)], "count": 3}, fork=fork)
    assert call.forked == (way == "child")
    assert call.result() == {"pages": ["p0", "p1", "p2"], "count": 3}

    work = ForkedSteps(_stamping_steps(tmp_path, 6),
                       lambda: sorted(path.name for path in tmp_path.iterdir()), fork=fork)
    work.wait_for(3)
    assert {"step-0", "step-1", "step-2"} <= set(_stamps(tmp_path))
    assert work.result() == [f"step-{n}" for n in range(6)]

    with pytest.raises(PrepkitError, match="the call could not do it"):
        ForkedCall(_fail_deep_in_the_call, fork=fork).result()
    with pytest.raises(ContentError) as raised:
        ForkedSteps([lambda: None], _raise_content_error, fork=fork).result()
    assert raised.value.diagnostics == [_DIAGNOSTIC]


def _raise_content_error() -> None:
    raise ContentError([_DIAGNOSTIC])


# ---------------------------------------------------------------------------------------------
# With a child: Linux only
# ---------------------------------------------------------------------------------------------

@needs_fork
def test_the_call_runs_in_a_child_and_its_result_comes_back() -> None:
    parent = os.getpid()
    call = ForkedCall(lambda: (os.getpid(), ["a", "b"] * 3))
    child = call.pid
    assert call.forked and child is not None
    pid, value = call.result()
    assert pid == child != parent
    assert value == ["a", "b"] * 3
    _assert_reaped(child)


@needs_fork
def test_a_large_result_comes_back_whole() -> None:
    text = "x" * 5_000_000  # far beyond a pipe's buffer
    assert ForkedCall(lambda: text).result() == text


@needs_fork
def test_an_exception_in_the_child_is_raised_here_with_the_child_s_traceback() -> None:
    call = ForkedCall(_fail_deep_in_the_call)
    child = call.pid
    with pytest.raises(PrepkitError, match="the call could not do it") as raised:
        call.result()
    notes = "\n".join(raised.value.__notes__)
    assert f"The forked child's (pid {child}) traceback:" in notes
    assert "in _fail_deep_in_the_call" in notes
    assert "in _fail_deep_in_the_call" in "".join(traceback.format_exception(raised.value))
    assert child is not None
    _assert_reaped(child)


@needs_fork
@pytest.mark.parametrize("error", [PrepkitError("cannot build", [_DIAGNOSTIC]),
                                   ContentError([_DIAGNOSTIC]),
                                   UnsafeOutput("the site folder holds the kit"),
                                   YamlError(_DIAGNOSTIC)],
                         ids=lambda error: type(error).__name__)
def test_each_of_the_build_s_errors_comes_back_from_a_child_as_itself(
        error: Exception) -> None:
    def fail() -> None:
        raise error

    with pytest.raises(type(error)) as raised:
        ForkedCall(fail).result()
    assert type(raised.value) is type(error)
    assert str(raised.value) == str(error)
    assert getattr(raised.value, "__dict__", {}).keys() - {"__notes__"} == error.__dict__.keys()
    assert raised.value is not error  # it came from the child, not from this process's copy


class _NeedsTwo(Exception):
    """Pickles (as its message), but unpickling calls __init__ with one argument."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what} failed: {why}")


class _HoldsALock(Exception):
    """Cannot be pickled at all."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.lock = threading.Lock()


def _raise_needs_two() -> None:
    raise _NeedsTwo("rendering", "no template")


def _raise_holds_a_lock() -> None:
    raise _HoldsALock("a lock cannot travel")


@needs_fork
@pytest.mark.parametrize(("function", "kind", "message", "problem"), [
    (_raise_needs_two, _NeedsTwo, "rendering failed: no template", "could not be unpickled here"),
    (_raise_holds_a_lock, _HoldsALock, "a lock cannot travel", "could not be pickled"),
])
def test_an_exception_that_cannot_travel_comes_back_as_a_child_error(
        function: Callable[[], None], kind: type[Exception], message: str,
        problem: str) -> None:
    ran_here: list[bool] = []

    def call() -> None:
        ran_here.append(True)
        function()

    forked = ForkedCall(call)
    with pytest.raises(ChildError) as raised:
        forked.result()
    assert ran_here == []  # not run again here
    error = raised.value
    assert error.type_name == f"{__name__}.{kind.__qualname__}"
    assert error.message == message
    assert str(error) == f"{error.type_name}: {message}"
    notes = "\n".join(error.__notes__)
    assert problem in notes
    assert f"in {function.__name__}" in notes


@needs_fork
def test_a_value_that_cannot_be_pickled_is_raised_here_as_the_child_s_error() -> None:
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)) as raised:
        ForkedCall(lambda: lambda: None).result()
    assert "The forked child's" in "\n".join(raised.value.__notes__)


@needs_fork
def test_when_the_child_exits_3_without_an_answer_the_call_runs_here(
        caplog: pytest.LogCaptureFixture) -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return os.getpid()

    call = ForkedCall(work)
    child = call.pid
    with caplog.at_level(logging.DEBUG, logger="generator.forking"):
        assert call.result() == parent
    assert f"(pid {child}) exited with status 3 after sending 0 bytes" in caplog.text
    assert child is not None
    _assert_reaped(child)


@needs_fork
def test_a_child_killed_while_writing_its_answer_gives_none_and_the_call_runs_here(
        caplog: pytest.LogCaptureFixture) -> None:
    parent = os.getpid()

    def big_answer() -> str:
        if os.getpid() != parent:  # the child kills itself once blocked on a full pipe
            signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGKILL))
            signal.setitimer(signal.ITIMER_REAL, 0.2)
        return f"{os.getpid()}:" + "x" * 5_000_000

    call = ForkedCall(big_answer)
    time.sleep(0.6)  # nobody reads meanwhile: the child fills the pipe, then is killed
    with caplog.at_level(logging.DEBUG, logger="generator.forking"):
        answer = call.result()
    assert answer == f"{parent}:" + "x" * 5_000_000
    sent = re.search(r"was killed by SIGKILL after sending (\d+) of (\d+) bytes", caplog.text)
    assert sent is not None, caplog.text
    assert 0 < int(sent[1]) < int(sent[2])  # a frame cut short, not an empty pipe


@needs_fork
@pytest.mark.parametrize("ending", ["exit 3", "SIGKILL"])
def test_a_whole_answer_from_a_child_that_did_not_exit_0_is_not_taken(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        ending: str) -> None:
    """The child's last step, os._exit(0), is swapped for another ending: its frame has gone
    through whole, but only a clean exit vouches for it, so the call runs again here."""
    exit_now = os._exit

    def end_badly(status: int) -> None:
        if ending == "SIGKILL":
            os.kill(os.getpid(), signal.SIGKILL)
        exit_now(3)

    monkeypatch.setattr(os, "_exit", end_badly)
    call = ForkedCall(os.getpid)
    with caplog.at_level(logging.DEBUG, logger="generator.forking"):
        assert call.result() == os.getpid()
    said = "exited with status 3" if ending == "exit 3" else "was killed by SIGKILL"
    assert f"{said} after sending a whole answer of" in caplog.text


class _Interrupted(Exception):
    pass


@contextmanager
def _interrupted_after(seconds: float) -> Iterator[None]:
    """A real signal, its handler raising: as Ctrl-C interrupts a wait."""
    def interrupt(*_: object) -> None:
        raise _Interrupted

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@needs_fork
def test_a_process_ignoring_sigchld_does_not_fork() -> None:
    """Its children are reaped by the kernel, so their exit status cannot be checked."""
    previous = signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:
        assert not can_fork()
        assert not ForkedCall(os.getpid).forked
    finally:
        signal.signal(signal.SIGCHLD, previous)
    assert can_fork()


@needs_fork
def test_cancel_reaps_the_child() -> None:
    call = ForkedCall(lambda: "y" * 1_000_000)  # blocks writing until read or closed
    pid = call.pid
    assert pid is not None
    call.cancel()
    assert not call.forked
    _assert_reaped(pid)


@needs_fork
def test_an_interrupted_wait_for_a_call_leaves_no_child() -> None:
    call = ForkedCall(lambda: time.sleep(30))
    pid = call.pid
    assert pid is not None
    with _interrupted_after(0.2), pytest.raises(_Interrupted) as raised:
        call.result()
    _assert_reaped(pid)  # though the traceback, kept here, still holds the child's objects
    assert raised.traceback


@needs_fork
def test_an_interrupted_wait_for_steps_leaves_no_child(tmp_path: Path) -> None:
    work = ForkedSteps([lambda: time.sleep(30)], lambda: None)
    pid = work.pid
    assert pid is not None
    with _interrupted_after(0.2), pytest.raises(_Interrupted) as raised:
        work.wait_for(1)
    _assert_reaped(pid)  # though the traceback, kept here, still holds the child's objects
    assert raised.traceback
    assert not work.forked


@needs_fork
def test_leaving_a_block_on_an_exception_reaps_the_child() -> None:
    with pytest.raises(RuntimeError), ForkedCall(lambda: time.sleep(30)) as call:
        pid = call.pid
        raise RuntimeError("the caller failed")
    assert pid is not None
    _assert_reaped(pid)
    with pytest.raises(RuntimeError), ForkedSteps([lambda: time.sleep(30)], int) as work:
        pid = work.pid
        raise RuntimeError("the caller failed")
    assert pid is not None
    _assert_reaped(pid)


@needs_fork
def test_a_call_or_steps_dropped_unanswered_has_its_child_reaped() -> None:
    call = ForkedCall(lambda: time.sleep(30))
    work = ForkedSteps([lambda: time.sleep(30)], int)
    pids = [call.pid, work.pid]
    del call, work
    gc.collect()
    for pid in pids:
        assert pid is not None
        _assert_reaped(pid)


@needs_fork
def test_a_child_still_running_at_exit_is_killed_and_reaped() -> None:
    script = ("import time\n"
              "from generator.forking import ForkedCall\n"
              "call = ForkedCall(lambda: time.sleep(30))\n"
              "print(call.pid, flush=True)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=20, check=True,
                          env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
    pid = int(done.stdout)
    try:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # only if the test failed: do not leave it sleeping


@needs_fork
def test_steps_run_in_a_child_and_waiting_returns_once_a_step_has_run(tmp_path: Path) -> None:
    steps = _stamping_steps(tmp_path, 40, delay=0.01)
    work = ForkedSteps(steps, lambda: os.getpid())
    assert work.forked
    work.wait_for(3)
    ran = _stamps(tmp_path)
    assert {"step-0", "step-1", "step-2"} <= set(ran)
    assert len(ran) < 40  # the child is still going: waiting did not wait for all
    child = work.result()
    assert child != os.getpid()
    assert _stamps(tmp_path) == {f"step-{n}": child for n in range(40)}
    _assert_reaped(child)


@needs_fork
def test_the_child_s_finish_value_comes_back_not_ours() -> None:
    seen: list[int] = []
    steps = [lambda: seen.append(1)] * 3
    assert ForkedSteps(steps, lambda: len(seen)).result() == 3  # counted in the child
    assert seen == []  # nothing ran here


@needs_fork
def test_a_failing_step_in_the_child_is_raised_to_the_waiter(tmp_path: Path) -> None:
    def fail() -> None:
        raise PrepkitError("step 2 broke")

    steps = [*_stamping_steps(tmp_path, 2), fail, *_stamping_steps(tmp_path, 1)]
    work = ForkedSteps(steps, lambda: "never")
    pid = work.pid
    work.wait_for(1)
    with pytest.raises(PrepkitError, match="step 2 broke") as raised:
        work.wait_for(4)
    assert "in fail" in "\n".join(raised.value.__notes__)
    assert pid is not None
    _assert_reaped(pid)


@needs_fork
def test_when_the_child_dies_every_step_runs_again_here(tmp_path: Path) -> None:
    parent = os.getpid()

    def die_in_child() -> None:
        if os.getpid() != parent:
            os._exit(3)

    steps = [*_stamping_steps(tmp_path, 2), die_in_child, *_stamping_steps(tmp_path, 2)[1:]]
    work = ForkedSteps(steps, lambda: os.getpid())
    work.wait_for(4)
    assert work.result() == parent
    assert _stamps(tmp_path) == {"step-0": parent, "step-1": parent}


@needs_fork
def test_cancel_stops_and_reaps_a_busy_child(tmp_path: Path) -> None:
    work = ForkedSteps(_stamping_steps(tmp_path, 1000, delay=0.01), lambda: None)
    work.wait_for(1)
    pid = work.pid
    assert pid is not None
    started = time.monotonic()
    work.cancel()
    assert time.monotonic() - started < 2  # it stops after the step it is on, not at 1000
    _assert_reaped(pid)
    assert len(list(tmp_path.iterdir())) < 1000


# ---------------------------------------------------------------------------------------------
# The build's own children
# ---------------------------------------------------------------------------------------------

def _prepared() -> site.PreparedSite:
    return site.prepare_site(REPO_ROOT / "content", today=date(2026, 11, 25))


@needs_fork
def test_when_our_half_of_the_pages_fails_the_helper_is_reaped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    started = tmp_path / "helper-started"
    render_and_write = site._render_and_write

    def render(*args: Any) -> Any:
        if os.getpid() != parent:
            (tmp_path / "pid").write_text(str(os.getpid()))
            (tmp_path / "pid").rename(started)
            time.sleep(30)  # outlives the test unless stopped
            return render_and_write(*args)
        deadline = time.monotonic() + 10
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise PrepkitError("our half failed")

    monkeypatch.setattr(site, "_render_and_write", render)
    with pytest.raises(PrepkitError, match="our half failed") as raised:
        site.write_site(_prepared(), tmp_path / "out")
    # Reaped at once, though the traceback kept here still holds write_site's helper.
    _assert_reaped(int(started.read_text()))
    with pytest.raises(ChildProcessError):  # no child of this process left at all
        os.waitpid(-1, os.WNOHANG)
    assert raised.traceback


@needs_fork
def test_a_failed_build_stops_and_reaps_the_plugin_s_children(tmp_path: Path) -> None:
    plugin = PrepkitPlugin()
    plugin.writing = site.SiteWriting(_prepared(), tmp_path / "out")
    plugin.calendar_call = ForkedCall(lambda: time.sleep(30) or b"")
    pids = [plugin.writing._work.pid, plugin.calendar_call.pid]
    plugin.on_build_error(error=RuntimeError("MkDocs failed"))
    assert plugin.writing is None and plugin.calendar_call is None
    for pid in pids:
        assert pid is not None
        _assert_reaped(pid)
