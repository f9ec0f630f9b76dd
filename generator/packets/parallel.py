"""Turning many packets' HTML into PDFs across the machine's cores.

HTML is rendered in the calling process (cheap and pure); only the PDF step, which is where
the time goes, runs in worker processes. Each worker loads WeasyPrint, its fonts and the parsed
stylesheet once and then converts one packet after another. On Linux a single-threaded
caller (the CLI) forks its workers, which inherit the WeasyPrint it has already loaded; a
caller running threads (such as `mkdocs serve`) is never forked: its workers come from a fresh
fork server that preloads WeasyPrint once. Elsewhere workers are spawned.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from generator.errors import PrepkitError
from generator.packets import pdf

Progress = Callable[[int, int], None]
# Fewer packets than this are converted in the calling process: starting workers costs more.
PARALLEL_FROM = 5


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(packets: int, jobs: int | None) -> int:
    """How many processes to use: 1 for a few packets, else up to `jobs` or the cores."""
    if packets < PARALLEL_FROM:
        return 1
    return max(1, min(jobs or available_cores(), packets))


Document = tuple[str, str]  # HTML, and the source key that becomes the PDF's identifier


def convert_all(documents: Sequence[Document], *, jobs: int | None = None,
                progress: Progress | None = None) -> list[bytes]:
    """The PDF of each (HTML, source key), in the same order."""
    if not documents:
        return []
    pdf.warm_up()  # a missing system library is reported here, before any worker starts
    total = len(documents)
    workers = worker_count(total, jobs)
    if workers == 1:
        results = []
        for done, (html, key) in enumerate(documents, start=1):
            results.append(pdf.html_to_pdf(html, key))
            if progress:
                progress(done, total)
        return results
    return _convert_in_workers(documents, workers, progress)


def _convert_in_workers(documents: Sequence[Document], workers: int,
                        progress: Progress | None) -> list[bytes]:
    results: list[bytes | None] = [None] * len(documents)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                 initializer=pdf.warm_up) as pool:
            futures = {pool.submit(pdf.html_to_pdf, html, key): index
                       for index, (html, key) in enumerate(documents)}
            for done, future in enumerate(as_completed(futures), start=1):
                results[futures[future]] = future.result()
                if progress:
                    progress(done, len(documents))
    except BrokenProcessPool:
        raise PrepkitError("a process printing packets stopped unexpectedly (out of memory?); "
                           "try again with --jobs 1") from None
    return [result for result in results if result is not None]


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["generator.packets.pdf"])
        return context
    return multiprocessing.get_context("spawn")
