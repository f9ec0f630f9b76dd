"""The second wall: every page's HTML is cleaned as Markdown produces it, before any theme
or plugin sees it.

Escaping (generator.render.escape) should already have made text from YAML inert; this pass
keeps only the elements and attributes Markdown and the theme's extensions produce, and only
http(s), mailto and relative links, so a gap in escaping, or raw HTML in a kit's own guide
page, cannot become a script. It runs as a Python-Markdown extension
(`generator.render.sanitize`), which every engine that renders Markdown with Python-Markdown
loads: MkDocs through the prepkit plugin or an exported mkdocs.yml, and Zensical.
"""

from __future__ import annotations

import re

import nh3
from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from generator.render.html_fixes import improve

# How mkdocs.yml names this extension (`markdown_extensions:`).
EXTENSION_NAME = __name__

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
    "td": {"colspan", "rowspan", "align", "data-label"},  # data-label: see html_fixes.py
    "th": {"colspan", "rowspan", "align", "scope"},
}
_EXTERNAL_LINK = re.compile(r'<a (?=[^>]*href="https?:)')


def clean_page_html(html: str) -> str:
    """Sanitized page body; links to other sites are marked so print can show their address."""
    cleaned = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES,
                        url_schemes={"http", "https", "mailto"},
                        link_rel="noopener noreferrer", strip_comments=True)
    return _EXTERNAL_LINK.sub('<a class="prepkit-external" ', cleaned)


class _SanitizePostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return clean_page_html(improve(text))


class SanitizeExtension(Extension):
    """Cleans the HTML of every page, after every other step of Python-Markdown."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Priority 0: after raw HTML is put back (30) and `&` is restored (20).
        md.postprocessors.register(_SanitizePostprocessor(md), "prepkit_sanitize", 0)


def makeExtension(**kwargs: object) -> SanitizeExtension:
    return SanitizeExtension(**kwargs)
