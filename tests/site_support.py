"""Helpers for the guide-site tests: kit copies, builds, a local web server and HTML parsing.

Import with `from site_support import ...` (pytest puts tests/ on sys.path: it has no
__init__.py). Nothing here is a fixture, so each test module decides what to share.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
KIT_PARTS = ("mkdocs.yml", "content", "site_overrides", "schemas")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TODAY = "2026-11-25"


# ---------------------------------------------------------------------------------------------
# Kits and builds
# ---------------------------------------------------------------------------------------------

def copy_example_kit(dest: Path) -> Path:
    """Copy the repository's example kit (mkdocs.yml, content/, overrides, schemas) to `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in KIT_PARTS:
        origin = REPO_ROOT / part
        if origin.is_dir():
            shutil.copytree(origin, dest / part)
        else:
            shutil.copy2(origin, dest / part)
    return dest


def build_kit(kit_dir: Path, today: str | None = TODAY, **kw: Any) -> Path:
    """`prepkit build --strict` of the kit into `kit_dir/site`; returns the site folder."""
    from generator.engines.mkdocs_build import build_site

    site_dir = kit_dir / "site"
    build_site(kit_dir / "mkdocs.yml", site_dir=site_dir,
               today=date.fromisoformat(today) if today else None, **{"strict": True, **kw})
    return site_dir


def mkdocs_env(today: str = TODAY) -> dict[str, str]:
    """Environment for running `mkdocs` in a subprocess: a fixed date, no MkDocs 2 banner."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PREPKIT_TODAY": today}


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under `folder`."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def load_synthetic() -> ModuleType:
    """bench/synthetic.py as a module (it is a script, not part of the package)."""
    path = REPO_ROOT / "bench" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("prepkit_bench_synthetic", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------------------------
# Browser and web server
# ---------------------------------------------------------------------------------------------

def launch_chromium(playwright: Any) -> Any:
    """The system Chromium through Playwright; no browser is ever downloaded."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 (a free port); yields the base URL ending in /."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# ---------------------------------------------------------------------------------------------
# HTML: a small element tree from html.parser, enough to ask what a page shows
# ---------------------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = None

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def find_all(self, tag: str | None = None, *, class_: str | None = None,
                 **attrs: str) -> list[Element]:
        """Descendants (not self) matching the tag, a class and exact attribute values."""
        return [element for element in self.iter() if element is not self
                and (tag is None or element.tag == tag)
                and (class_ is None or class_ in element.classes)
                and all(element.attrs.get(key) == value for key, value in attrs.items())]

    def find(self, tag: str | None = None, *, class_: str | None = None,
             **attrs: str) -> Element:
        """The first match; fails the test when there is none."""
        found = self.find_all(tag, class_=class_, **attrs)
        assert found, f"no <{tag or '*'}> with class={class_!r} {attrs} in <{self.tag}>"
        return found[0]

    @property
    def text(self) -> str:
        """The text inside, with whitespace runs collapsed to one space."""
        return " ".join(self.raw_text.split())

    @property
    def raw_text(self) -> str:
        """All text inside, as in the file; Material's heading permalinks (¶) are left out."""
        return "".join(child if isinstance(child, str) else child.raw_text
                       for child in self.children
                       if isinstance(child, str) or "headerlink" not in child.classes)

    @property
    def own_text(self) -> str:
        """Text directly inside, without nested lists (the label of a list item)."""
        parts = [child if isinstance(child, str) else child.text for child in self.children
                 if isinstance(child, str) or child.tag not in ("ul", "ol")]
        return " ".join(" ".join(parts).split())

    def links(self) -> list[tuple[str, str]]:
        """(href, text) of every <a href> inside."""
        return [(a.attrs["href"], a.text) for a in self.find_all("a") if "href" in a.attrs]

    def following_siblings(self) -> Iterator[Element]:
        assert self.parent is not None
        siblings = [child for child in self.parent.children if isinstance(child, Element)]
        yield from siblings[siblings.index(self) + 1:]

    def section(self, heading_id: str) -> list[Element]:
        """The elements after the heading with this id, up to the next heading of its rank."""
        heading = self.find(id=heading_id)
        rank = heading.tag
        body: list[Element] = []
        for sibling in heading.following_siblings():
            if sibling.tag in {"h1", "h2", "h3"} and sibling.tag <= rank:
                break
            body.append(sibling)
        return body


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {key: value or "" for key, value in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(
            Element(tag, {key: value or "" for key, value in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        open_element: Element | None = self.current
        while open_element is not None and open_element.tag != tag:
            open_element = open_element.parent
        if open_element is not None and open_element.parent is not None:
            self.current = open_element.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def html_file(site: Path, page: str) -> Path:
    """The built file of a page given as its URL path: '' (home), 'contacts/priya-natarajan'."""
    path = site / page / "index.html" if page else site / "index.html"
    assert path.is_file(), f"{path} was not built"
    return path


def read_page(site: Path, page: str) -> Element:
    """The parsed HTML of a built page, by URL path."""
    return parse_html(html_file(site, page).read_text(encoding="utf-8"))


def article(document: Element) -> Element:
    """The page's own content (Material's <article>), without header, sidebars or footer."""
    return document.find("article", class_="md-content__inner")


def table_rows(table: Element) -> list[list[str]]:
    """The text of each cell, row by row, header row first."""
    return [[cell.text for cell in row.iter() if cell.tag in ("th", "td")]
            for row in table.find_all("tr")]


def table_dict(table: Element) -> list[dict[str, str]]:
    """Body rows as {header: cell text}."""
    header, *rows = table_rows(table)
    return [dict(zip(header, row, strict=True)) for row in rows]
