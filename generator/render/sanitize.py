"""The second wall: every generated page's HTML is cleaned before the theme wraps it.

Escaping (generator.render.escape) should already have made text from YAML inert; this pass
keeps only the elements and attributes Markdown and the theme's extensions produce, and only
http(s), mailto and relative links, so a gap in escaping cannot become a script.
"""

from __future__ import annotations

import re
from typing import Any

import nh3

from generator.forking import ForkedMap

# The inline SVG charts (generator.render.chart) use these, and nothing else of SVG: no
# script, no event handlers, no links, no foreignObject.
_SVG_TAGS = {"svg", "rect", "line", "text", "title"}
_SVG_ATTRIBUTES = {"viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "fill",
                   "stroke", "stroke-width", "text-anchor", "font-size", "role", "aria-label"}
_TAGS = (set(nh3.ALLOWED_TAGS) - {"img", "area", "map"}) | {"input", "label", "tfoot"} | _SVG_TAGS
_GLOBAL_ATTRIBUTES = {"class", "id", "title", "dir", "lang"}
_ATTRIBUTES = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "download"},
    "input": {"type", "checked", "disabled"},
    "ol": {"start"},
    **dict.fromkeys(("svg", "rect", "line", "text"), _SVG_ATTRIBUTES),
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


class PageSanitizer:
    """Sanitizes pages in a forked process while MkDocs goes on converting the next ones.

    `start` (before the build reads any page) forks the process where that is possible;
    `submit` sends it a page's HTML, and `apply` waits for every page and sets its content.
    Without a process, `apply` does the cleaning itself.
    """

    def __init__(self) -> None:
        self._pages: list[Any] = []
        self._cleaner: ForkedMap | None = None

    def start(self) -> None:
        self.discard()  # anything left by a rebuild that stopped half-way
        self._cleaner = ForkedMap(clean_page_html)

    def submit(self, page: Any, html: str) -> None:
        if self._cleaner is None:
            self._cleaner = ForkedMap(clean_page_html, fork=False)
        self._pages.append(page)
        self._cleaner.send(html)

    def apply(self) -> None:
        """Give each submitted page (anything with a `content`) its sanitized HTML."""
        pages, self._pages = self._pages, []
        if self._cleaner is not None:
            for page, cleaned in zip(pages, self._cleaner.results(), strict=True):
                page.content = cleaned

    def discard(self) -> None:
        self._pages = []
        if self._cleaner is not None:
            self._cleaner.cancel()
            self._cleaner = None
