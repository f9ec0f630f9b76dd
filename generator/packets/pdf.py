"""From packet HTML to PDF bytes with WeasyPrint, fetching nothing from the network.

WeasyPrint is imported on first use, so commands that print nothing never load it, and a
machine without its system libraries gets a plain message naming the packages to install.
The stylesheet is parsed once per process and shared by every packet it renders.

Each PDF's file identifier (its trailer's /ID) records a digest of what it was made from: the
HTML, the stylesheet and the versions of prepkit and WeasyPrint. A later run reads it back
from the end of the file and skips a packet whose source has not changed.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from generator import __version__
from generator.errors import PrepkitError

if TYPE_CHECKING:
    from types import ModuleType

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
_LOCAL_HOSTS = {"", "localhost"}


def _import_weasyprint() -> ModuleType:
    try:
        return importlib.import_module("weasyprint")
    except (OSError, ImportError) as error:
        raise PrepkitError(
            f"printed packets need WeasyPrint and the system libraries it draws text with, "
            f"which could not be loaded ({error}). On Debian or Ubuntu install them with: "
            f"sudo apt-get install {SYSTEM_PACKAGES}") from None


def stylesheet() -> str:
    """packet.css, the print stylesheet of every packet and booklet."""
    return resources.files("generator.packets").joinpath("packet.css").read_text("utf-8")


@functools.cache
def _engine() -> _Engine:
    return _Engine(_import_weasyprint())


def refuse_remote(url: str) -> None:
    """Raise ValueError unless `url` is a data: URL or a file: URL on this machine."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return
    if scheme == "file" and parts.netloc.lower() in _LOCAL_HOSTS:
        return
    raise ValueError(f"prepkit fetches nothing from the network while printing; "
                     f"refused {url[:200]!r}")


def local_url_fetcher() -> Any:
    """A WeasyPrint URL fetcher that opens only data: and local file: URLs."""
    return _engine().fetcher_class()


class _Engine:
    """WeasyPrint, its fonts and the parsed stylesheet: loaded once, used for every packet."""

    def __init__(self, weasyprint: ModuleType) -> None:
        fonts_module = importlib.import_module("weasyprint.text.fonts")

        class LocalOnlyFetcher(weasyprint.URLFetcher):  # type: ignore[misc,name-defined]
            """Refuses every URL but data: and local file: ones, before opening anything."""

            def fetch(self, url: str, headers: Any = None) -> Any:
                refuse_remote(url)
                return super().fetch(url, headers)

        self.weasyprint = weasyprint
        self.fetcher_class = LocalOnlyFetcher
        self.fonts = fonts_module.FontConfiguration()
        self.css = weasyprint.CSS(string=stylesheet(), font_config=self.fonts,
                                  url_fetcher=LocalOnlyFetcher())

    def write_pdf(self, html: str, source_key: str | None) -> bytes:
        document = self.weasyprint.HTML(string=html, url_fetcher=self.fetcher_class())
        pdf: bytes = document.write_pdf(
            stylesheets=[self.css], font_config=self.fonts,
            pdf_identifier=source_key.encode("ascii") if source_key else None)
        return pdf


def html_to_pdf(html: str, source_key: str | None = None) -> bytes:
    """The PDF of one packet's (or booklet's) HTML; `source_key` becomes its identifier."""
    return _engine().write_pdf(html, source_key)


def source_key(html: str) -> str:
    """A digest of everything a PDF is made from: its HTML, the stylesheet and the versions."""
    digest = hashlib.sha256()
    for part in (html, stylesheet(), __version__, _weasyprint_version()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return f"prepkit-{digest.hexdigest()[:40]}"


@functools.cache
def _weasyprint_version() -> str:
    try:
        return metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        return "unknown"


def made_from(path: Path, key: str) -> bool:
    """Whether the PDF at `path` was made from the source `key` names (read from its end)."""
    try:
        with path.open("rb") as file:
            file.seek(0, os.SEEK_END)
            file.seek(max(0, file.tell() - 4096))
            tail = file.read()
    except OSError:
        return False
    return f"({key})".encode("ascii") in tail


def warm_up() -> None:
    """Load WeasyPrint and parse the stylesheet now (each parallel worker does this once)."""
    _engine()
