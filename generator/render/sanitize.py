"""The second wall: every generated page's HTML is cleaned before the theme wraps it.

Escaping (generator.render.escape) should already have made text from YAML inert; this pass
keeps only the elements and attributes Markdown and the theme's extensions produce, and only
http(s), mailto and relative links, so a gap in escaping cannot become a script.
"""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import nh3

_TAGS = (set(nh3.ALLOWED_TAGS) - {"img", "area", "map"}) | {"input", "label", "tfoot"}
_GLOBAL_ATTRIBUTES = {"class", "id", "title", "dir", "lang"}
_ATTRIBUTES = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "download"},
    "input": {"type", "checked", "disabled"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
}
_EXTERNAL_LINK = re.compile(r'<a (?=[^>]*href="https?:)')


def clean_page_html(html: str) -> str:
    """Sanitized page body; links to other sites are marked so print can show their address."""
    cleaned = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES,
                        url_schemes={"http", "https", "mailto"},
                        link_rel="noopener noreferrer", strip_comments=True)
    return _EXTERNAL_LINK.sub('<a class="prepkit-external" ', cleaned)


class BackgroundSanitizer:
    """Sanitizes pages on a second thread while MkDocs goes on converting the next ones.

    nh3 works without holding Python's lock, so on a machine with two cores the cleaning
    costs the build almost no time. `apply` waits for every page and sets its content.
    """

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[tuple[Any, Future[str]]] = []

    def submit(self, page: Any, html: str) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prepkit-clean")
        self._pending.append((page, self._pool.submit(clean_page_html, html)))

    def apply(self) -> None:
        """Give each submitted page (anything with a `content`) its sanitized HTML."""
        pending, self._pending = self._pending, []
        for page, cleaned in pending:
            page.content = cleaned.result()

    def discard(self) -> None:
        for _, cleaned in self._pending:
            cleaned.cancel()
        self._pending = []

    def close(self) -> None:
        self.discard()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
