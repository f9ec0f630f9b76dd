"""Benchmark `prepkit build` at several kit sizes against plain MkDocs-Material (the floor).

Usage:
    python bench/bench_build.py [--sizes 250,500,1000 | --quick] [--repeat 2] [--seed 1]
                                [--keep DIR] [--no-incremental] [--fail-over-target]

For each size N it writes a kit with bench/synthetic.py (N interviews, N contacts, N // 20
fields, 20 question sets; in a child process), then measures:

  load      `generator.check.load.load_kit(content_dir)` in this process (read, validate,
            cross-check, lint); best of --repeat;
  generate  `generator.render.site.generate_site(content_dir, cache)` in this process: YAML to
            Markdown on disk, into an empty folder ("cold") and again with nothing changed
            ("warm"); best of --repeat each;
  check     `prepkit check --strict -f <kit>/mkdocs.yml` as a subprocess; best of --repeat;
  build     `prepkit build --today 2026-11-25 -f <kit>/mkdocs.yml` as a subprocess, from a
            clean state (no site/, no .prepkit-cache/): wall time including start-up; best of
            --repeat. Pages are the index.html files in site/; peak RSS is the child's own
            ru_maxrss (os.wait4), the largest over the runs;
  floor     plain MkDocs-Material on the same pages: `prepkit export DIR --today 2026-11-25`
            once (not timed in the floor), then `mkdocs build -f DIR/mkdocs.yml` (no prepkit
            plugin, per-item pages not_in_nav), from a clean site/; best of --repeat. Build and
            floor runs alternate, so a change in machine load hits both alike.

It prints ratio = build / floor for each size, and fits a least-squares line through the build
times to show how far each size is from linear.

Incremental (the largest size, unless --no-incremental): one contact's `name:` is changed
(the contact mentioned in the most content files). It reports how many generated pages
`generate_site` rewrites and which kinds, then times an in-process `--dirty` MkDocs rebuild
(load_config, plugins.on_startup(command="serve", dirty=True), build(config, dirty=True))
against an in-process full build of the same site into the same site_dir just before the edit.

Targets (stated for N = 1,000 on a 2-core machine): build at most 1.15x the floor, generation
at most 2 s, check at most 3 s, peak RSS at most 400 MB, each build time within 10% of the
fitted line, dirty rebuild at most a quarter of a full build. With other sizes the verdicts
are given for the size nearest 1,000. Exits 1 when a command fails, and 2 with
--fail-over-target when a target is missed. Unix only (resource, os.wait4).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = "2026-11-25"
DEFAULT_SIZES = (250, 500, 1000)
QUICK_SIZES = (50, 100, 200)
TARGET_SIZE = 1000
RATIO_TARGET = 1.15
GENERATION_TARGET_S = 2.0
CHECK_TARGET_S = 3.0
MEMORY_TARGET_BYTES = 400 * 1000 * 1000  # 400 MB (381 MiB)
LINEARITY_TARGET = 0.10
DIRTY_TARGET = 0.25
NEW_NAME = "Quinn Renamed-Example"


# Plain classes rather than dataclasses, so a test can load this file with importlib alone.


class ChildRun:
    """A finished child process: wall time, exit code, its own peak RSS and its output."""

    def __init__(self, seconds: float, returncode: int, max_rss_kib: int, stdout: str,
                 stderr: str) -> None:
        self.seconds = seconds
        self.returncode = returncode
        self.max_rss_kib = max_rss_kib
        self.stdout = stdout
        self.stderr = stderr

    def failure(self, command: Sequence[str]) -> str:
        tail = (self.stdout + self.stderr).strip().splitlines()[-15:]
        return "\n".join([f"`{' '.join(command)}` exited {self.returncode}:",
                          *(f"  {line}" for line in tail)])


class BenchFailure(Exception):
    """A command the benchmark runs failed; the message says which and shows its output."""


class SizeResult:
    """Every figure measured for one kit size."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.yaml_files = 0
        self.load_times: list[float] = []
        self.cold_times: list[float] = []
        self.warm_times: list[float] = []
        self.generated_pages = 0
        self.warm_written = -1
        self.check_times: list[float] = []
        self.export_seconds = 0.0
        self.build_times: list[float] = []
        self.floor_times: list[float] = []
        self.build_rss_kib = 0
        self.floor_rss_kib = 0
        self.pages = 0
        self.floor_pages = 0

    @property
    def build(self) -> float:
        return min(self.build_times)

    @property
    def floor(self) -> float:
        return min(self.floor_times)

    @property
    def ratio(self) -> float:
        return self.build / self.floor


