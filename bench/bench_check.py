"""Benchmark `prepkit check` on a large synthetic kit.

Usage:
    python bench/bench_check.py [--interviews 1000] [--contacts 1000] [--seed 1] [--repeat 3]
                                [--keep DIR] [--fail-over-target]

Writes a kit with bench/synthetic.py (in a child process, into a temporary folder unless
--keep is given), then measures:

  (a) `generator.check.load.load_kit(content_dir)` in this process: read, validate,
      cross-check and lint, without interpreter start-up or output; best of --repeat runs;
  (b) `prepkit check --strict -f <kit>/mkdocs.yml` as a subprocess: wall time including
      interpreter start-up, imports and printing; best of --repeat runs.

Peak RSS is `ru_maxrss` from getrusage: RUSAGE_SELF for (a), and for (b) the rusage of each
child as returned by os.wait4, so the generator child does not count. Linux reports KiB.

Exits 1 when the kit has errors (or warnings, which --strict turns into errors), and 2 with
--fail-over-target when the best time of (a) or (b) is over the 3-second target.
Unix only (resource, os.wait4).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TARGET_SECONDS = 3.0
SUMMARY = re.compile(r"checked (\d+) files?: (\d+) errors?, (\d+) warnings?")


# Plain classes rather than dataclasses, so a test can load this file with importlib alone.


class Measurement:
    """One row of the table: the times of every run and what the check reported."""

    def __init__(self, label: str, rss_of: str) -> None:
        self.label = label
        self.rss_of = rss_of
        self.times: list[float] = []
        self.files = self.errors = self.warnings = self.peak_rss_kib = 0
        self.failed = False
        self.detail: list[str] = []

    @property
    def best(self) -> float:
        return min(self.times)


class ChildRun:
    """A finished child process: wall time, exit code, its own peak RSS and its output."""

    def __init__(self, seconds: float, returncode: int, max_rss_kib: int, stdout: str,
                 stderr: str) -> None:
        self.seconds = seconds
        self.returncode = returncode
        self.max_rss_kib = max_rss_kib
        self.stdout = stdout
        self.stderr = stderr


def run_child(command: Sequence[str], cwd: Path | None = None) -> ChildRun:
    """Run `command`, timing its wall clock and reading its own rusage via os.wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=err, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        return ChildRun(seconds, process.returncode, _kib(usage.ru_maxrss),
                        out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"))


def _kib(maxrss: int) -> int:
    return maxrss // 1024 if sys.platform == "darwin" else maxrss  # macOS reports bytes


def prepkit_command() -> list[str]:
    """The `prepkit` script next to this interpreter, else on PATH, else `python -m`."""
    beside = Path(sys.executable).with_name("prepkit")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("prepkit")
    return [found] if found else [sys.executable, "-m", "generator"]


def _generator_location() -> str:
    try:
        return str(Path(importlib.import_module("generator").__file__ or "?").parent)
    except ImportError:
        return str(REPO / "generator")


def measure_in_process(content_dir: Path, repeat: int) -> Measurement:
    try:
        pipeline: Any = importlib.import_module("generator.check.load")
    except ImportError:  # not installed: use the working tree this script lives in
        sys.path.insert(0, str(REPO))
        pipeline = importlib.import_module("generator.check.load")
    errors_module: Any = importlib.import_module("generator.errors")
    found = Measurement("load_kit(content_dir), in-process", "self")
    for _ in range(repeat):
        started = time.perf_counter()
        result = pipeline.load_kit(content_dir)
        found.times.append(time.perf_counter() - started)
        found.files = result.files_read
        found.errors = len(errors_module.errors_in(result.diagnostics))
        found.warnings = len(errors_module.warnings_in(result.diagnostics))
        found.detail = [d.format() for d in result.diagnostics[:10]]
        del result
    found.failed = found.errors + found.warnings > 0 or found.files == 0
    found.peak_rss_kib = _kib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return found


def measure_subprocess(config_file: Path, repeat: int) -> Measurement:
    command = [*prepkit_command(), "check", "--strict", "-f", str(config_file)]
    found = Measurement("prepkit check --strict, subprocess", "child")
    for _ in range(repeat):
        run = run_child(command)
        found.times.append(run.seconds)
        found.peak_rss_kib = max(found.peak_rss_kib, run.max_rss_kib)
        summary = SUMMARY.search(run.stderr)
        if summary:
            found.files, found.errors, found.warnings = map(int, summary.groups())
        found.failed = found.failed or run.returncode != 0 or summary is None
        found.detail = (run.stdout + run.stderr).splitlines()[:10]
    return found


def print_table(rows: Sequence[Measurement]) -> None:
    header = ("measurement", "files", "best s", "runs s", "errors", "warnings", "peak RSS")
    lines = [header]
    for row in rows:
        lines.append((row.label, f"{row.files:,}", f"{row.best:.3f}",
                      " ".join(f"{t:.3f}" for t in row.times), str(row.errors),
                      str(row.warnings), f"{row.peak_rss_kib / 1024:.1f} MiB ({row.rss_of})"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
              .rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark prepkit check on a synthetic kit.")
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--contacts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; best "
                        "is reported (default: 3)")
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="write the kit to DIR and keep it (default: a temporary folder)")
    parser.add_argument("--fail-over-target", action="store_true",
                        help=f"exit 2 when a best time is over {TARGET_SECONDS:g} s")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")

    with tempfile.TemporaryDirectory(prefix="prepkit-bench-") as scratch:
        kit_dir = args.keep or Path(scratch) / "kit"
        generate = [sys.executable, str(HERE / "synthetic.py"), str(kit_dir),
                    "--interviews", str(args.interviews), "--contacts", str(args.contacts),
                    "--seed", str(args.seed)]
        made = run_child(generate)
        if made.returncode != 0:
            print(made.stderr, file=sys.stderr)
            return 1
        file_count = sum(1 for _ in (kit_dir / "content").rglob("*.yml"))
        print(f"prepkit check benchmark, {time.strftime('%Y-%m-%d')}: "
              f"{args.interviews:,} interviews, {args.contacts:,} contacts, seed {args.seed}")
        print(f"Python {platform.python_version()} ({sys.executable}), {os.cpu_count()} CPUs, "
              f"{platform.system()} {platform.machine()}, generator from "
              f"{_generator_location()}")
        print(f"kit: {kit_dir} ({file_count:,} .yml files, written in {made.seconds:.2f} s, "
              f"generator peak RSS {made.max_rss_kib / 1024:.1f} MiB)")
        print()
        rows = [measure_in_process(kit_dir / "content", args.repeat),
                measure_subprocess(kit_dir / "mkdocs.yml", args.repeat)]
    print_table(rows)
    print()
    slow = [row for row in rows if row.best > TARGET_SECONDS]
    verdict = "over" if slow else "within"
    print(f"target: under {TARGET_SECONDS:g} s per check -> {verdict} target")
    failed = [row for row in rows if row.failed]
    for row in failed:
        print(f"\nFAILED: {row.label}; first lines of its report:", file=sys.stderr)
        for line in row.detail:
            print(f"  {line}", file=sys.stderr)
    if failed:
        return 1
    return 2 if slow and args.fail_over_target else 0


if __name__ == "__main__":
    sys.exit(main())
