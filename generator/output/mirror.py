"""Generated pages mirrored into the kit's cache folder: only files whose text changed are
touched.

Unchanged files keep their modification time, so `mkdocs serve` and `--dirty` builds only
re-render what really changed. The cache folder is claimed through `OwnedFolder` first, so
what `remove_others` deletes is always prepkit's own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from generator.output.owned import WriteStats, write_if_changed


class Page(Protocol):
    """What a page is to the writer: where it goes and its text."""

    @property
    def uri(self) -> str: ...

    @property
    def text(self) -> str: ...


def write_changed(pages: Iterable[Page], cache_dir: Path) -> WriteStats:
    """Write each page whose file is missing or holds other text; leave the rest alone."""
    written = unchanged = 0
    for page in pages:
        if write_if_changed(cache_dir / page.uri, page.text.encode("utf-8")):
            written += 1
        else:
            unchanged += 1
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