class Incremental:
    """What one renamed contact costs: pages rewritten, by kind, and a --dirty rebuild."""

    def __init__(self, size: int, contact_id: str, old_name: str, new_name: str) -> None:
        self.size = size
        self.contact_id = contact_id
        self.old_name = old_name
        self.new_name = new_name
        self.written = self.unchanged = self.removed = 0
        self.changed_uris: list[str] = []
        self.kinds: dict[str, list[str]] = {}
        self.full_seconds = self.dirty_seconds = 0.0
        self.full_build_call = self.dirty_build_call = 0.0
        self.html_rewritten = 0
        self.files_rewritten = 0

    @property
    def dirty_ratio(self) -> float:
        return self.dirty_seconds / self.full_seconds


# ---------------------------------------------------------------------------------------------
# Child processes
# ---------------------------------------------------------------------------------------------

def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    for name in ("PREPKIT_TODAY", "SOURCE_DATE_EPOCH"):  # --today decides the date
        env.pop(name, None)
    return env


def run_child(command: Sequence[str]) -> ChildRun:
    """Run `command`, timing its wall clock and reading its own rusage via os.wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=err, env=child_env())
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped
        out.seek(0)
        err.seek(0)
        return ChildRun(seconds, process.returncode, _kib(usage.ru_maxrss),
                        out.read().decode("utf-8", "replace"),
                        err.read().decode("utf-8", "replace"))


def run_checked(command: Sequence[str]) -> ChildRun:
    run = run_child(command)
    if run.returncode != 0:
        raise BenchFailure(run.failure(command))
    return run


def _kib(maxrss: int) -> int:
    return maxrss // 1024 if sys.platform == "darwin" else maxrss  # macOS reports bytes


def _tool(name: str, fallback: list[str]) -> list[str]:
    """The script `name` next to this interpreter, else on PATH, else `fallback`."""
    beside = Path(sys.executable).with_name(name)
    if beside.is_file():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else fallback


def prepkit_command() -> list[str]:
    return _tool("prepkit", [sys.executable, "-m", "generator"])


def mkdocs_command() -> list[str]:
    return _tool("mkdocs", [sys.executable, "-m", "mkdocs"])


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:  # not installed: use the working tree this script lives in
        sys.path.insert(0, str(REPO))
        return importlib.import_module(name)


def _generator_location() -> str:
    try:
        return str(Path(_import("generator").__file__ or "?").parent)
    except ImportError:
        return str(REPO / "generator")


# ---------------------------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------------------------

def count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def best_of(repeat: int, action: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def measure_pipeline(result: SizeResult, kit_dir: Path, scratch: Path, repeat: int) -> None:
    """load_kit, then generate_site into an empty folder and again with nothing changed."""
    pipeline = _import("generator.check.load")
    site = _import("generator.render.site")
    errors = _import("generator.errors")
    content = kit_dir / "content"
    loaded = pipeline.load_kit(content)
    if loaded.kit is None or errors.errors_in(loaded.diagnostics):
        raise BenchFailure("the synthetic kit has errors:\n" + "\n".join(
            d.format() for d in loaded.diagnostics[:10]))
    result.yaml_files = loaded.files_read
    del loaded
    result.load_times = best_of(repeat, lambda: pipeline.load_kit(content))
    today = date.fromisoformat(TODAY)
    for attempt in range(repeat):
        cache = scratch / f"generate-{result.size}-{attempt}"
        shutil.rmtree(cache, ignore_errors=True)
        started = time.perf_counter()
        cold = site.generate_site(content, cache, today=today)
        result.cold_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        warm = site.generate_site(content, cache, today=today)
        result.warm_times.append(time.perf_counter() - started)
        result.generated_pages = len(cold.pages)
        result.warm_written = warm.stats.written
        del cold, warm
        if attempt:
            shutil.rmtree(cache, ignore_errors=True)


def measure_builds(result: SizeResult, kit_dir: Path, export_dir: Path, repeat: int) -> None:
    """`prepkit check`, then `prepkit build` and the plain-MkDocs floor, alternating."""
    config_file = kit_dir / "mkdocs.yml"
    check = [*prepkit_command(), "check", "--strict", "-f", str(config_file)]
    result.check_times = [run_checked(check).seconds for _ in range(repeat)]
    shutil.rmtree(export_dir, ignore_errors=True)
    export = [*prepkit_command(), "export", str(export_dir), "--today", TODAY,
              "-f", str(config_file)]
    result.export_seconds = run_checked(export).seconds
    build = [*prepkit_command(), "build", "--today", TODAY, "-f", str(config_file)]
    floor = [*mkdocs_command(), "build", "-f", str(export_dir / "mkdocs.yml")]
    for _ in range(repeat):
        for stale in (kit_dir / "site", kit_dir / ".prepkit-cache"):
            shutil.rmtree(stale, ignore_errors=True)
        run = run_checked(build)
        result.build_times.append(run.seconds)
        result.build_rss_kib = max(result.build_rss_kib, run.max_rss_kib)
        result.pages = count_pages(kit_dir / "site")
        shutil.rmtree(export_dir / "site", ignore_errors=True)
        run = run_checked(floor)
        result.floor_times.append(run.seconds)
        result.floor_rss_kib = max(result.floor_rss_kib, run.max_rss_kib)
        result.floor_pages = count_pages(export_dir / "site")


def busiest_contact(content: Path) -> str:
    """The contact whose id appears in the most other content files (ties: first by id)."""
    ids = sorted(path.stem for path in (content / "contacts").glob("*.yml"))
    texts = [path.read_text(encoding="utf-8") for path in sorted(content.rglob("*.yml"))]
    def mentions(contact_id: str) -> int:
        word = re.compile(rf"(?<![\w-]){re.escape(contact_id)}(?![\w-])")
        return sum(1 for text in texts if word.search(text))
    return max(ids, key=lambda contact_id: (mentions(contact_id), [-ord(c) for c in contact_id]))


def rename_contact(content: Path, contact_id: str, new_name: str) -> str:
    """Change the contact's `name:`; returns the old name."""
    path = content / "contacts" / f"{contact_id}.yml"
    text = path.read_text(encoding="utf-8")
    found = re.search(r"^name: (.+)$", text, re.MULTILINE)
    if found is None:
        raise BenchFailure(f"{path}: no 'name:' line to change")
    path.write_text(text[:found.start(1)] + new_name + text[found.end(1):], encoding="utf-8")
    return found.group(1).strip().strip("\"'")


