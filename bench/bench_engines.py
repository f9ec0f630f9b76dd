"""Benchmark both engines at one kit size, as medians of alternating pairs.

Usage:
    python bench/bench_engines.py [--size 1000] [--pairs 3] [--seed 1] [--keep DIR]
                                  [--skip-serve] [--skip-fork] [--only-serve]

Writes a synthetic kit (bench/synthetic.py, N interviews and N contacts) and its export
(`prepkit export`, not timed), then measures, each comparison as A B A B ... (--pairs pairs)
from a clean state every run, reporting the median of the per-pair ratios A / B:

  mkdocs     `prepkit build --engine mkdocs`  against plain `mkdocs build` of the export
             (MkDocs-Material, per-item pages out of the nav): target at most 1.10;
  zensical   `prepkit build --engine zensical` against plain `zensical build` of the
             export: target at most 1.15;
  forking    `prepkit build` as is against `PREPKIT_NO_FORK=1 prepkit build` (all in one
             process): what the forked helpers buy (kept only if they pay 10% or more);
  check      `prepkit check` (median of --pairs runs): target 3 s;
  generate   the site's pages rendered in memory, in this process (median): target 2 s;
  memory     the largest peak RSS of a `prepkit build` (os.wait4): target 400 MB;
  serve      for each engine, `prepkit serve`: seconds to the first page, then seconds from
             saving a contact's new name to the page showing it (median of --pairs edits,
             each made once the last has settled: the contacts index shows it too),
             and whether the served search index holds every page's entries afterwards
             (targets: first page 8 s; edit 1.5 s with Zensical, 3 s with MkDocs); then
             the engine's own `mkdocs serve` / `zensical serve` of the export, cold, for
             the same page and a comparable edit: what the engine alone gives.

Figures go to stdout as a Markdown table. Unix only (os.wait4, resource).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

TODAY = "2026-11-25"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str], *, cwd: Path, env: dict[str, str] | None = None,
          before: Callable[[], None] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one run of `command`; it must succeed."""
    if before is not None:
        before()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return seconds, usage.ru_maxrss * 1024


def pairs(a: Callable[[], float], b: Callable[[], float], count: int) -> tuple[float, float,
                                                                               float]:
    """Median ratio of alternating runs, and the medians of A and of B."""
    runs = [(a(), b()) for _ in range(count)]
    return (statistics.median(x / y for x, y in runs), statistics.median(x for x, _ in runs),
            statistics.median(y for _, y in runs))


