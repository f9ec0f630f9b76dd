"""A served site's search index that stays whole across incremental rebuilds.

MkDocs' search plugin indexes only the pages a dirty rebuild renders, so after one edit the
served index would hold only those pages. This keeps each page's entries from the build
that last rendered it and writes the whole index back after every build.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

INDEX = Path("search") / "search_index.json"


class WholeSearchIndex:
    def __init__(self) -> None:
        self._entries: dict[str, list[dict[str, Any]]] = {}  # page url -> its entries

    def complete(self, site_dir: Path, *, rendered: set[str], pages: Sequence[str]) -> None:
        """Put back the entries of `pages` that this build did not render."""
        index_file = site_dir / INDEX
        try:
            data = json.loads(index_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no search plugin, or nothing written
        fresh: dict[str, list[dict[str, Any]]] = {}
        for entry in data.get("docs", []):
            fresh.setdefault(str(entry.get("location", "")).split("#")[0], []).append(entry)
        for url in rendered:
            self._entries[url] = _last_rendering(url, fresh.get(url, []))
        wanted = set(pages)
        self._entries = {url: entries for url, entries in self._entries.items()
                         if url in wanted}
        data["docs"] = [entry for url in pages for entry in self._entries.get(url, [])]
        index_file.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                              encoding="utf-8")


def _last_rendering(url: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A page's entries from its latest rendering: a search plugin that keeps its index
    between builds lists a rebuilt page twice, each time starting with the page itself."""
    starts = [number for number, entry in enumerate(entries) if entry.get("location") == url]
    return entries[starts[-1]:] if starts else entries