def shows(name: str, markdown: str) -> bool:
    """Whether the page's Markdown shows `name` (punctuation in names is backslash-escaped)."""
    return name in markdown.replace("\\", "")


def classify(uri: str, *, contact_id: str, interviews_of_contact: set[str], mentions: bool) -> str:
    if uri == f"contacts/{contact_id}.md":
        return "the contact's page"
    if uri == "index.md":
        return "home dashboard"
    if uri.endswith("index.md"):
        return "index pages"
    if uri in interviews_of_contact:
        return "the contact's interview pages"
    return "other pages showing the name" if mentions else "other pages (name not shown)"


def _mkdocs_build(config_file: Path, *, dirty: bool) -> tuple[float, float]:
    """An in-process MkDocs build as `prepkit serve` does one; (total s, build() call s)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    started = time.perf_counter()
    config = load_config(config_file=str(config_file))
    config.plugins["prepkit"].config.today = TODAY
    config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
    called = time.perf_counter()
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    finished = time.perf_counter()
    return finished - started, finished - called


def measure_incremental(size: int, kit_dir: Path, scratch: Path) -> Incremental:
    site = _import("generator.render.site")
    content = kit_dir / "content"
    today = date.fromisoformat(TODAY)
    contact_id = busiest_contact(content)
    interviews = {f"interviews/{path.stem}.md" for path in (content / "interviews").glob("*.yml")
                  if re.search(rf"^contact: {re.escape(contact_id)}\s*$",
                               path.read_text(encoding="utf-8"), re.MULTILINE)}
    cache = scratch / f"incremental-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    before = site.generate_site(content, cache, today=today)

    # The site the dirty rebuild starts from: a full build into the kit's own site_dir.
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the 'dirty build' caution is expected
    full_seconds, full_call = _mkdocs_build(kit_dir / "mkdocs.yml", dirty=False)
    time.sleep(0.05)  # later mtimes for what follows, whatever the clock's granularity
    since = time.time() - 0.025  # file times come from a coarser clock that may lag a little

    old_name = rename_contact(content, contact_id, NEW_NAME)
    found = Incremental(size, contact_id, old_name, NEW_NAME)
    found.full_seconds, found.full_build_call = full_seconds, full_call
    after = site.generate_site(content, cache, today=today)
    found.written, found.unchanged, found.removed = (after.stats.written, after.stats.unchanged,
                                                     after.stats.removed)
    old_text = {page.uri: page.text for page in before.pages}
    for page in after.pages:
        if old_text.get(page.uri) == page.text:
            continue
        found.changed_uris.append(page.uri)
        mentions = shows(old_name, old_text.get(page.uri, "")) or shows(NEW_NAME, page.text)
        kind = classify(page.uri, contact_id=contact_id, interviews_of_contact=interviews,
                        mentions=mentions)
        found.kinds.setdefault(kind, []).append(page.uri)
    del before, after

    site_dir = kit_dir / "site"
    found.dirty_seconds, found.dirty_build_call = _mkdocs_build(kit_dir / "mkdocs.yml", dirty=True)
    newer = [path for path in site_dir.rglob("*") if path.is_file()
             and path.stat().st_mtime >= since]
    found.files_rewritten = len(newer)
    found.html_rewritten = sum(1 for path in newer if path.name == "index.html")
    return found


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def fit_line(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares (intercept, slope) through (x, y) points."""
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return mean_y - slope * mean_x, slope


