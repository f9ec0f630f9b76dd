"""How long printed prep packets take with Typst: seconds per packet, and a booklet.

Usage:
    python bench/bench_packets.py [--interviews 100] [--booklet 50] [--seed 1] [--repeat 5]

Writes one synthetic kit with bench/synthetic.py, then measures, each run in a fresh Python
process (Typst memoizes layout within a process, so a second run of the same packets in one
process would measure its cache):

- `write_packets` of 10, 25, 50 and --interviews packets in one process (how it scales);
- the same --interviews packets compiled by a pool of worker processes, one per core, as the
  WeasyPrint renderer did, to show whether parallelism still pays;
- `write_booklet` of --booklet conversations, contents page included;
- a second `write_packets` into the same folder with nothing changed (each packet is
  recognised by the digest in its keywords and not printed again).

In each process the kit is loaded, and Typst loaded with one other packet printed, before the
clock starts, as `prepkit packets` pays that once a run; that cold start is reported on its own
line. Each figure is the median of --repeat runs: wall-clock seconds, and CPU seconds of the
process and its workers. Targets: 0.05 s a packet or less at 100 packets, a booklet of 50
within 1 s. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from types import ModuleType

import pypdf

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = date(2026, 11, 25)
PACKET_TARGET = 0.05
BOOKLET_TARGET = 1.0

if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))

from generator.check.load import load_kit  # noqa: E402
from generator.derive.relations import Relations, relate  # noqa: E402
from generator.kit import Kit  # noqa: E402
from generator.packets import pdf, write_booklet, write_packets  # noqa: E402
from generator.packets.render import PacketOptions, PacketRenderer  # noqa: E402


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


def in_a_pool(kit: Kit, relations: Relations, ids: list[str], out_dir: Path) -> None:
    """The packets compiled by one worker process a core, as parallel.py used to. The workers
    are forked before this process has loaded Typst, and each loads it once."""
    renderer = PacketRenderer(kit, relations, PacketOptions(today=TODAY))
    documents = [pdf.data_json(renderer.packet_data(interview_id)) for interview_id in ids]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1,
                             mp_context=multiprocessing.get_context("fork"),
                             initializer=pdf.warm_up) as pool:
        printed = list(pool.map(_compile, documents, chunksize=4))
    out_dir.mkdir(parents=True)
    for interview_id, data in zip(ids, printed, strict=True):
        (out_dir / f"{interview_id}.pdf").write_bytes(data)


def _compile(document: str) -> bytes:
    return pdf.document_to_pdf(document, today=TODAY, key=pdf.source_key(document))


def child(kind: str, kit_dir: Path, count: int, scratch: Path) -> None:
    """One measurement in this fresh process; prints `wall cpu cold` seconds."""
    kit, relations = load(kit_dir / "content")
    ids = list(kit.interviews)[:count]
    cold = 0.0
    if kind != "pool":  # workers load Typst themselves, after the fork
        started = time.perf_counter()
        write_packets(kit, relations, out_dir=scratch / "cold", today=TODAY, public=False,
                      interview_ids=[list(kit.interviews)[-1]])
        cold = time.perf_counter() - started
    if kind == "again":
        write_packets(kit, relations, out_dir=scratch / "out", today=TODAY, public=False,
                      interview_ids=ids)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    if kind in ("packets", "again"):
        write_packets(kit, relations, out_dir=scratch / "out", today=TODAY, public=False,
                      interview_ids=ids)
    elif kind == "pool":
        in_a_pool(kit, relations, ids, scratch / "out")
    else:
        write_booklet(kit, relations, out_dir=scratch / "out", today=TODAY, public=False,
                      interview_ids=ids)
    print(time.perf_counter() - started, cpu_seconds() - cpu_started, cold)


def run_child(kind: str, kit_dir: Path, count: int, scratch: Path) -> tuple[float, float, float]:
    folder = scratch / f"{kind}-{count}-{time.monotonic_ns()}"
    folder.mkdir()
    done = subprocess.run([sys.executable, __file__, "--child", kind, "--kit", str(kit_dir),
                           "--interviews", str(count), "--scratch", str(folder)],
                          check=True, capture_output=True, text=True)
    wall, cpu, cold = (float(value) for value in done.stdout.split())
    return wall, cpu, cold


def median_of(kind: str, kit_dir: Path, count: int, scratch: Path,
              repeat: int) -> tuple[float, float, float]:
    runs = [run_child(kind, kit_dir, count, scratch) for _ in range(repeat)]
    return tuple(statistics.median(run[index] for run in runs)  # type: ignore[return-value]
                 for index in range(3))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark printed prep packets.")
    parser.add_argument("--interviews", type=int, default=100)
    parser.add_argument("--booklet", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median "
                        "is reported (default: 5)")
    parser.add_argument("--child", choices=["packets", "pool", "booklet", "again"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--kit", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.kit, args.interviews, args.scratch)
        return 0

    print(f"prepkit packets benchmark, {time.strftime('%Y-%m-%d')}: Python "
          f"{sys.version.split()[0]}, typst {pdf.typst_version()}, {os.cpu_count()} CPUs, "
          f"load average {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    rows: list[tuple[str, int, float, float]] = []
    colds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="prepkit-packets-") as folder:
        scratch = Path(folder)
        kit_dir = scratch / "kit"
        synthetic().write_kit(kit_dir, interviews=max(args.interviews, args.booklet) + 1,
                              seed=args.seed)
        for count in sorted({10, 25, 50, args.interviews}):
            wall, cpu, cold = median_of("packets", kit_dir, count, scratch, args.repeat)
            rows.append((f"write_packets, one process, {count} packets", count, wall, cpu))
            colds.append(cold)
        count = args.interviews
        wall, cpu, _ = median_of("pool", kit_dir, count, scratch, args.repeat)
        rows.append((f"process pool, {os.cpu_count()} workers, {count} packets", count, wall,
                     cpu))
        wall, cpu, _ = median_of("again", kit_dir, count, scratch, args.repeat)
        rows.append((f"again, nothing changed, {count} packets", count, wall, cpu))
        wall, cpu, _ = median_of("booklet", kit_dir, args.booklet, scratch, args.repeat)
        rows.append((f"write_booklet, {args.booklet} conversations", args.booklet, wall, cpu))
        booklet_pages = len(pypdf.PdfReader(max(scratch.glob("booklet-*/out/booklet.pdf"),
                                                key=lambda path: path.stat().st_mtime)).pages)

    print(f"cold start (load Typst and its fonts, print one packet): "
          f"{statistics.median(colds):.3f} s")
    width = max(len(row[0]) for row in rows)
    print()
    print(f"{'measurement'.ljust(width)}  packets  wall s  wall s/packet  CPU s/packet")
    print(f"{'-' * width}  -------  ------  -------------  ------------")
    for label, number, wall, cpu in rows:
        print(f"{label.ljust(width)}  {number:7d}  {wall:6.3f}  {wall / number:13.4f}  "
              f"{cpu / number:12.4f}")
    print(f"\nbooklet of {args.booklet}: {booklet_pages} pages")
    at_scale = next(row for row in rows
                    if row[0] == f"write_packets, one process, {args.interviews} packets")
    booklet = rows[-1]
    per_packet = at_scale[2] / at_scale[1]
    print(f"target: {PACKET_TARGET:g} s a packet or less at {args.interviews} packets -> "
          f"{per_packet:.4f} s, {'within' if per_packet <= PACKET_TARGET else 'over'} target")
    print(f"target: a booklet of {args.booklet} within {BOOKLET_TARGET:g} s -> "
          f"{booklet[2]:.3f} s, {'within' if booklet[2] <= BOOKLET_TARGET else 'over'} target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
