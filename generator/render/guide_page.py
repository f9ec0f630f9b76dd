"""A kit's own guide page (content/guide/<name>.md), made safe to publish as a page of the site.

The body stays the author's Markdown (its raw HTML is cleaned by the sanitizing Markdown
extension, under any engine). What the theme prints outside the page body without escaping,
the title (from front matter or the first heading, also used in the sidebar and `<title>`),
the description and the tags, is rewritten here: markup characters become look-alikes, and
front-matter keys the theme could print raw are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from generator.text.escape import title_text, yaml_string

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
# Material's `hide` values; anything else in `hide` is dropped.
_HIDEABLE = frozenset({"navigation", "toc", "footer", "tags", "feedback", "path"})


@dataclass(frozen=True)
class GuidePage:
    title: str  # safe to print unescaped: no markup character survives
    text: str  # the page as the site gets it: safe front matter, then the author's body
    tags: tuple[str, ...] = ()  # safe like the title


def guide_page(slug: str, source: str) -> GuidePage:
    """The page for `content/guide/<slug>.md` holding `source`."""
    meta, body = _split_front_matter(source)
    heading = _HEADING.search(body)
    raw_title = meta.get("title") if isinstance(meta.get("title"), str) else None
    title = title_text(raw_title or (heading.group(1) if heading else "")
                       or slug.replace("-", " ").capitalize())
    lines = ["---", f"title: {yaml_string(title)}"]
    description = meta.get("description")
    if isinstance(description, str) and description.strip():
        lines.append(f"description: {yaml_string(description)}")
    tags = [tag for tag in _list(meta.get("tags")) if isinstance(tag, str | int | float)]
    if tags:
        lines += ["tags:", *(f"  - {yaml_string(tag)}" for tag in tags)]
    hide = [item for item in _list(meta.get("hide")) if item in _HIDEABLE]
    if hide:
        lines += ["hide:", *(f"  - {item}" for item in hide)]
    return GuidePage(title, "\n".join([*lines, "---", "", body]),
                     tuple(title_text(tag) for tag in tags))


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _split_front_matter(source: str) -> tuple[dict[str, object], str]:
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, source
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        meta = None
    return (meta if isinstance(meta, dict) else {}), source[match.end():]