def clean(*paths: Path) -> Callable[[], None]:
    def remove() -> None:
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)
    return remove


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(check: Callable[[], bool], limit: float = 120.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if check():
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit("gave up waiting")


def serve_figures(kit: Path, engine: str, edits: int) -> tuple[float, float, str]:
    """`prepkit serve`: first page, median edit-to-visible, and how many pages the served
    search index holds after the edits."""
    shutil.rmtree(kit / ".prepkit-cache", ignore_errors=True)
    contact = sorted((kit / "content" / "contacts").glob("*.yml"))[0]
    original = contact.read_text(encoding="utf-8")
    name = next(line for line in original.splitlines() if line.startswith("name: "))

    def edit(number: int) -> str:
        contact.write_text(original.replace(name, f"name: Renamed Person {number}"),
                           encoding="utf-8")
        return f"Renamed Person {number}"

    try:
        return _serve([sys.executable, "-m", "generator", "serve", "-f",
                       str(kit / "mkdocs.yml"), "--engine", engine, "--today", TODAY],
                      kit, engine, f"contacts/{contact.stem}/", edit, edits, "contacts/")
    finally:
        contact.write_text(original, encoding="utf-8")


def plain_serve_figures(export: Path, engine: str, edits: int) -> tuple[float, float, str]:
    """The engine's own `serve` of the exported pages, cold (no site, no cache): what the
    engine itself gives, for the same page and a comparable edit (a line added)."""
    shutil.rmtree(export / ".cache", ignore_errors=True)
    shutil.rmtree(export / "site", ignore_errors=True)
    page = sorted((export / "docs" / "contacts").glob("*.md"))[1]
    original = page.read_text(encoding="utf-8")

    def edit(number: int) -> str:
        page.write_text(original + f"\nEdited line {number}\n", encoding="utf-8")
        return f"Edited line {number}"

    try:
        return _serve([sys.executable, "-m", engine, "serve", "-f", str(export / "mkdocs.yml")],
                      export, engine, f"contacts/{page.stem}/", edit, edits,
                      f"contacts/{page.stem}/")
    finally:
        page.write_text(original, encoding="utf-8")


def _serve(command: list[str], cwd: Path, engine: str, page: str,
           edit: Callable[[int], str], edits: int, settled: str = "") -> tuple[float, float, str]:
    """First page; median seconds from an edit to the page showing it, each edit made once
    the previous one has settled (the `settled` page shows it too, then a second more); and
    the pages in the served search index afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    start = time.perf_counter()
    server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=cwd, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: fetch(base + page) is not None)
        first = time.perf_counter() - start
        seen = []
        for number in range(edits):
            time.sleep(1.0)
            text = edit(number)
            seen.append(wait_for(lambda text=text: text in (fetch(base + page) or "")))
            # Settled: the index that lists the page follows too (the rest of the site).
            wait_for(lambda text=text: text in (fetch(base + settled) or ""))
        index = "search.json" if engine == "zensical" else "search/search_index.json"
        time.sleep(2)
        served = json.loads(fetch(base + index) or "{}")
        entries = served.get("docs", served.get("items", []))
        pages = {str(entry.get("location", "")).split("#")[0] for entry in entries}
        whole = f"{len(pages)} pages indexed"
    finally:
        server.terminate()
        server.wait(timeout=20)
    return first, statistics.median(seen), whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-fork", action="store_true")
    parser.add_argument("--only-serve", action="store_true", help="the serve rows only")
    args = parser.parse_args()

    import synthetic  # bench/synthetic.py

    root = args.keep or Path(tempfile.mkdtemp(prefix="prepkit-engines-"))
    kit, export = root / "kit", root / "export"
    synthetic.write_kit(kit, interviews=args.size, seed=args.seed)
    prepkit = [sys.executable, "-m", "generator"]
    subprocess.run([*prepkit, "export", str(export), "-f", str(kit / "mkdocs.yml"), "--today",
                    TODAY], check=True, env=ENV, stdout=subprocess.DEVNULL)
    pages = len(list((export / "docs").rglob("*.md")))
    site, cache = kit / "site", kit / ".prepkit-cache"
    peak = 0

    def build(engine: str, env: dict[str, str] | None = None) -> Callable[[], float]:
        def run() -> float:
            nonlocal peak
            seconds, rss = timed([*prepkit, "build", "-f", str(kit / "mkdocs.yml"), "--today",
                                  TODAY, "--engine", engine], cwd=kit, env=env,
                                 before=clean(site, cache))
            peak = max(peak, rss)
            return seconds
        return run

    def plain(command: list[str], *leftovers: Path) -> Callable[[], float]:
        return lambda: timed(command, cwd=export, before=clean(*leftovers))[0]

    rows: list[tuple[str, str, str]] = []
    if not args.only_serve:
        ratio, a, b = pairs(build("mkdocs"),
                            plain([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                   str(export / "mkdocs.yml")], export / "site"), args.pairs)
        rows.append(("MkDocs engine / plain MkDocs-Material", f"{a:.2f} s / {b:.2f} s",
                     f"**{ratio:.3f}** (target 1.10)"))
        ratio, a, b = pairs(build("zensical"),
                            plain([sys.executable, "-m", "zensical", "build", "-f",
                                   str(export / "mkdocs.yml")], export / "site",
                                  export / ".cache"), args.pairs)
        rows.append(("Zensical engine / plain `zensical build`", f"{a:.2f} s / {b:.2f} s",
                     f"**{ratio:.3f}** (target 1.15)"))
        if not args.skip_fork:
            ratio, a, b = pairs(build("mkdocs"), build("mkdocs", {**ENV, "PREPKIT_NO_FORK": "1"}),
                                args.pairs)
            rows.append(("`prepkit build` forked helpers / one process", f"{a:.2f} s / {b:.2f} s",
                         f"{ratio:.3f} (forking pays {100 * (1 - ratio):.0f}%)"))
        check = statistics.median(
            timed([*prepkit, "check", "-f", str(kit / "mkdocs.yml")], cwd=kit)[0]
            for _ in range(args.pairs))
        rows.append(("`prepkit check`", f"{check:.2f} s", "target 3 s"))

        from generator.render.site import prepare_site, render_site

        def generate() -> float:
            start = time.perf_counter()
            render_site(prepare_site(kit / "content", today=date.fromisoformat(TODAY)))
            return time.perf_counter() - start

        rows.append(("generation (load, check, derive, render in memory)",
                     f"{statistics.median(generate() for _ in range(args.pairs)):.2f} s",
                     "target 2 s"))
        rows.append(("peak RSS of `prepkit build`", f"{peak / 2**20:.0f} MiB", "target 400 MB"))
    if not args.skip_serve:
        for engine, target in (("mkdocs", 3.0), ("zensical", 1.5)):
            first, edit, whole = serve_figures(kit, engine, args.pairs)
            rows.append((f"`prepkit serve --engine {engine}`",
                         f"first page {first:.1f} s; edit visible {edit:.2f} s; {whole}",
                         f"targets 8 s / {target} s"))
            first, edit, whole = plain_serve_figures(export, engine, args.pairs)
            rows.append((f"plain `{engine} serve` of the export (the engine alone)",
                         f"first page {first:.1f} s; edit visible {edit:.2f} s; {whole}",
                         "for comparison"))
    print(f"N = {args.size} interviews, {pages} pages; {os.cpu_count()} cores; "
          f"Python {sys.version.split()[0]}; {args.pairs} alternating pairs, medians")
    print()
    print("| measure | figures | ratio / verdict |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