def deviations(points: Sequence[tuple[float, float]]) -> list[float]:
    """Each point's relative distance from the fitted line, (y - fit) / fit."""
    intercept, slope = fit_line(points)
    return [(y - (intercept + slope * x)) / (intercept + slope * x) for x, y in points]


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    lines = [tuple(header), *map(tuple, rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for index, line in enumerate(lines):
        print("  ".join(cell.rjust(width) if index and i else cell.ljust(width)
                        for i, (cell, width) in enumerate(zip(line, widths, strict=True)))
              .rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def _runs(times: Sequence[float]) -> str:
    return f"{min(times):.2f} ({' '.join(f'{t:.2f}' for t in times)})"


def _mib(kib: int) -> str:
    return f"{kib / 1024:.0f}"


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def report(results: Sequence[SizeResult], incremental: Incremental | None) -> list[str]:
    """Print the tables and the target verdicts; returns the targets missed."""
    print_table(
        ("N", "yml files", "pages", "load s", "generate cold s", "warm s", "check s",
         "build s (runs)", "floor s (runs)", "ratio", "build RSS MiB", "floor RSS MiB"),
        [(f"{r.size:,}", f"{r.yaml_files:,}", f"{r.pages:,}", f"{min(r.load_times):.2f}",
          f"{min(r.cold_times):.2f}", f"{min(r.warm_times):.2f}", f"{min(r.check_times):.2f}",
          _runs(r.build_times), _runs(r.floor_times), f"{r.ratio:.3f}",
          _mib(r.build_rss_kib), _mib(r.floor_rss_kib)) for r in results])
    for r in results:
        if r.pages != r.floor_pages or r.warm_written != 0:
            print(f"note: N={r.size}: prepkit built {r.pages} pages, the floor "
                  f"{r.floor_pages}; a warm generate_site wrote {r.warm_written} pages")
    print()
    linear: list[float] = []
    if len(results) >= 3:
        for label, points in (("build", [(r.size, r.build) for r in results]),
                              ("floor", [(r.size, r.floor) for r in results])):
            intercept, slope = fit_line(points)
            spread = deviations(points)
            if label == "build":
                linear = spread
            print(f"{label} time ~ {intercept:.2f} s + {slope * 1000:.2f} s per 1,000 "
                  "interviews; deviation from the line: " + ", ".join(
                      f"N={x:,}: {d:+.1%}" for (x, _), d in zip(points, spread, strict=True)))
    else:
        print("linearity: needs 3 sizes or more")
    print()
    if incremental is not None:
        inc = incremental
        print(f"incremental, N={inc.size:,}: renamed contact {inc.contact_id!r} "
              f"({inc.old_name!r} -> {inc.new_name!r})")
        print(f"  generate_site rewrote {inc.written} pages ({inc.unchanged:,} unchanged, "
              f"{inc.removed} removed); pages whose text changed: {len(inc.changed_uris)}")
        for kind, uris in inc.kinds.items():
            shown = ", ".join(uris[:12]) + (f", ... ({len(uris) - 12} more)" if len(uris) > 12
                                            else "")
            print(f"  - {kind}: {len(uris)}: {shown}")
        print(f"  in-process full build {inc.full_seconds:.2f} s (build() {inc.full_build_call:.2f}"
              f" s); --dirty rebuild after the edit {inc.dirty_seconds:.2f} s (build() "
              f"{inc.dirty_build_call:.2f} s) = {inc.dirty_ratio:.1%} of the full build")
        print(f"  the dirty rebuild rewrote {inc.html_rewritten} index.html files "
              f"({inc.files_rewritten} files in site/)")
        print()

    at = min(results, key=lambda r: (abs(r.size - TARGET_SIZE), -r.size))
    where = f"N={at.size:,}" + ("" if at.size == TARGET_SIZE else
                                f", targets are stated for N={TARGET_SIZE:,}")
    verdicts = [
        (f"build at most {RATIO_TARGET}x the floor", f"{at.ratio:.3f}x",
         at.ratio <= RATIO_TARGET),
        (f"generation at most {GENERATION_TARGET_S:g} s", f"{min(at.cold_times):.2f} s cold, "
         f"{min(at.warm_times):.2f} s warm", min(at.cold_times) <= GENERATION_TARGET_S),
        (f"prepkit check at most {CHECK_TARGET_S:g} s", f"{min(at.check_times):.2f} s",
         min(at.check_times) <= CHECK_TARGET_S),
        ("peak memory at most 400 MB", f"{at.build_rss_kib * 1024 / 1e6:.0f} MB "
         f"({_mib(at.build_rss_kib)} MiB)", at.build_rss_kib * 1024 <= MEMORY_TARGET_BYTES),
    ]
    if linear:
        worst = max(linear, key=abs)
        verdicts.append((f"build time linear in N (within {LINEARITY_TARGET:.0%})",
                         f"worst {worst:+.1%}", abs(worst) <= LINEARITY_TARGET))
    if incremental is not None:
        verdicts.append((f"--dirty rebuild at most {DIRTY_TARGET:.0%} of a full build",
                         f"{incremental.dirty_ratio:.1%} (N={incremental.size:,})",
                         incremental.dirty_ratio <= DIRTY_TARGET))
    print(f"targets ({where}):")
    for label, figure, met in verdicts:
        print(f"  {'met    ' if met else 'NOT MET'}  {label}: {figure}")
    return [label for label, _, met in verdicts if not met]


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: write sizes like 250,500,1000") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: sizes must be 1 or more")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark prepkit build against plain "
                                     "MkDocs-Material on synthetic kits.")
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES),
                        help="interview (and contact) counts, comma-separated "
                        "(default: 250,500,1000)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run with sizes 50,100,200")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs per measurement; best is reported (default: 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="write kits, exports and sites under DIR and keep them "
                        "(default: a temporary folder)")
    parser.add_argument("--no-incremental", action="store_true",
                        help="skip the renamed-contact and --dirty rebuild measurement")
    parser.add_argument("--fail-over-target", action="store_true",
                        help="exit 2 when a target is missed")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    sizes = list(QUICK_SIZES) if args.quick else args.sizes
    os.environ["NO_MKDOCS_2_WARNING"] = "1"

    print(f"prepkit build benchmark, {time.strftime('%Y-%m-%d %H:%M')}: sizes "
          f"{', '.join(f'{n:,}' for n in sizes)} (interviews = contacts), seed {args.seed}, "
          f"best of {args.repeat}")
    print(f"Python {platform.python_version()} ({sys.executable}), {os.cpu_count()} CPUs, "
          f"{platform.system()} {platform.machine()}, generator from {_generator_location()}")
    print(f"load average at start: {_load()}")
    started = time.perf_counter()
    results: list[SizeResult] = []
    incremental: Incremental | None = None
    try:
        with tempfile.TemporaryDirectory(prefix="prepkit-bench-build-") as temporary:
            scratch = args.keep.resolve() if args.keep else Path(temporary)
            scratch.mkdir(parents=True, exist_ok=True)
            for size in sizes:
                kit_dir = scratch / f"kit-{size}"
                run_checked([sys.executable, str(HERE / "synthetic.py"), str(kit_dir),
                             "--interviews", str(size), "--seed", str(args.seed)])
                result = SizeResult(size)
                measure_pipeline(result, kit_dir, scratch, args.repeat)
                measure_builds(result, kit_dir, scratch / f"export-{size}", args.repeat)
                results.append(result)
                print(f"  N={size:,}: build {result.build:.2f} s, floor {result.floor:.2f} s, "
                      f"{result.pages:,} pages (load average {_load()})", flush=True)
            if not args.no_incremental:
                incremental = measure_incremental(sizes[-1], scratch / f"kit-{sizes[-1]}",
                                                  scratch)
    except BenchFailure as failure:
        print(f"\nFAILED: {failure}", file=sys.stderr)
        return 1
    own_rss = _kib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(f"load average at end: {_load()}; the run took {time.perf_counter() - started:.0f} s,"
          f" peak RSS of this process {_mib(own_rss)} MiB")
    print()
    missed = report(results, incremental)
    return 2 if missed and args.fail_over_target else 0


if __name__ == "__main__":
    sys.exit(main())
