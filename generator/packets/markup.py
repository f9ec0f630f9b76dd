"""Markdown the user wrote, as HTML safe to print: escaped, rendered, then sanitized.

Fields documented as "Markdown allowed" (a contact's background, a field's summary, research
notes, interview notes) keep their emphasis and lists on paper: printing `**bold**` literally
would look broken. The text goes through the same escaping as the web pages first
(`escape.markdown_block`: raw HTML becomes visible text, attribute lists are disarmed, images
become their alt text, only http(s) links stay links), then Python-Markdown, then nh3 with a
short list of tags and no `img`, so nothing in the text can make the PDF renderer fetch a thing.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

from generator.render import escape

_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "code", "blockquote"}
_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}


def markdown_html(text: str | None) -> Markup | None:
    """User Markdown as sanitized HTML, or None for an empty field."""
    if not text or not text.strip():
        return None
    html = str(markdown.markdown(escape.markdown_block(text), extensions=["sane_lists"],
                                 output_format="html"))
    cleaned = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https"},
                        link_rel=None, strip_comments=True)
    return Markup(cleaned)  # sanitized just above


def web_address(address: str | None) -> str | None:
    """An http(s) address to print and link, or None for anything else."""
    if not address:
        return None
    return address.strip() if escape.url(address) != "#" else None
