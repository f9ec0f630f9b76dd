"""Escaping text from YAML for each place it lands in generated Markdown.

Python-Markdown passes raw HTML through, turns `[x](javascript:...)` into a live link and lets
`attr_list` add `{: onclick=...}`. Text from YAML is therefore always escaped: `<`, `>` and `&`
become entities (a backslash before `<` would show), and Markdown's own characters get a
backslash. Fields documented as "Markdown allowed" keep emphasis, lists and http(s) links, and
lose raw HTML, attribute lists, images and links to any other scheme.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote, urlsplit

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for;
# a backslash before any other character would show.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_QUOTE_MARKERS = re.compile(r"^( {0,3})((?:&gt; ?)+)", re.MULTILINE)
_WHITESPACE = re.compile(r"\s+")
_SAFE_SCHEMES = ("http", "https")
_INLINE_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:.*$", re.MULTILINE)
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")


def html_entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(text: object) -> str:
    """Text shown exactly as typed inside a paragraph, heading, list item or table cell."""
    return _inline_text(str(text))


@functools.lru_cache(maxsize=65536)  # names, titles and labels recur on many pages
def _inline_text(text: str) -> str:
    flat = _WHITESPACE.sub(" ", text).strip()
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html_entities(flat))


def cell(text: object) -> str:
    """Text for a table cell: inline escaping already protects the `|` separators."""
    return inline(text) or " "


def url(address: str) -> str:
    """An http(s) address made safe to put inside `(...)` of a Markdown link; else '#'."""
    parts = urlsplit(address.strip())
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return "#"
    return quote(address.strip(), safe=":/?#[]@!$&'*+,;=%~-._")


def link(text: object, address: str | None) -> str:
    """`[text](address)` when the address is a web address, else the text alone."""
    target = url(address) if address else "#"
    return inline(text) if target == "#" else f"[{inline(text)}]({target})"


def mailto(address: str, *, subject: str = "", body: str = "") -> str:
    """A mailto: URL with each part percent-encoded, safe inside a Markdown link target."""
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in
                     (("subject", subject), ("body", body)) if value)
    return f"mailto:{quote(address, safe='@.+-_')}" + (f"?{query}" if query else "")


def markdown_block(text: str | None, *, indent: int = 0) -> str:
    """Markdown the user wrote, kept as formatting but stripped of everything active.

    Raw HTML is shown as text, `{...}` attribute lists are disarmed, images become their alt
    text (they would load from elsewhere), and only http(s) links stay links.
    """
    if not text:
        return ""
    safe = html_entities(text.replace("\r\n", "\n"))
    # Block quotes are formatting, not HTML: give their markers back.
    safe = _QUOTE_MARKERS.sub(lambda m: m.group(1) + m.group(2).replace("&gt;", ">"), safe)
    safe = safe.replace("{", "\\{").replace("}", "\\}")
    safe = _INLINE_LINK.sub(_safe_link, safe)
    safe = _REFERENCE_DEFINITION.sub(_safe_reference, safe)
    safe = _REFERENCE_LINK.sub(lambda match: match.group(1), safe)
    if indent:
        pad = " " * indent
        safe = "\n".join(pad + line if line.strip() else "" for line in safe.split("\n"))
    return safe.rstrip("\n")


def _safe_link(match: re.Match[str]) -> str:
    is_image, label, target = match.group(1), match.group(2), match.group(3)
    if is_image:
        return label
    safe_target = url(target)
    return label if safe_target == "#" else f"[{label}]({safe_target})"


def _safe_reference(match: re.Match[str]) -> str:
    definition = match.group(0)
    target = definition.split(":", 1)[1].strip().split(" ")[0].strip("<>")
    return definition if url(target) != "#" else ""


# The theme prints page titles and tag names into HTML without escaping them (and its
# `striptags` filter turns entities back into markup), so markup characters in them are
# replaced by look-alikes that no HTML parser treats as markup.
_TITLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ˋ"})


def title_text(text: object) -> str:
    """Text for a page title or tag name, shown by the theme outside Markdown."""
    return _WHITESPACE.sub(" ", str(text)).strip().translate(_TITLE_LOOKALIKES)


def yaml_string(text: object) -> str:
    """A double-quoted YAML scalar for front matter: nothing in it can end the block."""
    escaped = title_text(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = _WHITESPACE.sub(" ", escaped)
    return f'"{escaped}"'
