"""One writer at a time per kit: a second build, export or print waits for the first.

The lock is an advisory `flock` on a file in the kit's cache folder. It is re-entrant within
a process (`prepkit build` holds it while the plugin it runs asks again), and the operating
system drops it when a process dies, so a crashed run never blocks the next one.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import PrepkitError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; runs there are not serialized
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".lock"
WAIT_SECONDS = 600.0
_held: dict[Path, tuple[int, int]] = {}  # lock file -> (descriptor, depth)


@contextmanager
def kit_lock(cache_dir: Path, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the kit's write lock (kept in `cache_dir`) for the duration of the block."""
    path = acquire(cache_dir, wait=wait)
    try:
        yield
    finally:
        release(path)


def acquire(cache_dir: Path, *, wait: float = WAIT_SECONDS) -> Path:
    """Take the lock without a block (the MkDocs plugin holds it from one event to another);
    give it back with `release`."""
    path = Path(os.path.realpath(cache_dir)) / LOCK_NAME
    if path in _held:
        descriptor, depth = _held[path]
        _held[path] = (descriptor, depth + 1)
    else:
        _held[path] = (_acquire(path, wait), 1)
    return path


def release(path: Path) -> None:
    if path in _held:
        _release(path)


def _acquire(path: Path, wait: float) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise PrepkitError(f"{path.parent}: cannot be written: {error.strerror}") from None
    if fcntl is None:  # pragma: no cover
        return descriptor
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return descriptor
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(descriptor)
                raise PrepkitError(
                    f"another prepkit run is still writing this kit's output (lock: {path}); "
                    "try again when it has finished") from None
            if not told:
                print("prepkit: waiting for another prepkit run on this kit to finish...",
                      file=sys.stderr, flush=True)
                told = True
            time.sleep(0.1)


def _release(path: Path) -> None:
    descriptor, depth = _held[path]
    if depth > 1:
        _held[path] = (descriptor, depth - 1)
        return
    del _held[path]
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
    os.close(descriptor)
