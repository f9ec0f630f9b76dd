"""A progress bar on the terminal while many packets print, and nothing otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

Progress = Callable[[int, int], None]
PROGRESS_FROM = 4  # a bar for more than 3 packets, and only in a terminal


@contextmanager
def packet_progress(count: int) -> Iterator[Progress | None]:
    """A `progress(done, total)` callback drawing a bar on stderr, or None when `count` is
    small or stderr is not a terminal (a log file gets no bar)."""
    if count < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=count, label="Printing packets", file=sys.stderr) as bar:
        shown = 0

        def advance(done: int, total: int) -> None:
            nonlocal shown
            bar.update(done - shown)
            shown = done

        yield advance
