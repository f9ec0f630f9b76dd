"""The second wall: every generated page's HTML is cleaned before the theme wraps it.

Escaping (generator.render.escape) should already have made text from YAML inert; this pass
keeps only the elements and attributes Markdown and the theme's extensions produce, and only
http(s), mailto and relative links, so a gap in escaping cannot become a script.
"""

from __future__ import annotations

import re

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
