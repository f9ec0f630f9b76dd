"""The one module that writes generated pages: only files whose text changed are touched.

Unchanged files keep their modification time, so `mkdocs serve` and `--dirty` builds only
re-render what really changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.render.pages import Page


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int


def write_pages(pages: Iterable[Page], cache_dir: Path) -> WriteStats:
    """Mirror `pages` into `cache_dir`: write changed files, delete files no page has."""
    written = unchanged = 0
    wanted: set[Path] = set()
    for page in pages:
        target = cache_dir / page.uri
        wanted.add(target)
        data = page.text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, data)
        written += 1
    removed = 0
    if cache_dir.is_dir():
        for path in sorted(cache_dir.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return WriteStats(written, unchanged, removed)


def _write_atomically(target: Path, data: bytes) -> None:
    # A page is never seen half-written by a watching `mkdocs serve`.
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
