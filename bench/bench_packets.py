"""How long printed prep packets take: seconds per packet, serial and parallel.

Usage:
    python bench/bench_packets.py [--interviews 100] [--seed 1] [--repeat 2]

Measures `generator.packets.write_packets` in this process on (a) the shipped example kit and
(b) a synthetic kit of --interviews interviews written by bench/synthetic.py, once with one
process (`jobs=1`) and once across every core (`jobs=None`). WeasyPrint is loaded and one
packet printed before timing, as `prepkit packets` pays that once per run; the cold start is
reported on its own line. Each figure is the best of --repeat runs, written to a fresh
folder: wall-clock seconds, and CPU seconds of this process and its workers (which another
job on the machine inflates much less). A last figure is a second run into the same folder with
nothing changed, where each packet is recognised by its PDF identifier and not printed again.
The target is 0.3 s a packet or less (wall clock).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = date(2026, 11, 25)
TARGET_SECONDS = 0.3

if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

from generator.derive import Relations, relate  # noqa: E402
from generator.kit import Kit  # noqa: E402
from generator.packets import write_packets  # noqa: E402
from generator.packets.parallel import available_cores  # noqa: E402
from generator.packets.render import PacketOptions, PacketRenderer  # noqa: E402
from generator.pipeline import load_kit  # noqa: E402


def synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", HERE / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(content_dir: Path) -> tuple[Kit, Relations]:
    result = load_kit(content_dir)
    if result.kit is None:
        raise SystemExit(f"{content_dir}: the kit has errors")
    return result.kit, relate(result.kit, datetime.combine(TODAY, clock.min))


Row = tuple[str, int, float, float]  # label, packets, wall seconds, CPU seconds


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(kit: Kit, relations: Relations, out_dir: Path, jobs: int | None) -> tuple[float, float]:
    started, cpu_started = time.perf_counter(), cpu_seconds()
    write_packets(kit, relations, out_dir=out_dir, today=TODAY, public=False, jobs=jobs)
    return time.perf_counter() - started, cpu_seconds() - cpu_started


def best_seconds(kit: Kit, relations: Relations, scratch: Path, *, jobs: int | None,
                 repeat: int) -> tuple[float, float]:
    """Every packet printed, into a fresh folder each run."""
    return min(timed(kit, relations, scratch / f"run-{jobs}-{run}-{time.monotonic_ns()}", jobs)
               for run in range(repeat))


def html_seconds(kit: Kit, relations: Relations) -> tuple[float, float]:
    started, cpu_started = time.perf_counter(), cpu_seconds()
    renderer = PacketRenderer(kit, relations, PacketOptions(today=TODAY))
    for interview_id in kit.interviews:
        renderer.packet_html(interview_id)
    return time.perf_counter() - started, cpu_seconds() - cpu_started


def measure(label: str, kit: Kit, relations: Relations, scratch: Path,
            repeat: int) -> list[Row]:
    count = len(kit.interviews)
    rows = [(f"{label}: HTML only (packet_html)", count, *html_seconds(kit, relations))]
    rows.append((f"{label}: serial (jobs=1)", count,
                 *best_seconds(kit, relations, scratch, jobs=1, repeat=repeat)))
    rows.append((f"{label}: parallel ({available_cores()} cores)", count,
                 *best_seconds(kit, relations, scratch, jobs=None, repeat=repeat)))
    again = scratch / f"again-{time.monotonic_ns()}"
    timed(kit, relations, again, None)
    rows.append((f"{label}: again, nothing changed", count, *timed(kit, relations, again, None)))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark printed prep packets.")
    parser.add_argument("--interviews", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=2, help="runs per figure; the best is "
                        "reported (default: 2)")
    args = parser.parse_args(argv)

    print(f"prepkit packets benchmark, {time.strftime('%Y-%m-%d')}: Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="prepkit-packets-") as folder:
        scratch = Path(folder)
        example = load(REPO / "content")
        started = time.perf_counter()
        write_packets(*example, out_dir=scratch / "cold", today=TODAY, public=False,
                      interview_ids=[next(iter(example[0].interviews))], jobs=1)
        print(f"cold start (load WeasyPrint and fonts, print one packet): "
              f"{time.perf_counter() - started:.2f} s")
        synthetic().write_kit(scratch / "kit", interviews=args.interviews, seed=args.seed)
        rows = measure("example kit", *example, scratch, args.repeat)
        rows += measure(f"synthetic kit, {args.interviews} interviews",
                        *load(scratch / "kit/content"), scratch, args.repeat)

    width = max(len(row[0]) for row in rows)
    print()
    print(f"{'measurement'.ljust(width)}  packets  wall s  wall s/packet  CPU s/packet")
    print(f"{'-' * width}  -------  ------  -------------  ------------")
    for label, count, wall, cpu in rows:
        print(f"{label.ljust(width)}  {count:7d}  {wall:6.2f}  {wall / count:13.3f}  "
              f"{cpu / count:12.3f}")
    slow = [row[0] for row in rows if "parallel" in row[0] and row[2] / row[1] > TARGET_SECONDS]
    print()
    print(f"target: {TARGET_SECONDS:g} s a packet or less in parallel -> "
          f"{'over' if slow else 'within'} target" + (f" ({', '.join(slow)})" if slow else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
