"""The one module that writes generated pages: only files whose text changed are touched.

Unchanged files keep their modification time, so `mkdocs serve` and `--dirty` builds only
re-render what really changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.render.pages import Page


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(self.written + other.written, self.unchanged + other.unchanged,
                          self.removed + other.removed)


def write_pages(pages: Iterable[Page], cache_dir: Path) -> WriteStats:
    """Mirror `pages` into `cache_dir`: write changed files, delete files no page has."""
    pages = list(pages)
    return write_changed(pages, cache_dir) + remove_others(cache_dir, {p.uri for p in pages})


def write_changed(pages: Iterable[Page], cache_dir: Path) -> WriteStats:
    """Write each page whose file is missing or holds other text; leave the rest alone."""
    written = unchanged = 0
    for page in pages:
        target = cache_dir / page.uri
        data = page.text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, data)
        written += 1
    return WriteStats(written, unchanged, 0)


def remove_others(cache_dir: Path, uris: set[str]) -> WriteStats:
    """Delete the files under `cache_dir` that are not one of `uris`, and emptied folders."""
    removed = 0
    # os.walk lists each folder once (scandir), deepest folders first, so an emptied folder
    # can go right after its files.
    for folder, _, names in os.walk(cache_dir, topdown=False):
        here = Path(folder)
        prefix = here.relative_to(cache_dir).as_posix() + "/"
        for name in names:
            if (prefix + name).removeprefix("./") not in uris:
                (here / name).unlink()
                removed += 1
        if here != cache_dir and not any(here.iterdir()):
            here.rmdir()
    return WriteStats(0, 0, removed)


def _write_atomically(target: Path, data: bytes) -> None:
    # A page is never seen half-written by a watching `mkdocs serve`.
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
