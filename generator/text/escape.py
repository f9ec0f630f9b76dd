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
# A link label may hold escapes, line breaks and one level of nested brackets; a target may
# hold one level of parentheses, as Python-Markdown allows.
_LABEL = r"((?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)"
_TARGET = (r"\s*<?((?:[^()\s<>]|\([^()\s<>]*\))*)>?"
           r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*")
_INLINE_LINK = re.compile(r"(!?)\[" + _LABEL + r"\]\(" + _TARGET + r"\)")
_REFERENCE_DEFINITION = re.compile(r"^[ \t>]*\[[^\]\n]+\]:.*$", re.MULTILINE)
_REFERENCE_LINK = re.compile(r"(!?)\[" + _LABEL + r"\]\[[^\]\n]*\]")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_FENCE = re.compile(r"^(```+|~~~+)[^\n]*\n.*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s", re.MULTILINE)


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
    text (they would load from elsewhere), and only http(s) links stay links. Code spans and
    code blocks are left alone: Markdown shows their text as typed.
    """
    if not text:
        return ""
    pieces = [piece if is_code else _disarm(piece)
              for is_code, piece in _split_code(text.replace("\r\n", "\n"))]
    safe = "".join(pieces)
    if indent:
        pad = " " * indent
        safe = "\n".join(pad + line if line.strip() else "" for line in safe.split("\n"))
    return safe.rstrip("\n")


def _disarm(text: str) -> str:
    safe = html_entities(text)
    # Block quotes are formatting, not HTML: give their markers back.
    safe = _QUOTE_MARKERS.sub(lambda m: m.group(1) + m.group(2).replace("&gt;", ">"), safe)
    safe = safe.replace("{", "\\{").replace("}", "\\}")
    safe = _safe_links(safe)
    safe = _REFERENCE_DEFINITION.sub(_safe_reference, safe)
    return _REFERENCE_LINK.sub(lambda match: match.group(2), safe)


def _safe_links(text: str) -> str:
    # Until nothing changes: a link's label may itself hold an image or a link.
    while True:
        changed = _INLINE_LINK.sub(_safe_link, text)
        if changed == text:
            return text
        text = changed


def _split_code(text: str) -> list[tuple[bool, str]]:
    """(is_code, piece) in order: fenced and indented blocks, and inline code spans."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    for fence in _FENCE.finditer(text):
        pieces += _split_indented_and_spans(text[position:fence.start()])
        pieces.append((True, fence.group(0)))
        position = fence.end()
    pieces += _split_indented_and_spans(text[position:])
    return pieces


def _split_indented_and_spans(text: str) -> list[tuple[bool, str]]:
    pieces: list[tuple[bool, str]] = []
    in_list = bool(_LIST_ITEM.search(text))  # indented lines then continue list items
    previous_blank, in_code = True, False
    prose: list[str] = []
    for line in text.splitlines(keepends=True):
        indented = line.startswith(("    ", "\t")) and line.strip()
        in_code = bool(indented) and not in_list and (previous_blank or in_code)
        if in_code:
            pieces += _split_spans("".join(prose))
            prose = []
            pieces.append((True, line))
        else:
            prose.append(line)
        previous_blank = not line.strip()
    pieces += _split_spans("".join(prose))
    return pieces


def _split_spans(text: str) -> list[tuple[bool, str]]:
    pieces: list[tuple[bool, str]] = []
    position = 0
    for span in _CODE_SPAN.finditer(text):
        pieces.append((False, text[position:span.start()]))
        pieces.append((True, span.group(0)))
        position = span.end()
    pieces.append((False, text[position:]))
    return [piece for piece in pieces if piece[1]]


def _safe_link(match: re.Match[str]) -> str:
    is_image, label, target = match.group(1), _safe_links(match.group(2)), match.group(3)
    if is_image:
        return label
    safe_target = url(target)
    return label if safe_target == "#" else f"[{label}]({safe_target})"


def _safe_reference(match: re.Match[str]) -> str:
    definition = match.group(0)
    target = definition.split("]:", 1)[1].strip().split(" ")[0].strip("<>")
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
