"""Work shared with a forked child: results, errors and a dead child all come back right."""

from __future__ import annotations

import os
import pickle
import threading
import time
from pathlib import Path

import pytest

from generator.errors import ContentError, Diagnostic, Position, PrepkitError
from generator.forking import ForkedCall, ForkedSteps, can_fork
from generator.output.fence import UnsafeOutput
from generator.yaml_source import YamlError

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


def _stamping_steps(folder: Path, count: int, *, delay: float = 0.0) -> list[object]:
    """Steps that each write step-N holding the pid that ran them."""
    def stamp(number: int) -> None:
        time.sleep(delay)
        (folder / f"step-{number}").write_text(str(os.getpid()))
    return [lambda number=number: stamp(number) for number in range(count)]


def _stamps(folder: Path) -> dict[str, int]:
    return {path.name: int(path.read_text()) for path in folder.iterdir()}


def test_steps_run_in_a_child_and_waiting_returns_once_a_step_has_run(tmp_path: Path) -> None:
    steps = _stamping_steps(tmp_path, 40, delay=0.01)
    work = ForkedSteps(steps, lambda: os.getpid())  # type: ignore[arg-type]
    assert work.forked
    work.wait_for(3)
    ran = _stamps(tmp_path)
    assert {"step-0", "step-1", "step-2"} <= set(ran)
    assert len(ran) < 40  # the child is still going: waiting did not wait for all
    child = work.result()
    assert child != os.getpid()
    assert _stamps(tmp_path) == {f"step-{n}": child for n in range(40)}


def test_without_fork_steps_run_here_only_as_far_as_waited_for(tmp_path: Path) -> None:
    work = ForkedSteps(_stamping_steps(tmp_path, 5), lambda: "done",  # type: ignore[arg-type]
                       fork=False)
    assert not work.forked
    assert _stamps(tmp_path) == {}
    work.wait_for(2)
    assert _stamps(tmp_path) == {"step-0": os.getpid(), "step-1": os.getpid()}
    assert work.result() == "done"
    assert len(_stamps(tmp_path)) == 5


def test_the_child_s_finish_value_comes_back_not_ours(tmp_path: Path) -> None:
    seen: list[int] = []
    steps = [lambda: seen.append(1)] * 3
    assert ForkedSteps(steps, lambda: len(seen)).result() == 3  # counted in the child
    assert seen == []  # nothing ran here


def test_a_failing_step_in_the_child_is_raised_to_the_waiter(tmp_path: Path) -> None:
    def fail() -> None:
        raise PrepkitError("step 2 broke")

    steps = [*_stamping_steps(tmp_path, 2), fail, *_stamping_steps(tmp_path, 1)]
    work = ForkedSteps(steps, lambda: "never")
    work.wait_for(1)
    with pytest.raises(PrepkitError, match="step 2 broke"):
        work.wait_for(4)


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


def test_cancel_stops_and_reaps_a_busy_child(tmp_path: Path) -> None:
    work = ForkedSteps(_stamping_steps(tmp_path, 1000, delay=0.01), lambda: None)
    work.wait_for(1)
    child = work._child
    assert child is not None and child._pid is not None
    pid = child._pid
    started = time.monotonic()
    work.cancel()
    assert time.monotonic() - started < 2  # it stops after the step it is on, not at 1000
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert len(list(tmp_path.iterdir())) < 1000


# Every error the build raises must survive pickling, to come back whole from a helper.

def _round_trip(error: BaseException) -> BaseException:
    return pickle.loads(pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL))


_DIAGNOSTIC = Diagnostic("interviews/ada.yaml", Position(3, 5), "no such person", "person")


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
