"""Markdown the user wrote, as plain data for the print template: paragraphs, lists, runs.

Fields documented as "Markdown allowed" (a contact's background, a field's summary, research
notes, interview notes) keep their emphasis and lists on paper: printing `**bold**` literally
would look broken. The text goes through the same escaping as the web pages first
(`escape.markdown_block`: raw HTML becomes visible text, attribute lists are disarmed, images
become their alt text, only http(s) links stay links), then Python-Markdown, then nh3 with a
short list of tags. What is left is read back into blocks and runs of text, each with its
style flags and, for a link, its address: never markup. The template shows each run's text as
text, so nothing the user typed can become a Typst instruction.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import markdown
import nh3

from generator.text import escape

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}  # printed as paragraphs in bold
_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "code", "blockquote", *_HEADINGS}
_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
_STYLES = {"em": "i", "strong": "b", "code": "c"}
_SPACES = re.compile(r"[ \t\r\n]+")

# A block is {"p": [run, ...]}, {"list": [[block, ...], ...], "ordered": bool, "start": int}
# or {"quote": [block, ...]}; a run is {"t": text} with "b", "i", "c" (bold, italic, code)
# set to true when they apply and "u" holding a link's http(s) address, or {"br": true}.
Block = dict[str, Any]
Run = dict[str, Any]


def markdown_blocks(text: str | None) -> list[Block] | None:
    """User Markdown as blocks of styled text runs, or None for an empty field."""
    if not text or not text.strip():
        return None
    html = str(markdown.markdown(escape.markdown_block(text), extensions=["sane_lists"],
                                 output_format="html"))
    cleaned = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https"},
                        link_rel=None, strip_comments=True)
    reader = _BlockReader()
    reader.feed(cleaned)
    reader.close()
    return reader.blocks() or None


def web_address(address: str | None) -> str | None:
    """An http(s) address to print and link, or None for anything else."""
    if not address:
        return None
    return address.strip() if escape.url(address) != "#" else None


class _BlockReader(HTMLParser):
    """Reads the sanitized HTML above (a handful of tags) into blocks and runs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._root: list[Block] = []
        self._containers: list[list[Block]] = [self._root]  # where the next block goes
        self._lists: list[Block] = []
        self._paragraph: list[Run] | None = None
        self._styles: list[str] = []
        self._links: list[str | None] = []

    def blocks(self) -> list[Block]:
        self._end_paragraph()
        return _without_empty(self._root)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _STYLES:
            self._styles.append(_STYLES[tag])
        elif tag == "a":
            href = values.get("href")
            self._links.append(web_address(href) if href else None)
        elif tag == "br":
            self._runs().append({"br": True})
        elif tag == "p" or tag in _HEADINGS:
            self._end_paragraph()
            self._paragraph = []
            if tag in _HEADINGS:
                self._styles.append("b")
        elif tag in ("ul", "ol"):
            self._end_paragraph()
            start = values.get("start")
            block: Block = {"list": [], "ordered": tag == "ol",
                            "start": int(start) if start and start.isdigit() else 1}
            self._containers[-1].append(block)
            self._lists.append(block)
        elif tag == "li":
            self._end_paragraph()
            item: list[Block] = []
            if self._lists:
                self._lists[-1]["list"].append(item)
            self._containers.append(item)
        elif tag == "blockquote":
            self._end_paragraph()
            quote: Block = {"quote": []}
            self._containers[-1].append(quote)
            self._containers.append(quote["quote"])

    def handle_endtag(self, tag: str) -> None:
        if tag in _STYLES and _STYLES[tag] in self._styles:
            self._styles.reverse()
            self._styles.remove(_STYLES[tag])
            self._styles.reverse()
        elif tag == "a" and self._links:
            self._links.pop()
        elif tag == "p" or tag in _HEADINGS:
            self._end_paragraph()
            if tag in _HEADINGS and "b" in self._styles:
                self._styles.remove("b")
        elif tag in ("ul", "ol") and self._lists:
            self._end_paragraph()
            self._lists.pop()
        elif tag in ("li", "blockquote") and len(self._containers) > 1:
            self._end_paragraph()
            self._containers.pop()

    def handle_data(self, data: str) -> None:
        if self._paragraph is None and not data.strip():
            return  # whitespace between blocks
        run: Run = {"t": data}
        for style in self._styles:
            run[style] = True
        link = next((address for address in reversed(self._links) if address), None)
        if link:
            run["u"] = link
        self._runs().append(run)

    def _runs(self) -> list[Run]:
        if self._paragraph is None:
            self._paragraph = []
        return self._paragraph

    def _end_paragraph(self) -> None:
        if self._paragraph is not None:
            runs = _tidy(self._paragraph)
            if runs:
                self._containers[-1].append({"p": runs})
            self._paragraph = None


def _tidy(runs: list[Run]) -> list[Run]:
    """Runs with each run of spaces and line breaks of the source made one space, and no
    blank ends."""
    tidy: list[Run] = []
    for run in runs:
        if "t" in run:
            text = _SPACES.sub(" ", run["t"])
            if not tidy and not text.strip():
                continue
            tidy.append({**run, "t": text})
        elif tidy:
            tidy.append(run)
    while tidy and ("br" in tidy[-1] or not tidy[-1]["t"].strip()):
        tidy.pop()
    if tidy:
        tidy[0] = {**tidy[0], "t": tidy[0]["t"].lstrip()}
        tidy[-1] = {**tidy[-1], "t": tidy[-1]["t"].rstrip()}
    return tidy


def _without_empty(blocks: list[Block]) -> list[Block]:
    kept: list[Block] = []
    for block in blocks:
        if "list" in block:
            items = [_without_empty(item) for item in block["list"]]
            block = {**block, "list": [item for item in items if item]}
            if not block["list"]:
                continue
        elif "quote" in block:
            block = {"quote": _without_empty(block["quote"])}
            if not block["quote"]:
                continue
        kept.append(block)
    return kept
